package fuzztest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
)

// exampleDocs returns the example journey documents.
func exampleDocs(f testing.TB) [][]byte {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "examples", "journeys", "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no example journeys under examples/journeys: %v", err)
	}
	var docs [][]byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		docs = append(docs, data)
	}
	return docs
}

// hostileDocs returns, for every entry of the hostile corpus but the 100 KB
// label (too slow to mutate), the journey carrying that label everywhere.
func hostileDocs(f testing.TB) [][]byte {
	f.Helper()
	var docs [][]byte
	for _, e := range hostile.Entries() {
		if len(e.Text) > 4096 {
			continue
		}
		data, err := journey.Marshal(hostile.JourneyFor(e.Text))
		if err != nil {
			f.Fatalf("marshal hostile journey %s: %v", e.ID, err)
		}
		docs = append(docs, data)
	}
	return docs
}

// addSeeds adds the examples, the hostile journeys and a few broken documents
// to f's seed corpus.
func addSeeds(f *testing.F) {
	for _, d := range exampleDocs(f) {
		f.Add(d)
	}
	for _, d := range hostileDocs(f) {
		f.Add(d)
	}
	for _, s := range []string{
		``, `{}`, `null`, `[]`, `{"schema_version":1}`,
		`{"schema_version":1,"title":"t","type":"current_state","stages":[{"name":"s","phase":"before_purchase","touchpoints":[{"name":"x","channel":"email","emotion":-2}]}]}`,
		`{"schema_version":1,"title":"t","type":"current_state","stages":[{"name":"s","phase":"before_purchase","touchpoints":[{"name":"x","channel":"email","emotion":1e308}]}]}`,
	} {
		f.Add([]byte(s))
	}
}

// decode returns the journey in data, or nil when data is not a decodable
// journey document (those are the decoder's business, fuzzed in journey/).
func decode(data []byte) *journey.Journey {
	j, err := journey.Unmarshal(data)
	if err != nil {
		return nil
	}
	return j
}
