// Package pageexport turns the journey map page of render.HTML into a PDF or
// a PNG with headless Chromium, driven over the DevTools protocol by
// github.com/chromedp/chromedp.
//
// It lives apart from package render so that the core library never links
// a browser driver: import it only where you export files.
//
//	var pdf bytes.Buffer
//	err := pageexport.Renderer{Format: pageexport.PDF}.Render(&pdf, j)
//
// Chromium is looked for where Exporter.Chrome says, then where the
// JOURNEYMAP_CHROME environment variable says, then on PATH (chromium,
// chromium-browser, google-chrome, google-chrome-stable, chrome); without
// one every export fails with an error wrapping ErrNoChrome that names both
// ways to point at it.
//
// A PDF is printed on landscape paper (A4 unless Exporter.Paper says A3):
// the page's print style paginates the map into pages of touchpoint
// columns, each repeating the row labels, with the title and page number.
// A PNG is a full-page screenshot at Exporter.Width CSS pixels (1440 by
// default), widened to hold the whole canvas of a wide map (up to MaxWidth),
// or only its first screen when Exporter.Height is set.
package pageexport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// EnvChrome is the environment variable naming the Chromium (or Chrome)
// executable to use when Exporter.Chrome is empty.
const EnvChrome = "JOURNEYMAP_CHROME"

// ErrNoChrome is returned, wrapped in an error that says how to point at
// one, when no Chromium executable is found.
var ErrNoChrome = errors.New("pageexport: no Chromium found")

// Format is a kind of file an Exporter writes.
type Format string

// The formats.
const (
	PDF Format = "pdf"
	PNG Format = "png"
)

// Paper is a paper size for PDF export; pages are always landscape.
type Paper string

// The paper sizes.
const (
	A4 Paper = "a4"
	A3 Paper = "a3"
)

// MaxWidth is the widest PNG an Exporter writes, in CSS pixels: a canvas
// wider than this (about 80 touchpoint columns) is cut at this width, as
// Chromium cannot capture a wider surface reliably.
const MaxWidth = 16000

// Exporter prints HTML pages with headless Chromium. The zero value is
// ready to use: A4 paper, 1440 px wide screenshots, a two-minute limit.
type Exporter struct {
	// Chrome is the path of the Chromium executable; empty means the
	// JOURNEYMAP_CHROME environment variable, then the first of chromium,
	// chromium-browser, google-chrome, google-chrome-stable and chrome on
	// PATH.
	Chrome string
	// Paper is the PDF paper size, A4 (the default) or A3, landscape.
	Paper Paper
	// Width is the PNG's viewport width in CSS pixels; 0 means 1440.
	Width int
	// Height, when not 0, keeps only the top Height CSS pixels of the PNG
	// (the first screen: 900 at 1440 wide); 0 means the whole page.
	Height int
	// Timeout bounds one export, browser start included; 0 means 2 minutes.
	Timeout time.Duration
}

// FindChrome returns the Chromium executable to use: path when not empty,
// else the JOURNEYMAP_CHROME environment variable, else the first known
// browser name on PATH. The error wraps ErrNoChrome and names the flag
// (-chrome of journeymap render) and the variable.
func FindChrome(path string) (string, error) {
	if path == "" {
		path = os.Getenv(EnvChrome)
	}
	if path != "" {
		p, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("%w at %q: %v; install Chromium, or point -chrome or %s at it", ErrNoChrome, path, err, EnvChrome)
		}
		return p, nil
	}
	names := []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w on PATH (looked for %s); install Chromium (Debian: apt-get install chromium), or point -chrome or %s at it",
		ErrNoChrome, strings.Join(names, ", "), EnvChrome)
}

// Export writes html as a file of the format to w.
func (e Exporter) Export(ctx context.Context, w io.Writer, html []byte, format Format) error {
	switch format {
	case PDF, PNG:
	default:
		return fmt.Errorf("pageexport: unknown format %q (want pdf or png)", format)
	}
	switch e.Paper {
	case "", A4, A3:
	default:
		return fmt.Errorf("pageexport: unknown paper %q (want a4 or a3)", e.Paper)
	}
	chrome, err := FindChrome(e.Chrome)
	if err != nil {
		return err
	}
	timeout := e.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to start its sandbox as root
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	width := e.Width
	if width <= 0 {
		width = 1440
	}
	load := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{
			FrameID: tree.FrameTree.Frame.ID, HTML: string(html),
		})
		return err
	})
	if err := chromedp.Do(bctx,
		chromedp.EmulateViewport(int64(width), 900),
		chromedp.Navigate("about:blank"),
		load,
	); err != nil {
		return fmt.Errorf("pageexport: loading the page in %s: %w", chrome, err)
	}

	var out []byte
	switch format {
	case PDF:
		paper := chromedp.PaperA4
		if e.Paper == A3 {
			paper = chromedp.PaperA3
		}
		out, err = chromedp.Run(bctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(paper), chromedp.PDFLandscape(), chromedp.PDFPrintBackground(), chromedp.PDFMargin(0),
		))
	case PNG:
		out, err = e.picture(bctx, width)
	}
	if err != nil {
		return fmt.Errorf("pageexport: %s export with %s: %w", format, chrome, err)
	}
	_, err = w.Write(out)
	return err
}

// picture takes the PNG: the first screen when e.Height is set, else the
// whole page with the viewport widened to the canvas, so the picture holds
// the whole map.
func (e Exporter) picture(ctx context.Context, width int) ([]byte, error) {
	if e.Height > 0 {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(e.Height))); err != nil {
			return nil, err
		}
		return chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	need, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
		`(() => { const c = document.querySelector('.canvas'); if (!c) return 0;
		  const pad = document.documentElement.clientWidth - c.clientWidth; return c.scrollWidth + pad; })()`))
	if err != nil {
		return nil, fmt.Errorf("measuring the page: %w", err)
	}
	if w := int(math.Ceil(need)); w > width {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(min(w, MaxWidth)), 900)); err != nil {
			return nil, fmt.Errorf("widening the page: %w", err)
		}
	}
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}

// Renderer renders a journey with HTML and exports the page as Format; it
// satisfies render.Renderer, so it can be registered in a render.Registry
// ("pdf", "png"). The zero value exports a PDF of the page of render.HTML{}.
type Renderer struct {
	// HTML renders the page; set its Report and Funnel as you would to
	// render the page itself.
	HTML render.HTML
	// Exporter prints the page.
	Exporter Exporter
	// Format is PDF (the default) or PNG.
	Format Format
}

// Render writes j's page to w as a PDF or PNG.
func (r Renderer) Render(w io.Writer, j *journey.Journey) error {
	var b bytes.Buffer
	if err := r.HTML.Render(&b, j); err != nil {
		return err
	}
	format := r.Format
	if format == "" {
		format = PDF
	}
	return r.Exporter.Export(context.Background(), w, b.Bytes(), format)
}
