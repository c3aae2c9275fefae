package sqlfunnel

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	_ "github.com/journeymap/journeymap/internal/chhttp"
)

// TestBucketSQL runs the bucket and bin expressions of each engine on the
// edge durations and compares with analytics.BucketOf and the chart bins.
func TestBucketSQL(t *testing.T) {
	for _, c := range []struct {
		d           Dialect
		env, driver string
	}{{PostgreSQL, "JOURNEYMAP_POSTGRES_URL", "pgx"}, {ClickHouse, "JOURNEYMAP_CLICKHOUSE_URL", "clickhouse-http"}} {
		t.Run(c.d.String(), func(t *testing.T) {
			url := os.Getenv(c.env)
			if url == "" {
				msg := c.env + " is not set: no engine to test against (bash .ci/engines starts one)"
				if os.Getenv("JOURNEYMAP_E2E") == "1" {
					t.Fatal(msg)
				}
				t.Skip(msg)
			}
			db, err := sql.Open(c.driver, url)
			require.NoError(t, err)
			defer db.Close()
			var vals []string
			for _, d := range edgeDurations() {
				vals = append(vals, fmt.Sprint(d))
			}
			var from string
			if c.d == ClickHouse {
				from = "(SELECT toInt64(arrayJoin([" + strings.Join(vals, ", ") + "])) AS d)"
			} else {
				from = "(SELECT CAST(v AS BIGINT) AS d FROM (VALUES (" + strings.Join(vals, "), (") + ")) AS x(v))"
			}
			q := fmt.Sprintf("SELECT d, %s AS bucket, %s AS bin FROM (%s) AS b ORDER BY d", bucketOf(c.d, "d", "e"), binOf(c.d, "d", "e"), exponent(c.d, from, "d", "e"))
			rows, err := db.QueryContext(context.Background(), q)
			require.NoError(t, err, q)
			defer rows.Close()
			n := 0
			for rows.Next() {
				var d, bucket, bin int64
				require.NoError(t, rows.Scan(&d, &bucket, &bin))
				assert.Equal(t, int64(analytics.BucketOf(time.Duration(d))), bucket, "duration %d", d)
				assert.Equal(t, wantBin(d), bin, "bin of duration %d", d)
				n++
			}
			require.NoError(t, rows.Err())
			assert.Len(t, edgeDurations(), n)
		})
	}
}
