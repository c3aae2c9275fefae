package sheet_test

import (
	"bytes"
	"testing"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
)

// BenchmarkImport imports the CSV of a random journey with 1000 touchpoints
// (10 stages × 100, up to 2 pain points each).
func BenchmarkImport(b *testing.B) {
	j := randjourney.OneLineItems(randjourney.Generate(1, randjourney.Options{Stages: 10, TouchpointsPerStage: 100}))
	var csv bytes.Buffer
	if err := (render.CSV{}).Render(&csv, j); err != nil {
		b.Fatal(err)
	}
	data := csv.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sheet.Import(bytes.NewReader(data), sheet.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
