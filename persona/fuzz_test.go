package persona_test

import (
	"testing"

	"github.com/journeymap/journeymap/persona"
)

// FuzzDecode checks that decoding, validating and encoding a standalone
// persona never panics and that accepted input round-trips byte-identically
// once encoded.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(full))
	f.Add([]byte(`{"name":"a","demographics":{},"extensions":{"a":[{"b":null}]}}`))
	f.Add([]byte(`{"name":"a","lifecycle":"fan","x":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := persona.Unmarshal(data)
		if err != nil {
			return
		}
		valid := p.Validate() == nil
		out, err := persona.Marshal(p)
		if err != nil {
			if valid {
				t.Fatalf("a valid persona does not encode: %v", err)
			}
			return
		}
		back, err := persona.Unmarshal(out)
		if err != nil {
			t.Fatalf("canonical output does not decode: %v\n%s", err, out)
		}
		again, err := persona.Marshal(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("round trip differs (%v):\n%s\n%s", err, out, again)
		}
	})
}
