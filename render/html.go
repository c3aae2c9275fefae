package render

import (
	"bufio"
	"bytes"
	"cmp"
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
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
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
	src := wordAction.ReplaceAllStringFunc(htmlSource, func(action string) string {
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
	// Its Language, when empty, is the page's, so the findings' messages
	// are written in the language of the page's own words.
	Analysis analysis.Options
	// Report, when not nil, is shown instead of running analysis.Analyze:
	// pass the report you already have for this journey. It is only read.
	Report *analysis.Report
	// Funnel, when not nil, adds a section with what customers really did
	// (package analytics, measured on this journey): the stage funnel with
	// bars, how many customers followed the plan or deviated from it, and
	// the touchpoints they used that the map does not plan. It is only
	// read. Lay the same result over the journey with analytics.Overlay to
	// show the measured figures in the map as well.
	Funnel *analytics.Result
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
//
// The map is held row by row (one slice per row, one entry per column), so
// each row of the template ranges over its own small cells: text/template
// looks a struct field up by name on every access, and the cost grows with
// the number of fields before it. For the same reason each struct lists
// its fields in the order the template reads them.
type (
	htmlView struct {
		words                                        *words // selects the template
		Title, Description, Type, Objective, Owner   string
		Reviewed, ReviewEvery                        string
		Personas                                     []personaView
		Phases                                       []spanView
		Stages                                       []stageView
		HasStageGoals, HasQuestions, HasStageMetrics bool
		Heads                                        []headView // one per column
		HasLayers, HasEvidence, HasFeelings          bool
		// The rows of the map, one cell per column.
		RowDescription                                             []string
		RowServed                                                  []servedView
		RowActions, RowThoughts, RowFeelings, RowOpps, RowEvidence [][]string
		RowEmotion                                                 []emotionView
		RowPains                                                   [][]painView
		RowMetrics                                                 [][]metricView
		RowFront, RowBack, RowSupport                              [][]supportView
		Curve                                                      curveView
		Funnel                                                     *funnelView
		Hotspots                                                   []hotspotView
		Findings                                                   []findingGroup
		Opportunities                                              []oppView
	}
	// funnelView is a measured funnel (HTML.Funnel) in the page's words.
	funnelView struct {
		Source, Customers, Events, Window string
		Stages                            []funnelStep
		Conforming, AdHoc, Missing        string
		Irregular, Failing                string
		AdHocTouchpoints                  []adHocView
		Feelings                          []feelingView // measured emotion away from the map's
		MoreFeelings                      string        // how many more gaps than listed; empty: none
	}
	feelingView struct {
		Touchpoint, Designed, Measured, Count, Gap string
		Better                                     bool // customers feel better than the map says
	}
	funnelStep struct {
		Name, Reached, FromStart, DropOff string
		Worst                             bool   // the largest drop-off rate of the funnel
		Bar                               string // the bar's width in pixels, of funnelBar for all customers
	}
	adHocView struct{ Key, Events, Failing string }
	spanView  struct {
		Label string
		Span  int
	}
	stageView struct {
		Name, Goal, Description string
		Questions               []string
		Metrics                 []metricView
		Span                    int
	}
	// personaView has a field per fact and list, not a list of labelled
	// entries, so the template writes each label as static text.
	personaView struct {
		Name, Lifecycle, Quote, Description       string
		HasFacts                                  bool
		Age, Gender, Income, Location, Occupation string
		Goals, Needs, Frustrations, Behaviors     []string
		Channels                                  []string
	}
	factView struct{ Label, Value string }
	// headView is a column's head: the touchpoint, or an empty stage.
	headView struct {
		Hot, Empty                 bool // Hot: one of the friction hotspots
		Name, Meta, Owner, Hotspot string
	}
	servedView struct {
		All      bool // no persona_ids: serves every persona
		Personas []string
	}
	emotionView struct {
		Empty    bool   // the column of a stage without touchpoints
		Value    string // empty: not measured
		Personas []factView
	}
	// painView and findingView carry their closed-enum severity as flags so
	// the template writes the class and word as static text (an if costs a
	// field look-up; a printed value costs a reflective escaper call).
	painView struct {
		Critical, High, Medium, Low               bool   // none set: unknown severity
		Severity                                  string // shown as written when unknown
		Financial, Productivity, Process, Support bool   // none set: unknown category
		Category                                  string // shown as written when unknown
		Title, Description, Evidence              string
		Personas                                  []string // who feel it; empty means all personas
	}
	metricView struct {
		Met, Missed bool // neither: no target
		Text        string
	}
	supportView struct {
		Description                         string
		People, Technology, Policy, Process bool   // none set: unknown kind
		Kind, Owner                         string // Kind shown as written when unknown
	}
	curveView struct {
		Width, Height int
		Alt           string
		Zero          string // y of the neutral line
		Lines         []lineView
		Dots          string // path data: one round dot per measured touchpoint
	}
	lineView struct {
		All              bool // the line of all customers; else one persona's
		Dash, Path, Name string
	}
	oppView struct {
		Title, Description, Status, Impact, Effort, Owner string
		PainPoints, Touchpoints                           []string
	}
	// findingGroup holds the findings of one code, so the page says once
	// what they have in common ("Warning · Metric missing its target") and
	// then lists where and what.
	findingGroup struct {
		Critical, Warning, Info bool
		Severity                string // shown as written when none of the above
		Title, Code             string // Title ends with the count; Code is empty when Title is the code itself
		Rows                    []findingRow
	}
	findingRow  struct{ Path, Message string }
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
		v.Reviewed = j.ReviewedAt.UTC().Format(wd.date)
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
			pv.Age, pv.Gender, pv.Income, pv.Location, pv.Occupation = d.AgeRange, d.Gender, d.Income, d.Location, d.Occupation
			pv.HasFacts = d.AgeRange+d.Gender+d.Income+d.Location+d.Occupation != ""
		}
		pv.Goals, pv.Needs, pv.Frustrations, pv.Behaviors = p.Goals, p.Needs, p.Frustrations, p.Behaviors
		for _, c := range p.PreferredChannels {
			pv.Channels = append(pv.Channels, word(wd.Channels, c))
		}
		v.Personas = append(v.Personas, pv)
	}

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
	}

	// Columns, and the names of what opportunities refer to, in one walk:
	// the first touchpoint or pain point with an id wins, as in
	// j.Touchpoint and j.PainPoint.
	cols := 0
	tpNames := make(map[uuid.UUID]string, len(oppsByTP))
	painTitles := make(map[uuid.UUID]string, len(oppsByPain))
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
			if _, named := tpNames[t.ID]; !named && oppsByTP[t.ID] != nil {
				tpNames[t.ID] = t.Name
			}
			for _, p := range t.PainPoints {
				if p == nil {
					continue
				}
				if _, named := painTitles[p.ID]; !named && oppsByPain[p.ID] != nil {
					painTitles[p.ID] = p.Title
				}
			}
		}
		cols += max(n, 1)
	}
	v.Heads = make([]headView, 0, cols)
	v.RowDescription = make([]string, 0, cols)
	v.RowServed = make([]servedView, 0, cols)
	v.RowActions, v.RowThoughts, v.RowFeelings = make([][]string, 0, cols), make([][]string, 0, cols), make([][]string, 0, cols)
	v.RowEmotion = make([]emotionView, 0, cols)
	v.RowPains, v.RowMetrics = make([][]painView, 0, cols), make([][]metricView, 0, cols)
	v.RowOpps, v.RowEvidence = make([][]string, 0, cols), make([][]string, 0, cols)
	v.RowFront, v.RowBack, v.RowSupport = make([][]supportView, 0, cols), make([][]supportView, 0, cols), make([][]supportView, 0, cols)

	for _, o := range j.Opportunities {
		if o == nil {
			continue
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
		r := h.Report
		if r == nil {
			opts := h.Analysis
			if opts.Language == "" {
				opts.Language = wd.Lang // the findings speak the page's language
			}
			r = analysis.Analyze(j, opts)
		}
		v.Findings = findingGroups(wd, r.Findings)
		for _, hs := range r.Friction.Hotspots {
			hot[hs.ID] = hs
			factors := make([]string, len(hs.Factors))
			for i, f := range hs.Factors {
				factors[i] = analysis.FactorTitle(f.Name, wd.Lang)
			}
			v.Hotspots = append(v.Hotspots, hotspotView{
				Rank: strconv.Itoa(hs.Rank), Stage: hs.Stage, Touchpoint: hs.Name,
				Score: wd.number(hs.Score), Factors: strings.Join(factors, ", "),
			})
		}
	}

	if h.Funnel != nil {
		v.Funnel = funnelViewOf(wd, h.Funnel)
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
			v.column(wd, j, t, names, oppsByTP, oppsByPain, hot)
			sv.Span++
		}
		if sv.Span == 0 {
			v.emptyColumn()
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
	v.HasLayers = v.HasLayers || j.Type == journey.ServiceBlueprint
	v.Curve = curve(wd, j, len(v.Heads))
	return v
}

// emptyColumn adds the column of a stage without touchpoints to every row.
func (v *htmlView) emptyColumn() {
	v.Heads = append(v.Heads, headView{Empty: true})
	v.RowDescription = append(v.RowDescription, "")
	v.RowServed = append(v.RowServed, servedView{})
	v.RowActions, v.RowThoughts, v.RowFeelings = append(v.RowActions, nil), append(v.RowThoughts, nil), append(v.RowFeelings, nil)
	v.RowEmotion = append(v.RowEmotion, emotionView{Empty: true})
	v.RowPains, v.RowMetrics = append(v.RowPains, nil), append(v.RowMetrics, nil)
	v.RowOpps, v.RowEvidence = append(v.RowOpps, nil), append(v.RowEvidence, nil)
	v.RowFront, v.RowBack, v.RowSupport = append(v.RowFront, nil), append(v.RowBack, nil), append(v.RowSupport, nil)
}

// column adds touchpoint t's column to every row.
func (v *htmlView) column(wd *words, j *journey.Journey, t *touchpoint.Touchpoint, names map[uuid.UUID]string,
	oppsByTP, oppsByPain map[uuid.UUID][]string, hot map[uuid.UUID]analysis.Hotspot) {
	head := headView{Name: t.Name, Owner: t.Owner}
	if t.Initiator != "" {
		head.Meta = word(wd.Channels, t.Channel) + " · " + word(wd.Modes, t.EffectiveMode()) +
			" · " + wd.Initiator + ": " + word(wd.Initiators, t.Initiator)
	} else {
		head.Meta = word(wd.Channels, t.Channel) + " · " + word(wd.Modes, t.EffectiveMode())
	}
	if hs, ok := hot[t.ID]; ok {
		head.Hotspot = wd.Hotspot + " " + strconv.Itoa(hs.Rank) + " · " + wd.Friction + " " + wd.number(hs.Score)
		head.Hot = true
	}
	v.Heads = append(v.Heads, head)
	v.RowDescription = append(v.RowDescription, t.Description)
	v.RowActions, v.RowThoughts = append(v.RowActions, t.Actions), append(v.RowThoughts, t.Thoughts)
	v.RowFeelings, v.RowEvidence = append(v.RowFeelings, t.Feelings), append(v.RowEvidence, t.PhysicalEvidence)
	v.HasFeelings = v.HasFeelings || len(t.Feelings) > 0
	v.HasEvidence = v.HasEvidence || len(t.PhysicalEvidence) > 0

	served := servedView{All: len(t.PersonaIDs) == 0}
	if len(t.PersonaIDs) > 0 {
		served.Personas = make([]string, len(t.PersonaIDs))
		for i, id := range t.PersonaIDs {
			served.Personas[i] = nameOr(names, id)
		}
	}
	v.RowServed = append(v.RowServed, served)

	var emotion emotionView
	if t.Emotion != nil {
		emotion.Value = wd.number(*t.Emotion)
	}
	if len(t.PersonaEmotions) > 0 {
		emotion.Personas = make([]factView, 0, len(t.PersonaEmotions))
	}
	// Per-persona emotions in persona order, then any id naming no persona.
	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		if e, ok := t.PersonaEmotions[p.ID]; ok {
			emotion.Personas = append(emotion.Personas, factView{p.Name, wd.number(e)})
		}
	}
	if hasUnknown(t.PersonaEmotions, names) { // sorting allocates: only when needed
		for _, id := range sortedIDs(t.PersonaEmotions) {
			if _, known := names[id]; !known {
				emotion.Personas = append(emotion.Personas, factView{id.String(), wd.number(t.PersonaEmotions[id])})
			}
		}
	}
	v.RowEmotion = append(v.RowEmotion, emotion)

	// Clipped: appending the pain points' opportunities below must never
	// write into the slice held by the map.
	opps := slices.Clip(oppsByTP[t.ID])
	var pains []painView
	if len(t.PainPoints) > 0 {
		pains = make([]painView, 0, len(t.PainPoints))
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
		pains = append(pains, pv)
		opps = append(opps, oppsByPain[p.ID]...)
	}
	v.RowPains, v.RowOpps = append(v.RowPains, pains), append(v.RowOpps, opps)

	var metrics []metricView
	if len(t.Metrics) > 0 {
		metrics = make([]metricView, len(t.Metrics))
		for i, m := range t.Metrics {
			metrics[i] = metricViewOf(wd, m)
		}
	}
	v.RowMetrics = append(v.RowMetrics, metrics)

	var front, back, support []supportView
	for _, s := range t.Supports {
		sv := supportView{
			People: s.Kind == touchpoint.People, Technology: s.Kind == touchpoint.Technology,
			Policy: s.Kind == touchpoint.Policy, Process: s.Kind == touchpoint.Process,
			Kind: string(s.Kind), Description: s.Description, Owner: s.Owner,
		}
		switch s.Layer {
		case touchpoint.Frontstage:
			front = append(front, sv)
		case touchpoint.Backstage:
			back = append(back, sv)
		default: // support processes, and any unknown layer rather than dropping it
			support = append(support, sv)
		}
	}
	v.RowFront, v.RowBack, v.RowSupport = append(v.RowFront, front), append(v.RowBack, back), append(v.RowSupport, support)
	v.HasLayers = v.HasLayers || len(t.Supports) > 0
}

// codeOrder ranks the finding codes in the order package analysis reports
// them; a code it does not know (a report built by the caller) comes after.
var codeOrder = func() map[string]int {
	m := map[string]int{}
	for i, c := range analysis.Codes() {
		m[c] = i
	}
	return m
}()

// findingGroups groups findings by severity and code: the most severe
// first, then in the order of analysis.Codes, any other code in the order
// it first appears; within a group the findings keep their order.
func findingGroups(wd *words, findings []analysis.Finding) []findingGroup {
	type key struct {
		sev  analysis.Severity
		code string
	}
	at := map[key]int{}
	var groups []findingGroup
	var keys []key
	for _, f := range findings {
		k := key{f.Severity, f.Code}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			g := findingGroup{
				Critical: f.Severity == analysis.Critical, Warning: f.Severity == analysis.Warning,
				Info: f.Severity == analysis.Info, Severity: string(f.Severity), Title: f.Code,
			}
			if title, known := analysis.CodeTitle(f.Code, wd.Lang); known {
				g.Title, g.Code = title, f.Code
			}
			groups = append(groups, g)
			keys = append(keys, k)
		}
		groups[i].Rows = append(groups[i].Rows, findingRow{f.Path, f.Message})
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	rank := func(k key) int {
		if r, ok := codeOrder[k.code]; ok {
			return r
		}
		return len(codeOrder)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := keys[b].sev.Rank() - keys[a].sev.Rank(); d != 0 {
			return d
		}
		return rank(keys[a]) - rank(keys[b])
	})
	sorted := make([]findingGroup, len(groups))
	for i, k := range order {
		sorted[i] = groups[k]
		sorted[i].Title += " (" + strconv.Itoa(len(groups[k].Rows)) + ")"
	}
	return sorted
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
func curve(wd *words, j *journey.Journey, cols int) curveView {
	cv := curveView{
		Width: max(cols, 1) * colWidth, Height: curveHeight,
		Alt:  fmt.Sprintf(wd.EmotionCurveAlt, wd.number(float64(cols))),
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
	allOK := make([]bool, cols)
	all = make([]float64, cols)
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
	cv.Lines = append(cv.Lines, lineView{Name: wd.AllCustomers, Path: pathOf(all, allOK), All: true})

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
		ys := make([]float64, cols)
		ok := make([]bool, cols)
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
			Name: p.Name, Path: pathOf(ys, ok), Dash: dashes[n%len(dashes)],
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

// funnelBar is the width in pixels of the bar of the first stage, which
// every customer reached.
const funnelBar = 240

// feelingGap is how far, in emotion points, the mean measured emotion of a
// touchpoint must be from the one the map gives it for the page to list it;
// the page lists the maxFeelings largest gaps and counts the others.
const (
	feelingGap  = 0.5
	maxFeelings = 10
)

// funnelViewOf gives a measured funnel in wd's words and numbers.
func funnelViewOf(wd *words, r *analytics.Result) *funnelView {
	count := func(n int64) string { return wd.number(float64(n)) }
	pct := func(f float64) string { return string(appendWithUnit(wd, nil, math.Round(1000*f)/10, "%")) }
	d := r.Deviations.Customers
	fv := &funnelView{
		Source: r.Source, Customers: count(r.Customers), Events: count(r.Events), Window: wd.window(r.Window),
		Conforming: count(d.Conforming), AdHoc: count(d.AdHoc), Missing: count(d.Missing),
		Irregular: count(d.Irregular), Failing: count(d.Failing),
	}
	for _, s := range r.Stages {
		bar := 0.0
		if r.Customers > 0 {
			bar = math.Round(funnelBar * float64(s.Reached) / float64(r.Customers))
		}
		fv.Stages = append(fv.Stages, funnelStep{
			Name: s.Name, Reached: count(s.Reached), FromStart: pct(s.ConversionFromStart),
			DropOff: count(s.DropOff) + " (" + pct(s.DropOffRate) + ")", Bar: strconv.Itoa(int(bar)),
		})
	}
	// The stage that loses the largest share of its customers is where the
	// journey breaks; the first of equals is marked.
	worst := -1
	for i, s := range r.Stages {
		if s.DropOff > 0 && (worst < 0 || s.DropOffRate > r.Stages[worst].DropOffRate) {
			worst = i
		}
	}
	if worst >= 0 {
		fv.Stages[worst].Worst = true
	}
	for _, a := range r.Deviations.AdHoc {
		fv.AdHocTouchpoints = append(fv.AdHocTouchpoints, adHocView{Key: a.Key, Events: count(a.Events), Failing: count(a.Failing)})
	}
	fv.Feelings = feelings(wd, r)
	if n := len(fv.Feelings) - maxFeelings; n > 0 {
		fv.Feelings = fv.Feelings[:maxFeelings]
		fv.MoreFeelings = fmt.Sprintf(wd.MoreFeelings, n)
	}
	return fv
}

// feelings lists the touchpoints where customers' measured emotion is at
// least feelingGap away from the one the journey plans, the largest gap
// first (journey order among equals): where the map misjudges how the
// journey feels.
func feelings(wd *words, r *analytics.Result) []feelingView {
	type gap struct {
		t    analytics.TouchpointDeviations
		diff float64
	}
	var gaps []gap
	for _, t := range r.Deviations.Touchpoints {
		if t.PlannedEmotion == nil || t.Emotion == nil || t.Emotion.Count == 0 {
			continue
		}
		d := math.Round(100*(t.Emotion.Mean-*t.PlannedEmotion)) / 100
		if math.Abs(d) >= feelingGap {
			gaps = append(gaps, gap{t, d})
		}
	}
	slices.SortStableFunc(gaps, func(a, b gap) int { return cmp.Compare(math.Abs(b.diff), math.Abs(a.diff)) })
	out := make([]feelingView, len(gaps))
	for i, g := range gaps {
		sign := ""
		if g.diff > 0 {
			sign = "+"
		}
		out[i] = feelingView{
			Touchpoint: g.t.Name, Designed: wd.number(*g.t.PlannedEmotion), Measured: wd.number(math.Round(100*g.t.Emotion.Mean) / 100),
			Count: wd.number(float64(g.t.Emotion.Count)), Gap: sign + wd.number(g.diff), Better: g.diff > 0,
		}
	}
	return out
}

// window writes a conversion window in days when it is whole days, else in
// hours: "30 days", "36 giờ".
func (wd *words) window(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return string(appendWithUnit(wd, nil, float64(d/(24*time.Hour)), wd.Days))
	}
	return string(appendWithUnit(wd, nil, math.Round(100*d.Hours())/100, wd.Hours))
}
