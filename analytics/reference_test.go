package analytics

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

// ref is the brute-force reference result: every figure computed straight
// from the definitions in the package doc, customer by customer, with no
// streaming state.
type ref struct {
	customers, events  int64
	reachedT, reachedS []int64
	prevT, startT      [][]int64 // exact durations per step
	prevS, startS      [][]int64
	tpEvents, missing  []int64
	irregular, failing []int64
	emoN, emoSum       []int64
	adhocEv, adhocFail map[string]int64
	kinds              [5]int64
	variants           map[string]int64
}

type refEvent struct {
	t       int64
	pos     int // planned position, or −1
	key     string
	failed  bool
	emotion *float64
}

func reference(j *journey.Journey, events []Event, window time.Duration) *ref {
	type tp struct {
		pos, stage int
		name       string
	}
	keys := map[string]tp{}
	var names []string
	var stageOf []int
	count := map[string]int{}
	for _, t := range j.Touchpoints() {
		count[t.Name]++
	}
	nS := 0
	for si, s := range j.Stages {
		nS++
		for _, t := range s.Touchpoints {
			x := tp{pos: len(names), stage: si, name: t.Name}
			if count[t.Name] == 1 {
				keys[t.Name] = x
			}
			keys[t.ID.String()] = x
			names = append(names, t.Name)
			stageOf = append(stageOf, si)
		}
	}
	nT := len(names)
	r := &ref{
		reachedT: make([]int64, nT), reachedS: make([]int64, nS),
		prevT: make([][]int64, nT), startT: make([][]int64, nT),
		prevS: make([][]int64, nS), startS: make([][]int64, nS),
		tpEvents: make([]int64, nT), missing: make([]int64, nT), irregular: make([]int64, nT), failing: make([]int64, nT),
		emoN: make([]int64, nT), emoSum: make([]int64, nT),
		adhocEv: map[string]int64{}, adhocFail: map[string]int64{}, variants: map[string]int64{},
	}
	byCustomer := map[string][]refEvent{}
	var order []string
	for _, e := range events {
		if _, ok := byCustomer[e.Customer]; !ok {
			order = append(order, e.Customer)
		}
		x, planned := keys[e.Touchpoint]
		pos := -1
		if planned {
			pos = x.pos
		}
		byCustomer[e.Customer] = append(byCustomer[e.Customer], refEvent{t: e.Time.UnixNano(), pos: pos, key: e.Touchpoint, failed: e.Outcome == Failed, emotion: e.Emotion})
	}
	funnel := func(seq []refEvent, step func(refEvent) int, n int, reached []int64, prev, start [][]int64) {
		t0, started := int64(0), false
		for _, e := range seq {
			if step(e) == 0 && (!started || e.t < t0) {
				t0, started = e.t, true
			}
		}
		if !started {
			return
		}
		reached[0]++
		last := t0
		for i := 1; i < n; i++ {
			best, found := int64(0), false
			for _, e := range seq {
				if step(e) == i && e.t > last && (!found || e.t < best) {
					best, found = e.t, true
				}
			}
			if !found || best-t0 > int64(window) {
				return
			}
			reached[i]++
			prev[i] = append(prev[i], best-last)
			start[i] = append(start[i], best-t0)
			last = best
		}
	}
	for _, c := range order {
		seq := byCustomer[c]
		slices.SortStableFunc(seq, func(a, b refEvent) int { return cmp.Compare(a.t, b.t) })
		r.customers++
		r.events += int64(len(seq))
		funnel(seq, func(e refEvent) int { return e.pos }, nT, r.reachedT, r.prevT, r.startT)
		funnel(seq, func(e refEvent) int {
			if e.pos < 0 {
				return -1
			}
			return stageOf[e.pos]
		}, nS, r.reachedS, r.prevS, r.startS)
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
			if e.emotion != nil {
				r.emoN[e.pos]++
				m, _ := emotionMilli(*e.emotion)
				r.emoSum[e.pos] += int64(m)
			}
			if e.failed {
				r.failing[e.pos]++
				failing[e.pos] = true
			}
			for _, before := range seq[:k] {
				if before.pos > e.pos {
					r.irregular[e.pos]++
					irregular[e.pos] = true
					break
				}
			}
		}
		for p := range nT {
			first, firstLater := len(seq), len(seq)
			for k, e := range seq {
				if e.pos == p && k < first {
					first = k
				}
				if e.pos > p && k < firstLater {
					firstLater = k
				}
			}
			if firstLater < first {
				r.missing[p]++
				missing[p] = true
			}
		}
		for p := range nT {
			if missing[p] {
				v.Missing = append(v.Missing, names[p])
			}
			if irregular[p] {
				v.Irregular = append(v.Irregular, names[p])
			}
			if failing[p] {
				v.Failing = append(v.Failing, names[p])
			}
		}
		kinds := []bool{false, v.AdHoc, len(v.Missing) > 0, len(v.Irregular) > 0, len(v.Failing) > 0}
		kinds[0] = !slices.Contains(kinds[1:], true)
		for i, k := range kinds {
			if k {
				r.kinds[i]++
			}
		}
		r.variants[englishText.pattern(&v, "")]++
	}
	return r
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

// exactQuantile is the nearest-rank quantile of exact durations.
func exactQuantile(d []int64, q float64) int64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[nearestRank(int64(len(s)), q)-1]
}

func assertSteps(t *testing.T, what string, got []Step, reached []int64, prev, start [][]int64) {
	t.Helper()
	require.Len(t, got, len(reached), what)
	for i, s := range got {
		assert.Equal(t, reached[i], s.Reached, "%s step %d reached", what, i)
		for _, x := range []struct {
			name string
			tm   Timing
			d    []int64
		}{{"from previous", s.FromPrevious, prev[i]}, {"from start", s.FromStart, start[i]}} {
			assert.Equal(t, int64(len(x.d)), x.tm.Count, "%s step %d %s count", what, i, x.name)
			assert.Equal(t, exactBuckets(x.d), nilIfEmpty(x.tm.Buckets), "%s step %d %s histogram", what, i, x.name)
			if len(x.d) > 0 {
				for _, q := range []float64{0.5, 0.9} {
					exact := exactQuantile(x.d, q)
					got := x.tm.Median
					if q == 0.9 {
						got = x.tm.P90
					}
					assert.Equal(t, bucketMid(bucketOf(exact)), int64(got), "%s step %d %s q%v", what, i, x.name, q)
					assert.InDelta(t, float64(exact), float64(got), float64(exact)/256+0.5, "error bound")
				}
			}
		}
	}
}

func nilIfEmpty(b []Bucket) []Bucket {
	if len(b) == 0 {
		return nil
	}
	return b
}

// assertMatches checks a fast-path result against the reference.
func assertMatches(t *testing.T, r *ref, got *Result) {
	t.Helper()
	assert.Equal(t, r.customers, got.Customers, "customers")
	assert.Equal(t, r.events, got.Events, "events")
	assertSteps(t, "touchpoints", got.Touchpoints, r.reachedT, r.prevT, r.startT)
	assertSteps(t, "stages", got.Stages, r.reachedS, r.prevS, r.startS)
	for i, d := range got.Deviations.Touchpoints {
		assert.Equal(t, r.tpEvents[i], d.Events, "events %d", i)
		assert.Equal(t, r.missing[i], d.Missing, "missing %d", i)
		assert.Equal(t, r.irregular[i], d.Irregular, "irregular %d", i)
		assert.Equal(t, r.failing[i], d.Failing, "failing %d", i)
		if r.emoN[i] == 0 {
			assert.Nil(t, d.Emotion)
		} else if assert.NotNil(t, d.Emotion) {
			assert.Equal(t, r.emoN[i], d.Emotion.Count)
			assert.Equal(t, r.emoSum[i], d.Emotion.SumMilli)
		}
	}
	adhoc, adhocFail := map[string]int64{}, map[string]int64{}
	for _, a := range got.Deviations.AdHoc {
		adhoc[a.Key] = a.Events
		if a.Failing > 0 {
			adhocFail[a.Key] = a.Failing
		}
	}
	assert.Equal(t, r.adhocEv, adhoc, "ad hoc events")
	assert.Equal(t, r.adhocFail, adhocFail, "ad hoc failing")
	c := got.Deviations.Customers
	assert.Equal(t, r.kinds, [5]int64{c.Conforming, c.AdHoc, c.Missing, c.Irregular, c.Failing}, "customers by kind")
	variants := map[string]int64{}
	for _, v := range got.Deviations.Variants {
		variants[v.Pattern] += v.Customers
	}
	assert.Equal(t, r.variants, variants, "variants")
}

// randomLog builds a small journey and a random event log full of the edge
// cases: equal timestamps, repeated events, events before the first step,
// customers who never start, ad-hoc touchpoints, failures, out-of-window steps.
func randomLog(rng *rand.Rand) (*journey.Journey, []Event, time.Duration) {
	j := &journey.Journey{SchemaVersion: 1, ID: uuid.New(), Title: "random", Type: journey.CurrentState}
	nT := 1 + rng.IntN(5)
	nS := 1 + rng.IntN(nT)
	for s := range nS {
		j.Stages = append(j.Stages, &journey.Stage{ID: uuid.New(), Name: fmt.Sprintf("S%d", s), Phase: journey.BeforePurchase})
	}
	for k := range nT {
		s := j.Stages[min(nS-1, k*nS/nT+rng.IntN(2))]
		s.Touchpoints = append(s.Touchpoints, &touchpoint.Touchpoint{ID: uuid.New(), Name: fmt.Sprintf("T%d", k), Channel: channel.Email})
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
			e.Outcome = Outcome(rng.IntN(3))
			if rng.IntN(3) == 0 {
				f := float64(rng.IntN(41)-20) / 10
				e.Emotion = &f
			}
			events = append(events, e)
		}
	}
	rng.Shuffle(len(events), func(a, b int) { events[a], events[b] = events[b], events[a] })
	return j, events, window
}

func timeOrdered(events []Event) []Event {
	e := slices.Clone(events)
	slices.SortStableFunc(e, func(a, b Event) int { return a.Time.Compare(b.Time) })
	return e
}

func grouped(events []Event) []Event {
	e := slices.Clone(events)
	slices.SortStableFunc(e, func(a, b Event) int { return cmp.Compare(a.Customer, b.Customer) })
	return e
}

// records resolves events; in grouped order the customer key is the rank of the id.
func records(t *testing.T, p *Plan, events []Event, order Order) []Record {
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
		if order == Grouped {
			r.Customer = rank[e.Customer]
		}
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

func TestFastPathEqualsReference(t *testing.T) {
	defer func(n, b int) { parallelMin, passTableBytes = n, b }(parallelMin, passTableBytes)
	parallelMin = 1
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 250 {
		j, events, window := randomLog(rng)
		want := reference(j, events, window)
		for _, order := range []Order{TimeOrdered, Grouped} {
			in := timeOrdered(events)
			if order == Grouped {
				in = grouped(events)
			}
			for _, workers := range []int{1, 2, 3} {
				passTableBytes = 8 << 20
				if workers == 3 {
					passTableBytes = 64 // many passes over the records
				}
				name := fmt.Sprintf("log %d order %v workers %d", iter, order, workers)
				p, err := NewPlan(j, Options{Window: window, Order: order, Workers: workers})
				require.NoError(t, err)
				got, err := p.AnalyzeSlice(in)
				require.NoError(t, err, name)
				assertMatches(t, want, got)
				fast, err := p.AnalyzeRecords(records(t, p, in, order))
				require.NoError(t, err, name)
				assertMatches(t, want, fast)
				if t.Failed() {
					t.Fatalf("%s: events %v", name, in)
				}
			}
		}
	}
}

func TestMergeOfShardsEqualsOnePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := range 200 {
		j, events, window := randomLog(rng)
		p, err := NewPlan(j, Options{Window: window})
		require.NoError(t, err)
		in := timeOrdered(events)
		whole, err := p.AnalyzeSlice(in)
		require.NoError(t, err)
		nShards := 1 + rng.IntN(4)
		shardOf := map[string]int{}
		shards := make([][]Event, nShards)
		for _, e := range in {
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
			parts = append(parts, r)
		}
		merged, err := Merge(parts...)
		require.NoError(t, err)
		require.Equal(t, canonical(t, whole), canonical(t, merged), "log %d, %d shards", iter, nShards)
	}
}
