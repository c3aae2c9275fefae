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

// With a persona column, each customer is measured on the route of the
// persona of their first event: a value that is neither a persona's id
// nor its unique name makes a bad row, and the query names each
// persona's route.
func ExampleSource_Funnel_persona() {
	j, err := journey.Unmarshal([]byte(`{"schema_version": 1, "title": "Sign-up", "type": "current_state",
		"personas": [{"id": "7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b01", "name": "Lan"}, {"id": "7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b02", "name": "Minh"}],
		"stages": [{"name": "Discover", "phase": "before_purchase", "touchpoints": [
			{"name": "Sees an ad", "channel": "online_ads", "persona_ids": ["7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b01"]},
			{"name": "Hears from a friend", "channel": "word_of_mouth", "persona_ids": ["7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b02"]},
			{"name": "Visits the site", "channel": "website"}]}]}`))
	if err != nil {
		panic(err)
	}
	plan, err := analytics.NewPlan(j, analytics.Options{})
	if err != nil {
		panic(err)
	}
	src := sqlfunnel.Source{Dialect: sqlfunnel.PostgreSQL, Table: "events",
		Columns: sqlfunnel.Columns{Customer: "user_id", Touchpoint: "event", Time: "ts", Persona: "segment"}}
	q, err := src.Funnel(plan)
	if err != nil {
		panic(err)
	}
	for _, l := range strings.Split(q, "\n") {
		if strings.HasPrefix(l, "-- routes:") || strings.Contains(l, `"segment" AS text) IS NULL`) {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	// Output:
	// -- routes: touchpoint, the route of alternatives (customers without a persona); persona_1, the route of Lan (7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b01); persona_2, the route of Minh (7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b02)
	// AND (CAST("segment" AS text) IS NULL OR CAST("segment" AS text) IN ('', E'7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b01', E'7d3c3e0e-6b0a-4c55-9b7e-0a6f3d1e2b02', E'Lan', E'Minh'))) AS usable,
}
