package render_test

import (
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// benchJourney has stages × 10 touchpoints.
func benchJourney(touchpoints int) *journey.Journey {
	return randjourney.Generate(42, randjourney.Options{
		Personas: 3, Stages: touchpoints / 10, TouchpointsPerStage: 10, PainPointsPerTouchpoint: 2, Opportunities: touchpoints / 10,
	})
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
