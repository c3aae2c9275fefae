package sheet_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/touchpoint"
)

// csvProjection keeps what the CSV layout carries: stage id, name and phase;
// touchpoint id, name, channel, mode, initiator, owner, emotion, actions,
// thoughts, feelings; pain point id, category, severity, title, description
// and evidence.
func csvProjection(j *journey.Journey) []*journey.Stage {
	var out []*journey.Stage
	for _, s := range j.Stages {
		ps := &journey.Stage{ID: s.ID, Name: s.Name, Phase: s.Phase}
		for _, t := range s.Touchpoints {
			pt := &touchpoint.Touchpoint{ID: t.ID, Name: t.Name, Channel: t.Channel, Mode: t.Mode,
				Initiator: t.Initiator, Owner: t.Owner, Emotion: t.Emotion,
				Actions: t.Actions, Thoughts: t.Thoughts, Feelings: t.Feelings}
			for _, p := range t.PainPoints {
				pt.PainPoints = append(pt.PainPoints, &painpoint.PainPoint{ID: p.ID, Title: p.Title,
					Description: p.Description, Category: p.Category, Severity: p.Severity, Evidence: p.Evidence})
			}
			ps.Touchpoints = append(ps.Touchpoints, pt)
		}
		out = append(out, ps)
	}
	return out
}

func renderCSV(t *testing.T, j *journey.Journey) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, render.CSV{}.Render(&b, j))
	return b.Bytes()
}

// TestRoundTripExamples: every shipped example, rendered to CSV and imported
// back, gives the same stages, touchpoints and pain points, field for field.
func TestRoundTripExamples(t *testing.T) {
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			orig, err := journey.Unmarshal(data)
			require.NoError(t, err)
			csv := renderCSV(t, orig)
			back, err := sheet.Import(bytes.NewReader(csv), sheet.Options{Title: orig.Title, Type: orig.Type, Language: orig.Language})
			require.NoError(t, err)
			assert.Equal(t, csvProjection(orig), csvProjection(back))
			for _, crlf := range []bool{true} {
				var b bytes.Buffer
				require.NoError(t, render.CSV{CRLF: crlf}.Render(&b, orig))
				again, err := sheet.Import(&b, sheet.Options{})
				require.NoError(t, err)
				assert.Equal(t, csvProjection(orig), csvProjection(again), "CRLF line ends")
			}
		})
	}
}

// TestRoundTripGenerated: random journeys (Vietnamese, emoji, quotes, tabs,
// formula-like text, "\r\n" inside labels, -0) and the hostile corpus
// survive render → import as documents: every field the layout carries
// comes back equal. The hostile corpus's list items that one line per item
// cannot carry are refused by the renderer; without them it round-trips.
func TestRoundTripGenerated(t *testing.T) {
	h := hostile.Journey()
	var refused bytes.Buffer
	require.ErrorIs(t, render.CSV{}.Render(&refused, h), render.ErrCSVList, "multi-line and blank list items are refused")
	for _, tp := range h.Touchpoints() {
		tp.Actions, tp.Thoughts, tp.Feelings = oneLine(tp.Actions), oneLine(tp.Thoughts), oneLine(tp.Feelings)
	}
	journeys := []*journey.Journey{h}
	for seed := range uint64(30) {
		j := randjourney.New(seed)
		for _, tp := range j.Touchpoints() {
			tp.Actions, tp.Thoughts, tp.Feelings = oneLine(tp.Actions), oneLine(tp.Thoughts), oneLine(tp.Feelings)
		}
		journeys = append(journeys, j)
	}
	for i, j := range journeys {
		for _, lang := range []string{"", "vi"} {
			for _, crlf := range []bool{false, true} {
				var b bytes.Buffer
				require.NoError(t, render.CSV{CRLF: crlf, Language: lang}.Render(&b, j))
				back, err := sheet.Import(&b, sheet.Options{})
				require.NoError(t, err, "journey %d, language %q", i, lang)
				assert.Equal(t, csvProjection(j), csvProjection(back), "journey %d, language %q, CRLF %v", i, lang, crlf)
			}
		}
	}
}

// oneLine keeps the list items a CSV cell can carry.
func oneLine(items []string) []string {
	var out []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" && !strings.ContainsAny(it, "\r\n") {
			out = append(out, it)
		}
	}
	return out
}

// TestRoundTripKeepsWhatUsersWrite: the cases a CSV used to change
// silently (issue: a user's own apostrophe, "\r\n" in labels) come back as
// written, and the list items it cannot carry are refused with their path.
func TestRoundTripKeepsWhatUsersWrite(t *testing.T) {
	base := func() *journey.Journey {
		j := journey.New("T", journey.CurrentState)
		s := j.AddStage("A", journey.BeforePurchase)
		tp := touchpoint.New("Ad", channel.Website)
		s.Touchpoints = append(s.Touchpoints, &tp)
		return j
	}
	labels := []string{"'=SUM(A1)", "'+1", "'-x", "'@me", "''double", "'plain", "=formula", "one\r\ntwo", "a\rb", "x\ny"}
	for _, label := range labels {
		j := base()
		tp := j.Stages[0].Touchpoints[0]
		tp.Name, tp.Owner = label, label
		j.Stages[0].Name = label
		tp.Actions = []string{label + " first"}
		if strings.ContainsAny(label, "\r\n") {
			tp.Actions = []string{"first"}
		}
		var b bytes.Buffer
		require.NoError(t, render.CSV{}.Render(&b, j))
		back, err := sheet.Import(&b, sheet.Options{})
		require.NoError(t, err, "%q", label)
		assert.Equal(t, csvProjection(j), csvProjection(back), "%q", label)
	}
	for _, items := range [][]string{{"one", ""}, {"  "}, {"one\r\ntwo"}, {"a\nb"}} {
		j := base()
		j.Stages[0].Touchpoints[0].Feelings = items
		var b bytes.Buffer
		err := render.CSV{}.Render(&b, j)
		require.ErrorIs(t, err, render.ErrCSVList, "%q", items)
		assert.Contains(t, err.Error(), "stages[0].touchpoints[0].feelings[")
	}
}
