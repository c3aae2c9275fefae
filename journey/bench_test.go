package journey_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/journeymap/journeymap/internal/randjourney"
	"github.com/journeymap/journeymap/journey"
)

var oneMB = sync.OnceValue(func() []byte {
	data, err := journey.Marshal(randjourney.Generate(1, randjourney.OneMB))
	if err != nil {
		panic(err)
	}
	return data
})

// BenchmarkDecode1MB decodes a ~1 MB generated document with every check of
// the strict decoder (and id filling). Compare with BenchmarkStdUnmarshal1MB:
// the target is at most 1.5 times its cost.
func BenchmarkDecode1MB(b *testing.B) {
	data := oneMB()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := journey.Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdUnmarshal1MB is plain json.Unmarshal of the same bytes into the
// same types (through their struct tags), the baseline of BenchmarkDecode1MB.
func BenchmarkStdUnmarshal1MB(b *testing.B) {
	data := oneMB()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var j journey.Journey
		if err := json.Unmarshal(data, &j); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshal1MB encodes the same journey canonically.
func BenchmarkMarshal1MB(b *testing.B) {
	j, err := journey.Unmarshal(oneMB())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(oneMB())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := journey.Marshal(j); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClone1MB deep-copies the same journey.
func BenchmarkClone1MB(b *testing.B) {
	j, err := journey.Unmarshal(oneMB())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = j.Clone()
	}
}
