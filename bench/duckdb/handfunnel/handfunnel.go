// Package handfunnel is the funnel as analysts write it by hand in SQL: a
// table mapping each touchpoint key to its step, then one CTE and one join
// per step. The benchmark runs it as DuckDB's side of the comparison with
// the Go engine, and sqlbench as the baseline of the generated query.
package handfunnel

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/journeymap/journeymap/analytics"
)

// The step tables CreateStepTables makes, for Counts.
const (
	TouchSteps = "touch_steps"
	StageSteps = "stage_steps"
)

// CreateStepTables creates (or replaces) the tables TouchSteps and
// StageSteps (key, step): every touchpoint key the plan accepts with its
// touchpoint step and its stage step.
func CreateStepTables(ctx context.Context, db *sql.DB, p *analytics.Plan) error {
	var touch, stage []string
	for _, k := range p.Keys() {
		touch = append(touch, fmt.Sprintf("(%s, %d)", Quote(k.Key), k.Touch))
		stage = append(stage, fmt.Sprintf("(%s, %d)", Quote(k.Key), k.Stage))
	}
	for name, rows := range map[string][]string{TouchSteps: touch, StageSteps: stage} {
		q := fmt.Sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM (VALUES %s) v(key, step)", name, strings.Join(rows, ", "))
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// Counts runs the funnel over table events (customer_id, touchpoint, t)
// with the step table steps of n steps, and returns the customers reaching
// each step: the journey starts at the customer's first event on step 0;
// step i counts at the earliest event on step i strictly after step i−1's,
// no later than the start plus the window.
func Counts(ctx context.Context, db *sql.DB, events, steps string, n int, window time.Duration) ([]int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "WITH ev AS (SELECT e.customer_id AS c, s.step AS p, e.t FROM %s e JOIN %s s ON e.touchpoint = s.key),\n", events, steps)
	b.WriteString("s0 AS (SELECT c, min(t) AS t0, min(t) AS t FROM ev WHERE p = 0 GROUP BY c)")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ",\ns%d AS (SELECT s.c, s.t0, min(ev.t) AS t FROM s%d s JOIN ev ON ev.c = s.c AND ev.p = %d AND ev.t > s.t AND ev.t <= s.t0 + INTERVAL (%d) MICROSECONDS GROUP BY s.c, s.t0)",
			i, i-1, i, window.Microseconds())
	}
	b.WriteString("\nSELECT ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(SELECT count(*) FROM s%d)", i)
	}
	counts := make([]int64, n)
	ptrs := make([]any, n)
	for i := range counts {
		ptrs[i] = &counts[i]
	}
	if err := db.QueryRowContext(ctx, b.String()).Scan(ptrs...); err != nil {
		return nil, fmt.Errorf("hand-written funnel over %s: %w", steps, err)
	}
	return counts, nil
}

// Quote writes s as a SQL string literal.
func Quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
