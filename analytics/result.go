package analytics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
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
	// Events counts the events used (bad rows excluded).
	Events int64 `json:"events"`
	// Customers counts the distinct customers.
	Customers int64 `json:"customers"`
	// Stages is the funnel over the journey's stages.
	Stages []Step `json:"stages"`
	// Touchpoints is the funnel over the journey's touchpoints in stage order.
	Touchpoints []Step `json:"touchpoints"`
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
	// Reached counts the customers who reached the step.
	Reached int64 `json:"reached"`
	// ConversionFromPrevious is Reached over the previous step's Reached (1 for the first step).
	ConversionFromPrevious float64 `json:"conversion_from_previous"`
	// ConversionFromStart is Reached over the first step's Reached.
	ConversionFromStart float64 `json:"conversion_from_start"`
	// DropOff counts the customers who reached this step but not the next (0 for the last step).
	DropOff int64 `json:"drop_off"`
	// DropOffRate is DropOff over Reached.
	DropOffRate float64 `json:"drop_off_rate"`
	// FromPrevious is the time from the previous step to this one.
	FromPrevious Timing `json:"time_from_previous"`
	// FromStart is the time from the first step to this one.
	FromStart Timing `json:"time_from_start"`
}

// Timing summarises the durations of one step.
type Timing struct {
	// Count is the number of durations (customers who converted into the step).
	Count int64 `json:"count"`
	// Median and P90 are nearest-rank quantiles, within 0.4% (see the package doc).
	Median time.Duration `json:"median_ns"`
	P90    time.Duration `json:"p90_ns"`
	// Buckets is the duration histogram, kept for Merge.
	Buckets []Bucket `json:"buckets,omitempty"`
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
	// Missing, Irregular and Failing name the touchpoints concerned.
	Missing   []string `json:"missing,omitempty"`
	Irregular []string `json:"irregular,omitempty"`
	Failing   []string `json:"failing,omitempty"`
	// AdHoc is true when the customers met touchpoints outside the journey.
	AdHoc bool `json:"ad_hoc,omitempty"`
	// Pattern says it in words.
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

// result builds the Result of an ended accumulator.
func (a *acc) result() *Result {
	p := a.p
	r := &Result{
		JourneyID: p.journeyID, Title: p.title, Source: p.source, Window: time.Duration(p.window),
		Events: a.nEvents, Customers: a.customers, BadRows: a.bad.BadRows,
	}
	for i, s := range p.stages {
		st := Step{ID: s.id, Name: s.name, Reached: a.reachedS[i]}
		if i > 0 {
			st.FromPrevious.Buckets = sparse(a.prevS[i])
			st.FromStart.Buckets = sparse(a.startS[i])
		}
		r.Stages = append(r.Stages, st)
	}
	d := &r.Deviations
	for i, t := range p.touches {
		st := Step{ID: t.id, Name: t.name, Stage: p.stages[t.stage].name, Reached: a.reachedT[i]}
		if i > 0 {
			st.FromPrevious.Buckets = sparse(a.prevT[i])
			st.FromStart.Buckets = sparse(a.startT[i])
		}
		r.Touchpoints = append(r.Touchpoints, st)
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
				out = append(out, fmt.Sprintf("touchpoints %d+", foldPos+1))
			} else {
				out = append(out, p.touches[i].name)
			}
		}
		return out
	}
	v.Missing, v.Irregular, v.Failing = names(missShift), names(irrShift), names(failShift)
	v.Pattern = englishText.pattern(&v, "") // the fold's name is already English
	return v
}

// derive computes rates, quantiles and orders from the counts.
func (r *Result) derive() {
	deriveSteps(r.Stages)
	deriveSteps(r.Touchpoints)
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
	for i := range steps {
		s := &steps[i]
		s.ConversionFromPrevious = 1
		if i > 0 {
			s.ConversionFromPrevious = ratio(s.Reached, steps[i-1].Reached)
		}
		s.ConversionFromStart = ratio(s.Reached, steps[0].Reached)
		s.DropOff = 0
		if i+1 < len(steps) {
			s.DropOff = s.Reached - steps[i+1].Reached
		}
		s.DropOffRate = ratio(s.DropOff, s.Reached)
		s.FromPrevious.derive()
		s.FromStart.derive()
	}
}

func (t *Timing) derive() {
	t.Count = 0
	for _, b := range t.Buckets {
		t.Count += b.Count
	}
	t.Median = time.Duration(quantile(t.Buckets, 0.5))
	t.P90 = time.Duration(quantile(t.Buckets, 0.9))
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
	c.Stages = slices.Clone(r.Stages)
	c.Touchpoints = slices.Clone(r.Touchpoints)
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
	if r.JourneyID != o.JourneyID || r.Window != o.Window || !sameSteps(r.Stages, o.Stages) || !sameSteps(r.Touchpoints, o.Touchpoints) {
		return fmt.Errorf("%w: journey %s window %v and journey %s window %v", ErrMismatch, r.JourneyID, r.Window, o.JourneyID, o.Window)
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
		a[i].FromPrevious.Buckets = mergeBuckets(a[i].FromPrevious.Buckets, b[i].FromPrevious.Buckets)
		a[i].FromStart.Buckets = mergeBuckets(a[i].FromStart.Buckets, b[i].FromStart.Buckets)
	}
}
