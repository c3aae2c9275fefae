package analytics

import (
	"math/bits"
	"sync"
)

// shardBatch is the number of records the sequencer hands to a shard at a
// time.
const shardBatch = 4096

// timeShards applies time-ordered records on several goroutines, each with
// the accumulator of the customers whose key falls in its shard (as
// timeRecords splits a slice). The sequencer keeps the order check and the
// bad rows; finding a customer's state, the costly part (cache misses on
// the index and the state), runs in parallel, a batch at a time so that
// the misses of a batch overlap (table.warm). A customer's records all go to one
// shard, in input order, so each shard sees its customers' events in time
// order; the shards' results are merged, which is exact.
type timeShards struct {
	accs []*acc
	cur  []*recBatch      // the batch being filled, per shard
	in   []chan *recBatch // full batches, per shard
	free chan *recBatch
	wg   sync.WaitGroup
}

// recBatch is a run of records of one shard, with their ids copied (the
// input block they came from is reused once the sequencer is done with it).
type recBatch struct {
	recs []Record
	ids  []byte
	ends []int32 // ids[ends[i-1]:ends[i]] is the id of recs[i]; empty: none
}

func newTimeShards(p *Plan, n int) *timeShards {
	ts := &timeShards{free: make(chan *recBatch, 4*n)}
	for range n {
		a := newAcc(p)
		a.tab.expected = p.opts.ExpectedCustomers / n
		in := make(chan *recBatch, 2)
		ts.accs = append(ts.accs, a)
		ts.in = append(ts.in, in)
		ts.cur = append(ts.cur, ts.batch())
		ts.wg.Go(func() {
			for b := range in {
				a.tab.warm(b.recs)
				from := int32(0)
				for i := range b.recs {
					var id []byte
					if to := b.ends[i]; to > from {
						id = b.ids[from:to]
						from = to
					}
					a.pushTime(&b.recs[i], id)
				}
				select {
				case ts.free <- b:
				default:
				}
			}
		})
	}
	return ts
}

// batch returns an empty batch.
func (ts *timeShards) batch() *recBatch {
	select {
	case b := <-ts.free:
		b.recs, b.ids, b.ends = b.recs[:0], b.ids[:0], b.ends[:0]
		return b
	default:
		return &recBatch{recs: make([]Record, 0, shardBatch), ends: make([]int32, 0, shardBatch)}
	}
}

// add queues record r of customer id (nil: the key is the identity).
func (ts *timeShards) add(r *Record, id []byte) {
	k, _ := bits.Mul64(mix(r.Customer), uint64(len(ts.accs)))
	b := ts.cur[k]
	b.recs = append(b.recs, *r)
	b.ids = append(b.ids, id...)
	b.ends = append(b.ends, int32(len(b.ids)))
	if len(b.recs) == shardBatch {
		ts.in[k] <- b
		ts.cur[k] = ts.batch()
	}
}

// wait hands out the last batches and waits for the shards to apply them.
func (ts *timeShards) wait() {
	for k, b := range ts.cur {
		if len(b.recs) > 0 {
			ts.in[k] <- b
		}
		close(ts.in[k])
	}
	ts.cur = nil
	ts.wg.Wait()
}

// close stops the shards (after a failure).
func (ts *timeShards) close() {
	if ts.cur != nil {
		for _, in := range ts.in {
			close(in)
		}
		ts.cur = nil
	}
	ts.wg.Wait()
}

// results ends every shard's customers and returns their results.
func (ts *timeShards) results() []*Result {
	ts.wait()
	out := make([]*Result, len(ts.accs))
	for k, a := range ts.accs {
		a.end()
		out[k] = a.result()
	}
	return out
}
