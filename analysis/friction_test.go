package analysis_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

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

// handJourney is the journey of the hand-computed friction tests:
//
//	stage "Checkout": website (emotion +1) then phone (emotion −1, one high
//	process and one low financial pain point); stage metrics: drop-off 30%
//	without target, conversion 0.1 against a target of 0.2.
//	stage "Delivery": no touchpoint.
func handJourney() *journey.Journey {
	web := &touchpoint.Touchpoint{ID: id(20), Name: "Fills the cart", Channel: channel.Website, Emotion: f(1)}
	phone := &touchpoint.Touchpoint{ID: id(21), Name: "Calls about the fee", Channel: channel.Phone, Emotion: f(-1),
		PainPoints: []*painpoint.PainPoint{
			{ID: id(30), Title: "Cannot apply the voucher", Category: painpoint.Process, Severity: painpoint.High},
			{ID: id(31), Title: "Fee higher than expected", Category: painpoint.Financial, Severity: painpoint.Low},
		}}
	drop := metric.New("Leave at checkout", metric.DropOffRate, 30)
	drop.Unit = "%"
	return &journey.Journey{SchemaVersion: 1, ID: id(100), Title: "Hand", Type: journey.CurrentState,
		Stages: []*journey.Stage{
			{ID: id(10), Name: "Checkout", Phase: journey.DuringPurchase, Touchpoints: []*touchpoint.Touchpoint{web, phone},
				Metrics: []metric.Metric{drop, metric.New("Conversion", metric.ConversionRate, 0.1).WithTarget(0.2)}},
			{ID: id(11), Name: "Delivery", Phase: journey.AfterPurchase},
		}}
}

func TestFrictionHandComputed(t *testing.T) {
	r := analysis.Analyze(handJourney(), analysis.Options{})
	fr := r.Friction

	// First touchpoint: nothing before it, emotion positive: 0 points.
	web := fr.Stages[0].Touchpoints[0]
	assert.Equal(t, 0.0, web.Points)
	assert.Equal(t, 0.0, web.Score)
	assert.Empty(t, web.Factors)

	// Phone touchpoint:
	//   high process pain         1    × 1          = 1
	//   low financial pain        0.25 × 1          = 0.25
	//   negative emotion −1       1 × (1 ÷ 2)       = 0.5
	//   dip from +1 to −1         1 × (2 ÷ 4)       = 0.5
	//   hand-off website → phone                    = 0.25
	//   points                                      = 2.5
	//   score  2.5 ÷ (2.5 + 1)                      = 0.7143
	phone := fr.Stages[0].Touchpoints[1]
	assert.InDelta(t, 2.5, phone.Points, 1e-9)
	assert.InDelta(t, 0.7143, phone.Score, 1e-9)
	assert.Equal(t, []analysis.Factor{
		{Name: "pain.financial", Count: 1, Points: 0.25, Detail: "1 low"},
		{Name: "pain.process", Count: 1, Points: 1, Detail: "1 high"},
		{Name: "negative_emotion", Count: 1, Points: 0.5, Detail: "emotion -1"},
		{Name: "emotion_dip", Count: 1, Points: 0.5, Detail: "emotion falls from 1 to -1"},
		{Name: "channel_handoff", Count: 1, Points: 0.25, Detail: "from website to phone"},
	}, phone.Factors)

	// Stage "Checkout":
	//   mean of touchpoints (0 + 2.5) ÷ 2           = 1.25
	//   drop-off 30 % without target  1 × 0.3       = 0.3
	//   conversion 0.1 misses 0.2                   = 0.5
	//   points                                      = 2.05
	//   score  2.05 ÷ 3.05                          = 0.6721
	checkout := fr.Stages[0]
	assert.InDelta(t, 2.05, checkout.Points, 1e-9)
	assert.InDelta(t, 0.6721, checkout.Score, 1e-9)
	assert.InDelta(t, 0.0, *checkout.Emotion, 1e-9) // (1 + −1) ÷ 2
	sum := 0.0
	for _, fc := range checkout.Factors {
		sum += fc.Points
	}
	assert.InDelta(t, checkout.Points, sum, 1e-9, "a stage's factors add up to its points")
	assert.Equal(t, analysis.CategoryCounts{Financial: 1, Process: 1, Total: 2}, checkout.Pain)

	// Stage "Delivery" has no touchpoint and no metric: 0.
	assert.Equal(t, 0.0, fr.Stages[1].Points)
	assert.Nil(t, fr.Stages[1].Emotion)

	// Journey: mean of stages (2.05 + 0) ÷ 2 = 1.025; score 1.025 ÷ 2.025 = 0.5062.
	assert.InDelta(t, 1.025, fr.Points, 1e-9)
	assert.InDelta(t, 0.5062, fr.Score, 1e-9)
	assert.Equal(t, analysis.CategoryCounts{Financial: 1, Process: 1, Total: 2}, fr.Pain)

	// The phone touchpoint is the only hotspot and the weakest link.
	require.Len(t, fr.Hotspots, 1)
	assert.Equal(t, 1, fr.Hotspots[0].Rank)
	assert.Equal(t, "stages[0].touchpoints[1]", fr.Hotspots[0].Path)
	assert.Equal(t, "Checkout", fr.Hotspots[0].Stage)
	require.NotNil(t, fr.WeakestLink)
	assert.Equal(t, id(21), fr.WeakestLink.ID)

	assert.Equal(t, []analysis.EmotionPoint{
		{Path: "stages[0].touchpoints[0]", ID: id(20), Stage: "Checkout", Touchpoint: "Fills the cart", Emotion: 1},
		{Path: "stages[0].touchpoints[1]", ID: id(21), Stage: "Checkout", Touchpoint: "Calls about the fee", Emotion: -1},
	}, fr.EmotionCurve)
}

func TestFrictionWeights(t *testing.T) {
	// Hand-offs and drop-off off, a critical pain weight of 3, half at 2 points:
	// phone = 1 (high process) + 0.25 (low financial) + 0.5 (emotion) + 0.5 (dip) = 2.25,
	// score 2.25 ÷ (2.25 + 2) = 0.5294.
	// stage = 2.25 ÷ 2 + 0.5 (missed target) = 1.625, score 1.625 ÷ 3.625 = 0.4483.
	opts := analysis.Options{Weights: analysis.Weights{Handoff: -1, DropOff: -1, Critical: 3, HalfPoints: 2}}
	fr := analysis.Analyze(handJourney(), opts).Friction
	assert.InDelta(t, 2.25, fr.Stages[0].Touchpoints[1].Points, 1e-9)
	assert.InDelta(t, 0.5294, fr.Stages[0].Touchpoints[1].Score, 1e-9)
	assert.InDelta(t, 1.625, fr.Stages[0].Points, 1e-9)
	assert.InDelta(t, 0.4483, fr.Stages[0].Score, 1e-9)

	// Category weights multiply the severity: process × 2 adds another point.
	fr = analysis.Analyze(handJourney(), analysis.Options{Weights: analysis.Weights{Process: 2}}).Friction
	assert.InDelta(t, 3.5, fr.Stages[0].Touchpoints[1].Points, 1e-9)

	// Invalid weights fall back to the defaults.
	fr = analysis.Analyze(handJourney(), analysis.Options{Weights: analysis.Weights{Handoff: math.NaN(), HalfPoints: math.Inf(1)}}).Friction
	assert.InDelta(t, 0.7143, fr.Stages[0].Touchpoints[1].Score, 1e-9)
}

func TestFrictionPersonaEmotionsAndPainByPersona(t *testing.T) {
	j := handJourney()
	j.Personas = []*persona.Persona{{ID: id(1), Name: "Lan"}, {ID: id(2), Name: "Minh"}}
	web, phone := j.Stages[0].Touchpoints[0], j.Stages[0].Touchpoints[1]
	// Lan has her own score on the phone; Minh only meets the website.
	phone.PersonaEmotions = map[uuid.UUID]float64{id(1): -2}
	phone.PersonaIDs = []uuid.UUID{id(1)}
	phone.PainPoints[1].PersonaIDs = []uuid.UUID{id(2), id(2)} // named twice, counted once
	web.Emotion = nil
	web.PersonaEmotions = map[uuid.UUID]float64{id(1): 2, id(2): 1} // touchpoint emotion: mean 1.5

	fr := analysis.Analyze(j, analysis.Options{}).Friction
	assert.Equal(t, 1.5, *fr.Stages[0].Touchpoints[0].Emotion)
	assert.Equal(t, []analysis.PersonaPain{
		// Lan: the process pain (no persona_ids, on a touchpoint serving Lan only).
		{Path: "personas[0]", ID: id(1), Name: "Lan", Pain: analysis.CategoryCounts{Process: 1, Total: 1}},
		// Minh: the financial pain names Minh.
		{Path: "personas[1]", ID: id(2), Name: "Minh", Pain: analysis.CategoryCounts{Financial: 1, Total: 1}},
	}, fr.PainByPersona)
	require.Len(t, fr.PersonaCurves, 2)
	assert.Equal(t, "Lan", fr.PersonaCurves[0].Name)
	assert.Equal(t, []float64{2, -2}, curveValues(fr.PersonaCurves[0].Points))
	assert.Equal(t, "Minh", fr.PersonaCurves[1].Name)
	assert.Equal(t, []float64{1}, curveValues(fr.PersonaCurves[1].Points), "the phone does not serve Minh")
}

func curveValues(ps []analysis.EmotionPoint) []float64 {
	var out []float64
	for _, p := range ps {
		out = append(out, p.Emotion)
	}
	return out
}

func TestHotspotsRankedAndLimited(t *testing.T) {
	j := &journey.Journey{SchemaVersion: 1, ID: id(100), Title: "Hotspots", Type: journey.CurrentState}
	s := &journey.Stage{ID: id(10), Name: "All", Phase: journey.DuringPurchase}
	j.Stages = []*journey.Stage{s}
	sev := []painpoint.Severity{painpoint.Low, painpoint.Critical, painpoint.Medium, painpoint.Critical, painpoint.High, painpoint.Low, painpoint.Medium}
	for n, v := range sev {
		t := &touchpoint.Touchpoint{ID: id(uint64(20 + n)), Name: string(v), Channel: channel.Website}
		t.PainPoints = []*painpoint.PainPoint{{ID: id(uint64(40 + n)), Title: "Pain", Category: painpoint.Process, Severity: v}}
		s.Touchpoints = append(s.Touchpoints, t)
	}
	s.Touchpoints = append(s.Touchpoints, &touchpoint.Touchpoint{ID: id(29), Name: "smooth", Channel: channel.Website})

	fr := analysis.Analyze(j, analysis.Options{}).Friction
	var got []uuid.UUID
	for _, h := range fr.Hotspots {
		got = append(got, h.ID)
	}
	// Critical (ties in journey order), high, medium, medium: the top 5.
	assert.Equal(t, []uuid.UUID{id(21), id(23), id(24), id(22), id(26)}, got)

	fr = analysis.Analyze(j, analysis.Options{Hotspots: 100}).Friction
	assert.Len(t, fr.Hotspots, 7, "a touchpoint without friction is never a hotspot")
	fr = analysis.Analyze(j, analysis.Options{Hotspots: -1}).Friction
	assert.Empty(t, fr.Hotspots)
	assert.Equal(t, id(21), fr.WeakestLink.ID)
}

// randomJourney builds a varied journey (possibly without stages, touchpoints,
// emotions or personas) from seed.
func randomJourney(seed uint64) *journey.Journey {
	r := rand.New(rand.NewPCG(seed, 42))
	n := uint64(1000)
	next := func() uuid.UUID { n++; return id(n) }
	j := &journey.Journey{SchemaVersion: 1, ID: next(), Title: "Random", Type: journey.Types()[r.IntN(4)]}
	for range r.IntN(3) {
		j.Personas = append(j.Personas, &persona.Persona{ID: next(), Name: "P"})
	}
	chans := channel.Channels()
	for range r.IntN(6) {
		s := &journey.Stage{ID: next(), Name: "S", Phase: journey.Phases()[r.IntN(3)]}
		for range r.IntN(5) {
			t := &touchpoint.Touchpoint{ID: next(), Name: "T", Channel: chans[r.IntN(len(chans))]}
			if r.IntN(3) > 0 {
				t.Emotion = f(float64(r.IntN(9)-4) / 2)
			}
			for _, p := range j.Personas {
				if r.IntN(3) == 0 {
					t.PersonaEmotions = map[uuid.UUID]float64{p.ID: float64(r.IntN(5) - 2)}
				}
			}
			for range r.IntN(4) {
				t.PainPoints = append(t.PainPoints, &painpoint.PainPoint{ID: next(), Title: "Pain",
					Category: painpoint.Categories()[r.IntN(4)], Severity: painpoint.Severities()[r.IntN(4)]})
			}
			if r.IntN(3) == 0 {
				t.Metrics = append(t.Metrics, metric.New("M", metric.Kinds()[r.IntN(9)], r.Float64()*100).WithTarget(r.Float64()*100))
			}
			if r.IntN(4) == 0 {
				t.Metrics = append(t.Metrics, metric.New("Drop", metric.DropOffRate, r.Float64()))
			}
			s.Touchpoints = append(s.Touchpoints, t)
		}
		j.Stages = append(j.Stages, s)
	}
	return j
}

// TestMonotonicity: adding a critical pain point anywhere never lowers the
// friction of its touchpoint, its stage or the journey, and changes no other
// touchpoint.
func TestMonotonicity(t *testing.T) {
	for seed := range uint64(400) {
		build := randomJourney
		if seed >= 300 { // also the shared generator, with every member of the format
			build = randjourney.New
		}
		before := analysis.Analyze(build(seed), analysis.Options{}).Friction
		j := build(seed)
		var places [][2]int
		for si, s := range j.Stages {
			for ti := range s.Touchpoints {
				places = append(places, [2]int{si, ti})
			}
		}
		if len(places) == 0 {
			continue
		}
		at := places[int(seed)%len(places)]
		tp := j.Stages[at[0]].Touchpoints[at[1]]
		tp.PainPoints = append(tp.PainPoints, &painpoint.PainPoint{ID: id(9999), Title: "Blocked",
			Category: painpoint.Categories()[seed%4], Severity: painpoint.Critical})
		after := analysis.Analyze(j, analysis.Options{}).Friction

		assert.GreaterOrEqual(t, after.Score, before.Score, "journey, seed %d", seed)
		assert.Greater(t, after.Points, before.Points, "journey points, seed %d", seed)
		assert.GreaterOrEqual(t, after.Stages[at[0]].Score, before.Stages[at[0]].Score, "stage, seed %d", seed)
		assert.Greater(t, after.Stages[at[0]].Touchpoints[at[1]].Points, before.Stages[at[0]].Touchpoints[at[1]].Points, "touchpoint, seed %d", seed)
		for si := range before.Stages {
			for ti := range before.Stages[si].Touchpoints {
				if si != at[0] || ti != at[1] {
					assert.Equal(t, before.Stages[si].Touchpoints[ti], after.Stages[si].Touchpoints[ti], "seed %d", seed)
				}
			}
		}
	}
}

// TestScoresInRange: every score is in [0, 1] and factors add up to points.
func TestScoresInRange(t *testing.T) {
	inRange := func(seed uint64, what string, score float64) {
		assert.True(t, score >= 0 && score <= 1, "%s score %v, seed %d", what, score, seed)
	}
	adds := func(seed uint64, what string, points float64, fs []analysis.Factor) {
		sum := 0.0
		for _, fc := range fs {
			sum += fc.Points
		}
		assert.InDelta(t, points, sum, 0.001, "%s factors, seed %d", what, seed)
	}
	for seed := range uint64(300) {
		fr := analysis.Analyze(randomJourney(seed), analysis.Options{}).Friction
		inRange(seed, "journey", fr.Score)
		adds(seed, "journey", fr.Points, fr.Factors)
		for _, s := range fr.Stages {
			inRange(seed, s.Path, s.Score)
			adds(seed, s.Path, s.Points, s.Factors)
			for _, tp := range s.Touchpoints {
				inRange(seed, tp.Path, tp.Score)
				adds(seed, tp.Path, tp.Points, tp.Factors)
			}
		}
	}
}

// TestDeterministic: the same journey always gives byte-identical reports,
// whatever the map iteration order of persona_emotions.
func TestDeterministic(t *testing.T) {
	build := func(seed uint64) *journey.Journey {
		j := randomJourney(seed)
		for _, s := range j.Stages {
			for _, tp := range s.Touchpoints {
				if tp.Emotion == nil && len(tp.PersonaEmotions) == 0 {
					tp.PersonaEmotions = map[uuid.UUID]float64{}
					for k := range uint64(20) {
						tp.PersonaEmotions[id(5000+k)] = float64(k%5)/3 - 0.7
					}
				}
			}
		}
		return j
	}
	for seed := range uint64(50) {
		first, err := json.Marshal(analysis.Analyze(build(seed), analysis.Options{}))
		require.NoError(t, err)
		for range 5 {
			next, err := json.Marshal(analysis.Analyze(build(seed), analysis.Options{}))
			require.NoError(t, err)
			require.Equal(t, string(first), string(next), "seed %d", seed)
		}
	}
	for seed := range uint64(20) {
		first, err := json.Marshal(analysis.Analyze(randjourney.New(seed), analysis.Options{}))
		require.NoError(t, err)
		next, err := json.Marshal(analysis.Analyze(randjourney.New(seed), analysis.Options{}))
		require.NoError(t, err)
		require.Equal(t, string(first), string(next), "randjourney seed %d", seed)
	}
}

// TestOddJourneys: nil entries, empty stages, invalid values and non-finite
// numbers never panic, and the report still marshals.
func TestOddJourneys(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	odd := []*journey.Journey{
		nil,
		{},
		{Stages: []*journey.Stage{nil, {}, {Touchpoints: []*touchpoint.Touchpoint{nil, {}}}}},
		{Personas: []*persona.Persona{nil, {}, {}}, Opportunities: []*journey.Opportunity{nil, {}}},
		{Type: "nonsense", Stages: []*journey.Stage{{Phase: "someday", Metrics: []metric.Metric{{Value: nan, Target: f(inf)}, {Kind: metric.DropOffRate, Value: inf}},
			Touchpoints: []*touchpoint.Touchpoint{
				{Channel: "pigeon", Emotion: f(nan), PersonaEmotions: map[uuid.UUID]float64{{}: inf, id(1): nan},
					PainPoints: []*painpoint.PainPoint{nil, {Category: "cosmic", Severity: "apocalyptic"}},
					Metrics:    []metric.Metric{{Kind: "weird", Value: -inf, Target: f(nan)}, {Kind: metric.DropOffRate, Value: nan}}},
				{Channel: channel.Phone, Emotion: f(-99)},
				{Channel: channel.Phone, Emotion: f(99)},
			}}}},
	}
	for i, j := range odd {
		r := analysis.Analyze(j, analysis.Options{Weights: analysis.Weights{Low: nan, High: -inf, HalfPoints: -1}})
		require.NotNil(t, r, "journey %d", i)
		_, err := json.Marshal(r)
		require.NoError(t, err, "journey %d", i)
		assert.NotNil(t, r.Findings)
	}
	r := analysis.Analyze(odd[4], analysis.Options{})
	tps := r.Friction.Stages[0].Touchpoints
	assert.Nil(t, tps[0].Emotion, "a NaN emotion counts as not measured")
	assert.Equal(t, -2.0, *tps[1].Emotion, "emotion is clamped to -2..2")
	assert.Equal(t, 2.0, *tps[2].Emotion)
	assert.Equal(t, 1, r.Friction.Pain.Other)
}

// TestDocWorkedExample checks the worked example of the package doc.
func TestDocWorkedExample(t *testing.T) {
	j := &journey.Journey{Stages: []*journey.Stage{{Name: "Checkout", Phase: journey.DuringPurchase, Touchpoints: []*touchpoint.Touchpoint{
		{Name: "Product page", Channel: channel.Website, Emotion: f(1)},
		{Name: "Call", Channel: channel.Phone, Emotion: f(-1), PainPoints: []*painpoint.PainPoint{
			{Title: "Cannot apply the voucher", Category: painpoint.Process, Severity: painpoint.High}}},
	}}}}
	fr := analysis.Analyze(j, analysis.Options{}).Friction
	assert.Equal(t, 2.25, fr.Stages[0].Touchpoints[1].Points)
	assert.Equal(t, 0.6923, fr.Stages[0].Touchpoints[1].Score) // 2.25 ÷ 3.25
	assert.Equal(t, 1.125, fr.Stages[0].Points)
	assert.Equal(t, 0.5294, fr.Stages[0].Score) // 1.125 ÷ 2.125
}

// TestFactorNames: FactorNames lists every factor a report can have, in the
// order they are reported, and returns a copy.
func TestFactorNames(t *testing.T) {
	want := []string{"pain.financial", "pain.productivity", "pain.process", "pain.support", "pain.other",
		"negative_emotion", "emotion_dip", "channel_handoff", "missed_target", "drop_off"}
	assert.Equal(t, want, analysis.FactorNames())
	analysis.FactorNames()[0] = "changed"
	assert.Equal(t, want, analysis.FactorNames())

	// A touchpoint with every factor (a pain of each category, an unknown
	// one included, a dip to a negative emotion after a hand-off, a missed
	// target and a drop-off) reports them in FactorNames order.
	j := handJourney()
	phone := j.Stages[0].Touchpoints[1]
	for _, c := range []painpoint.Category{painpoint.Productivity, painpoint.Support, "cosmic"} {
		phone.PainPoints = append(phone.PainPoints, &painpoint.PainPoint{Title: "Pain", Category: c, Severity: painpoint.Medium})
	}
	phone.Metrics = j.Stages[0].Metrics
	r := analysis.Analyze(j, analysis.Options{})
	var names []string
	for _, f := range r.Friction.Stages[0].Touchpoints[1].Factors {
		names = append(names, f.Name)
	}
	assert.Equal(t, want, names)
	for _, fs := range [][]analysis.Factor{r.Friction.Factors, r.Friction.Stages[0].Factors} {
		names = names[:0]
		for _, f := range fs {
			names = append(names, f.Name)
		}
		assert.Equal(t, want, names)
	}
}
