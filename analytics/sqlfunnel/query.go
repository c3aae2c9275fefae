package sqlfunnel

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/journeymap/journeymap/analytics"
)

// Dialect is a SQL engine the funnel query is written for.
type Dialect int

const (
	// DuckDB 1.x.
	DuckDB Dialect = iota
	// PostgreSQL 12 and later.
	PostgreSQL
	// ClickHouse 18.16 and later (arrays, lambdas and plain aggregates only).
	ClickHouse
)

// String returns "duckdb", "postgres" or "clickhouse".
func (d Dialect) String() string {
	switch d {
	case PostgreSQL:
		return "postgres"
	case ClickHouse:
		return "clickhouse"
	}
	return "duckdb"
}

// ParseDialect accepts "duckdb", "postgres" (or "postgresql") and "clickhouse".
func ParseDialect(s string) (Dialect, error) {
	switch strings.ToLower(s) {
	case "duckdb":
		return DuckDB, nil
	case "postgres", "postgresql":
		return PostgreSQL, nil
	case "clickhouse":
		return ClickHouse, nil
	}
	return 0, fmt.Errorf("%w: %q (want duckdb, postgres or clickhouse)", ErrDialect, s)
}

// Errors of the package.
var (
	// ErrDialect: an unknown dialect name.
	ErrDialect = errors.New("sqlfunnel: unknown dialect")
	// ErrSource: the table or its columns are not usable.
	ErrSource = errors.New("sqlfunnel: bad source")
	// ErrRow: a result row the reader does not understand.
	ErrRow = errors.New("sqlfunnel: bad result row")
	// ErrUnsupported: a plan whose funnel the query cannot compute as the
	// Go engine does (see the package doc).
	ErrUnsupported = errors.New("sqlfunnel: not computed by the query")
)

// Columns names the columns of the event table. Customer, Touchpoint and
// Time default to "customer_id", "touchpoint" and "timestamp"; Outcome and
// Emotion are optional and absent when empty.
type Columns struct {
	// Customer identifies the customer (any type the engine can compare
	// and convert to text).
	Customer string
	// Touchpoint is the touchpoint key (text).
	Touchpoint string
	// Time is when the event happened: a timestamp (DuckDB TIMESTAMP or
	// TIMESTAMPTZ, PostgreSQL timestamp or timestamptz, ClickHouse
	// DateTime), or an integer count of Source.TimeUnit since 1970.
	Time string
	// Outcome is "ok", "failed", empty or NULL (text), when present.
	Outcome string
	// Emotion is a number in −2..2 or NULL, when present.
	Emotion string
	// Persona names the customer's persona (text), when present: a
	// persona id or a unique persona name of the journey, or NULL or ""
	// for none; any other value makes the row a bad row. A customer is
	// measured on the route of the persona on their first event (see the
	// package doc).
	Persona string
}

// Source is a table or view of events in an engine.
type Source struct {
	// Dialect is the engine's SQL dialect.
	Dialect Dialect
	// Schema is the table's schema (PostgreSQL, DuckDB) or database
	// (ClickHouse); empty means the connection's default.
	Schema string
	// Table is the table or view name (quoted as given: not split at dots).
	Table string
	// Columns maps the event fields to column names.
	Columns Columns
	// TimeUnit is zero when the time column is a timestamp, or the unit of
	// an integer time column (time.Second, time.Millisecond,
	// time.Microsecond or time.Nanosecond).
	TimeUnit time.Duration
}

// quoted is a Source with every name quoted and every expression ready.
type quoted struct {
	d                       Dialect
	from                    string
	customer, key, ts       string
	outcome, emotion        string   // column references or ""
	persona                 string   // column reference or ""
	personaIdx, outcomeRank string   // with a persona: the persona's index, the outcome's rank (0 none, 1 ok, 2 failed)
	tns                     string   // time in nanoseconds (BIGINT/Int64)
	usable                  string   // the row is not a bad row
	conds                   []string // the conditions of usable
	failed, emotionPresent  string
	emotionMilli            string
	customerText, keyColumn string
	timeOK                  string // the time is not NULL and within Go's years
}

func (s Source) quote() (*quoted, error) {
	d := s.Dialect
	if d < DuckDB || d > ClickHouse {
		return nil, fmt.Errorf("%w: dialect %d", ErrDialect, int(d))
	}
	c := s.Columns
	if c.Customer == "" {
		c.Customer = "customer_id"
	}
	if c.Touchpoint == "" {
		c.Touchpoint = "touchpoint"
	}
	if c.Time == "" {
		c.Time = "timestamp"
	}
	q := &quoted{d: d}
	name := func(what, n string) (string, error) {
		id, err := d.ident(n)
		if err != nil {
			return "", fmt.Errorf("%w: %s: %v", ErrSource, what, err)
		}
		return id, nil
	}
	t, err := name("table", s.Table)
	if err != nil {
		return nil, err
	}
	q.from = t
	if s.Schema != "" {
		sc, err := name("schema", s.Schema)
		if err != nil {
			return nil, err
		}
		q.from = sc + "." + t
	}
	for _, f := range []struct {
		what string
		n    string
		dst  *string
	}{{"customer column", c.Customer, &q.customer}, {"touchpoint column", c.Touchpoint, &q.key}, {"time column", c.Time, &q.ts},
		{"outcome column", c.Outcome, &q.outcome}, {"emotion column", c.Emotion, &q.emotion}, {"persona column", c.Persona, &q.persona}} {
		if f.n == "" {
			continue
		}
		if *f.dst, err = name(f.what, f.n); err != nil {
			return nil, err
		}
	}
	var unitNS int64
	switch s.TimeUnit {
	case 0:
	case time.Second, time.Millisecond, time.Microsecond, time.Nanosecond:
		unitNS = int64(s.TimeUnit)
	default:
		return nil, fmt.Errorf("%w: time unit %v (want 0 for a timestamp column, 1s, 1ms, 1µs or 1ns)", ErrSource, s.TimeUnit)
	}
	q.build(unitNS)
	return q, nil
}

// Go's analytics accepts times in the years 1678..2261.
var (
	minTime = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// build writes the per-row expressions of the dialect.
func (q *quoted) build(unitNS int64) {
	var cond []string
	switch q.d {
	case ClickHouse:
		q.customerText = "toString(" + q.customer + ")"
		q.keyColumn = q.key
		cond = append(cond, "isNotNull("+q.customer+")", q.customerText+" != ''", "isNotNull("+q.key+")", q.key+" != ''", "isNotNull("+q.ts+")")
	case PostgreSQL:
		q.customerText = "CAST(" + q.customer + " AS text)"
		q.keyColumn = "COALESCE(" + q.key + ", '')"
		cond = append(cond, q.customer+" IS NOT NULL", q.customerText+" <> ''", q.key+" IS NOT NULL", q.key+" <> ''", q.ts+" IS NOT NULL")
	default:
		q.customerText = "CAST(" + q.customer + " AS VARCHAR)"
		q.keyColumn = "COALESCE(" + q.key + ", '')"
		cond = append(cond, q.customer+" IS NOT NULL", q.customerText+" <> ''", q.key+" IS NOT NULL", q.key+" <> ''", q.ts+" IS NOT NULL")
	}
	// Time in nanoseconds since 1970, and its range check.
	if unitNS > 0 {
		lo, hi := minTime.UnixNano()/unitNS, maxTime.UnixNano()/unitNS-1
		cond = append(cond, fmt.Sprintf("%s BETWEEN %d AND %d", q.ts, lo, hi))
		q.timeOK = cond[len(cond)-1]
		if q.d == ClickHouse {
			q.tns = fmt.Sprintf("toInt64(%s) * %d", q.ts, unitNS)
		} else {
			q.tns = fmt.Sprintf("CAST(%s AS BIGINT) * %d", q.ts, unitNS)
		}
	} else {
		switch q.d {
		case ClickHouse: // DateTime: whole seconds, always within range
			q.tns = "toInt64(" + q.ts + ") * 1000000000"
			q.timeOK = "isNotNull(" + q.ts + ")"
		case PostgreSQL: // microseconds
			q.tns = "CAST(EXTRACT(EPOCH FROM " + q.ts + ") * 1000000 AS BIGINT) * 1000"
		default: // DuckDB: microseconds
			q.tns = "epoch_us(" + q.ts + ") * 1000"
		}
		if q.d != ClickHouse {
			cond = append(cond, q.ts+" >= '1678-01-01 00:00:00+00'", q.ts+" < '2262-01-01 00:00:00+00'")
			q.timeOK = strings.Join(cond[len(cond)-2:], " AND ")
		}
	}
	q.failed, q.emotionPresent, q.emotionMilli = "false", "false", "0"
	if q.d == ClickHouse {
		q.failed, q.emotionPresent = "0", "0"
	}
	if q.outcome != "" {
		if q.d == ClickHouse {
			cond = append(cond, "(isNull("+q.outcome+") OR "+q.outcome+" IN ('', 'ok', 'failed'))")
			q.failed = "(isNotNull(" + q.outcome + ") AND " + q.outcome + " = 'failed')"
		} else {
			cond = append(cond, "("+q.outcome+" IS NULL OR "+q.outcome+" IN ('', 'ok', 'failed'))")
			q.failed = "COALESCE(" + q.outcome + " = 'failed', false)"
		}
	}
	if q.emotion != "" {
		// Thousandths, rounded half away from zero like Go's math.Round.
		switch q.d {
		case ClickHouse:
			cond = append(cond, "(isNull("+q.emotion+") OR (toFloat64("+q.emotion+") >= -2 AND toFloat64("+q.emotion+") <= 2))")
			q.emotionPresent = "isNotNull(" + q.emotion + ")"
			x := "toFloat64(" + q.emotion + ") * 1000"
			q.emotionMilli = "toInt64(if(" + x + " < 0, -floor(0.5 - " + x + "), floor(" + x + " + 0.5)))"
		default:
			typ := "DOUBLE"
			if q.d == PostgreSQL {
				typ = "double precision"
			}
			x := "CAST(" + q.emotion + " AS " + typ + ") * 1000"
			cond = append(cond, "("+q.emotion+" IS NULL OR CAST("+q.emotion+" AS "+typ+") BETWEEN -2 AND 2)")
			q.emotionPresent = "(" + q.emotion + " IS NOT NULL)"
			q.emotionMilli = "CAST(sign(" + x + ") * floor(abs(" + x + ") + 0.5) AS BIGINT)"
		}
	}
	q.conds = cond
	q.usable = strings.Join(cond, "\n      AND ")
}

// withPersonas adds the persona column's rule for plan p: a row whose
// persona is not NULL, "" or one of p's persona keys is a bad row; the
// persona's index (personaIdx, 0 for none) and the outcome's rank (for
// the order of equal times) become expressions.
func (q *quoted) withPersonas(p *analytics.Plan) {
	pcol := q.persona
	switch q.d {
	case PostgreSQL:
		pcol = "CAST(" + q.persona + " AS text)"
	case DuckDB:
		pcol = "CAST(" + q.persona + " AS VARCHAR)"
	}
	var keys, idx, whens []string
	for _, k := range p.PersonaKeys() {
		lit, ok := q.d.literal(k.Key)
		if !ok {
			continue // no row can carry this key
		}
		keys = append(keys, lit)
		idx = append(idx, fmt.Sprint(k.Persona))
		whens = append(whens, fmt.Sprintf("WHEN %s THEN %d", lit, k.Persona))
	}
	valid := strings.Join(append([]string{"''"}, keys...), ", ")
	if q.d == ClickHouse {
		q.conds = append(q.conds, "(isNull("+q.persona+") OR "+q.persona+" IN ("+valid+"))")
		q.personaIdx = "toInt64(0)"
		if len(keys) > 0 {
			q.personaIdx = fmt.Sprintf("toInt64(transform(ifNull(%s, ''), [%s], [%s], 0))", q.persona, strings.Join(keys, ", "), strings.Join(idx, ", "))
		}
		q.outcomeRank = "toInt64(0)"
		if q.outcome != "" {
			o := "ifNull(" + q.outcome + ", '')"
			q.outcomeRank = "toInt64(multiIf(" + o + " = 'ok', 1, " + o + " = 'failed', 2, 0))"
		}
	} else {
		q.conds = append(q.conds, "("+pcol+" IS NULL OR "+pcol+" IN ("+valid+"))")
		q.personaIdx = "0"
		if len(whens) > 0 {
			q.personaIdx = "CASE " + pcol + " " + strings.Join(whens, " ") + " ELSE 0 END"
		}
		q.outcomeRank = "0"
		if q.outcome != "" {
			q.outcomeRank = "CASE " + q.outcome + " WHEN 'ok' THEN 1 WHEN 'failed' THEN 2 ELSE 0 END"
		}
	}
	q.usable = strings.Join(q.conds, "\n      AND ")
}

// routeAgg is each customer's route (DuckDB, PostgreSQL), over their
// usable rows in source_rows s joined to planned_keys k: the persona of
// their first event, equal times taken as the Go engine sorts them
// (planned touchpoints in journey order, then ad-hoc keys in byte order,
// then outcome, emotion and persona; nT is the number of touchpoints).
func (q *quoted) routeAgg(nT int) string {
	if q.d == PostgreSQL {
		return fmt.Sprintf(`(array_agg(s.persona ORDER BY s.t, COALESCE(k.touch, %d), CASE WHEN k.touch IS NULL THEN s.touchpoint ELSE '' END COLLATE "C", s.outcome_rank, COALESCE(s.emotion_milli, -32768), s.persona))[1]`, nT)
	}
	return fmt.Sprintf("min({'t': s.t, 'touch': COALESCE(k.touch, %d), 'ad_hoc': CASE WHEN k.touch IS NULL THEN s.touchpoint ELSE '' END, 'outcome': s.outcome_rank, 'emotion': COALESCE(s.emotion_milli, -32768), 'persona': s.persona}).persona", nT)
}

// splitRoutes wraps the result rows of the query rows (which end with
// ORDER BY) so that a step number t + m·k (touchpoint t on the route of
// persona k) becomes step t with the persona's id in column touchpoint.
func (f funnelSteps) splitRoutes(d Dialect, rows string) string {
	rows = strings.TrimSuffix(rows, "ORDER BY 1, 2, 3, 4\n")
	ids := []string{"''"}
	for _, id := range f.personaIDs {
		lit, _ := d.literal(id)
		ids = append(ids, lit)
	}
	list, div := "(ARRAY["+strings.Join(ids, ", ")+"])", "/"
	if d == DuckDB {
		list, div = "["+strings.Join(ids, ", ")+"]", "//"
	}
	return fmt.Sprintf(`-- a persona's route carries its index k in the step number, as t + %[1]d·k: split it into
-- the step t and the persona's id (touchpoint)
SELECT measure, CASE WHEN step >= %[1]d THEN %[2]s[step %[3]s %[1]d + 1] ELSE touchpoint END AS touchpoint,
  step %% %[1]d AS step, bucket, value
FROM (
%[4]s) AS r
ORDER BY 1, 2, 3, 4
`, f.m, list, div, rows)
}

// timeCol and timesCol name the per-customer columns of funnel f.
func timeCol(f string, i int) string  { return fmt.Sprintf("%s_%d_at", f, i) }
func timesCol(f string, i int) string { return fmt.Sprintf("%s_%d_times", f, i) }

// Funnel returns the query that computes plan p's funnels over s. Its rows
// are described in the package doc.
func (s Source) Funnel(p *analytics.Plan) (string, error) {
	q, err := s.quote()
	if err != nil {
		return "", err
	}
	res := p.NewResult()
	if err := pushable(p, res); err != nil {
		return "", err
	}
	if q.d == ClickHouse && res.Mode != analytics.InOrder {
		return "", fmt.Errorf("%w: order mode %v in ClickHouse (its query computes the default mode, ordered; DuckDB and PostgreSQL compute any order too)", ErrUnsupported, res.Mode)
	}
	steps := newFunnelSteps(p, res)
	if q.persona != "" {
		q.withPersonas(p)
		steps.withPersonas(p)
		steps.routeAgg = q.routeAgg(len(res.Touchpoints))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- journeymap funnel for journey %s (%s), %s dialect\n", res.JourneyID, comment(res.Title), q.d)
	mode := "anchored greedy"
	if res.Mode == analytics.AnyOrder {
		mode = "any order"
	}
	fmt.Fprintf(&b, "-- order mode: %s; conversion window %d ns (%v)\n", mode, steps.window, p.Window())
	b.WriteString("-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)\n")
	if steps.personas {
		b.WriteString("-- routes: touchpoint, the route of alternatives (customers without a persona)")
		for k, id := range steps.personaIDs {
			if len(steps.proutes[k]) > 0 {
				fmt.Fprintf(&b, "; persona_%d, the route of %s (%s)", k+1, comment(steps.personaNames[k]), id)
			}
		}
		b.WriteString("\n")
	}
	if q.d == ClickHouse {
		steps.clickhouse(&b, q, res)
	} else {
		steps.standard(&b, q, res)
	}
	return b.String(), nil
}

// funnels names the two funnels in column names and measures.
var funnels = []string{"touchpoint", "stage"}

// standard writes the DuckDB and PostgreSQL query: a chain of CTEs.
func (f funnelSteps) standard(b *strings.Builder, q *quoted, res *analytics.Result) {
	pg := q.d == PostgreSQL
	bigint := "BIGINT"
	fmt.Fprintf(b, "WITH\n-- 1. the planned touchpoint keys: the touchpoint (its index in the journey), its step on the\n--    route (alternatives share one) and its stage's step\nplanned_keys(touchpoint, touch, touchpoint_step, stage_step) AS (\n  VALUES\n")
	var rows []string
	for _, k := range f.keys {
		lit, ok := q.d.literal(k.Key)
		if !ok {
			continue // no row can carry this key
		}
		rows = append(rows, fmt.Sprintf("    (%s, %d, %d, %d) -- %s", lit, k.Touch, f.routeStep(k.Touch), k.Stage, comment(res.Touchpoints[k.Touch].Name)))
	}
	if len(rows) == 0 { // every key unrepresentable: a row that matches nothing
		rows = append(rows, "    (CAST(NULL AS VARCHAR), -1, -1, -1)")
		if pg {
			rows[0] = "    (CAST(NULL AS text), -1, -1, -1)"
		}
	}
	for i, r := range rows {
		if i < len(rows)-1 {
			// the comma goes before the comment
			j := strings.Index(r, ") -- ")
			if j < 0 {
				r += ","
			} else {
				r = r[:j+1] + "," + r[j+1:]
			}
		}
		b.WriteString(r)
		b.WriteByte('\n')
	}
	b.WriteString("),\n")
	typ := "DOUBLE"
	if pg {
		typ = "double precision"
	}
	emotion := "CAST(NULL AS " + typ + ")"
	if q.emotion != "" {
		emotion = "CAST(" + q.emotion + " AS " + typ + ")"
	}
	x := "r.emotion * 1000" // thousandths, rounded half away from zero like Go's math.Round
	var personaOut, personaIn string
	if q.persona != "" { // the persona's index (0: none), and the outcome's rank for equal times
		personaOut = ",\n    CASE WHEN r.usable THEN r.persona END AS persona,\n    r.outcome_rank"
		personaIn = fmt.Sprintf(",\n      %s AS persona,\n      %s AS outcome_rank", q.personaIdx, q.outcomeRank)
	}
	fmt.Fprintf(b, `-- 2. every row of the table: usable or a bad row; time in nanoseconds since 1970
source_rows AS (
  SELECT r.customer, r.touchpoint, r.usable,
    CASE WHEN r.usable THEN %[1]s END AS t,
    r.usable AND r.failed AS failed,
    r.usable AND r.emotion IS NOT NULL AS has_emotion,
    CASE WHEN r.usable THEN CAST(sign(%[2]s) * floor(abs(%[2]s) + 0.5) AS BIGINT) END AS emotion_milli%[10]s
  FROM (
    SELECT
      %[3]s AS customer,
      %[4]s AS touchpoint,
      %[5]s AS ts,
      %[6]s AS failed,
      %[7]s AS emotion,
      (%[8]s) AS usable%[11]s
    FROM %[9]s
  ) AS r
),
`, strings.ReplaceAll(q.tns, q.ts, "r.ts"), x, q.customerText, q.keyColumn, q.ts, q.failed, emotion, q.usable, q.from, personaOut, personaIn)
	fmt.Fprintf(b, `-- 3. events and bad rows per touchpoint key
by_key AS (
  SELECT touchpoint,
    count(*) FILTER (WHERE usable) AS events,
    count(*) FILTER (WHERE failed) AS failing,
    count(*) FILTER (WHERE has_emotion) AS emotion_count,
    COALESCE(sum(emotion_milli), 0) AS emotion_sum_milli,
    count(*) FILTER (WHERE NOT usable) AS bad_rows
  FROM source_rows
  GROUP BY touchpoint
),
`)
	// The steps give one row per customer (reached); the measures count
	// them in one pass (counts) and list the times to convert by code
	// (timeMeasures).
	switch {
	case pg && res.Mode == analytics.InOrder:
		f.arraySteps(b)
	case res.Mode == analytics.AnyOrder:
		f.anySteps(b)
	default:
		f.wideSteps(b)
	}
	counts := "\nSELECT measure, '', step, 0, value FROM counts\nUNION ALL"
	var names []string
	for _, m := range timeMeasures {
		names = append(names, fmt.Sprintf("(%d, '%s')", m.code, m.name))
	}
	name, from := "names.name", "durations JOIN (VALUES "+strings.Join(names, ", ")+") AS names(code, name) ON durations.measure = names.code"
	// One pass over the measures gives each time to convert its exponent,
	// mantissa and bin flag; the counts per bucket and per bin follow from
	// the counts of those (a few thousand rows).
	durations := fmt.Sprintf(`durations AS (
  SELECT measure, step, %s AS bucket, %s AS bin, n
  FROM (
    SELECT measure, step, e, m, f, count(*) AS n
    FROM (SELECT measure, step, e, %s AS m, %s AS f FROM (%s) AS l) AS k
    GROUP BY 1, 2, 3, 4, 5
  ) AS g
)`, bucketOfMantissa("e", "m"), binOfFlag(q.d, "e", "f"), mantissa(q.d, "d", "e"), binFlag(q.d, "d", "e"), exponent(q.d, "(SELECT measure, step, d FROM measures)", "d", "e"))
	final := b
	if f.personas {
		final = &strings.Builder{}
	}
	fmt.Fprintf(final, `-- then: the histogram bucket (analytics.BucketOf) and the chart bin (Timing.Bins: 0 under
-- one second, else floor(log2(whole seconds)) + 1) of the times to convert, counted per
-- exponent, mantissa (the 8 leading bits) and bin flag
%[1]s
-- and the result rows
SELECT %[4]s AS measure, '' AS touchpoint, step, CAST(bucket AS %[2]s) AS bucket, CAST(sum(n) AS %[2]s) AS value FROM %[5]s GROUP BY 1, 3, 4
UNION ALL
SELECT %[4]s || '_bins', '', step, CAST(bin AS %[2]s), CAST(sum(n) AS %[2]s) FROM %[5]s WHERE bin IS NOT NULL GROUP BY 1, 3, 4
UNION ALL%[3]s
SELECT 'events', touchpoint, 0, 0, events FROM by_key WHERE events > 0
UNION ALL
SELECT 'failing', touchpoint, 0, 0, failing FROM by_key WHERE failing > 0
UNION ALL
SELECT 'emotion_count', touchpoint, 0, 0, emotion_count FROM by_key WHERE emotion_count > 0
UNION ALL
SELECT 'emotion_sum_milli', touchpoint, 0, 0, emotion_sum_milli FROM by_key WHERE emotion_count > 0
UNION ALL
SELECT 'bad_rows', touchpoint, 0, 0, bad_rows FROM by_key WHERE bad_rows > 0
ORDER BY 1, 2, 3, 4
`, durations, bigint, counts, name, from)
	if f.personas {
		head, rows, _ := strings.Cut(final.String(), "-- and the result rows\n")
		b.WriteString(head + "-- and the result rows\n" + f.splitRoutes(q.d, rows))
	}
}

// binOf is the chart bin (analytics Timing.Bins: 0 under one second, else
// ⌊log₂ s⌋ + 1 for s whole seconds) of duration v (nanoseconds, v ≥ 0)
// whose exponent ⌊log₂ v⌋ is e. From 2^e ≤ v < 2^(e+1) follows ⌊log₂ s⌋ ∈
// {e−30, e−29} (10^9 lies between 2^29 and 2^30), so one comparison
// decides it (binFlag): the bin is e−28 when v ≥ 10^9·2^(e−29), else e−29,
// and 0 when that is negative (v under one second).
func binOf(d Dialect, v, e string) string { return binOfFlag(d, e, binFlag(d, v, e)) }

// binFlag is whether v ≥ 10^9·2^max(e−29, 0) (see binOf).
func binFlag(d Dialect, v, e string) string {
	switch d {
	case ClickHouse:
		return fmt.Sprintf("%[1]s >= bitShiftLeft(toInt64(1000000000), greatest(%[2]s - 29, 0))", v, e)
	case PostgreSQL:
		return fmt.Sprintf("%[1]s >= (CAST(1000000000 AS bigint) << CAST(greatest(%[2]s - 29, 0) AS integer))", v, e)
	}
	return fmt.Sprintf("%[1]s >= (CAST(1000000000 AS BIGINT) << greatest(%[2]s - 29, 0))", v, e)
}

// binOfFlag is the chart bin of a duration of exponent e and bin flag f
// (see binOf).
func binOfFlag(d Dialect, e, f string) string {
	switch d {
	case ClickHouse:
		return fmt.Sprintf("greatest(%s - 29 + toInt64(%s), 0)", e, f)
	case PostgreSQL:
		return fmt.Sprintf("greatest(%s - 29 + CAST(%s AS integer), 0)", e, f)
	}
	return fmt.Sprintf("greatest(%s - 29 + CAST(%s AS BIGINT), 0)", e, f)
}

// pushable reports an error when the query cannot compute p's funnel as
// the Go engine does: strict order, or a breakdown column; see the package
// doc.
func pushable(p *analytics.Plan, res *analytics.Result) error {
	if res.Mode != analytics.InOrder && res.Mode != analytics.AnyOrder {
		return fmt.Errorf("%w: order mode %v (the query computes the default mode, ordered, and any order)", ErrUnsupported, res.Mode)
	}
	if c := p.Columns().Breakdown; c != "" {
		return fmt.Errorf("%w: breakdown by %q (the query computes no breakdown)", ErrUnsupported, c)
	}
	return nil
}

// chExponent is ⌊log₂ v⌋ in ClickHouse (v ≥ 1; 0 for v = 0), as exponent
// computes it.
func chExponent(v string) string {
	e0 := "toInt64(floor(log2(toFloat64(greatest(" + v + ", 1)))))"
	return fmt.Sprintf("%[1]s + multiIf(bitShiftRight(%[2]s, %[1]s) = 0, -1, bitShiftRight(%[2]s, %[1]s) >= 2, 1, 0)", e0, v)
}

// exponent and bucketOf are the one place where the histogram's bucket
// scheme (analytics.BucketOf) is written in SQL; switching the scheme means
// changing these two functions and chExponent only.
//
// exponent returns a subquery over from with column e = ⌊log₂ d⌋ for d ≥ 1
// (-1 for d = 0, a time to convert of zero in any order),
// computed in floating point (column e_0) and corrected by one either way
// in integers: d>>e_0 is 0, 1, or 2 or 3 when e_0 is one too big, right,
// or one too small, so e = e_0 − 1 + min(d>>e_0, 2). No branches: DuckDB
// evaluates every CASE branch as a pass of its own.
func exponent(d Dialect, from, v, e string) string {
	switch d {
	case ClickHouse:
		return fmt.Sprintf("SELECT *, %s AS %s FROM %s", chExponent(v), e, from)
	case PostgreSQL:
		return fmt.Sprintf("SELECT *, %[2]s_0 - 1 + least(%[1]s >> %[2]s_0, 2) AS %[2]s FROM (SELECT *, CAST(floor(ln(CAST(greatest(%[1]s, 1) AS double precision)) / ln(2)) AS integer) AS %[2]s_0 FROM %[3]s AS m) AS l0", v, e, from)
	}
	return fmt.Sprintf("SELECT *, %[2]s_0 - 1 + least(%[1]s >> %[2]s_0, 2) AS %[2]s FROM (SELECT *, CAST(floor(log2(greatest(%[1]s, 1))) AS BIGINT) AS %[2]s_0 FROM %[3]s AS m) AS l0", v, e, from)
}

// bucketOf is the one place where the histogram's bucket scheme is written
// in SQL: analytics.BucketOf of duration v (nanoseconds, v ≥ 0) whose
// exponent ⌊log₂ v⌋ is e. Durations below 256 ns are their own bucket; a
// larger one falls in one of 128 buckets per power of two: its bucket
// follows from e and its mantissa, the 8 bits from its leading one
// (mantissa). With E = max(e, 7) one formula gives both: (E−6)·128 +
// v>>(E−7) − 128 is v when v < 256.
func bucketOf(d Dialect, v, e string) string { return bucketOfMantissa(e, mantissa(d, v, e)) }

// mantissa is v>>(max(e, 7)−7): v itself under 256, else its 8 leading
// bits.
func mantissa(d Dialect, v, e string) string {
	switch d {
	case ClickHouse:
		return fmt.Sprintf("bitShiftRight(%[1]s, greatest(%[2]s, 7) - 7)", v, e)
	case PostgreSQL:
		return fmt.Sprintf("(%[1]s >> CAST(greatest(%[2]s, 7) - 7 AS integer))", v, e)
	}
	return fmt.Sprintf("(%[1]s >> (greatest(%[2]s, 7) - 7))", v, e)
}

// bucketOfMantissa is the bucket of a duration of exponent e and mantissa
// m (see bucketOf).
func bucketOfMantissa(e, m string) string {
	return fmt.Sprintf("(greatest(%[1]s, 7) - 6) * 128 + %[2]s - 128", e, m)
}

// clickhouse writes the ClickHouse query: nested subqueries (ClickHouse
// 18.16 has no WITH subqueries and no window functions), each level
// commented, one column per step.
func (f funnelSteps) clickhouse(b *strings.Builder, q *quoted, res *analytics.Result) {
	indent := func(n int) string {
		return "ifNull((" + strings.Join(q.conds, "\n"+strings.Repeat(" ", n)+"AND ") + "), 0)"
	}
	// With a persona column, level 5 splits the step number t + m·k of a
	// persona's route into the step t and the persona's id.
	measure, split, stepCol, splitEnd := "if(funnel = 'customers', 'customers', concat(funnel, '_', m))", "", "'' AS touchpoint, step", ""
	if f.personas {
		ids := []string{"''"}
		for _, id := range f.personaIDs {
			lit, _ := ClickHouse.literal(id)
			ids = append(ids, lit)
		}
		measure = "if(funnel IN ('customers', 'route_customers'), funnel, concat(funnel, '_', m))"
		split = fmt.Sprintf(`
  --    (a persona's route carries its index k in the step number, as t + %[1]d·k: split
  --    into the step t and the persona's id)
  SELECT measure, [%[2]s][intDiv(jm_code, %[1]d) + 1] AS touchpoint, toInt64(jm_code %% %[1]d) AS step, bucket, value
  FROM
  (`, f.m, strings.Join(ids, ", "))
		stepCol, splitEnd = "step AS jm_code", "\n  )"
	}
	usable := indent(10)
	key := "ifNull(" + q.key + ", '')"
	fmt.Fprintf(b, `SELECT measure, touchpoint, step, bucket, value
FROM
(
  -- 1. events and bad rows per touchpoint key
  SELECT m.1 AS measure, touchpoint, toInt64(0) AS step, toInt64(0) AS bucket, m.2 AS value
  FROM
  (
    SELECT jm_touchpoint AS touchpoint,
      toInt64(countIf(jm_usable)) AS events,
      toInt64(countIf(jm_failed)) AS failing,
      toInt64(countIf(jm_has_emotion)) AS emotion_count,
      toInt64(sumIf(jm_emotion_milli, jm_has_emotion)) AS emotion_sum_milli,
      toInt64(countIf(NOT jm_usable)) AS bad_rows
    FROM
    (
      -- (aliases that read the table's columns start with jm_: ClickHouse resolves an alias
      -- before a column of the same name)
      SELECT
        %[1]s AS jm_touchpoint,
        %[2]s AS jm_usable,
        jm_usable AND ifNull(%[3]s, 0) AS jm_failed,
        jm_usable AND ifNull(%[4]s, 0) AS jm_has_emotion,
        if(jm_has_emotion, ifNull(%[5]s, 0), 0) AS jm_emotion_milli
      FROM %[6]s
    )
    GROUP BY jm_touchpoint
  )
  ARRAY JOIN [('events', events), ('failing', failing), ('emotion_count', emotion_count), ('emotion_sum_milli', emotion_sum_milli), ('bad_rows', bad_rows)] AS m
  WHERE (measure != 'emotion_sum_milli' AND value > 0) OR (measure = 'emotion_sum_milli' AND emotion_count > 0)

  UNION ALL

  -- 5. the result rows of the funnels: customers, reached, drop-off, histograms%[11]s
  SELECT measure, %[12]s, bucket, toInt64(count()) AS value
  FROM
  (
    -- 4. one row per measure: reached, drop-off, and the bucket (analytics.BucketOf) and chart bin
    --    (0 under one second, else floor(log2(whole seconds)) + 1) of each time to convert
    SELECT
      %[10]s AS measure,
      toInt64(step) AS step,
      if(m IN ('from_previous', 'from_previous_bins'), d_prev, d_start) AS d,
      %[8]s AS e,
      multiIf(m IN ('reached', 'drop_off'), toInt64(0), m IN ('from_previous_bins', 'from_start_bins'), %[9]s, toInt64(%[7]s)) AS bucket
    FROM
    (
      -- 3. one row per customer and step reached (step: the touchpoint that reached it; position:
      --    the step on the route), whether it is the furthest step short of the last (dropped),
      --    and the times to convert
      SELECT funnel, position, step, dropped, d_prev, d_start
      FROM
      (
        -- 2. one column per step: step i is reached at the earliest time on it strictly
        --    after step i-1, no later than the window after step 0; of a step's
        --    alternatives, the first in journey order with an event then (via)
        SELECT *`, key, usable, q.failed, q.emotionPresent, q.emotionMilli, q.from, bucketOf(ClickHouse, "d", "e"), chExponent("d"), binOf(ClickHouse, "d", "e"),
		measure, split, stepCol)
	for _, fn := range f.funnels() {
		for i := 0; i < f.n(fn); i++ {
			alts := f.alts(fn, i)
			if i == 0 {
				if alts != nil { // the time is known: the first alternative with an event then
					var c []string
					for _, a := range alts {
						c = append(c, fmt.Sprintf("has(touch_%d_times, %s), %d", a, timeCol(fn, 0), a))
					}
					fmt.Fprintf(b, ",\n        -- %s step 0: %s\n        multiIf(%s, -1) AS %s_0_via", fn, f.name(fn, 0), strings.Join(c, ", "), fn)
				}
				continue
			}
			cand := fmt.Sprintf("%s_%d_candidates", fn, i)
			filter := func(times string) string {
				return fmt.Sprintf("arrayFilter(x -> x > %s AND x - %s <= %d, %s)", timeCol(fn, i-1), timeCol(fn, 0), f.window, times)
			}
			fmt.Fprintf(b, ",\n        -- %s step %d: %s\n", fn, i, f.name(fn, i))
			if alts == nil {
				fmt.Fprintf(b, "        %s AS %s,\n", filter(f.timesOf(fn, i)), cand)
			} else {
				var cs []string
				for _, a := range alts {
					c := fmt.Sprintf("touch_%d_candidates", a)
					fmt.Fprintf(b, "        %s AS %s,\n", filter(fmt.Sprintf("touch_%d_times", a)), c)
					cs = append(cs, c)
				}
				fmt.Fprintf(b, "        arrayConcat(%s) AS %s,\n", strings.Join(cs, ", "), cand)
			}
			fmt.Fprintf(b, "        %s_%d_reached AND notEmpty(%s) AS %s_%d_reached,\n", fn, i-1, cand, fn, i)
			fmt.Fprintf(b, "        arrayReduce('min', %s) AS %s", cand, timeCol(fn, i))
			if alts != nil { // the first alternative in journey order with an event then
				var c []string
				for _, a := range alts {
					c = append(c, fmt.Sprintf("has(touch_%d_candidates, %s), %d", a, timeCol(fn, i), a))
				}
				fmt.Fprintf(b, ",\n        multiIf(%s, -1) AS %s_%d_via", strings.Join(c, ", "), fn, i)
			}
		}
	}
	b.WriteString(`
        FROM
        (
          -- 1. per customer: the first time on the first step, and the times on every later step
          --    (on each alternative of a step with alternatives)
          SELECT jm_customer`)
	if f.personas { // the customer's route: the persona of their first event, equal times in the Go engine's order
		b.WriteString(",\n            argMin(jm_persona, (jm_t, jm_rank, jm_ad_hoc, jm_outcome, jm_emotion, jm_persona)) AS jm_route")
	}
	touchTimes := map[int]bool{} // touch_{t}_times written
	for _, fn := range f.funnels() {
		onRoute := ""
		if f.personas && f.isTouch(fn) { // only the customers on this route start it
			onRoute = fmt.Sprintf(" AND jm_route = %d", f.routeOf(fn))
		}
		fmt.Fprintf(b, ",\n            countIf(%[3]s) > 0%[4]s AS %[1]s_0_reached,\n            minIf(jm_t, %[3]s) AS %[2]s", fn, timeCol(fn, 0), f.stepIs(fn, 0, "jm_"), onRoute)
		for i := 0; i < f.n(fn); i++ {
			if alts := f.alts(fn, i); alts != nil {
				for _, a := range alts {
					if !touchTimes[a] {
						touchTimes[a] = true
						fmt.Fprintf(b, ",\n            groupArrayIf(jm_t, jm_touch = %[1]d) AS touch_%[1]d_times", a)
					}
				}
			} else if i > 0 && f.routeOf(fn) > 0 {
				if a := f.steps(fn)[i][0]; !touchTimes[a] {
					touchTimes[a] = true
					fmt.Fprintf(b, ",\n            groupArrayIf(jm_t, jm_touch = %[1]d) AS touch_%[1]d_times", a)
				}
			} else if i > 0 {
				fmt.Fprintf(b, ",\n            groupArrayIf(jm_t, jm_%s_step = %d) AS %s", fn, i, timesCol(fn, i))
			}
		}
	}
	var keys, touch, route, stage []string
	for _, k := range f.keys {
		lit, _ := ClickHouse.literal(k.Key)
		keys = append(keys, lit)
		touch = append(touch, fmt.Sprint(k.Touch))
		route = append(route, fmt.Sprint(f.routeStep(k.Touch)))
		stage = append(stage, fmt.Sprint(k.Stage))
	}
	ks := strings.Join(keys, ", ")
	personaCols := ""
	if f.personas { // the persona's index, and the order of equal times (analytics: compareTies)
		personaCols = fmt.Sprintf(`,
              %s AS jm_persona,
              if(jm_touch < 0, toInt64(%d), toInt64(jm_touch)) AS jm_rank,
              if(jm_touch < 0, %s, '') AS jm_ad_hoc,
              %s AS jm_outcome,
              toInt64(ifNull(if(%s, %s, -32768), -32768)) AS jm_emotion`, q.personaIdx, len(f.names), key, q.outcomeRank, q.emotionPresent, q.emotionMilli)
	}
	fmt.Fprintf(b, `
          FROM
          (
            -- 0. the usable events on planned touchpoints, time in nanoseconds since 1970,
            --    with the touchpoint, its step on the route (alternatives share one) and its
            --    stage's step (-1: not planned)
            SELECT %s AS jm_customer, %s AS jm_t,
              transform(%s, [%s], [%s], -1) AS jm_touch,
              transform(%s, [%s], [%s], -1) AS jm_touchpoint_step,
              transform(%s, [%s], [%s], -1) AS jm_stage_step%s
            FROM %s
            WHERE %s
          )
          GROUP BY jm_customer
        )
      )
`, q.customerText, q.tns, key, ks, strings.Join(touch, ", "), key, ks, strings.Join(route, ", "), key, ks, strings.Join(stage, ", "), personaCols, q.from, indent(14))
	var funnel, pos, step, reached, last, dPrev, dStart []string
	funnel, pos, step, reached, last, dPrev, dStart = append(funnel, "'customers'"), append(pos, "0"), append(step, "toInt64(0)"), append(reached, "1"), append(last, "0"), append(dPrev, "0"), append(dStart, "0")
	if f.personas { // the customers of each route, the route in the step (m)
		funnel, pos, step, reached, last, dPrev, dStart = append(funnel, "'route_customers'"), append(pos, "0"), append(step, fmt.Sprintf("toInt64(jm_route) * %d", f.m)), append(reached, "1"), append(last, "0"), append(dPrev, "0"), append(dStart, "0")
	}
	for _, fn := range f.funnels() {
		n := f.n(fn)
		for i := 0; i < n; i++ {
			funnel = append(funnel, "'"+f.measure(fn)+"'")
			pos = append(pos, fmt.Sprint(i))
			step = append(step, "toInt64("+f.via(fn, i, "")+")")
			reached = append(reached, fmt.Sprintf("%s_%d_reached", fn, i))
			if i+1 < n {
				last = append(last, fmt.Sprintf("%s_%d_reached AND NOT %s_%d_reached", fn, i, fn, i+1))
			} else {
				last = append(last, "0")
			}
			if i == 0 {
				dPrev, dStart = append(dPrev, "0"), append(dStart, "0")
				continue
			}
			dPrev = append(dPrev, timeCol(fn, i)+" - "+timeCol(fn, i-1))
			dStart = append(dStart, timeCol(fn, i)+" - "+timeCol(fn, 0))
		}
	}
	fmt.Fprintf(b, `      ARRAY JOIN
        [%s] AS funnel,
        [%s] AS position,
        [%s] AS step,
        [%s] AS reached,
        [%s] AS dropped,
        [%s] AS d_prev,
        [%s] AS d_start
      WHERE reached
    )
    ARRAY JOIN ['reached', 'drop_off', 'from_previous', 'from_start', 'from_previous_bins', 'from_start_bins'] AS m
    WHERE m = 'reached' OR (m = 'drop_off' AND dropped) OR (m NOT IN ('reached', 'drop_off') AND funnel != 'customers' AND position > 0)
  )
  GROUP BY measure, step, bucket%[8]s
)
ORDER BY measure, touchpoint, step, bucket
`, strings.Join(funnel, ", "), strings.Join(pos, ", "), strings.Join(step, ", "), strings.Join(reached, ", "), strings.Join(last, ", "), strings.Join(dPrev, ", "), strings.Join(dStart, ", "), splitEnd)
}
