package sqlfunnel_test

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/sqlfunnel"
	"github.com/journeymap/journeymap/journey"
)

// A journey's funnel as a DuckDB query over a table with its own column
// names; run it with sqlfunnel.Run(ctx, db, plan, src) to get the Result.
func ExampleSource_Funnel() {
	j, err := journey.Unmarshal([]byte(`{"schema_version": 1, "title": "Sign-up", "type": "current_state",
		"stages": [{"name": "Discover", "phase": "before_purchase", "touchpoints": [
			{"name": "Sees an ad", "channel": "online_ads"}, {"name": "Visits the site", "channel": "website"}]}]}`))
	if err != nil {
		panic(err)
	}
	plan, err := analytics.NewPlan(j, analytics.Options{})
	if err != nil {
		panic(err)
	}
	src := sqlfunnel.Source{Dialect: sqlfunnel.DuckDB, Table: "events",
		Columns: sqlfunnel.Columns{Customer: "user_id", Touchpoint: "event", Time: "ts"}}
	q, err := src.Funnel(plan)
	if err != nil {
		panic(err)
	}
	for _, l := range strings.Split(q, "\n") {
		if strings.HasPrefix(l, "exact_touchpoint_") || strings.Contains(l, "'Visits the site'") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	// Output:
	// ('Visits the site', 1, 1, 0), -- Visits the site
	// exact_touchpoint_0 AS ( -- touchpoint step 0: Sees an ad
	// exact_touchpoint_1 AS MATERIALIZED ( -- touchpoint step 1: Visits the site
}
