package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/journey"
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
	lang := enumFlag(fs, "lang", "", "`language` of the report: the findings' messages, and the text format's headings and numbers (default: the document's language)", "en", "vi")
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
	language := readerLanguage(lang.value, j)
	rep := analysis.Analyze(j, analysis.Options{Now: at, Language: language})
	var b bytes.Buffer
	if format.value == "json" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			fmt.Fprintf(e.stderr, "journeymap analyze: %v\n", err)
			return exitInvalid
		}
		b.Write(data)
		b.WriteByte('\n')
	} else {
		writeReport(&b, j, rep, language)
	}
	if code := e.write(*out, b.Bytes()); code != exitOK {
		return code
	}
	if failOn.value != "" {
		if n := len(rep.AtOrAbove(analysis.Severity(failOn.value))); n > 0 {
			fmt.Fprintf(e.stderr, "journeymap analyze: %s: %d finding%s at or above %s\n", displayName(e.args[0]), n, plural(n), failOn.value)
			return exitInvalid
		}
	}
	return exitOK
}

// reportWords are the headings of the text report in one language.
type reportWords struct {
	noFindings, findings, friction, points, stages, hotspots string
	decimal                                                  byte // the decimal separator
}

var (
	englishReport    = reportWords{"No findings.", "Findings", "Friction", "points", "Stages", "Hotspots", '.'}
	vietnameseReport = reportWords{"Không có phát hiện nào.", "Phát hiện", "Ma sát", "điểm", "Các bước", "Điểm nóng", ','}
)

// writeReport prints an analysis for people, in English or, when lang is
// Vietnamese, in Vietnamese: headings, severities, friction factors and
// decimal commas. Finding codes, paths and the user's own names stay as they
// are, so a line can still be searched for and matched.
func writeReport(b *bytes.Buffer, j *journey.Journey, rep *analysis.Report, lang string) {
	w := &englishReport
	factorName := func(name string) string { return name }
	severity := func(s analysis.Severity) string { return string(s) }
	if journey.IsVietnamese(lang) {
		w = &vietnameseReport
		factorName = func(name string) string { return analysis.FactorTitle(name, lang) }
		severity = func(s analysis.Severity) string { return strings.ToLower(s.Title(lang)) }
	}
	num := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', 2, 64)
		if w.decimal != '.' {
			s = strings.Replace(s, ".", string(w.decimal), 1)
		}
		return s
	}
	fmt.Fprintf(b, "%s\n\n", j.Title)
	if len(rep.Findings) == 0 {
		b.WriteString(w.noFindings + "\n")
	} else {
		fmt.Fprintf(b, "%s (%d):\n", w.findings, len(rep.Findings))
		for _, f := range rep.Findings {
			path := f.Path
			if path == "" {
				path = "(journey)"
			}
			fmt.Fprintf(b, "  %s: %s %s: %s\n", path, severity(f.Severity), f.Code, f.Message)
		}
	}
	fr := rep.Friction
	fmt.Fprintf(b, "\n%s: %s (%s %s)\n", w.friction, num(fr.Score), num(fr.Points), w.points)
	for _, f := range fr.Factors {
		if f.Count > 0 {
			fmt.Fprintf(b, "  %s %3d  %s %s\n", padRight(factorName(f.Name), 20), f.Count, num(f.Points), w.points)
		}
	}
	b.WriteString("\n" + w.stages + ":\n")
	for _, s := range fr.Stages {
		fmt.Fprintf(b, "  %s  %s\n", num(s.Score), s.Name)
	}
	if len(fr.Hotspots) > 0 {
		b.WriteString("\n" + w.hotspots + ":\n")
		for _, h := range fr.Hotspots {
			fmt.Fprintf(b, "  %s  %s (%s)\n", num(h.Score), h.Name, h.Stage)
		}
	}
}

// padRight pads s with spaces to width characters: fmt's %-20s counts bytes,
// and every accented letter of Vietnamese takes two or three.
func padRight(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// readerLanguage returns the language a command writes for people: the
// -lang flag when given, else the document's own language, as render does.
func readerLanguage(flag string, j *journey.Journey) string {
	if flag != "" {
		return flag
	}
	return j.Language
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
