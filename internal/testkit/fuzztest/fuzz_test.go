package fuzztest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// FuzzValidate checks that validating any decodable document never panics,
// reports its problems as a docerr.List, gives the same answer twice and
// leaves the journey unchanged.
func FuzzValidate(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		before := j.Clone()
		err := j.Validate()
		if err != nil {
			var list docerr.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Validate returned %T %v, want a non-empty docerr.List", err, err)
			}
		}
		if again := j.Validate(); fmt.Sprint(again) != fmt.Sprint(err) {
			t.Fatalf("Validate is not deterministic:\n%v\n%v", err, again)
		}
		if !reflect.DeepEqual(before, j) {
			t.Fatal("Validate modified the journey")
		}
	})
}

// FuzzAnalyze checks that analysing any decodable journey never panics,
// keeps every friction score in [0, 1], is deterministic and leaves the
// journey unchanged.
func FuzzAnalyze(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		before := j.Clone()
		r := analysis.Analyze(j, analysis.Options{})
		if r == nil || r.Findings == nil {
			t.Fatal("Analyze returned no report or nil findings")
		}
		checkFriction(t, r.Friction)
		if !reflect.DeepEqual(r, analysis.Analyze(j, analysis.Options{})) {
			t.Fatal("Analyze is not deterministic")
		}
		if !reflect.DeepEqual(before, j) {
			t.Fatal("Analyze modified the journey")
		}
	})
}

// inUnit reports whether x is a number in [0, 1].
func inUnit(x float64) bool { return x >= 0 && x <= 1 }

func checkFriction(t *testing.T, f analysis.Friction) {
	t.Helper()
	if !inUnit(f.Score) {
		t.Fatalf("journey friction %v is not in [0, 1]", f.Score)
	}
	if math.IsNaN(f.Points) || math.IsInf(f.Points, 0) || f.Points < 0 {
		t.Fatalf("journey friction points %v", f.Points)
	}
	for _, s := range f.Stages {
		if !inUnit(s.Score) {
			t.Fatalf("%s friction %v is not in [0, 1]", s.Path, s.Score)
		}
		for _, tp := range s.Touchpoints {
			if !inUnit(tp.Score) {
				t.Fatalf("%s friction %v is not in [0, 1]", tp.Path, tp.Score)
			}
		}
	}
	for _, h := range f.Hotspots {
		if !inUnit(h.Score) || h.Score == 0 {
			t.Fatalf("hotspot %s friction %v is not in (0, 1]", h.Path, h.Score)
		}
	}
}

// renders runs r on j; a journey that validates must render, one that does
// not may be refused with an error but must not panic. ok is false when r
// refused.
func renders(t *testing.T, r render.Renderer, j *journey.Journey) (out []byte, ok bool) {
	t.Helper()
	var b bytes.Buffer
	if err := r.Render(&b, j); err != nil {
		if j.Validate() == nil {
			t.Fatalf("%T refused a valid journey: %v", r, err)
		}
		return nil, false
	}
	return b.Bytes(), true
}

// FuzzRenderHTML checks that the HTML page of any decodable journey parses
// (as a browser would, with golang.org/x/net/html) with no script, no
// embedded document, no event handler and no javascript: URL, and shows the
// journey's title and every touchpoint name.
func FuzzRenderHTML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		out, ok := renders(t, render.HTML{}, j)
		if !ok {
			return
		}
		doc, err := html.Parse(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("page does not parse: %v", err)
		}
		if err := checkHTML(doc); err != nil {
			t.Fatal(err)
		}
		text := visible(textOf(doc))
		if !strings.Contains(text, visible(j.Title)) {
			t.Fatalf("title %q is not shown", j.Title)
		}
		for s, tp := range j.Touchpoints() {
			if s != nil && tp != nil && !strings.Contains(text, visible(tp.Name)) {
				t.Fatalf("touchpoint %q is not shown", tp.Name)
			}
		}
	})
}

// checkHTML walks a parsed page and reports any element or attribute that
// could run code, load a document or leave the page.
func checkHTML(n *html.Node) error {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Iframe, atom.Frame, atom.Object, atom.Embed, atom.Base, atom.Applet:
			return fmt.Errorf("<%s> element in the page", n.Data)
		case atom.Meta:
			for _, a := range n.Attr {
				if strings.EqualFold(a.Key, "http-equiv") && strings.EqualFold(strings.TrimSpace(a.Val), "refresh") {
					return errors.New("meta refresh in the page")
				}
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				return fmt.Errorf("<%s %s=%q>: event handler", n.Data, a.Key, a.Val)
			}
			switch key {
			case "href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "data":
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, a.Val))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					return fmt.Errorf("<%s %s=%q>: script or data URL", n.Data, a.Key, a.Val)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := checkHTML(c); err != nil {
			return err
		}
	}
	return nil
}

// textOf is the text of the page's body (and head, for the title).
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// visible is s as a reader sees it in an HTML page, for comparison: NUL is
// replaced (no parser keeps it) and white space, which pages reflow, removed.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0:
			return unicode.ReplacementChar
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, s)
}

// shownMermaid is a label as Mermaid shows it: NUL, which no HTML character
// reference carries, becomes U+FFFD.
func shownMermaid(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

// FuzzRenderMermaid checks that the journey diagram and the blueprint
// flowchart of any decodable journey read back, under Mermaid's grammar, to
// the journey's own title, stage names, touchpoint names, scores and actors.
func FuzzRenderMermaid(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		if out, ok := renders(t, render.Mermaid{}, j); ok {
			checkJourneyDiagram(t, j, string(out))
		}
		if out, ok := renders(t, render.MermaidBlueprint{}, j); ok {
			checkBlueprint(t, j, string(out))
		}
	})
}

func checkJourneyDiagram(t *testing.T, j *journey.Journey, text string) {
	t.Helper()
	d, err := readJourneyDiagram(text)
	if err != nil {
		t.Fatalf("journey diagram: %v\n%s", err, text)
	}
	if d.title != shownMermaid(j.Title) || d.accTitle != shownMermaid(j.Title) {
		t.Fatalf("title reads back as %q / %q, want %q", d.title, d.accTitle, j.Title)
	}
	if d.accDescr != shownMermaid(j.Description) {
		t.Fatalf("accDescr reads back as %q, want %q", d.accDescr, j.Description)
	}
	var sections []string
	var tasks []mmdTask
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		sections = append(sections, shownMermaid(s.Name))
		for _, tp := range s.Touchpoints {
			if tp == nil {
				continue
			}
			score, _ := render.MermaidScore(tp.Emotion)
			task := mmdTask{section: shownMermaid(s.Name), name: shownMermaid(tp.Name), score: fmt.Sprint(score)}
			if len(tp.PersonaIDs) == 0 {
				for _, p := range j.Personas {
					if p != nil {
						task.actors = append(task.actors, shownMermaid(p.Name))
					}
				}
			}
			for _, id := range tp.PersonaIDs {
				if p := j.Persona(id); p != nil {
					task.actors = append(task.actors, shownMermaid(p.Name))
				} else {
					task.actors = append(task.actors, id.String())
				}
			}
			tasks = append(tasks, task)
		}
	}
	if fmt.Sprintf("%q", d.sections) != fmt.Sprintf("%q", sections) {
		t.Fatalf("sections read back as %q, want %q", d.sections, sections)
	}
	if len(d.tasks) != len(tasks) {
		t.Fatalf("%d tasks read back, want %d", len(d.tasks), len(tasks))
	}
	for i := range tasks {
		if fmt.Sprintf("%q", d.tasks[i]) != fmt.Sprintf("%q", tasks[i]) {
			t.Fatalf("task %d reads back as %q, want %q", i, d.tasks[i], tasks[i])
		}
	}
	for i, tk := range d.tasks {
		if tk.score < "1" || tk.score > "5" || len(tk.score) != 1 {
			t.Fatalf("task %d score %q is not an integer 1..5", i, tk.score)
		}
	}
}

func checkBlueprint(t *testing.T, j *journey.Journey, text string) {
	t.Helper()
	labels, err := readFlowchartLabels(text)
	if err != nil {
		t.Fatalf("blueprint: %v\n%s", err, text)
	}
	i := 0
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		for _, tp := range s.Touchpoints {
			if tp == nil {
				continue
			}
			id := fmt.Sprintf("t%d", i)
			if got := labels[id]; got != shownMermaid(tp.Name) {
				t.Fatalf("node %s reads back as %q, want %q", id, got, tp.Name)
			}
			for k, sup := range tp.Supports {
				sid := fmt.Sprintf("%ss%d", id, k)
				if got := labels[sid]; got != shownMermaid(sup.Description) {
					t.Fatalf("node %s reads back as %q, want %q", sid, got, sup.Description)
				}
			}
			i++
		}
	}
}

// FuzzRenderMarkdown checks that the Markdown of any decodable journey keeps
// the title on its heading line and lets no raw "<" through (every one is
// escaped, except the renderer's own <br> line breaks).
func FuzzRenderMarkdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		out, ok := renders(t, render.Markdown{}, j)
		if !ok {
			return
		}
		s := string(out)
		first, rest, _ := strings.Cut(s, "\n")
		if !strings.HasPrefix(first, "# ") || !strings.HasPrefix(rest, "\n") {
			t.Fatalf("the title does not stay on its heading line: %q", s[:min(len(s), 200)])
		}
		for i := 0; i < len(s); i++ {
			if s[i] == '<' && (i == 0 || s[i-1] != '\\') && !strings.HasPrefix(s[i:], "<br>") {
				t.Fatalf("raw '<' at byte %d: %q", i, s[max(0, i-40):min(len(s), i+40)])
			}
		}
	})
}

// FuzzRenderCSV checks that the CSV of any decodable journey parses with
// encoding/csv into the documented header and one row per touchpoint × pain
// point, with stage, touchpoint and pain names intact and formula-like cells
// neutralised.
func FuzzRenderCSV(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		j := decode(data)
		if j == nil {
			return
		}
		out, ok := rendersCSV(t, j)
		if !ok {
			return
		}
		r := csv.NewReader(bytes.NewReader(out))
		r.FieldsPerRecord = len(render.CSVHeader)
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		if len(rows) == 0 || fmt.Sprint(rows[0]) != fmt.Sprint(render.CSVHeader) {
			t.Fatalf("header %q", rows[:min(1, len(rows))])
		}
		var want [][3]string // stage, touchpoint, pain
		for _, s := range j.Stages {
			if s == nil {
				continue
			}
			if len(s.Touchpoints) == 0 {
				want = append(want, [3]string{s.Name, "", ""})
			}
			for _, tp := range s.Touchpoints {
				if tp == nil {
					continue
				}
				if len(tp.PainPoints) == 0 {
					want = append(want, [3]string{s.Name, tp.Name, ""})
				}
				for _, p := range tp.PainPoints {
					if p != nil {
						want = append(want, [3]string{s.Name, tp.Name, p.Title})
					}
				}
			}
		}
		if len(rows)-1 != len(want) {
			t.Fatalf("%d rows, want %d", len(rows)-1, len(want))
		}
		for i, w := range want {
			row := rows[i+1]
			for k, col := range []int{1, 4, 16} {
				if got, exp := row[col], cellText(w[k]); got != exp {
					t.Fatalf("row %d %s = %q, want %q", i+1, render.CSVHeader[col], got, exp)
				}
			}
		}
	})
}

// cellText is s as encoding/csv reads it back from the renderer: neutralised
// with a leading "'" when a spreadsheet could take it for a formula (or when
// its own "'" could be taken for that mark), and with "\r\n" read as "\n".
func cellText(s string) string {
	switch {
	case s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])),
		len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(s[1])):
		s = "'" + s
	}
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// rendersCSV is renders for render.CSV, which refuses (render.ErrCSVList) a
// valid journey whose list items one line per item cannot carry.
func rendersCSV(t *testing.T, j *journey.Journey) (out []byte, ok bool) {
	t.Helper()
	var b bytes.Buffer
	if err := (render.CSV{}).Render(&b, j); err != nil {
		if j.Validate() == nil && !errors.Is(err, render.ErrCSVList) {
			t.Fatalf("render.CSV refused a valid journey: %v", err)
		}
		return nil, false
	}
	return b.Bytes(), true
}
