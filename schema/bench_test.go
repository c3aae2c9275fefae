package schema_test

import (
	"bytes"
	"testing"

	sj "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

// BenchmarkValidateOneMB reports how long santhosh-tekuri/jsonschema takes
// to parse and validate a 1 MB journey against the published schema, beside
// the library's own decode and Validate of the same bytes.
func BenchmarkValidateOneMB(b *testing.B) {
	data, err := journey.Marshal(randjourney.Generate(1, randjourney.OneMB))
	require.NoError(b, err)
	b.Run("schema", func(b *testing.B) {
		s := compile(b, "journey")
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			inst, err := sj.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			if err := s.Validate(inst); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := libraryCheck("journey", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReflect reports the cost of reflecting a schema at run time.
func BenchmarkReflect(b *testing.B) {
	for b.Loop() {
		if _, err := schema.Reflect(journey.Journey{}); err != nil {
			b.Fatal(err)
		}
	}
}
