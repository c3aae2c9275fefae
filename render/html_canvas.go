package render

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// The canvas is built column by column: each touchpoint (or stage without
// touchpoints) is one column holding a cell for every row the journey
// uses, so a column is also a card on a phone and never splits on paper.
// Columns are grouped into printed pages of pageCols columns and those
// into sheets of sheetPages pages: an A4 landscape page holds a page, an
// A3 landscape page a sheet; on screen the groups vanish into one grid.
const (
	pageCols   = 4
	sheetPages = 2
)

type (
	canvasView struct {
		Rows int // the number of grid rows the journey uses
		// Which rows the journey uses: a row empty in every column is left out.
		HasEmotion, HasDescription, HasServed, HasEvidence, HasActions, HasLayers bool
		HasThoughts, HasFeelings, HasPains, HasOpps, HasMetrics, HasStageDetails  bool
		Sheets                                                                    []sheetView
		legend                                                                    []legendView
		details                                                                   []painView // the pains with more to say than their card
	}
	sheetView struct{ Pages []pageView }
	pageView  struct {
		Second bool // not the first page of its sheet: its row labels are hidden on A3
		Cols   []colView
	}
	colView struct {
		ID                         string // the touchpoint's anchor; empty for an empty stage
		PhaseClass, Phase          string
		PhaseStart, PhaseCont      bool // the phase's first column; the first of a printed page inside it
		Band, StageID, Stage, Goal string
		StageStart, StageCont      bool
		StageFunnel                []badgeView
		Empty                      bool
		Name, Icon, ChannelLabel   string
		Mode, Initiator, Owner     string
		Offline                    bool
		Hot                        bool
		Hotspot                    string
		Emo                        emoView
		Description                string
		AllPersonas                bool
		Personas                   []string
		Evidence, Actions          []string
		Front, Back, Support       []supportView
		Thoughts, Feelings         []string
		Pains                      []painView
		Opps                       []string
		Metrics                    []badgeView
		Sources                    string
		StageDescription           string
		Questions                  []string
		StageMetrics               []badgeView
		StageSources               string
		stageIndex, tpIndex        int
	}
	emoView struct {
		None     bool   // nothing measured in this column
		Value    string // all customers' emotion, "" when not measured
		Mood     string // positive, neutral or negative, in words
		Personas []factView
		Lines    []emoLine // persona lines first, all customers last (on top)
		Marks    []emoLine
		Face     *faceView
	}
	emoLine  struct{ Class, Dash, D string }
	faceView struct{ Y, Mouth string }
	painView struct {
		ID                                        string
		Critical, High, Medium, Low               bool   // none set: unknown severity
		Severity                                  string // shown as written when unknown
		Financial, Productivity, Process, Support bool   // none set: unknown category
		Category                                  string // shown as written when unknown
		Title, Description, Evidence              string
		Personas                                  []string // who feel it; empty means all personas
		Detail                                    string   // the anchor of its row in the details; empty: none
		Where                                     string   // stage › touchpoint, in the details
	}
	// badgeView is one measured figure, short: "Bounce rate 62%", with its
	// target and whether it is met in words, never by colour alone.
	badgeView struct {
		Met, Missed       bool // neither: no target
		Name, Value, Goal string
	}
	supportView struct {
		Description                         string
		People, Technology, Policy, Process bool   // none set: unknown kind
		Kind, Owner                         string // Kind shown as written when unknown
	}
)

// dashes and markers tell persona curves apart without colour.
var dashes = []string{"8 4", "2 4", "12 4 2 4", "4 4", "16 6"}

// Curve geometry of one column's emotion cell, in SVG user units: the
// column is emoW wide, emotion +2 is at y = emoTop, −2 at emoTop+4*emoStep.
const (
	emoW    = 200
	emoH    = 110
	emoTop  = 12
	emoStep = 21.5
)

func emoY(e float64) float64 {
	e = math.Max(-2, math.Min(2, e))
	return emoTop + (2-e)*emoStep
}

func buildCanvas(wd *words, j *journey.Journey, names map[uuid.UUID]string, hot map[uuid.UUID]analysis.Hotspot, funnel *analytics.Result) canvasView {
	var cv canvasView
	oppsByTP, oppsByPain := map[uuid.UUID][]string{}, map[uuid.UUID][]string{}
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
	var measured map[uuid.UUID]analytics.Step
	var stageMeasured map[uuid.UUID]analytics.Step
	if funnel != nil {
		measured = make(map[uuid.UUID]analytics.Step, len(funnel.Touchpoints))
		for _, s := range funnel.Touchpoints {
			measured[s.ID] = s
		}
		stageMeasured = make(map[uuid.UUID]analytics.Step, len(funnel.Stages))
		for _, s := range funnel.Stages {
			stageMeasured[s.ID] = s
		}
	}

	var cols []colView
	var tps []*touchpoint.Touchpoint // per column; nil for an empty stage
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		stage := colView{
			Band: "b" + strconv.Itoa(si%6), Stage: s.Name, Goal: s.CustomerGoal,
			PhaseClass: "ph-" + phaseClass(s.Phase), Phase: wd.phase(string(s.Phase)), stageIndex: si,
		}
		first := len(cols)
		for ti, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			c := stage
			c.tpIndex = ti
			cv.column(wd, &c, j, t, names, oppsByTP, oppsByPain, hot, measured, funnel)
			cols = append(cols, c)
			tps = append(tps, t)
		}
		if len(cols) == first {
			c := stage
			c.Empty = true
			cols = append(cols, c)
			tps = append(tps, nil)
		}
		c := &cols[first]
		c.StageStart, c.StageID = true, "st-"+strconv.Itoa(si)
		c.StageDescription, c.Questions = s.Description, s.Questions
		c.StageMetrics, c.StageSources = badges(wd, s.Metrics)
		if st, ok := stageMeasured[s.ID]; ok && !slices.ContainsFunc(s.Metrics, func(m metric.Metric) bool { return m.Source == funnel.Source }) {
			c.StageFunnel = funnelBadges(wd, st)
		}
		cv.HasStageDetails = cv.HasStageDetails || s.Description != "" || len(s.Questions) > 0 || len(s.Metrics) > 0
	}
	for i := range cols {
		if i == 0 || cols[i].Phase != cols[i-1].Phase {
			cols[i].PhaseStart = true
		}
	}
	cv.emotion(wd, j, names, cols, tps)

	rows := 3 // phase, stage, touchpoint
	for _, has := range []bool{cv.HasEmotion, cv.HasDescription, cv.HasServed, cv.HasEvidence, cv.HasActions,
		cv.HasThoughts, cv.HasFeelings, cv.HasPains, cv.HasOpps, cv.HasMetrics, cv.HasStageDetails} {
		if has {
			rows++
		}
	}
	if cv.HasLayers || j.Type == journey.ServiceBlueprint {
		cv.HasLayers = true
		rows += 6 // three lanes, three lines
	}
	cv.Rows = rows

	for start := 0; start < len(cols); start += pageCols * sheetPages {
		var sh sheetView
		for p := start; p < min(start+pageCols*sheetPages, len(cols)); p += pageCols {
			page := pageView{Second: p != start, Cols: cols[p:min(p+pageCols, len(cols))]}
			if p > 0 {
				c := &page.Cols[0]
				c.StageCont, c.PhaseCont = !c.StageStart, !c.PhaseStart
			}
			sh.Pages = append(sh.Pages, page)
		}
		cv.Sheets = append(cv.Sheets, sh)
	}
	return cv
}

func phaseClass(p journey.Phase) string {
	switch p {
	case journey.BeforePurchase:
		return "before"
	case journey.DuringPurchase:
		return "during"
	case journey.AfterPurchase:
		return "after"
	}
	return "other"
}

// column fills c with touchpoint t.
func (cv *canvasView) column(wd *words, c *colView, j *journey.Journey, t *touchpoint.Touchpoint, names map[uuid.UUID]string,
	oppsByTP, oppsByPain map[uuid.UUID][]string, hot map[uuid.UUID]analysis.Hotspot,
	measured map[uuid.UUID]analytics.Step, funnel *analytics.Result) {
	c.ID = tpAnchor(c.stageIndex, c.tpIndex)
	c.Name, c.Owner, c.Description = t.Name, t.Owner, t.Description
	c.Icon = channelIcon(t.Channel)
	c.ChannelLabel = wd.channel(string(t.Channel))
	c.Mode = wd.mode(string(t.EffectiveMode()))
	c.Offline = t.EffectiveMode() == channel.Offline
	if t.Initiator != "" {
		c.Initiator = wd.Initiator + ": " + wd.initiator(string(t.Initiator))
	}
	if hs, ok := hot[t.ID]; ok {
		c.Hot = true
		c.Hotspot = wd.Hotspot + " " + strconv.Itoa(hs.Rank) + " · " + wd.Friction + " " + wd.friction(hs.Score)
	}
	cv.HasDescription = cv.HasDescription || t.Description != ""
	c.AllPersonas = len(t.PersonaIDs) == 0
	if len(t.PersonaIDs) > 0 {
		cv.HasServed = true
		c.Personas = make([]string, len(t.PersonaIDs))
		for i, id := range t.PersonaIDs {
			c.Personas[i] = nameOr(names, id)
		}
	}
	c.Evidence, c.Actions, c.Thoughts, c.Feelings = t.PhysicalEvidence, t.Actions, t.Thoughts, t.Feelings
	cv.HasEvidence = cv.HasEvidence || len(t.PhysicalEvidence) > 0
	cv.HasActions = cv.HasActions || len(t.Actions) > 0
	cv.HasThoughts = cv.HasThoughts || len(t.Thoughts) > 0
	cv.HasFeelings = cv.HasFeelings || len(t.Feelings) > 0

	// Each opportunity once, however many of the touchpoint's pain points
	// it addresses: the touchpoint's own first, then its pain points'.
	var opps []string
	seen := map[string]bool{}
	add := func(titles []string) {
		for _, o := range titles {
			if !seen[o] {
				seen[o] = true
				opps = append(opps, o)
			}
		}
	}
	add(oppsByTP[t.ID])
	for pi, p := range t.PainPoints {
		if p == nil {
			continue
		}
		pv := painView{
			ID:    painAnchor(c.stageIndex, c.tpIndex, pi),
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
		if pv.Description != "" || pv.Evidence != "" || len(pv.Personas) > 0 {
			pv.Detail = "pd-" + strconv.Itoa(c.stageIndex) + "-" + strconv.Itoa(c.tpIndex) + "-" + strconv.Itoa(pi)
			pv.Where = c.Stage + " › " + t.Name
			cv.details = append(cv.details, pv)
		}
		c.Pains = append(c.Pains, pv)
		add(oppsByPain[p.ID])
	}
	c.Opps = opps
	cv.HasPains = cv.HasPains || len(c.Pains) > 0
	cv.HasOpps = cv.HasOpps || len(opps) > 0

	source := ""
	if funnel != nil {
		source = funnel.Source
	}
	c.Metrics, c.Sources = badges(wd, t.Metrics)
	if st, ok := measured[t.ID]; ok && !slices.ContainsFunc(t.Metrics, func(m metric.Metric) bool { return m.Source == source }) {
		// Not laid over the journey: show the funnel's own figures.
		c.Metrics = append(c.Metrics, funnelBadges(wd, st)...)
		if c.Sources == "" {
			c.Sources = wd.Source + ": " + source
		}
	}
	cv.HasMetrics = cv.HasMetrics || len(c.Metrics) > 0

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
	cv.HasLayers = cv.HasLayers || len(t.Supports) > 0
}

// badges writes metrics as short badges and names their sources once
// ("Source: a.csv, b.csv").
func badges(wd *words, ms []metric.Metric) ([]badgeView, string) {
	if len(ms) == 0 {
		return nil, ""
	}
	out := make([]badgeView, len(ms))
	var sources []string
	// Rates are written as everywhere on the page: one decimal of a per cent.
	show := func(f float64, unit string) string {
		if unit == "%" {
			f = math.Round(10*f) / 10
		}
		return string(appendWithUnit(wd, nil, f, unit))
	}
	for i, m := range ms {
		b := badgeView{Name: m.Name, Value: show(m.Value, m.Unit)}
		if m.Target != nil {
			b.Met = m.MeetsTarget()
			b.Missed = !b.Met
			status := wd.TargetMissed
			if b.Met {
				status = wd.TargetMet
			}
			b.Goal = wd.Target + " " + show(*m.Target, m.Unit) + " · " + status
		}
		out[i] = b
		if m.Source != "" && !slices.Contains(sources, m.Source) {
			sources = append(sources, m.Source)
		}
	}
	if len(sources) == 0 {
		return out, ""
	}
	return out, wd.Source + ": " + strings.Join(sources, ", ")
}

// funnelBadges writes a measured funnel step as badges: reached, conversion
// from the previous step, drop-off and the median time from the previous step.
func funnelBadges(wd *words, s analytics.Step) []badgeView {
	out := []badgeView{
		{Name: wd.Reached, Value: wd.number(float64(s.Reached))},
		{Name: wd.Conversion, Value: wd.percent(s.ConversionFromPrevious)},
		{Name: wd.DropOff, Value: wd.percent(s.DropOffRate)},
	}
	if s.FromPrevious.Count > 0 {
		out = append(out, badgeView{Name: wd.MedianTime, Value: wd.duration(s.FromPrevious.Median)})
	}
	return out
}

// duration writes a time span for people: minutes under an hour, hours
// under two days, days beyond, with at most one decimal.
func (wd *words) duration(d time.Duration) string {
	one := func(f float64) float64 { return math.Round(10*f) / 10 }
	switch {
	case d < time.Hour:
		return string(appendWithUnit(wd, nil, one(d.Minutes()), wd.Minutes))
	case d < 48*time.Hour:
		return string(appendWithUnit(wd, nil, one(d.Hours()), wd.Hours))
	}
	return string(appendWithUnit(wd, nil, one(d.Hours()/24), wd.Days))
}

// channelIcon names the channel's icon in the page's icon set; a channel
// the set does not know gets the icon of "other" (its label is still shown).
func channelIcon(c channel.Channel) string {
	if c.Valid() {
		return "ch-" + string(c)
	}
	return "ch-other"
}

// emotion draws each column's part of the emotion curves: the line from
// halfway to the previous column through this column's point to halfway to
// the next, so the parts join into one curve across the columns (and
// across printed pages, which repeat the half-lines at their edges).
func (cv *canvasView) emotion(wd *words, j *journey.Journey, names map[uuid.UUID]string, cols []colView, tps []*touchpoint.Touchpoint) {
	n := len(cols)
	type series struct {
		ys   []float64
		ok   []bool
		line emoLine
		mark func(x, y float64) string
	}
	all := series{ys: make([]float64, n), ok: make([]bool, n), line: emoLine{Class: "l-all"}}
	for i, t := range tps {
		if t != nil && t.Emotion != nil && finite(*t.Emotion) {
			all.ys[i], all.ok[i] = *t.Emotion, true
			cv.HasEmotion = true
		}
	}
	var personas []series
	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		has := false
		for _, t := range tps {
			if t != nil {
				if _, ok := t.PersonaEmotions[p.ID]; ok {
					has = true
					break
				}
			}
		}
		if !has {
			continue
		}
		k := len(personas)
		s := series{ys: make([]float64, n), ok: make([]bool, n),
			line: emoLine{Class: "l-p" + strconv.Itoa(k%5), Dash: dashes[k%len(dashes)]}, mark: markers[k%len(markers)]}
		for i, t := range tps {
			if t == nil || !t.Serves(p.ID) {
				continue
			}
			if e, measured := t.EmotionFor(p.ID); measured && finite(e) {
				s.ys[i], s.ok[i] = e, true
				cv.HasEmotion = true
			}
		}
		personas = append(personas, s)
		cv.legend = append(cv.legend, legendView{Name: p.Name, Class: s.line.Class, Dash: s.line.Dash, Marker: s.mark(20, 6)})
	}
	if len(personas) > 0 {
		cv.legend = append([]legendView{{Name: wd.AllCustomers, Class: "l-all"}}, cv.legend...)
	}
	segment := func(s series, i int) string {
		if !s.ok[i] {
			return ""
		}
		y := emoY(s.ys[i])
		b := make([]byte, 0, 48)
		if i > 0 && s.ok[i-1] {
			b = append(b, 'M', '0', ' ')
			b = strconv.AppendFloat(b, (emoY(s.ys[i-1])+y)/2, 'f', 2, 64)
			b = append(b, " L100 "...)
		} else {
			b = append(b, "M100 "...)
		}
		b = strconv.AppendFloat(b, y, 'f', 2, 64)
		if i+1 < len(s.ys) && s.ok[i+1] {
			b = append(b, " L200 "...)
			b = strconv.AppendFloat(b, (emoY(s.ys[i+1])+y)/2, 'f', 2, 64)
		}
		return string(b)
	}
	for i := range cols {
		ev := &cols[i].Emo
		t := tps[i]
		for _, s := range personas {
			if d := segment(s, i); d != "" {
				l := s.line
				l.D = d
				ev.Lines = append(ev.Lines, l)
				ev.Marks = append(ev.Marks, emoLine{Class: "m " + s.line.Class, D: s.mark(100, emoY(s.ys[i]))})
			}
		}
		if d := segment(all, i); d != "" {
			l := all.line
			l.D = d
			ev.Lines = append(ev.Lines, l)
			e := all.ys[i]
			ev.Value = signed(wd, e)
			ev.Face = &faceView{Y: strconv.FormatFloat(emoY(e), 'f', 2, 64), Mouth: mouth(e)}
			ev.Mood = mood(wd, e)
		}
		if t != nil {
			ev.Personas = personaEmotions(wd, j, names, t)
		}
		ev.None = ev.Value == "" && len(ev.Personas) == 0
	}
}

// signed writes an emotion with its sign and at most two decimals: "+1.5",
// "0", "−2", "+0.68".
func signed(wd *words, e float64) string {
	e = math.Round(100*e) / 100
	switch {
	case e > 0:
		return "+" + wd.number(e)
	case e < 0:
		return "−" + wd.number(-e)
	}
	return wd.number(0)
}

func mood(wd *words, e float64) string {
	switch {
	case e >= 0.5:
		return wd.Positive
	case e <= -0.5:
		return wd.Negative
	}
	return wd.Neutral
}

// mouth draws the face's mouth for emotion e (the face is a circle of
// radius 10 centred on the point).
func mouth(e float64) string {
	switch {
	case e >= 0.5:
		return "M-5 2 Q0 7 5 2"
	case e <= -0.5:
		return "M-5 6 Q0 1 5 6"
	}
	return "M-5 4 H5"
}

// markers draw each persona's point with its own shape: square, triangle,
// diamond, cross, ring.
var markers = []func(x, y float64) string{
	func(x, y float64) string { return "M" + f2(x-5) + " " + f2(y-5) + "h10v10h-10z" },
	func(x, y float64) string { return "M" + f2(x) + " " + f2(y-6) + "l6 10h-12z" },
	func(x, y float64) string { return "M" + f2(x) + " " + f2(y-6) + "l6 6l-6 6l-6-6z" },
	func(x, y float64) string { return "M" + f2(x-5) + " " + f2(y-5) + "l10 10m0-10l-10 10" },
	func(x, y float64) string { return "M" + f2(x-5) + " " + f2(y) + "a5 5 0 1 0 10 0a5 5 0 1 0-10 0" },
}

func f2(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// personaEmotions lists t's per-persona emotions in persona order, then any
// id naming no persona (sorted).
func personaEmotions(wd *words, j *journey.Journey, names map[uuid.UUID]string, t *touchpoint.Touchpoint) []factView {
	if len(t.PersonaEmotions) == 0 {
		return nil
	}
	out := make([]factView, 0, len(t.PersonaEmotions))
	known := 0
	for _, p := range j.Personas {
		if p == nil {
			continue
		}
		if e, ok := t.PersonaEmotions[p.ID]; ok {
			out = append(out, factView{p.Name, signed(wd, e)})
			known++
		}
	}
	if known < len(t.PersonaEmotions) {
		for _, id := range sortedIDs(t.PersonaEmotions) {
			if _, ok := names[id]; !ok {
				out = append(out, factView{id.String(), signed(wd, t.PersonaEmotions[id])})
			}
		}
	}
	return out
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
