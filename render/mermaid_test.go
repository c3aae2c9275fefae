package render_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

func TestEscapeMermaidRoundTripsEveryHostileLabel(t *testing.T) {
	for _, e := range hostile.Entries() {
		esc := render.EscapeMermaid(e.Text)
		rest := mmdEntityRe.ReplaceAllString(esc, "")
		assert.False(t, strings.ContainsAny(rest, "\n\r#:;,%<>\"{}°¶"), "%s: a raw special character is left", e.ID)
		got, err := mermaidLabel(mermaidEncode(esc))
		require.NoError(t, err, e.ID)
		assert.True(t, mermaidVisible(e.Text) == got, "%s: read back as %.200q", e.ID, got)
	}
}

func TestEscapeMermaidCases(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pay now", "Pay now"},
		{"a: b", "a#58; b"},
		{"#58;", "#35;58#59;"},
		{"50%", "50#37;"},
		{"title x", "#116;itle x"},
		{"Section 2", "#83;ection 2"},
		{"journeyman", "#106;ourneyman"},
		{" pad ", "#32;pad#32;"},
		{"Lan, Mai", "Lan#44; Mai"},
		{"a\nb", "a#10;b"},
		{"a\x00b", "a#65533;b"},
		{"x\u202ey", "x#8238;y"},
		{"Điểm đau 😀", "Điểm đau 😀"},
		{"next\u0085line", "next\u0085line"},
		{"", ""},
	} {
		assert.Equal(t, tc.want, render.EscapeMermaid(tc.in), "%q", tc.in)
	}
}

func TestMermaidScore(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		in   *float64
		want int
		ok   bool
	}{
		{nil, 3, true}, {f(-2), 1, true}, {f(-1.5), 2, true}, {f(-1.51), 1, true}, {f(-0.5), 3, true},
		{f(0), 3, true}, {f(0.49), 3, true}, {f(0.5), 4, true}, {f(1.5), 5, true}, {f(2), 5, true},
		{f(7), 5, true}, {f(-9), 1, true}, {f(math.NaN()), 3, false}, {f(math.Inf(1)), 3, false},
	} {
		got, ok := render.MermaidScore(tc.in)
		assert.Equal(t, tc.want, got)
		assert.Equal(t, tc.ok, ok)
	}
}

// checkJourneyDiagram asserts that Mermaid reads back exactly the journey.
func checkJourneyDiagram(t *testing.T, j *journey.Journey, out string, omitUnscored bool) {
	t.Helper()
	d, err := parseJourney(out)
	require.NoError(t, err)
	if j.Title != "" {
		assert.Equal(t, mermaidVisible(j.Title), d.Title)
		assert.Equal(t, mermaidVisible(j.Title), d.AccTitle)
	}
	assert.Equal(t, mermaidVisible(j.Description), d.AccDescr)
	require.Len(t, d.Sections, len(j.Stages))
	for i, s := range j.Stages {
		sec := d.Sections[i]
		assert.Equal(t, mermaidVisible(s.Name), sec.Name)
		k := 0
		for _, tp := range s.Touchpoints {
			if omitUnscored && tp.Emotion == nil {
				continue
			}
			require.Greater(t, len(sec.Tasks), k, "stage %d", i)
			task := sec.Tasks[k]
			k++
			assert.Equal(t, mermaidVisible(tp.Name), task.Name)
			want, _ := render.MermaidScore(tp.Emotion)
			assert.Equal(t, want, task.Score)
			var actors []string
			for _, p := range j.Personas {
				if tp.Serves(p.ID) {
					actors = append(actors, mermaidVisible(p.Name))
				}
			}
			if len(tp.PersonaIDs) > 0 { // persona_ids order
				actors = actors[:0]
				for _, id := range tp.PersonaIDs {
					actors = append(actors, mermaidVisible(j.Persona(id).Name))
				}
			}
			assert.Equal(t, actors, task.Actors)
		}
		assert.Len(t, sec.Tasks, k, "stage %d", i)
	}
}

func TestMermaidHostileJourney(t *testing.T) {
	j := hostile.Journey()
	for _, m := range []render.Mermaid{{}, {Comments: true}} {
		var buf bytes.Buffer
		require.NoError(t, m.Render(&buf, j))
		checkJourneyDiagram(t, j, buf.String(), false)
	}
}

func TestMermaidHostileEachLabel(t *testing.T) {
	for _, e := range hostile.Entries() {
		j := hostile.JourneyFor(e.Text)
		var buf bytes.Buffer
		require.NoError(t, render.Mermaid{Comments: true}.Render(&buf, j), e.ID)
		t.Run(e.ID, func(t *testing.T) { checkJourneyDiagram(t, j, buf.String(), false) })
	}
}

func TestMermaidOmitUnscored(t *testing.T) {
	j := fixture()
	var all, some bytes.Buffer
	require.NoError(t, render.Mermaid{}.Render(&all, j))
	require.NoError(t, render.Mermaid{OmitUnscored: true}.Render(&some, j))
	checkJourneyDiagram(t, j, all.String(), false)
	checkJourneyDiagram(t, j, some.String(), true)
	assert.Less(t, some.Len(), all.Len(), "the fixture has an unscored touchpoint")
}

func TestMermaidErrors(t *testing.T) {
	j := fixture()
	j.Stages[0].Name = ""
	j.Stages[1].Touchpoints[0].Name = ""
	nan := math.NaN()
	j.Stages[1].Touchpoints[1].Emotion = &nan
	err := render.Mermaid{}.Render(&bytes.Buffer{}, j)
	require.Error(t, err)
	assert.True(t, errors.Is(err, render.ErrMermaidLabel))
	assert.Contains(t, err.Error(), "stages[0].name")
	assert.Contains(t, err.Error(), "stages[1].touchpoints[0].name")
	assert.Contains(t, err.Error(), "stages[1].touchpoints[1].emotion")
	assert.ErrorIs(t, render.Mermaid{}.Render(&bytes.Buffer{}, nil), render.ErrNilJourney)
	assert.ErrorIs(t, render.MermaidBlueprint{}.Render(&bytes.Buffer{}, nil), render.ErrNilJourney)
}

// checkBlueprint asserts that Mermaid reads back every touchpoint and support.
func checkBlueprint(t *testing.T, j *journey.Journey, out string) {
	t.Helper()
	f, err := parseFlowchart(out)
	require.NoError(t, err)
	assert.Equal(t, mermaidVisible(j.Title), f.AccTitle)
	assert.Equal(t, mermaidVisible(j.Description), f.AccDescr)
	require.NotEmpty(t, f.Lanes)
	var names []string
	supports := map[string][]string{}
	nsup := 0
	for _, tp := range j.Touchpoints() {
		names = append(names, mermaidVisible(tp.Name))
		for _, s := range tp.Supports {
			supports[string(s.Layer)] = append(supports[string(s.Layer)], mermaidVisible(s.Description))
			nsup++
		}
	}
	var got []string
	for _, n := range f.Lanes[0].Nodes {
		got = append(got, n.Label)
	}
	assert.Equal(t, "customer", f.Lanes[0].ID)
	assert.Equal(t, names, got)
	for _, lane := range f.Lanes[1:] {
		var labels []string
		for _, n := range lane.Nodes {
			labels = append(labels, n.Label)
		}
		assert.Equal(t, supports[lane.ID], labels, lane.ID)
	}
	assert.Len(t, f.Links, max(len(names)-1, 0)+nsup)
}

func TestMermaidBlueprintHostile(t *testing.T) {
	j := hostile.Journey()
	var buf bytes.Buffer
	require.NoError(t, render.MermaidBlueprint{}.Render(&buf, j))
	checkBlueprint(t, j, buf.String())
	for _, e := range hostile.Entries() {
		j := hostile.JourneyFor(e.Text)
		var buf bytes.Buffer
		require.NoError(t, render.MermaidBlueprint{Language: "vi"}.Render(&buf, j), e.ID)
		t.Run(e.ID, func(t *testing.T) { checkBlueprint(t, j, buf.String()) })
	}
}

func ExampleMermaid() {
	j := &journey.Journey{SchemaVersion: 1, Title: "Order: coffee", Type: journey.CurrentState}
	s := j.AddStage("Order", journey.DuringPurchase)
	tp := s.AddTouchpoint("Pay at the counter; 50% off", "store")
	tp.SetEmotion(-1)
	p := j.AddPersona(personaNamed("Lan, student"))
	_ = p
	_ = render.Mermaid{}.Render(os.Stdout, j)
	// Output:
	// journey
	//     title Order: coffee
	//     accTitle: Order: coffee
	//     section Order
	//         Pay at the counter#59; 50#37; off: 2: Lan#44; student
}

func ExampleEscapeMermaid() {
	os.Stdout.WriteString(render.EscapeMermaid("title: #1 <b>") + "\n")
	// Output:
	// #116;itle#58; #35;1 #60;b#62;
}
