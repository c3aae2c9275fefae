package sqlfunnel_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
)

// engineBench skips b unless JOURNEYMAP_BENCH_ENGINES=1 (loading the logs
// into the engines takes minutes), and returns the number of customers to
// generate: JOURNEYMAP_BENCH_CUSTOMERS, or def.
func engineBench(b *testing.B, def int) int {
	b.Helper()
	if os.Getenv("JOURNEYMAP_BENCH_ENGINES") != "1" {
		b.Skip("set JOURNEYMAP_BENCH_ENGINES=1 and start the engines (bash .ci/engines) to load the benchmark's events into them")
	}
	customers := def
	if n := os.Getenv("JOURNEYMAP_BENCH_CUSTOMERS"); n != "" {
		if _, err := fmt.Sscan(n, &customers); err != nil || customers < 1 {
			b.Fatalf("JOURNEYMAP_BENCH_CUSTOMERS=%q: want a positive number of customers", n)
		}
	}
	return customers
}

// BenchmarkEngines measures the generated funnel query in PostgreSQL, in
// one ClickHouse server and in the two-shard ClickHouse cluster, on the
// synthetic log of the analytics benchmarks (1,000,000 customers, 8 steps,
// about 5,300,000 events), next to the Go engine on the same events in
// memory and to streaming the events out of PostgreSQL into the Go engine.
// Loading the log takes minutes, so it runs only with
// JOURNEYMAP_BENCH_ENGINES=1 and the engines of .ci/engines:
//
//	JOURNEYMAP_BENCH_ENGINES=1 bash .ci/engines go test -run '^$' -bench Engines -benchtime 3x ./analytics/sqlfunnel/
func BenchmarkEngines(b *testing.B) {
	customers := engineBench(b, 1_000_000)
	ctx := context.Background()
	syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: 1, Customers: customers, Steps: 8, DropOff: 0.13, Noise: 0.02})
	plan, err := analytics.NewPlan(syn.Journey, analytics.Options{Source: "synthetic"})
	require.NoError(b, err)
	recs := syn.Records(plan)
	want, err := plan.AnalyzeRecords(recs)
	require.NoError(b, err)
	b.Logf("%d events, %d customers", want.Events, want.Customers)
	check := func(name string, got *analytics.Result) {
		require.Equal(b, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got), "%s differs from the Go engine", name)
	}
	b.Run("go/records", func(b *testing.B) {
		for b.Loop() {
			if _, err := plan.AnalyzeRecords(recs); err != nil {
				b.Fatal(err)
			}
		}
	})
	src := sqlfunnel.Source{Table: "jm_bench", Columns: sqlfunnel.Columns{Time: "ts", Outcome: "outcome", Emotion: "emotion"}}

	if url := os.Getenv("JOURNEYMAP_POSTGRES_URL"); url != "" {
		db, err := sql.Open("pgx", url)
		require.NoError(b, err)
		defer db.Close()
		start := time.Now()
		loadPostgres(b, db, syn)
		b.Logf("postgres: loaded in %v", time.Since(start))
		src.Dialect = sqlfunnel.PostgreSQL
		got, err := sqlfunnel.Run(ctx, db, plan, src)
		require.NoError(b, err)
		check("postgres", got)
		b.Run("postgres/query", func(b *testing.B) {
			for b.Loop() {
				if _, err := sqlfunnel.Run(ctx, db, plan, src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("postgres/stream", func(b *testing.B) {
			for b.Loop() {
				if _, err := sqlfunnel.Stream(ctx, db, syn.Journey, analytics.Options{}, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	if url := os.Getenv("JOURNEYMAP_CLICKHOUSE_URL"); url != "" {
		db, err := sql.Open("clickhouse-http", url)
		require.NoError(b, err)
		defer db.Close()
		src.Dialect = sqlfunnel.ClickHouse
		start := time.Now()
		loadClickHouse(b, db, "jm_bench", syn, func(string) bool { return true })
		b.Logf("clickhouse: loaded in %v", time.Since(start))
		got, err := sqlfunnel.Run(ctx, db, plan, src)
		require.NoError(b, err)
		check("clickhouse", got)
		b.Run("clickhouse/query", func(b *testing.B) {
			for b.Loop() {
				if _, err := sqlfunnel.Run(ctx, db, plan, src); err != nil {
					b.Fatal(err)
				}
			}
		})
		if url2, cluster := os.Getenv("JOURNEYMAP_CLICKHOUSE_SHARD2_URL"), os.Getenv("JOURNEYMAP_CLICKHOUSE_CLUSTER"); url2 != "" && cluster != "" {
			db2, err := sql.Open("clickhouse-http", url2)
			require.NoError(b, err)
			defer db2.Close()
			shard := func(n uint64) func(string) bool {
				return func(c string) bool { return analytics.CustomerKey(c)%2 == n }
			}
			loadClickHouse(b, db, "jm_bench_local", syn, shard(0))
			loadClickHouse(b, db2, "jm_bench_local", syn, shard(1))
			_, err = db.ExecContext(ctx, "DROP TABLE IF EXISTS jm_bench_all")
			require.NoError(b, err)
			_, err = db.ExecContext(ctx, "CREATE TABLE jm_bench_all AS jm_bench_local ENGINE = Distributed("+cluster+", currentDatabase(), jm_bench_local)")
			require.NoError(b, err)
			dist := src
			dist.Table = "jm_bench_all"
			got, err := sqlfunnel.Run(ctx, db, plan, dist)
			require.NoError(b, err)
			check("clickhouse cluster", got)
			b.Run("clickhouse-2-shards/query", func(b *testing.B) {
				for b.Loop() {
					if _, err := sqlfunnel.Run(ctx, db, plan, dist); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// loadPostgres loads the log with COPY from a file the local server reads.
func loadPostgres(b *testing.B, db *sql.DB, syn *analytics.Synthetic) {
	dir, err := os.MkdirTemp("", "jm-bench")
	require.NoError(b, err)
	defer os.RemoveAll(dir)
	require.NoError(b, os.Chmod(dir, 0o755))
	path := filepath.Join(dir, "events.csv")
	f, err := os.Create(path)
	require.NoError(b, err)
	require.NoError(b, syn.WriteCSV(f))
	require.NoError(b, f.Close())
	require.NoError(b, os.Chmod(path, 0o644))
	for _, q := range []string{
		"DROP TABLE IF EXISTS jm_bench",
		"CREATE TABLE jm_bench (customer_id text, touchpoint text, ts timestamptz, outcome text, emotion double precision)",
		"COPY jm_bench FROM '" + strings.ReplaceAll(path, "'", "''") + "' WITH (FORMAT csv, HEADER true)",
		"ANALYZE jm_bench",
	} {
		_, err := db.Exec(q)
		require.NoError(b, err, q)
	}
}

// loadClickHouse loads the events of the customers keep selects as
// TabSeparated, half a million rows per INSERT.
func loadClickHouse(b *testing.B, db *sql.DB, table string, syn *analytics.Synthetic, keep func(string) bool) {
	for _, q := range []string{
		"DROP TABLE IF EXISTS " + table,
		"CREATE TABLE " + table + " (customer_id String, touchpoint String, ts DateTime('UTC'), outcome Nullable(String), emotion Nullable(Float64)) ENGINE = MergeTree() ORDER BY (customer_id, ts)",
	} {
		_, err := db.Exec(q)
		require.NoError(b, err, q)
	}
	var sb strings.Builder
	n := 0
	flush := func() {
		if n > 0 {
			_, err := db.Exec("INSERT INTO " + table + " FORMAT TabSeparated\n" + sb.String())
			require.NoError(b, err)
		}
		sb.Reset()
		n = 0
	}
	for e := range syn.Events() {
		if !keep(e.Customer) {
			continue
		}
		outcome, emotion := `\N`, `\N`
		if e.Outcome != analytics.NoOutcome {
			outcome = e.Outcome.String()
		}
		if e.Emotion != nil {
			emotion = fmt.Sprint(*e.Emotion)
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\t%s\n", e.Customer, e.Touchpoint, e.Time.UTC().Format("2006-01-02 15:04:05"), outcome, emotion)
		if n++; n == 500_000 {
			flush()
		}
	}
	flush()
}
