package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
	"github.com/journeymap/journeymap/xlsx"
)

// A journey written as a workbook and read back.
func ExampleWorkbook() {
	j := journey.New("Checkout", journey.CurrentState)
	s := j.AddStage("Pay", journey.DuringPurchase)
	tp := touchpoint.New("=Card form", "website")
	tp.SetEmotion(-1)
	s.Touchpoints = append(s.Touchpoints, &tp)

	var book bytes.Buffer
	if err := (xlsx.Workbook{}).Render(&book, j); err != nil {
		fmt.Println(err)
		return
	}
	back, err := xlsx.Import(&book, xlsx.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := back.Stages[0].Touchpoints[0]
	fmt.Println(back.Stages[0].Name, back.Stages[0].Phase, t.Name, t.Channel, *t.Emotion)
	// Output:
	// Pay during_purchase =Card form website -1
}
