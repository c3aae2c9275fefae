package render

import (
	"io"
	"strconv"
	"testing"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/randjourney"
)

func BenchmarkZZParts(b *testing.B) {
	for _, n := range []int{10, 100} {
		j := randjourney.Generate(42, randjourney.Options{Personas: 3, Stages: n / 10, TouchpointsPerStage: 10, PainPointsPerTouchpoint: 2, Opportunities: n / 10})
		r := analysis.Analyze(j, analysis.Options{})
		h := HTML{Report: r}
		v := h.view(j)
		tm := htmlTemplates[v.words]
		b.Run("json/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() { _ = JSON{}.Render(io.Discard, j) }
		})
		b.Run("view/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() { _ = h.view(j) }
		})
		b.Run("exec/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() { _ = tm.Execute(io.Discard, v) }
		})
	}
}
