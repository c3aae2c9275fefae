package render

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplates holds the page template of each language, parsed once at
// package initialisation (a parsed html/template is safe for concurrent
// execution and never changes afterwards). The built-in words are written
// into each template's source as static text, so rendering evaluates no
// action for them: an action costs a reflective call of html/template's
// escaper, static text costs one write.
var htmlTemplates = map[*words]*template.Template{
	&english:    pageTemplate(&english),
	&vietnamese: pageTemplate(&vietnamese),
}

// wordAction matches the template actions that print a built-in word:
// {{.W.Name}} for a field of words, {{.W.Map.key}} for an entry of one of
// its maps (and the same with $.W).
var wordAction = regexp.MustCompile(`\{\{\$?\.W\.([A-Za-z]+)(?:\.([a-z_]+))?\}\}`)

// codeAction matches {{.Codes.name}}: a finding code of package analysis,
// written as static text like a word. Only the most frequent codes have a
// flag in findingView; any other code is printed from the finding.
var codeAction = regexp.MustCompile(`\{\{\.Codes\.([a-z_]+)\}\}`)

var findingCodes = map[string]string{
	"unaddressed": analysis.CodeUnaddressed, "no_owner": analysis.CodeNoOwner,
	"below_target": analysis.CodeBelowTarget, "unmeasured": analysis.CodeUnmeasured,
}

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
	src := codeAction.ReplaceAllStringFunc(htmlSource, func(action string) string {
		code, ok := findingCodes[codeAction.FindStringSubmatch(action)[1]]
		if !ok {
			panic("render: html.tmpl prints unknown finding code " + action)
		}
		return escape(code)
	})
	src = wordAction.ReplaceAllStringFunc(src, func(action string) string {
		m := wordAction.FindStringSubmatch(action)
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
// The page has a header (title, map type, objective, owner, last review),
// persona cards, the map as a grid (phases over stages, one column per
// touchpoint; rows for channel and online/offline, customer actions,
// thoughts, feelings, emotion with an inline SVG curve over all touchpoints
// and per persona, pain points labelled by category and severity in words,
// opportunities, metrics with their target status and, where given, the
// service blueprint layers and physical evidence), the friction hotspots
// (marked on the map too) and the findings of package analysis, and the list
// of opportunities. User text is bidi-isolated so an override character
// cannot reorder the text around it. The zero value is ready to use.
type HTML struct {
	// Language selects the built-in words: "en" or "vi" (any "vi-…" tag);
	// empty means the journey's own language, English when it has none.
	Language string
	// NoAnalysis leaves out the hotspots and findings.
	NoAnalysis bool
	// Analysis tunes the analysis behind hotspots and findings; set Now to
	// check overdue reviews (the renderer never reads the clock itself).
	Analysis analysis.Options
	// Report, when not nil, is shown instead of running analysis.Analyze:
	// pass the report you already have for this journey. It is only read.
	Report *analysis.Report
}

// Column width and curve geometry of the grid, in CSS pixels.
const (
	colWidth    = 200
	curveHeight = 140
	curveTop    = 15
	curveStep   = 27.5 // pixels per emotion point: −2..2 spans 110 px
)

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

// The view model: everything the template shows, computed in Go beforehand
// so the template only walks plain strings and slices.
type (
	htmlView struct {
		words                                        *words // selects the template
		Title, Description, Type, Objective, Owner   string
		Reviewed, ReviewEvery                        string
		Personas                                     []personaView
		Phases                                       []spanView
		Stages                                       []stageView
		HasStageGoals, HasQuestions, HasStageMetrics bool
		Cols                                         []colView
		HasLayers, HasEvidence, HasFeelings          bool
		// Rows of the map with one cell per column, so the template ranges
		// over the cells themselves: one field look-up per row, not per cell.
		RowDescription                                             []string
		RowActions, RowThoughts, RowFeelings, RowOpps, RowEvidence [][]string
		RowFront, RowBack, RowSupport                              [][]supportView
		Curve                                                      curveView
		Opportunities                                              []oppView
		Analysed                                                   bool
		Findings                                                   []findingView
		Hotspots                                                   []hotspotView
	}
	spanView struct {
		Label string
		Span  int
	}
	stageView struct {
		Name, Description, Goal string
		Questions               []string
		Metrics                 []metricView
		Span                    int
	}
	personaView struct {
		Name, Description, Quote, Lifecycle string
		Facts                               []factView
		Lists                               []listView
		Channels                            []string
	}
	factView struct{ Label, Value string }
	listView struct {
		Label string
		Items []string
	}
	colView struct {
		Empty                                 bool
		Name, Description, Meta, Owner        string
		Emotion                               string // empty: not measured
		Hotspot, HotspotClass                 string
		Actions, Thoughts, Feelings, Evidence []string
		AllPersonas                           bool // no persona_ids: serves every persona
		Personas                              []string
		PersonaEmotions                       []factView
		Pains                                 []painView
		Opportunities                         []string
		Metrics                               []metricView
		Front, Back, Support                  []supportView // the blueprint layers
	}
	// painView and findingView carry their closed-enum severity as flags so
	// the template writes the class and word as static text (an if costs a
	// field look-up; a printed value costs a reflective escaper call).
	painView struct {
		Title, Description, Evidence              string
		Low, Medium, High, Critical               bool     // none set: unknown severity
		Severity                                  string   // shown as written when unknown
		Financial, Productivity, Process, Support bool     // none set: unknown category
		Category                                  string   // shown as written when unknown
		Personas                                  []string // who feel it; empty means all personas
	}
	metricView struct {
		Text        string
		Met, Missed bool // neither: no target
	}
	supportView struct {
		People, Technology, Policy, Process bool   // none set: unknown kind
		Kind, Description, Owner            string // Kind shown as written when unknown
	}
	curveView struct {
		Width, Height int
		Alt           string
		Zero          string // y of the neutral line
		Lines         []lineView
		Dots          string // path data: one round dot per measured touchpoint
	}
	lineView struct {
		Name, Path, Class, Dash string
	}
	oppView struct {
		Title, Description, Status, Owner, Impact, Effort string
		PainPoints, Touchpoints                           []string
	}
	findingView struct {
		Info, Warning, Critical bool
		Severity                string // shown as written when none of the above
		// The most frequent codes, written as static text; Code otherwise.
		Unaddressed, NoOwner, BelowTarget, Unmeasured bool
		Code, Path, Message                           string
	}
	hotspotView struct {
		Rank, Stage, Touchpoint, Score, Factors string
	}
)

var (
	// dashes tell persona curves apart without colour.
	dashes = []string{"8 4", "2 4", "12 4 2 4", "4 4", "16 6"}
)

func (h HTML) view(j *journey.Journey) *htmlView {
	lang := h.Language
	if lang == "" {
		lang = j.Language
	}
	wd := wordsFor(lang)
	v := &htmlView{
		words: wd, Title: j.Title, Description: j.Description, Type: word(wd.Types, j.Type),
		Objective: j.Objective, Owner: j.Owner, Reviewed: wd.NotReviewed,
	}
	if j.ReviewedAt != nil {
		v.Reviewed = j.ReviewedAt.UTC().Format("2006-01-02")
	}
	if j.ReviewEveryDays > 0 {
		v.ReviewEvery = fmt.Sprintf(wd.ReviewEvery, j.ReviewEveryDays)
	}
	names := personaNames(j)
	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		pv := personaView{Name: p.Name, Description: p.Description, Quote: p.Quote}
		if p.Lifecycle != "" {
			pv.Lifecycle = word(wd.Lifecycles, p.Lifecycle)
		}
		if d := p.Demographics; d != nil {
			for _, f := range []factView{
				{wd.AgeRange, d.AgeRange}, {wd.Gender, d.Gender}, {wd.Income, d.Income},
				{wd.Location, d.Location}, {wd.Occupation, d.Occupation},
			} {
				if f.Value != "" {
					pv.Facts = append(pv.Facts, f)
				}
			}
		}
		for _, l := range []listView{
			{wd.Goals, p.Goals}, {wd.Needs, p.Needs}, {wd.Frustrations, p.Frustrations}, {wd.Behaviors, p.Behaviors},
		} {
			if len(l.Items) > 0 {
				pv.Lists = append(pv.Lists, l)
			}
		}
		for _, c := range p.PreferredChannels {
			pv.Channels = append(pv.Channels, word(wd.Channels, c))
		}
		v.Personas = append(v.Personas, pv)
	}

	// Columns and the names opportunities refer to, in one walk: the first
	// touchpoint or pain point with an id wins, as in j.Touchpoint and
	// j.PainPoint (a linear search each, quadratic over all opportunities).
	cols := 0
	tpNames, painTitles := map[uuid.UUID]string{}, map[uuid.UUID]string{}
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		n := 0
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			n++
			if len(j.Opportunities) == 0 {
				continue
			}
			if _, dup := tpNames[t.ID]; !dup {
				tpNames[t.ID] = t.Name
			}
			for _, p := range t.PainPoints {
				if p == nil {
					continue
				}
				if _, dup := painTitles[p.ID]; !dup {
					painTitles[p.ID] = p.Title
				}
			}
		}
		cols += max(n, 1)
	}
	v.Cols = make([]colView, 0, cols)

	// Opportunities by the touchpoints and pain points they address.
	oppsByTP := map[uuid.UUID][]string{}
	oppsByPain := map[uuid.UUID][]string{}
	for _, o := range j.Opportunities {
		if o == nil {
			continue
		}
		for _, id := range o.TouchpointIDs {
			oppsByTP[id] = append(oppsByTP[id], o.Title)
		}
		for _, id := range o.PainPointIDs {
			oppsByPain[id] = append(oppsByPain[id], o.Title)
		}
		ov := oppView{
			Title: o.Title, Description: o.Description, Owner: o.Owner,
			Status: word(wd.Statuses, o.Status), Impact: mdScore(o.Impact), Effort: mdScore(o.Effort),
		}
		if o.Status == "" {
			ov.Status = wd.Statuses[journey.Idea]
		}
		for _, id := range o.PainPointIDs {
			if title, ok := painTitles[id]; ok {
				ov.PainPoints = append(ov.PainPoints, title)
			} else {
				ov.PainPoints = append(ov.PainPoints, id.String())
			}
		}
		for _, id := range o.TouchpointIDs {
			if name, ok := tpNames[id]; ok {
				ov.Touchpoints = append(ov.Touchpoints, name)
			} else {
				ov.Touchpoints = append(ov.Touchpoints, id.String())
			}
		}
		v.Opportunities = append(v.Opportunities, ov)
	}

	hot := map[uuid.UUID]analysis.Hotspot{}
	if !h.NoAnalysis {
		v.Analysed = true
		r := h.Report
		if r == nil {
			r = analysis.Analyze(j, h.Analysis)
		}
		for _, f := range r.Findings {
			v.Findings = append(v.Findings, findingView{
				Info: f.Severity == analysis.Info, Warning: f.Severity == analysis.Warning, Critical: f.Severity == analysis.Critical,
				Severity: string(f.Severity), Code: f.Code, Path: f.Path, Message: f.Message,
				Unaddressed: f.Code == analysis.CodeUnaddressed, NoOwner: f.Code == analysis.CodeNoOwner,
				BelowTarget: f.Code == analysis.CodeBelowTarget, Unmeasured: f.Code == analysis.CodeUnmeasured,
			})
		}
		for _, hs := range r.Friction.Hotspots {
			hot[hs.ID] = hs
			factors := make([]string, len(hs.Factors))
			for i, f := range hs.Factors {
				factors[i] = f.Name
			}
			v.Hotspots = append(v.Hotspots, hotspotView{
				Rank: strconv.Itoa(hs.Rank), Stage: hs.Stage, Touchpoint: hs.Name,
				Score: formatNumber(hs.Score), Factors: strings.Join(factors, ", "),
			})
		}
	}

	// Phases over stages over touchpoint columns.
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		sv := stageView{Name: s.Name, Description: s.Description, Goal: s.CustomerGoal, Questions: s.Questions}
		v.HasStageGoals = v.HasStageGoals || s.CustomerGoal != "" || s.Description != ""
		v.HasQuestions = v.HasQuestions || len(s.Questions) > 0
		v.HasStageMetrics = v.HasStageMetrics || len(s.Metrics) > 0
		for _, m := range s.Metrics {
			sv.Metrics = append(sv.Metrics, metricViewOf(wd, m))
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			v.Cols = append(v.Cols, h.column(wd, j, t, names, oppsByTP, oppsByPain, hot))
			sv.Span++
		}
		if sv.Span == 0 {
			v.Cols = append(v.Cols, colView{Empty: true})
			sv.Span = 1
		}
		phase := word(wd.Phases, s.Phase)
		if n := len(v.Phases); n > 0 && v.Phases[n-1].Label == phase {
			v.Phases[n-1].Span += sv.Span
		} else {
			v.Phases = append(v.Phases, spanView{Label: phase, Span: sv.Span})
		}
		v.Stages = append(v.Stages, sv)
	}
	n := len(v.Cols)
	v.RowDescription = make([]string, n)
	v.RowActions, v.RowThoughts, v.RowFeelings = make([][]string, n), make([][]string, n), make([][]string, n)
	v.RowOpps, v.RowEvidence = make([][]string, n), make([][]string, n)
	v.RowFront, v.RowBack, v.RowSupport = make([][]supportView, n), make([][]supportView, n), make([][]supportView, n)
	for i, c := range v.Cols {
		v.RowDescription[i] = c.Description
		v.RowActions[i], v.RowThoughts[i], v.RowFeelings[i] = c.Actions, c.Thoughts, c.Feelings
		v.RowOpps[i], v.RowEvidence[i] = c.Opportunities, c.Evidence
		v.RowFront[i], v.RowBack[i], v.RowSupport[i] = c.Front, c.Back, c.Support
		v.HasFeelings = v.HasFeelings || len(c.Feelings) > 0
		v.HasEvidence = v.HasEvidence || len(c.Evidence) > 0
		v.HasLayers = v.HasLayers || len(c.Front)+len(c.Back)+len(c.Support) > 0
	}
	v.HasLayers = v.HasLayers || j.Type == journey.ServiceBlueprint
	v.Curve = curve(wd, j, v.Cols)
	return v
}

func (h HTML) column(wd *words, j *journey.Journey, t *touchpoint.Touchpoint, names map[uuid.UUID]string,
	oppsByTP, oppsByPain map[uuid.UUID][]string, hot map[uuid.UUID]analysis.Hotspot) colView {
	c := colView{
		Name: t.Name, Description: t.Description, Owner: t.Owner,
		Actions: t.Actions, Thoughts: t.Thoughts, Feelings: t.Feelings, Evidence: t.PhysicalEvidence,
		// Clipped: appending the pain points' opportunities below must
		// never write into the slice held by the map.
		Opportunities: slices.Clip(oppsByTP[t.ID]), AllPersonas: len(t.PersonaIDs) == 0,
	}
	if t.Initiator != "" {
		c.Meta = word(wd.Channels, t.Channel) + " · " + word(wd.Modes, t.EffectiveMode()) +
			" · " + wd.Initiator + ": " + word(wd.Initiators, t.Initiator)
	} else {
		c.Meta = word(wd.Channels, t.Channel) + " · " + word(wd.Modes, t.EffectiveMode())
	}
	if t.Emotion != nil {
		c.Emotion = formatNumber(*t.Emotion)
	}
	if len(t.PersonaIDs) > 0 {
		c.Personas = make([]string, len(t.PersonaIDs))
		for i, id := range t.PersonaIDs {
			c.Personas[i] = nameOr(names, id)
		}
	}
	if len(t.PersonaEmotions) > 0 {
		c.PersonaEmotions = make([]factView, 0, len(t.PersonaEmotions))
	}
	// Per-persona emotions in persona order, then any id naming no persona.
	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		if e, ok := t.PersonaEmotions[p.ID]; ok {
			c.PersonaEmotions = append(c.PersonaEmotions, factView{p.Name, formatNumber(e)})
		}
	}
	if hasUnknown(t.PersonaEmotions, names) { // sorting allocates: only when needed
		for _, id := range sortedIDs(t.PersonaEmotions) {
			if _, known := names[id]; !known {
				c.PersonaEmotions = append(c.PersonaEmotions, factView{id.String(), formatNumber(t.PersonaEmotions[id])})
			}
		}
	}
	if len(t.PainPoints) > 0 {
		c.Pains = make([]painView, 0, len(t.PainPoints))
	}
	for _, p := range t.PainPoints {
		if p == nil {
			continue
		}
		pv := painView{
			Title: p.Title, Description: p.Description, Evidence: p.Evidence,
			Low: p.Severity == painpoint.Low, Medium: p.Severity == painpoint.Medium,
			High: p.Severity == painpoint.High, Critical: p.Severity == painpoint.Critical,
			Severity: string(p.Severity), Category: string(p.Category),
			Financial: p.Category == painpoint.Financial, Productivity: p.Category == painpoint.Productivity,
			Process: p.Category == painpoint.Process, Support: p.Category == painpoint.Support,
		}
		if len(p.PersonaIDs) > 0 {
			pv.Personas = make([]string, len(p.PersonaIDs))
			for i, id := range p.PersonaIDs {
				pv.Personas[i] = nameOr(names, id)
			}
		}
		c.Pains = append(c.Pains, pv)
		c.Opportunities = append(c.Opportunities, oppsByPain[p.ID]...)
	}
	if len(t.Metrics) > 0 {
		c.Metrics = make([]metricView, len(t.Metrics))
		for i, m := range t.Metrics {
			c.Metrics[i] = metricViewOf(wd, m)
		}
	}
	for _, s := range t.Supports {
		sv := supportView{
			People: s.Kind == touchpoint.People, Technology: s.Kind == touchpoint.Technology,
			Policy: s.Kind == touchpoint.Policy, Process: s.Kind == touchpoint.Process,
			Kind: string(s.Kind), Description: s.Description, Owner: s.Owner,
		}
		switch s.Layer {
		case touchpoint.Frontstage:
			c.Front = append(c.Front, sv)
		case touchpoint.Backstage:
			c.Back = append(c.Back, sv)
		default: // support processes, and any unknown layer rather than dropping it
			c.Support = append(c.Support, sv)
		}
	}
	if hs, ok := hot[t.ID]; ok {
		c.Hotspot = fmt.Sprintf("%s %d · %s %s", wd.Hotspot, hs.Rank, wd.Friction, formatNumber(hs.Score))
		c.HotspotClass = "hotspot"
	}
	return c
}

func nameOr(names map[uuid.UUID]string, id uuid.UUID) string {
	if n, ok := names[id]; ok {
		return n
	}
	return id.String()
}

func metricViewOf(wd *words, m metric.Metric) metricView {
	mv := metricView{Text: metricText(wd, m)}
	if m.Target != nil {
		mv.Met = m.MeetsTarget()
		mv.Missed = !mv.Met
	}
	return mv
}

// curve draws the emotion over every column: one path for the touchpoints'
// emotion (broken where not measured) and one per persona that has its own
// scores somewhere, each with its own dash pattern.
func curve(wd *words, j *journey.Journey, cols []colView) curveView {
	cv := curveView{
		Width: max(len(cols), 1) * colWidth, Height: curveHeight,
		Alt:  fmt.Sprintf(wd.EmotionCurveAlt, len(cols)),
		Zero: formatNumber(emotionY(0)),
	}
	type at struct {
		col int
		t   *touchpoint.Touchpoint
	}
	var tps []at
	col := 0
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		n := 0
		for _, t := range s.Touchpoints {
			if t != nil {
				tps = append(tps, at{col, t})
				col++
				n++
			}
		}
		if n == 0 {
			col++
		}
	}
	var all []float64
	allOK := make([]bool, len(cols))
	all = make([]float64, len(cols))
	dots := make([]byte, 0, 24*len(tps))
	for _, a := range tps {
		if a.t.Emotion != nil && finite(*a.t.Emotion) {
			all[a.col], allOK[a.col] = *a.t.Emotion, true
			if len(dots) > 0 {
				dots = append(dots, ' ')
			}
			dots = append(dots, 'M')
			dots = appendPoint(dots, a.col, *a.t.Emotion)
			dots = append(dots, " h0.01"...)
		}
	}
	cv.Dots = string(dots)
	cv.Lines = append(cv.Lines, lineView{Name: wd.AllCustomers, Path: pathOf(all, allOK), Class: "curve-all"})

	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		has := false
		for _, a := range tps {
			if _, ok := a.t.PersonaEmotions[p.ID]; ok {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		ys := make([]float64, len(cols))
		ok := make([]bool, len(cols))
		for _, a := range tps {
			if !a.t.Serves(p.ID) {
				continue
			}
			if e, measured := a.t.EmotionFor(p.ID); measured && finite(e) {
				ys[a.col], ok[a.col] = e, true
			}
		}
		n := len(cv.Lines) - 1
		cv.Lines = append(cv.Lines, lineView{
			Name: p.Name, Path: pathOf(ys, ok), Class: "curve-persona", Dash: dashes[n%len(dashes)],
		})
	}
	return cv
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func emotionY(e float64) float64 {
	e = math.Max(-2, math.Min(2, e))
	return curveTop + (2-e)*curveStep
}

// pathOf returns SVG path data through the measured columns, starting a new
// segment after an unmeasured one; a lone point is drawn as a short dash.
func pathOf(ys []float64, ok []bool) string {
	b := make([]byte, 0, 24*len(ys))
	pen := false
	for i := range ys {
		if !ok[i] {
			pen = false
			continue
		}
		if pen {
			b = append(b, " L"...)
		} else {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, 'M')
		}
		b = appendPoint(b, i, ys[i])
		if !pen && (i+1 >= len(ys) || !ok[i+1]) {
			b = append(b, " h0.01"...) // a lone point: round caps make it a dot
		}
		pen = true
	}
	return string(b)
}

// appendPoint appends "x y", the centre of column col at emotion e, formatted
// like formatNumber but without a string per number.
func appendPoint(b []byte, col int, e float64) []byte {
	b = strconv.AppendInt(b, int64(col*colWidth+colWidth/2), 10)
	b = append(b, ' ')
	return strconv.AppendFloat(b, emotionY(e), 'f', -1, 64)
}

// hasUnknown reports whether some key of m names no persona.
func hasUnknown(m map[uuid.UUID]float64, names map[uuid.UUID]string) bool {
	for id := range m {
		if _, known := names[id]; !known {
			return true
		}
	}
	return false
}

func sortedIDs(m map[uuid.UUID]float64) []uuid.UUID {
	ids := make([]uuid.UUID, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return ids
}
