package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/pageexport"
	"github.com/journeymap/journeymap/render"
)

// exportFormats are the formats render writes through headless Chromium.
var exportFormats = []string{"pdf", "png"}

func runRender(e *env, args []string) int {
	formats := append(registry("").Formats(), exportFormats...)
	slices.Sort(formats)
	fs := newFlags(e, "render", "FILE",
		"Render a journey document with any registered renderer. The document is validated first.\n"+
			"The html page includes the analysis' findings and hotspots. pdf and png print the html page\n"+
			"with headless Chromium (found with -chrome, $"+pageexport.EnvChrome+" or on PATH): the PDF on\n"+
			"landscape paper, paginated, the PNG a full-page picture of the whole map.")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats, ", ")+" (required)")
	lang := enumFlag(fs, "lang", "", "`language` of the built-in words (default: the document's language)", languages()...)
	paper := enumFlag(fs, "paper", "a4", "landscape `paper` size of -format pdf", "a4", "a3")
	chrome := fs.String("chrome", "", "`path` of the Chromium executable for pdf and png (default: $"+pageexport.EnvChrome+", then chromium on PATH)")
	width := fs.Int("width", 1440, "viewport `width` in CSS pixels of -format png")
	height := fs.Int("height", 0, "keep only the top `height` CSS pixels of -format png, the first screen (default: the whole page)")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	reg := registry(lang.value)
	if *format == "" {
		return usageError(e, errors.New("-format is required ("+strings.Join(formats, ", ")+")"))
	}
	export := slices.Contains(exportFormats, *format)
	if _, ok := reg.Lookup(*format); !ok && !export {
		return usageError(e, fmt.Errorf("unknown format %q (registered: %s)", *format, strings.Join(formats, ", ")))
	}
	if *width < 320 || *width > pageexport.MaxWidth {
		return usageError(e, fmt.Errorf("-width %d is out of range (320 to %d)", *width, pageexport.MaxWidth))
	}
	if *height < 0 || *height > pageexport.MaxWidth {
		return usageError(e, fmt.Errorf("-height %d is out of range (0 to %d)", *height, pageexport.MaxWidth))
	}
	exporter := pageexport.Exporter{Chrome: *chrome, Paper: pageexport.Paper(paper.value), Width: *width, Height: *height}
	if export {
		// Fail before reading the document when there is no browser.
		if _, err := pageexport.FindChrome(*chrome); err != nil {
			fmt.Fprintf(e.stderr, "journeymap render: %v\n", err)
			return exitUsage
		}
	}
	j, ok := e.load(e.args[0])
	if !ok {
		return exitInvalid
	}
	// The page shows what the analysis finds; the renderer never runs it
	// itself, and the other formats need no analysis.
	page := render.HTML{Language: lang.value}
	if *format == "html" || export {
		page = page.WithReport(j, analysis.Options{})
		reg.Register("html", page)
	}
	var b bytes.Buffer
	var err error
	if export {
		var html bytes.Buffer
		if err = page.Render(&html, j); err == nil {
			err = exporter.Export(context.Background(), &b, html.Bytes(), pageexport.Format(*format))
		}
	} else {
		err = reg.Render(&b, *format, j)
	}
	if err != nil {
		e.report(e.args[0], err)
		return exitInvalid
	}
	return e.write(*out, b.Bytes())
}
