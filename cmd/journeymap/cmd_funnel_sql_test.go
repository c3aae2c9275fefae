package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
	"github.com/journeymap/journeymap/internal/testkit/golden"
)

func TestFunnelSQLPrintsTheQuery(t *testing.T) {
	for _, d := range []string{"duckdb", "postgres", "clickhouse"} {
		r := cli(t, "", "funnel", "-journey", current, "-sql", d, "-table", "events", "-columns", "time=ts,outcome=outcome,emotion=emotion")
		require.Equal(t, 0, r.code, r.stderr)
		// The golden files are the queries as an analyst reads them, for the
		// example journey whose route has alternatives.
		golden.CheckString(t, "testdata/"+"funnel-"+d+".sql", r.stdout)
	}
}

func TestFunnelSQLUsage(t *testing.T) {
	for _, c := range []struct {
		why  string
		args []string
		want string
	}{
		{"the table is required", []string{"-sql", "postgres"}, "-table is required"},
		{"an unknown dialect", []string{"-sql", "mysql", "-table", "e"}, `"mysql" is not one of`},
		{"an unknown column field", []string{"-sql", "duckdb", "-table", "e", "-columns", "segment=plan"}, `field "segment"`},
		{"a column mapping without =", []string{"-sql", "duckdb", "-table", "e", "-columns", "customer"}, "is not field=column"},
		{"a table name with a NUL byte cannot be quoted", []string{"-sql", "duckdb", "-table", "e\x00vil"}, "NUL byte"},
		{"an unknown time unit", []string{"-sql", "duckdb", "-table", "e", "-time-unit", "days"}, "-time-unit"},
		{"the query computes no breakdown", []string{"-sql", "duckdb", "-table", "e", "-by", "plan"}, "-by is not computed with -sql or -db"},
		{"the query computes no strict order", []string{"-sql", "duckdb", "-table", "e", "-mode", "strict"}, "order mode strict"},
		{"ClickHouse's query computes no any order", []string{"-sql", "clickhouse", "-table", "e", "-mode", "any"}, "order mode any in ClickHouse"},
		{"DuckDB is not a server", []string{"-db", "duckdb://x", "-table", "e"}, "DuckDB runs inside a program"},
		{"an unknown scheme", []string{"-db", "mysql://h/db", "-table", "e"}, `scheme "mysql"`},
		{"-sql must agree with -db", []string{"-sql", "clickhouse", "-db", "postgres://127.0.0.1:1/x", "-table", "e"}, "does not match"},
	} {
		r := cli(t, "", append([]string{"funnel", "-journey", current}, c.args...)...)
		assert.Equal(t, exitUsage, r.code, c.why)
		assert.Contains(t, r.stderr, c.want, c.why)
	}
}

// TestFunnelSQLPersonaColumn: with a persona column the query checks the
// column's values against the journey's persona keys and measures each
// persona's route, in every dialect.
func TestFunnelSQLPersonaColumn(t *testing.T) {
	var doc struct {
		Personas []struct{ ID, Name string }
	}
	b, err := os.ReadFile(current)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	require.NotEmpty(t, doc.Personas, "the example journey has personas")
	for _, d := range []string{"duckdb", "postgres", "clickhouse"} {
		r := cli(t, "", "funnel", "-journey", current, "-sql", d, "-table", "events", "-columns", "time=ts,persona=who")
		require.Equal(t, 0, r.code, r.stderr)
		without := cli(t, "", "funnel", "-journey", current, "-sql", d, "-table", "events", "-columns", "time=ts")
		require.Equal(t, 0, without.code, without.stderr)
		assert.NotContains(t, without.stdout, "route_customers", "%s: no persona column, no routes", d)
		assert.Contains(t, r.stdout, "route_customers", "%s: the customers of each route", d)
		col := `"who"`
		if d == "clickhouse" {
			col = "`who`"
		}
		assert.Contains(t, r.stdout, col, "%s: the persona column, quoted", d)
		for _, ps := range doc.Personas {
			assert.Contains(t, r.stdout, "'"+ps.ID+"'", "%s: persona %s by id", d, ps.Name)
			assert.Contains(t, r.stdout, ps.Name+"'", "%s: persona %s by name", d, ps.Name)
		}
	}
}

// TestFunnelDBNeverPrintsCredentials connects to a closed port with a
// password in the URL and in the environment: the error names the server,
// never the password.
func TestFunnelDBNeverPrintsCredentials(t *testing.T) {
	t.Setenv("PGPASSWORD", "env-s3cret")
	t.Setenv("CLICKHOUSE_PASSWORD", "env-s3cret")
	for _, url := range []string{"postgres://me:url-s3cret@127.0.0.1:1/db?connect_timeout=2", "clickhouse://me:url-s3cret@127.0.0.1:1/db", "clickhouse://127.0.0.1:1/db"} {
		r := cli(t, "", "funnel", "-journey", current, "-db", url, "-table", "events")
		assert.Equal(t, exitInvalid, r.code, url)
		assert.Contains(t, r.stderr, "127.0.0.1:1", "the error names the server")
		assert.NotContains(t, r.stderr+r.stdout, "s3cret", url)
	}
}

// TestFunnelDBPostgres and TestFunnelDBClickHouse load the example events
// into the engine and check that -db gives the funnel of -events, and
// -stream every figure.
func TestFunnelDBPostgres(t *testing.T) {
	funnelDB(t, "JOURNEYMAP_POSTGRES_URL", "pgx", sqlfunnel.PostgreSQL)
}

func TestFunnelDBClickHouse(t *testing.T) {
	funnelDB(t, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http", sqlfunnel.ClickHouse)
}

func funnelDB(t *testing.T, env, driver string, d sqlfunnel.Dialect) {
	url := os.Getenv(env)
	if url == "" {
		msg := env + " is not set: no database to test against (bash .ci/engines starts one)"
		if os.Getenv("JOURNEYMAP_E2E") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	db, err := sql.Open(driver, url)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, sqlfunneltest.Load(context.Background(), db, d, "jm_cmd_events", exampleEvents(t), ""))
	if d == sqlfunnel.ClickHouse {
		url = "clickhouse" + url[len("http"):]
	}
	// The example's route has alternatives (touchpoints for different
	// personas); the straight journey has none: the query measures both as
	// -events does, in any order too where the engine's query computes it.
	modes := []string{"ordered"}
	if d != sqlfunnel.ClickHouse {
		modes = append(modes, "any") // ClickHouse's query computes the default mode only
	}
	for _, c := range []struct{ journey, mode string }{{current, "ordered"}, {straightJourney(t), "ordered"}, {current, modes[len(modes)-1]}} {
		j := c.journey
		want := decode(t, cli(t, "", "funnel", "-journey", j, "-mode", c.mode, "-format", "json", "-events", eventsFile))
		pushed := decode(t, cli(t, "", "funnel", "-journey", j, "-mode", c.mode, "-format", "json", "-db", url, "-table", "jm_cmd_events", "-columns", "time=ts,outcome=outcome,emotion=emotion"))
		// The query does not compute what dropped-off customers did next
		// (package sqlfunnel's doc): every other figure of the steps agrees.
		assert.Equal(t, withoutAfterDropOff(want.Stages), pushed.Stages, "stage funnel of %s, -mode %s", j, c.mode)
		assert.Equal(t, withoutAfterDropOff(want.Touchpoints), pushed.Touchpoints, "touchpoint funnel of %s, -mode %s", j, c.mode)
		assert.Equal(t, want.Events, pushed.Events, "events")
		assert.Equal(t, want.Customers, pushed.Customers, "customers")
	}
	personaRoutes(t, db, d, url)
	straight := straightJourney(t)
	args := []string{"funnel", "-journey", straight, "-format", "json", "-db", url, "-table", "jm_cmd_events", "-columns", "time=ts,outcome=outcome,emotion=emotion"}
	want := decode(t, cli(t, "", "funnel", "-journey", straight, "-format", "json", "-events", eventsFile))
	streamed := decode(t, cli(t, "", append(args, "-stream")...))
	want.Source, streamed.Source = "", ""
	assert.Equal(t, want, streamed, "streamed: every figure")
}

// personaRoutes names personas on the example events (by id, by name,
// none, and now and then another), loads them into the engine and into a
// CSV file, and checks that -db with -columns persona=… measures the
// persona routes as -events does.
func personaRoutes(t *testing.T, db *sql.DB, d sqlfunnel.Dialect, url string) {
	var doc struct {
		Personas []struct{ ID, Name string }
	}
	b, err := os.ReadFile(current)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	keys := []string{""}
	for _, ps := range doc.Personas {
		keys = append(keys, ps.ID, ps.Name)
	}
	events := exampleEvents(t)
	var csvText strings.Builder
	w := csv.NewWriter(&csvText)
	require.NoError(t, w.Write([]string{"customer_id", "touchpoint", "timestamp", "outcome", "emotion", "persona"}))
	for i := range events {
		e := &events[i]
		n := analytics.CustomerKey(e.Customer)
		e.Persona = keys[n%uint64(len(keys))]
		if i%17 == 0 { // another persona on some events
			e.Persona = keys[i%len(keys)]
		}
		emo := ""
		if e.Emotion != nil {
			emo = strconv.FormatFloat(*e.Emotion, 'f', -1, 64)
		}
		require.NoError(t, w.Write([]string{e.Customer, e.Touchpoint, e.Time.Format(time.RFC3339), e.Outcome.String(), emo, e.Persona}))
	}
	w.Flush()
	require.NoError(t, sqlfunneltest.Load(context.Background(), db, d, "jm_cmd_personas", events, ""))
	file := writeTemp(t, "personas.csv", csvText.String())
	want := decode(t, cli(t, "", "funnel", "-journey", current, "-format", "json", "-events", file))
	require.NotEmpty(t, want.Personas, "customers on persona routes")
	pushed := decode(t, cli(t, "", "funnel", "-journey", current, "-format", "json", "-db", url, "-table", "jm_cmd_personas", "-columns", "time=ts,outcome=outcome,emotion=emotion,persona=persona"))
	assert.Equal(t, withoutAfterDropOff(want.Touchpoints), pushed.Touchpoints, "touchpoint funnel, every route")
	require.Len(t, pushed.Personas, len(want.Personas))
	for i := range want.Personas {
		w := want.Personas[i]
		w.Touchpoints = withoutAfterDropOff(w.Touchpoints)
		assert.Equal(t, w, pushed.Personas[i], "the route of persona %q", w.Name)
	}
}

// withoutAfterDropOff returns a copy of steps without Step.AfterDropOff.
func withoutAfterDropOff(steps []analytics.Step) []analytics.Step {
	out := append([]analytics.Step(nil), steps...)
	for i := range out {
		out[i].AfterDropOff = nil
	}
	return out
}

// straightJourney writes the example journey without persona_ids: every
// touchpoint then serves every persona, and the route is one straight line
// of touchpoints, the funnel the SQL query measures.
func straightJourney(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(current)
	require.NoError(t, err)
	var doc any
	require.NoError(t, json.Unmarshal(b, &doc))
	var strip func(v any)
	strip = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "persona_ids")
			for _, x := range v {
				strip(x)
			}
		case []any:
			for _, x := range v {
				strip(x)
			}
		}
	}
	strip(doc)
	out, err := json.Marshal(doc)
	require.NoError(t, err)
	return writeTemp(t, "straight.json", string(out))
}

func decode(t *testing.T, r result) *analytics.Result {
	t.Helper()
	require.Equal(t, 0, r.code, r.stderr)
	var res analytics.Result
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &res))
	return &res
}

// exampleEvents reads the example event log.
func exampleEvents(t *testing.T) []analytics.Event {
	f, err := os.Open(eventsFile)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []analytics.Event
	for _, r := range rows[1:] {
		tm, err := time.Parse(time.RFC3339, r[2])
		require.NoError(t, err)
		o, err := analytics.ParseOutcome(r[3])
		require.NoError(t, err)
		e := analytics.Event{Customer: r[0], Touchpoint: r[1], Time: tm, Outcome: o}
		if r[4] != "" {
			f, err := strconv.ParseFloat(r[4], 64)
			require.NoError(t, err)
			e.Emotion = &f
		}
		out = append(out, e)
	}
	return out
}

// TestFunnelMerge splits the example events by customer, measures each
// part, and merges the JSON results: every figure equals one pass.
func TestFunnelMerge(t *testing.T) {
	data, err := os.ReadFile(eventsFile)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	parts := [2][]string{{lines[0]}, {lines[0]}}
	for _, l := range lines[1:] {
		c, _, _ := strings.Cut(l, ",")
		k := analytics.CustomerKey(c) % 2
		parts[k] = append(parts[k], l)
	}
	var files []string
	for i, p := range parts {
		csvFile := writeTemp(t, "part"+strconv.Itoa(i)+".csv", strings.Join(p, "\n")+"\n")
		r := cli(t, "", "funnel", "-journey", current, "-format", "json", "-events", csvFile)
		require.Equal(t, 0, r.code, r.stderr)
		files = append(files, writeTemp(t, "part"+strconv.Itoa(i)+".json", r.stdout))
	}
	merged := decode(t, cli(t, "", "funnel", "-journey", current, "-format", "json", "-merge", files[0], "-merge", files[1]))
	whole := decode(t, cli(t, "", "funnel", "-journey", current, "-format", "json", "-events", eventsFile))
	assert.Equal(t, "part0.csv, part1.csv", merged.Source)
	merged.Source, whole.Source = "", ""
	assert.Equal(t, whole, merged)

	r := cli(t, "", "funnel", "-journey", b2b, "-merge", files[0])
	assert.Equal(t, exitInvalid, r.code, "a result of another journey is refused")
	assert.Contains(t, r.stderr, "not of")
	r = cli(t, "", "funnel", "-journey", current, "-merge", current)
	assert.Equal(t, exitInvalid, r.code, "a journey is not a result")
}
