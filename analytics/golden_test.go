package analytics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/internal/testkit/golden"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/touchpoint"
)

func TestMain(m *testing.M) { golden.Main(m, "testdata") }

func TestGolden(t *testing.T) {
	syn := NewSynthetic(SyntheticConfig{Seed: 42, Customers: 400, Steps: 5, DropOff: 0.2, Noise: 0.1, Order: TimeOrdered})
	var in bytes.Buffer
	require.NoError(t, syn.WriteCSV(&in))
	golden.Check(t, "testdata/synthetic.csv", in.Bytes())
	res, err := Run(syn.Journey, bytes.NewReader(in.Bytes()), "csv", Options{Source: "synthetic.csv"})
	require.NoError(t, err)
	var text bytes.Buffer
	require.NoError(t, res.WriteText(&text, i18n.English))
	golden.Check(t, "testdata/synthetic.txt", text.Bytes())
	js, err := json.MarshalIndent(res, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "testdata/synthetic.json", append(js, '\n'))

	var back Result
	require.NoError(t, json.Unmarshal(js, &back))
	merged, err := Merge(&back, &back)
	require.NoError(t, err)
	assert.Equal(t, 2*res.Customers, merged.Customers)
	assert.Equal(t, res.Touchpoints[3].FromStart.Median, merged.Touchpoints[3].FromStart.Median, "a result survives its JSON form")

	ov := Overlay(syn.Journey, res)
	ovJSON, err := json.MarshalIndent(ov.Stages, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "testdata/synthetic-overlay-stages.json", append(ovJSON, '\n'))
	assert.Empty(t, syn.Journey.Stages[0].Metrics, "Overlay leaves its input alone")
}

func TestVariantFolding(t *testing.T) {
	j := &journey.Journey{SchemaVersion: 1, ID: uuid.New(), Title: "long", Type: journey.CurrentState}
	s := &journey.Stage{ID: uuid.New(), Name: "S", Phase: journey.BeforePurchase}
	for i := range 23 {
		s.Touchpoints = append(s.Touchpoints, &touchpoint.Touchpoint{ID: uuid.New(), Name: fmt.Sprintf("t%d", i), Channel: channel.Other})
	}
	j.Stages = []*journey.Stage{s}
	p, err := NewPlan(j, Options{})
	require.NoError(t, err)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := p.AnalyzeSlice([]Event{{Customer: "c", Touchpoint: "t0", Time: at}, {Customer: "c", Touchpoint: "t22", Time: at.Add(time.Second)}})
	require.NoError(t, err)
	require.Len(t, res.Deviations.Variants, 1)
	v := res.Deviations.Variants[0]
	assert.Len(t, v.Missing, 20)
	assert.Equal(t, "t19", v.Missing[18])
	assert.Equal(t, "touchpoints 21+", v.Missing[19])
	for i, d := range res.Deviations.Touchpoints {
		want := int64(1)
		if i == 0 || i == 22 {
			want = 0
		}
		assert.Equal(t, want, d.Missing, "touchpoint %d", i)
	}
	assert.True(t, strings.HasPrefix(v.Pattern, "missing t1, t2"))
}

func TestOverlayReplacesOwnMetricsOnly(t *testing.T) {
	j := smallJourney()
	own := metric.New("old", metric.DropOffRate, 99)
	own.Source = "log"
	other := metric.New("survey", metric.DropOffRate, 5)
	j.Stages[0].Touchpoints[0].Metrics = []metric.Metric{own, other}
	p, err := NewPlan(j, Options{Source: "log"})
	require.NoError(t, err)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := p.AnalyzeSlice([]Event{{Customer: "c", Touchpoint: "a1", Time: at}, {Customer: "d", Touchpoint: "a1", Time: at}, {Customer: "c", Touchpoint: "a2", Time: at.Add(time.Minute)}})
	require.NoError(t, err)
	ov := Overlay(j, res)
	var got []string
	for _, m := range ov.Stages[0].Touchpoints[0].Metrics {
		got = append(got, fmt.Sprintf("%s %s %v%s", m.Name, m.Kind, m.Value, m.Unit))
	}
	assert.Equal(t, []string{"survey drop_off_rate 5", "Customers reached (measured) count 2customers", "Conversion to next step (measured) conversion_rate 50%", "Drop-off (measured) drop_off_rate 50%"}, got)
	a2 := ov.Stages[0].Touchpoints[1].Metrics
	require.Len(t, a2, 4)
	assert.Equal(t, metric.Duration, a2[3].Kind)
	assert.Equal(t, 60.0, a2[3].Value)
	assert.Len(t, ov.Stages[1].Touchpoints[0].Metrics, 1, "the last step has only its count")
	assert.Len(t, j.Stages[0].Touchpoints[0].Metrics, 2, "input untouched")
	assert.Nil(t, Overlay(nil, res))
	assert.Empty(t, Overlay(j, nil).Stages[1].Metrics)
}

func TestOnCustomer(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	events := []Event{
		{Customer: "a", Touchpoint: "a1", Time: at},
		{Customer: "b", Touchpoint: "b1", Time: at},
		{Customer: "a", Touchpoint: "a2", Time: at.Add(time.Minute), Outcome: Failed},
		{Customer: "b", Touchpoint: "a1", Time: at.Add(time.Minute)},
		{Customer: "a", Touchpoint: "zz", Time: at.Add(2 * time.Minute)},
	}
	for _, order := range []Order{TimeOrdered, CustomerContiguous, Any} {
		in := events
		if order == CustomerContiguous {
			in = contiguous(rand.New(rand.NewPCG(1, 1)), events)
		}
		got := map[uint64]CustomerReport{}
		p, err := NewPlan(smallJourney(), Options{Order: order, OnCustomer: func(c CustomerReport) { got[c.Key] = c }})
		require.NoError(t, err)
		_, err = p.AnalyzeSlice(in)
		require.NoError(t, err)
		require.Len(t, got, 2)
		a, b := got[CustomerKey("a")], got[CustomerKey("b")]
		assert.Equal(t, 2, a.Touchpoints)
		assert.Equal(t, 1, a.Stages)
		assert.Equal(t, "failing a2; ad hoc", a.Variant.Pattern)
		assert.Equal(t, 1, b.Touchpoints, "b started at a1; b1 came before the start")
		assert.Equal(t, 1, b.Stages)
		assert.Equal(t, "missing a1, a2; irregular a1", b.Variant.Pattern)
	}
}

// TestOverlayFeedsFriction checks the contract with package analysis: the
// measured drop-off on the overlay becomes a drop_off friction factor.
func TestOverlayFeedsFriction(t *testing.T) {
	syn := NewSynthetic(SyntheticConfig{Seed: 5, Customers: 300, Steps: 4, DropOff: 0.3})
	p, err := NewPlan(syn.Journey, Options{})
	require.NoError(t, err)
	res, err := p.Analyze(syn.Events())
	require.NoError(t, err)
	require.NoError(t, Overlay(syn.Journey, res).Validate())
	before := analysis.Analyze(syn.Journey, analysis.Options{})
	after := analysis.Analyze(Overlay(syn.Journey, res), analysis.Options{})
	factor := func(r *analysis.Report) float64 {
		for _, f := range r.Friction.Stages[0].Touchpoints[0].Factors {
			if f.Name == "drop_off" {
				return f.Points
			}
		}
		return 0
	}
	assert.Zero(t, factor(before))
	want := res.Touchpoints[0].DropOffRate
	assert.InDelta(t, want, factor(after), 0.001, "drop_off points = share of customers who leave")
	assert.Greater(t, after.Friction.Score, before.Friction.Score)
}

// TestOverlayConversionOnRoutesWithAlternatives checks the overlay's
// conversion on a journey whose personas take different routes: an
// alternative's next touchpoint in the list is not the next step of its
// customers, so conversion is everyone who went further (never over 100%)
// and conversion plus drop-off is the whole.
func TestOverlayConversionOnRoutesWithAlternatives(t *testing.T) {
	j, err := journey.Unmarshal(mustRead(t, filepath.Join("..", "examples", "journeys", "ecommerce-current.json")))
	require.NoError(t, err)
	f, err := os.Open(filepath.Join("..", "examples", "events", "ecommerce-current.csv"))
	require.NoError(t, err)
	defer f.Close()
	p, err := NewPlan(j, Options{})
	require.NoError(t, err)
	res, err := p.ReadCSV(f)
	require.NoError(t, err)
	checked := 0
	for _, st := range Overlay(j, res).Stages {
		for _, tp := range st.Touchpoints {
			var conv, drop *metric.Metric
			for i := range tp.Metrics {
				switch tp.Metrics[i].Kind {
				case metric.ConversionRate:
					conv = &tp.Metrics[i]
				case metric.DropOffRate:
					drop = &tp.Metrics[i]
				}
			}
			if conv == nil {
				continue
			}
			require.NotNil(t, drop, tp.Name)
			assert.LessOrEqual(t, conv.Value, 100.0, "%s: conversion over 100%%", tp.Name)
			assert.InDelta(t, 100, conv.Value+drop.Value, 0.02, "%s: conversion and drop-off make the whole", tp.Name)
			checked++
		}
	}
	assert.Greater(t, checked, 10)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}
