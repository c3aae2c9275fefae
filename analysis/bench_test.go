package analysis_test

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// sized builds a valid journey of stages × touchpoints × pain points, with
// two personas, emotions, a metric per touchpoint and an opportunity for every
// other pain point, so every check and friction factor has work to do.
func sized(stages, touchpoints, pains int) *journey.Journey {
	n := uint64(0)
	next := func() uuid.UUID { n++; return id(n) }
	j := &journey.Journey{SchemaVersion: 1, ID: next(), Title: "Generated", Type: journey.ServiceBlueprint, Objective: "Benchmark"}
	lan := &persona.Persona{ID: next(), Name: "Lan", PreferredChannels: []channel.Channel{channel.Website, channel.Chat}}
	minh := &persona.Persona{ID: next(), Name: "Minh", PreferredChannels: []channel.Channel{channel.Store}}
	j.Personas = []*persona.Persona{lan, minh}
	chans := channel.Channels()
	opp := &journey.Opportunity{ID: next(), Title: "Fix half of it"}
	for s := range stages {
		st := &journey.Stage{ID: next(), Name: "Stage " + strconv.Itoa(s), Phase: journey.Phases()[s%3],
			Metrics: []metric.Metric{metric.New("Conversion", metric.ConversionRate, 0.2).WithTarget(0.25)}}
		for k := range touchpoints {
			t := &touchpoint.Touchpoint{ID: next(), Name: "Touchpoint " + strconv.Itoa(k), Channel: chans[(s+k)%len(chans)],
				Owner: "Team", Emotion: f(float64((s+k)%5 - 2)),
				Metrics:  []metric.Metric{metric.New("Drop-off", metric.DropOffRate, 0.1*float64(k%4))},
				Supports: []touchpoint.Support{{Layer: touchpoint.Backstage, Kind: touchpoint.Process, Description: "Behind"}}}
			if k%3 == 0 {
				t.PersonaIDs = []uuid.UUID{lan.ID}
				t.PersonaEmotions = map[uuid.UUID]float64{lan.ID: -1}
			}
			for p := range pains {
				pp := &painpoint.PainPoint{ID: next(), Title: "Pain " + strconv.Itoa(p),
					Category: painpoint.Categories()[(k+p)%4], Severity: painpoint.Severities()[(s+p)%4]}
				t.PainPoints = append(t.PainPoints, pp)
				if p%2 == 0 {
					opp.PainPointIDs = append(opp.PainPointIDs, pp.ID)
				}
			}
			st.Touchpoints = append(st.Touchpoints, t)
		}
		j.Stages = append(j.Stages, st)
	}
	j.Opportunities = []*journey.Opportunity{opp}
	return j
}

func TestSizedJourneyIsValid(t *testing.T) {
	require.NoError(t, sized(10, 10, 2).Validate())
}

// generated is the shared random valid journey of the benchmarks: stages ×
// 10 touchpoints, each with 0 to 4 pain points (2 on average), every member
// of the format filled somewhere (internal/testkit/randjourney).
func generated(stages int) *journey.Journey {
	return randjourney.Generate(1, randjourney.Options{Stages: stages, TouchpointsPerStage: 10, PainPointsPerTouchpoint: 4})
}

// BenchmarkAnalyze measures Analyze on 10, 100 and 1,000 stages × 10
// touchpoints × 2 pain points (on average), and on the lean journeys of sized
// (exactly 2 pain points, short texts); time should grow linearly.
//
// Besides wall-clock ns/op it reports cpu-ns/op, the CPU time of the whole
// process per call: everything the call costs, including the garbage
// collector's work on other cores. On a machine with few cores the two grow
// differently: at 100 stages the collector runs alongside on the idle core,
// at 1,000 stages (a ten times larger live heap to trace) its work holds the
// analysis up more often, so wall-clock time grows faster than the work does.
func BenchmarkAnalyze(b *testing.B) {
	run := func(name string, j *journey.Journey) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				analysis.Analyze(j, analysis.Options{})
			}
			if c := cpuTime() - c0; c > 0 {
				b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
	for _, n := range []int{10, 100, 1000} {
		run("stages="+strconv.Itoa(n), generated(n))
	}
	for _, n := range []int{10, 100, 1000} {
		run("lean/stages="+strconv.Itoa(n), sized(n, 10, 2))
	}
}

// BenchmarkAnalyzeGrowth reports "growth", the time of one 1,000-stage
// analysis over one 100-stage analysis (the target: growth-cpu, in CPU
// time, within 12, so the work stays linear in the journey), from runs
// in alternation so both see the same machine load: each iteration
// collects garbage (not timed), analyses ten copies of the 100-stage
// journey once each, collects again and analyses the 1,000-stage journey
// once. The collections leave each size paying only for its own garbage.
//
// Ten copies, not one journey ten times: a service analyses a journey it
// has just decoded, not one its last call left in the processor's cache.
// Analysing one 100-stage journey ten times in a row finds it in the cache
// from the second time on, which no 1,000-stage journey fits; that figure
// is reported too, as growth-cpu-warm.
func BenchmarkAnalyzeGrowth(b *testing.B) {
	for _, tc := range []struct {
		name  string
		small func() *journey.Journey
		large *journey.Journey
	}{
		{"generated", func() *journey.Journey { return generated(100) }, generated(1000)},
		{"lean", func() *journey.Journey { return sized(100, 10, 2) }, sized(1000, 10, 2)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			copies := make([]*journey.Journey, 10)
			for i := range copies {
				copies[i] = tc.small()
			}
			// timed runs fn after a collection and returns its wall-clock and
			// CPU time.
			timed := func(fn func()) (wall, cpu time.Duration) {
				runtime.GC()
				c0, t0 := cpuTime(), time.Now()
				fn()
				return time.Since(t0), cpuTime() - c0
			}
			var small, large, smallCPU, largeCPU, warmCPU time.Duration
			for b.Loop() {
				w, c := timed(func() {
					for _, j := range copies {
						analysis.Analyze(j, analysis.Options{})
					}
				})
				small, smallCPU = small+w, smallCPU+c
				_, c = timed(func() {
					for range 10 {
						analysis.Analyze(copies[0], analysis.Options{})
					}
				})
				warmCPU += c
				w, c = timed(func() { analysis.Analyze(tc.large, analysis.Options{}) })
				large, largeCPU = large+w, largeCPU+c
			}
			b.ReportMetric(10*float64(large)/float64(small), "growth")
			if smallCPU > 0 && warmCPU > 0 {
				b.ReportMetric(10*float64(largeCPU)/float64(smallCPU), "growth-cpu")
				b.ReportMetric(10*float64(largeCPU)/float64(warmCPU), "growth-cpu-warm")
			}
		})
	}
}

// BenchmarkDiff measures Diff of two 1,000-stage journeys.
func BenchmarkDiff1000(b *testing.B) {
	old, new := sized(1000, 10, 2), sized(1000, 10, 2)
	new.Stages[500].Touchpoints[3].PainPoints = nil
	b.ReportAllocs()
	for b.Loop() {
		analysis.Diff(old, new)
	}
}

// TestAllocationsGrowLinearly guards against quadratic work without timing
// anything: ten times the stages must cost at most eleven times the
// allocations.
func TestAllocationsGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-stage journey")
	}
	small, large := sized(100, 10, 2), sized(1000, 10, 2)
	a := testing.AllocsPerRun(2, func() { analysis.Analyze(small, analysis.Options{}) })
	b := testing.AllocsPerRun(2, func() { analysis.Analyze(large, analysis.Options{}) })
	assert.LessOrEqual(t, b, 11*a, "Analyze: %v allocations for 100 stages, %v for 1,000", a, b)
	oldS, oldL := sized(100, 10, 2), sized(1000, 10, 2)
	a = testing.AllocsPerRun(2, func() { analysis.Diff(oldS, small) })
	b = testing.AllocsPerRun(2, func() { analysis.Diff(oldL, large) })
	assert.LessOrEqual(t, b, 11*a, "Diff: %v allocations for 100 stages, %v for 1,000", a, b)
}

// hundred is a journey of 100 touchpoints (10 stages of 10, up to 4 pain
// points each), the size of the largest real maps.
func hundred() *journey.Journey {
	return randjourney.Generate(42, randjourney.Options{Personas: 3, Stages: 10, TouchpointsPerStage: 10, PainPointsPerTouchpoint: 4, Opportunities: 3})
}

// BenchmarkAnalyze100Touchpoints measures Analyze on a 100-touchpoint
// journey (the target: well under a millisecond), next to encoding the
// same journey as JSON for scale.
func BenchmarkAnalyze100Touchpoints(b *testing.B) {
	j := hundred()
	b.Run("analyze", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			analysis.Analyze(j, analysis.Options{})
		}
	})
	b.Run("marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := journey.Marshal(j); err != nil {
				b.Fatal(err)
			}
		}
	})
}
