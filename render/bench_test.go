package render_test

import (
	"fmt"
	"html/template"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/render"
)

// benchJourney has stages × 10 touchpoints.
func benchJourney(touchpoints int) *journey.Journey {
	// One-line list items, so that the CSV renderer, which refuses an item
	// with a line break, renders it like every other renderer.
	return randjourney.OneLineItems(randjourney.Generate(42, randjourney.Options{
		Personas: 3, Stages: touchpoints / 10, TouchpointsPerStage: 10, PainPointsPerTouchpoint: 2, Opportunities: touchpoints / 10,
	}))
}

// BenchmarkRender renders journeys of 10, 100 and 1,000 touchpoints with
// every built-in renderer, and the page with its analysis report given
// ("html-report", the report computed beforehand); ns/op should grow
// linearly with size.
func BenchmarkRender(b *testing.B) {
	r := render.Default()
	for _, n := range []int{10, 100, 1000} {
		j := benchJourney(n)
		html := map[string]render.Renderer{"html-report": render.HTML{}.WithReport(j, analysis.Options{})}
		for _, f := range append(r.Formats(), "html-report") {
			rd, ok := r.Lookup(f)
			if !ok {
				rd = html[f]
			}
			b.Run(fmt.Sprintf("%s/%d", f, n), func(b *testing.B) {
				for b.Loop() {
					if err := rd.Render(io.Discard, j); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRenderParallel renders one 100-touchpoint journey from parallel
// goroutines (-cpu 8 for eight): ns/op falling with more CPUs, never rising,
// shows the renderers share no lock.
func BenchmarkRenderParallel(b *testing.B) {
	j := benchJourney(100)
	r := render.Default()
	for _, f := range r.Formats() {
		rd, _ := r.Lookup(f)
		b.Run(f, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := rd.Render(io.Discard, j); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchmarkHTMLPerTouchpoint renders the page of journeys of 10, 100 and
// 1,000 touchpoints, given their analysis report, and reports the time per
// touchpoint ("ns/tp"), which stays flat when rendering is linear in the
// number of touchpoints, and the page's bytes per touchpoint.
func BenchmarkHTMLPerTouchpoint(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		j := benchJourney(n)
		h := render.HTML{}.WithReport(j, analysis.Options{})
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var w countWriter
			for b.Loop() {
				w = 0
				if err := h.Render(&w, j); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/tp")
			b.ReportMetric(float64(w)/float64(n), "bytes/tp")
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// userTexts returns every free text of v: the fields of plain type string
// (names, descriptions, actions, quotes...), leaving out ids, enums (named
// string types), numbers, times and extensions, which a page shows as
// words of its own or not at all.
func userTexts(v reflect.Value, out []string) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = userTexts(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = userTexts(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = userTexts(v.Index(i), out)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && v.Len() > 0 {
			out = append(out, v.String())
		}
	}
	return out
}

// BenchmarkHTMLFloor measures the least any html/template page showing a
// journey can cost: printing each of its free texts once, with no markup,
// no words of the page's own and no analysis, through a template that is
// nothing but {{range .}}{{.}}{{end}}. It alternates with the JSON encoding
// and reports floor/json: what html/template's per-value cost (a reflective
// call of its escaper for every printed value) takes before the page has
// any structure.
func BenchmarkHTMLFloor(b *testing.B) {
	floor := template.Must(template.New("floor").Parse(`{{range .}}{{.}}{{end}}`))
	for _, n := range []int{10, 100, 1000} {
		j := benchJourney(n)
		texts := userTexts(reflect.ValueOf(j), nil)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var tj, tf time.Duration
			for b.Loop() {
				t0 := time.Now()
				if err := (render.JSON{}).Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if err := floor.Execute(io.Discard, texts); err != nil {
					b.Fatal(err)
				}
				tj, tf = tj+t1.Sub(t0), tf+time.Since(t1)
			}
			b.ReportMetric(float64(tf)/float64(tj), "floor/json")
			b.ReportMetric(float64(len(texts))/float64(n), "texts/tp")
		})
	}
}

// BenchmarkHTMLMemory renders the page of a journey with 4,000 personas
// and 100 touchpoints serving all of them (a valid document of about 16 MB),
// of the 1,000-touchpoint journey and of the hostile corpus' journey, and reports the bytes allocated per
// byte of the document's JSON encoding ("alloc/doc"): a bound on the peak
// memory of rendering, which should stay within ~30× the input.
func BenchmarkHTMLMemory(b *testing.B) {
	crowd := journey.New("Crowd", journey.CurrentState)
	for i := range 4000 {
		crowd.AddPersona(persona.Persona{Name: "Persona " + strconv.Itoa(i)})
	}
	s := crowd.AddStage("Everyone", journey.BeforePurchase)
	for i := range 100 {
		t := s.AddTouchpoint("Touchpoint "+strconv.Itoa(i), "website")
		for _, p := range crowd.Personas {
			t.PersonaIDs = append(t.PersonaIDs, p.ID)
		}
	}
	for name, j := range map[string]*journey.Journey{"personas-4000": crowd, "touchpoints-1000": benchJourney(1000), "hostile": hostile.Journey()} {
		doc, err := journey.Marshal(j)
		if err != nil {
			b.Fatal(err)
		}
		h := render.HTML{}.WithReport(j, analysis.Options{})
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if err := h.Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(doc)), "alloc/doc")
			b.ReportMetric(float64(len(doc))/1e6, "doc-MB")
		})
	}
}

// BenchmarkMermaidPersonas renders the Mermaid diagram of the 4,000-persona
// journey: naming each task's actors is one lookup per persona id (it was a
// search of the persona list per id: quadratic).
func BenchmarkMermaidPersonas(b *testing.B) {
	crowd := journey.New("Crowd", journey.CurrentState)
	for i := range 4000 {
		crowd.AddPersona(persona.Persona{Name: "Persona " + strconv.Itoa(i)})
	}
	s := crowd.AddStage("Everyone", journey.BeforePurchase)
	for i := range 100 {
		t := s.AddTouchpoint("Touchpoint "+strconv.Itoa(i), "website")
		for _, p := range crowd.Personas {
			t.PersonaIDs = append(t.PersonaIDs, p.ID)
		}
	}
	for b.Loop() {
		if err := (render.Mermaid{}).Render(io.Discard, crowd); err != nil {
			b.Fatal(err)
		}
	}
}
