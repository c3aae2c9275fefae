package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRenderWithoutChromium: pdf and png need Chromium; without one the
// command fails before reading the document, with an error that names both
// ways to point at a browser.
func TestRenderWithoutChromium(t *testing.T) {
	current := filepath.Join("..", "..", "examples", "journeys", "ecommerce-current.json")
	t.Setenv("PATH", t.TempDir()) // no browser on PATH
	for _, tc := range []struct {
		name string
		env  string
		args []string
		want string
	}{
		{"nothing on PATH", "", nil, "no Chromium found on PATH (looked for chromium, chromium-browser"},
		{"the variable names a missing file", "/nonexistent/chromium", nil, `no Chromium found at "/nonexistent/chromium"`},
		{"the flag names a missing file", "", []string{"-chrome", "/nonexistent/chrome"}, `no Chromium found at "/nonexistent/chrome"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("JOURNEYMAP_CHROME", tc.env)
			for _, format := range []string{"pdf", "png"} {
				args := append([]string{"render", "-format", format}, tc.args...)
				r := cli(t, "", append(args, current)...)
				assert.Equal(t, exitUsage, r.code, format)
				assert.Contains(t, r.stderr, tc.want, format)
				assert.Contains(t, r.stderr, "-chrome", "the error names the flag")
				assert.Contains(t, r.stderr, "JOURNEYMAP_CHROME", "and the variable")
				assert.Empty(t, r.stdout)
			}
		})
	}
	r := cli(t, "", "render", "-format", "png", "-width", "100", current)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "-width 100 is out of range")
	r = cli(t, "", "render", "-format", "pdf", "-paper", "a5", current)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "a5")
}
