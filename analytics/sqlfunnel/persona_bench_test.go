package sqlfunnel_test

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/analytics/sqlfunnel/sqlfunneltest"
)

// BenchmarkPersonaRoutes measures what a persona column costs: the funnel
// query over a generated log whose events name personas (50,000 customers,
// about 290,000 events, five personas), with and without the persona
// column, in PostgreSQL and ClickHouse. It checks first that the query
// with the persona column equals the Go engine. Runs with
// JOURNEYMAP_BENCH_ENGINES=1 and the engines of .ci/engines:
//
//	JOURNEYMAP_BENCH_ENGINES=1 bash .ci/engines go test -run '^$' -bench PersonaRoutes -benchtime 3x ./analytics/sqlfunnel/
func BenchmarkPersonaRoutes(b *testing.B) {
	customers := engineBench(b, 50_000)
	ctx := context.Background()
	for _, c := range []struct {
		d           sqlfunnel.Dialect
		env, driver string
		res         time.Duration
	}{{sqlfunnel.PostgreSQL, "JOURNEYMAP_POSTGRES_URL", "pgx", time.Microsecond}, {sqlfunnel.ClickHouse, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http", time.Second}} {
		b.Run(c.d.String(), func(b *testing.B) {
			if os.Getenv(c.env) == "" {
				b.Skip(c.env + " is not set")
			}
			db, err := sql.Open(c.driver, os.Getenv(c.env))
			require.NoError(b, err)
			defer db.Close()
			log := sqlfunneltest.Random(sqlfunneltest.Config{Seed: 8, Customers: customers, Resolution: c.res, Personas: true, Mode: analytics.InOrder})
			require.NoError(b, sqlfunneltest.Load(ctx, db, c.d, "jm_bench_personas", log.Events, ""))
			p, err := log.Plan()
			require.NoError(b, err)
			want, err := log.Go(log.Events)
			require.NoError(b, err)
			got, err := sqlfunnel.Run(ctx, db, p, sqlfunneltest.PersonaTable(c.d, "jm_bench_personas"))
			require.NoError(b, err)
			require.Equal(b, sqlfunneltest.Comparable(want), sqlfunneltest.Comparable(got))
			b.Logf("%d events, %d customers, %d routes with customers", want.Events, want.Customers, len(want.Personas))
			for _, s := range []struct {
				name string
				src  sqlfunnel.Source
			}{{"without-persona", sqlfunneltest.Table(c.d, "jm_bench_personas")}, {"with-persona", sqlfunneltest.PersonaTable(c.d, "jm_bench_personas")}} {
				b.Run(s.name, func(b *testing.B) {
					for b.Loop() {
						if _, err := sqlfunnel.Run(ctx, db, p, s.src); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
