package analytics

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// The brute-force reference: every figure computed straight from the
// definitions in the package doc, customer by customer, from whole event
// lists, with no streaming state. It builds a Result whose counts come only
// from here; derive (shared) computes the rates and quantiles, which
// assertQuantiles checks against the exact durations.

type refEvent struct {
	t       int64
	pos     int // planned position, or −1
	key     string
	failed  bool
	outcome Outcome
	emo     int16 // milli, or NoEmotion
	persona int   // 1-based, 0 none
	seg     string
}

// refPlan is the journey as the reference reads it.
type refPlan struct {
	j                        *journey.Journey
	keys                     map[string]int
	ids                      []uuid.UUID
	names, stageName         []string
	stageOf                  []int
	touchPersonas            [][]uuid.UUID
	stageIDs                 []uuid.UUID
	stageNames               []string
	personaIdx               map[string]int
	personas                 []*persona.Persona
	routeSteps               [][][]int // route → step → positions
	routeStepOf              [][]int   // route → position → step or −1
	nT, nS                   int
	window                   int64
	mode                     Mode
	segColumn                string
	anyPersona, anySegmented bool
}

func newRefPlan(j *journey.Journey, window time.Duration, mode Mode, segColumn string) *refPlan {
	rp := &refPlan{j: j, keys: map[string]int{}, personaIdx: map[string]int{}, window: int64(window), mode: mode, segColumn: segColumn}
	count := map[string]int{}
	for _, t := range j.Touchpoints() {
		count[t.Name]++
	}
	for si, s := range j.Stages {
		rp.stageIDs = append(rp.stageIDs, s.ID)
		rp.stageNames = append(rp.stageNames, s.Name)
		for _, t := range s.Touchpoints {
			pos := len(rp.names)
			if count[t.Name] == 1 {
				rp.keys[t.Name] = pos
			}
			rp.ids = append(rp.ids, t.ID)
			rp.names = append(rp.names, t.Name)
			rp.stageName = append(rp.stageName, s.Name)
			rp.stageOf = append(rp.stageOf, si)
			ps := t.PersonaIDs
			if len(ps) > 0 && !slices.ContainsFunc(j.Personas, func(p *persona.Persona) bool { return !slices.Contains(ps, p.ID) }) {
				ps = nil // names every persona: serves everyone
			}
			rp.touchPersonas = append(rp.touchPersonas, ps)
		}
	}
	for pos, id := range rp.ids {
		rp.keys[id.String()] = pos
	}
	rp.nT, rp.nS = len(rp.names), len(j.Stages)
	pn := map[string]int{}
	for _, p := range j.Personas {
		pn[p.Name]++
	}
	rp.personas = j.Personas
	for i, p := range j.Personas {
		if pn[p.Name] == 1 {
			rp.personaIdx[p.Name] = i + 1
		}
		rp.personaIdx[p.ID.String()] = i + 1
	}
	// Route 0: a touchpoint for some personas joins the step before it
	// when that step is all of the same stage, each for some personas, none
	// sharing a persona with it.
	var def [][]int
	for pos := range rp.nT {
		ps := rp.touchPersonas[pos]
		join := len(def) > 0 && len(ps) > 0
		if join {
			for _, o := range def[len(def)-1] {
				if rp.stageOf[o] != rp.stageOf[pos] || len(rp.touchPersonas[o]) == 0 {
					join = false
				}
				for _, x := range rp.touchPersonas[o] {
					if slices.Contains(ps, x) {
						join = false
					}
				}
			}
		}
		if join {
			def[len(def)-1] = append(def[len(def)-1], pos)
		} else {
			def = append(def, []int{pos})
		}
	}
	rp.routeSteps = append(rp.routeSteps, def)
	for _, p := range j.Personas {
		var steps [][]int
		for pos := range rp.nT {
			if ps := rp.touchPersonas[pos]; len(ps) == 0 || slices.Contains(ps, p.ID) {
				steps = append(steps, []int{pos})
			}
		}
		rp.routeSteps = append(rp.routeSteps, steps)
	}
	for _, steps := range rp.routeSteps {
		of := make([]int, rp.nT)
		for i := range of {
			of[i] = -1
		}
		for s, ps := range steps {
			for _, pos := range ps {
				of[pos] = s
			}
		}
		rp.routeStepOf = append(rp.routeStepOf, of)
	}
	return rp
}

// canonicalLess orders one customer's events: time, then planned before ad
// hoc by position, ad hoc by key, outcome, emotion, persona, segment.
func canonicalLess(a, b refEvent) int {
	if c := cmp.Compare(a.t, b.t); c != 0 {
		return c
	}
	switch {
	case a.pos >= 0 && b.pos >= 0 && a.pos != b.pos:
		return cmp.Compare(a.pos, b.pos)
	case a.pos >= 0 && b.pos < 0:
		return -1
	case a.pos < 0 && b.pos >= 0:
		return 1
	case a.pos < 0 && b.pos < 0 && a.key != b.key:
		return cmp.Compare(a.key, b.key)
	}
	if c := cmp.Compare(a.outcome, b.outcome); c != 0 {
		return c
	}
	if c := cmp.Compare(a.emo, b.emo); c != 0 {
		return c
	}
	if c := cmp.Compare(a.persona, b.persona); c != 0 {
		return c
	}
	return cmp.Compare(a.seg, b.seg)
}

// refFunnel is one funnel's counts per unit (touchpoint or stage).
type refFunnel struct {
	customers     int64
	reached, drop []int64
	prev, start   [][]int64
	after         []map[int]int64 // next touch (−1 none; ≥ 1000 ad hoc key index) → customers
}

func newRefFunnel(n int) *refFunnel {
	return &refFunnel{reached: make([]int64, n), drop: make([]int64, n), prev: make([][]int64, n), start: make([][]int64, n), after: make([]map[int]int64, n)}
}

// walk measures one funnel over seq: stepOf gives an event's step (−1:
// none) and unitOf the unit it reaches, units[s] the units of step s. It
// returns the index of the last reaching event and the unit credited.
func (rp *refPlan) walk(seq []refEvent, nSteps int, stepOf, unitOf func(refEvent) int, units [][]int, f *refFunnel) (last, via int) {
	reach := func(unit, step int, t, prevT, t0 int64) {
		f.reached[unit]++
		if step > 0 {
			f.prev[unit] = append(f.prev[unit], t-prevT)
			f.start[unit] = append(f.start[unit], t-t0)
		}
	}
	last, via = -1, -1
	switch rp.mode {
	case AnyOrder:
		k0 := slices.IndexFunc(seq, func(e refEvent) bool { return stepOf(e) >= 0 })
		if k0 < 0 {
			return
		}
		t0 := seq[k0].t
		firstIdx := func(s int) int {
			return slices.IndexFunc(seq, func(e refEvent) bool { return stepOf(e) == s && e.t-t0 <= rp.window })
		}
		K := -1
		var prevT int64
		for s := range nSteps {
			k := firstIdx(s)
			if k < 0 {
				return
			}
			K = max(K, k)
			unit := -1
			for _, u := range units[s] {
				if slices.ContainsFunc(seq[:K+1], func(e refEvent) bool {
					return unitOf(e) == u && stepOf(e) == s && e.t-t0 <= rp.window
				}) {
					unit = u
					break
				}
			}
			t := seq[K].t
			reach(unit, s, t, prevT, t0)
			prevT, last, via = t, K, unit
		}
		return
	default:
		k0 := slices.IndexFunc(seq, func(e refEvent) bool { return stepOf(e) == 0 })
		if k0 < 0 {
			return
		}
		t0 := seq[k0].t
		reach(unitOf(seq[k0]), 0, t0, t0, t0)
		last, via = k0, unitOf(seq[k0])
		cur, prevT := 0, t0
		for cur+1 < nSteps {
			found := -1
			for k := last + 1; k < len(seq); k++ {
				e := seq[k]
				s := stepOf(e)
				if s == cur+1 && e.t > prevT && e.t-t0 <= rp.window {
					found = k
					break
				}
				if rp.mode == StrictOrder && s >= 0 && s != cur {
					break
				}
			}
			if rp.mode == InOrder {
				// Earliest event on the next step after the previous one: the
				// first in time order, which the loop found.
				_ = found
			}
			if found < 0 {
				return
			}
			cur++
			reach(unitOf(seq[found]), cur, seq[found].t, prevT, t0)
			prevT, last, via = seq[found].t, found, unitOf(seq[found])
		}
		return
	}
}

type refResult struct {
	rp                                                  *refPlan
	customers                                           int64
	events                                              int64
	touch                                               map[[2]int]*refFunnel // (segment group, route) → touchpoint funnel
	stage                                               map[int]*refFunnel    // segment group → stage funnel
	segs                                                []string              // group → value ("" is group 0)
	tpEvents, missing, irregular, failing, emoN, emoSum []int64
	adhocEv, adhocFail                                  map[string]int64
	adhocKeys                                           []string
	kinds                                               [5]int64
	variants                                            map[string]int64
}

func reference(rp *refPlan, events []Event) *refResult {
	r := &refResult{rp: rp, touch: map[[2]int]*refFunnel{}, stage: map[int]*refFunnel{}, segs: []string{""},
		tpEvents: make([]int64, rp.nT), missing: make([]int64, rp.nT), irregular: make([]int64, rp.nT), failing: make([]int64, rp.nT),
		emoN: make([]int64, rp.nT), emoSum: make([]int64, rp.nT),
		adhocEv: map[string]int64{}, adhocFail: map[string]int64{}, variants: map[string]int64{}}
	byCustomer := map[string][]refEvent{}
	var order []string
	for _, e := range events {
		if _, ok := byCustomer[e.Customer]; !ok {
			order = append(order, e.Customer)
		}
		pos, planned := rp.keys[e.Touchpoint]
		if !planned {
			pos = -1
		}
		emo := int16(NoEmotion)
		if e.Emotion != nil {
			emo, _ = emotionMilli(*e.Emotion)
		}
		byCustomer[e.Customer] = append(byCustomer[e.Customer], refEvent{t: e.Time.UnixNano(), pos: pos, key: e.Touchpoint,
			failed: e.Outcome == Failed, outcome: e.Outcome, emo: emo, persona: rp.personaIdx[e.Persona], seg: e.Breakdown})
	}
	segIdx := map[string]int{"": 0}
	for _, c := range order {
		seq := byCustomer[c]
		slices.SortStableFunc(seq, canonicalLess)
		r.customers++
		r.events += int64(len(seq))
		route := seq[0].persona
		if route > 0 {
			rp.anyPersona = true
		}
		g, ok := segIdx[seq[0].seg]
		if !ok {
			g = len(r.segs)
			segIdx[seq[0].seg] = g
			r.segs = append(r.segs, seq[0].seg)
		}
		tf := r.touch[[2]int{g, route}]
		if tf == nil {
			tf = newRefFunnel(rp.nT)
			r.touch[[2]int{g, route}] = tf
		}
		sf := r.stage[g]
		if sf == nil {
			sf = newRefFunnel(rp.nS)
			r.stage[g] = sf
		}
		tf.customers++
		sf.customers++
		steps, stepOfPos := rp.routeSteps[route], rp.routeStepOf[route]
		tstep := func(e refEvent) int {
			if e.pos < 0 {
				return -1
			}
			return stepOfPos[e.pos]
		}
		last, via := rp.walk(seq, len(steps), tstep, func(e refEvent) int { return e.pos }, steps, tf)
		if last >= 0 && tf.reachedStep(via, steps) < len(steps)-1 {
			tf.drop[via]++
			next := -1
			for _, e := range seq[last+1:] {
				if e.pos != via {
					next = e.pos
					if e.pos < 0 {
						next = 1000 + r.adhoc(e.key)
					}
					break
				}
			}
			if tf.after[via] == nil {
				tf.after[via] = map[int]int64{}
			}
			tf.after[via][next]++
		}
		sstep := func(e refEvent) int {
			if e.pos < 0 {
				return -1
			}
			return rp.stageOf[e.pos]
		}
		var stageUnits [][]int
		for s := range rp.nS {
			stageUnits = append(stageUnits, []int{s})
		}
		if last, via := rp.walk(seq, rp.nS, sstep, sstep, stageUnits, sf); last >= 0 && via < rp.nS-1 {
			sf.drop[via]++
		}
		// Deviations.
		var v Variant
		missing, irregular, failing := map[int]bool{}, map[int]bool{}, map[int]bool{}
		for k, e := range seq {
			if e.pos < 0 {
				r.adhocEv[e.key]++
				if e.failed {
					r.adhocFail[e.key]++
				}
				v.AdHoc = true
				continue
			}
			r.tpEvents[e.pos]++
			if e.emo != NoEmotion {
				r.emoN[e.pos]++
				r.emoSum[e.pos] += int64(e.emo)
			}
			if e.failed {
				r.failing[e.pos]++
				failing[e.pos] = true
			}
			s := stepOfPos[e.pos]
			if s < 0 {
				continue
			}
			for _, before := range seq[:k] {
				if before.pos >= 0 && stepOfPos[before.pos] > s {
					r.irregular[e.pos]++
					irregular[e.pos] = true
					break
				}
			}
		}
		for q, ps := range steps {
			first := slices.IndexFunc(seq, func(e refEvent) bool { return e.pos >= 0 && stepOfPos[e.pos] == q })
			later := slices.IndexFunc(seq, func(e refEvent) bool { return e.pos >= 0 && stepOfPos[e.pos] > q })
			if later >= 0 && (first < 0 || later < first) {
				for _, pos := range ps {
					r.missing[pos]++
					missing[pos] = true
				}
			}
		}
		for p := range rp.nT {
			if missing[p] {
				v.Missing = append(v.Missing, rp.names[p])
			}
			if irregular[p] {
				v.Irregular = append(v.Irregular, rp.names[p])
			}
			if failing[p] {
				v.Failing = append(v.Failing, rp.names[p])
			}
		}
		kinds := []bool{false, v.AdHoc, len(v.Missing) > 0, len(v.Irregular) > 0, len(v.Failing) > 0}
		kinds[0] = !slices.Contains(kinds[1:], true)
		for i, k := range kinds {
			if k {
				r.kinds[i]++
			}
		}
		r.variants[i18n.English.Words().Funnel.Variant(v.Missing, v.Irregular, v.Failing, v.AdHoc)]++
	}
	rp.anySegmented = len(r.segs) > 1
	return r
}

// reachedStep is the route step of unit via.
func (f *refFunnel) reachedStep(via int, steps [][]int) int {
	for s, ps := range steps {
		if slices.Contains(ps, via) {
			return s
		}
	}
	return -1
}

func (r *refResult) adhoc(key string) int {
	if i := slices.Index(r.adhocKeys, key); i >= 0 {
		return i
	}
	r.adhocKeys = append(r.adhocKeys, key)
	return len(r.adhocKeys) - 1
}

// exactBuckets is the histogram of exact durations.
func exactBuckets(d []int64) []Bucket {
	m := map[int]int64{}
	for _, v := range d {
		m[bucketOf(v)]++
	}
	var out []Bucket
	for i, n := range m {
		out = append(out, Bucket{Index: i, Count: n})
	}
	slices.SortFunc(out, func(a, b Bucket) int { return cmp.Compare(a.Index, b.Index) })
	return out
}

// exactBins is the chart histogram of exact durations, straight from the
// definition: whole seconds s, bin 0 for s = 0, else floor(log2(s)) + 1.
func exactBins(d []int64) []int64 {
	var out []int64
	for _, v := range d {
		s := v / int64(time.Second)
		b := 0
		if s > 0 {
			b = int(math.Floor(math.Log2(float64(s)))) + 1
			for s >= int64(1)<<b { // guard the float
				b++
			}
			for b > 1 && s < int64(1)<<(b-1) {
				b--
			}
		}
		for len(out) <= b {
			out = append(out, 0)
		}
		out[b]++
	}
	return out
}

// exactQuantile is the nearest-rank quantile of exact durations.
func exactQuantile(d []int64, q float64) int64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[nearestRank(int64(len(s)), q)-1]
}

func (r *refResult) steps(fs []*refFunnel, touch bool) []Step {
	rp := r.rp
	var out []Step
	n := rp.nS
	if touch {
		n = rp.nT
	}
	for i := range n {
		var st Step
		if touch {
			st = Step{ID: rp.ids[i], Name: rp.names[i], Stage: rp.stageName[i], Personas: rp.touchPersonas[i], RouteStep: rp.routeStepOf[0][i]}
		} else {
			st = Step{ID: rp.stageIDs[i], Name: rp.stageNames[i], RouteStep: i}
		}
		var prev, start []int64
		after := map[int]int64{}
		for _, f := range fs {
			st.Reached += f.reached[i]
			st.DropOff += f.drop[i]
			prev = append(prev, f.prev[i]...)
			start = append(start, f.start[i]...)
			for k, n := range f.after[i] {
				after[k] += n
			}
		}
		st.FromPrevious = Timing{Buckets: exactBuckets(prev), Bins: exactBins(prev)}
		st.FromStart = Timing{Buckets: exactBuckets(start), Bins: exactBins(start)}
		for k, n := range after {
			nt := NextTouchpoint{Customers: n}
			switch {
			case k < 0:
				nt.None = true
			case k >= 1000:
				nt.Name, nt.AdHoc = r.adhocKeys[k-1000], true
			default:
				nt.ID, nt.Name = rp.ids[k], rp.names[k]
			}
			st.AfterDropOff = append(st.AfterDropOff, nt)
		}
		out = append(out, st)
	}
	return out
}

// result builds the Result the definitions give.
func (r *refResult) result() *Result {
	rp := r.rp
	res := &Result{JourneyID: rp.j.ID, Title: rp.j.Title, Source: "event log", Window: time.Duration(rp.window), Mode: rp.mode,
		Events: r.events, Customers: r.customers}
	var all []*refFunnel
	for _, f := range r.touch {
		all = append(all, f)
	}
	res.Touchpoints = r.steps(all, true)
	var stages []*refFunnel
	for _, f := range r.stage {
		stages = append(stages, f)
	}
	res.Stages = r.steps(stages, false)
	if rp.anyPersona {
		for route := range rp.routeSteps {
			var fs []*refFunnel
			var n int64
			for k, f := range r.touch {
				if k[1] == route {
					fs = append(fs, f)
					n += f.customers
				}
			}
			if n == 0 {
				continue
			}
			pf := PersonaFunnel{Customers: n}
			if route > 0 {
				pf.ID, pf.Name = rp.personas[route-1].ID, rp.personas[route-1].Name
			}
			for i, st := range r.steps(fs, true) {
				if s := rp.routeStepOf[route][i]; s >= 0 {
					st.RouteStep = s
					pf.Touchpoints = append(pf.Touchpoints, st)
				}
			}
			res.Personas = append(res.Personas, pf)
		}
	}
	if rp.anySegmented || rp.segColumn != "" {
		res.Breakdown = &Breakdown{Column: cmp.Or(rp.segColumn, "segment")}
		for g, v := range r.segs {
			var fs []*refFunnel
			var n int64
			for k, f := range r.touch {
				if k[0] == g {
					fs = append(fs, f)
					n += f.customers
				}
			}
			if n == 0 {
				continue
			}
			res.Breakdown.Groups = append(res.Breakdown.Groups, BreakdownGroup{Value: v, Customers: n,
				Stages: r.steps([]*refFunnel{r.stage[g]}, false), Touchpoints: r.steps(fs, true)})
		}
	}
	d := &res.Deviations
	for i := range rp.nT {
		d.Touchpoints = append(d.Touchpoints, TouchpointDeviations{ID: rp.ids[i], Name: rp.names[i], Events: r.tpEvents[i],
			Missing: r.missing[i], Irregular: r.irregular[i], Failing: r.failing[i], Emotion: emotion(r.emoN[i], r.emoSum[i])})
	}
	for k, n := range r.adhocEv {
		d.AdHoc = append(d.AdHoc, AdHocTouchpoint{Key: k, Events: n, Failing: r.adhocFail[k]})
	}
	k := r.kinds
	d.Customers = CustomerDeviations{Conforming: k[0], AdHoc: k[1], Missing: k[2], Irregular: k[3], Failing: k[4]}
	for p, n := range r.variants {
		d.Variants = append(d.Variants, Variant{Pattern: p, Customers: n})
	}
	res.derive()
	return res
}

// comparable returns the JSON of r with what the reference does not model
// normalised: variant signatures (compared by pattern), planned emotions,
// ad-hoc emotions, empty lists.
func comparable(t *testing.T, r *Result) string {
	t.Helper()
	c := r.clone()
	norm := func(steps []Step) {
		for i := range steps {
			s := &steps[i]
			s.FromPrevious.Buckets = nilIfEmpty(s.FromPrevious.Buckets)
			s.FromStart.Buckets = nilIfEmpty(s.FromStart.Buckets)
			s.FromPrevious.Bins = trimBins(s.FromPrevious.Bins)
			s.FromStart.Bins = trimBins(s.FromStart.Bins)
			if len(s.AfterDropOff) == 0 {
				s.AfterDropOff = nil
			}
			if len(s.Personas) == 0 {
				s.Personas = nil
			}
		}
	}
	norm(c.Stages)
	norm(c.Touchpoints)
	for i := range c.Personas {
		norm(c.Personas[i].Touchpoints)
	}
	if c.Breakdown != nil {
		for i := range c.Breakdown.Groups {
			norm(c.Breakdown.Groups[i].Stages)
			norm(c.Breakdown.Groups[i].Touchpoints)
		}
	}
	c.derive()
	for i := range c.Deviations.Touchpoints {
		c.Deviations.Touchpoints[i].PlannedEmotion = nil
		if e := c.Deviations.Touchpoints[i].Emotion; e != nil {
			e.Mean = 0
		}
	}
	for i := range c.Deviations.AdHoc {
		c.Deviations.AdHoc[i].Emotion = nil
	}
	for i := range c.Deviations.Variants {
		v := &c.Deviations.Variants[i]
		*v = Variant{Pattern: v.Pattern, Customers: v.Customers}
	}
	slices.SortFunc(c.Deviations.Variants, func(a, b Variant) int { return cmp.Compare(a.Pattern, b.Pattern) })
	c.BadRows = BadRows{}
	b, err := json.MarshalIndent(c, "", " ")
	require.NoError(t, err)
	return string(b)
}

func nilIfEmpty(b []Bucket) []Bucket {
	if len(b) == 0 {
		return nil
	}
	return b
}

// assertQuantiles checks the quantiles of the top-level touchpoint funnel
// against the exact durations: the midpoint of the exact value's bucket.
func assertQuantiles(t *testing.T, r *refResult, got *Result) {
	t.Helper()
	for i, s := range got.Touchpoints {
		var prev []int64
		for _, f := range r.touch {
			prev = append(prev, f.prev[i]...)
		}
		if len(prev) == 0 {
			continue
		}
		for _, q := range []struct {
			q   float64
			got time.Duration
		}{{0.5, s.FromPrevious.Median}, {0.9, s.FromPrevious.P90}, {0.95, s.FromPrevious.P95}, {0.99, s.FromPrevious.P99}} {
			exact := exactQuantile(prev, q.q)
			assert.Equal(t, bucketMid(bucketOf(exact)), int64(q.got), "step %d q%v", i, q.q)
			assert.InDelta(t, float64(exact), float64(q.got), float64(exact)/256+0.5, "error bound")
		}
	}
}

// randomLog builds a small journey and a random event log full of the edge
// cases: equal timestamps, repeated events, events before the first step,
// customers who never start, ad-hoc touchpoints, failures, out-of-window
// steps, touchpoints for some personas only, personas and breakdown values
// on the events (when withPersona, withSegment).
func randomLog(rng *rand.Rand, withPersona, withSegment bool) (*journey.Journey, []Event, time.Duration) {
	j := &journey.Journey{SchemaVersion: 1, ID: uuid.New(), Title: "random", Type: journey.CurrentState}
	for p := range rng.IntN(3) {
		j.Personas = append(j.Personas, &persona.Persona{ID: uuid.New(), Name: fmt.Sprintf("P%d", p)})
	}
	nT := 1 + rng.IntN(6)
	nS := 1 + rng.IntN(nT)
	for s := range nS {
		j.Stages = append(j.Stages, &journey.Stage{ID: uuid.New(), Name: fmt.Sprintf("S%d", s), Phase: journey.BeforePurchase})
	}
	for k := range nT {
		s := j.Stages[min(nS-1, k*nS/nT+rng.IntN(2))]
		tp := &touchpoint.Touchpoint{ID: uuid.New(), Name: fmt.Sprintf("T%d", k), Channel: channel.Email}
		if len(j.Personas) > 0 && rng.IntN(2) == 0 {
			tp.PersonaIDs = []uuid.UUID{j.Personas[rng.IntN(len(j.Personas))].ID}
		}
		s.Touchpoints = append(s.Touchpoints, tp)
	}
	var keys []string
	for _, t := range j.Touchpoints() {
		keys = append(keys, t.Name)
		if rng.IntN(3) == 0 {
			keys = append(keys, t.ID.String())
		}
	}
	keys = append(keys, "X", "Y")
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	window := time.Duration(1+rng.IntN(12)) * time.Minute
	if rng.IntN(3) == 0 {
		window = DefaultWindow
	}
	var events []Event
	for c := range rng.IntN(14) {
		id := fmt.Sprintf("cust%02d", c)
		for range rng.IntN(10) {
			e := Event{Customer: id, Touchpoint: keys[rng.IntN(len(keys))], Time: base.Add(time.Duration(rng.IntN(15)) * time.Minute)}
			if rng.IntN(4) == 0 {
				e.Time = e.Time.Add(time.Duration(rng.IntN(1000)) * time.Nanosecond)
			}
			if rng.IntN(8) == 0 {
				e.Time = e.Time.Add(time.Duration(rng.IntN(100)) * time.Hour) // long durations for the chart bins
			}
			e.Outcome = Outcome(rng.IntN(3))
			if rng.IntN(3) == 0 {
				f := float64(rng.IntN(41)-20) / 10
				e.Emotion = &f
			}
			if withPersona && len(j.Personas) > 0 && rng.IntN(4) > 0 {
				p := j.Personas[rng.IntN(len(j.Personas))]
				e.Persona = p.Name
				if rng.IntN(2) == 0 {
					e.Persona = p.ID.String()
				}
			}
			if withSegment {
				e.Breakdown = []string{"", "a", "b"}[rng.IntN(3)]
			}
			events = append(events, e)
		}
	}
	rng.Shuffle(len(events), func(a, b int) { events[a], events[b] = events[b], events[a] })
	return j, events, window
}

// canonicalOrder sorts events by time, equal times in the canonical order
// (so that a time-ordered pass sees the ties as the sorting modes take them).
func canonicalOrder(rp *refPlan, events []Event) []Event {
	e := slices.Clone(events)
	key := func(x Event) refEvent {
		pos, ok := rp.keys[x.Touchpoint]
		if !ok {
			pos = -1
		}
		emo := int16(NoEmotion)
		if x.Emotion != nil {
			emo, _ = emotionMilli(*x.Emotion)
		}
		return refEvent{t: x.Time.UnixNano(), pos: pos, key: x.Touchpoint, outcome: x.Outcome, emo: emo, persona: rp.personaIdx[x.Persona], seg: x.Breakdown}
	}
	slices.SortStableFunc(e, func(a, b Event) int { return canonicalLess(key(a), key(b)) })
	return e
}

// contiguous groups the events by customer, customers in a random order.
func contiguous(rng *rand.Rand, events []Event) []Event {
	rank := map[string]int{}
	for _, e := range events {
		if _, ok := rank[e.Customer]; !ok {
			rank[e.Customer] = rng.IntN(1000)
		}
	}
	e := slices.Clone(events)
	slices.SortStableFunc(e, func(a, b Event) int {
		return cmp.Or(cmp.Compare(rank[a.Customer], rank[b.Customer]), cmp.Compare(a.Customer, b.Customer))
	})
	return e
}

// records resolves events; the customer key is the rank of the id.
func records(t *testing.T, p *Plan, events []Event) []Record {
	rank := map[string]uint64{}
	var ids []string
	for _, e := range events {
		if _, ok := rank[e.Customer]; !ok {
			rank[e.Customer] = 0
			ids = append(ids, e.Customer)
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		rank[id] = uint64(i + 1)
	}
	var out []Record
	for _, e := range events {
		r, err := p.Resolve(e)
		require.NoError(t, err)
		r.Customer = rank[e.Customer]
		out = append(out, r)
	}
	return out
}

func canonical(t *testing.T, r *Result) string {
	t.Helper()
	c := r.clone()
	c.derive()
	for _, steps := range [][]Step{c.Stages, c.Touchpoints} {
		for i := range steps {
			steps[i].FromPrevious.Buckets = nilIfEmpty(steps[i].FromPrevious.Buckets)
			steps[i].FromStart.Buckets = nilIfEmpty(steps[i].FromStart.Buckets)
		}
	}
	b, err := json.MarshalIndent(c, "", " ")
	require.NoError(t, err)
	return string(b)
}

// TestFastPathEqualsReference: every mode, every input order (time, customer
// contiguous, shuffled in memory, shuffled and spilled), events and records,
// with routes per persona and breakdowns, equals the brute-force reference.
func TestFastPathEqualsReference(t *testing.T) {
	defer func(n, b int, f int64) { parallelMin, passTableBytes, spillSplitFloor = n, b, f }(parallelMin, passTableBytes, spillSplitFloor)
	parallelMin = 1
	rng := rand.New(rand.NewPCG(1, 2))
	tmp := t.TempDir()
	for iter := range referenceLogs {
		withPersona, withSegment := rng.IntN(2) == 0, rng.IntN(2) == 0
		j, events, window := randomLog(rng, withPersona, withSegment)
		for _, mode := range []Mode{InOrder, StrictOrder, AnyOrder} {
			segColumn := ""
			if withSegment && rng.IntN(2) == 0 {
				segColumn = "plan"
			}
			rp := newRefPlan(j, window, mode, segColumn)
			ref := reference(rp, events)
			want := comparable(t, ref.result())
			ordered := canonicalOrder(rp, events)
			type input struct {
				order  Order
				events []Event
				memory int64
			}
			inputs := []input{
				{TimeOrdered, ordered, 0},
				{CustomerContiguous, contiguous(rng, events), 0},
				{Any, events, 0},
				{Any, ordered, 0}, // the ordered copy in any order
			}
			if iter%4 == 0 {
				inputs = append(inputs, input{Any, events, 1500}) // spills; the partitions fit
			}
			if iter%40 == 0 {
				inputs = append(inputs, input{Any, events, 1}) // spills and splits every partition again
			}
			for _, in := range inputs {
				spillSplitFloor = 1 << 20
				if in.memory == 1 {
					spillSplitFloor = 0
				}
				name := fmt.Sprintf("log %d mode %v order %v memory %d", iter, mode, in.order, in.memory)
				opts := Options{Window: window, Order: in.order, Mode: mode, MemoryLimit: in.memory, TempDir: tmp, Columns: Columns{Breakdown: segColumn}}
				p, err := NewPlan(j, opts)
				require.NoError(t, err)
				before := partitionsRead.Load()
				got, err := p.AnalyzeSlice(in.events)
				require.NoError(t, err, name)
				require.Equal(t, want, comparable(t, got), name)
				if in.memory != 0 && len(ref.segs) > 0 && ref.customers > 2 {
					require.Greater(t, partitionsRead.Load(), before, "%s: spilled", name)
				}
				assertQuantiles(t, ref, got)
				if in.memory != 0 {
					continue
				}
				for _, workers := range []int{1, 3} {
					passTableBytes = 8 << 20
					if workers == 3 {
						passTableBytes = 64 // many passes over the records
					}
					opts.Workers = workers
					p, err := NewPlan(j, opts)
					require.NoError(t, err)
					fast, err := p.AnalyzeRecords(records(t, p, in.events))
					require.NoError(t, err, name)
					require.Equal(t, want, comparable(t, fast), "%s workers %d records", name, workers)
				}
			}
		}
	}
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "every spill file is removed")
}

func TestMergeOfShardsEqualsOnePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := range referenceLogs {
		j, events, window := randomLog(rng, rng.IntN(2) == 0, rng.IntN(2) == 0)
		mode := Mode(rng.IntN(3))
		p, err := NewPlan(j, Options{Window: window, Mode: mode})
		require.NoError(t, err)
		whole, err := p.AnalyzeSlice(events)
		require.NoError(t, err)
		nShards := 1 + rng.IntN(4)
		shardOf := map[string]int{}
		shards := make([][]Event, nShards)
		for _, e := range events {
			s, ok := shardOf[e.Customer]
			if !ok {
				s = rng.IntN(nShards)
				shardOf[e.Customer] = s
			}
			shards[s] = append(shards[s], e)
		}
		var parts []*Result
		for _, sh := range shards {
			r, err := p.AnalyzeSlice(sh)
			require.NoError(t, err)
			// Through JSON, as results from other machines come.
			b, err := json.Marshal(r)
			require.NoError(t, err)
			var back Result
			require.NoError(t, json.Unmarshal(b, &back))
			parts = append(parts, &back)
		}
		merged, err := Merge(parts...)
		require.NoError(t, err)
		require.Equal(t, comparable(t, whole), comparable(t, merged), "log %d, %d shards", iter, nShards)
	}
}
