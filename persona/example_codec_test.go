package persona_test

import (
	"fmt"

	"github.com/journeymap/journeymap/persona"
)

func ExampleUnmarshal() {
	p, err := persona.Unmarshal([]byte(`{"name": "Lan", "lifecycle": "customer", "preferred_channels": ["mobile_app", "chat"]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Name, p.Lifecycle, p.PreferredChannels)
	out, _ := persona.Marshal(&persona.Persona{Name: p.Name, Lifecycle: p.Lifecycle})
	fmt.Println(string(out))

	_, err = persona.Unmarshal([]byte(`{"name": "Lan", "lifecycle": "fan"}`))
	fmt.Println(err)
	// Output:
	// Lan customer [mobile_app chat]
	// {"name":"Lan","lifecycle":"customer"}
	// lifecycle: lifecycle "fan" is not one of stranger, visitor, lead, customer, promoter
}
