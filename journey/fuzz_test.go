package journey_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
)

// FuzzDecode checks that decode → Validate → encode never panics on any
// input, that every rejection is a docerr.List of *docerr.Error wrapping a
// sentinel, and that accepted input round-trips: once encoded, decoding and
// encoding again gives identical bytes. A journey that passes Validate
// always encodes. The seed corpus is in testdata/fuzz/FuzzDecode, plus the
// golden source and a few random journeys added here.
func FuzzDecode(f *testing.F) {
	if src, err := os.ReadFile(filepath.Join("testdata", "source.json")); err == nil {
		f.Add(src)
	}
	for seed := range uint64(4) {
		data, err := journey.MarshalIndent(randjourney.Generate(seed, randjourney.Options{Personas: 1, Stages: 2, TouchpointsPerStage: 2, PainPointsPerTouchpoint: 1, Opportunities: 1}), " ")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	sentinels := []error{
		docerr.ErrSyntax, docerr.ErrTooLarge, docerr.ErrTooDeep, docerr.ErrInvalidUTF8, docerr.ErrTrailingData,
		docerr.ErrUnknownField, docerr.ErrDuplicateKey, docerr.ErrType, docerr.ErrRequired, docerr.ErrRange,
		docerr.ErrEnum, docerr.ErrInvalid, docerr.ErrSchemaVersion,
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := journey.UnmarshalOptions(data, journey.DecodeOptions{MaxBytes: 1 << 20})
		if err != nil {
			if j != nil {
				t.Fatal("a journey returned with an error")
			}
			var list docerr.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a docerr.List: %v", err)
			}
			for _, e := range list {
				known := false
				for _, s := range sentinels {
					known = known || errors.Is(e, s)
				}
				if !known {
					t.Fatalf("problem without a sentinel: %v", e)
				}
			}
			return
		}
		valid := j.Validate() == nil
		out, err := journey.Marshal(j)
		if err != nil {
			if valid {
				t.Fatalf("a valid journey does not encode: %v", err)
			}
			return // e.g. a missing required enum, which Validate reports
		}
		if _, err := journey.MarshalIndent(j, "\t"); err != nil {
			t.Fatalf("compact encodes but indented does not: %v", err)
		}
		back, err := journey.UnmarshalOptions(out, journey.DecodeOptions{MaxBytes: 2 << 20})
		if err != nil {
			t.Fatalf("canonical output does not decode: %v\n%s", err, out)
		}
		again, err := journey.Marshal(back)
		if err != nil {
			t.Fatalf("re-encoding failed: %v", err)
		}
		if string(again) != string(out) {
			t.Fatalf("round trip is not byte-identical:\n%s\n%s", out, again)
		}
	})
}
