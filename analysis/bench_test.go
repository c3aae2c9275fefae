package analysis_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
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

// BenchmarkAnalyze measures Analyze on 10, 100 and 1,000 stages × 10
// touchpoints × 2 pain points; time should grow linearly.
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		j := sized(n, 10, 2)
		b.Run("stages="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				analysis.Analyze(j, analysis.Options{})
			}
		})
	}
}

// BenchmarkUnmarshal1000 decodes the 1,000-stage journey from JSON, the
// yardstick Analyze of the same journey is compared with.
func BenchmarkUnmarshal1000(b *testing.B) {
	data, err := journey.Marshal(sized(1000, 10, 2))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := journey.Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeVsUnmarshal1000 alternates decoding the 1,000-stage
// journey and analysing it, so both see the same machine load, and reports
// the ratio of their times (the target is below 0.5).
func BenchmarkAnalyzeVsUnmarshal1000(b *testing.B) {
	data, err := journey.Marshal(sized(1000, 10, 2))
	require.NoError(b, err)
	var decode, analyse time.Duration
	for b.Loop() {
		start := time.Now()
		j, err := journey.Unmarshal(data)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		analysis.Analyze(j, analysis.Options{})
		decode += mid.Sub(start)
		analyse += time.Since(mid)
	}
	b.ReportMetric(float64(analyse)/float64(decode), "analyze/unmarshal")
	b.ReportMetric(float64(decode.Nanoseconds())/float64(b.N), "unmarshal-ns/op")
	b.ReportMetric(float64(analyse.Nanoseconds())/float64(b.N), "analyze-ns/op")
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
