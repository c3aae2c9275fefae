package analysis_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/journey"
)

// goldenNow is the fixed date the example journeys are analysed at, so
// review.overdue is checked without reading the clock.
var goldenNow = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./analysis -update")
	assert.Equal(t, string(want), string(got), "%s is out of date; run go test ./analysis -update and review the diff", path)
}

func loadExample(t *testing.T, path string) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err, path)
	return j
}

func marshalIndent(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(v))
	return b.Bytes()
}

// TestGoldenExamples analyses every example journey (new examples are picked
// up by the glob) and compares the full report with its golden file.
func TestGoldenExamples(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "journeys", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no example journeys found")
	var names []string
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		names = append(names, name+".json")
		t.Run(name, func(t *testing.T) {
			r := analysis.Analyze(loadExample(t, path), analysis.Options{Now: goldenNow})
			checkGolden(t, filepath.Join("examples", name+".json"), marshalIndent(t, r))
		})
	}
	// No golden file outlives its example.
	if !*update {
		files, err := filepath.Glob(filepath.Join("testdata", "examples", "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			assert.Contains(t, names, filepath.Base(f), "golden file without an example journey")
		}
	}
}

// TestGoldenDiffCurrentFuture compares the e-commerce current and future
// state examples.
func TestGoldenDiffCurrentFuture(t *testing.T) {
	cur := filepath.Join("..", "examples", "journeys", "ecommerce-current.json")
	fut := filepath.Join("..", "examples", "journeys", "ecommerce-future.json")
	if _, err := os.Stat(fut); err != nil {
		t.Skip("no future-state example")
	}
	c := analysis.Diff(loadExample(t, cur), loadExample(t, fut))
	checkGolden(t, "diff/ecommerce.json", marshalIndent(t, c))
	checkGolden(t, "diff/ecommerce.txt", []byte(c.String()))
}
