package painpoint_test

import (
	"testing"

	"github.com/journeymap/journeymap/painpoint"
)

// FuzzDecode checks that decoding, validating and encoding a standalone pain
// point never panics and that accepted input round-trips byte-identically
// once encoded.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(full))
	f.Add([]byte(`{"title":"t","category":"process","severity":"low","persona_ids":["0a0b0c0d-0e0f-4000-8000-000000000001"],"extensions":{"a":[{"b":null}]}}`))
	f.Add([]byte(`{"title":"t","severity":"urgent","x":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := painpoint.Unmarshal(data)
		if err != nil {
			return
		}
		valid := p.Validate() == nil
		out, err := painpoint.Marshal(p)
		if err != nil {
			if valid {
				t.Fatalf("a valid pain point does not encode: %v", err)
			}
			return
		}
		back, err := painpoint.Unmarshal(out)
		if err != nil {
			t.Fatalf("canonical output does not decode: %v\n%s", err, out)
		}
		again, err := painpoint.Marshal(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("round trip differs (%v):\n%s\n%s", err, out, again)
		}
	})
}
