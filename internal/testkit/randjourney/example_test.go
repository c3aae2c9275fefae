package randjourney_test

import (
	"fmt"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
)

func ExampleGenerate() {
	j := randjourney.Generate(1, randjourney.Options{Personas: 2, Stages: 3, TouchpointsPerStage: 4, Opportunities: 1})
	fmt.Println(len(j.Personas), len(j.Stages), len(j.Stages[0].Touchpoints), len(j.Opportunities))
	fmt.Println("valid:", j.Validate() == nil)

	// The same seed always gives the same journey.
	a, _ := journey.Marshal(randjourney.New(7))
	b, _ := journey.Marshal(randjourney.New(7))
	fmt.Println("deterministic:", string(a) == string(b))
	// Output:
	// 2 3 4 1
	// valid: true
	// deterministic: true
}
