package fuzztest

import (
	"bytes"
	"reflect"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// TestConcurrentRenderAndAnalyze renders one journey in every registered
// format and analyses it from many goroutines at once (run it with -race),
// and checks that every goroutine gets exactly the output of a sequential
// run and that the shared journey is left unchanged.
func TestConcurrentRenderAndAnalyze(t *testing.T) {
	for name, j := range map[string]*journey.Journey{
		"example": decode(exampleDocs(t)[0]),
		"hostile": hostile.JourneyFor("<script>alert(1)</script> #58; ; Điểm đau 😀"),
	} {
		t.Run(name, func(t *testing.T) {
			require.NotNil(t, j)
			reg := render.Default()
			formats := reg.Formats()
			require.NotEmpty(t, formats)
			want := map[string][]byte{}
			for _, f := range formats {
				var b bytes.Buffer
				require.NoError(t, reg.Render(&b, f, j), f)
				want[f] = b.Bytes()
			}
			wantReport := analysis.Analyze(j, analysis.Options{})
			before := j.Clone()

			const workers = 16
			var wg sync.WaitGroup
			got := make([]map[string][]byte, workers)
			reports := make([]*analysis.Report, workers)
			errs := make([]error, workers)
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got[w] = map[string][]byte{}
					// Each goroutine walks the formats from a different start,
					// so different renderers run at the same moment.
					for k := range formats {
						f := formats[(w+k)%len(formats)]
						var b bytes.Buffer
						if err := reg.Render(&b, f, j); err != nil {
							errs[w] = err
							return
						}
						got[w][f] = b.Bytes()
					}
					reports[w] = analysis.Analyze(j, analysis.Options{})
				}()
			}
			wg.Wait()
			for w := range workers {
				require.NoError(t, errs[w], "goroutine %d", w)
				for _, f := range formats {
					assert.True(t, bytes.Equal(want[f], got[w][f]), "goroutine %d: %s output differs from the sequential run", w, f)
				}
				assert.True(t, reflect.DeepEqual(wantReport, reports[w]), "goroutine %d: analysis differs from the sequential run", w)
			}
			assert.True(t, reflect.DeepEqual(before, j), "rendering or analysing changed the journey")
		})
	}
}
