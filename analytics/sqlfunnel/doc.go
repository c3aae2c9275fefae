// Package sqlfunnel runs a journey's funnel where the events already live:
// it writes the funnel of an analytics.Plan as one SQL query for DuckDB,
// PostgreSQL or ClickHouse over a table or view whose columns the caller
// names (Source), and reads the query's rows into the same analytics.Result
// the Go engine computes, so that only the small result leaves the
// database and Results from engines, shards and files merge exactly
// (analytics.Merge). The package imports database/sql only: bring the
// engine's driver (for example github.com/jackc/pgx/v5/stdlib or
// github.com/duckdb/duckdb-go/v2).
//
// Two ways to use an engine, both from a *sql.DB:
//
//   - Run pushes the funnel down (Source.Funnel) and reads the rows (Read):
//     both funnels with reached, drop-off, time-to-convert histograms (the
//     fine buckets that give the median, P90, P95 and P99, and the chart
//     Bins), events, customers, per-touchpoint events, failures and
//     emotions, ad-hoc touchpoints and the number of bad rows.
//   - Stream reads the events ORDER BY customer, time (Source.Events) into
//     the Go engine for the full analysis (deviations, variants) in
//     constant memory.
//
// # Semantics
//
// The query computes the funnels of the analytics package in its default
// order mode, anchored greedy, with the plan's conversion window: a
// customer starts at their first event on step 0 (t0); step i is reached at
// their earliest event on step i strictly after step i−1's time, provided
// it is at most the window after t0. The touchpoint funnel follows the
// journey's route of alternatives (analytics.Routes): a step whose
// touchpoints serve different personas is reached at the earliest event on
// any of them, and is credited to the first of them in journey order with
// an event at that time, as the Go engine takes equal times in its
// sorting input orders (Any, CustomerContiguous); with TimeOrdered input
// the Go engine credits the first in input order instead. Step keys are the plan's (analytics
// Plan.Keys: ids, unique names and Options.Keys); any other touchpoint is
// ad hoc. A row is a bad row, counted but not used, when the customer,
// touchpoint or time is NULL or empty, the time is outside the years
// 1678..2261, the outcome is not NULL, "", "ok" or "failed", the emotion
// is not NULL and not within −2..2, or the persona (Columns.Persona) is
// not NULL, "" or a persona key of the plan (analytics Plan.PersonaKeys:
// a persona id, or a name no other persona of the journey has) — the
// rules of the Go readers.
//
// # Personas
//
// With a persona column, each customer is measured on a route, as the Go
// engine measures them (analytics package doc, "Routes per persona"): the
// persona of the customer's first usable event (the earliest; of events
// at that time, the first in the Go engine's sorting order: planned
// touchpoints in journey order, then ad-hoc keys in byte order, then
// outcome, emotion and persona) chooses the route; a later event's
// persona is not used. A customer with a persona is measured on its route
// (analytics Plan.Routes: the touchpoints that serve the persona, one step
// each; events on other personas' touchpoints are no steps for them), a
// customer without one on the route of alternatives. Result.Touchpoints
// sums every route, and Result.Personas has the funnel of each route with
// customers when some customer has a persona, as in the Go engine. In the
// query every persona's route is a touchpoint funnel of its own
// (persona_1, persona_2, … in column names) whose first step counts only
// the customers on that route. Without a persona column every customer is
// measured as a customer without a persona, on the route of alternatives,
// and Result.Personas is empty, as in the Go engine for such events.
//
// Times are taken at the engine's resolution: microseconds in PostgreSQL
// and DuckDB timestamps, seconds in ClickHouse's DateTime, or the unit of
// an integer column (Source.TimeUnit). A Result from an engine equals the
// Go engine's on the same events at that resolution, histogram buckets
// and bins included, and merges with it exactly (analytics.Merge).
//
// What the query does not compute, left empty in a pushed-down Result (use
// Stream for them):
//
//   - the figures that depend on the order of events with equal times:
//     missing and irregular touchpoints, customers by kind of deviation,
//     variants, and what dropped-off customers did next
//     (Step.AfterDropOff);
//   - the reasons of bad rows (BadRows.Reasons) and the bad rows
//     themselves (BadRows.Rows): the query counts them only.
//
// In DuckDB and PostgreSQL the query computes analytics.AnyOrder as well:
// the journey starts at the customer's first event on any step (t0), step
// i is reached at the latest of the first times on steps 0..i when all of
// them are within the window after t0 (several steps can be reached at
// once: a time from previous of 0), and a step's alternatives credit the
// first in journey order with an event by then. Funnel and Read refuse
// (ErrUnsupported) analytics.StrictOrder and a breakdown column
// (Columns.Breakdown); Funnel refuses AnyOrder in ClickHouse.
// Step.RouteStep and Step.Personas come from the plan.
//
// # The query
//
// For DuckDB and PostgreSQL the query is a chain of common table
// expressions an analyst can follow: planned_keys (the touchpoint keys, the
// touchpoint, its step on the route and its stage's step, as quoted
// literals), source_rows (every row, usable or bad, time in nanoseconds),
// by_key (events and bad rows per key), then the steps, which end in one
// row per customer (reached: when each step was reached, and which of a
// step's alternatives reached it), counted (one pass over reached counts
// the customers who reached each step and who dropped off there), measures
// (one row per time to convert) and durations (the times to convert
// counted per exponent, 8 leading bits and bin flag, and from those counts
// the histogram buckets and chart bins: the formulas run on a few thousand
// groups, not on every time).
//
// In PostgreSQL the steps are customers (per customer: the first time on
// step 0 and the list of times on every later step, or on each of its
// alternatives) and one LATERAL subquery per step (the earliest time after
// the previous step within the window).
//
// In DuckDB they avoid a join per step: firsts (one aggregation: each
// customer's first time on each touchpoint) gives the first time on every
// step, and for a customer whose steps' first times come one after the
// other that is the whole funnel (fast, decided). A customer whose first
// time on the step after the furthest so reached is not after it is
// undecided; only those customers take the exact path, one join per step
// over their own events (exact_events, exact_touchpoint_1, …), and both
// paths meet in reached.
//
// In any order (both engines) firsts alone decides the funnel: reached
// takes, per step, the latest first time of the steps up to it.
// ClickHouse 18.16 (Debian bookworm's) has neither WITH subqueries nor
// window functions, so the ClickHouse query nests commented subqueries
// using only functions both that release and current releases accept:
// countIf, minIf, groupArrayIf, arrayFilter with a lambda, arrayReduce,
// arrayConcat, has, notEmpty, transform, ARRAY JOIN, log2, bitShiftRight,
// multiIf, and with a persona column argMin over a tuple, intDiv and an
// array literal's element. It runs
// unchanged over a Distributed table: the per-customer aggregation is then
// done on the shards and merged on the initiator. With customers sharded
// by key, running the query on every shard's local table and merging the
// Results keeps even that traffic on the shards.
//
// Nothing the caller provides is spliced into the SQL unquoted: table,
// schema and column names are quoted identifiers (a name with a NUL byte is
// refused), touchpoint keys are string literals escaped for the dialect
// (PostgreSQL E'…' strings, DuckDB '…' strings, ClickHouse backslash
// escapes), and names in comments are reduced to printable characters on
// one line. A key PostgreSQL or DuckDB text cannot hold (a NUL byte,
// invalid UTF-8) is left out of their queries, as no row can carry it.
//
// # Result rows
//
// The query returns rows of five columns, in any order; rows with the same
// first four columns add up:
//
//	measure     text     what the row counts (below)
//	touchpoint  text     the touchpoint key, for per-key measures; with a persona
//	                     column, the persona's id for the touchpoint funnel's
//	                     measures and route_customers of a persona's route; ''
//	                     otherwise (and for the route of alternatives)
//	step        integer  the funnel step, 0-based, for funnel measures; 0 otherwise
//	bucket      integer  the histogram bucket (analytics.BucketOf) or chart bin, for durations; 0 otherwise
//	value       integer  the count (a sum for emotion_sum_milli)
//
// The measures:
//
//	customers                      customers with at least one usable row
//	route_customers                customers on the route of the persona in column
//	                               touchpoint ('' for the route of alternatives);
//	                               only with a persona column
//	events                         usable rows with this touchpoint key
//	failing                        usable rows with this key and outcome 'failed'
//	emotion_count                  usable rows with this key and an emotion
//	emotion_sum_milli              the sum of their emotions in thousandths
//	bad_rows                       rows with this key (or '') that are not usable
//	touchpoint_reached             customers who reached the route step of touchpoint `step` there
//	                               (the touchpoint's index in journey order: of a step's
//	                               alternatives, the one that reached it), on the route
//	                               of column touchpoint; Read adds up the routes
//	stage_reached                  customers who reached stage step `step`
//	touchpoint_drop_off, stage_drop_off
//	                               customers whose furthest step was reached at `step`,
//	                               when it is not the last step of the route
//	touchpoint_from_previous       customers whose time from step−1 to step fell in `bucket`
//	touchpoint_from_start          customers whose time from step 0 to step fell in `bucket`
//	stage_from_previous, stage_from_start   the same for the stage funnel
//	touchpoint_from_previous_bins, touchpoint_from_start_bins,
//	stage_from_previous_bins, stage_from_start_bins
//	                               the same per chart bin (analytics Timing.Bins):
//	                               bin 0 under one second, bin k ≥ 1 for
//	                               2^(k−1) ≤ s < 2^k whole seconds
package sqlfunnel
