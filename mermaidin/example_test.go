package mermaidin_test

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/mermaidin"
)

func ExampleImport() {
	diagram := `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Do work: 1: Me, Cat
    section Go home
      Sit down: 3: Me
`
	j, err := mermaidin.Import(strings.NewReader(diagram), mermaidin.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Title, "-", len(j.Personas), "personas")
	for _, s := range j.Stages {
		for _, tp := range s.Touchpoints {
			fmt.Printf("%s (%s): %s, emotion %+g, %d persona ids\n", s.Name, s.Phase, tp.Name, *tp.Emotion, len(tp.PersonaIDs))
		}
	}
	_, err = mermaidin.Import(strings.NewReader("journey\nsection S\n  Pay: 7: Me\n"), mermaidin.Options{})
	fmt.Println(err)
	// Output:
	// My working day - 2 personas
	// Go to work (before_purchase): Make tea, emotion +2, 1 persona ids
	// Go to work (before_purchase): Do work, emotion -2, 0 persona ids
	// Go home (during_purchase): Sit down, emotion +0, 1 persona ids
	// line 3: score "7" is not a whole number from 1 to 5 (journeymap's emotion −2..2 is the score − 3)
}
