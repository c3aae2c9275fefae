package analytics

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/journeymap/journeymap/i18n"
)

// checkReaders runs both readers on data in both orders, with tiny blocks:
// they may reject it, but must not panic, and every line they use or report
// must lie within the input. A result is then written for people in both
// languages and laid over its journey.
func checkReaders(t *testing.T, data []byte) {
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 64
	lines := int64(bytes.Count(data, []byte{'\n'}) + 1)
	for _, order := range []Order{TimeOrdered, Grouped} {
		p, err := NewPlan(smallJourney(), Options{Order: order, Workers: 2, MaxBadRows: MaxBadPercent(100)})
		if err != nil {
			t.Fatal(err)
		}
		for _, read := range []func([]byte) (*Result, error){
			func(b []byte) (*Result, error) { return p.ReadCSV(bytes.NewReader(b)) },
			func(b []byte) (*Result, error) { return p.ReadNDJSON(bytes.NewReader(b)) },
		} {
			res, err := read(data)
			if err != nil {
				continue
			}
			for _, b := range res.BadRows.Rows {
				if b.Line < 1 || b.Line > lines {
					t.Fatalf("bad row at line %d of %d: %q", b.Line, lines, data)
				}
			}
			if res.Events+res.BadRows.Count > lines {
				t.Fatalf("%d events and %d bad rows from %d lines: %q", res.Events, res.BadRows.Count, lines, data)
			}
			// The reports for people say the same lines in both languages,
			// and the measured figures laid over the journey keep it valid.
			var en, vi bytes.Buffer
			if err := res.WriteText(&en, i18n.English); err != nil {
				t.Fatal(err)
			}
			if err := res.WriteText(&vi, i18n.Vietnamese); err != nil {
				t.Fatal(err)
			}
			if a, b := bytes.Count(en.Bytes(), []byte{'\n'}), bytes.Count(vi.Bytes(), []byte{'\n'}); a != b {
				t.Fatalf("%d lines in English, %d in Vietnamese: %q", a, b, data)
			}
			if err := Overlay(smallJourney(), res).Validate(); err != nil {
				t.Fatalf("overlay: %v: %q", err, data)
			}
		}
	}
}

func FuzzReaders(f *testing.F) {
	f.Add([]byte("customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\n"))
	f.Add([]byte("customer_id,touchpoint,timestamp,outcome,emotion\n\"c\n1\",a1,1,ok,1\nc2,\"\"\"\",2,failed,-2\n"))
	f.Add([]byte(`{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}` + "\n{\"x\":[}\n"))
	f.Fuzz(checkReaders)
}

func TestReadersSurviveRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	alphabet := []byte("customer_id,touchpoint,timestamp,outcome,emotion\n\r\"{}:[] a1b1c2ok failed -1.5 2026-01-01T00:00:00Z 1767225600")
	for range 150 {
		data := make([]byte, rng.IntN(300))
		for i := range data {
			if rng.IntN(50) == 0 {
				data[i] = byte(rng.IntN(256))
			} else {
				data[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		if rng.IntN(2) == 0 {
			data = append([]byte("customer_id,touchpoint,timestamp\n"), data...)
		}
		checkReaders(t, data)
	}
}
