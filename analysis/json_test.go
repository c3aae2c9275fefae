package analysis_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
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
			b.Reset()
			require.NoError(t, analysis.WriteJSON(&b, j, opts))
			assert.Equal(t, indented(t, r), b.String(), "streamed analysis of %s", name)

			lang := i18n.Resolve(opts.Language, "")
			if j != nil {
				lang = i18n.Resolve(opts.Language, j.Language)
			}
			var text, streamed bytes.Buffer
			require.NoError(t, r.WriteText(&text, lang))
			require.NoError(t, analysis.WriteText(&streamed, j, opts))
			assert.Equal(t, text.String(), streamed.String(), "streamed text of %s", name)
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

// TestFindingsStopsWhenAsked: a loop over Findings may stop early; the
// findings it sees are the report's first ones.
func TestFindingsStopsWhenAsked(t *testing.T) {
	j := randjourney.Generate(3, randjourney.Options{Stages: 5, TouchpointsPerStage: 5, PainPointsPerTouchpoint: 3})
	all := analysis.Analyze(j, analysis.Options{}).Findings
	require.Greater(t, len(all), 3)
	var seen []analysis.Finding
	for f := range analysis.Findings(j, analysis.Options{}) {
		seen = append(seen, f)
		if len(seen) == 3 {
			break
		}
	}
	assert.Equal(t, all[:3], seen)
}

// TestStreamedWritersStopOnError: a writer that fails part way stops the
// streamed report with its error, whichever part was being written.
func TestStreamedWritersStopOnError(t *testing.T) {
	j := randjourney.Generate(5, randjourney.Options{Stages: 30, TouchpointsPerStage: 20, PainPointsPerTouchpoint: 3})
	for _, limit := range []int{0, 5000, 60000, 200000} {
		w := &limitWriter{left: limit}
		assert.EqualError(t, analysis.WriteJSON(w, j, analysis.Options{}), "disk full", "JSON failing after %d bytes", limit)
		w = &limitWriter{left: limit}
		assert.EqualError(t, analysis.WriteText(w, j, analysis.Options{}), "disk full", "text failing after %d bytes", limit)
	}
}

// limitWriter accepts left bytes, then fails.
type limitWriter struct{ left int }

func (w *limitWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

// heapWatcher discards what is written and, every MB, collects garbage
// and notes the largest live heap seen.
type heapWatcher struct {
	since int
	peak  uint64
}

func (h *heapWatcher) Write(p []byte) (int, error) {
	h.since += len(p)
	if h.since >= 1<<20 {
		h.since = 0
		h.peak = max(h.peak, liveHeap())
	}
	return len(p), nil
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestStreamedReportKeepsLittle: writing a large journey's analysis with
// WriteJSON keeps far less in memory than its report: the report of 10,000
// touchpoints in one stage (findings, touchpoints' friction, curves) is
// never held, only the stages' scores.
func TestStreamedReportKeepsLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a 10,000-touchpoint journey")
	}
	j := sized(1, 10000, 2)
	base := liveHeap()
	r := analysis.Analyze(j, analysis.Options{})
	report := liveHeap() - base
	runtime.KeepAlive(r)
	r = nil
	base = liveHeap()
	w := &heapWatcher{}
	require.NoError(t, analysis.WriteJSON(w, j, analysis.Options{}))
	streamed := w.peak - min(w.peak, base)
	assert.Less(t, streamed, report/10, "streaming kept %d bytes, the report takes %d", streamed, report)
	w = &heapWatcher{}
	require.NoError(t, analysis.WriteText(w, j, analysis.Options{}))
	streamed = w.peak - min(w.peak, base)
	assert.Less(t, streamed, report/10, "streaming text kept %d bytes, the report takes %d", streamed, report)
}
