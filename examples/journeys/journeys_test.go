package journeys_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var j journey.Journey
		if err := json.Unmarshal(b, &j); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := j.Validate(); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		n := 0
		cats := map[string]bool{}
		for _, tp := range j.Touchpoints() {
			n++
			for _, p := range tp.PainPoints {
				cats[string(p.Category)] = true
			}
		}
		t.Logf("%s: %d touchpoints, categories %v", filepath.Base(f), n, cats)
	}
}
