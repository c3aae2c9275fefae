package analytics

import (
	"bytes"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// The benchmarks run on 5,000,000-odd events over 1,000,000 customers and 8
// steps (the synthetic log below), in both input orders:
//
//	go test ./analytics -run '^$' -bench . -benchmem -benchtime 5x
//
// They report events per second, per second per core (divided by the workers
// used), and for the time-ordered mode the bytes held per customer.

const (
	benchCustomers = 1_000_000
	benchSteps     = 8
)

var benchCache struct {
	order Order
	syn   *Synthetic
	csv   []byte
}

func benchLog(b *testing.B, order Order, withCSV bool) (*Synthetic, []byte) {
	b.Helper()
	c := &benchCache
	if c.syn == nil || c.order != order {
		c.syn, c.csv = nil, nil
		runtime.GC()
		c.order = order
		c.syn = NewSynthetic(SyntheticConfig{Seed: 1, Customers: benchCustomers, Steps: benchSteps, DropOff: 0.13, Noise: 0.02, Order: order})
	}
	if withCSV && c.csv == nil {
		var buf bytes.Buffer
		buf.Grow(c.syn.Len() * 48)
		if err := c.syn.WriteCSV(&buf); err != nil {
			b.Fatal(err)
		}
		c.csv = buf.Bytes()
	}
	return c.syn, c.csv
}

// cpuTime returns the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRate reports events per wall-clock second, per second per worker,
// and per CPU second actually used (robust when other processes share the
// cores), given the CPU time at the start of the timed loop.
func reportRate(b *testing.B, events, workers int, cpu0 time.Duration) {
	cpu := cpuTime() - cpu0
	total := float64(events) * float64(b.N)
	perSec := total / b.Elapsed().Seconds()
	b.ReportMetric(perSec/1e6, "Mevents/s")
	b.ReportMetric(perSec/1e6/float64(workers), "Mevents/s/worker")
	if cpu > 0 {
		b.ReportMetric(total/cpu.Seconds()/1e6, "Mevents/cpu-s")
	}
	b.ReportMetric(float64(events), "events")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkRecords(b *testing.B) {
	for _, order := range []Order{CustomerContiguous, TimeOrdered, Any} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%v/workers=%d", order, workers), func(b *testing.B) {
				benchRecords(b, order, workers)
			})
		}
	}
}

func benchRecords(b *testing.B, order Order, workers int) {
	syn, _ := benchLog(b, order, false)
	p, err := NewPlan(syn.Journey, Options{Order: order, Workers: workers})
	if err != nil {
		b.Fatal(err)
	}
	recs := syn.Records(p)
	runtime.GC()
	b.ResetTimer()
	cpu0 := cpuTime()
	var res *Result
	for b.Loop() {
		if res, err = p.AnalyzeRecords(recs); err != nil {
			b.Fatal(err)
		}
	}
	if res.Events != int64(len(recs)) || res.Customers != benchCustomers {
		b.Fatalf("events %d customers %d", res.Events, res.Customers)
	}
	reportRate(b, len(recs), workers, cpu0)
}

func BenchmarkCSV(b *testing.B) {
	for _, order := range []Order{CustomerContiguous, TimeOrdered, Any} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%v/workers=%d", order, workers), func(b *testing.B) {
				syn, in := benchLog(b, order, true)
				p, err := NewPlan(syn.Journey, Options{Order: order, Workers: workers})
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(in)))
				runtime.GC()
				b.ResetTimer()
				cpu0 := cpuTime()
				var res *Result
				for b.Loop() {
					if res, err = p.ReadCSV(bytes.NewReader(in)); err != nil {
						b.Fatal(err)
					}
				}
				if res.Events != int64(syn.Len()) || res.BadRows.Count != 0 {
					b.Fatalf("events %d bad %d", res.Events, res.BadRows.Count)
				}
				reportRate(b, syn.Len(), workers, cpu0)
			})
		}
	}
}

// BenchmarkMemory reports the bytes allocated per run divided by the
// customers: the customer table in time order, near-constant in grouped order
// (compare 100k with 1M customers).
func BenchmarkMemory(b *testing.B) {
	for _, order := range []Order{TimeOrdered, Grouped} {
		for _, n := range []int{100_000, 1_000_000} {
			b.Run(fmt.Sprintf("%v/customers=%d", order, n), func(b *testing.B) {
				syn := NewSynthetic(SyntheticConfig{Seed: 2, Customers: n, Steps: benchSteps, DropOff: 0.13, Noise: 0.02, Order: order})
				p, err := NewPlan(syn.Journey, Options{Order: order, Workers: 1})
				if err != nil {
					b.Fatal(err)
				}
				recs := syn.Records(p)
				var ms0, ms1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms0)
				b.ResetTimer()
				for b.Loop() {
					if _, err := p.AnalyzeRecords(recs); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				runtime.ReadMemStats(&ms1)
				perRun := float64(ms1.TotalAlloc-ms0.TotalAlloc) / float64(b.N)
				b.ReportMetric(perRun/float64(n), "alloc-B/customer")
				b.ReportMetric(perRun, "alloc-B/run")
				a := newAcc(p)
				for i := range recs {
					a.pushTime(&recs[i], nil)
				}
				if order == TimeOrdered {
					b.ReportMetric(float64(len(a.tab.index)*int(unsafe.Sizeof(fpSlot{}))+a.tab.n*int(unsafe.Sizeof(cstate{})))/float64(n), "table-B/customer")
				}
			})
		}
	}
}

// BenchmarkNDJSON reads NDJSON (decoded with encoding/json, so much slower
// than CSV) on a tenth of the benchmark log.
func BenchmarkNDJSON(b *testing.B) {
	syn := NewSynthetic(SyntheticConfig{Seed: 3, Customers: benchCustomers / 10, Steps: benchSteps, DropOff: 0.13, Noise: 0.02, Order: Grouped})
	var buf bytes.Buffer
	if err := syn.WriteNDJSON(&buf); err != nil {
		b.Fatal(err)
	}
	p, err := NewPlan(syn.Journey, Options{Order: Grouped})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	runtime.GC()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := p.ReadNDJSON(bytes.NewReader(buf.Bytes()))
		if err != nil || res.Events != int64(syn.Len()) {
			b.Fatal(err)
		}
	}
	reportRate(b, syn.Len(), runtime.GOMAXPROCS(0), cpu0)
}
