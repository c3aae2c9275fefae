package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// layoutPage and layoutResult are the manifest entry and the answer of
// layout-check.mjs.
type (
	layoutPage struct {
		Name  string            `json:"name"`
		File  string            `json:"file"`
		Shots string            `json:"shots,omitempty"`
		PDFs  map[string]string `json:"pdfs,omitempty"`
	}
	layoutResult struct {
		Name  string `json:"name"`
		Error string `json:"error"`
		Phone struct {
			DocWidth  float64 `json:"docWidth"`
			Viewport  float64 `json:"viewport"`
			NameWidth float64 `json:"nameWidth"`
		} `json:"phone"`
		Desktop struct {
			Viewport float64 `json:"viewport"`
			FirstTop float64 `json:"firstTop"`
		} `json:"desktop"`
		Opps      [][]string `json:"opps"`
		Lines     []string   `json:"lines"`
		Artifacts []string   `json:"artifacts"`
	}
)

// fortyTouchpoints is a generated journey of 8 stages × 5 touchpoints: a
// map far wider than any screen or sheet of paper.
func fortyTouchpoints() *journey.Journey {
	return randjourney.Generate(40, randjourney.Options{
		Personas: 3, Stages: 8, TouchpointsPerStage: 5, PainPointsPerTouchpoint: 2, Opportunities: 12,
	})
}

// requirePDFText skips (or fails under JOURNEYMAP_E2E=1) without pdftotext
// and pdftoppm from poppler-utils.
func requirePDFText(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " is not on PATH (apt-get install -y poppler-utils; `bash .ci/e2e` installs it)"
			if os.Getenv(envForce) == "1" {
				t.Fatalf("%s (%s=1 makes this a failure)", msg, envForce)
			}
			t.Skipf("%s (set %s=1 to make this a failure)", msg, envForce)
		}
	}
}

// pdfText returns the text of the PDF at path as pdftotext reads it, in the
// order it was drawn (-raw): column by column, where the default layout
// mode would interleave the lines of neighbouring columns.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err, "pdftotext %s", path)
	return string(out)
}

// pdfPages returns the PDF's page count as pdfinfo reports it.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	require.NoError(t, err, "pdfinfo %s", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	require.NotNil(t, m, "pdfinfo %s: no page count", path)
	n := 0
	for _, c := range m[1] {
		n = n*10 + int(c-'0')
	}
	return n
}

// onPaper reduces text to what survives a PDF's text layer whatever the
// line breaks and the machine's fonts: its Latin letters (Vietnamese
// included) and digits only. pdftotext joins "size-" at a line end with the
// next line, and a glyph no installed font has (CI installs no CJK or emoji
// font) reaches paper as a box with no text.
var notOnPaper = regexp.MustCompile(`[^\p{Latin}\pN]+`)

func onPaper(s string) string { return notOnPaper.ReplaceAllString(s, "") }

// mapNames lists the names a printed map must carry: every stage,
// touchpoint and pain point.
func mapNames(j *journey.Journey) []string {
	var out []string
	for _, s := range j.Stages {
		out = append(out, s.Name)
		for _, t := range s.Touchpoints {
			out = append(out, t.Name)
			for _, p := range t.PainPoints {
				out = append(out, p.Title)
			}
		}
	}
	return out
}

// TestMapLayout loads every example, the measured examples and a generated
// 40-touchpoint journey in Chromium and checks the map where people use it:
// at 390 px the document is no wider than the viewport and the first
// touchpoint's name is at least 160 px wide; at 1440 px the first touchpoint
// starts within the first 1.5 screens; printed on A4 and A3 landscape the
// PDF's text holds every stage, touchpoint and pain-point name; no
// opportunity is listed twice for one touchpoint; a map with blueprint
// layers draws the three lines. Screenshots, the PDFs and the A4 PDF's
// pages as PNG are kept under e2e/artifacts.
func TestMapLayout(t *testing.T) {
	requireClients(t, true)
	requirePDFText(t)
	artifacts, err := filepath.Abs(artifactsDir)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(artifacts, 0o755))

	journeys := append(exampleJourneys(t), measuredJourneys(t)...)
	journeys = append(journeys, namedJourney{name: "generated-40", example: true, j: fortyTouchpoints()})
	var manifest struct {
		Pages []layoutPage `json:"pages"`
	}
	for _, nj := range journeys {
		var b bytes.Buffer
		require.NoError(t, render.HTML{Funnel: nj.funnel}.WithReport(nj.j, analysis.Options{}).Render(&b, nj.j), nj.name)
		path := filepath.Join(artifacts, nj.name+".html")
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		manifest.Pages = append(manifest.Pages, layoutPage{
			Name: nj.name, File: path, Shots: artifacts,
			PDFs: map[string]string{
				"a4": filepath.Join(artifacts, nj.name+"-a4.pdf"),
				"a3": filepath.Join(artifacts, nj.name+"-a3.pdf"),
			},
		})
	}
	var out struct {
		Results []layoutResult `json:"results"`
	}
	runNode(t, "layout-check.mjs", manifest, &out)
	require.Len(t, out.Results, len(journeys))
	for i, nj := range journeys {
		r := out.Results[i]
		t.Run(nj.name, func(t *testing.T) {
			require.Empty(t, r.Error, "Chromium could not check the page")
			assert.LessOrEqual(t, r.Phone.DocWidth, r.Phone.Viewport, "at 390 px the page scrolls sideways")
			assert.GreaterOrEqual(t, r.Phone.NameWidth, 160.0, "at 390 px the first touchpoint's name is squeezed")
			assert.GreaterOrEqual(t, r.Desktop.FirstTop, 0.0, "no touchpoint on the map")
			assert.LessOrEqual(t, r.Desktop.FirstTop, 1.5*r.Desktop.Viewport, "at 1440 px the map starts below 1.5 screens")
			for col, titles := range r.Opps {
				seen := map[string]bool{}
				for _, title := range titles {
					assert.False(t, seen[title], "column %d lists opportunity %q twice", col, title)
					seen[title] = true
				}
			}
			if hasLayers(nj.j) {
				assert.Equal(t, []string{"Line of interaction", "Line of visibility", "Line of internal interaction"}, r.Lines,
					"the blueprint's three lines")
			}
			names := mapNames(nj.j)
			for _, paper := range []string{"a4", "a3"} {
				pdf := manifest.Pages[i].PDFs[paper]
				text := onPaper(pdfText(t, pdf))
				for _, name := range names {
					assert.True(t, strings.Contains(text, onPaper(name)), "%s: %q is not on paper", paper, name)
				}
				t.Logf("%s: %d pages", paper, pdfPages(t, pdf))
			}
			if nj.name == "ecommerce-current" || nj.name == "generated-40" {
				prefix := filepath.Join(artifacts, nj.name+"-a4-page")
				require.NoError(t, exec.Command("pdftoppm", "-r", "60", "-png", manifest.Pages[i].PDFs["a4"], prefix).Run())
				pages, _ := filepath.Glob(prefix + "-*.png")
				assert.NotEmpty(t, pages, "the PDF's pages as pictures")
			}
		})
	}
}

// hasLayers reports whether the page draws service blueprint lanes.
func hasLayers(j *journey.Journey) bool {
	if j.Type == journey.ServiceBlueprint {
		return true
	}
	for _, s := range j.Stages {
		for _, t := range s.Touchpoints {
			if len(t.Supports) > 0 {
				return true
			}
		}
	}
	return false
}
