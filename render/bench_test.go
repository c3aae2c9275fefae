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
// every built-in renderer; ns/op should grow linearly with size, and html
// (including its analysis) should cost at most 3× json on the same journey.
func BenchmarkRender(b *testing.B) {
	r := render.Default()
	html := map[string]render.Renderer{"html-no-analysis": render.HTML{NoAnalysis: true}}
	for _, n := range []int{10, 100, 1000} {
		j := benchJourney(n)
		for _, f := range append(r.Formats(), "html-no-analysis") {
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

// BenchmarkHTMLvsJSON renders the same journey as JSON and as HTML in
// alternation and reports the ratio of their total times, so a busy machine
// slows both alike: "html/json" for the default page, which runs the
// analysis itself; "given/json" for the same page given a report computed
// beforehand (the rendering alone); "page/json" without analysis. It also
// reports ns per touchpoint, to show linear growth across sizes.
func BenchmarkHTMLvsJSON(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		j := benchJourney(n)
		report := analysis.Analyze(j, analysis.Options{})
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var tj, th, tg, tp time.Duration
			for b.Loop() {
				t0 := time.Now()
				if err := (render.JSON{}).Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if err := (render.HTML{}).Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				if err := (render.HTML{Report: report}).Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				if err := (render.HTML{NoAnalysis: true}).Render(io.Discard, j); err != nil {
					b.Fatal(err)
				}
				tj, th, tg, tp = tj+t1.Sub(t0), th+t2.Sub(t1), tg+t3.Sub(t2), tp+time.Since(t3)
			}
			b.ReportMetric(float64(th)/float64(tj), "html/json")
			b.ReportMetric(float64(tg)/float64(tj), "given/json")
			b.ReportMetric(float64(tp)/float64(tj), "page/json")
			per := float64(b.N) * float64(n)
			b.ReportMetric(float64(tj)/per, "json-ns/tp")
			b.ReportMetric(float64(th)/per, "html-ns/tp")
		})
	}
}

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
// and reports floor/json, the share of BenchmarkHTMLvsJSON's 3× budget that
// html/template's per-value cost (a reflective call of its escaper for every
// printed value) takes before the page has any structure.
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
