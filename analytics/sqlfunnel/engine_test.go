package sqlfunnel_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
	_ "github.com/journeymap/journeymap/internal/chhttp"
)

// engine opens the database named by environment variable env (set by
// .ci/engines), or skips the test with a clear message; under
// JOURNEYMAP_E2E=1 a missing engine is a failure.
func engine(t *testing.T, env, driver string) *sql.DB {
	t.Helper()
	url := os.Getenv(env)
	if url == "" {
		msg := fmt.Sprintf("%s is not set: no %s to test against (bash .ci/engines starts one)", env, driver)
		if os.Getenv("JOURNEYMAP_E2E") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	db, err := sql.Open(driver, url)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	require.NoError(t, db.PingContext(context.Background()), "connecting to %s", env)
	return db
}

// conformance loads generated logs into db and asserts that the pushed-down
// funnel and the streamed analysis equal the Go engine's Result.
func conformance(t *testing.T, db *sql.DB, d sqlfunnel.Dialect, res time.Duration, nul bool) {
	ctx := context.Background()
	for _, cfg := range conformanceLogs(d != sqlfunnel.ClickHouse) {
		seed := cfg.Seed
		cfg.Resolution, cfg.NUL = res, nul
		alt := cfg.Alternatives || cfg.Personas
		log := sqlfunneltest.Random(cfg)
		name := fmt.Sprintf("jm_conformance_%d", seed)
		require.NoError(t, sqlfunneltest.Load(ctx, db, d, name, log.Events, ""), "loading log %d", seed)
		want, err := log.Go(log.Events)
		require.NoError(t, err)
		require.Equal(t, alt, sqlfunneltest.HasAlternatives(want), "log %d: the route has alternatives when asked", seed)
		p, err := log.Plan()
		require.NoError(t, err)
		src := sqlfunneltest.Table(d, name)
		if log.Personas {
			src = sqlfunneltest.PersonaTable(d, name)
			require.NotEmpty(t, want.Personas, "log %d: customers on persona routes", seed)
		}
		got, err := sqlfunnel.Run(ctx, db, p, src)
		require.NoError(t, err, "log %d", seed)
		assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got), "log %d: pushed-down funnel", seed)
		assert.Positive(t, want.BadRows.Count, "log %d has bad rows, so the test counts them", seed)

		streamed, err := sqlfunnel.Stream(ctx, db, log.Journey, log.Options(), src)
		require.NoError(t, err, "log %d", seed)
		assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(streamed), "log %d: streamed", seed)
		assert.Equal(t, want.Deviations.Variants != nil, streamed.Deviations.Variants != nil, "log %d: the streamed analysis has variants", seed)
		if seed == 0 {
			renamed, err := sqlfunneltest.RenamedView(ctx, db, d, name, "jm_renamed")
			require.NoError(t, err)
			got, err := sqlfunnel.Run(ctx, db, p, renamed)
			require.NoError(t, err, "columns named like the query's own values")
			assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got), "columns named like the query's own values")
		}
		if t.Failed() {
			q, _ := src.Funnel(p)
			t.Fatalf("log %d failed; query:\n%s", seed, q)
		}
	}
}

// conformanceLogs are the logs of the conformance tests: odd seeds have a
// route with alternatives (touchpoints for different personas), seeds 6
// and 7 any order (anyOrder: DuckDB and PostgreSQL), seeds 8 and up name
// personas on the events (in order, and in any order).
func conformanceLogs(anyOrder bool) []sqlfunneltest.Config {
	var out []sqlfunneltest.Config
	for seed := range uint64(8) {
		if seed >= 6 && !anyOrder {
			break
		}
		mode := analytics.InOrder
		if seed >= 6 {
			mode = analytics.AnyOrder
		}
		out = append(out, sqlfunneltest.Config{Seed: seed, Customers: 300 + 50*int(seed), Alternatives: seed%2 == 1, Mode: mode})
	}
	for seed := range uint64(4) {
		mode := analytics.InOrder
		if seed >= 2 {
			if !anyOrder {
				break
			}
			mode = analytics.AnyOrder
		}
		out = append(out, sqlfunneltest.Config{Seed: 8 + seed, Customers: 400, Personas: true, Mode: mode})
	}
	return out
}

// small runs the query on the smallest shapes a journey can take
// (sqlfunneltest.Small) in the given order modes.
func small(t *testing.T, db *sql.DB, d sqlfunnel.Dialect, res time.Duration, modes ...analytics.Mode) {
	ctx := context.Background()
	for _, log := range sqlfunneltest.Small(res) {
		require.NoError(t, sqlfunneltest.Load(ctx, db, d, "jm_small", log.Events, ""))
		for _, mode := range modes {
			log.Mode = mode
			want, err := log.Go(log.Events)
			require.NoError(t, err)
			p, err := log.Plan()
			require.NoError(t, err)
			// Events without personas read the same with the persona
			// column (all NULL or ''), whether the journey has personas
			// or not.
			srcs := []sqlfunnel.Source{sqlfunneltest.PersonaTable(d, "jm_small")}
			if !log.Personas {
				srcs = append(srcs, sqlfunneltest.Table(d, "jm_small"))
			}
			for _, src := range srcs {
				got, err := sqlfunnel.Run(ctx, db, p, src)
				require.NoError(t, err, "%s, %v, persona column %q", log.Journey.Title, mode, src.Columns.Persona)
				assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got), "%s, %v, persona column %q", log.Journey.Title, mode, src.Columns.Persona)
			}
		}
	}
}

func TestPostgresSmallJourneys(t *testing.T) {
	db := engine(t, "JOURNEYMAP_POSTGRES_URL", "pgx")
	small(t, db, sqlfunnel.PostgreSQL, time.Microsecond, analytics.InOrder, analytics.AnyOrder)
}

func TestClickHouseSmallJourneys(t *testing.T) {
	db := engine(t, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http")
	small(t, db, sqlfunnel.ClickHouse, time.Second, analytics.InOrder)
}

func TestPostgresConformance(t *testing.T) {
	db := engine(t, "JOURNEYMAP_POSTGRES_URL", "pgx")
	conformance(t, db, sqlfunnel.PostgreSQL, time.Microsecond, false)
}

func TestClickHouseConformance(t *testing.T) {
	db := engine(t, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http")
	conformance(t, db, sqlfunnel.ClickHouse, time.Second, true)
}

// TestClickHouseCluster is the distributed proof: the events are split by
// customer over two ClickHouse shards; the generated query over the
// Distributed table equals the Go engine over all events, and so do the
// per-shard results (Go engine and pushed-down query) merged.
func TestClickHouseCluster(t *testing.T) {
	shard1 := engine(t, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http")
	shard2 := engine(t, "JOURNEYMAP_CLICKHOUSE_SHARD2_URL", "clickhouse-http")
	cluster := os.Getenv("JOURNEYMAP_CLICKHOUSE_CLUSTER")
	require.NotEmpty(t, cluster, "JOURNEYMAP_CLICKHOUSE_CLUSTER names the cluster of the two shards")
	ctx := context.Background()
	for seed := range uint64(6) {
		alt := seed%2 == 1 // a route with alternatives
		// Seeds 4 and 5: personas on the events (and so alternatives).
		personas := seed >= 4
		alt = alt || personas
		log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 100 + seed, Customers: 500, Resolution: time.Second, NUL: true, Alternatives: alt, Personas: personas})
		table := sqlfunneltest.Table
		if personas {
			table = sqlfunneltest.PersonaTable
		}
		var parts [2][]analytics.Event
		for _, e := range log.Events {
			s := analytics.CustomerKey(e.Customer) % 2
			parts[s] = append(parts[s], e)
		}
		require.NotEmpty(t, parts[0])
		require.NotEmpty(t, parts[1])
		for i, db := range []*sql.DB{shard1, shard2} {
			require.NoError(t, sqlfunneltest.Load(ctx, db, sqlfunnel.ClickHouse, "jm_local", parts[i], ""), "shard %d", i+1)
		}
		_, err := shard1.ExecContext(ctx, "DROP TABLE IF EXISTS jm_all")
		require.NoError(t, err)
		_, err = shard1.ExecContext(ctx, "CREATE TABLE jm_all AS jm_local ENGINE = Distributed("+cluster+", currentDatabase(), jm_local)")
		require.NoError(t, err)

		p, err := log.Plan()
		require.NoError(t, err)
		want, err := log.Go(log.Events)
		require.NoError(t, err)
		require.Equal(t, alt, sqlfunneltest.HasAlternatives(want), "log %d: the route has alternatives when asked", seed)

		require.Equal(t, personas, len(want.Personas) > 0, "log %d: customers on persona routes when asked", seed)

		got, err := sqlfunnel.Run(ctx, shard1, p, table(sqlfunnel.ClickHouse, "jm_all"))
		require.NoError(t, err, "log %d", seed)
		assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got), "log %d: query over the Distributed table", seed)

		var goParts, sqlParts []*analytics.Result
		for i, db := range []*sql.DB{shard1, shard2} {
			r, err := log.Go(parts[i])
			require.NoError(t, err)
			goParts = append(goParts, r)
			r, err = sqlfunnel.Run(ctx, db, p, table(sqlfunnel.ClickHouse, "jm_local"))
			require.NoError(t, err, "log %d shard %d", seed, i+1)
			sqlParts = append(sqlParts, r)
		}
		goMerged, err := analytics.Merge(goParts...)
		require.NoError(t, err)
		assert.Equal(t, canonical(t, want), canonical(t, goMerged), "log %d: Go per shard, merged (every figure)", seed)
		sqlMerged, err := analytics.Merge(sqlParts...)
		require.NoError(t, err)
		assert.Equal(t, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(sqlMerged), "log %d: query per shard, merged", seed)
	}
}

// canonical is every figure of r as JSON, sources and listed bad rows apart.
func canonical(t *testing.T, r *analytics.Result) string {
	t.Helper()
	c := *r
	c.Source = ""
	c.BadRows.Rows = nil
	b, err := json.MarshalIndent(&c, "", " ")
	require.NoError(t, err)
	return string(b)
}
