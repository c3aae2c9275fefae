package analytics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/i18n"
)

// Result is what happened on a journey's route. It marshals with
// encoding/json to the machine format, which keeps everything Merge needs.
type Result struct {
	// JourneyID and Title name the journey analysed.
	JourneyID uuid.UUID `json:"journey_id"`
	Title     string    `json:"journey_title"`
	// Source names the data.
	Source string `json:"source"`
	// Window is the conversion window in nanoseconds.
	Window time.Duration `json:"window_ns"`
	// Mode is the funnel order mode: "ordered", "strict" or "any".
	Mode Mode `json:"mode"`
	// Events counts the events used (bad rows excluded).
	Events int64 `json:"events"`
	// Customers counts the distinct customers.
	Customers int64 `json:"customers"`
	// Stages is the funnel over the journey's stages.
	Stages []Step `json:"stages"`
	// Touchpoints is the funnel over the journey's touchpoints in stage order.
	Touchpoints []Step `json:"touchpoints"`
	// Personas gives the touchpoint funnel of each route, when events named
	// personas: one per persona that has customers, plus the route of
	// customers without a persona (ID uuid.Nil) when there are such.
	Personas []PersonaFunnel `json:"personas,omitempty"`
	// Breakdown gives the funnels per value of the breakdown column, when
	// events carried one.
	Breakdown *Breakdown `json:"breakdown,omitempty"`
	// Deviations from the planned journey.
	Deviations Deviations `json:"deviations"`
	// BadRows counts and lists the rows that could not be used.
	BadRows BadRows `json:"bad_rows"`
}

// Step is one step of a funnel.
type Step struct {
	// ID and Name identify the stage or touchpoint.
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
	// Stage names the touchpoint's stage (touchpoint funnel only).
	Stage string `json:"stage,omitempty"`
	// Personas lists the personas the touchpoint serves (empty: every persona).
	Personas []uuid.UUID `json:"personas,omitempty"`
	// RouteStep is the step of the route the touchpoint belongs to:
	// touchpoints with the same RouteStep are alternatives (see the package
	// doc, "Routes"). For stages it is the stage's position.
	RouteStep int `json:"route_step"`
	// Reached counts the customers who reached the step.
	Reached int64 `json:"reached"`
	// ConversionFromPrevious is Reached over the Reached of the previous
	// route step, all its alternatives together (1 for the first step).
	ConversionFromPrevious float64 `json:"conversion_from_previous"`
	// ConversionFromStart is Reached over the first route step's Reached.
	ConversionFromStart float64 `json:"conversion_from_start"`
	// DropOff counts the customers whose furthest step was reached here,
	// at a step that is not the last of their route.
	DropOff int64 `json:"drop_off"`
	// DropOffRate is DropOff over Reached.
	DropOffRate float64 `json:"drop_off_rate"`
	// FromPrevious is the time from the previous step to this one.
	FromPrevious Timing `json:"time_from_previous"`
	// FromStart is the time from the first step to this one.
	FromStart Timing `json:"time_from_start"`
	// AfterDropOff says what the customers who dropped off here did next:
	// the first event after the one that reached this step on another
	// touchpoint (planned or ad hoc), or nothing, most customers first.
	// Touchpoint funnel only.
	AfterDropOff []NextTouchpoint `json:"after_drop_off,omitempty"`
}

// NextTouchpoint is what a number of dropped-off customers did next.
type NextTouchpoint struct {
	// ID identifies a planned touchpoint (uuid.Nil otherwise).
	ID uuid.UUID `json:"id,omitzero"`
	// Name is the planned touchpoint's name or the ad-hoc key; empty when
	// the customers had no further event.
	Name string `json:"name,omitempty"`
	// AdHoc is true for a touchpoint that is not in the journey.
	AdHoc bool `json:"ad_hoc,omitempty"`
	// None is true when the customers had no further event.
	None bool `json:"none,omitempty"`
	// Customers counts the customers.
	Customers int64 `json:"customers"`
}

// PersonaFunnel is the touchpoint funnel of one route.
type PersonaFunnel struct {
	// ID and Name identify the persona (uuid.Nil and "" for customers
	// without a persona, measured on the route of alternatives).
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
	// Customers counts the customers on this route.
	Customers int64 `json:"customers"`
	// Touchpoints is the funnel over the touchpoints of the route.
	Touchpoints []Step `json:"touchpoints"`
}

// Breakdown is the funnels per value of one column.
type Breakdown struct {
	// Column names the breakdown column.
	Column string `json:"column"`
	// Groups lists one funnel per value, most customers first.
	Groups []BreakdownGroup `json:"groups"`
}

// BreakdownGroup is the funnels of the customers with one breakdown value
// (a customer's value is the one on their first event; "" for none).
type BreakdownGroup struct {
	// Value is the breakdown value.
	Value string `json:"value"`
	// Customers counts the customers with it.
	Customers int64 `json:"customers"`
	// Stages and Touchpoints are their funnels.
	Stages      []Step `json:"stages"`
	Touchpoints []Step `json:"touchpoints"`
}

// Timing summarises the durations of one step.
type Timing struct {
	// Count is the number of durations (customers who converted into the step).
	Count int64 `json:"count"`
	// Median, P90, P95 and P99 are nearest-rank quantiles, within 0.4%
	// (see the package doc).
	Median time.Duration `json:"median_ns"`
	P90    time.Duration `json:"p90_ns"`
	P95    time.Duration `json:"p95_ns"`
	P99    time.Duration `json:"p99_ns"`
	// Buckets is the fine duration histogram, kept for Merge and quantiles.
	Buckets []Bucket `json:"buckets,omitempty"`
	// Bins is the histogram to draw: Bins[0] counts durations under one
	// second, Bins[k] (k ≥ 1) those of 2^(k−1) to 2^k seconds (whole
	// seconds, see the package doc). Trailing empty bins are left out.
	Bins []int64 `json:"bins,omitempty"`
}

// Deviations counts how actual journeys departed from the plan.
type Deviations struct {
	// Touchpoints lists every planned touchpoint in journey order.
	Touchpoints []TouchpointDeviations `json:"touchpoints"`
	// AdHoc lists the touchpoints met that are not in the journey, most events first.
	AdHoc []AdHocTouchpoint `json:"ad_hoc"`
	// Customers counts customers by kind of deviation.
	Customers CustomerDeviations `json:"customers"`
	// Variants lists every deviation pattern with its customers, most customers first.
	Variants []Variant `json:"variants"`
}

// TouchpointDeviations are the figures of one planned touchpoint.
type TouchpointDeviations struct {
	// ID and Name identify the touchpoint.
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
	// Events counts the events on the touchpoint.
	Events int64 `json:"events"`
	// Missing counts the customers who skipped it before reaching a later touchpoint.
	Missing int64 `json:"missing"`
	// Irregular counts the events on it after a later touchpoint.
	Irregular int64 `json:"irregular"`
	// Failing counts its events with outcome failed.
	Failing int64 `json:"failing"`
	// Emotion is the measured emotion, when events carried one.
	Emotion *Emotion `json:"emotion,omitempty"`
	// PlannedEmotion is the emotion the journey gives the touchpoint, when
	// it gives one: what the team expected, to set against Emotion.
	PlannedEmotion *float64 `json:"planned_emotion,omitempty"`
}

// AdHocTouchpoint is a touchpoint key in the data that is not in the journey.
type AdHocTouchpoint struct {
	// Key is the touchpoint key as the data spells it.
	Key string `json:"key"`
	// Events counts the events on it; Failing those with outcome failed.
	Events  int64 `json:"events"`
	Failing int64 `json:"failing"`
	// Emotion is the measured emotion, when events carried one.
	Emotion *Emotion `json:"emotion,omitempty"`
}

// Emotion is the emotion measured on a touchpoint's events.
type Emotion struct {
	// Count of events with an emotion, and the sum of their emotions in
	// thousandths (exact to merge).
	Count    int64 `json:"count"`
	SumMilli int64 `json:"sum_milli"`
	// Mean emotion, −2..2.
	Mean float64 `json:"mean"`
}

// CustomerDeviations counts customers by the kinds of deviation in their journey.
type CustomerDeviations struct {
	// Conforming customers had no deviation at all.
	Conforming int64 `json:"conforming"`
	// AdHoc, Missing, Irregular and Failing count the customers with at
	// least one deviation of that kind (a customer can be in several).
	AdHoc     int64 `json:"ad_hoc"`
	Missing   int64 `json:"missing"`
	Irregular int64 `json:"irregular"`
	Failing   int64 `json:"failing"`
}

// Variant is a deviation pattern shared by a number of customers.
type Variant struct {
	// Signature identifies the pattern within a plan.
	Signature uint64 `json:"signature,string"`
	// Customers counts the customers with this pattern.
	Customers int64 `json:"customers"`
	// Missing, Irregular and Failing name the touchpoints concerned; the
	// touchpoints past the 20th are counted as one, "touchpoints 21+".
	Missing   []string `json:"missing,omitempty"`
	Irregular []string `json:"irregular,omitempty"`
	Failing   []string `json:"failing,omitempty"`
	// AdHoc is true when the customers met touchpoints outside the journey.
	AdHoc bool `json:"ad_hoc,omitempty"`
	// Pattern says it in English words, for logs and machines
	// ("missing t2; ad hoc"); Result.WriteText says it in the reader's
	// language.
	Pattern string `json:"pattern"`
}

// BadRows counts and lists rows that could not be used.
type BadRows struct {
	// Count is the number of bad rows.
	Count int64 `json:"count"`
	// Rows lists the first of them by line (Options.MaxBadRowsReported).
	Rows []BadRow `json:"rows,omitempty"`
	// Reasons counts all of them by reason, most frequent first.
	Reasons []ReasonCount `json:"reasons,omitempty"`
}

// BadRow is one row that could not be used.
type BadRow struct {
	// Line is where the row is (see RowError.Line).
	Line int64 `json:"line"`
	// Field is the column concerned, or empty for the whole row.
	Field string `json:"field,omitempty"`
	// Reason is what is wrong, as a code.
	Reason Reason `json:"reason,omitempty"`
	// Message says what is wrong.
	Message string `json:"message"`
}

type badRows struct {
	max int
	BadRows
}

func (b *badRows) add(e *RowError) {
	b.Count++
	b.Reasons = addReason(b.Reasons, reasonOf(e), 1)
	if len(b.Rows) < b.max {
		b.Rows = append(b.Rows, BadRow{Line: e.Line, Field: e.Field, Reason: reasonOf(e), Message: e.Err.Error()})
	}
}

// touchSteps builds the touchpoint steps of counts fc (all touchpoints in
// journey order, RouteStep from the route of alternatives).
func (a *acc) touchSteps(fc *fcount) []Step {
	p := a.p
	out := make([]Step, 0, a.nT)
	for i, t := range p.touches {
		st := Step{ID: t.id, Name: t.name, Stage: p.stages[t.stage].name, Personas: t.personas,
			RouteStep: int(p.routes[0].stepOf[i])}
		a.fillStep(&st, fc, i)
		out = append(out, st)
	}
	return out
}

func (a *acc) stageSteps(fc *fcount) []Step {
	out := make([]Step, 0, a.nS)
	for i, s := range a.p.stages {
		st := Step{ID: s.id, Name: s.name, RouteStep: i}
		a.fillStep(&st, fc, i)
		out = append(out, st)
	}
	return out
}

func (a *acc) fillStep(st *Step, fc *fcount, i int) {
	if fc == nil {
		return
	}
	st.Reached, st.DropOff = fc.reached[i], fc.drop[i]
	st.FromPrevious.Buckets, st.FromPrevious.Bins = sparse(fc.prev[i]), trimBins(fc.prevB[i])
	st.FromStart.Buckets, st.FromStart.Bins = sparse(fc.start[i]), trimBins(fc.startB[i])
	for next, n := range fc.after[i] {
		nt := NextTouchpoint{Customers: n}
		switch {
		case next < 0:
			nt.None = true
		case int(next) < a.nT:
			nt.ID, nt.Name = a.p.touches[next].id, a.p.touches[next].name
		default:
			nt.Name, nt.AdHoc = a.p.adhocKey(int(next)), true
		}
		st.AfterDropOff = append(st.AfterDropOff, nt)
	}
}

// sumSteps adds step lists of the same shape.
func sumSteps(lists [][]Step) []Step {
	out := cloneSteps(lists[0])
	for _, l := range lists[1:] {
		addSteps(out, l)
	}
	return out
}

// result builds the Result of an ended accumulator.
func (a *acc) result() *Result {
	p := a.p
	r := &Result{
		JourneyID: p.journeyID, Title: p.title, Source: p.source, Window: time.Duration(p.window), Mode: p.opts.Mode,
		Events: a.nEvents, Customers: a.customers, BadRows: a.bad.BadRows,
	}
	// Touchpoint steps per group and route, then the sums.
	var all, stages [][]Step
	perRoute := make([][][]Step, a.nR)
	routeCust := make([]int64, a.nR)
	nG := len(a.sc)
	perGroup := make([][][]Step, nG)
	groupCust := make([]int64, nG)
	for k, fc := range a.tc {
		if fc == nil {
			continue
		}
		g, rt := k/a.nR, k%a.nR
		steps := a.touchSteps(fc)
		all = append(all, steps)
		perRoute[rt] = append(perRoute[rt], steps)
		routeCust[rt] += fc.customers
		perGroup[g] = append(perGroup[g], steps)
		groupCust[g] += fc.customers
	}
	for _, fc := range a.sc {
		if fc != nil {
			stages = append(stages, a.stageSteps(fc))
		}
	}
	if len(all) == 0 {
		all = append(all, a.touchSteps(nil))
	}
	if len(stages) == 0 {
		stages = append(stages, a.stageSteps(nil))
	}
	r.Touchpoints = sumSteps(all)
	r.Stages = sumSteps(stages)
	withPersona := false
	for rt := 1; rt < a.nR; rt++ {
		withPersona = withPersona || routeCust[rt] > 0
	}
	if withPersona {
		for rt := range a.nR {
			if routeCust[rt] == 0 {
				continue
			}
			pf := PersonaFunnel{Customers: routeCust[rt]}
			if rt > 0 {
				pf.ID, pf.Name = p.personas[rt-1].id, p.personas[rt-1].name
			}
			sum := sumSteps(perRoute[rt])
			for i := range sum {
				if s := p.routes[rt].stepOf[i]; s >= 0 {
					sum[i].RouteStep = int(s)
					pf.Touchpoints = append(pf.Touchpoints, sum[i])
				}
			}
			r.Personas = append(r.Personas, pf)
		}
	}
	if nG > 1 || p.opts.Columns.Breakdown != "" {
		col := p.opts.Columns.Breakdown
		if col == "" {
			col = "segment"
		}
		r.Breakdown = &Breakdown{Column: col}
		for g := range nG {
			if groupCust[g] == 0 || a.sc[g] == nil {
				continue
			}
			r.Breakdown.Groups = append(r.Breakdown.Groups, BreakdownGroup{
				Value: p.segment(uint32(g)), Customers: groupCust[g],
				Stages: a.stageSteps(a.sc[g]), Touchpoints: sumSteps(perGroup[g]),
			})
		}
	}
	d := &r.Deviations
	for i, t := range p.touches {
		d.Touchpoints = append(d.Touchpoints, TouchpointDeviations{
			ID: t.id, Name: t.name, Events: a.events[i], Missing: a.missing[i],
			Irregular: a.irregular[i], Failing: a.failed[i], Emotion: emotion(a.emoN[i], a.emoSum[i]),
			PlannedEmotion: copyFloat(t.emotion),
		})
	}
	for i := a.nT; i < len(a.events); i++ {
		if a.events[i] == 0 {
			continue
		}
		d.AdHoc = append(d.AdHoc, AdHocTouchpoint{Key: p.adhocKey(i), Events: a.events[i], Failing: a.failed[i], Emotion: emotion(a.emoN[i], a.emoSum[i])})
	}
	k := a.kinds
	d.Customers = CustomerDeviations{Conforming: k[0], AdHoc: k[1], Missing: k[2], Irregular: k[3], Failing: k[4]}
	if k[0] > 0 {
		a.variants[0] += k[0]
	}
	for sig, n := range a.variants {
		d.Variants = append(d.Variants, p.variant(sig, n))
	}
	r.derive()
	return r
}

func emotion(n, sum int64) *Emotion {
	if n == 0 {
		return nil
	}
	return &Emotion{Count: n, SumMilli: sum}
}

// variant describes signature sig.
func (p *Plan) variant(sig uint64, n int64) Variant {
	v := Variant{Signature: sig, Customers: n, AdHoc: sig&adhocBit != 0}
	names := func(shift uint) []string {
		var out []string
		m := sig >> shift & kindMask
		for i := 0; i <= foldPos && i < len(p.touches); i++ {
			if m&(1<<uint(i)) == 0 {
				continue
			}
			if i == foldPos {
				out = append(out, foldedName())
			} else {
				out = append(out, p.touches[i].name)
			}
		}
		return out
	}
	v.Missing, v.Irregular, v.Failing = names(missShift), names(irrShift), names(failShift)
	v.Pattern = i18n.English.Words().Funnel.Variant(v.Missing, v.Irregular, v.Failing, v.AdHoc)
	return v
}

// derive computes rates, quantiles and orders from the counts.
func (r *Result) derive() {
	deriveSteps(r.Stages)
	deriveSteps(r.Touchpoints)
	for i := range r.Personas {
		deriveSteps(r.Personas[i].Touchpoints)
	}
	if b := r.Breakdown; b != nil {
		for i := range b.Groups {
			deriveSteps(b.Groups[i].Stages)
			deriveSteps(b.Groups[i].Touchpoints)
		}
		slices.SortFunc(b.Groups, func(x, y BreakdownGroup) int {
			if c := cmp.Compare(y.Customers, x.Customers); c != 0 {
				return c
			}
			return strings.Compare(x.Value, y.Value)
		})
	}
	slices.SortFunc(r.Personas, func(x, y PersonaFunnel) int {
		return strings.Compare(x.ID.String(), y.ID.String())
	})
	d := &r.Deviations
	for i := range d.Touchpoints {
		d.Touchpoints[i].Emotion.derive()
	}
	for i := range d.AdHoc {
		d.AdHoc[i].Emotion.derive()
	}
	slices.SortFunc(d.AdHoc, func(a, b AdHocTouchpoint) int {
		if c := cmp.Compare(b.Events, a.Events); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	slices.SortFunc(d.Variants, func(a, b Variant) int {
		if c := cmp.Compare(b.Customers, a.Customers); c != 0 {
			return c
		}
		return cmp.Compare(a.Signature, b.Signature)
	})
	slices.SortStableFunc(r.BadRows.Rows, func(a, b BadRow) int { return cmp.Compare(a.Line, b.Line) })
	sortReasons(r.BadRows.Reasons)
}

func (e *Emotion) derive() {
	if e != nil && e.Count > 0 {
		e.Mean = float64(e.SumMilli) / float64(e.Count) / 1000
	}
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func deriveSteps(steps []Step) {
	// Reached per route step (alternatives together).
	var perStep []int64
	for _, s := range steps {
		for len(perStep) <= s.RouteStep {
			perStep = append(perStep, 0)
		}
		perStep[s.RouteStep] += s.Reached
	}
	for i := range steps {
		s := &steps[i]
		s.ConversionFromPrevious = 1
		if s.RouteStep > 0 {
			s.ConversionFromPrevious = ratio(s.Reached, perStep[s.RouteStep-1])
		}
		if len(perStep) > 0 {
			s.ConversionFromStart = ratio(s.Reached, perStep[0])
		}
		s.DropOffRate = ratio(s.DropOff, s.Reached)
		s.FromPrevious.derive()
		s.FromStart.derive()
		slices.SortFunc(s.AfterDropOff, func(x, y NextTouchpoint) int {
			if c := cmp.Compare(y.Customers, x.Customers); c != 0 {
				return c
			}
			return nextKey(x).compare(nextKey(y))
		})
	}
}

type nkey struct {
	none, adhoc bool
	id          uuid.UUID
	name        string
}

func nextKey(n NextTouchpoint) nkey { return nkey{n.None, n.AdHoc, n.ID, n.Name} }

func (k nkey) compare(o nkey) int {
	b := func(x bool) int {
		if x {
			return 1
		}
		return 0
	}
	if c := cmp.Compare(b(k.none), b(o.none)); c != 0 {
		return c
	}
	if c := cmp.Compare(b(k.adhoc), b(o.adhoc)); c != 0 {
		return c
	}
	if c := strings.Compare(k.name, o.name); c != 0 {
		return c
	}
	return strings.Compare(k.id.String(), o.id.String())
}

func (t *Timing) derive() {
	t.Count = 0
	for _, b := range t.Buckets {
		t.Count += b.Count
	}
	t.Median = time.Duration(quantile(t.Buckets, 0.5))
	t.P90 = time.Duration(quantile(t.Buckets, 0.9))
	t.P95 = time.Duration(quantile(t.Buckets, 0.95))
	t.P99 = time.Duration(quantile(t.Buckets, 0.99))
}

// Merge combines results computed with the same plan on disjoint sets of
// customers into one, exactly as if all events had been analysed in one
// pass. It fails with ErrMismatch when the journeys, steps or windows differ.
// The inputs are not modified.
func Merge(results ...*Result) (*Result, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("%w: nothing to merge", ErrMismatch)
	}
	out := results[0].clone()
	for _, o := range results[1:] {
		if err := out.add(o); err != nil {
			return nil, err
		}
	}
	out.derive()
	return out, nil
}

// copyFloat returns a pointer to a copy of *f, or nil.
func copyFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	v := *f
	return &v
}

func (r *Result) clone() *Result {
	c := *r
	c.Stages = cloneSteps(r.Stages)
	c.Touchpoints = cloneSteps(r.Touchpoints)
	c.Personas = slices.Clone(r.Personas)
	for i := range c.Personas {
		c.Personas[i].Touchpoints = cloneSteps(c.Personas[i].Touchpoints)
	}
	if r.Breakdown != nil {
		b := *r.Breakdown
		b.Groups = slices.Clone(b.Groups)
		for i := range b.Groups {
			b.Groups[i].Stages = cloneSteps(b.Groups[i].Stages)
			b.Groups[i].Touchpoints = cloneSteps(b.Groups[i].Touchpoints)
		}
		c.Breakdown = &b
	}
	c.Deviations.Touchpoints = slices.Clone(r.Deviations.Touchpoints)
	for i, t := range c.Deviations.Touchpoints {
		if t.Emotion != nil {
			e := *t.Emotion
			c.Deviations.Touchpoints[i].Emotion = &e
		}
		c.Deviations.Touchpoints[i].PlannedEmotion = copyFloat(t.PlannedEmotion)
	}
	c.Deviations.AdHoc = slices.Clone(r.Deviations.AdHoc)
	for i, t := range c.Deviations.AdHoc {
		if t.Emotion != nil {
			e := *t.Emotion
			c.Deviations.AdHoc[i].Emotion = &e
		}
	}
	c.Deviations.Variants = slices.Clone(r.Deviations.Variants)
	c.BadRows.Rows = slices.Clone(r.BadRows.Rows)
	c.BadRows.Reasons = slices.Clone(r.BadRows.Reasons)
	return &c
}

// cloneSteps copies steps deeply enough for add to change the copy only.
func cloneSteps(steps []Step) []Step {
	out := slices.Clone(steps)
	for i := range out {
		s := &out[i]
		s.FromPrevious.Buckets = slices.Clone(s.FromPrevious.Buckets)
		s.FromStart.Buckets = slices.Clone(s.FromStart.Buckets)
		s.FromPrevious.Bins = slices.Clone(s.FromPrevious.Bins)
		s.FromStart.Bins = slices.Clone(s.FromStart.Bins)
		s.AfterDropOff = slices.Clone(s.AfterDropOff)
		s.Personas = slices.Clone(s.Personas)
	}
	return out
}

func sameSteps(a, b []Step) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			return false
		}
	}
	return true
}

func addEmotion(a *Emotion, b *Emotion) *Emotion {
	if b == nil {
		return a
	}
	if a == nil {
		e := *b
		return &e
	}
	a.Count += b.Count
	a.SumMilli += b.SumMilli
	return a
}

// add adds o's counts to r (derived figures are stale until derive).
func (r *Result) add(o *Result) error {
	if r.JourneyID != o.JourneyID || r.Window != o.Window || r.Mode != o.Mode || !sameSteps(r.Stages, o.Stages) || !sameSteps(r.Touchpoints, o.Touchpoints) {
		return fmt.Errorf("%w: journey %s window %v mode %v and journey %s window %v mode %v", ErrMismatch, r.JourneyID, r.Window, r.Mode, o.JourneyID, o.Window, o.Mode)
	}
	if err := r.addPersonas(o); err != nil {
		return err
	}
	if err := r.addBreakdown(o); err != nil {
		return err
	}
	if r.Source != o.Source && o.Source != "" {
		r.Source = r.Source + ", " + o.Source
	}
	r.Events += o.Events
	r.Customers += o.Customers
	addSteps(r.Stages, o.Stages)
	addSteps(r.Touchpoints, o.Touchpoints)
	d, od := &r.Deviations, &o.Deviations
	for i := range d.Touchpoints {
		t, ot := &d.Touchpoints[i], &od.Touchpoints[i]
		t.Events += ot.Events
		t.Missing += ot.Missing
		t.Irregular += ot.Irregular
		t.Failing += ot.Failing
		t.Emotion = addEmotion(t.Emotion, ot.Emotion)
	}
	adhoc := map[string]int{}
	for i, a := range d.AdHoc {
		adhoc[a.Key] = i
	}
	for _, oa := range od.AdHoc {
		i, ok := adhoc[oa.Key]
		if !ok {
			oa.Emotion = addEmotion(nil, oa.Emotion)
			d.AdHoc = append(d.AdHoc, oa)
			continue
		}
		a := &d.AdHoc[i]
		a.Events += oa.Events
		a.Failing += oa.Failing
		a.Emotion = addEmotion(a.Emotion, oa.Emotion)
	}
	c, oc := &d.Customers, od.Customers
	c.Conforming += oc.Conforming
	c.AdHoc += oc.AdHoc
	c.Missing += oc.Missing
	c.Irregular += oc.Irregular
	c.Failing += oc.Failing
	vs := map[uint64]int{}
	for i, v := range d.Variants {
		vs[v.Signature] = i
	}
	for _, ov := range od.Variants {
		if i, ok := vs[ov.Signature]; ok {
			d.Variants[i].Customers += ov.Customers
		} else {
			d.Variants = append(d.Variants, ov)
		}
	}
	r.BadRows.Count += o.BadRows.Count
	r.BadRows.Rows = append(r.BadRows.Rows, o.BadRows.Rows...)
	for _, rc := range o.BadRows.Reasons {
		r.BadRows.Reasons = addReason(r.BadRows.Reasons, rc.Reason, rc.Count)
	}
	return nil
}

func addSteps(a, b []Step) {
	for i := range a {
		a[i].Reached += b[i].Reached
		a[i].DropOff += b[i].DropOff
		a[i].FromPrevious.Buckets = mergeBuckets(a[i].FromPrevious.Buckets, b[i].FromPrevious.Buckets)
		a[i].FromStart.Buckets = mergeBuckets(a[i].FromStart.Buckets, b[i].FromStart.Buckets)
		a[i].FromPrevious.Bins = addBins(a[i].FromPrevious.Bins, b[i].FromPrevious.Bins)
		a[i].FromStart.Bins = addBins(a[i].FromStart.Bins, b[i].FromStart.Bins)
		a[i].AfterDropOff = addNext(a[i].AfterDropOff, b[i].AfterDropOff)
	}
}

func addNext(a, b []NextTouchpoint) []NextTouchpoint {
	for _, n := range b {
		k := nextKey(n)
		found := false
		for i := range a {
			if nextKey(a[i]) == k {
				a[i].Customers += n.Customers
				found = true
				break
			}
		}
		if !found {
			a = append(a, n)
		}
	}
	return a
}

// personasOf returns r.Personas, or for a result without them (every
// customer without a persona) the one route of customers without a persona.
func (r *Result) personasOf() []PersonaFunnel {
	if r.Personas != nil || r.Customers == 0 {
		return r.Personas
	}
	return []PersonaFunnel{{Customers: r.Customers, Touchpoints: cloneSteps(r.Touchpoints)}}
}

func (r *Result) addPersonas(o *Result) error {
	if o.Personas == nil && r.Personas == nil {
		return nil
	}
	// r's own funnels are still its own: add has not touched them yet.
	r.Personas = r.personasOf()
	for _, op := range o.personasOf() {
		i := slices.IndexFunc(r.Personas, func(p PersonaFunnel) bool { return p.ID == op.ID })
		if i < 0 {
			op.Touchpoints = cloneSteps(op.Touchpoints)
			r.Personas = append(r.Personas, op)
			continue
		}
		p := &r.Personas[i]
		if !sameSteps(p.Touchpoints, op.Touchpoints) {
			return fmt.Errorf("%w: persona %s has different routes", ErrMismatch, op.ID)
		}
		p.Customers += op.Customers
		addSteps(p.Touchpoints, op.Touchpoints)
	}
	return nil
}

// breakdownOf returns r.Breakdown, or for a result without one (every
// customer without a value) the one group of the empty value.
func (r *Result) breakdownOf(column string) *Breakdown {
	if r.Breakdown != nil {
		return r.Breakdown
	}
	b := &Breakdown{Column: column}
	if r.Customers > 0 {
		b.Groups = []BreakdownGroup{{Customers: r.Customers, Stages: cloneSteps(r.Stages), Touchpoints: cloneSteps(r.Touchpoints)}}
	}
	return b
}

func (r *Result) addBreakdown(o *Result) error {
	if o.Breakdown == nil && r.Breakdown == nil {
		return nil
	}
	if r.Breakdown == nil {
		r.Breakdown = r.breakdownOf(o.Breakdown.Column)
	}
	ob := o.breakdownOf(r.Breakdown.Column)
	if r.Breakdown.Column != ob.Column {
		return fmt.Errorf("%w: breakdown by %q and by %q", ErrMismatch, r.Breakdown.Column, ob.Column)
	}
	for _, og := range ob.Groups {
		i := slices.IndexFunc(r.Breakdown.Groups, func(g BreakdownGroup) bool { return g.Value == og.Value })
		if i < 0 {
			og.Stages, og.Touchpoints = cloneSteps(og.Stages), cloneSteps(og.Touchpoints)
			r.Breakdown.Groups = append(r.Breakdown.Groups, og)
			continue
		}
		g := &r.Breakdown.Groups[i]
		g.Customers += og.Customers
		addSteps(g.Stages, og.Stages)
		addSteps(g.Touchpoints, og.Touchpoints)
	}
	return nil
}
