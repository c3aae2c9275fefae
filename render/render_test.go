package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// TestMain fails the run when a file under testdata/golden is checked by no
// test.
func TestMain(m *testing.M) { golden.Main(m, "testdata/golden") }

// variants are the renderings kept as golden files, by file suffix.
var variants = []struct {
	suffix string
	r      render.Renderer
}{
	{"json", render.JSON{}},
	{"indent.json", render.JSON{Indent: "  "}},
	{"mmd", render.Mermaid{}},
	{"comments.mmd", render.Mermaid{Comments: true, OmitUnscored: true}},
	{"blueprint.mmd", render.MermaidBlueprint{}},
	{"md", render.Markdown{}},
	{"csv", render.CSV{}},
}

// htmlGoldens are the whole pages kept as golden files, one per feature:
// the fixture (a service blueprint with layers, hotspots and findings) in
// English and Vietnamese, and the e-commerce example (personas with their
// own emotion curves, opportunities, stage metrics). The measured funnel
// has its own (TestGoldenMeasured); everything else is checked by focused
// tests of one section each.
var htmlGoldens = map[string][]render.HTML{
	"fixture":                   {{}, {Language: "vi"}},
	"example-ecommerce-current": {{}},
}

func renderAll(t *testing.T, base string, j *journey.Journey) {
	t.Helper()
	for _, v := range variants {
		var buf bytes.Buffer
		require.NoError(t, v.r.Render(&buf, j), "%s.%s", base, v.suffix)
		golden.Check(t, "testdata/golden/"+base+"."+v.suffix, buf.Bytes())
		var again bytes.Buffer
		require.NoError(t, v.r.Render(&again, j))
		assert.Equal(t, buf.String(), again.String(), "deterministic")
	}
	for _, h := range htmlGoldens[base] {
		h = h.WithReport(j, analysis.Options{})
		suffix := "html"
		if h.Language != "" {
			suffix = h.Language + ".html"
		}
		out := renderHTML(t, h, j)
		golden.Check(t, "testdata/golden/"+base+"."+suffix, out)
		assert.Equal(t, string(out), string(renderHTML(t, h, j)), "deterministic")
	}
}

func TestGoldenFixture(t *testing.T) {
	renderAll(t, "fixture", fixture())
}

func TestGoldenExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "journeys", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no example journeys under examples/journeys: they are this test's fixtures")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			j, err := journey.Unmarshal(data)
			require.NoError(t, err)
			renderAll(t, "example-"+strings.TrimSuffix(filepath.Base(f), ".json"), j)

			var mmd bytes.Buffer
			require.NoError(t, render.Mermaid{}.Render(&mmd, j))
			checkJourneyDiagram(t, j, mmd.String(), false)
			var bp bytes.Buffer
			require.NoError(t, render.MermaidBlueprint{}.Render(&bp, j))
			checkBlueprint(t, j, bp.String())
			parsePage(t, renderHTML(t, render.HTML{}, j))
		})
	}
}

func TestJSONIsTheCanonicalEncoding(t *testing.T) {
	j := hostile.Journey()
	for _, indent := range []string{"", "\t"} {
		var buf bytes.Buffer
		require.NoError(t, render.JSON{Indent: indent}.Render(&buf, j))
		want, err := journey.MarshalIndent(j, indent)
		require.NoError(t, err)
		assert.Equal(t, append(want, '\n'), buf.Bytes())
	}
}

func TestRegistry(t *testing.T) {
	r := render.Default()
	assert.Equal(t, []string{"csv", "html", "json", "markdown", "mermaid", "mermaid-blueprint"}, r.Formats())
	for _, f := range r.Formats() {
		got, ok := r.Lookup(f)
		require.True(t, ok)
		assert.NotNil(t, got)
	}
	_, ok := r.Lookup("pdf")
	assert.False(t, ok)

	err := r.Render(io.Discard, "pdf", fixture())
	assert.ErrorIs(t, err, render.ErrUnknownFormat)
	assert.Contains(t, err.Error(), "csv, html, json")

	// Changing one registry changes no other.
	r.Register("pdf", render.RendererFunc(func(w io.Writer, j *journey.Journey) error { return nil }))
	r.Register("csv", nil)
	assert.Equal(t, []string{"html", "json", "markdown", "mermaid", "mermaid-blueprint", "pdf"}, r.Formats())
	assert.Len(t, render.Default().Formats(), 6)

	var zero render.Registry
	assert.Empty(t, zero.Formats())
	zero.Register("title", render.RendererFunc(func(w io.Writer, j *journey.Journey) error {
		_, err := io.WriteString(w, j.Title)
		return err
	}))
	var buf bytes.Buffer
	require.NoError(t, zero.Render(&buf, "title", fixture()))
	assert.Equal(t, "Grocery delivery: first order", buf.String())
}

func TestNilJourney(t *testing.T) {
	r := render.Default()
	for _, f := range r.Formats() {
		assert.ErrorIs(t, r.Render(io.Discard, f, nil), render.ErrNilJourney, f)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsAreReturned(t *testing.T) {
	r := render.Default()
	for _, f := range r.Formats() {
		assert.Error(t, r.Render(failWriter{}, f, fixture()), f)
	}
}

// TestConcurrentRendering renders one journey from many goroutines with
// every renderer (run with -race): outputs equal the serial ones and the
// journey is unchanged.
func TestConcurrentRendering(t *testing.T) {
	j := fixture()
	before, err := journey.Marshal(j)
	require.NoError(t, err)
	r := render.Default()
	want := map[string]string{}
	for _, f := range r.Formats() {
		var buf bytes.Buffer
		require.NoError(t, r.Render(&buf, f, j))
		want[f] = buf.String()
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16*len(want))
	for range 16 {
		for _, f := range r.Formats() {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := r.Render(&buf, f, j); err != nil {
					errs <- err
				} else if buf.String() != want[f] {
					errs <- fmt.Errorf("%s differs under concurrency", f)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	after, err := journey.Marshal(j)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "renderers must not modify the journey")
}

func ExampleRegistry() {
	formats := render.Default()
	formats.Register("title", render.RendererFunc(func(w io.Writer, j *journey.Journey) error {
		_, err := fmt.Fprintln(w, j.Title)
		return err
	}))
	j := journey.New("Buying a phone online", journey.CurrentState)
	if r, ok := formats.Lookup("title"); ok {
		_ = r.Render(os.Stdout, j)
	}
	fmt.Println(formats.Formats())
	// Output:
	// Buying a phone online
	// [csv html json markdown mermaid mermaid-blueprint title]
}

func ExampleCSV() {
	j := &journey.Journey{SchemaVersion: 1, Title: "Support", Type: journey.CurrentState}
	s := j.AddStage("Help", journey.AfterPurchase)
	s.ID = uuid.MustParse("47408ca1-64ad-56cf-a352-e2ade82999e7")
	tp := s.AddTouchpoint("=cmd|' /C calc'!A0", "phone")
	tp.ID = uuid.MustParse("5e615085-632b-54bd-8366-ff14e2e52646")
	_ = render.CSV{}.Render(os.Stdout, j)
	// Output:
	// stage_id,stage,phase,touchpoint_id,touchpoint,channel,mode,initiator,owner,emotion,actions,thoughts,feelings,pain_point_id,pain_category,pain_severity,pain,pain_description,pain_evidence
	// 47408ca1-64ad-56cf-a352-e2ade82999e7,Help,after_purchase,5e615085-632b-54bd-8366-ff14e2e52646,'=cmd|' /C calc'!A0,phone,,,,,,,,,,,,,
}
