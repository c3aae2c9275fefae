package main

import (
	"fmt"
	"io"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/xlsx"
)

func runAnalyze(e *env, args []string) int {
	fs := newFlags(e, "analyze", "FILE",
		"Analyse a journey: gap findings (code, severity, path, message) and friction scores\n"+
			"per journey, stage and touchpoint with the hotspots. With -fail-on, exit status 1\n"+
			"when a finding at or above that severity is found (a CI gate).")
	format := enumFlag(fs, "format", "text", "output `format`", "text", "json")
	failOn := enumFlag(fs, "fail-on", "", "exit 1 on findings at or above this `severity`", "info", "warning", "critical")
	now := fs.String("now", "", "check review.overdue against this `RFC3339` time (default: not checked)")
	lang := enumFlag(fs, "lang", "", "`language` of the report: the findings' messages, and the text format's headings and numbers (default: the document's language)", languages()...)
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	at, ok := parseNow(e, *now)
	if !ok {
		return exitUsage
	}
	j, ok := e.load(e.args[0])
	if !ok {
		return exitInvalid
	}
	// The report is streamed, its findings written as they are found and
	// never kept, so a large journey's report is never whole in memory.
	opts := analysis.Options{Now: at, Language: i18n.Resolve(lang.value, j.Language).String()}
	produce := func(w io.Writer) error { return analysis.WriteText(w, j, opts) }
	if format.value == "json" {
		produce = func(w io.Writer) error { return analysis.WriteJSON(w, j, opts) }
	}
	if code := e.writeTo(*out, produce); code != exitOK {
		return code
	}
	if failOn.value != "" {
		n, min := 0, analysis.Severity(failOn.value)
		for f := range analysis.Findings(j, opts) {
			if f.Severity.Rank() >= min.Rank() {
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(e.stderr, "journeymap analyze: %s: %d finding%s at or above %s\n", displayName(e.args[0]), n, plural(n), failOn.value)
			return exitInvalid
		}
	}
	return exitOK
}

// registry returns the built-in renderers, in language lang when given.
func registry(lang string) *render.Registry {
	reg := render.Default()
	// The workbook renderer lives in package xlsx (excelize stays out of render).
	reg.Register("xlsx", xlsx.Workbook{Language: lang})
	if lang != "" {
		reg.Register("csv", render.CSV{Language: lang})
		reg.Register("html", render.HTML{Language: lang})
		reg.Register("markdown", render.Markdown{Language: lang})
		reg.Register("mermaid-blueprint", render.MermaidBlueprint{Language: lang})
	}
	return reg
}
