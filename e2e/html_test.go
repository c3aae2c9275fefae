package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/render"
)

// artifactsDir is where screenshots, the PDF and the example pages are kept
// (e2e/artifacts, ignored by git; CI keeps it).
const artifactsDir = "artifacts"

// TestHTMLInChromium loads every example page, the examples with an event
// log measured over them (as journeymap funnel -format html renders them),
// and the hostile-corpus page
// rendered by render.HTML in Chromium, with the page's Content-Security-Policy
// bypassed so that the check, not the policy, proves no script runs. It
// checks: no script compiled (inline, handler or javascript: URL), no dialog,
// no page error or console message, the sentinel window.__pwned unset, no
// risky markup (script, iframe, object, embed, base, meta refresh, on*
// attributes, javascript: URLs), no network request, zero axe-core violations
// of WCAG 2.1 A/AA, and every user-written text visible in the page. Each
// example is also saved with a desktop (1440 px) and phone (390 px)
// screenshot, and the first as a PDF, under e2e/artifacts.
func TestHTMLInChromium(t *testing.T) {
	requireClients(t, true)
	artifacts, err := filepath.Abs(artifactsDir)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(artifacts, 0o755))

	journeys := append(exampleJourneys(t), measuredJourneys(t)...)
	journeys = append(journeys, namedJourney{name: "hostile-all", j: hostile.Journey()})
	tmp := t.TempDir()
	manifest := htmlManifest{Artifacts: artifacts}
	for i, nj := range journeys {
		var b bytes.Buffer
		require.NoError(t, render.HTML{Funnel: nj.funnel}.WithReport(nj.j, analysis.Options{}).Render(&b, nj.j), nj.name)
		dir := tmp
		if nj.example {
			dir = artifacts // the page itself is an artifact too
		}
		path := filepath.Join(dir, nj.name+".html")
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		manifest.Pages = append(manifest.Pages, htmlPage{
			Name: nj.name, File: path,
			// A full-page screenshot of the hostile page (7 MB of text) takes minutes.
			Screenshots: nj.example,
			PDF:         nj.example && i == 0,
		})
	}

	var out htmlOutput
	runNode(t, "html-check.mjs", manifest, &out)
	require.Len(t, out.Results, len(journeys))
	for i, nj := range journeys {
		r := out.Results[i]
		t.Run(nj.name, func(t *testing.T) {
			require.Empty(t, r.Error, "Chromium could not check the page")
			t.Logf("load %v ms, axe %v ms", r.Phases["load"], r.Phases["axe"])
			assert.Empty(t, r.Scripts, "scripts ran in the page")
			assert.Empty(t, r.Dialogs, "dialogs opened")
			assert.Empty(t, r.PageErrors, "the page threw")
			assert.Empty(t, r.Console, "the page wrote to the console")
			assert.False(t, r.Pwned, "window.__pwned was set")
			assert.Empty(t, r.Risky, "risky markup in the DOM")
			assert.Empty(t, r.Requests, "the page made network requests")
			for width, vs := range map[int][]axeViolation{1440: r.Violations, 390: r.Phone.Violations} {
				for _, v := range vs {
					var targets []string
					for _, n := range v.Nodes {
						targets = append(targets, n.Target)
					}
					t.Errorf("axe at %d px %s (%s): %s at %s", width, v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
				}
			}
			for width, shown := range map[int]string{1440: r.Text, 390: r.Phone.Text} {
				text := visible(shown)
				seen := map[string]bool{}
				for _, f := range textFields(nj.j) {
					want := visible(f.text)
					if seen[want] {
						continue // the hostile page repeats each label in every field
					}
					if !nj.example {
						seen[want] = true
					}
					assert.True(t, strings.Contains(text, want), "%s (%.60q) is not visible in the page at %d px", f.path, f.text, width)
				}
			}
			if nj.example {
				assert.Len(t, r.Artifacts, 2+btoi(i == 0), "screenshots and PDF")
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
