package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/schema"
	"github.com/journeymap/journeymap/sheet"
)

// oneOf is a string flag restricted to a set of values.
type oneOf struct {
	value   string
	allowed []string
}

func (o *oneOf) String() string { return o.value }

func (o *oneOf) Set(s string) error {
	if !slices.Contains(o.allowed, s) {
		return fmt.Errorf("%q is not one of %s", s, strings.Join(o.allowed, ", "))
	}
	o.value = s
	return nil
}

func enumFlag(fs *flag.FlagSet, name, def, usage string, allowed ...string) *oneOf {
	o := &oneOf{value: def, allowed: allowed}
	fs.Var(o, name, usage+" ("+strings.Join(allowed, "|")+")")
	return o
}

func outputFlag(fs *flag.FlagSet) *string {
	return fs.String("o", "", "write the output to `FILE` instead of standard output")
}

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", "FILE...",
		"Decode every document strictly and validate it, reporting every problem of every file\n"+
			"with its JSON path. Exit status 1 when any document is invalid.")
	if code, ok := parse(e, fs, args, 1, -1); !ok {
		return code
	}
	code := exitOK
	for _, name := range e.args {
		if _, ok := e.load(name); !ok {
			code = exitInvalid
			continue
		}
		fmt.Fprintf(e.stdout, "%s: valid\n", displayName(name))
	}
	return code
}

func parseNow(e *env, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		usageError(e, fmt.Errorf("-now %q is not an RFC 3339 time such as 2026-11-23T09:00:00Z", s))
		return time.Time{}, false
	}
	return t, true
}

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
	if lang != "" {
		reg.Register("html", render.HTML{Language: lang})
		reg.Register("markdown", render.Markdown{Language: lang})
		reg.Register("mermaid-blueprint", render.MermaidBlueprint{Language: lang})
	}
	return reg
}

func runRender(e *env, args []string) int {
	formats := render.Default().Formats()
	fs := newFlags(e, "render", "FILE",
		"Render a journey document with any registered renderer. The document is validated first.")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats, ", ")+" (required)")
	lang := enumFlag(fs, "lang", "", "`language` of the built-in words (default: the document's language)", "en", "vi")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	reg := registry(lang.value)
	if *format == "" {
		return usageError(e, errors.New("-format is required ("+strings.Join(formats, ", ")+")"))
	}
	if _, ok := reg.Lookup(*format); !ok {
		return usageError(e, fmt.Errorf("unknown format %q (registered: %s)", *format, strings.Join(formats, ", ")))
	}
	j, ok := e.load(e.args[0])
	if !ok {
		return exitInvalid
	}
	var b bytes.Buffer
	if err := reg.Render(&b, *format, j); err != nil {
		e.report(e.args[0], err)
		return exitInvalid
	}
	return e.write(*out, b.Bytes())
}

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "",
		"Print the JSON Schema (draft 2020-12) of the journey document.")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	data := schema.Journey()
	if !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	return e.write(*out, data)
}

func typeNames() []string {
	var names []string
	for _, t := range journey.Types() {
		names = append(names, string(t))
	}
	return names
}

func templateNames() []string {
	var names []string
	for _, t := range journey.Templates() {
		names = append(names, t.Name)
	}
	return names
}

func runNew(e *env, args []string) int {
	fs := newFlags(e, "new", "",
		"Scaffold a journey document from a stage template (see \"journeymap templates\").\n"+
			"Ids are derived from the content, so the same flags give the same document.")
	tmpl := fs.String("template", "", "stage `template`: "+strings.Join(templateNames(), ", ")+" (required)")
	title := fs.String("title", "", "journey `title` (required)")
	typ := enumFlag(fs, "type", string(journey.CurrentState), "map `type`", typeNames()...)
	lang := enumFlag(fs, "lang", "en", "`language` of the stage names", "en", "vi")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	if *tmpl == "" {
		return usageError(e, errors.New("-template is required ("+strings.Join(templateNames(), ", ")+")"))
	}
	if strings.TrimSpace(*title) == "" {
		return usageError(e, errors.New("-title is required"))
	}
	j, err := journey.FromTemplate(*tmpl, *title, journey.Type(typ.value), lang.value)
	if err != nil {
		return usageError(e, err)
	}
	j.ID = uuid.Nil
	for _, s := range j.Stages {
		s.ID = uuid.Nil
	}
	j.FillIDs()
	data, err := marshalJourney(j)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap new: %v\n", err)
		return exitInvalid
	}
	return e.write(*out, data)
}

func runTemplates(e *env, args []string) int {
	fs := newFlags(e, "templates", "", "List the stage templates \"journeymap new -template\" accepts.")
	lang := enumFlag(fs, "lang", "en", "`language` of the names", "en", "vi")
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	var b bytes.Buffer
	for _, t := range journey.Templates() {
		title := t.Title
		if lang.value == "vi" {
			title = t.TitleVI
		}
		names := make([]string, len(t.Stages))
		for i, s := range t.Stages {
			names[i] = s.StageName(lang.value)
		}
		fmt.Fprintf(&b, "%-22s %s (%d stages)\n%-22s %s\n", t.Name, title, len(t.Stages), "", strings.Join(names, " → "))
	}
	return e.write("", b.Bytes())
}

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", "OLD NEW",
		"Compare two journeys, typically the current state and the future state: stages and\n"+
			"touchpoints added, removed or changed (matched by id, then by name), pain points\n"+
			"resolved and introduced, and the change of emotion and friction per stage.")
	format := enumFlag(fs, "format", "text", "output `format`", "text", "json")
	lang := enumFlag(fs, "lang", "", "`language` of the text (default: the language of OLD)", "en", "vi")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 2, 2); !ok {
		return code
	}
	old, okOld := e.load(e.args[0])
	cur, okNew := e.load(e.args[1])
	if !okOld || !okNew {
		return exitInvalid
	}
	changes := analysis.Diff(old, cur)
	var data []byte
	if format.value == "json" {
		var err error
		if data, err = json.MarshalIndent(changes, "", "  "); err != nil {
			fmt.Fprintf(e.stderr, "journeymap diff: %v\n", err)
			return exitInvalid
		}
		data = append(data, '\n')
	} else {
		data = []byte(changes.Text(readerLanguage(lang.value, old)))
	}
	return e.write(*out, data)
}

func runImport(e *env, args []string) int {
	fs := newFlags(e, "import", "FILE.csv",
		"Build a journey document from a spreadsheet saved as CSV: one row per touchpoint (or per\n"+
			"touchpoint × pain point) with columns such as stage, phase, touchpoint, channel, owner,\n"+
			"emotion, actions, thoughts, feelings, pain_category, pain_severity, pain. Headers may be\n"+
			"English or Vietnamese (giai đoạn, điểm chạm, kênh, cảm xúc, loại điểm đau, mức độ, ...).\n"+
			"The CSV written by \"journeymap render -format csv\" imports back. Every bad row is\n"+
			"reported by line and column.")
	title := fs.String("title", "", "journey `title` (default: the sheet's title row above the header, else the file name)")
	typ := enumFlag(fs, "type", string(journey.CurrentState), "map `type`", typeNames()...)
	lang := fs.String("lang", "", "BCP 47 `language` of the sheet's text, e.g. vi")
	comma := enumFlag(fs, "comma", "", "field `delimiter` (default: detected from the header)", ",", ";", "tab")
	ignore := fs.Bool("ignore-unknown-columns", false, "skip columns the importer does not know instead of failing")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	name := e.args[0]
	opts := sheet.Options{Title: *title, Type: journey.Type(typ.value), Language: *lang, AllowUnknownColumns: *ignore}
	switch comma.value {
	case "tab":
		opts.Comma = '\t'
	case ",", ";":
		opts.Comma = rune(comma.value[0])
	}
	j, ok := e.importSheet(name, opts)
	if !ok {
		return exitInvalid
	}
	if *title == "" && j.Title == sheet.DefaultTitle && name != "-" {
		j.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	data, err := marshalJourney(j)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap import: %v\n", err)
		return exitInvalid
	}
	return e.write(*out, data)
}

// eventOrder maps the -order flag to the analytics input order.
func eventOrder(flag string) analytics.Order {
	if flag == "grouped" {
		return analytics.Grouped
	}
	return analytics.TimeOrdered
}

func runFunnel(e *env, args []string) int {
	fs := newFlags(e, "funnel", "",
		"Measure a journey against an event log (CSV or NDJSON with customer_id, touchpoint,\n"+
			"timestamp and optional outcome and emotion): the funnel over stages and touchpoints,\n"+
			"drop-off, time between steps, and deviations from the planned journey. -format html\n"+
			"renders the journey with the measured metrics laid over it and the measured funnel.")
	journeyFile := fs.String("journey", "", "journey document `FILE` (required)")
	eventsFile := fs.String("events", "", "event log `FILE`, \"-\" for standard input (required)")
	eventsFormat := enumFlag(fs, "events-format", "", "event log `format` (default: from the file extension, csv otherwise)", "csv", "ndjson")
	format := enumFlag(fs, "format", "text", "output `format`", "text", "json", "html")
	window := fs.Duration("window", analytics.DefaultWindow, "conversion `window` from a customer's first event")
	order := enumFlag(fs, "order", "time", "how the events `arrive`: time (globally time-ordered; ~90 bytes of memory per customer) or grouped (customer by customer, ids ascending; constant memory)", "time", "grouped")
	strict := fs.Bool("strict", false, "exit 1 when any event row is bad (bad rows are otherwise skipped and listed)")
	lang := enumFlag(fs, "lang", "", "`language` of the text and html formats (default: the journey's language)", "en", "vi")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	if *journeyFile == "" || *eventsFile == "" {
		return usageError(e, errors.New("-journey and -events are required"))
	}
	if *window <= 0 {
		return usageError(e, fmt.Errorf("-window %v must be positive", *window))
	}
	j, ok := e.load(*journeyFile)
	if !ok {
		return exitInvalid
	}
	events, ok := e.open(*eventsFile)
	if !ok {
		return exitInvalid
	}
	defer events.Close()
	evFormat := eventsFormat.value
	if evFormat == "" {
		evFormat = "csv"
		switch strings.ToLower(filepath.Ext(*eventsFile)) {
		case ".ndjson", ".jsonl":
			evFormat = "ndjson"
		}
	}
	res, err := analytics.Run(j, events, evFormat, analytics.Options{Window: *window, Source: filepath.Base(*eventsFile), Order: eventOrder(order.value)})
	if err != nil {
		e.report(*eventsFile, err)
		return exitInvalid
	}
	var b bytes.Buffer
	switch format.value {
	case "json":
		data, err := json.MarshalIndent(res, "", "  ")
		if err == nil {
			b.Write(data)
			b.WriteByte('\n')
		}
	case "html":
		err = render.HTML{Language: lang.value, Funnel: res}.Render(&b, analytics.Overlay(j, res))
	default:
		err = res.WriteTextIn(&b, readerLanguage(lang.value, j))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
		return exitInvalid
	}
	if code := e.write(*out, b.Bytes()); code != exitOK {
		return code
	}
	if n := res.BadRows.Count; n > 0 {
		fmt.Fprintf(e.stderr, "journeymap funnel: %s: %d bad row%s skipped\n", displayName(*eventsFile), n, plural(int(n)))
		for _, r := range res.BadRows.Rows {
			where := fmt.Sprintf("line %d", r.Line)
			if r.Field != "" {
				where += ", column " + strconv.Quote(r.Field)
			}
			fmt.Fprintf(e.stderr, "%s: %s: %s\n", displayName(*eventsFile), where, r.Message)
		}
		if *strict {
			return exitInvalid
		}
	}
	return exitOK
}
