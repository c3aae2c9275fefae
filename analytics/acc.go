package analytics

import (
	"math/bits"
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

// cstate is the state of one customer: both funnels and the deviations seen.
type cstate struct {
	key           uint64
	tStart, tLast int64 // touchpoint funnel: start and last reached times
	sStart, sLast int64 // stage funnel
	dev           uint64
	tStep, sStep  int16 // last reached step, −1 before the start
	maxPos        int16 // furthest planned touchpoint seen, −1 before any
	_             int16
}

func (s *cstate) reset(key uint64) {
	*s = cstate{key: key, tStep: -1, sStep: -1, maxPos: -1}
}

// acc accumulates one shard of customers.
type acc struct {
	p       *Plan
	nT, nS  int
	window  int64
	stageOf []int16

	reachedT, reachedS []int64
	prevT, startT      [][]int64 // dense duration histograms per touchpoint step
	prevS, startS      [][]int64 // per stage step

	// per touch index (planned and ad hoc)
	events, failed, emoSum, emoN []int64
	irregular, missing           []int64 // planned only

	customers int64
	kinds     [5]int64 // conforming, ad hoc, missing, irregular, failing
	variants  map[uint64]int64

	nEvents int64
	bad     badRows

	// grouped mode
	haveCur bool
	cur     uint64
	buf     []Record
	// time-ordered mode
	tab table
}

func newAcc(p *Plan) *acc {
	nT, nS := len(p.touches), len(p.stages)
	nb := bucketOf(p.window) + 1
	a := &acc{
		p: p, nT: nT, nS: nS, window: p.window,
		stageOf:   make([]int16, nT),
		reachedT:  make([]int64, nT),
		reachedS:  make([]int64, nS),
		prevT:     hists(nT, nb),
		startT:    hists(nT, nb),
		prevS:     hists(nS, nb),
		startS:    hists(nS, nb),
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

func hists(n, nb int) [][]int64 {
	h := make([][]int64, n)
	for i := range h {
		if i > 0 { // step 0 has no duration
			h[i] = make([]int64, nb)
		}
	}
	return h
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
	if tp >= a.nT {
		st.dev |= adhocBit
		return
	}
	if failed {
		st.dev |= posBit(tp, failShift)
	}
	if mp := int(st.maxPos); tp < mp {
		a.irregular[tp]++
		st.dev |= posBit(tp, irrShift)
	} else if tp > mp {
		for q := mp + 1; q < tp; q++ {
			a.missing[q]++
			st.dev |= posBit(q, missShift)
		}
		st.maxPos = int16(tp)
	}
	t := r.Time
	// touchpoint funnel
	if st.tStep < 0 {
		if tp == 0 {
			st.tStep, st.tStart, st.tLast = 0, t, t
			a.reachedT[0]++
		}
	} else if tp == int(st.tStep)+1 && t > st.tLast && t-st.tStart <= a.window {
		a.reachedT[tp]++
		a.prevT[tp][bucketOf(t-st.tLast)]++
		a.startT[tp][bucketOf(t-st.tStart)]++
		st.tStep++
		st.tLast = t
	}
	// stage funnel
	s := int(a.stageOf[tp])
	if st.sStep < 0 {
		if s == 0 {
			st.sStep, st.sStart, st.sLast = 0, t, t
			a.reachedS[0]++
		}
	} else if s == int(st.sStep)+1 && t > st.sLast && t-st.sStart <= a.window {
		a.reachedS[s]++
		a.prevS[s][bucketOf(t-st.sLast)]++
		a.startS[s][bucketOf(t-st.sStart)]++
		st.sStep++
		st.sLast = t
	}
}

// finish folds a customer's deviations into the totals.
func (a *acc) finish(st *cstate) {
	a.customers++
	d := st.dev
	if f := a.p.opts.OnCustomer; f != nil {
		f(CustomerReport{Key: st.key, Touchpoints: int(st.tStep) + 1, Stages: int(st.sStep) + 1, Variant: a.p.variant(d, 1)})
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

// group processes all records of one customer (any time order).
func (a *acc) group(g []Record) {
	for i := 1; i < len(g); i++ {
		if g[i].Time < g[i-1].Time {
			a.buf = append(a.buf[:0], g...)
			slices.SortStableFunc(a.buf, func(x, y Record) int {
				switch {
				case x.Time < y.Time:
					return -1
				case x.Time > y.Time:
					return 1
				}
				return 0
			})
			g = a.buf
			break
		}
	}
	var st cstate
	st.reset(g[0].Customer)
	for i := range g {
		a.event(&st, &g[i])
	}
	a.finish(&st)
}

// pushGrouped adds a record in grouped mode; the caller has checked the order.
func (a *acc) pushGrouped(r Record) {
	if a.haveCur && r.Customer == a.cur {
		a.buf = append(a.buf, r)
		return
	}
	a.flushGroup()
	a.haveCur, a.cur = true, r.Customer
	a.buf = append(a.buf[:0], r)
}

func (a *acc) flushGroup() {
	if a.haveCur && len(a.buf) > 0 {
		g := a.buf
		a.buf = nil // group may sort into a.buf
		a.group(g)
		a.buf = g[:0]
	}
	a.haveCur = false
}

// pushTime adds a record in time-ordered mode; the caller has checked the order.
func (a *acc) pushTime(r *Record) {
	a.event(a.tab.get(r.Customer), r)
}

// end finishes every customer still open.
func (a *acc) end() {
	a.flushGroup()
	for i := range a.tab.slots {
		if a.tab.slots[i].key != 0 {
			a.finish(&a.tab.slots[i])
		}
	}
	a.tab = table{expected: a.tab.expected}
}

// table is an open-addressing hash table of customer states keyed by
// customer key (0 is stored as 1). It grows by half when 85% full.
type table struct {
	slots    []cstate
	n        int
	limit    int
	expected int // customers to size for on first use
}

func (t *table) init(expected int) {
	c := 64
	if want := expected*100/80 + 1; want > c {
		c = want
	}
	t.slots = make([]cstate, c)
	t.n = 0
	t.limit = c * 85 / 100
}

func (t *table) index(key uint64) int {
	hi, _ := bits.Mul64(key*0x9e3779b97f4a7c15, uint64(len(t.slots)))
	return int(hi)
}

func (t *table) get(key uint64) *cstate {
	if key == 0 {
		key = 1
	}
	if t.slots == nil {
		t.init(t.expected)
	}
	i := t.index(key)
	for {
		s := &t.slots[i]
		if s.key == key {
			return s
		}
		if s.key == 0 {
			if t.n >= t.limit {
				t.grow()
				return t.get(key)
			}
			t.n++
			s.reset(key)
			return s
		}
		i++
		if i == len(t.slots) {
			i = 0
		}
	}
}

func (t *table) grow() {
	old := t.slots
	c := len(old) + len(old)/2
	t.slots = make([]cstate, c)
	t.limit = c * 85 / 100
	for k := range old {
		if old[k].key == 0 {
			continue
		}
		i := t.index(old[k].key)
		for t.slots[i].key != 0 {
			i++
			if i == len(t.slots) {
				i = 0
			}
		}
		t.slots[i] = old[k]
	}
}
