package pageexport_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/pageexport"
	"github.com/journeymap/journeymap/render"
)

func TestFindChrome(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "chromium")
	require.NoError(t, os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755))
	t.Setenv("PATH", dir)
	for _, tc := range []struct {
		name, flag, env, want, err string
	}{
		{"the flag wins", fake, "/nonexistent", fake, ""},
		{"then the variable", "", fake, fake, ""},
		{"then PATH", "", "", fake, ""},
		{"a flag naming nothing", "/nonexistent/chrome", "", "", `no Chromium found at "/nonexistent/chrome"`},
		{"a variable naming nothing", "", "/nonexistent/chromium", "", `no Chromium found at "/nonexistent/chromium"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(pageexport.EnvChrome, tc.env)
			got, err := pageexport.FindChrome(tc.flag)
			if tc.err != "" {
				require.ErrorIs(t, err, pageexport.ErrNoChrome)
				assert.Contains(t, err.Error(), tc.err)
				assert.Contains(t, err.Error(), "-chrome", "names the flag")
				assert.Contains(t, err.Error(), pageexport.EnvChrome, "and the variable")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("nothing anywhere", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		t.Setenv(pageexport.EnvChrome, "")
		_, err := pageexport.FindChrome("")
		require.ErrorIs(t, err, pageexport.ErrNoChrome)
		assert.Contains(t, err.Error(), "on PATH (looked for chromium, chromium-browser, google-chrome")
		assert.Contains(t, err.Error(), "-chrome or JOURNEYMAP_CHROME")
	})
}

func TestExportRejectsBadOptions(t *testing.T) {
	for _, tc := range []struct {
		name   string
		e      pageexport.Exporter
		format pageexport.Format
		want   string
	}{
		{"an unknown format, before looking for a browser", pageexport.Exporter{Chrome: "/nonexistent"}, "docx", `unknown format "docx"`},
		{"an unknown paper", pageexport.Exporter{Chrome: "/nonexistent", Paper: "a5"}, pageexport.PDF, `unknown paper "a5"`},
		{"no browser", pageexport.Exporter{Chrome: "/nonexistent"}, pageexport.PDF, "no Chromium found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.e.Export(context.Background(), &bytes.Buffer{}, []byte("<p>x</p>"), tc.format)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// chrome returns the browser to test with, skipping (or failing under
// JOURNEYMAP_E2E=1) when there is none.
func chrome(t *testing.T) string {
	t.Helper()
	p, err := pageexport.FindChrome("")
	if err == nil {
		return p
	}
	if os.Getenv("JOURNEYMAP_E2E") == "1" {
		t.Fatalf("%v (JOURNEYMAP_E2E=1 makes this a failure)", err)
	}
	t.Skipf("%v (set JOURNEYMAP_E2E=1 to make this a failure)", err)
	return ""
}

// TestRendererWithChromium exports a small journey as PDF and PNG.
func TestRendererWithChromium(t *testing.T) {
	chrome(t)
	j := journey.New("Ordering coffee", journey.CurrentState)
	s := j.AddStage("Order", journey.DuringPurchase)
	s.AddTouchpoint("Orders at the counter", "store").SetEmotion(1)
	var pdf bytes.Buffer
	require.NoError(t, pageexport.Renderer{}.Render(&pdf, j))
	assert.True(t, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), "a PDF")
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf.Bytes())
		out, err := cmd.Output()
		require.NoError(t, err)
		assert.Contains(t, string(out), "Orders at the counter")
	}
	var pic bytes.Buffer
	r := pageexport.Renderer{HTML: render.HTML{Language: "vi"}, Format: pageexport.PNG, Exporter: pageexport.Exporter{Width: 390, Height: 800}}
	require.NoError(t, r.Render(&pic, j))
	cfg, err := png.DecodeConfig(&pic)
	require.NoError(t, err)
	assert.Equal(t, [2]int{390, 800}, [2]int{cfg.Width, cfg.Height}, "the first screen of a phone")
}

func TestRendererNilJourney(t *testing.T) {
	err := pageexport.Renderer{}.Render(&bytes.Buffer{}, nil)
	assert.True(t, errors.Is(err, render.ErrNilJourney))
}

// ExampleRenderer writes a journey's map as an A3 PDF (it needs Chromium).
func ExampleRenderer() {
	j := journey.New("Ordering coffee", journey.CurrentState)
	j.AddStage("Order", journey.DuringPurchase).AddTouchpoint("Orders at the counter", "store")
	f, err := os.Create("coffee.pdf")
	if err != nil {
		return
	}
	defer f.Close()
	err = pageexport.Renderer{Exporter: pageexport.Exporter{Paper: pageexport.A3}}.Render(f, j)
	if errors.Is(err, pageexport.ErrNoChrome) {
		fmt.Println("install Chromium, or point JOURNEYMAP_CHROME at it")
	}
}
