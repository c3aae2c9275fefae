package analytics

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// TestEcommerceRoutes: in examples/journeys/ecommerce-current.json the
// TikTok review serves only Tuấn and the friend's word only Minh Anh (and
// likewise the Shopee store and the shop's fitting), so they are
// alternatives. Read as one straight line, 104 customers were "missing a
// touchpoint"; on the routes nobody misses a touchpoint that is not theirs.
func TestEcommerceRoutes(t *testing.T) {
	jf, err := os.Open("../examples/journeys/ecommerce-current.json")
	require.NoError(t, err)
	defer jf.Close()
	j, err := journey.Decode(jf, journey.DecodeOptions{})
	require.NoError(t, err)
	f, err := os.Open("../examples/events/ecommerce-current.csv")
	require.NoError(t, err)
	defer f.Close()
	res, err := Run(j, f, "csv", Options{})
	require.NoError(t, err)

	alternatives := []string{"Watches a TikTok review by a running coach", "Hears about the shop from a friend at the Saturday running club",
		"Compares prices on the Shopee Mall store", "Tries the shoes on at the Nguyễn Trãi store"}
	for _, d := range res.Deviations.Touchpoints {
		if slices.Contains(alternatives, d.Name) {
			assert.Zero(t, d.Missing, "%s has an alternative for the other persona", d.Name)
		}
	}
	assert.Less(t, res.Deviations.Customers.Missing, int64(104), "was 104 on one straight line")
	assert.Equal(t, int64(67), res.Deviations.Customers.Missing, "customers who skipped a touchpoint that serves everyone")
	byStep := map[int][]string{}
	for _, s := range res.Touchpoints {
		byStep[s.RouteStep] = append(byStep[s.RouteStep], s.Name)
	}
	assert.Equal(t, []string{"Watches a TikTok review by a running coach", "Hears about the shop from a friend at the Saturday running club"}, byStep[1])
	assert.Equal(t, []string{"Compares prices on the Shopee Mall store", "Tries the shoes on at the Nguyễn Trãi store"}, byStep[4])
	// Reaching either alternative counts: the step's customers are the sum.
	assert.Equal(t, res.Touchpoints[1].Reached+res.Touchpoints[2].Reached,
		int64(float64(res.Touchpoints[0].Reached)*(res.Touchpoints[1].ConversionFromPrevious+res.Touchpoints[2].ConversionFromPrevious)+0.5))
}

// TestRoutesPerPersona: with a persona on the events, each customer is
// measured on their persona's route only; without one, on the route of
// alternatives.
func TestRoutesPerPersona(t *testing.T) {
	id := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)) }
	minh, tuan := id("minh"), id("tuan")
	j := &journey.Journey{SchemaVersion: 1, ID: id("j"), Title: "Routes", Type: journey.CurrentState,
		Personas: []*persona.Persona{{ID: minh, Name: "Minh"}, {ID: tuan, Name: "Tuan"}},
		Stages: []*journey.Stage{{ID: id("s"), Name: "S", Phase: journey.BeforePurchase, Touchpoints: []*touchpoint.Touchpoint{
			{ID: id("ad"), Name: "ad", Channel: channel.OnlineAds},
			{ID: id("friend"), Name: "friend", Channel: channel.WordOfMouth, PersonaIDs: []uuid.UUID{minh}},
			{ID: id("tiktok"), Name: "tiktok", Channel: channel.SocialMedia, PersonaIDs: []uuid.UUID{tuan}},
			{ID: id("buy"), Name: "buy", Channel: channel.Website},
			{ID: id("club"), Name: "club", Channel: channel.WordOfMouth, PersonaIDs: []uuid.UUID{minh}},
		}}}}
	routes := Routes(j)
	require.Len(t, routes, 3)
	assert.Equal(t, [][]int{{0}, {1, 2}, {3}, {4}}, routes[0].Steps, "without a persona: friend or tiktok")
	assert.Equal(t, [][]int{{0}, {1}, {3}, {4}}, routes[1].Steps, "Minh: ad, friend, buy, club")
	assert.Equal(t, [][]int{{0}, {2}, {3}}, routes[2].Steps, "Tuan: ad, tiktok, buy")

	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ev := func(c, tp string, m int, p string) Event {
		return Event{Customer: c, Touchpoint: tp, Time: at.Add(time.Duration(m) * time.Minute), Persona: p}
	}
	events := []Event{
		// Tuấn's whole route: converts; never told the club, which is not his.
		ev("t1", "ad", 0, "Tuan"), ev("t1", "tiktok", 1, "Tuan"), ev("t1", "buy", 2, "Tuan"),
		// Minh by id, stops after buying.
		ev("m1", "ad", 0, minh.String()), ev("m1", "friend", 1, ""), ev("m1", "buy", 2, ""),
		// Unknown persona: tiktok is an alternative of friend.
		ev("u1", "ad", 0, ""), ev("u1", "tiktok", 1, ""), ev("u1", "buy", 2, ""), ev("u1", "club", 3, ""),
	}
	p, err := NewPlan(j, Options{})
	require.NoError(t, err)
	res, err := p.AnalyzeSlice(events)
	require.NoError(t, err)
	assert.Zero(t, res.Deviations.Customers.Missing, "nobody skipped a touchpoint of their route")
	require.Len(t, res.Personas, 3)
	byName := map[string]PersonaFunnel{}
	for _, pf := range res.Personas {
		byName[pf.Name] = pf
	}
	names := func(pf PersonaFunnel) (out []string) {
		for _, s := range pf.Touchpoints {
			out = append(out, s.Name)
		}
		return out
	}
	assert.Equal(t, []string{"ad", "tiktok", "buy"}, names(byName["Tuan"]))
	assert.Equal(t, []string{"ad", "friend", "buy", "club"}, names(byName["Minh"]))
	assert.Equal(t, int64(0), byName["Tuan"].Touchpoints[2].DropOff, "buy is the end of Tuấn's route")
	assert.Equal(t, int64(1), byName["Minh"].Touchpoints[2].DropOff, "Minh stopped before the club")
	assert.Equal(t, int64(1), byName[""].Touchpoints[4].Reached, "the unknown customer reached the club")
	assert.True(t, slices.ContainsFunc(res.Touchpoints, func(s Step) bool { return s.Name == "club" && s.Reached == 1 }))

	res, err = p.AnalyzeSlice([]Event{ev("x", "ad", 0, "Nobody")})
	require.NoError(t, err)
	require.Len(t, res.BadRows.Rows, 1)
	assert.Equal(t, "persona", res.BadRows.Rows[0].Field)
	assert.Contains(t, res.BadRows.Rows[0].Message, `persona "Nobody"`)
}

// TestExtrasFromCSVAndNDJSON: the persona and breakdown columns are read
// from CSV and NDJSON alike; an unknown persona is a bad row naming the
// column.
func TestExtrasFromCSVAndNDJSON(t *testing.T) {
	csv := "customer_id,touchpoint,timestamp,persona,plan\n" +
		"c1,a1,2026-01-01T00:00:00Z,,pro\n" +
		"c2,a1,2026-01-01T00:00:00Z,,free\n" +
		"c2,a2,2026-01-01T00:01:00Z,,free\n" +
		"c3,a1,2026-01-01T00:00:00Z,Nobody,free\n"
	ndjson := `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","plan":"pro"}
{"customer_id":"c2","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","plan":"free"}
{"customer_id":"c2","touchpoint":"a2","timestamp":"2026-01-01T00:01:00Z","plan":"free"}
{"customer_id":"c3","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","persona":"Nobody","plan":"free"}
`
	for _, in := range []struct{ format, data string }{{"csv", csv}, {"ndjson", ndjson}} {
		res, err := Run(smallJourney(), strings.NewReader(in.data), in.format, Options{Columns: Columns{Breakdown: "plan"}, MaxBadRows: MaxBadRows(1)})
		require.NoError(t, err, in.format)
		require.NotNil(t, res.Breakdown, in.format)
		got := map[string]int64{}
		for _, g := range res.Breakdown.Groups {
			got[g.Value] = g.Customers
		}
		assert.Equal(t, map[string]int64{"pro": 1, "free": 1}, got, "%s: c3's only row is bad", in.format)
		require.Len(t, res.BadRows.Rows, 1, in.format)
		assert.Equal(t, "persona", res.BadRows.Rows[0].Field, in.format)
		assert.Equal(t, ReasonUnknownPersona, res.BadRows.Rows[0].Reason, in.format)
	}
}

// TestPlanPersonaAccessors: the persona keys, personas and routes a Plan
// exposes for engines that measure routes elsewhere (package
// analytics/sqlfunnel) are the ones it measures: ids and unique names
// only, personas in document order, route k for persona index k.
func TestPlanPersonaAccessors(t *testing.T) {
	id := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)) }
	a, b, c := id("a"), id("b"), id("c")
	j := &journey.Journey{SchemaVersion: 1, ID: id("j"), Title: "Personas", Type: journey.CurrentState,
		// Two personas share a name: it names neither of them.
		Personas: []*persona.Persona{{ID: a, Name: "Same"}, {ID: b, Name: "Bui"}, {ID: c, Name: "Same"}},
		Stages: []*journey.Stage{{ID: id("s"), Name: "S", Phase: journey.BeforePurchase, Touchpoints: []*touchpoint.Touchpoint{
			{ID: id("ad"), Name: "ad", Channel: channel.OnlineAds},
			{ID: id("x"), Name: "x", Channel: channel.Website, PersonaIDs: []uuid.UUID{a}},
			{ID: id("y"), Name: "y", Channel: channel.Website, PersonaIDs: []uuid.UUID{b, c}},
		}}}}
	p, err := NewPlan(j, Options{})
	require.NoError(t, err)

	want := []PersonaKey{{Key: a.String(), Persona: 1}, {Key: b.String(), Persona: 2}, {Key: c.String(), Persona: 3}, {Key: "Bui", Persona: 2}}
	slices.SortFunc(want, func(x, y PersonaKey) int { return strings.Compare(x.Key, y.Key) })
	assert.Equal(t, want, p.PersonaKeys(), "ids and the unique name, sorted by key")
	for _, k := range p.PersonaKeys() {
		i, ok := p.Persona(k.Key)
		assert.True(t, ok, "key %q", k.Key)
		assert.Equal(t, k.Persona, int(i), "key %q: the index Plan.Persona gives", k.Key)
	}
	_, ok := p.Persona("Same")
	assert.False(t, ok, "a shared name is not a key, and PersonaKeys leaves it out")

	assert.Equal(t, []PlanPersona{{ID: a, Name: "Same"}, {ID: b, Name: "Bui"}, {ID: c, Name: "Same"}}, p.Personas(), "document order")

	routes := p.Routes()
	assert.Equal(t, Routes(j), routes, "the journey's routes")
	require.Len(t, routes, 4)
	assert.Equal(t, uuid.Nil, routes[0].Persona, "route 0: customers without a persona")
	assert.Equal(t, b, routes[2].Persona, "route k: persona index k")
	assert.Equal(t, [][]int{{0}, {1, 2}}, routes[0].Steps, "x or y")
	assert.Equal(t, [][]int{{0}, {2}}, routes[3].Steps, "c: ad, y")
}
