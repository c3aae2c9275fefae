package analytics

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"math/bits"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/journeymap/journeymap/internal/safetext"
)

// parallelMin is the number of records below which one goroutine does all
// (a variable so tests can exercise the parallel paths on small inputs).
var parallelMin = 1 << 16

// sequencer checks the input order and feeds one accumulator.
type sequencer struct {
	a       *acc
	p       *Plan
	order   Order
	fatal   bool
	maxTime int64
	n       int64
	// customer-contiguous order
	started  bool
	prevCust []byte
	done     hashSet // keyed hashes of the customers already finished
	seed     maphash.Seed
	keyBuf   [8]byte
	// any order
	any *anyBuf
	// time order with several workers
	shards *timeShards
}

func newSequencer(p *Plan) *sequencer {
	s := &sequencer{a: newAcc(p), p: p, order: p.opts.Order, fatal: p.opts.BadRows == Fatal, maxTime: math.MinInt64}
	switch s.order {
	case CustomerContiguous:
		s.seed = maphash.MakeSeed()
	case Any:
		s.any = newAnyBuf(p, p.opts.MemoryLimit)
	case TimeOrdered:
		if p.opts.Workers > 1 {
			s.shards = newTimeShards(p, p.opts.Workers)
		}
	}
	return s
}

// bad handles a bad row: counted, or returned when fatal.
func (s *sequencer) bad(e *RowError) error {
	if s.fatal {
		return e
	}
	s.a.bad.add(e)
	return nil
}

// stop returns the context's error once it is cancelled.
func (s *sequencer) stop() error {
	if ctx := s.p.opts.Context; ctx != nil {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("analytics: %w", err)
		}
	}
	return nil
}

// push adds record r of customer cust (nil when Record.Customer is the
// identity) found at line.
func (s *sequencer) push(r Record, cust []byte, line int64) error {
	s.n++
	if r.Persona < 0 || int(r.Persona) >= len(s.p.routes) {
		return s.bad(&RowError{Line: line, Field: s.p.opts.Columns.Persona, Err: fmt.Errorf("persona index %d is not a persona of the journey", r.Persona)})
	}
	if s.n&4095 == 0 {
		if err := s.stop(); err != nil {
			return err
		}
	}
	switch s.order {
	case CustomerContiguous:
		return s.pushContiguous(r, cust, line)
	case Any:
		return s.any.add(r, cust)
	}
	if r.Time < s.maxTime {
		return s.bad(&RowError{Line: line, Field: "time", Reason: ReasonOutOfOrder, Err: fmt.Errorf("event at %s is before an earlier event at %s (time-ordered input; use any order)",
			fmtTime(r.Time), fmtTime(s.maxTime))})
	}
	s.maxTime = r.Time
	if s.shards != nil {
		s.shards.add(&r, cust)
		return nil
	}
	s.a.pushTime(&r, cust)
	return nil
}

// pushContiguous adds a record in customer-contiguous order. A customer who
// comes back after another customer makes the input not contiguous.
func (s *sequencer) pushContiguous(r Record, cust []byte, line int64) error {
	if cust == nil {
		cust = keyID(s.keyBuf[:0], r.Customer)
	}
	if s.started && bytes.Equal(cust, s.prevCust) {
		s.a.buf = append(s.a.buf, r)
		return nil
	}
	s.flushContiguous()
	h := maphash.Bytes(s.seed, cust) | 1
	if s.done.has(h) {
		return &RowError{Line: line, Field: s.p.opts.Columns.Customer, Err: fmt.Errorf("%w: customer %s comes back after other customers (use any order)", ErrNotGrouped, safetext.Quote(string(cust)))}
	}
	s.started = true
	s.prevCust = append(s.prevCust[:0], cust...)
	s.a.buf = append(s.a.buf[:0], r)
	return nil
}

// flushContiguous finishes the current customer.
func (s *sequencer) flushContiguous() {
	if !s.started || len(s.a.buf) == 0 {
		return
	}
	s.done.add(maphash.Bytes(s.seed, s.prevCust) | 1)
	s.a.group(s.a.buf)
	s.a.buf = s.a.buf[:0]
}

func fmtTime(ns int64) string { return time.Unix(0, ns).UTC().Format(time.RFC3339Nano) }

// result ends the input and returns the Result.
func (s *sequencer) result() (*Result, error) {
	switch s.order {
	case CustomerContiguous:
		s.flushContiguous()
	case Any:
		if err := s.any.finish(s.a, s.stop); err != nil {
			return nil, err
		}
	}
	s.a.end()
	if s.shards != nil {
		return Merge(append([]*Result{s.a.result()}, s.shards.results()...)...)
	}
	return s.a.result(), nil
}

// close removes any temporary file left and stops the shards (after a
// failure).
func (s *sequencer) close() {
	if s.any != nil && s.any.sp != nil {
		s.any.sp.remove()
	}
	if s.shards != nil {
		s.shards.close()
	}
}

// hashSet is an open-addressing set of non-zero 64-bit hashes.
type hashSet struct {
	slots []uint64
	n     int
}

func (h *hashSet) has(x uint64) bool {
	if len(h.slots) == 0 {
		return false
	}
	for i := h.index(x); ; i = (i + 1) & (len(h.slots) - 1) {
		switch h.slots[i] {
		case x:
			return true
		case 0:
			return false
		}
	}
}

func (h *hashSet) index(x uint64) int { return int(mix(x) & uint64(len(h.slots)-1)) }

func (h *hashSet) add(x uint64) {
	if 4*(h.n+1) > 3*len(h.slots) {
		old := h.slots
		h.slots = make([]uint64, max(64, 2*len(old)))
		h.n = 0
		for _, y := range old {
			if y != 0 {
				h.add(y)
			}
		}
	}
	for i := h.index(x); ; i = (i + 1) & (len(h.slots) - 1) {
		switch h.slots[i] {
		case x:
			return
		case 0:
			h.slots[i] = x
			h.n++
			return
		}
	}
}

// Analyze runs the analysis over events in the plan's order. A bad event
// (empty customer or touchpoint, unknown persona, emotion out of range, out
// of time order) is reported with its 1-based position as the line.
func (p *Plan) Analyze(events iter.Seq[Event]) (*Result, error) {
	s := newSequencer(p)
	defer s.close()
	var line int64
	var cust []byte
	for e := range events {
		line++
		r, err := p.Resolve(e)
		if err != nil {
			var re *RowError
			errors.As(err, &re)
			re.Line = line
			if err := s.bad(re); err != nil {
				return nil, err
			}
			continue
		}
		cust = append(cust[:0], e.Customer...)
		if err := s.push(r, cust, line); err != nil {
			return nil, err
		}
	}
	return s.result()
}

// AnalyzeSlice runs the analysis over a slice of events.
func (p *Plan) AnalyzeSlice(events []Event) (*Result, error) {
	return p.Analyze(slices.Values(events))
}

// AnalyzeRecords runs the analysis over resolved records, the fastest pass;
// Record.Customer identifies the customer. In time order times must not
// decrease (a record out of order is a bad row); in customer-contiguous
// order a customer's records must be contiguous; in any order the records
// are gathered per customer (spilled beyond Options.MemoryLimit). Large
// time-ordered and contiguous inputs are split among Options.Workers
// goroutines.
func (p *Plan) AnalyzeRecords(recs []Record) (*Result, error) {
	w := p.opts.Workers
	if len(recs) < parallelMin {
		w = 1
	}
	for i := range recs {
		if r := recs[i].Persona; r < 0 || int(r) >= len(p.routes) {
			return p.sequential(recs) // reports the bad rows
		}
	}
	switch p.opts.Order {
	case CustomerContiguous:
		return p.groupedRecords(recs, w)
	case Any:
		return p.sequential(recs)
	}
	return p.timeRecords(recs, w)
}

// sequential runs recs through one sequencer.
func (p *Plan) sequential(recs []Record) (*Result, error) {
	s := newSequencer(p)
	defer s.close()
	for i := range recs {
		if err := s.push(recs[i], nil, int64(i)+1); err != nil {
			return nil, err
		}
	}
	return s.result()
}

// groupedRecords splits recs at customer boundaries into w chunks.
func (p *Plan) groupedRecords(recs []Record, w int) (*Result, error) {
	var cuts []int
	cuts = append(cuts, 0)
	for k := 1; k < w; k++ {
		c := len(recs) * k / w
		if c <= cuts[len(cuts)-1] {
			continue
		}
		for c < len(recs) && recs[c].Customer == recs[c-1].Customer {
			c++
		}
		if c < len(recs) {
			cuts = append(cuts, c)
		}
	}
	cuts = append(cuts, len(recs))
	var done hashSet
	for i := range recs {
		if i > 0 && recs[i].Customer == recs[i-1].Customer {
			continue
		}
		h := mix(recs[i].Customer^0x243f6a8885a308d3) | 1
		if done.has(h) {
			return nil, notGrouped(i, recs)
		}
		done.add(h)
	}
	results := make([]*Result, len(cuts)-1)
	errs := make([]error, len(cuts)-1)
	var wg sync.WaitGroup
	for k := range results {
		wg.Go(func() {
			a := newAcc(p)
			errs[k] = a.groupedSlice(recs, cuts[k], cuts[k+1])
			if errs[k] == nil {
				results[k] = a.result()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return Merge(results...)
}

func notGrouped(i int, recs []Record) error {
	return &RowError{Line: int64(i) + 1, Field: "customer", Err: fmt.Errorf("%w: customer %d comes back after other customers", ErrNotGrouped, recs[i].Customer)}
}

// groupedSlice processes recs[from:to], which starts at a customer boundary.
func (a *acc) groupedSlice(recs []Record, from, to int) error {
	i := from
	for i < to {
		c := recs[i].Customer
		j := i + 1
		for j < to && recs[j].Customer == c {
			j++
		}
		a.buf = append(a.buf[:0], recs[i:j]...)
		a.group(a.buf)
		i = j
	}
	return nil
}

// passTableBytes is the size of customer table that timeRecords aims for in
// one pass, so that the table stays in the processor's cache (a variable so
// tests can force many passes on small inputs).
var passTableBytes = 8 << 20

// timeRecords shards time-ordered records by customer key among w workers,
// and each worker's customers into passes small enough for its table to stay
// in cache; every pass scans all records, which also applies the same order
// check everywhere (a bad row is reported by its customer's shard only).
func (p *Plan) timeRecords(recs []Record, w int) (*Result, error) {
	passes, perShard := 1, p.opts.ExpectedCustomers
	if len(recs) >= parallelMin {
		customers := estimateCustomers(recs)
		slot := int(unsafe.Sizeof(cstate{}))
		shards := (customers*slot*100/80 + passTableBytes - 1) / passTableBytes
		passes = max(1, (shards+w-1)/w)
		perShard = customers / (passes * w)
	}
	nShards := uint64(w * passes)
	results := make([]*Result, w)
	errs := make([]error, w)
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			// This worker is a shard: its sequencer only counts bad rows.
			s := &sequencer{a: newAcc(p), p: p, fatal: p.opts.BadRows == Fatal}
			a := s.a
			for pass := range passes {
				shard := uint64(k + pass*w)
				a.tab.expected = perShard
				maxTime := int64(math.MinInt64)
				for i := range recs {
					r := &recs[i]
					if nShards > 1 {
						if hi, _ := bits.Mul64(mix(r.Customer), nShards); hi != shard {
							maxTime = max(maxTime, r.Time)
							continue
						}
					}
					if r.Time < maxTime {
						if err := s.bad(outOfOrder(i, r.Time, maxTime)); err != nil {
							errs[k] = err
							return
						}
						continue
					}
					maxTime = r.Time
					a.pushTime(r, nil)
				}
				a.end()
			}
			results[k] = a.result()
		})
	}
	wg.Wait()
	if errors.Join(errs...) != nil {
		// Fatal: a worker stopped at the first bad row of its own shards;
		// the first bad row of the input is found in one sequential scan.
		maxTime := int64(math.MinInt64)
		for i := range recs {
			if recs[i].Time < maxTime {
				return nil, outOfOrder(i, recs[i].Time, maxTime)
			}
			maxTime = recs[i].Time
		}
	}
	return Merge(results...)
}

func outOfOrder(i int, t, maxTime int64) *RowError {
	return &RowError{Line: int64(i) + 1, Field: "time", Reason: ReasonOutOfOrder, Err: fmt.Errorf("event at %s is before an earlier event at %s (time-ordered input)", fmtTime(t), fmtTime(maxTime))}
}

// estimateCustomers estimates the distinct customer keys of recs with a
// HyperLogLog of 1024 registers (about 3% standard error).
func estimateCustomers(recs []Record) int {
	const b = 10
	const m = 1 << b
	var reg [m]uint8
	for i := range recs {
		h := mix(recs[i].Customer ^ 0x6a09e667f3bcc909)
		idx := h >> (64 - b)
		rank := uint8(bits.LeadingZeros64(h<<b|1<<(b-1))) + 1
		if rank > reg[idx] {
			reg[idx] = rank
		}
	}
	sum, zeros := 0.0, 0
	for _, r := range reg {
		sum += math.Ldexp(1, -int(r))
		if r == 0 {
			zeros++
		}
	}
	e := 0.7213 / (1 + 1.079/m) * m * m / sum
	if e <= 2.5*m && zeros > 0 {
		e = m * math.Log(m/float64(zeros))
	}
	return int(e)
}
