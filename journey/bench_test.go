package journey_test

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
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

// plainJourney is the type of journey.Journey rebuilt without the
// document structs' methods, so that encoding/json decodes every object by
// reflection and not through the strict UnmarshalJSON methods of Journey,
// Persona and PainPoint. Field types that are not document structs (enums,
// uuid.UUID, time.Time, json.RawMessage) are kept, as before.
var plainJourney = sync.OnceValue(func() reflect.Type { return plain(reflect.TypeFor[journey.Journey]()) })

func plain(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		e := plain(t.Elem())
		switch {
		case e == t.Elem():
			return t // json.RawMessage, []uuid.UUID, ... keep their names
		case t.Kind() == reflect.Pointer:
			return reflect.PointerTo(e)
		case t.Kind() == reflect.Slice:
			return reflect.SliceOf(e)
		}
		return reflect.MapOf(t.Key(), e)
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			return t
		}
		fields := make([]reflect.StructField, t.NumField())
		for i := range fields {
			f := t.Field(i)
			fields[i] = reflect.StructField{Name: f.Name, Type: plain(f.Type), Tag: f.Tag}
		}
		return reflect.StructOf(fields)
	}
	return t
}

// BenchmarkStdUnmarshal1MB is plain json.Unmarshal of the same bytes into the
// same types (through their struct tags), the baseline of BenchmarkDecode1MB.
func BenchmarkStdUnmarshal1MB(b *testing.B) {
	data := oneMB()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		j := reflect.New(plainJourney()).Interface()
		if err := json.Unmarshal(data, j); err != nil {
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

// BenchmarkDecodeVsStd1MB alternates the strict decoder and json.Unmarshal
// on the same 1 MB document inside one loop and reports the ratio of their
// times (strict/std; the target is at most 1.5), which stays
// meaningful on a loaded machine where separate benchmarks drift apart.
func BenchmarkDecodeVsStd1MB(b *testing.B) {
	data := oneMB()
	var strict, std time.Duration
	b.SetBytes(int64(2 * len(data)))
	for b.Loop() {
		t0 := time.Now()
		if _, err := journey.Unmarshal(data); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		j := reflect.New(plainJourney()).Interface()
		if err := json.Unmarshal(data, j); err != nil {
			b.Fatal(err)
		}
		std += time.Since(t1)
		strict += t1.Sub(t0)
	}
	b.ReportMetric(float64(strict.Nanoseconds())/float64(b.N), "strict-ns/op")
	b.ReportMetric(float64(std.Nanoseconds())/float64(b.N), "std-ns/op")
	b.ReportMetric(float64(strict)/float64(std), "strict/std")
}
