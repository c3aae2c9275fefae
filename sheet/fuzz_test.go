package sheet_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
)

// FuzzImport: any input either imports to a valid journey whose CSV imports
// back to the same document (every field the layout carries), or is
// rejected with Errors; Import never panics.
func FuzzImport(f *testing.F) {
	seed, err := os.ReadFile("testdata/cvj-excel-vi.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("stage,phase,touchpoint,channel,emotion,actions,pain,pain_category,pain_severity\n" +
		"A,before,Ad,website,1,\"x\ny\",Slow,process,low\n,,,,,,Fee,financial,high\nB,after,,,,,,,\n"))
	f.Add([]byte("stage_id,stage,phase,touchpoint_id,touchpoint,channel\n" +
		"1b4e28ba-2fa1-41d2-883f-0016d3cca427,'=A,during,2b4e28ba-2fa1-41d2-883f-0016d3cca427,\" t \",store\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := sheet.Import(bytes.NewReader(data), sheet.Options{MaxErrors: 50})
		if err != nil {
			var list sheet.Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty sheet.Errors: %#v", err)
			}
			return
		}
		if err := j.Validate(); err != nil {
			t.Fatalf("imported journey is invalid: %v", err)
		}
		// The layout repeats a touchpoint's cells on each of its pain point
		// rows, so the rendered CSV can be quadratic in the input: skip the
		// round trip when it would be large.
		cells := 0
		for _, tp := range j.Touchpoints() {
			cells += max(1, len(tp.PainPoints)) * (1 + len(tp.Actions) + len(tp.Thoughts) + len(tp.Feelings))
		}
		if cells > 100_000 {
			return
		}
		var first bytes.Buffer
		if err := (render.CSV{}).Render(&first, j); err != nil {
			if errors.Is(err, render.ErrCSVList) {
				return // a list item one line per item cannot carry; refused, not changed
			}
			t.Fatal(err)
		}
		back, err := sheet.Import(bytes.NewReader(first.Bytes()), sheet.Options{})
		if err != nil {
			t.Fatalf("the rendered CSV does not import: %v\n%s", err, first.Bytes())
		}
		x, y := projection(j), projection(back)
		if x != y {
			t.Fatalf("CSV round trip differs:\n%s\n---\n%s", x, y)
		}
	})
}

// projection is the part of a journey the CSV layout carries, as JSON.
func projection(j *journey.Journey) string {
	data, err := json.Marshal(csvProjection(j))
	if err != nil {
		return err.Error()
	}
	return string(data)
}
