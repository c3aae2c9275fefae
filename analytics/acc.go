package analytics

import (
	"slices"
)

// Deviation bits of one customer: per kind, bit i is planned touchpoint i for
// i < foldPos and bit foldPos stands for every later touchpoint.
const (
	foldPos   = 20
	kindBits  = foldPos + 1
	missShift = 0
	irrShift  = kindBits
	failShift = 2 * kindBits
	adhocBit  = uint64(1) << 63
	kindMask  = uint64(1)<<kindBits - 1
)

func posBit(pos int, shift uint) uint64 {
	if pos > foldPos {
		pos = foldPos
	}
	return uint64(1) << (uint(pos) + shift)
}

// fstate is one customer's progress through one funnel (32 bytes).
type fstate struct {
	start, last int64
	seen        uint64 // any order: units (touchpoints or stages) seen
	via         int32  // unit that reached the last step
	step        int16  // last reached step, −1 before the start
	started     bool
	broken      bool // strict order: the funnel ended
}

// cstate is the state of one customer: both funnels and the deviations
// seen. The time-ordered mode keeps one per customer, so it is kept small
// (104 bytes): the customer's key is not in it (see table.keyOf).
type cstate struct {
	id      ident
	dev     uint64
	t, s    fstate
	next    int32 // first touch after the touchpoint funnel's last step (−1: none)
	seg     uint32
	maxStep int16 // furthest step of the route seen, −1 before any
	route   int16
}

// begin resets s, but for its identity, for a customer whose first event
// is r: the route and segment are the first event's.
func (s *cstate) begin(r *Record, routes int) {
	*s = cstate{id: s.id, maxStep: -1, next: -1, seg: r.Breakdown}
	s.t = fstate{step: -1, via: -1}
	s.s = s.t
	if int(r.Persona) < routes && r.Persona > 0 {
		s.route = r.Persona
	}
}

// fcount counts one funnel of one group of customers, per unit (touchpoint
// or stage).
type fcount struct {
	customers   int64
	reached     []int64
	drop        []int64
	prev, start [][]int64         // dense fine histograms, allocated on first use
	prevB       [][]int64         // chart bins of prev, likewise
	startB      [][]int64         // chart bins of start
	after       []map[int32]int64 // next touch (−1: none) → customers who dropped off here
}

func newFcount(n int) *fcount {
	return &fcount{reached: make([]int64, n), drop: make([]int64, n),
		prev: make([][]int64, n), start: make([][]int64, n), prevB: make([][]int64, n), startB: make([][]int64, n),
		after: make([]map[int32]int64, n)}
}

func addHist(h [][]int64, i, size int, idx int) {
	if h[i] == nil {
		h[i] = make([]int64, size)
	}
	h[i][idx]++
}

// acc accumulates one shard of customers.
type acc struct {
	p       *Plan
	nT, nS  int
	nR      int
	window  int64
	mode    Mode
	nb, nc  int // fine buckets and chart bins per histogram
	stageOf []int16

	tc []*fcount // touchpoint funnel per group·nR + route, allocated on first use
	sc []*fcount // stage funnel per group

	// per touch index (planned and ad hoc)
	events, failed, emoSum, emoN []int64
	irregular, missing           []int64 // planned only

	customers int64
	kinds     [5]int64 // conforming, ad hoc, missing, irregular, failing
	variants  map[uint64]int64

	nEvents int64
	bad     badRows

	// contiguous and any order: the current customer's events
	buf []Record
	// time-ordered mode
	tab table
}

func newAcc(p *Plan) *acc {
	nT, nS := len(p.touches), len(p.stages)
	a := &acc{
		p: p, nT: nT, nS: nS, nR: len(p.routes), window: p.window, mode: p.opts.Mode,
		nb: bucketOf(p.window) + 1, nc: binOf(p.window) + 1,
		stageOf:   make([]int16, nT),
		events:    make([]int64, nT),
		failed:    make([]int64, nT),
		emoSum:    make([]int64, nT),
		emoN:      make([]int64, nT),
		irregular: make([]int64, nT),
		missing:   make([]int64, nT),
		variants:  map[uint64]int64{},
		bad:       badRows{max: p.opts.MaxBadRowsReported},
	}
	for i, t := range p.touches {
		a.stageOf[i] = t.stage
	}
	a.tab.expected = p.opts.ExpectedCustomers
	return a
}

// counts returns the touchpoint and stage counters of group g and route r.
func (a *acc) counts(g uint32, r int) (*fcount, *fcount) {
	ti := int(g)*a.nR + r
	if ti >= len(a.tc) {
		a.tc = slices.Grow(a.tc, ti+1-len(a.tc))[:max(ti+1, len(a.tc))]
	}
	if int(g) >= len(a.sc) {
		a.sc = slices.Grow(a.sc, int(g)+1-len(a.sc))[:int(g)+1]
	}
	if a.tc[ti] == nil {
		a.tc[ti] = newFcount(a.nT)
	}
	if a.sc[g] == nil {
		a.sc[g] = newFcount(a.nS)
	}
	return a.tc[ti], a.sc[g]
}

// grow makes the per-touch arrays cover touch index tp.
func (a *acc) grow(tp int) {
	n := tp + 1
	if n < 2*len(a.events) {
		n = 2 * len(a.events)
	}
	a.events = slices.Grow(a.events, n-len(a.events))[:n]
	a.failed = slices.Grow(a.failed, n-len(a.failed))[:n]
	a.emoSum = slices.Grow(a.emoSum, n-len(a.emoSum))[:n]
	a.emoN = slices.Grow(a.emoN, n-len(a.emoN))[:n]
}

// reach records that funnel state f reached step at unit u at time t.
func (a *acc) reach(f *fstate, fc *fcount, u int32, step int, t int64) {
	fc.reached[u]++
	if step > 0 {
		addHist(fc.prev, int(u), a.nb, bucketOf(t-f.last))
		addHist(fc.start, int(u), a.nb, bucketOf(t-f.start))
		addHist(fc.prevB, int(u), a.nc, binOf(t-f.last))
		addHist(fc.startB, int(u), a.nc, binOf(t-f.start))
	}
	f.step = int16(step)
	f.last = t
	f.via = u
}

// advance applies an event at time t on step s (−1: not a step of this
// funnel) through unit u to funnel state f with steps units.
func (a *acc) advance(f *fstate, fc *fcount, s int, u int32, t int64, steps [][]int32) {
	if a.mode == AnyOrder {
		if s < 0 {
			return
		}
		if !f.started {
			f.started, f.start = true, t
		}
		if t-f.start > a.window {
			return
		}
		f.seen |= 1 << uint(u)
		for next := int(f.step) + 1; next < len(steps); next++ {
			hit := int32(-1)
			for _, x := range steps[next] {
				if f.seen&(1<<uint(x)) != 0 {
					hit = x
					break
				}
			}
			if hit < 0 {
				return
			}
			a.reach(f, fc, hit, next, t)
		}
		return
	}
	if f.step < 0 {
		if s == 0 {
			f.started, f.start = true, t
			a.reach(f, fc, u, 0, t)
		}
		return
	}
	if f.broken {
		return
	}
	if s == int(f.step)+1 && t > f.last && t-f.start <= a.window {
		a.reach(f, fc, u, s, t)
		return
	}
	if a.mode == StrictOrder && s >= 0 && s != int(f.step) {
		f.broken = true
	}
}

// event applies one record, in the customer's time order, to state st.
func (a *acc) event(st *cstate, r *Record) {
	a.nEvents++
	tp := int(r.Touch)
	if tp >= len(a.events) {
		a.grow(tp)
	}
	a.events[tp]++
	if r.Emotion != NoEmotion {
		a.emoSum[tp] += int64(r.Emotion)
		a.emoN[tp]++
	}
	failed := r.Outcome == Failed
	if failed {
		a.failed[tp]++
	}
	tc, sc := a.counts(st.seg, int(st.route))
	rt := &a.p.routes[st.route]
	before := st.t.step
	if tp >= a.nT {
		st.dev |= adhocBit
	} else {
		if failed {
			st.dev |= posBit(tp, failShift)
		}
		s := int(rt.stepOf[tp])
		if s >= 0 {
			if mp := int(st.maxStep); s < mp {
				a.irregular[tp]++
				st.dev |= posBit(tp, irrShift)
			} else if s > mp {
				for q := mp + 1; q < s; q++ {
					for _, x := range rt.steps[q] {
						a.missing[x]++
						st.dev |= posBit(int(x), missShift)
					}
				}
				st.maxStep = int16(s)
			}
		}
		t := r.Time
		a.advance(&st.t, tc, s, int32(tp), t, rt.steps)
		stg := int(a.stageOf[tp])
		a.advance(&st.s, sc, stg, int32(stg), t, a.p.stageSteps)
	}
	if f := &st.t; f.step != before {
		st.next = -1 // a new step: look for the next touch again
	} else if f.step >= 0 && st.next < 0 && int32(tp) != f.via {
		st.next = int32(tp)
	}
}

// finish folds a customer's funnels and deviations into the totals; key
// is called for Options.OnCustomer only.
func (a *acc) finish(st *cstate, key func() uint64) {
	a.customers++
	tc, sc := a.counts(st.seg, int(st.route))
	tc.customers++
	sc.customers++
	if f := &st.t; f.step >= 0 && int(f.step) < len(a.p.routes[st.route].steps)-1 {
		tc.drop[f.via]++
		m := tc.after[f.via]
		if m == nil {
			m = map[int32]int64{}
			tc.after[f.via] = m
		}
		m[st.next]++
	}
	if f := &st.s; f.step >= 0 && int(f.step) < a.nS-1 {
		sc.drop[f.via]++
	}
	d := st.dev
	if f := a.p.opts.OnCustomer; f != nil {
		f(CustomerReport{Key: key(), Touchpoints: int(st.t.step) + 1, Stages: int(st.s.step) + 1, Variant: a.p.variant(d, 1)})
	}
	if d == 0 {
		a.kinds[0]++
		return
	}
	if d&adhocBit != 0 {
		a.kinds[1]++
	}
	if d>>missShift&kindMask != 0 {
		a.kinds[2]++
	}
	if d>>irrShift&kindMask != 0 {
		a.kinds[3]++
	}
	if d>>failShift&kindMask != 0 {
		a.kinds[4]++
	}
	a.variants[d]++
}

// compareTies orders two records of one customer with equal times
// canonically: planned touchpoints in journey order, then ad-hoc keys in
// byte order, then outcome, emotion, persona and segment.
func (p *Plan) compareTies(x, y *Record) int {
	if x.Touch != y.Touch {
		n := int32(len(p.touches))
		switch {
		case x.Touch < n && y.Touch < n:
			return int(x.Touch) - int(y.Touch)
		case x.Touch < n:
			return -1
		case y.Touch < n:
			return 1
		}
		return compareStrings(p.adhocKey(int(x.Touch)), p.adhocKey(int(y.Touch)))
	}
	switch {
	case x.Outcome != y.Outcome:
		return int(x.Outcome) - int(y.Outcome)
	case x.Emotion != y.Emotion:
		return int(x.Emotion) - int(y.Emotion)
	case x.Persona != y.Persona:
		return int(x.Persona) - int(y.Persona)
	case x.Breakdown != y.Breakdown:
		return compareStrings(p.segment(x.Breakdown), p.segment(y.Breakdown))
	}
	return 0
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// group processes all records of one customer (any time order): sorted by
// time, equal times in canonical order (compareTies).
func (a *acc) group(g []Record) {
	sorted := true
	for i := 1; i < len(g); i++ {
		if g[i].Time < g[i-1].Time || g[i].Time == g[i-1].Time && a.p.compareTies(&g[i-1], &g[i]) > 0 {
			sorted = false
			break
		}
	}
	if !sorted {
		slices.SortStableFunc(g, func(x, y Record) int {
			switch {
			case x.Time < y.Time:
				return -1
			case x.Time > y.Time:
				return 1
			}
			return a.p.compareTies(&x, &y)
		})
	}
	var st cstate
	st.begin(&g[0], a.nR)
	for i := range g {
		a.event(&st, &g[i])
	}
	a.finish(&st, func() uint64 { return g[0].Customer })
}

// pushTime adds a record in time-ordered mode; the caller has checked the
// order. id is the customer's id, or nil when Record.Customer is the identity.
func (a *acc) pushTime(r *Record, id []byte) {
	st, added := a.tab.get(r.Customer, id)
	if added {
		st.begin(r, a.nR)
	}
	a.event(st, r)
}

// end finishes every customer still open.
func (a *acc) end() {
	for _, ch := range a.tab.states {
		for i := range ch {
			st := &ch[i]
			a.finish(st, func() uint64 { return a.tab.keyOf(st) })
		}
	}
	a.tab = table{expected: a.tab.expected}
}

// table finds the state of a customer by key and, when given, id: two ids
// with the same key get two states. The states are kept densely in chunks
// that never move; an open-addressing index of 8-byte slots (kept at most
// half full, so probes are short and touch little memory) maps a
// fingerprint of the key to them, and the identity in the state decides
// (compared in the cache line the event updates anyway).
type table struct {
	index    []fpSlot
	n        int
	states   [][]cstate
	expected int    // customers to size for on first use
	arena    []byte // ids longer than inlineID
	sink     uint32 // what warm read, kept so its loads are not removed
}

const stateChunk = 1 << 12

func (t *table) init(expected int) {
	c := 64
	for c < 2*expected {
		c *= 2
	}
	t.index = make([]fpSlot, c)
}

func (t *table) state(ref uint32) *cstate {
	i := int(ref - 1)
	return &t.states[i/stateChunk][i%stateChunk]
}

// keyOf returns the key of state s.
func (t *table) keyOf(s *cstate) uint64 { return s.id.key(t.arena) }

// get returns the state of the customer of key and id (nil: the key is the
// identity), and whether it was added (then only its identity is set: the
// caller begins it).
func (t *table) get(key uint64, id []byte) (*cstate, bool) {
	if t.index == nil {
		t.init(t.expected)
	}
	fp := fingerprint(key)
	mask := len(t.index) - 1
	for i := home(len(t.index), fp); ; i = (i + 1) & mask {
		sl := &t.index[i]
		if sl.ref == 0 {
			if 2*(t.n+1) > len(t.index) {
				t.index = growSlots(t.index, func(sl *fpSlot) (uint32, bool) { return sl.fp, sl.ref != 0 })
				return t.get(key, id)
			}
			return t.add(sl, fp, key, id), true
		}
		if sl.fp == fp {
			if s := t.state(sl.ref); s.id.is(key, id, t.arena) {
				return s, false
			}
		}
	}
}

// warm reads the index slots and states that recs will look up, so that
// their cache misses overlap (the loads are independent: the processor
// has many in flight) instead of coming one after the other as each event
// waits for its state; the events then find them in cache. It only
// reads: a slot or state of another customer read on the way is harmless.
// On 1M customers it makes applying the events 1.6-1.7 times faster.
func (t *table) warm(recs []Record) {
	if len(t.index) == 0 {
		return
	}
	var sink uint32
	for i := range recs {
		sink += t.index[home(len(t.index), fingerprint(recs[i].Customer))].ref
	}
	for i := range recs {
		if ref := t.index[home(len(t.index), fingerprint(recs[i].Customer))].ref; ref != 0 {
			s := t.state(ref)
			sink += uint32(s.id[0]) + uint32(s.seg)
		}
	}
	t.sink = sink
}

func (t *table) add(sl *fpSlot, fp uint32, key uint64, id []byte) *cstate {
	if t.n%stateChunk == 0 {
		t.states = append(t.states, make([]cstate, 0, stateChunk))
	}
	ch := &t.states[len(t.states)-1]
	*ch = append(*ch, cstate{id: makeIdent(key, id, &t.arena)})
	t.n++
	sl.fp, sl.ref = fp, uint32(t.n)
	return &(*ch)[len(*ch)-1]
}
