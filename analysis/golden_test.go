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
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/journey"
)

// goldenNow is the fixed date the example journeys are analysed at, so
// review.overdue is checked without reading the clock.
var goldenNow = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)

// TestMain fails the run when a golden file under testdata/ is checked by
// no test, such as the report of an example journey that was removed.
func TestMain(m *testing.M) { golden.Main(m, "testdata") }

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
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			r := analysis.Analyze(loadExample(t, path), analysis.Options{Now: goldenNow})
			golden.Check(t, filepath.Join("testdata", "examples", name+".json"), marshalIndent(t, r))
		})
	}
}

// TestGoldenDiffCurrentFuture compares the e-commerce current and future
// state examples.
func TestGoldenDiffCurrentFuture(t *testing.T) {
	cur := filepath.Join("..", "examples", "journeys", "ecommerce-current.json")
	fut := filepath.Join("..", "examples", "journeys", "ecommerce-future.json")
	c := analysis.Diff(loadExample(t, cur), loadExample(t, fut))
	golden.Check(t, "testdata/diff/ecommerce.json", marshalIndent(t, c))
	golden.Check(t, "testdata/diff/ecommerce.txt", []byte(c.String()))
	golden.Check(t, "testdata/diff/ecommerce.vi.txt", []byte(c.Text("vi-VN")))
}

// TestGoldenVietnamese analyses the fully Vietnamese example in Vietnamese
// and compares the full report, and its findings as text, with their golden
// files; every message and factor detail must read as Vietnamese.
func TestGoldenVietnamese(t *testing.T) {
	j := loadExample(t, filepath.Join("..", "examples", "journeys", "cvj-vi.json"))
	r := analysis.Analyze(j, analysis.Options{Now: goldenNow, Language: "vi"})
	golden.Check(t, filepath.Join("testdata", "vi", "cvj-vi.json"), marshalIndent(t, r))
	var text strings.Builder
	for _, f := range r.Findings {
		text.WriteString(f.String() + "\n")
	}
	golden.Check(t, filepath.Join("testdata", "vi", "cvj-vi.txt"), []byte(text.String()))

	require.NotEmpty(t, r.Findings)
	for _, f := range r.Findings {
		assertVietnamese(t, unquoted(f.Message))
	}
	details := 0
	check := func(fs []analysis.Factor) {
		for _, f := range fs {
			if f.Detail != "" {
				details++
				assertVietnamese(t, f.Detail)
			}
		}
	}
	check(r.Friction.Factors)
	for _, s := range r.Friction.Stages {
		check(s.Factors)
		for _, tp := range s.Touchpoints {
			check(tp.Factors)
		}
	}
	assert.NotZero(t, details)
	// Only the words differ from the English report.
	en := analysis.Analyze(j, analysis.Options{Now: goldenNow})
	require.Len(t, en.Findings, len(r.Findings))
	for k := range en.Findings {
		en.Findings[k].Message = r.Findings[k].Message
	}
	clearDetails(&en.Friction)
	clearDetails(&r.Friction)
	assert.Equal(t, en, r)
}

// clearDetails empties the details of the factors of fr (and of the
// hotspots, which share the touchpoints' factors).
func clearDetails(fr *analysis.Friction) {
	empty := func(fs []analysis.Factor) {
		for k := range fs {
			fs[k].Detail = ""
		}
	}
	empty(fr.Factors)
	for _, s := range fr.Stages {
		empty(s.Factors)
		for _, tp := range s.Touchpoints {
			empty(tp.Factors)
		}
	}
}

// unquoted returns msg without its quoted names: "…" and the strconv.Quote'd ones.
func unquoted(msg string) string {
	var b strings.Builder
	for {
		before, rest, ok := strings.Cut(msg, `"`)
		b.WriteString(before)
		if !ok {
			return b.String()
		}
		end := 0
		for end < len(rest) && rest[end] != '"' {
			if rest[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(rest) {
			return b.String()
		}
		msg = rest[end+1:]
	}
}
