package analytics

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"math"
	"math/bits"
	"slices"
	"sync"
	"time"
	"unsafe"
)

// parallelMin is the number of records below which one goroutine does all
// (a variable so tests can exercise the parallel paths on small inputs).
var parallelMin = 1 << 16

// sequencer checks the input order and feeds one accumulator.
type sequencer struct {
	a        *acc
	order    Order
	fatal    bool
	maxTime  int64
	started  bool
	prevKey  uint64
	prevCust []byte
}

func newSequencer(p *Plan) *sequencer {
	return &sequencer{a: newAcc(p), order: p.opts.Order, fatal: p.opts.BadRows == Fatal, maxTime: math.MinInt64}
}

// bad handles a bad row: counted, or returned when fatal.
func (s *sequencer) bad(e *RowError) error {
	if s.fatal {
		return e
	}
	s.a.bad.add(e)
	return nil
}

// push adds record r of customer cust found at line.
func (s *sequencer) push(r Record, cust []byte, line int64) error {
	if s.order == Grouped {
		if s.started && r.Customer != s.prevKey {
			if bytes.Compare(cust, s.prevCust) < 0 {
				return &RowError{Line: line, Field: "customer", Err: fmt.Errorf("%w: customer %q follows %q", ErrNotGrouped, cust, s.prevCust)}
			}
		}
		if !s.started || r.Customer != s.prevKey {
			s.prevCust = append(s.prevCust[:0], cust...)
		}
		s.started, s.prevKey = true, r.Customer
		s.a.pushGrouped(r)
		return nil
	}
	if r.Time < s.maxTime {
		return s.bad(&RowError{Line: line, Field: "time", Reason: ReasonOutOfOrder, Err: fmt.Errorf("event at %s is before an earlier event at %s (time-ordered input)",
			fmtTime(r.Time), fmtTime(s.maxTime))})
	}
	s.maxTime = r.Time
	s.a.pushTime(&r)
	return nil
}

func fmtTime(ns int64) string { return time.Unix(0, ns).UTC().Format(time.RFC3339Nano) }

func (s *sequencer) result() *Result {
	s.a.end()
	return s.a.result()
}

// Analyze runs the analysis over events in the plan's order. A bad event
// (empty customer or touchpoint, emotion out of range, out of time order)
// is reported with its 1-based position as the line.
func (p *Plan) Analyze(events iter.Seq[Event]) (*Result, error) {
	s := newSequencer(p)
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
		if p.opts.Order == Grouped {
			cust = append(cust[:0], e.Customer...)
		}
		if err := s.push(r, cust, line); err != nil {
			return nil, err
		}
	}
	return s.result(), nil
}

// AnalyzeSlice runs the analysis over a slice of events.
func (p *Plan) AnalyzeSlice(events []Event) (*Result, error) {
	return p.Analyze(slices.Values(events))
}

// AnalyzeRecords runs the analysis over resolved records, the fastest pass.
// In Grouped order customer keys must ascend; in time order times must not
// decrease (a record out of order is a bad row). Large inputs are split
// among Options.Workers goroutines.
func (p *Plan) AnalyzeRecords(recs []Record) (*Result, error) {
	w := p.opts.Workers
	if len(recs) < parallelMin {
		w = 1
	}
	if p.opts.Order == Grouped {
		return p.groupedRecords(recs, w)
	}
	return p.timeRecords(recs, w)
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
	for _, c := range cuts[1 : len(cuts)-1] {
		if recs[c].Customer < recs[c-1].Customer {
			return nil, notGrouped(c, recs)
		}
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
	return &RowError{Line: int64(i) + 1, Field: "customer", Err: fmt.Errorf("%w: customer %d follows %d", ErrNotGrouped, recs[i].Customer, recs[i-1].Customer)}
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
		a.group(recs[i:j])
		if j < to && recs[j].Customer < c {
			return notGrouped(j, recs)
		}
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
			s := newSequencer(p)
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
					a.pushTime(r)
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
