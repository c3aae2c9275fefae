package render

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/journey"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplates holds the page template of each language, parsed once at
// package initialisation (a parsed html/template is safe for concurrent
// execution and never changes afterwards). The built-in words are written
// into each template's source as static text, so rendering evaluates no
// action for them: an action costs a reflective call of html/template's
// escaper, static text costs one write.
var htmlTemplates = func() map[*words]*template.Template {
	m := make(map[*words]*template.Template, len(languageWords))
	for _, wd := range languageWords {
		m[wd] = pageTemplate(wd)
	}
	return m
}()

// wordAction matches the template actions that print a built-in word:
// {{.W.Name}} for a field of words, {{.W.Map.key}} for an entry of one of
// its maps (and the same with $.W).
var wordAction = regexp.MustCompile(`\{\{\$?\.W\.([A-Za-z]+)(?:\.([a-z_]+))?\}\}`)

// pageTemplate parses the page template with the words of wd in place of
// its {{.W.Name}} actions. Each word is escaped by html/template itself (a
// one-action template run once here), so the page is byte for byte what
// printing the word through an action gives; the words are this package's
// own constants, never user text, and are only ever written in text
// content or a quoted attribute, where the escaped form is the same.
func pageTemplate(wd *words) *template.Template {
	esc := template.Must(template.New("word").Parse("{{.}}"))
	escape := func(s string) string {
		var b strings.Builder
		if err := esc.Execute(&b, s); err != nil {
			panic(err)
		}
		return b.String()
	}
	fields := reflect.ValueOf(wd).Elem()
	// The enumerations the template names by value, as the table cells
	// elsewhere write them.
	enums := map[string]func(string) string{
		"Categories": wd.category, "Layers": wd.layer, "Severities": wd.severity, "Kinds": wd.kind,
	}
	src := wordAction.ReplaceAllStringFunc(htmlSource, func(action string) string {
		m := wordAction.FindStringSubmatch(action)
		if name, ok := enums[m[1]]; ok && m[2] != "" {
			return escape(name(m[2]))
		}
		f := fields.FieldByName(m[1])
		if f.Kind() == reflect.Map && m[2] != "" {
			f = f.MapIndex(reflect.ValueOf(m[2]).Convert(f.Type().Key()))
		}
		if f.Kind() != reflect.String {
			panic("render: html.tmpl prints unknown word " + action)
		}
		return escape(f.String())
	})
	return template.Must(template.New("page").Parse(src))
}

// HTML renders a journey as one self-contained HTML page a marketer can
// open, print and mail: inline CSS, no JavaScript, no external request (a
// Content-Security-Policy forbids both), built with html/template so every
// user text is escaped for its context.
//
// The first screen holds the title, objective, owner and review status, a
// summary (stages, touchpoints online and offline, channels, critical pain
// points, the weakest link and the journey's friction), a strip of the
// personas and then the map itself: a canvas of phase and stage bands over
// one column per touchpoint, each with its channel icon and name, the
// emotion curve directly under the touchpoints (faces, positive and
// negative zones, all customers on top of the persona lines, which differ
// by dash and marker as well as colour), the customer's actions, thoughts
// and feelings, compact pain cards, the opportunities, measured figures as
// badges and, where given, the service blueprint's lanes with the lines of
// interaction, visibility and internal interaction. Rows empty for the whole
// journey are left out. After the map come the personas in full, the
// measured funnel (Funnel), the friction hotspots and the findings (Report),
// each naming its place in words and linking to it on the map, and the list
// of opportunities.
//
// The page works where people use a journey map: wide screens scroll the
// canvas sideways with the row labels kept in view; below 600 px the map
// becomes a vertical timeline of touchpoint cards and the page never
// scrolls sideways; printed (A4 or A3, landscape) the map is paginated into
// pages of four (A4) or eight (A3) touchpoint columns, each repeating the
// row labels, with the title and page number on every page.
//
// Colour is never the only signal: severities, categories, channels and
// target status are always written in words. User text is bidi-isolated so
// an override character cannot reorder the text around it. The zero value
// is ready to use.
type HTML struct {
	// Language selects the built-in words: "en" or "vi" (any "vi-…" tag);
	// empty means the journey's own language, English when it has none.
	Language string
	// Report, when not nil, adds what package analysis found: the journey's
	// friction and weakest link in the summary, the hotspots (marked on the
	// map too) and the findings. The renderer never analyses the journey
	// itself: pass the report you have, or build one with WithReport. It is
	// only read.
	Report *analysis.Report
	// Funnel, when not nil, adds a section with what customers really did
	// (package analytics, measured on this journey): the stage funnel with
	// bars, how many customers followed the plan or deviated from it, and
	// the touchpoints they used that the map does not plan. Its figures are
	// shown on the map too, as badges on the stages and touchpoints. It is
	// only read. Lay the same result over the journey with analytics.Overlay
	// to keep the measured figures in the document as well.
	Funnel *analytics.Result
}

// WithReport returns h with Report set to the analysis of j under opts; an
// empty opts.Language becomes the page's language, so the findings speak
// the language of the page's own words.
func (h HTML) WithReport(j *journey.Journey, opts analysis.Options) HTML {
	if j == nil {
		return h
	}
	if opts.Language == "" {
		opts.Language = h.words(j).Lang
	}
	h.Report = analysis.Analyze(j, opts)
	return h
}

// words returns the page's words for j.
func (h HTML) words(j *journey.Journey) *words {
	return wordsFor(h.Language, j.Language)
}

// Render writes the page to w.
func (h HTML) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	// The template writes many small pieces: buffer them, in a recycled
	// buffer (a new 64 KB one per page weighs as much as a small page).
	bw := pageWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	defer func() {
		bw.Reset(nil) // keep no reference to w in the pool
		pageWriters.Put(bw)
	}()
	v := h.view(j)
	if err := htmlTemplates[v.words].Execute(bw, v); err != nil {
		return err
	}
	return bw.Flush()
}

// pageWriters holds idle output buffers of HTML.Render; sync.Pool keeps
// them per processor, so concurrent renders do not contend.
var pageWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}
