package sqlfunnel_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
)

// fakeEngine answers every query with the given result rows, as ClickHouse's
// HTTP interface would.
func fakeEngine(t *testing.T, rows string) *sql.DB {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, "measure\ttouchpoint\tstep\tbucket\tvalue\nString\tString\tInt64\tInt64\tInt64\n"+rows)
	}))
	t.Cleanup(s.Close)
	db, err := sql.Open("clickhouse-http", s.URL)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestReadRejectsRowsItDoesNotUnderstand(t *testing.T) {
	log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 1, Customers: 10})
	p, err := log.Plan()
	require.NoError(t, err)
	src := sqlfunneltest.Table(sqlfunnel.ClickHouse, "events")
	for _, c := range []struct{ why, row, want string }{
		{"an unknown measure", "touchpoint_left\t\t0\t0\t1\n", "unknown measure"},
		{"a measure of no funnel", "basket_reached\t\t0\t0\t1\n", "unknown measure"},
		{"a step past the end", "touchpoint_reached\t\t99\t0\t1\n", "no such step"},
		{"a negative step", "stage_reached\t\t-1\t0\t1\n", "no such step"},
		{"step 0 has no time to convert", "touchpoint_from_start\t\t0\t300\t1\n", "no such bucket"},
		{"step 0 has no chart bin", "touchpoint_from_start_bins\t\t0\t1\t1\n", "no such bin"},
		{"a bin past 2^64 seconds", "stage_from_previous_bins\t\t1\t65\t1\n", "no such bin"},
		{"a negative count", "customers\t\t0\t0\t-5\n", "negative value"},
		{"a value that is not a number", "customers\t\t0\t0\tmany\n", "bad result row 1"},
		{"a route of no persona of the journey", "touchpoint_reached\tnobody\t0\t0\t1\n", "no such persona"},
		{"the customers of no persona's route", "route_customers\t00000000-0000-0000-0000-000000000001\t0\t0\t1\n", "no such persona"},
	} {
		_, err := sqlfunnel.Run(context.Background(), fakeEngine(t, c.row), p, src)
		assert.ErrorIs(t, err, sqlfunnel.ErrRow, c.why)
		assert.ErrorContains(t, err, c.want, c.why)
	}
}

// TestReadAddsUpRows reads the rows of two engines as one answer: equal
// rows add up, so the Result is the merge of both.
func TestReadAddsUpRows(t *testing.T) {
	log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 1, Customers: 10})
	p, err := log.Plan()
	require.NoError(t, err)
	key := p.Keys()[0]
	rows := strings.Repeat("customers\t\t0\t0\t3\n"+
		"touchpoint_reached\t\t0\t0\t2\n"+
		"touchpoint_reached\t\t1\t0\t1\n"+
		"touchpoint_drop_off\t\t0\t0\t1\n"+
		"touchpoint_from_start\t\t1\t900\t1\n"+
		"touchpoint_from_start_bins\t\t1\t3\t1\n"+
		"events\t"+strings.ReplaceAll(key.Key, "\t", `\t`)+"\t0\t0\t4\n"+
		"events\tnot planned\t0\t0\t2\n"+
		"emotion_count\tnot planned\t0\t0\t1\n"+
		"emotion_sum_milli\tnot planned\t0\t0\t-1500\n"+
		"bad_rows\t\t0\t0\t1\n", 2)
	r, err := sqlfunnel.Run(context.Background(), fakeEngine(t, rows), p, sqlfunneltest.Table(sqlfunnel.ClickHouse, "events"))
	require.NoError(t, err)
	assert.Equal(t, int64(6), r.Customers)
	assert.Equal(t, int64(4), r.Touchpoints[0].Reached)
	assert.Equal(t, int64(2), r.Touchpoints[1].Reached)
	assert.Equal(t, []analytics.Bucket{{Index: 900, Count: 2}}, r.Touchpoints[1].FromStart.Buckets)
	assert.Equal(t, []int64{0, 0, 0, 2}, r.Touchpoints[1].FromStart.Bins, "bin 3: 4 to 8 seconds")
	assert.Equal(t, int64(2), r.Touchpoints[1].FromStart.Count, "derived from the buckets")
	assert.Equal(t, int64(2), r.Touchpoints[0].DropOff, "drop-off rows add up")
	assert.Zero(t, r.Touchpoints[1].DropOff, "drop-off comes from its rows, never derived")
	assert.Equal(t, 0.5, r.Touchpoints[1].ConversionFromPrevious, "derived from the counts")
	assert.Equal(t, int64(8), r.Deviations.Touchpoints[key.Touch].Events)
	assert.Equal(t, int64(12), r.Events)
	require.Len(t, r.Deviations.AdHoc, 1)
	assert.Equal(t, analytics.AdHocTouchpoint{Key: "not planned", Events: 4, Emotion: &analytics.Emotion{Count: 2, SumMilli: -3000, Mean: -1.5}}, r.Deviations.AdHoc[0])
	assert.Equal(t, int64(2), r.BadRows.Count)
}

func TestSourceErrors(t *testing.T) {
	log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 1, Customers: 10})
	p, err := log.Plan()
	require.NoError(t, err)
	for _, c := range []struct {
		why string
		src sqlfunnel.Source
	}{
		{"no table", sqlfunnel.Source{}},
		{"a NUL byte in a column name", sqlfunnel.Source{Table: "e", Columns: sqlfunnel.Columns{Customer: "a\x00"}}},
		{"a NUL byte in the schema", sqlfunnel.Source{Table: "e", Schema: "\x00"}},
		{"a time unit that is not one", sqlfunnel.Source{Table: "e", TimeUnit: 7}},
		{"an unknown dialect", sqlfunnel.Source{Table: "e", Dialect: 9}},
	} {
		_, err := c.src.Funnel(p)
		assert.Error(t, err, c.why)
		_, err = c.src.Events()
		assert.Error(t, err, c.why)
	}
	_, err = sqlfunnel.ParseDialect("mysql")
	assert.ErrorIs(t, err, sqlfunnel.ErrDialect)
	for in, want := range map[string]sqlfunnel.Dialect{"duckdb": sqlfunnel.DuckDB, "PostgreSQL": sqlfunnel.PostgreSQL, "postgres": sqlfunnel.PostgreSQL, "clickhouse": sqlfunnel.ClickHouse} {
		d, err := sqlfunnel.ParseDialect(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, d, in)
	}
}

// TestUnsupportedPlans: a plan the query would measure differently from the
// Go engine is refused, by Funnel and by Read alike.
func TestUnsupportedPlans(t *testing.T) {
	log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 1, Customers: 10})
	src := sqlfunneltest.Table(sqlfunnel.ClickHouse, "events")
	for _, c := range []struct {
		why  string
		opts analytics.Options
		want string
	}{
		{"another order mode", analytics.Options{Mode: analytics.StrictOrder}, "order mode strict"},
		{"a breakdown", analytics.Options{Columns: analytics.Columns{Breakdown: "plan"}}, `breakdown by "plan"`},
	} {
		c.opts.Window = log.Window
		p, err := analytics.NewPlan(log.Journey, c.opts)
		require.NoError(t, err, c.why)
		_, err = src.Funnel(p)
		assert.ErrorIs(t, err, sqlfunnel.ErrUnsupported, c.why)
		assert.ErrorContains(t, err, c.want, c.why)
		_, err = sqlfunnel.Run(context.Background(), fakeEngine(t, "customers\t\t0\t0\t1\n"), p, src)
		assert.ErrorIs(t, err, sqlfunnel.ErrUnsupported, c.why)
	}
}

// TestReadRoutes: rows of persona routes (the persona's id in column
// touchpoint) add up to Result.Touchpoints and give Result.Personas, one
// funnel per route with customers, its touchpoints those of the route in
// journey order with their step on it; rows without a persona's id give
// no Personas, as the Go engine gives none when no customer has a
// persona.
func TestReadRoutes(t *testing.T) {
	log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 8, Customers: 10, Personas: true})
	p, err := log.Plan()
	require.NoError(t, err)
	routes := p.Routes()
	k := 1
	for len(routes[k].Steps) < 2 { // a persona whose route has two steps
		k++
	}
	id := routes[k].Persona.String()
	t0, t1 := routes[k].Steps[0][0], routes[k].Steps[1][0]
	rows := fmt.Sprintf("customers\t\t0\t0\t5\n"+
		"route_customers\t\t0\t0\t2\n"+
		"route_customers\t%[1]s\t0\t0\t3\n"+
		"touchpoint_reached\t\t%[2]d\t0\t2\n"+
		"touchpoint_reached\t%[1]s\t%[2]d\t0\t3\n"+
		"touchpoint_reached\t%[1]s\t%[3]d\t0\t1\n"+
		"touchpoint_drop_off\t%[1]s\t%[2]d\t0\t2\n"+
		"touchpoint_from_start\t%[1]s\t%[3]d\t900\t1\n", id, t0, t1)
	src := sqlfunneltest.PersonaTable(sqlfunnel.ClickHouse, "events")
	r, err := sqlfunnel.Run(context.Background(), fakeEngine(t, rows), p, src)
	require.NoError(t, err)
	assert.Equal(t, int64(5), r.Touchpoints[t0].Reached, "the routes add up")
	assert.Equal(t, []analytics.Bucket{{Index: 900, Count: 1}}, r.Touchpoints[t1].FromStart.Buckets)
	require.Len(t, r.Personas, 2, "the route of alternatives and the persona's")
	assert.Equal(t, uuid.Nil, r.Personas[0].ID, "sorted by id: no persona first")
	assert.Equal(t, int64(2), r.Personas[0].Customers)
	assert.Len(t, r.Personas[0].Touchpoints, len(r.Touchpoints), "every touchpoint is on the route of alternatives")
	pf := r.Personas[1]
	assert.Equal(t, routes[k].Persona, pf.ID)
	assert.Equal(t, p.Personas()[k-1].Name, pf.Name)
	assert.Equal(t, int64(3), pf.Customers)
	require.Len(t, pf.Touchpoints, len(routes[k].Steps), "the route's touchpoints only")
	assert.Equal(t, r.Touchpoints[t1].ID, pf.Touchpoints[1].ID)
	assert.Equal(t, 1, pf.Touchpoints[1].RouteStep, "the step on the persona's route")
	assert.Equal(t, int64(3), pf.Touchpoints[0].Reached)
	assert.Equal(t, int64(2), pf.Touchpoints[0].DropOff)
	assert.InDelta(t, 1.0/3, pf.Touchpoints[1].ConversionFromPrevious, 1e-9, "derived per route")

	off := 0
	for slices.ContainsFunc(routes[k].Steps, func(s []int) bool { return slices.Contains(s, off) }) {
		off++ // a touchpoint of another persona only
	}
	require.Less(t, off, len(r.Touchpoints), "persona %d's route leaves out a touchpoint", k)
	_, err = sqlfunnel.Run(context.Background(), fakeEngine(t, fmt.Sprintf("touchpoint_reached\t%s\t%d\t0\t1\n", id, off)), p, src)
	assert.ErrorIs(t, err, sqlfunnel.ErrRow, "a persona's route has no such touchpoint")
	assert.ErrorContains(t, err, "off the persona's route")

	r, err = sqlfunnel.Run(context.Background(), fakeEngine(t, "customers\t\t0\t0\t2\nroute_customers\t\t0\t0\t2\ntouchpoint_reached\t\t0\t0\t2\n"), p, src)
	require.NoError(t, err)
	assert.Nil(t, r.Personas, "nobody on a persona's route: no Personas")
	assert.Equal(t, int64(2), r.Touchpoints[0].Reached)
}
