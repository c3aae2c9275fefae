package fuzztest

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/render"
)

// FuzzRenderLabels fuzzes label text directly, which byte-level mutation of
// whole documents rarely reaches: the journey of hostile.JourneyFor(a) with
// its second stage, touchpoint, persona and support written as b and one
// emotion set, rendered in every format and checked as in FuzzRenderHTML,
// FuzzRenderMermaid, FuzzRenderMarkdown and FuzzRenderCSV.
func FuzzRenderLabels(f *testing.F) {
	entries := hostile.Entries()
	for i, e := range entries {
		if len(e.Text) > 4096 {
			continue
		}
		f.Add(e.Text, entries[(i+1)%len(entries)].Text, float64(i%9)/2-2)
	}
	f.Fuzz(func(t *testing.T, a, b string, emotion float64) {
		// Documents come through the JSON decoder, which admits only
		// non-blank required labels of valid UTF-8.
		for _, s := range []string{a, b} {
			if !utf8.ValidString(s) || strings.TrimSpace(s) == "" {
				return
			}
		}
		j := hostile.JourneyFor(a)
		s := j.Stages[1]
		s.Name = b
		tp := s.Touchpoints[0]
		tp.Name = b
		tp.Emotion = &emotion
		tp.Supports[0].Description = b
		j.Personas[1].Name = b

		if out, ok := renders(t, render.Mermaid{}, j); ok {
			checkJourneyDiagram(t, j, string(out))
		}
		if out, ok := renders(t, render.MermaidBlueprint{}, j); ok {
			checkBlueprint(t, j, string(out))
		}
		if out, ok := renders(t, render.HTML{}, j); ok {
			doc, err := html.Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("page does not parse: %v", err)
			}
			if err := checkHTML(doc); err != nil {
				t.Fatal(err)
			}
			text := visible(textOf(doc))
			for _, label := range []string{a, b} {
				if !strings.Contains(text, visible(label)) {
					t.Fatalf("label %q is not shown", label)
				}
			}
		}
		renders(t, render.Markdown{}, j)
		rendersCSV(t, j)
	})
}
