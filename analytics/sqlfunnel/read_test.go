package sqlfunnel_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

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
