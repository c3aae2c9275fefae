package journey_test

import (
	"os"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// Persona ids of the route tests.
var (
	lanID   = uuid.NewSHA1(uuid.NameSpaceOID, []byte("lan"))
	minhID  = uuid.NewSHA1(uuid.NameSpaceOID, []byte("minh"))
	hoaID   = uuid.NewSHA1(uuid.NameSpaceOID, []byte("hoa"))
	otherID = uuid.NewSHA1(uuid.NameSpaceOID, []byte("not a persona"))
)

// routeJourney builds a journey with the personas named and stages of
// touchpoints, each touchpoint given by the personas it serves (nil:
// every persona). A nil stage stays nil.
func routeJourney(personas []uuid.UUID, stages ...[][]uuid.UUID) *journey.Journey {
	j := &journey.Journey{}
	for _, id := range personas {
		j.Personas = append(j.Personas, &persona.Persona{ID: id, Name: id.String()[:4]})
	}
	for _, s := range stages {
		if s == nil {
			j.Stages = append(j.Stages, nil)
			continue
		}
		st := &journey.Stage{}
		for _, ids := range s {
			st.Touchpoints = append(st.Touchpoints, &touchpoint.Touchpoint{PersonaIDs: ids})
		}
		j.Stages = append(j.Stages, st)
	}
	return j
}

func ids(v ...uuid.UUID) []uuid.UUID { return v }

func TestRoutes(t *testing.T) {
	two := ids(lanID, minhID)
	for _, tc := range []struct {
		name string
		why  string
		j    *journey.Journey
		want []journey.Route
	}{
		{
			name: "alternatives",
			why:  "touchpoints of one stage serving disjoint personas are one step for an unknown persona; each persona's route has its own touchpoints only",
			j:    routeJourney(two, [][]uuid.UUID{nil, ids(lanID), ids(minhID)}, [][]uuid.UUID{nil}),
			want: []journey.Route{
				{Steps: [][]int{{0}, {1, 2}, {3}}},
				{Persona: lanID, Steps: [][]int{{0}, {1}, {3}}},
				{Persona: minhID, Steps: [][]int{{0}, {2}, {3}}},
			},
		},
		{
			name: "across stages",
			why:  "alternatives are of one stage: the same personas in two stages are two steps",
			j:    routeJourney(two, [][]uuid.UUID{ids(lanID)}, [][]uuid.UUID{ids(minhID)}),
			want: []journey.Route{
				{Steps: [][]int{{0}, {1}}},
				{Persona: lanID, Steps: [][]int{{0}}},
				{Persona: minhID, Steps: [][]int{{1}}},
			},
		},
		{
			name: "every persona named",
			why:  "naming every persona is the same as naming none: the touchpoint is on every route",
			j:    routeJourney(two, [][]uuid.UUID{two, ids(lanID)}),
			want: []journey.Route{
				{Steps: [][]int{{0}, {1}}},
				{Persona: lanID, Steps: [][]int{{0}, {1}}},
				{Persona: minhID, Steps: [][]int{{0}}},
			},
		},
		{
			name: "nil stages and touchpoints",
			why:  "nil entries are on no route and not numbered",
			j: func() *journey.Journey {
				j := routeJourney(nil, nil, [][]uuid.UUID{nil, nil})
				j.Stages[1].Touchpoints[0] = nil
				return j
			}(),
			want: []journey.Route{{Steps: [][]int{{0}}}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.j.Routes(), tc.why)
		})
	}
}

// TestRoutesEcommerce checks the example the docs give: the TikTok review
// (Tuấn) and the friend's word (Minh Anh) are alternatives, one step.
func TestRoutesEcommerce(t *testing.T) {
	data, err := os.ReadFile("../examples/journeys/ecommerce-current.json")
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err)
	rs := j.Routes()
	require.Len(t, rs, 3)
	assert.Equal(t, []int{1, 2}, rs[0].Steps[1], "TikTok review and friend's word are one step")
	stops := j.RouteStops()
	assert.Equal(t, "Watches a TikTok review by a running coach", j.Stages[stops[1].Stage].Touchpoints[stops[1].Touchpoint].Name[:42])
	for _, r := range rs[1:] {
		for _, s := range r.Steps {
			assert.Len(t, s, 1, "a persona's route has one touchpoint per step")
		}
	}
}

// neighbours walks j keeping the touchpoints keep names (nil: all) and
// returns each touchpoint's neighbours, the value being the index.
func neighbours(j *journey.Journey, keep func(i int) bool) [][]journey.Neighbour[int] {
	w := journey.NewRouteWalk[int](j)
	var out [][]journey.Neighbour[int]
	i := 0
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			out = append(out, slices.Clone(w.Next(t, i, keep == nil || keep(i)))) // valid until the next call
			i++
		}
	}
	return out
}

func n(prev int, personas ...uuid.UUID) journey.Neighbour[int] {
	return journey.Neighbour[int]{Prev: prev, Value: prev, Personas: personas}
}

func TestRouteWalk(t *testing.T) {
	two := ids(lanID, minhID)
	type nb = []journey.Neighbour[int]
	for _, tc := range []struct {
		name string
		why  string
		j    *journey.Journey
		keep func(i int) bool
		want []nb
	}{
		{
			name: "document order",
			why:  "with no persona-specific touchpoint each touchpoint's neighbour is the one before it in the document, across stages",
			j:    routeJourney(two, [][]uuid.UUID{nil, nil}, [][]uuid.UUID{two}),
			want: []nb{nil, {n(0)}, {n(1)}},
		},
		{
			name: "alternatives are not neighbours",
			why:  "Lan's and Minh's touchpoints are not compared with each other; the next shared touchpoint is compared with each, naming whose route",
			j:    routeJourney(two, [][]uuid.UUID{nil, ids(lanID), ids(minhID), nil}),
			want: []nb{nil, {n(0)}, {n(0)}, {n(1, lanID), n(2, minhID)}},
		},
		{
			name: "pair on several routes once",
			why:  "a pair on Lan's and Minh's routes is listed once, naming both, because Hoa's route brings another neighbour",
			j:    routeJourney(ids(lanID, minhID, hoaID), [][]uuid.UUID{nil, ids(lanID, minhID), nil}),
			want: []nb{nil, {n(0)}, {n(0, hoaID), n(1, lanID, minhID)}},
		},
		{
			name: "first on a route",
			why:  "Minh's route has nothing before the shared touchpoint, so the pair with Lan's touchpoint is named as Lan's",
			j:    routeJourney(two, [][]uuid.UUID{ids(lanID), nil}),
			want: []nb{nil, {n(0, lanID)}},
		},
		{
			name: "one persona's touchpoints in a row",
			why:  "on Lan's route her touchpoints follow each other; a touchpoint on every route it is on with the same neighbour names nobody",
			j:    routeJourney(two, [][]uuid.UUID{nil, ids(lanID), ids(lanID)}),
			want: []nb{nil, {n(0)}, {n(1)}},
		},
		{
			name: "no personas",
			why:  "a journey without personas has one route, the document order, whatever persona_ids say",
			j:    routeJourney(nil, [][]uuid.UUID{ids(lanID), ids(minhID)}),
			want: []nb{nil, {n(0)}},
		},
		{
			name: "unknown persona",
			why:  "a touchpoint naming only ids that are no persona of the journey is on no route",
			j:    routeJourney(two, [][]uuid.UUID{nil, ids(otherID), nil}),
			want: []nb{nil, nil, {n(0)}},
		},
		{
			name: "kept touchpoints only",
			why:  "a touchpoint not kept (an unmeasured emotion) is skipped: the neighbour is the last kept touchpoint on the route",
			j:    routeJourney(two, [][]uuid.UUID{nil, ids(lanID), nil}),
			keep: func(i int) bool { return i != 1 },
			want: []nb{nil, {n(0)}, {n(0)}},
		},
		{
			name: "nil stages and touchpoints",
			why:  "nil entries are on no route; the neighbours skip them",
			j: func() *journey.Journey {
				j := routeJourney(two, [][]uuid.UUID{nil, nil}, nil, [][]uuid.UUID{nil})
				j.Stages[0].Touchpoints[1] = nil
				return j
			}(),
			want: []nb{nil, {n(0)}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, neighbours(tc.j, tc.keep), tc.why)
		})
	}
}

// TestRouteWalkMatchesRoutes checks the walk against the routes it is
// defined by, on random journeys: each touchpoint's neighbours are its
// predecessors on the persona routes of Routes that contain it.
func TestRouteWalkMatchesRoutes(t *testing.T) {
	personas := ids(lanID, minhID, hoaID)
	for seed := range 300 {
		r := uint64(seed)*0x9E3779B97F4A7C15 + 1
		next := func(n int) int { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return int(r % uint64(n)) }
		var stages [][][]uuid.UUID
		for range 1 + next(3) {
			var s [][]uuid.UUID
			for range next(4) {
				var who []uuid.UUID
				for _, p := range personas {
					if next(3) == 0 {
						who = append(who, p)
					}
				}
				s = append(s, who)
			}
			stages = append(stages, s)
		}
		j := routeJourney(personas, stages...)
		// Predecessor per (touchpoint, persona) from the routes.
		prev := map[[2]int]int{}
		for k, rt := range j.Routes()[1:] {
			for s := 1; s < len(rt.Steps); s++ {
				prev[[2]int{rt.Steps[s][0], k}] = rt.Steps[s-1][0]
			}
		}
		for i, got := range neighbours(j, nil) {
			want := map[int][]uuid.UUID{}
			on := 0
			for k, rt := range j.Routes()[1:] {
				for _, s := range rt.Steps {
					if s[0] == i {
						on++
						if p, ok := prev[[2]int{i, k}]; ok {
							want[p] = append(want[p], personas[k])
						}
					}
				}
			}
			gotMap := map[int][]uuid.UUID{}
			for _, g := range got {
				who := g.Personas
				if who == nil { // every route of the touchpoint
					require.Len(t, want, 1, "seed %d touchpoint %d", seed, i)
					for p := range want {
						who = want[p]
						assert.Len(t, who, on, "seed %d touchpoint %d: nil Personas means every route", seed, i)
					}
				}
				gotMap[g.Prev] = who
			}
			assert.Equal(t, want, gotMap, "seed %d touchpoint %d", seed, i)
		}
	}
}
