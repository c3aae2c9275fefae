package analysis_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/randjourney"
	"github.com/journeymap/journeymap/journey"
)

// indented is what WriteJSON must write: json.MarshalIndent and a newline.
func indented(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return string(data) + "\n"
}

// TestWriteJSONIsMarshalIndent: the streamed JSON of reports and changes
// is byte for byte what json.MarshalIndent writes, for the examples, for
// random journeys that fill every member (persona curves, hotspots, the
// weakest link, stages without emotion) and for empty ones, so the writers
// cannot drift from the structs' tags.
func TestWriteJSONIsMarshalIndent(t *testing.T) {
	journeys := map[string]*journey.Journey{"nil": nil, "empty": {}}
	paths, err := filepath.Glob(filepath.Join("..", "examples", "journeys", "*.json"))
	require.NoError(t, err)
	for _, p := range paths {
		journeys[filepath.Base(p)] = loadExample(t, p)
	}
	for seed := range uint64(8) {
		journeys["random"+string(rune('0'+seed))] = randjourney.Generate(seed, randjourney.Options{Stages: 4, TouchpointsPerStage: 5, PainPointsPerTouchpoint: 3})
	}
	for name, j := range journeys {
		for _, opts := range []analysis.Options{{Now: goldenNow}, {Hotspots: -1}} {
			r := analysis.Analyze(j, opts)
			var b bytes.Buffer
			require.NoError(t, r.WriteJSON(&b))
			assert.Equal(t, indented(t, r), b.String(), "report of %s", name)
		}
		c := analysis.Diff(journeys["ecommerce-current.json"], j)
		var b bytes.Buffer
		require.NoError(t, c.WriteJSON(&b))
		assert.Equal(t, indented(t, c), b.String(), "changes to %s", name)
	}
	var b bytes.Buffer
	require.NoError(t, (&analysis.Report{}).WriteJSON(&b))
	assert.Equal(t, indented(t, &analysis.Report{}), b.String(), "nil lists are null, as encoding/json writes them")
	assert.EqualError(t, analysis.Analyze(nil, analysis.Options{}).WriteJSON(failWriter{}), "disk full")
}
