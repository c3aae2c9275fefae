package painpoint_test

import (
	"fmt"

	"github.com/journeymap/journeymap/painpoint"
)

func ExampleUnmarshal() {
	p, err := painpoint.Unmarshal([]byte(`{"title": "Phí ship ẩn", "category": "financial", "severity": "high"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title, p.Category, p.Severity, p.Severity.Rank())
	// Output:
	// Phí ship ẩn financial high 3
}

func ExampleMarshal() {
	out, err := painpoint.Marshal(&painpoint.PainPoint{Title: "Slow <refund>", Category: painpoint.Support, Severity: painpoint.Medium})
	fmt.Println(string(out), err)
	// Output:
	// {"title":"Slow <refund>","category":"support","severity":"medium"} <nil>
}
