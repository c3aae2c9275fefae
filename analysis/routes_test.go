package analysis_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// routeTP is a touchpoint of the route tests: a channel, an emotion (nil:
// not measured) and the personas it serves (none: every persona).
type routeTP struct {
	ch       channel.Channel
	emotion  *float64
	personas []uuid.UUID
}

// routeJourney builds a journey of the personas Lan (id 1) and Minh (id 2),
// or none, with one stage per list of touchpoints, named "t0", "t1" … in
// journey order.
func routeJourney(withPersonas bool, stages ...[]routeTP) *journey.Journey {
	j := &journey.Journey{SchemaVersion: 1, ID: id(100), Title: "Routes", Type: journey.CurrentState}
	if withPersonas {
		j.Personas = []*persona.Persona{{ID: id(1), Name: "Lan"}, {ID: id(2), Name: "Minh"}}
	}
	n := 0
	for k, s := range stages {
		st := &journey.Stage{ID: id(uint64(10 + k)), Name: "S", Phase: journey.BeforePurchase}
		for _, t := range s {
			st.Touchpoints = append(st.Touchpoints, &touchpoint.Touchpoint{ID: id(uint64(20 + n)), Name: "t" + string(rune('0'+n)),
				Channel: t.ch, Emotion: t.emotion, PersonaIDs: t.personas})
			n++
		}
		j.Stages = append(j.Stages, st)
	}
	return j
}

// neighbourFactors gives, per touchpoint name, its emotion_dip and
// channel_handoff factors.
func neighbourFactors(r *analysis.Report) map[string][]analysis.Factor {
	out := map[string][]analysis.Factor{}
	for _, s := range r.Friction.Stages {
		for _, t := range s.Touchpoints {
			for _, f := range t.Factors {
				if f.Name == "emotion_dip" || f.Name == "channel_handoff" {
					out[t.Name] = append(out[t.Name], f)
				}
			}
		}
	}
	return out
}

func TestFrictionFollowsRoutes(t *testing.T) {
	lan, minh := []uuid.UUID{id(1)}, []uuid.UUID{id(2)}
	dip := func(count int, points float64, detail string) analysis.Factor {
		return analysis.Factor{Name: "emotion_dip", Count: count, Points: points, Detail: detail}
	}
	handoff := func(count int, detail string) analysis.Factor {
		return analysis.Factor{Name: "channel_handoff", Count: count, Points: 0.25 * float64(count), Detail: detail}
	}
	for _, tc := range []struct {
		name string
		why  string
		j    *journey.Journey
		want map[string][]analysis.Factor
	}{
		{
			name: "alternatives are not neighbours",
			why: "t1 (Lan) and t2 (Minh) are alternatives after t0: each is compared with t0, not with each other; " +
				"t3, where the routes meet, is compared with each, and the pairs name the route",
			j: routeJourney(true, []routeTP{
				{channel.Website, f(1), nil}, {channel.SocialMedia, f(2), lan}, {channel.Phone, f(-1), minh}, {channel.Website, f(0), nil},
			}),
			want: map[string][]analysis.Factor{
				"t1": {handoff(1, "from website to social media")},
				"t2": {dip(1, 0.5, "emotion falls from 1 to -1"), handoff(1, "from website to phone")},
				"t3": {dip(1, 0.5, `emotion falls from 2 to 0 (on the route of "Lan")`),
					handoff(2, `from social media to website (on the route of "Lan"); from phone to website (on the route of "Minh")`)},
			},
		},
		{
			name: "document order without personas",
			why:  "a journey without personas has one route, the document order, whatever persona_ids say",
			j: routeJourney(false, []routeTP{
				{channel.Website, f(1), nil}, {channel.SocialMedia, f(2), lan}, {channel.Phone, f(-1), minh},
			}),
			want: map[string][]analysis.Factor{
				"t1": {handoff(1, "from website to social media")},
				"t2": {dip(1, 0.75, "emotion falls from 2 to -1"), handoff(1, "from social media to phone")},
			},
		},
		{
			name: "every persona named",
			why:  "persona_ids naming every persona is the same as none: the touchpoints are neighbours in document order and no route is named",
			j: routeJourney(true, []routeTP{
				{channel.Website, f(1), []uuid.UUID{id(1), id(2)}}, {channel.Phone, f(0), []uuid.UUID{id(2), id(1)}},
			}),
			want: map[string][]analysis.Factor{
				"t1": {dip(1, 0.25, "emotion falls from 1 to 0"), handoff(1, "from website to phone")},
			},
		},
		{
			name: "same pair on both routes once",
			why:  "t0 → t2 is a pair on Lan's route and on Minh's (t1 serves an unknown persona, on no route): counted once, naming nobody",
			j: routeJourney(true, []routeTP{
				{channel.Website, f(1), nil}, {channel.Phone, f(-2), []uuid.UUID{id(9)}}, {channel.Email, f(0), nil},
			}),
			want: map[string][]analysis.Factor{
				"t2": {dip(1, 0.25, "emotion falls from 1 to 0"), handoff(1, "from website to email")},
			},
		},
		{
			name: "unmeasured touchpoint skipped for the dip only",
			why: "t1 (Lan, not measured) is t2's neighbour on Lan's route for the hand-off, but the dip compares t2 with the measured t0 " +
				"on both routes: one dip naming nobody",
			j: routeJourney(true, []routeTP{
				{channel.Website, f(2), nil}, {channel.Phone, nil, lan}, {channel.Website, f(0), nil},
			}),
			want: map[string][]analysis.Factor{
				"t1": {handoff(1, "from website to phone")},
				"t2": {dip(1, 0.5, "emotion falls from 2 to 0"), handoff(1, `from phone to website (on the route of "Lan")`)},
			},
		},
		{
			name: "across stages",
			why:  "routes run across stages: the first touchpoint of a stage is compared with the last one before it on its route",
			j: routeJourney(true, []routeTP{{channel.Website, f(1), lan}, {channel.Store, f(2), minh}},
				[]routeTP{{channel.Website, f(0), lan}}),
			want: map[string][]analysis.Factor{
				"t2": {dip(1, 0.25, "emotion falls from 1 to 0")},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := neighbourFactors(analysis.Analyze(tc.j, analysis.Options{}))
			assert.Equal(t, tc.want, got, tc.why)
		})
	}
}

// TestFrictionRoutesVietnamese checks that the route named in a detail
// comes in the report's language.
func TestFrictionRoutesVietnamese(t *testing.T) {
	j := routeJourney(true, []routeTP{{channel.Website, f(1), []uuid.UUID{id(1)}}, {channel.Phone, f(1), nil}})
	got := neighbourFactors(analysis.Analyze(j, analysis.Options{Language: "vi"}))
	require.Len(t, got["t1"], 1)
	assert.Contains(t, got["t1"][0].Detail, `(trên lộ trình của "Lan")`)
}

// docOrder is the friction of emotion dips and hand-offs as it was before
// routes: each touchpoint compared with the one before it in the document
// (the measured one before it for the dip). It returns, per touchpoint
// path, the points of each factor.
func docOrder(j *journey.Journey) map[string][2]float64 {
	out := map[string][2]float64{}
	var prevCh string
	var prevE float64
	hasCh, hasE := false, false
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			var pts [2]float64
			e, ok := emotionOf(t)
			if ok {
				if hasE && prevE > e {
					pts[0] = (prevE - e) / 4
				}
				prevE, hasE = e, true
			}
			if hasCh && prevCh != string(t.Channel) {
				pts[1] = 0.25
			}
			prevCh, hasCh = string(t.Channel), true
			out["stages["+strconv.Itoa(i)+"].touchpoints["+strconv.Itoa(k)+"]"] = pts
		}
	}
	return out
}

// emotionOf is a touchpoint's emotion as the package doc defines it.
func emotionOf(t *touchpoint.Touchpoint) (float64, bool) {
	clamp := func(v float64) float64 { return math.Max(-2, math.Min(2, v)) }
	if t.Emotion != nil {
		return clamp(*t.Emotion), true
	}
	sum, n := 0.0, 0
	for _, id := range t.PersonaEmotionIDs() {
		sum += clamp(t.PersonaEmotions[id])
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// TestFrictionWithoutPersonaRoutesIsDocumentOrder is the property that
// routes change nothing for a journey whose touchpoints all serve every
// persona: on random journeys with every persona_ids emptied or naming
// every persona, the dips and hand-offs are those of document order.
func TestFrictionWithoutPersonaRoutesIsDocumentOrder(t *testing.T) {
	for seed := range uint64(200) {
		j := randjourney.New(seed)
		var all []uuid.UUID
		for _, p := range j.Personas {
			all = append(all, p.ID)
		}
		for _, s := range j.Stages {
			for k, tp := range s.Touchpoints {
				tp.PersonaIDs = nil
				if k%2 == 1 && len(all) > 0 {
					tp.PersonaIDs = append(tp.PersonaIDs, all...) // every persona, named
				}
			}
		}
		want := docOrder(j)
		r := analysis.Analyze(j, analysis.Options{})
		seen := 0
		for _, s := range r.Friction.Stages {
			for _, tf := range s.Touchpoints {
				var got [2]float64
				for _, f := range tf.Factors {
					switch f.Name {
					case "emotion_dip":
						assert.Equal(t, 1, f.Count, "seed %d %s", seed, tf.Path)
						got[0] = f.Points
					case "channel_handoff":
						assert.Equal(t, 1, f.Count, "seed %d %s", seed, tf.Path)
						got[1] = f.Points
					}
					assert.NotContains(t, f.Detail, "route", "seed %d %s: no route named", seed, tf.Path)
				}
				w := want[tf.Path]
				assert.InDelta(t, w[0], got[0], 1e-4, "seed %d %s dip", seed, tf.Path)
				assert.InDelta(t, w[1], got[1], 1e-4, "seed %d %s hand-off", seed, tf.Path)
				seen++
			}
		}
		require.Equal(t, len(want), seen, "seed %d: every touchpoint measured", seed)
	}
}
