package render_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/render"
)

// TestCSVHostile: every hostile label comes through the CSV as written
// (encoding/csv reads "\r\n" inside a quoted cell as "\n"), no cell starts a
// formula, and list items one line cannot carry are refused with their path.
func TestCSVHostile(t *testing.T) {
	j := hostile.Journey()
	var refused bytes.Buffer
	err := render.CSV{}.Render(&refused, j)
	require.ErrorIs(t, err, render.ErrCSVList, "the hostile corpus has multi-line and blank list items")
	assert.Contains(t, err.Error(), "stages[", "the error names the item's path")
	assert.Zero(t, refused.Len(), "nothing is written when the render fails")
	// Without the items a cell cannot carry, the rest renders.
	for _, tp := range j.Touchpoints() {
		tp.Actions, tp.Thoughts, tp.Feelings = oneLine(tp.Actions), oneLine(tp.Thoughts), oneLine(tp.Feelings)
	}
	var buf bytes.Buffer
	require.NoError(t, render.CSV{}.Render(&buf, j))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Equal(t, render.CSVHeader, rows[0])
	rows = rows[1:]
	require.Len(t, rows, len(j.Stages), "one touchpoint with one pain point per stage")
	labels := hostile.Labels()
	for i, row := range rows {
		require.Len(t, row, len(render.CSVHeader))
		for c, cell := range row {
			if c == 9 { // emotion: a plain number
				_, err := strconv.ParseFloat(cell, 64)
				assert.NoError(t, err)
				continue
			}
			if cell != "" {
				assert.NotContains(t, "=+-@\t\r", cell[:1], "row %d column %s starts a formula", i, render.CSVHeader[c])
			}
		}
		unquote := func(s string) string {
			if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(s[1])) {
				return s[1:]
			}
			return s
		}
		want := strings.ReplaceAll(labels[i], "\r\n", "\n")
		for _, c := range []int{1, 4, 8, 16, 17, 18} {
			assert.True(t, want == unquote(row[c]), "row %d column %s changed", i, render.CSVHeader[c])
		}
		if len(oneLine([]string{labels[i]})) == 1 {
			for _, c := range []int{10, 11, 12} {
				assert.True(t, want == unquote(row[c]), "row %d column %s changed", i, render.CSVHeader[c])
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

// TestCSVGuard: the "'" the renderer adds is exactly the one the importer
// removes, so a user's own leading "'" survives.
func TestCSVGuard(t *testing.T) {
	tests := []struct{ why, label, cell string }{
		{"a formula gets a guard", "=SUM(A1)", "'=SUM(A1)"},
		{"so does a sign", "-1 point", "'-1 point"},
		{"a user's apostrophe before a formula character gets one more", "'=x", "''=x"},
		{"a user's doubled apostrophe too", "''x", "'''x"},
		{"an apostrophe before a letter needs none", "'quoted'", "'quoted'"},
		{"plain text is left alone", "Ad", "Ad"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			j := fixture()
			j.Stages[0].Touchpoints[0].Name = tt.label
			var buf bytes.Buffer
			require.NoError(t, render.CSV{}.Render(&buf, j))
			rows, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, tt.cell, rows[1][4])
		})
	}
}

// TestCSVKeepsCRLFInLabels: a "\r\n" inside a label is written as is, in
// both row-end modes, and a "\n" stays "\n".
func TestCSVKeepsCRLFInLabels(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		j := fixture()
		j.Stages[0].Touchpoints[0].Name = "one\r\ntwo\nthree"
		var buf bytes.Buffer
		require.NoError(t, render.CSV{CRLF: crlf}.Render(&buf, j))
		assert.Contains(t, buf.String(), "\"one\r\ntwo\nthree\"", "CRLF %v", crlf)
	}
}

// TestCSVVietnamese: Language "vi" writes Vietnamese headers and values.
func TestCSVVietnamese(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.CSV{Language: "vi-VN"}.Render(&buf, fixture()))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, render.CSVHeaderFor("vi"), rows[0])
	assert.Equal(t, "Bước", rows[0][1])
	assert.Equal(t, "Trước khi mua hàng", rows[1][2])
	assert.Equal(t, "-1.5", rows[3][9], "emotion stays a plain number")
	assert.Equal(t, "Tài chính", rows[3][14])
}

func TestCSVLayout(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.CSV{}.Render(&buf, fixture()))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	// 2 touchpoints without pain, 1 with two, 1 with one, 1 empty stage.
	require.Len(t, rows, 1+2+2+1+1)
	assert.Equal(t, "Checkout in the app", rows[3][4])
	assert.Equal(t, "-1.5", rows[3][9])
	assert.Equal(t, "Fills the cart\nPays by card", rows[3][10])
	assert.Equal(t, "financial", rows[3][14])
	assert.Equal(t, "process", rows[4][14])
	assert.Equal(t, "", rows[1][13], "no pain point: empty pain columns")
	assert.Equal(t, "Receive and reorder", rows[6][1])
	assert.Equal(t, "", rows[6][3], "a stage with no touchpoint keeps a row")

	buf.Reset()
	require.NoError(t, render.CSV{CRLF: true}.Render(&buf, fixture()))
	assert.Contains(t, buf.String(), "pain_evidence\r\n")
}

var mdUnescapeRe = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])|&#(32|9);|<br>`)

// mdText reads EscapeMarkdown's output back as CommonMark would show it.
func mdText(s string) string {
	return mdUnescapeRe.ReplaceAllStringFunc(s, func(m string) string {
		switch m {
		case "<br>":
			return "\n"
		case "&#32;":
			return " "
		case "&#9;":
			return "\t"
		}
		return m[1:]
	})
}

func TestEscapeMarkdownHostile(t *testing.T) {
	for _, e := range hostile.Entries() {
		esc := render.EscapeMarkdown(e.Text)
		assert.False(t, strings.ContainsAny(esc, "\n\r"), e.ID)
		// No markup character is left unescaped.
		bare := mdUnescapeRe.ReplaceAllString(esc, "")
		assert.False(t, strings.ContainsAny(bare, "\\`*_[]<>#|~&!"), "%s: markup left in %.100q", e.ID, bare)
		if bare != "" {
			assert.False(t, strings.ContainsAny(esc[:1], "-+= \t"), "%s starts a block", e.ID)
		}
		want := strings.ReplaceAll(strings.ReplaceAll(e.Text, "\r\n", "\n"), "\r", "\n")
		assert.True(t, want == mdText(esc), "%s does not read back", e.ID)
	}
	assert.Equal(t, `1\. list`, render.EscapeMarkdown("1. list"))
	assert.Equal(t, `a \| b`, render.EscapeMarkdown("a | b"))
	assert.Equal(t, `\# x`, render.EscapeMarkdown("# x"))
}

func TestMarkdownHostileTables(t *testing.T) {
	j := hostile.Journey()
	var buf bytes.Buffer
	require.NoError(t, render.Markdown{}.Render(&buf, j))
	out := buf.String()
	cells := regexp.MustCompile(`(?:^|[^\\])\|`)
	width := 0
	for line := range strings.SplitSeq(out, "\n") {
		switch {
		case strings.HasPrefix(line, "|---"):
			width = strings.Count(line, "|")
		case strings.HasPrefix(line, "| ") && width > 0:
			assert.Equal(t, width, len(cells.FindAllString(line, -1)), "a label split a table row")
		case line == "":
			width = 0
		}
	}
	// One heading per stage plus the fixed ones.
	stages := 0
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "## ") {
			stages++
		}
	}
	assert.Equal(t, len(j.Stages)+2, stages, "stages + personas + opportunities")
}
