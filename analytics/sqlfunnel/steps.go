package sqlfunnel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/analytics"
)

// funnelSteps is what the queries need of a plan's two funnels.
type funnelSteps struct {
	// route lists, per step of the touchpoint funnel (the route of
	// alternatives), the indices of its touchpoints in journey order: one,
	// or several alternatives.
	route   [][]int
	names   []string // per touchpoint
	stageOf []int    // per touchpoint: its stage's step
	stages  []string // per stage
	window  int64
	keys    []analytics.PlanKey

	// With a persona column (personas): the route of each persona
	// (proutes[k-1] is route k, one touchpoint per step), the persona ids,
	// the multiplier m that carries route k in a step number (touchpoint
	// t of route k is t + m·k in the query, split in the result rows),
	// and routeAgg, each customer's route over source_rows s and
	// planned_keys k (DuckDB, PostgreSQL).
	personas     bool
	proutes      [][][]int
	personaIDs   []string
	personaNames []string
	m            int
	routeAgg     string
}

func newFunnelSteps(p *analytics.Plan, res *analytics.Result) funnelSteps {
	f := funnelSteps{window: int64(p.Window()), keys: p.Keys()}
	for i, st := range res.Touchpoints {
		for len(f.route) <= st.RouteStep {
			f.route = append(f.route, nil)
		}
		f.route[st.RouteStep] = append(f.route[st.RouteStep], i)
		f.names = append(f.names, st.Name)
	}
	for _, st := range res.Stages {
		f.stages = append(f.stages, st.Name)
	}
	f.stageOf = make([]int, len(res.Touchpoints))
	for _, k := range f.keys {
		f.stageOf[k.Touch] = k.Stage
	}
	f.m = max(len(f.names), len(f.stages), 1)
	return f
}

// withPersonas adds the routes of p's personas: each persona route is a
// touchpoint funnel of its own (persona_{k}), and every touchpoint funnel
// counts only the customers whose route it is.
func (f *funnelSteps) withPersonas(p *analytics.Plan) {
	f.personas = true
	personas := p.Personas()
	for k, r := range p.Routes() {
		if k == 0 {
			continue
		}
		f.proutes = append(f.proutes, r.Steps)
		f.personaIDs = append(f.personaIDs, r.Persona.String())
		f.personaNames = append(f.personaNames, personas[k-1].Name)
	}
}

// funnels returns the funnels of the query: the touchpoint funnel (the
// route of alternatives), with a persona column the route of each persona
// that has steps (persona_1, persona_2, …), and the stage funnel.
func (f funnelSteps) funnels() []string {
	if !f.personas {
		return funnels
	}
	out := []string{"touchpoint"}
	for k, r := range f.proutes {
		if len(r) > 0 {
			out = append(out, fmt.Sprintf("persona_%d", k+1))
		}
	}
	return append(out, "stage")
}

// isTouch reports whether fn is a touchpoint funnel: the route of
// alternatives or a persona's route.
func (f funnelSteps) isTouch(fn string) bool { return fn != "stage" }

// routeOf returns the route of touchpoint funnel fn: 0 for the route of
// alternatives, k for persona_k.
func (f funnelSteps) routeOf(fn string) int {
	k, _ := strconv.Atoi(strings.TrimPrefix(fn, "persona_"))
	return k
}

// steps returns the touchpoints of each step of touchpoint funnel fn.
func (f funnelSteps) steps(fn string) [][]int {
	if k := f.routeOf(fn); k > 0 {
		return f.proutes[k-1]
	}
	return f.route
}

// measure is the prefix of funnel fn's measures: a persona's route counts
// as the touchpoint funnel, its route in the step number (m).
func (f funnelSteps) measure(fn string) string {
	if f.isTouch(fn) {
		return "touchpoint"
	}
	return fn
}

// stepIs is the condition that an event (columns prefix+touch,
// prefix+touchpoint_step, prefix+stage_step) is on step i of funnel fn.
func (f funnelSteps) stepIs(fn string, i int, prefix string) string {
	if f.routeOf(fn) == 0 {
		return fmt.Sprintf("%s%s_step = %d", prefix, fn, i)
	}
	return fmt.Sprintf("%stouch = %d", prefix, f.steps(fn)[i][0])
}

// timesOf names the column of the times on step i of funnel fn: a persona
// route's steps share the per-touchpoint columns (touch_{t}_times).
func (f funnelSteps) timesOf(fn string, i int) string {
	if f.routeOf(fn) > 0 {
		return fmt.Sprintf("touch_%d_times", f.steps(fn)[i][0])
	}
	return timesCol(fn, i)
}

// n is the number of steps of funnel fn.
func (f funnelSteps) n(fn string) int {
	if f.isTouch(fn) {
		return len(f.steps(fn))
	}
	return len(f.stages)
}

// alts returns the touchpoints of step i of funnel fn when they are
// alternatives (more than one), nil otherwise.
func (f funnelSteps) alts(fn string, i int) []int {
	if fn == "touchpoint" && len(f.route[i]) > 1 {
		return f.route[i]
	}
	return nil
}

// touches returns the touchpoints of step i of funnel fn.
func (f funnelSteps) touches(fn string, i int) []int {
	if f.isTouch(fn) {
		return f.steps(fn)[i]
	}
	var ts []int
	for t, s := range f.stageOf {
		if s == i {
			ts = append(ts, t)
		}
	}
	return ts
}

// routeStep returns the step of touchpoint t on the route of alternatives.
func (f funnelSteps) routeStep(t int) int {
	for i, s := range f.route {
		for _, x := range s {
			if x == t {
				return i
			}
		}
	}
	return -1
}

// name is step i of funnel fn for a comment: its touchpoints' names
// joined by " or ", or the stage's name.
func (f funnelSteps) name(fn string, i int) string {
	if !f.isTouch(fn) {
		return comment(f.stages[i])
	}
	var ns []string
	for _, t := range f.steps(fn)[i] {
		ns = append(ns, comment(f.names[t]))
	}
	return strings.Join(ns, " or ")
}

// via is the result row's step of a customer who reached step i of funnel
// fn: the index of the touchpoint that reached it, a column (prefixed) for
// a step with alternatives, else the constant index (plus m·k on the
// route of persona k).
func (f funnelSteps) via(fn string, i int, prefix string) string {
	if !f.isTouch(fn) {
		return fmt.Sprint(i)
	}
	if f.alts(fn, i) != nil {
		return prefix + fn + "_" + fmt.Sprint(i) + "_via"
	}
	return fmt.Sprint(f.steps(fn)[i][0] + f.m*f.routeOf(fn))
}

// wideSteps writes the steps for DuckDB: one aggregation gives every
// customer's first time on each touchpoint; for almost every customer that
// decides the whole funnel at once (no join per step, no lists), and the
// few others take an exact path of one join per step over their own events
// only. Then one wide row per customer (reached), and the measures.
func (f funnelSteps) wideSteps(b *strings.Builder) {
	f.firsts(b)
	// first: the first time on each step; depth: the last step reached
	// when every step's first time comes after the one before, within the
	// window (-1: not started).
	first := f.stepFirsts()
	var depth, out, undecided []string
	for _, fn := range f.funnels() {
		d := fmt.Sprintf("CASE\n        WHEN %s_0_first IS NULL THEN -1", fn)
		for j := 1; j < f.n(fn); j++ {
			d += fmt.Sprintf("\n        WHEN NOT COALESCE(%[1]s_%[2]d_first > %[1]s_%[3]d_first AND %[1]s_%[2]d_first - %[1]s_0_first <= %[4]d, false) THEN %[3]d", fn, j, j-1, f.window)
		}
		depth = append(depth, fmt.Sprintf("%s\n        ELSE %d\n      END AS %s_depth", d, f.n(fn)-1, fn))
		var whens []string
		for i := 0; i < f.n(fn); i++ {
			out = append(out, fmt.Sprintf("CASE WHEN %[1]s_depth >= %[2]d THEN %[1]s_%[2]d_first END AS %[1]s_%[2]d_at", fn, i))
			if alts := f.alts(fn, i); alts != nil {
				var vs []string
				for _, a := range alts {
					vs = append(vs, fmt.Sprintf("WHEN touch_%d_first = %s_%d_first THEN %d", a, fn, i, a))
				}
				out = append(out, fmt.Sprintf("CASE %s END AS %s_%d_via", strings.Join(vs, " "), fn, i))
			}
			if i > 0 {
				whens = append(whens, fmt.Sprintf("WHEN %[2]d THEN %[1]s_%[3]d_first <= %[1]s_%[2]d_first", fn, i-1, i))
			}
		}
		if len(whens) > 0 {
			undecided = append(undecided, fmt.Sprintf("(CASE %s_depth %s ELSE false END) IS TRUE", fn, strings.Join(whens, " ")))
		}
	}
	if len(undecided) == 0 {
		undecided = append(undecided, "false")
	}
	fmt.Fprintf(b, `-- 5. the steps from the first times: the first time on a step is the earliest on any of its
--    touchpoints; step i is reached at its first time when every step up to i is, each
--    first time after the one before, within the window after step 0 (depth: the last
--    step so reached, -1 when not started)
--    A customer whose first time on the step after their depth is not after their depth's
--    first time is undecided (an event on that step may still come after): the exact path
--    below measures them.
fast AS MATERIALIZED (
  SELECT *,
    %s AS undecided
  FROM (
    SELECT *,
      %s
    FROM (
      SELECT customer,
        %s
      FROM firsts
    ) AS f
  ) AS d
),
-- 6. when each step was reached (NULL: not reached) and, for a step with alternatives, the
--    first of them in journey order that has an event then
decided AS (
  SELECT customer, undecided,
    %s
  FROM fast
),
`, strings.Join(undecided, "\n      OR "), strings.Join(depth, ",\n      "), strings.Join(first, ",\n        "), strings.Join(out, ",\n    "))

	fmt.Fprintf(b, `-- 7. the exact path, for the undecided customers only: their events on planned touchpoints,
--    then one CTE per step: step i is reached at the earliest event on it strictly after
--    step i-1, no later than the window after step 0 (for alternatives: the first of them
--    in journey order at that time)
undecided_customers AS MATERIALIZED (
  SELECT * FROM decided WHERE undecided
),
exact_events AS MATERIALIZED (
  SELECT s.customer, s.t, k.touch, k.touchpoint_step, k.stage_step
  FROM source_rows AS s
  JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable AND s.customer IN (SELECT customer FROM undecided_customers)
),
`)
	for _, fn := range f.funnels() {
		fmt.Fprintf(b, "exact_%[1]s_0 AS ( -- %[1]s step 0: %[2]s\n  SELECT customer, %[1]s_0_at AS start_at, %[1]s_0_at AS reached_at, %[3]s AS via\n  FROM undecided_customers\n  WHERE %[1]s_0_at IS NOT NULL\n),\n",
			fn, f.name(fn, 0), f.via(fn, 0, ""))
		key := "e.stage_step"
		if f.isTouch(fn) {
			key = "e.touch"
		}
		for i := 1; i < f.n(fn); i++ {
			fmt.Fprintf(b, `exact_%[1]s_%[2]d AS MATERIALIZED ( -- %[1]s step %[2]d: %[3]s
  SELECT customer, start_at, m.t AS reached_at, m.k AS via
  FROM (
    SELECT p.customer, any_value(p.start_at) AS start_at, min({'t': e.t, 'k': %[6]s}) AS m
    FROM exact_%[1]s_%[4]d AS p
    JOIN exact_events AS e ON e.customer = p.customer AND %[7]s AND e.t > p.reached_at AND e.t - p.start_at <= %[5]d
    GROUP BY p.customer
  ) AS x
),
`, fn, i, f.name(fn, i), i-1, f.window, key, f.stepIs(fn, i, "e."))
		}
	}
	var cols, exactCols []string
	var joins []string
	for _, fn := range f.funnels() {
		for i := 0; i < f.n(fn); i++ {
			cols = append(cols, fmt.Sprintf("%s_%d_at", fn, i))
			exactCols = append(exactCols, fmt.Sprintf("%[1]s_%[2]d.reached_at AS %[1]s_%[2]d_at", fn, i))
			if f.alts(fn, i) != nil {
				cols = append(cols, fmt.Sprintf("%s_%d_via", fn, i))
				exactCols = append(exactCols, fmt.Sprintf("%[1]s_%[2]d.via AS %[1]s_%[2]d_via", fn, i))
			}
			joins = append(joins, fmt.Sprintf("  LEFT JOIN exact_%[1]s_%[2]d AS %[1]s_%[2]d ON %[1]s_%[2]d.customer = u.customer", fn, i))
		}
	}
	fmt.Fprintf(b, `-- 8. one row per customer: when each step was reached (NULL: not reached) and, for a step
--    with alternatives, the touchpoint that reached it
reached AS MATERIALIZED (
  SELECT customer, %s
  FROM decided
  WHERE NOT undecided
  UNION ALL
  SELECT u.customer, %s
  FROM undecided_customers AS u
%s
),
`, strings.Join(cols, ", "), strings.Join(exactCols, ", "), strings.Join(joins, "\n"))
	f.wideMeasures(b, 9, "_0_at", "firsts")
}

// firsts writes the CTE firsts: per customer (every customer with a usable
// row), the first time on each touchpoint.
func (f funnelSteps) firsts(b *strings.Builder) {
	b.WriteString(`-- 4. per customer (every customer with a usable row): the first time on each touchpoint
firsts AS (
  SELECT s.customer`)
	for t := range f.names {
		fmt.Fprintf(b, ",\n    min(s.t) FILTER (WHERE k.touch = %[1]d) AS touch_%[1]d_first", t)
	}
	if f.personas {
		fmt.Fprintf(b, ",\n    %s AS route", f.routeAgg)
	}
	b.WriteString("\n  FROM source_rows AS s\n  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint\n  WHERE s.usable\n  GROUP BY s.customer\n),\n")
}

// stepFirsts returns the columns, over firsts, of the first time on each
// step of both funnels ({funnel}_{i}_first: the earliest of its
// touchpoints'), after the first times of the touchpoints that are
// alternatives (to tell which of them reached a step).
func (f funnelSteps) stepFirsts() []string {
	var first []string
	for t := range f.names {
		if f.alts("touchpoint", f.routeStep(t)) != nil {
			first = append(first, fmt.Sprintf("touch_%d_first", t))
		}
	}
	for _, fn := range f.funnels() {
		for i := 0; i < f.n(fn); i++ {
			var ts []string
			for _, t := range f.touches(fn, i) {
				ts = append(ts, fmt.Sprintf("touch_%d_first", t))
			}
			var x string
			switch len(ts) {
			case 0: // a stage without touchpoints
				x = "CAST(NULL AS BIGINT)"
			case 1:
				x = ts[0]
			default:
				x = fmt.Sprintf("least(%s)", strings.Join(ts, ", "))
			}
			if f.personas && f.isTouch(fn) { // only the customers on this route
				x = fmt.Sprintf("CASE WHEN route = %d THEN %s END", f.routeOf(fn), x)
			}
			first = append(first, fmt.Sprintf("%s AS %s_%d_first", x, fn, i))
		}
	}
	return first
}

// wideMeasures writes the CTEs counts and measures over reached (one row
// per customer, {funnel}_{i}_at and _via): n is the number of the first
// comment, start the suffix of the column the time from the start counts
// from ({funnel}{start}), perCustomer the CTE with each customer's route
// (with a persona column).
func (f funnelSteps) wideMeasures(b *strings.Builder, n int, start, perCustomer string) {
	// count counts the customers of reached who satisfy cond: in the one
	// aggregation over reached (counted), or per via when it is a column.
	var aggs []string
	count := func(measure, via, cond string) string {
		if _, err := strconv.Atoi(via); err == nil {
			col := fmt.Sprintf("%s_%s", measure, via)
			aggs = append(aggs, fmt.Sprintf("count(*) FILTER (WHERE %s) AS %s", cond, col))
			return fmt.Sprintf("  SELECT '%s', %s, %s FROM counted", measure, via, col)
		}
		return fmt.Sprintf("  SELECT '%s', %s, count(*) FROM reached WHERE %s GROUP BY %s", measure, via, cond, via)
	}
	counts := []string{"  SELECT 'customers' AS measure, 0 AS step, customers AS value FROM counted"}
	aggs = append(aggs, "count(*) AS customers")
	var times []string
	for _, fn := range f.funnels() {
		n := f.n(fn)
		for i := 0; i < n; i++ {
			at, via := fmt.Sprintf("%s_%d_at", fn, i), f.via(fn, i, "")
			counts = append(counts, count(f.measure(fn)+"_reached", via, at+" IS NOT NULL"))
			if i+1 < n {
				counts = append(counts, count(f.measure(fn)+"_drop_off", via, fmt.Sprintf("%s IS NOT NULL AND %s_%d_at IS NULL", at, fn, i+1)))
			}
			if i == 1 && start == "_0_at" { // from the start is from the previous step
				times = append(times, fmt.Sprintf("  SELECT %d%s, %s%s, %s - %s_0_at%s FROM reached WHERE %s IS NOT NULL -- %s_from_previous and _from_start", 4+slices.Index(funnels, f.measure(fn)), as(len(times) == 0, " AS measure"), via, as(len(times) == 0, " AS step"), at, fn, as(len(times) == 0, " AS d"), at, fn))
			} else if i > 0 {
				code := 2 * slices.Index(funnels, f.measure(fn)) // timeMeasures
				times = append(times,
					fmt.Sprintf("  SELECT %d%s, %s%s, %s - %s_%d_at%s FROM reached WHERE %s IS NOT NULL -- %s_from_previous", code, as(len(times) == 0, " AS measure"), via, as(len(times) == 0, " AS step"), at, fn, i-1, as(len(times) == 0, " AS d"), at, fn),
					fmt.Sprintf("  SELECT %d, %s, %s - %s%s FROM reached WHERE %s IS NOT NULL -- %s_from_start", code+1, via, at, fn, start, at, fn))
			}
		}
	}
	if f.personas { // the customers of each route, the route in the step (m)
		counts = append(counts, fmt.Sprintf("  SELECT 'route_customers', route * %d, count(*) FROM %s GROUP BY route", f.m, perCustomer))
	}
	if len(times) == 0 { // one-step funnels: no time to convert
		times = append(times, "  SELECT 0 AS measure, 0 AS step, CAST(NULL AS BIGINT) AS d WHERE false")
	}
	fmt.Fprintf(b, "-- %d. the counts: customers, customers who reached each step (per touchpoint that reached\n--    it), and whose furthest step it is when it is not the last (drop_off); one pass over\n--    reached counts all but the steps of alternatives\ncounted AS (\n  SELECT\n    %s\n  FROM reached\n),\ncounts AS (\n", n, strings.Join(aggs, ",\n    "))
	b.WriteString(strings.Join(counts, "\n  UNION ALL\n"))
	fmt.Fprintf(b, "\n),\n-- %d. one row per customer and step reached after step 0: the times to convert; measure\n--     0 touchpoint_from_previous, 1 touchpoint_from_start, 2 stage_from_previous, 3 stage_from_start,\n--     4 touchpoint step 1 (both), 5 stage step 1 (both)\nmeasures AS (\n", n+1)
	b.WriteString(strings.Join(times, "\n  UNION ALL\n"))
	b.WriteString("\n),\n")
}

// anySteps writes the steps in any order (analytics.AnyOrder) for DuckDB
// and PostgreSQL: the journey starts at the first event on any step (t0);
// step i is reached when every step 0..i has had an event within the window
// after t0, at the latest of their first times; of a step's alternatives,
// the first in journey order with an event by then is credited. The first
// time on each touchpoint decides it all.
func (f funnelSteps) anySteps(b *strings.Builder) {
	f.firsts(b)
	var starts, at, via []string
	for _, fn := range f.funnels() {
		var all []string
		for i := 0; i < f.n(fn); i++ {
			all = append(all, fmt.Sprintf("%s_%d_first", fn, i))
			notNull := strings.Join(all, " IS NOT NULL AND ") + " IS NOT NULL"
			last := all[0]
			if i > 0 {
				last = "greatest(" + strings.Join(all, ", ") + ")"
			}
			at = append(at, fmt.Sprintf("CASE WHEN %[1]s AND %[2]s - %[3]s_start <= %[4]d THEN %[2]s END AS %[3]s_%[5]d_at", notNull, last, fn, f.window, i))
			if alts := f.alts(fn, i); alts != nil {
				var ws []string
				for _, a := range alts {
					ws = append(ws, fmt.Sprintf("WHEN touch_%d_first <= %s_%d_at THEN %d", a, fn, i, a))
				}
				via = append(via, fmt.Sprintf("CASE %s END AS %s_%d_via", strings.Join(ws, " "), fn, i))
			}
		}
		starts = append(starts, fmt.Sprintf("least(%s) AS %s_start", strings.Join(all, ", "), fn))
	}
	viaCols := ""
	if len(via) > 0 {
		viaCols = ",\n    " + strings.Join(via, ",\n    ")
	}
	fmt.Fprintf(b, `-- 5. one row per customer: the start of each funnel (the first time on any of its steps);
--    step i reached at the latest first time of steps 0..i when all of them are within the
--    window after the start (NULL: not reached); for a step with alternatives, the first
--    of them in journey order with an event by then
reached AS MATERIALIZED (
  SELECT *%s
  FROM (
    SELECT *,
      %s
    FROM (
      SELECT *,
        %s
      FROM (
        SELECT customer,
          %s
        FROM firsts
      ) AS f
    ) AS s
  ) AS a
),
`, viaCols, strings.Join(at, ",\n      "), strings.Join(starts, ",\n        "), strings.Join(f.stepFirsts(), ",\n          "))
	f.wideMeasures(b, 6, "_start", "firsts")
}

// timeMeasures names the integer measure codes of the times to convert in
// the wide steps (DuckDB, and any order in PostgreSQL): the funnel's index
// in funnels times 2, plus 1 from the start; 4 plus the funnel's index for
// step 1 of an ordered funnel, whose time from the previous step is its
// time from the start (counted once, named twice).
var timeMeasures = []struct {
	code int
	name string
}{
	{0, "touchpoint_from_previous"}, {1, "touchpoint_from_start"}, {2, "stage_from_previous"}, {3, "stage_from_start"},
	{4, "touchpoint_from_previous"}, {4, "touchpoint_from_start"}, {5, "stage_from_previous"}, {5, "stage_from_start"},
}

// as returns s when first is true: a column alias for the first SELECT of
// a UNION.
func as(first bool, s string) string {
	if first {
		return s
	}
	return ""
}

// arraySteps writes the steps for PostgreSQL, without a join per step (its
// estimates for CTEs make those joins nested loops): the times of each step
// (of each alternative, for a step with alternatives) per customer in an
// array, then one LATERAL subquery per step (reached: one row per
// customer), and the measures.
func (f funnelSteps) arraySteps(b *strings.Builder) {
	b.WriteString("-- 4. per customer: the first time on step 0, and the times on every later step (on each\n--    alternative of a step with alternatives)\ncustomers AS (\n  SELECT s.customer")
	touchTimes := map[int]bool{} // touch_{t}_times written
	for _, fn := range f.funnels() {
		t0 := timeCol(fn, 0)
		if f.personas && f.isTouch(fn) { // step 0 is the route's only for its customers: below
			t0 = fn + "_0_first"
		}
		fmt.Fprintf(b, ",\n    min(s.t) FILTER (WHERE %s) AS %s", f.stepIs(fn, 0, "k."), t0)
		for i := 0; i < f.n(fn); i++ {
			if alts := f.alts(fn, i); alts != nil {
				for _, a := range alts {
					if !touchTimes[a] {
						touchTimes[a] = true
						fmt.Fprintf(b, ",\n    array_agg(s.t) FILTER (WHERE k.touch = %[1]d) AS touch_%[1]d_times", a)
					}
				}
			} else if i > 0 && f.routeOf(fn) > 0 {
				if a := f.steps(fn)[i][0]; !touchTimes[a] {
					touchTimes[a] = true
					fmt.Fprintf(b, ",\n    array_agg(s.t) FILTER (WHERE k.touch = %[1]d) AS touch_%[1]d_times", a)
				}
			} else if i > 0 {
				fmt.Fprintf(b, ",\n    array_agg(s.t) FILTER (WHERE k.%s_step = %d) AS %s", fn, i, timesCol(fn, i))
			}
		}
	}
	if f.personas {
		fmt.Fprintf(b, ",\n    %s AS route", f.routeAgg)
	}
	b.WriteString("\n  FROM source_rows AS s\n  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint\n  WHERE s.usable\n  GROUP BY s.customer\n),\n")
	b.WriteString(`-- 5. the steps, one LATERAL subquery per step: step i is reached at the earliest time on
--    it strictly after step i-1, no later than the window after step 0 (NULL: not reached);
--    of a step's alternatives, the first in journey order with an event at that time
reached AS (
  SELECT *
  FROM customers AS c`)
	t0 := "c."
	if f.personas { // a touchpoint funnel starts only for the customers on its route
		t0 = ""
		for _, fn := range f.funnels() {
			if f.isTouch(fn) {
				fmt.Fprintf(b, "\n  CROSS JOIN LATERAL (SELECT CASE WHEN c.route = %d THEN c.%s_0_first END AS %s) AS %s_start", f.routeOf(fn), fn, timeCol(fn, 0), fn)
			}
		}
	}
	for _, fn := range f.funnels() {
		for i := 0; i < f.n(fn); i++ {
			alts := f.alts(fn, i)
			if i == 0 && alts == nil {
				continue
			}
			fmt.Fprintf(b, "\n  CROSS JOIN LATERAL ( -- %s step %d: %s\n", fn, i, f.name(fn, i))
			if alts == nil {
				fmt.Fprintf(b, "    SELECT min(x) AS %s FROM unnest(c.%s) AS x WHERE x > %s AND x - %s <= %d\n  ) AS %s_%d",
					timeCol(fn, i), f.timesOf(fn, i), timeCol(fn, i-1), timeCol(fn, 0), f.window, fn, i)
				continue
			}
			var u []string
			for _, a := range alts {
				u = append(u, fmt.Sprintf("SELECT x, %[1]d AS k FROM unnest(c.touch_%[1]d_times) AS x", a))
			}
			if i == 0 { // the time is known: which alternative has an event then
				fmt.Fprintf(b, "    SELECT min(k) AS %s_0_via\n    FROM (%s) AS u\n    WHERE x = %s%s\n  ) AS %s_0",
					fn, strings.Join(u, " UNION ALL "), t0, timeCol(fn, 0), fn)
				continue
			}
			fmt.Fprintf(b, "    SELECT min(x) AS %[1]s, (array_agg(k ORDER BY x, k))[1] AS %[2]s_%[3]d_via\n    FROM (%[4]s) AS u\n    WHERE x > %[5]s AND x - %[6]s <= %[7]d\n  ) AS %[2]s_%[3]d",
				timeCol(fn, i), fn, i, strings.Join(u, " UNION ALL "), timeCol(fn, i-1), timeCol(fn, 0), f.window)
		}
	}
	b.WriteString("\n),\n")
	f.wideMeasures(b, 6, "_0_at", "customers")
}
