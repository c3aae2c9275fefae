package e2e

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
)

// buildJourneymap builds the command into a temporary folder.
func buildJourneymap(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "journeymap")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/journeymap")
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// TestRenderExport runs journeymap render -format pdf and -format png with
// Debian's Chromium on an example and on a generated 40-touchpoint journey:
// the PDF has several landscape pages holding every stage, touchpoint and
// pain-point name, on A4 and on A3; the PNG holds the whole canvas (wider
// than the screen for the wide map). Without Chromium the command fails
// with an error naming -chrome and JOURNEYMAP_CHROME.
func TestRenderExport(t *testing.T) {
	if _, err := os.Stat(chromiumPath()); err != nil {
		msg := chromiumPath() + " is missing (apt-get install -y chromium)"
		if os.Getenv(envForce) == "1" {
			t.Fatalf("%s (%s=1 makes this a failure)", msg, envForce)
		}
		t.Skipf("%s (set %s=1 to make this a failure)", msg, envForce)
	}
	requirePDFText(t)
	bin := buildJourneymap(t)
	artifacts, err := filepath.Abs(artifactsDir)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(artifacts, 0o755))

	wide, err := journey.MarshalIndent(fortyTouchpoints(), "  ")
	require.NoError(t, err)
	docs := []struct {
		name, file string
		j          *journey.Journey
	}{
		{"ecommerce-current", filepath.Join(repoRoot, "examples", "journeys", "ecommerce-current.json"), nil},
		{"generated-40", writeTemp(t, "generated-40.json", wide), fortyTouchpoints()},
	}
	run := func(t *testing.T, env []string, args ...string) (string, int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = append(os.Environ(), env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		if err != nil {
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "journeymap %v: %s", args, stderr.String())
			code = exit.ExitCode()
		}
		return stderr.String(), code
	}
	chrome := "JOURNEYMAP_CHROME=" + chromiumPath()
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			j := d.j
			if j == nil {
				j = readJourney(t, d.file)
			}
			for _, paper := range []string{"a4", "a3"} {
				pdf := filepath.Join(artifacts, d.name+"-export-"+paper+".pdf")
				start := time.Now()
				stderr, code := run(t, []string{chrome}, "render", "-format", "pdf", "-paper", paper, "-o", pdf, d.file)
				require.Zero(t, code, stderr)
				t.Logf("pdf %s: %d pages in %s", paper, pdfPages(t, pdf), time.Since(start).Round(time.Millisecond))
				assert.Greater(t, pdfPages(t, pdf), 1, "the map is paginated")
				info, err := exec.Command("pdfinfo", pdf).Output()
				require.NoError(t, err)
				assert.Contains(t, string(info), "(A"+strings.TrimPrefix(paper, "a")+")", "the paper size")
				text := onPaper(pdfText(t, pdf))
				for _, name := range mapNames(j) {
					assert.True(t, strings.Contains(text, onPaper(name)), "%s: %q is not in the PDF", paper, name)
				}
			}
			pic := filepath.Join(artifacts, d.name+"-export.png")
			start := time.Now()
			stderr, code := run(t, []string{chrome}, "render", "-format", "png", "-o", pic, d.file)
			require.Zero(t, code, stderr)
			f, err := os.Open(pic)
			require.NoError(t, err)
			defer f.Close()
			cfg, err := png.DecodeConfig(f)
			require.NoError(t, err, "a PNG")
			t.Logf("png: %d × %d in %s", cfg.Width, cfg.Height, time.Since(start).Round(time.Millisecond))
			assert.GreaterOrEqual(t, cfg.Width, 1440)
			assert.Greater(t, cfg.Height, 900, "the whole page, not one screen")
			if d.j != nil {
				// 40 columns of 200 px and the row labels: the whole canvas.
				assert.Greater(t, cfg.Width, 40*200, "the picture holds every column")
			}
		})
	}

	stderr, code := run(t, []string{"JOURNEYMAP_CHROME=/nonexistent/chromium"}, "render", "-format", "pdf", docs[0].file)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `no Chromium found at "/nonexistent/chromium"`)
	assert.Contains(t, stderr, "-chrome")
	assert.Contains(t, stderr, "JOURNEYMAP_CHROME")
}
