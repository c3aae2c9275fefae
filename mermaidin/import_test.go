package mermaidin_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/mermaidin"
	"github.com/journeymap/journeymap/render"
)

func mustImport(t *testing.T, src string) *journey.Journey {
	t.Helper()
	j, err := mermaidin.Import(strings.NewReader(src), mermaidin.Options{})
	require.NoError(t, err, src)
	return j
}

// TestParseFollowsMermaid pins Mermaid 12.3.0's reading of its journey
// grammar, quirks included (checked against Mermaid itself in
// e2e/mermaid_import_test.go; the first case is ported from Mermaid's
// journey.spec.js, MIT).
func TestParseFollowsMermaid(t *testing.T) {
	tests := []struct {
		why, src string
		sections []string
		tasks    []mermaidin.Task // only Section, Name, ScoreText and People compared
	}{
		{"Mermaid's spec: actors split at commas and trimmed, a trailing colon gives one empty actor",
			"journey\ntitle T\nsection Documentation\nA task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nE task: 5:",
			[]string{"Documentation"},
			[]mermaidin.Task{
				{Section: "Documentation", Name: "A task", ScoreText: " 5", People: []string{"Alice", "Bob", "Charlie"}},
				{Section: "Documentation", Name: "B task", ScoreText: " 3", People: []string{"Bob", "Charlie"}},
				{Section: "Documentation", Name: "C task", ScoreText: " 5"},
				{Section: "Documentation", Name: "E task", ScoreText: " 5", People: []string{""}},
			}},
		{"a task name keeps its trailing space; '#' and a '%%' after a character start comments",
			"journey\nsection S # note\n  a : 3 # note\n  b: 4: Me%%kept\n  c%%gone: 5",
			[]string{"S "},
			[]mermaidin.Task{
				{Section: "S ", Name: "a ", ScoreText: " 3 "},
				{Section: "S ", Name: "b", ScoreText: " 4", People: []string{"Me%%kept"}},
			}},
		{"entities are held as Mermaid's markers, so '#44;' does not split actors",
			"journey\nsection S\n  t: 3: A#44;B, C",
			[]string{"S"},
			[]mermaidin.Task{{Section: "S", Name: "t", ScoreText: " 3", People: []string{"Aﬂ°°44¶ßB", "C"}}}},
		{"the 'title' rule's white space may be a line end: the next line is the title",
			"journey\ntitle\nsection S\n  a: 3",
			nil,
			[]mermaidin.Task{{Section: "", Name: "a", ScoreText: " 3"}}},
		{"keywords in any case; 'journey' only as a whole word",
			"journey\nSECTION Upper\n  Journeys: 3",
			[]string{"Upper"},
			[]mermaidin.Task{{Section: "Upper", Name: "Journeys", ScoreText: " 3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			d, err := mermaidin.Parse([]byte(tt.src))
			require.NoError(t, err)
			assert.Equal(t, tt.sections, d.Sections)
			require.Len(t, d.Tasks, len(tt.tasks))
			for i, want := range tt.tasks {
				got := d.Tasks[i]
				assert.Equal(t, want.Section, got.Section, "task %d section", i)
				assert.Equal(t, want.Name, got.Name, "task %d", i)
				assert.Equal(t, want.ScoreText, got.ScoreText, "task %d score", i)
				assert.Equal(t, want.People, got.People, "task %d people", i)
			}
		})
	}
}

// TestParseRefusesWhatMermaidRefuses: each of these makes Mermaid's parser
// fail (or configures Mermaid), and the error names the line.
func TestParseRefusesWhatMermaidRefuses(t *testing.T) {
	tests := []struct {
		why, src string
		line     int
		contains string
	}{
		{"';' is a lexical error anywhere", "journey\nsection S\n  a;b: 3", 3, "#59;"},
		{"':' in a section name", "journey\nsection S: x", 2, "section"},
		{"a task without a score", "journey\nsection S\n\n  a\n", 4, "score"},
		{"a task starting with 'journey '", "journey\nsection S\n  journey to work: 3", 3, "journey"},
		{"not a journey diagram", "flowchart LR\n  a --> b", 1, "journey"},
		{"the detector wants lower-case 'journey'", "JOURNEY\nsection S", 1, "journey"},
		{"an unclosed accDescr {", "journey\naccDescr {\n  x\n", 2, "closing"},
		{"a directive configures Mermaid", "journey\n%%{init: {}}%%\nsection S", 2, "directive"},
		{"front matter configures Mermaid", "---\ntitle: x\n---\njourney", 1, "front matter"},
		{"lines are counted through removed comment lines", "%% a\n%% b\njourney\n%% c\nsection S\n  x", 6, "score"},
		{"CR alone ends a line", "journey\rsection S\r  x\r", 3, "score"},
		{"invalid UTF-8", "journey\nsection \xff", 2, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			_, err := mermaidin.Parse([]byte(tt.src))
			var se *mermaidin.SyntaxError
			require.ErrorAs(t, err, &se)
			assert.ErrorIs(t, err, mermaidin.ErrSyntax)
			assert.Equal(t, tt.line, se.Line)
			assert.Contains(t, se.Detail, tt.contains)
		})
	}
}

// TestImportMapsTheDiagram checks each documented mapping.
func TestImportMapsTheDiagram(t *testing.T) {
	j := mustImport(t, "journey\n  title My working day\n  accDescr: How a day goes\n"+
		"  section Awareness\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n    Read: 3\n"+
		"  section Lunch<br>break\n    Eat#58; soup: 2: Cat, Cat\n")
	assert.Equal(t, "My working day", j.Title)
	assert.Equal(t, "How a day goes", j.Description)
	require.Len(t, j.Personas, 2)
	assert.Equal(t, "Me", j.Personas[0].Name)
	assert.Equal(t, "Cat", j.Personas[1].Name)
	require.Len(t, j.Stages, 2)
	assert.Equal(t, "Awareness", j.Stages[0].Name)
	assert.Equal(t, journey.BeforePurchase, j.Stages[0].Phase, "a template stage name gives its phase")
	assert.Equal(t, "Lunch\nbreak", j.Stages[1].Name, "<br> is a line break")
	tps := j.Stages[0].Touchpoints
	require.Len(t, tps, 3)
	assert.Equal(t, 2.0, *tps[0].Emotion, "score 5 is emotion 2")
	assert.Equal(t, -2.0, *tps[1].Emotion, "score 1 is emotion -2")
	assert.Equal(t, "other", string(tps[0].Channel), "a task has no channel")
	assert.Equal(t, []any{j.Personas[0].ID}, anys(tps[0].PersonaIDs), "one actor of two")
	assert.Empty(t, tps[1].PersonaIDs, "every persona named: no persona_ids")
	assert.Empty(t, tps[2].PersonaIDs, "no actor: no persona_ids (a journey cannot say nobody)")
	eat := j.Stages[1].Touchpoints[0]
	assert.Equal(t, "Eat: soup", eat.Name, "#58; is ':'")
	assert.Equal(t, []any{j.Personas[1].ID}, anys(eat.PersonaIDs), "a repeated actor counts once")
}

func anys[T any](s []T) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func TestImportPhases(t *testing.T) {
	tests := []struct {
		why      string
		sections []string
		want     []journey.Phase
	}{
		{"unknown names are spread by thirds", []string{"a", "b", "c", "d", "e", "f"},
			[]journey.Phase{"before_purchase", "before_purchase", "during_purchase", "during_purchase", "after_purchase", "after_purchase"}},
		{"Vietnamese template names, any case", []string{"NHẬN BIẾT", "Mua hàng", "ủng hộ"},
			[]journey.Phase{"before_purchase", "during_purchase", "after_purchase"}},
		{"'Convert' is during purchase in the customer value journey", []string{"Aware", "Engage", "Convert", "Excite"},
			[]journey.Phase{"before_purchase", "before_purchase", "during_purchase", "after_purchase"}},
		{"'Convert' is before purchase in the inbound template", []string{"Attract", "Convert", "Close", "Delight"},
			[]journey.Phase{"before_purchase", "before_purchase", "during_purchase", "after_purchase"}},
		{"a known name among unknown ones keeps its phase, the others go by position", []string{"x", "y", "Advocacy"},
			[]journey.Phase{"before_purchase", "during_purchase", "after_purchase"}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			src := "journey\n"
			for _, s := range tt.sections {
				src += "section " + s + "\n"
			}
			j := mustImport(t, src)
			var got []journey.Phase
			for _, s := range j.Stages {
				got = append(got, s.Phase)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestImportRefusesWhatAJourneyCannotHold: valid Mermaid, refused with the
// line, never dropped.
func TestImportRefusesWhatAJourneyCannotHold(t *testing.T) {
	tests := []struct {
		why, src string
		line     int
		contains string
	}{
		{"score above 5", "journey\nsection S\n  a: 6: Me", 3, "1 to 5"},
		{"score 0", "journey\nsection S\n  a: 0", 3, "1 to 5"},
		{"an empty score is 0 for Mermaid", "journey\nsection S\n  a: : Me", 3, "1 to 5"},
		{"a fraction", "journey\nsection S\n  a: 2.5", 3, "whole number"},
		{"not a number", "journey\nsection S\n  a: abc", 3, "not a number"},
		{"text Mermaid drops after a third colon", "journey\nsection S\n  a: 3: Me: lost", 3, "third"},
		{"a task before any section", "journey\n  a: 3\nsection S", 2, "before the first section"},
		{"different title and accTitle", "journey\ntitle A\naccTitle: B", 3, "one title"},
		{"a section whose name is only an entity space", "journey\nsection #32;\n  a: 3", 3, "no name"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			j, err := mermaidin.Import(strings.NewReader(tt.src), mermaidin.Options{})
			assert.Nil(t, j)
			var list mermaidin.Errors
			require.ErrorAs(t, err, &list)
			require.NotEmpty(t, list)
			assert.ErrorIs(t, err, mermaidin.ErrUnsupported)
			assert.Equal(t, tt.line, list[0].Line)
			assert.Contains(t, list[0].Error(), tt.contains)
		})
	}
}

func TestImportLimits(t *testing.T) {
	_, err := mermaidin.Import(strings.NewReader("journey\nsection S\n"), mermaidin.Options{MaxBytes: 10})
	assert.ErrorIs(t, err, mermaidin.ErrTooLarge, "input over MaxBytes")
	src := "journey\nsection S\n" + strings.Repeat("  a: 3\n", 200)
	_, err = mermaidin.Import(strings.NewReader(src), mermaidin.Options{MaxDocumentBytes: 2000})
	assert.ErrorIs(t, err, mermaidin.ErrTooLarge, "a journey larger than a document may be")
	assert.ErrorContains(t, err, "2000 bytes")
	_, err = mermaidin.Import(strings.NewReader(src), mermaidin.Options{Type: "nope"})
	assert.Error(t, err, "an invalid type")
}

// roundTrip checks import → render → import is the identity.
func roundTrip(t *testing.T, name string, diagram []byte) {
	t.Helper()
	first, err := mermaidin.Import(bytes.NewReader(diagram), mermaidin.Options{})
	require.NoError(t, err, "%s:\n%s", name, diagram)
	var b bytes.Buffer
	require.NoError(t, render.Mermaid{}.Render(&b, first), name)
	second, err := mermaidin.Import(&b, mermaidin.Options{})
	require.NoError(t, err, "%s, rendered again:\n%s", name, b.String())
	assert.Equal(t, marshal(t, first), marshal(t, second), "%s: import → render → import changed the journey", name)
}

// shown is a label as Mermaid shows it: NUL and invalid UTF-8, which no
// character reference carries, are U+FFFD.
func shown(label string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(label, "\uFFFD"), "\x00", "\uFFFD")
}

func marshal(t *testing.T, j *journey.Journey) string {
	data, err := journey.MarshalIndent(j, " ")
	require.NoError(t, err)
	return string(data)
}

// TestRoundTripOfJourneymapsOwnOutput renders every example, the hostile
// corpus and random journeys to Mermaid, imports them (every label comes
// back as written) and checks import → render → import is the identity.
func TestRoundTripOfJourneymapsOwnOutput(t *testing.T) {
	var js []*journey.Journey
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		j, err := journey.Unmarshal(data)
		require.NoError(t, err)
		js = append(js, j)
	}
	js = append(js, hostile.Journey())
	for _, e := range hostile.Entries() {
		js = append(js, hostile.JourneyFor(e.Text))
	}
	for seed := range uint64(30) {
		js = append(js, randjourney.New(seed))
	}
	for i, j := range js {
		var b bytes.Buffer
		require.NoError(t, render.Mermaid{Comments: i%2 == 0}.Render(&b, j))
		got, err := mermaidin.Import(bytes.NewReader(b.Bytes()), mermaidin.Options{})
		require.NoError(t, err, "journey %d %q", i, j.Title)
		// Every stage, touchpoint name and score comes back.
		k := 0
		for _, s := range j.Stages {
			require.Less(t, k, len(got.Stages))
			assert.Equal(t, shown(s.Name), got.Stages[k].Name, "journey %d stage %d", i, k)
			if assert.Len(t, got.Stages[k].Touchpoints, len(s.Touchpoints)) {
				for m, tp := range s.Touchpoints {
					assert.Equal(t, shown(tp.Name), got.Stages[k].Touchpoints[m].Name)
					score, _ := render.MermaidScore(tp.Emotion)
					assert.Equal(t, float64(score-3), *got.Stages[k].Touchpoints[m].Emotion)
				}
			}
			k++
		}
		roundTrip(t, j.Title, b.Bytes())
	}
}

func TestErrorsAreListed(t *testing.T) {
	_, err := mermaidin.Import(strings.NewReader("journey\nsection S\n  a: 9\n  b: 0\n"), mermaidin.Options{})
	var list mermaidin.Errors
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 2, "every problem at once")
	assert.Equal(t, "line 3: score \"9\" is not a whole number from 1 to 5 (journeymap's emotion −2..2 is the score − 3)\nline 4: score \"0\" is not a whole number from 1 to 5 (journeymap's emotion −2..2 is the score − 3)", err.Error())
}

// BenchmarkImport imports a diagram of 100,000 tasks (about 2 MB).
func BenchmarkImport(b *testing.B) {
	var src strings.Builder
	src.WriteString("journey\n  title Big\n")
	for i := range 100_000 {
		if i%100 == 0 {
			src.WriteString("  section S\n")
		}
		src.WriteString("    Task: 3: Me, You\n")
	}
	data := []byte(src.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := mermaidin.Import(bytes.NewReader(data), mermaidin.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
