package e2e

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/touchpoint"
)

// shown is the text a reader sees for label once it has been through an HTML
// parser: every character survives except NUL and invalid UTF-8, which no
// character reference can carry and which become U+FFFD.
func shown(label string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(label, "\uFFFD"), "\x00", "\uFFFD")
}

// wantScore is the Mermaid task score of an emotion (−2..2 onto 1..5,
// rounded half up; 3 when not measured), computed here independently of the
// renderer.
func wantScore(emotion *float64) float64 {
	if emotion == nil {
		return 3
	}
	return math.Max(1, math.Min(5, math.Floor(*emotion+3.5)))
}

// wantActors are the names of the personas a touchpoint serves (every persona
// when it names none).
func wantActors(j *journey.Journey, tp *touchpoint.Touchpoint) []string {
	var names []string
	if len(tp.PersonaIDs) == 0 {
		for _, p := range j.Personas {
			names = append(names, shown(p.Name))
		}
		return names
	}
	for _, id := range tp.PersonaIDs {
		p := j.Persona(id)
		if p == nil {
			names = append(names, id.String())
			continue
		}
		names = append(names, shown(p.Name))
	}
	return names
}

// TestMermaidUnderstandsEveryLabel renders every example and hostile journey
// with render.Mermaid and render.MermaidBlueprint, has mermaid 12.3.0 parse and
// render each diagram in Chromium, and checks label by label that what
// Mermaid understood is what the journey holds, that no configuration
// (directive or front matter) took effect and that nothing ran or was fetched.
func TestMermaidUnderstandsEveryLabel(t *testing.T) {
	requireClients(t, true)
	journeys := allJourneys(t)
	var diagrams []mermaidDiagram
	for _, nj := range journeys {
		var jb, cb, bb bytes.Buffer
		require.NoError(t, render.Mermaid{}.Render(&jb, nj.j), nj.name)
		require.NoError(t, render.Mermaid{Comments: true}.Render(&cb, nj.j), nj.name)
		require.NoError(t, render.MermaidBlueprint{}.Render(&bb, nj.j), nj.name)
		diagrams = append(diagrams,
			mermaidDiagram{Name: nj.name + "/journey", Text: jb.String()},
			// The %% comment lines carry pain-point titles: a place where a
			// directive could hide.
			mermaidDiagram{Name: nj.name + "/journey-comments", Text: cb.String()},
			mermaidDiagram{Name: nj.name + "/blueprint", Text: bb.String()})
	}
	var out mermaidOutput
	runNode(t, "mermaid-check.mjs", map[string]any{"diagrams": diagrams}, &out)
	require.Len(t, out.Results, len(diagrams))
	assert.Empty(t, out.Requests, "Mermaid made network requests")
	assert.Empty(t, out.Dialogs, "a dialog opened")
	assert.Empty(t, out.PageErrors, "the page threw")

	for i, nj := range journeys {
		br := out.Results[3*i+2]
		t.Run(nj.name, func(t *testing.T) {
			for _, jr := range out.Results[3*i : 3*i+2] {
				if clean(t, jr, "journey") && assert.NotNil(t, jr.Journey) {
					drawn := ""
					if jr.Rendered {
						drawn = normaliseDrawn(jr.SVGText)
					}
					checkJourneyDiagram(t, nj.j, jr.Journey, drawn)
				}
			}
			if clean(t, br, "flowchart-v2") && assert.NotNil(t, br.Flowchart) {
				checkBlueprint(t, nj.j, br)
			}
		})
	}
}

// clean checks that a diagram parsed and rendered as the wanted type with no
// configuration taking effect and no script in its SVG.
func clean(t *testing.T, r mermaidResult, wantType string) bool {
	t.Helper()
	ok := assert.Empty(t, r.Error, "%s: Mermaid failed", r.Name)
	ok = assert.Equal(t, wantType, r.Type, "%s: diagram type", r.Name) && ok
	ok = assert.Empty(t, r.Config, "%s: the diagram applied configuration", r.Name) && ok
	ok = assert.False(t, r.ConfigChanged, "%s: Mermaid's configuration changed", r.Name) && ok
	ok = assert.Zero(t, r.SVGScripts, "%s: script element in the SVG", r.Name) && ok
	return ok
}

func checkJourneyDiagram(t *testing.T, j *journey.Journey, got *mmdJourney, drawn string) {
	t.Helper()
	sameText(t, shown(j.Title), got.Title, "title")
	sameText(t, shown(j.Title), got.AccTitle, "accTitle")
	sameText(t, shown(j.Description), got.AccDescr, "accDescr")

	var sections []string
	var tasks []mmdTask
	for _, s := range j.Stages {
		sections = append(sections, shown(s.Name))
		for _, tp := range s.Touchpoints {
			tasks = append(tasks, mmdTask{Section: shown(s.Name), Task: shown(tp.Name), Score: wantScore(tp.Emotion), People: wantActors(j, tp)})
		}
	}
	if !assert.Len(t, got.Sections, len(sections), "sections") {
		return
	}
	for i := range sections {
		sameText(t, sections[i], got.Sections[i], "stages[%d].name as section", i)
	}
	if !assert.Len(t, got.Tasks, len(tasks), "tasks (one per touchpoint)") {
		return
	}
	if drawn != "" {
		// Every section and task name is drawn in the SVG.
		for i, s := range sections {
			assert.Contains(t, drawn, normaliseDrawn(s), "stages[%d].name is not drawn", i)
		}
		for i, task := range tasks {
			assert.Contains(t, drawn, normaliseDrawn(task.Task), "task %d is not drawn", i)
		}
	}
	for i, want := range tasks {
		g := got.Tasks[i]
		sameText(t, want.Section, g.Section, "task %d section", i)
		sameText(t, want.Task, g.Task, "task %d name", i)
		assert.Equal(t, want.Score, g.Score, "task %d score", i)
		if assert.Len(t, g.People, len(want.People), "task %d actors", i) {
			for k := range want.People {
				sameText(t, want.People[k], g.People[k], "task %d actor %d", i, k)
			}
		}
	}
}

// checkBlueprint checks the service-blueprint flowchart: one node per
// touchpoint in the customer lane, one node per support in the lane of its
// layer, each labelled with the journey's text both in Mermaid's database and
// as drawn in the SVG.
func checkBlueprint(t *testing.T, j *journey.Journey, r mermaidResult) {
	t.Helper()
	fc := r.Flowchart
	sameText(t, shown(j.Title), fc.AccTitle, "flowchart accTitle")
	sameText(t, shown(j.Description), fc.AccDescr, "flowchart accDescr")

	nodes := map[string]string{}
	for _, n := range fc.Nodes {
		nodes[n.ID] = n.Label
		assert.Empty(t, n.Link, "node %s has a link", n.ID)
	}
	lanes := map[string][]string{}
	for _, s := range fc.Subgraphs {
		lanes[s.ID] = s.Nodes
		assert.NotEmpty(t, strings.TrimSpace(s.Title), "lane %s has no title", s.ID)
	}
	laneOf := map[touchpoint.Layer]string{
		touchpoint.Frontstage: "frontstage", touchpoint.Backstage: "backstage", touchpoint.SupportProcess: "support_process",
	}
	want := map[string]string{}
	i := 0
	for _, s := range j.Stages {
		for _, tp := range s.Touchpoints {
			id := fmt.Sprintf("t%d", i)
			want[id] = shown(tp.Name)
			assert.Contains(t, lanes["customer"], id, "touchpoint %q is not in the customer lane", id)
			for k, sup := range tp.Supports {
				sid := fmt.Sprintf("%ss%d", id, k)
				want[sid] = shown(sup.Description)
				assert.Contains(t, lanes[laneOf[sup.Layer]], sid, "support %s is not in the %s lane", sid, sup.Layer)
			}
			i++
		}
	}
	assert.Len(t, nodes, len(want), "flowchart nodes (touchpoints and supports)")
	for id, label := range want {
		got, ok := nodes[id]
		if !assert.True(t, ok, "node %s (%.40q) is missing", id, label) {
			continue
		}
		sameText(t, label, got, "node %s label", id)
		if r.Rendered {
			sameText(t, normaliseDrawn(drawnFlowchartLabel(t, label)), normaliseDrawn(r.ShownNodes[id]), "node %s label as drawn", id)
		}
	}
}

// drawnFlowchartLabel is the text Mermaid 12.3.0 draws for a flowchart label
// that it understood as label. It is label itself, except for a Mermaid
// defect no escape can avoid: flowchart HTML labels go through Mermaid's
// entity-marker decoding twice (once when drawn, again when the SVG is
// serialised), so text that itself contains Mermaid's internal markers
// ("ﬂ°°" for "&#", "ﬂ°" for "&", "¶ß" for ";") is decoded a second time. The
// parser-level check above stays exact; this models only the drawing step,
// and says so in the log.
func drawnFlowchartLabel(t *testing.T, label string) string {
	t.Helper()
	if !strings.Contains(label, "ﬂ°") && !strings.Contains(label, "¶ß") {
		return label
	}
	t.Logf("known Mermaid 12.3.0 defect: flowchart label %.40q holds Mermaid's entity markers and is drawn decoded twice", label)
	twice := strings.NewReplacer("ﬂ°°", "&#", "ﬂ°", "&", "¶ß", ";").Replace(label)
	return html.UnescapeString(twice)
}

// normaliseDrawn removes whitespace, which the SVG's HTML labels reflow.
func normaliseDrawn(s string) string {
	return strings.Join(strings.Fields(s), "")
}
