package e2e

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/mermaidin"
	"github.com/journeymap/journeymap/render"
)

// importOutput is what mermaid-import-check.mjs prints.
type importOutput struct {
	Results    []importResult `json:"results"`
	Requests   []string       `json:"requests"`
	PageErrors []string       `json:"pageErrors"`
}

type importResult struct {
	Name     string       `json:"name"`
	Error    string       `json:"error"`
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	AccTitle string       `json:"accTitle"`
	AccDescr string       `json:"accDescr"`
	Sections []string     `json:"sections"`
	Tasks    []importTask `json:"tasks"`
}

type importTask struct {
	Section string   `json:"section"`
	Task    string   `json:"task"`
	Score   string   `json:"score"`
	People  []string `json:"people"`
}

// importSource is one diagram of the corpus. configures marks a diagram
// Mermaid accepts but mermaidin refuses on purpose (front matter or a
// directive: configuration a journey cannot keep).
type importSource struct {
	name, text string
	configures bool
}

// specSources are journey diagrams in the style of Mermaid's own tests:
// packages/mermaid/src/diagrams/user-journey/parser/journey.spec.js and
// cypress/integration/rendering/user-journey/journey.spec.js of
// mermaid-js/mermaid (MIT License, Copyright (c) 2014 - 2022 Knut
// Sveidqvist); the first ones are ported from there, the others add the
// quirks the importer must follow.
var specSources = []importSource{
	{name: "spec/title", text: "journey\ntitle Adding journey diagram functionality to mermaid"},
	{name: "spec/accDescr", text: "journey\naccDescr: A user journey for family shopping\ntitle Adding journey diagram functionality to mermaid\nsection Order from website"},
	{name: "spec/accDescr-multiline", text: "journey\naccDescr {\n        A user journey for\n        family shopping\n      }title Adding journey diagram functionality to mermaid\naccTitle: Adding acc journey diagram functionality to mermaid\nsection Order from website"},
	{name: "spec/accTitle", text: "journey\n    accTitle: The title\n    section Order from website"},
	{name: "spec/section", text: "journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website"},
	{name: "spec/section-br", text: "journey\ntitle Adding gantt diagram functionality to mermaid\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5"},
	{name: "spec/tasks", text: "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\nA task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nD task: 5: Charlie, Alice\nE task: 5:\nsection Another section\nP task: 5:\nQ task: 5:\nR task: 5:"},
	{name: "cypress/simple", text: "journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website\n    "},
	{name: "cypress/working-day", text: "\n    journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 3: Me\n      "},
	{name: "cypress/e-commerce", text: "journey\ntitle E-Commerce\nsection Order from website\n  Add to cart: 5: Me\nsection Checkout from website\n  Add payment details: 5: Me\n    "},
	{name: "cypress/front-matter", configures: true, text: "---\nconfig:\n  journey:\n    maxLabelWidth: 320\n---\njourney\n  title User Journey Example\n  section Onboarding\n      Sign Up: 5:\n      Browse Features: 3:\n"},
	{name: "cypress/long-labels-repeated-section", text: "journey\n      title  Web hook life cycle\n      section Darkoob\n        Make preBuilt:5: Darkoob user\n        register slug : 5: Darkoob userf deliberately increasing the size of this label to check if distance between legend and diagram is  maintained\n        Map slug to a Prebuilt Job:5: Darkoob user\n      section External Service\n        set Darkoob slug as hook for an Event : 5 : admin Exjjjnjjjj qwerty\n        listen to the events : 5 :  External Service\n        call darkoob endpoint : 5 : External Service\n      section Darkoob\n        check for inputs : 5 : DarkoobAPI\n        run the prebuilt job : 5 : DarkoobAPI\n        "},
	{name: "cypress/long-word", text: "journey\n  title Long Word Test\n  section Test\n    VeryLongWord: 5: Supercalifragilisticexpialidocious"},

	{name: "quirk/tasks-without-actors", text: "journey\nsection S\n  a: 1\n  b: 2:\n  c: 3: Me\n  d: 4: Me,\n  e: 5: , Me , ,Cat"},
	{name: "quirk/task-br", text: "journey\nsection S<br>two\n  a<BR/>b<br />c: 3: Me"},
	{name: "quirk/comments", text: "%% leading comment\n\n  %% another\njourney\n%% c\n  title T %% not a comment inside the title\n  section S # comment after\n    a: 3: Me # comment\n    %% comment line\n    b: 4: Me%%kept in the actor\n    c%%gone: 5\n"},
	{name: "quirk/entities", text: "journey\n  title A #58; B #35; #amp; #lt;b#gt; #nbsp;x #unknown; #128; #0; #99999999999;\n  section S#58; x#44;y\n    t#58;1#59;: 3: A#44;B, C#35;D, #160;E\n"},
	{name: "quirk/crlf", text: "journey\r\n  title T\r\n  section S\r\n    a: 3: Me\r\n    b: 2: You\r"},
	{name: "quirk/lone-cr", text: "journey\r  title T\r  section S\r    a: 3: Me\r"},
	{name: "quirk/scores", text: "journey\nsection S\n  a:  5 \n  b: 05: x\n  c: 5.0: x\n  d: 0x5: x\n  e: +4: x\n  f: 4e0: x\n  g: .3e1: x"},
	{name: "quirk/bad-scores", text: "journey\nsection S\n  a: 0\n  b: 6: x\n  c: 2.5: x\n  d: abc: x\n  e: : x\n  f: Infinity: x\n  g: -1: x"},
	{name: "quirk/third-colon", text: "journey\nsection S\n  a: 5: Me: ignored\n  b: 5: Me:"},
	{name: "quirk/title-keyword", text: "journey\ntitle\nsection S\n  a: 3"},
	{name: "quirk/case", text: "journey\nTITLE upper\nSection Upper\n  Journeys: 3: Me\n  ACCTITLE: acc\n"},
	{name: "quirk/style", text: "journey\nsection S\n  Lifestyle:5:x#35;Bob\n  classDef c:#35;x; 3\n"},
	{name: "quirk/attributes", text: "journey\nsection S\n  <b class=\"x\">bold</b>: 3: <i id=\"a\">A</i>"},
	{name: "quirk/space-kinds", text: "journey\n\tsection\tTabbed\n\u00a0\u00a0a\u00a0: 3 :\u00a0Me\u00a0\n\u2003b: 4"},
	{name: "quirk/task-before-section", text: "journey\n  a: 3: Me\n  section S\n  b: 4"},
	{name: "quirk/empty", text: "journey"},
	{name: "quirk/journey-word-boundary", text: "journey\nsection S\n  journeyé: 3"},
	{name: "quirk/vietnamese", text: "journey\n  title Hành trình mua hàng\n  section Nhận biết\n    Xem quảng cáo trên Facebook: 4: Chị Lan\n  section Mua hàng\n    Thanh toán: 2: Chị Lan, Anh Minh\n  section Ủng hộ\n    Giới thiệu bạn bè: 5"},
	{name: "quirk/directive", configures: true, text: "%%{init: {'theme':'dark'}}%%\njourney\nsection S\n  a: 3"},

	{name: "error/semicolon", text: "journey\nsection S\n  a;b: 3"},
	{name: "error/colon-in-section", text: "journey\nsection S: x\n  a: 3"},
	{name: "error/task-without-score", text: "journey\nsection S\n  a\n"},
	{name: "error/bare-colon", text: "journey\nsection S\n  a:\n"},
	{name: "error/journey-task", text: "journey\nsection S\n  journey to work: 3"},
	{name: "error/not-journey", text: "flowchart LR\n  a --> b"},
	{name: "error/upper-journey", text: "JOURNEY\nsection S\n  a: 3"},
	{name: "error/section-task", text: "journey\nsection S\n  section : 3"},
}

// randomSources are diagrams built from pieces that exercise the lexer's
// corners, with a fixed seed: the same corpus on every run.
func randomSources(n int) []importSource {
	pieces := []string{
		"journey", "title ", "section ", "accTitle: ", "accDescr: ", "accDescr {", "}", "\n", "\n", "\n", " ", "  ", "\t",
		":", ": ", ",", ", ", "#", "#58;", "#35;", "#amp;", "%%", " %% ", "%%{", ";", "<br>", "<br/>", "\r\n",
		"Me", "Cat", "a", "Task", "5", "3", "1", "0", "6", "2.5", "x", "é", "Bước", "title", "style", "\u00a0",
	}
	rng := rand.New(rand.NewPCG(17, 2026))
	out := make([]importSource, n)
	for i := range out {
		var b strings.Builder
		b.WriteString("journey\n")
		for k := 0; k < 8+rng.IntN(24); k++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[i] = importSource{name: fmt.Sprintf("random/%03d", i), text: b.String()}
		if strings.Contains(out[i].text, "%%{") {
			out[i].configures = true
		}
	}
	return out
}

// TestMermaidImportAgreesWithMermaid has mermaid 12.3.0 parse a corpus of
// journey diagrams — journeymap's own Mermaid output for every example and
// hostile journey, diagrams in the style of Mermaid's tests, quirks, and
// random texts — and checks that mermaidin.Parse holds what Mermaid's
// database holds (title, sections, tasks with section, name, score and
// actors), that it refuses exactly what Mermaid refuses, and that Import's
// journey shows the same sections, tasks, scores and actors.
func TestMermaidImportAgreesWithMermaid(t *testing.T) {
	requireClients(t, true)
	var corpus []importSource
	for _, nj := range allJourneys(t) {
		var a, b bytes.Buffer
		require.NoError(t, render.Mermaid{}.Render(&a, nj.j), nj.name)
		require.NoError(t, render.Mermaid{Comments: true}.Render(&b, nj.j), nj.name)
		corpus = append(corpus, importSource{name: nj.name + "/journey", text: a.String()},
			importSource{name: nj.name + "/journey-comments", text: b.String()})
	}
	corpus = append(corpus, specSources...)
	corpus = append(corpus, randomSources(1500)...)
	diagrams := make([]mermaidDiagram, len(corpus))
	for i, c := range corpus {
		diagrams[i] = mermaidDiagram{Name: c.name, Text: c.text}
	}
	var out importOutput
	runNode(t, "mermaid-import-check.mjs", map[string]any{"diagrams": diagrams}, &out)
	require.Len(t, out.Results, len(corpus))
	assert.Empty(t, out.Requests, "Mermaid made network requests")
	assert.Empty(t, out.PageErrors, "the page threw")

	accepted, refused := 0, 0
	for i, c := range corpus {
		r := out.Results[i]
		t.Run(c.name, func(t *testing.T) {
			d, err := mermaidin.Parse([]byte(c.text))
			if r.Error != "" || r.Type != "journey" {
				refused++
				assert.Error(t, err, "Mermaid refuses this diagram (%s %s) but Parse accepts it:\n%s", r.Type, r.Error, c.text)
				return
			}
			if c.configures {
				assert.ErrorIs(t, err, mermaidin.ErrSyntax, "configuration must be refused")
				return
			}
			if !assert.NoError(t, err, "Mermaid accepts this diagram:\n%q", c.text) {
				return
			}
			accepted++
			agreeRaw(t, r, d)
			agreeJourney(t, r, c.text)
		})
	}
	t.Logf("%d diagrams: Mermaid accepted %d and refused %d (all with the same answer from mermaidin)", len(corpus), accepted, refused)
}

// agreeRaw compares Parse's Diagram with Mermaid's database string by string.
func agreeRaw(t *testing.T, r importResult, d *mermaidin.Diagram) {
	t.Helper()
	// Mermaid passes titles and descriptions (not sections, tasks or
	// actors) through DOMPurify, which re-serialises markup ("<br/>" comes
	// out "<br>"): those are compared only without "<" or "&".
	for _, f := range []struct{ name, want, got string }{
		{"title", r.Title, d.Title}, {"accTitle", r.AccTitle, d.AccTitle}, {"accDescr", r.AccDescr, d.AccDescr},
	} {
		if strings.ContainsAny(f.got, "<&") {
			t.Logf("%s %q holds markup, which Mermaid's sanitiser rewrites: not compared", f.name, f.got)
			continue
		}
		assert.Equal(t, f.want, f.got, f.name)
	}
	assert.Equal(t, len(r.Sections), len(d.Sections), "sections")
	for i := range min(len(r.Sections), len(d.Sections)) {
		assert.Equal(t, r.Sections[i], d.Sections[i], "section %d", i)
	}
	if !assert.Equal(t, len(r.Tasks), len(d.Tasks), "tasks") {
		return
	}
	for i, want := range r.Tasks {
		got := d.Tasks[i]
		assert.Equal(t, want.Section, got.Section, "task %d section", i)
		assert.Equal(t, want.Task, got.Name, "task %d name", i)
		assert.Equal(t, want.Score, jsString(got.Score), "task %d score", i)
		people := got.People
		if people == nil {
			people = []string{}
		}
		assert.Equal(t, want.People, people, "task %d actors", i)
	}
}

// jsString writes a float64 as JavaScript's String(number) does for the
// values a score takes.
func jsString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	a := math.Abs(f)
	if a >= 1e21 || a < 1e-6 {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		s = strings.Replace(s, "e+0", "e+", 1)
		s = strings.Replace(s, "e-0", "e-", 1)
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// agreeJourney checks Import against Mermaid's database as a reader sees it:
// when Import accepts the diagram, every stage is a section and every
// touchpoint a task, with the emotion score − 3 and the task's actors as its
// personas (none listed when it names every persona or none).
func agreeJourney(t *testing.T, r importResult, text string) {
	t.Helper()
	j, err := mermaidin.Import(strings.NewReader(text), mermaidin.Options{})
	if err != nil {
		// Refusals are the importer's own rules, checked in its unit tests;
		// here they must at least be reasons a journey cannot hold.
		assert.ErrorIs(t, err, mermaidin.ErrUnsupported, "only unsupported content may be refused")
		return
	}
	trim := func(s string) string { return strings.TrimFunc(s, isJSSpace) }
	if !assert.Len(t, j.Stages, len(r.Sections), "stages") {
		return
	}
	for i, s := range r.Sections {
		assert.Equal(t, mermaidin.Lines(trim(s)), j.Stages[i].Name, "stage %d name", i)
	}
	k := 0
	for si, s := range j.Stages {
		for ti, tp := range s.Touchpoints {
			require.Less(t, k, len(r.Tasks), "more touchpoints than tasks")
			task := r.Tasks[k]
			k++
			assert.Equal(t, mermaidin.Lines(trim(task.Section)), s.Name, "stages[%d].touchpoints[%d] stage", si, ti)
			assert.Equal(t, mermaidin.Lines(trim(task.Task)), tp.Name, "stages[%d].touchpoints[%d] name", si, ti)
			score, err := strconv.ParseFloat(task.Score, 64)
			if assert.NoError(t, err) && assert.NotNil(t, tp.Emotion) {
				assert.Equal(t, score-3, *tp.Emotion, "stages[%d].touchpoints[%d] emotion", si, ti)
			}
			var want []string
			for _, p := range task.People {
				if a := mermaidin.Text(p); strings.TrimSpace(a) != "" && !contains(want, a) {
					want = append(want, a)
				}
			}
			var got []string
			for _, id := range tp.PersonaIDs {
				got = append(got, j.Persona(id).Name)
			}
			if len(tp.PersonaIDs) == 0 && len(want) > 0 {
				// Naming every persona is written as no persona_ids.
				got = nil
				for _, p := range j.Personas {
					got = append(got, p.Name)
				}
				assert.ElementsMatch(t, want, got, "stages[%d].touchpoints[%d] actors", si, ti)
				continue
			}
			assert.Equal(t, want, got, "stages[%d].touchpoints[%d] actors", si, ti)
		}
	}
	assert.Equal(t, len(r.Tasks), k, "touchpoints (one per task)")
	// The journey renders back to a diagram that imports to the same journey.
	var b bytes.Buffer
	require.NoError(t, render.Mermaid{}.Render(&b, j))
	again, err := mermaidin.Import(&b, mermaidin.Options{})
	if assert.NoError(t, err, "journeymap's rendering of the import:\n%s", b.String()) {
		assert.Equal(t, mustMarshal(t, j), mustMarshal(t, again), "import → render → import changed the journey")
	}
}

func mustMarshal(t *testing.T, j *journey.Journey) string {
	data, err := journey.MarshalIndent(j, " ")
	require.NoError(t, err)
	return string(data)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}
