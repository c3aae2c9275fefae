package analysis_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
)

// hostile is text that commands a terminal: retitle the window, ring the
// bell, clear the screen, write the clipboard (OSC 52), and a bidi
// override that reorders what follows it.
const hostile = "T\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u202eevil\u0085"

// assertTerminalSafe checks that out holds no character a terminal obeys.
func assertTerminalSafe(t *testing.T, out string, why string) {
	t.Helper()
	for _, r := range out {
		unsafe := (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
		if unsafe {
			assert.Failf(t, "a terminal control reaches the output", "%U in %q: %s", r, out, why)
			return
		}
	}
}

// TestTextWritersEscapeControls: titles, stage, touchpoint and pain point
// names from the document are printed with their control characters
// escaped, in every language, by both text writers.
func TestTextWritersEscapeControls(t *testing.T) {
	j := clean()
	j.Title = hostile
	j.Objective = ""
	j.Stages[0].Name = "Stage " + hostile
	j.Stages[0].Touchpoints[0].Name = "Touchpoint " + hostile
	j.Stages[0].Touchpoints[0].Emotion = f(-2) // a hotspot, so its name and stage are printed
	old := clean()
	for _, lang := range i18n.Languages() {
		var b bytes.Buffer
		require.NoError(t, analysis.Analyze(j, analysis.Options{Now: inTime, Language: string(lang)}).WriteText(&b, lang))
		out := b.String()
		assertTerminalSafe(t, out, "analysis report")
		assert.Contains(t, out, `T\x1b]0;pwned\x07\x1b[2J`, "the title is shown, its controls visible")
		assert.Contains(t, out, `Stage T\x1b]0;pwned`, "a stage's name is shown, its controls visible")
		assert.Contains(t, out, `\u202eevil\u0085`, "bidi override and C1 control visible")

		b.Reset()
		require.NoError(t, analysis.Diff(old, j).WriteText(&b, lang))
		assertTerminalSafe(t, b.String(), "diff")
		assert.Contains(t, b.String(), `Touchpoint T\x1b]0;pwned`)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestTextWritersReportWriteErrors: a failing writer's error is returned.
func TestTextWritersReportWriteErrors(t *testing.T) {
	j := clean()
	assert.EqualError(t, analysis.Analyze(j, analysis.Options{}).WriteText(failWriter{}, i18n.English), "disk full")
	assert.EqualError(t, analysis.Diff(j, j).WriteText(failWriter{}, i18n.Vietnamese), "disk full")
}

// TestReportText: the report's lines, in English and Vietnamese, with the
// language's numbers.
func TestReportText(t *testing.T) {
	j := clean()
	j.Objective = ""
	j.Stages[0].Touchpoints[0].Emotion = f(-1)
	r := analysis.Analyze(j, analysis.Options{Now: inTime})
	var b bytes.Buffer
	require.NoError(t, r.WriteText(&b, i18n.English))
	want := []string{
		"Buying a phone online", "",
		"Findings (1):",
		"  objective: warning journey.no_objective: The journey has no objective",
	}
	got := strings.Split(b.String(), "\n")
	for i, w := range want {
		assert.True(t, strings.HasPrefix(got[i], w), "line %d: %q, want %q", i, got[i], w)
	}
	assert.Contains(t, b.String(), "\n  negative emotion       1  ")
	assert.Contains(t, b.String(), "\nHotspots:\n")

	b.Reset()
	require.NoError(t, analysis.Analyze(clean(), analysis.Options{Now: inTime, Language: "vi"}).WriteText(&b, i18n.Vietnamese))
	assert.Contains(t, b.String(), "Không có phát hiện nào.\n")
	assert.Contains(t, b.String(), "\nMa sát: 0,")
	assert.Contains(t, b.String(), "\nCác bước:\n")
}
