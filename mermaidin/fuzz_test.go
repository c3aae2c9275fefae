package mermaidin_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/mermaidin"
	"github.com/journeymap/journeymap/render"
)

// FuzzImport: Import never panics; it returns Errors or a valid journey,
// and an accepted diagram round-trips (import → render → import gives the
// same journey).
func FuzzImport(f *testing.F) {
	f.Add([]byte("journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n"))
	f.Add([]byte("journey\naccDescr {\n  two\n  lines\n}\nsection A<br>B\n  t#58;x: 3: A#44;B, , C:\n"))
	f.Add([]byte("%% c\njourney\r\ntitle\r\nsection S %% c\r\n  a%%b: 0x5: #amp;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := mermaidin.Import(bytes.NewReader(data), mermaidin.Options{})
		if err != nil {
			var list mermaidin.Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty mermaidin.Errors: %#v", err)
			}
			return
		}
		if err := j.Validate(); err != nil {
			t.Fatalf("imported journey is invalid: %v", err)
		}
		var b bytes.Buffer
		if err := (render.Mermaid{}).Render(&b, j); err != nil {
			t.Fatalf("the imported journey does not render: %v", err)
		}
		again, err := mermaidin.Import(bytes.NewReader(b.Bytes()), mermaidin.Options{})
		if err != nil {
			t.Fatalf("the rendered diagram does not import: %v\n%s", err, b.Bytes())
		}
		x, _ := journey.Marshal(j)
		y, _ := journey.Marshal(again)
		if !bytes.Equal(x, y) {
			t.Fatalf("round trip differs:\n%s\n---\n%s", x, y)
		}
	})
}
