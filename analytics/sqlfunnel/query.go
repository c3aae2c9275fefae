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
		{"outcome column", c.Outcome, &q.outcome}, {"emotion column", c.Emotion, &q.emotion}} {
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
	steps := funnelSteps{touch: len(res.Touchpoints), stage: len(res.Stages), window: int64(p.Window()), keys: p.Keys()}
	var b strings.Builder
	fmt.Fprintf(&b, "-- journeymap funnel for journey %s (%s), %s dialect\n", res.JourneyID, comment(res.Title), q.d)
	fmt.Fprintf(&b, "-- order mode: anchored greedy; conversion window %d ns (%v)\n", steps.window, p.Window())
	b.WriteString("-- rows: measure, touchpoint, step, bucket, value (see package analytics/sqlfunnel)\n")
	if q.d == ClickHouse {
		steps.clickhouse(&b, q, res)
	} else {
		steps.standard(&b, q, res)
	}
	return b.String(), nil
}

// funnels names the two funnels in column names and measures.
var funnels = []string{"touchpoint", "stage"}

type funnelSteps struct {
	touch, stage int
	window       int64
	keys         []analytics.PlanKey
}

func (f funnelSteps) n(funnel string) int {
	if funnel == "touchpoint" {
		return f.touch
	}
	return f.stage
}

// standard writes the DuckDB and PostgreSQL query: one CTE per step.
func (f funnelSteps) standard(b *strings.Builder, q *quoted, res *analytics.Result) {
	pg := q.d == PostgreSQL
	bigint := "BIGINT"
	fmt.Fprintf(b, "WITH\n-- 1. the planned touchpoint keys: the step of the touchpoint and of its stage\nplanned_keys(touchpoint, touchpoint_step, stage_step) AS (\n  VALUES\n")
	var rows []string
	for _, k := range f.keys {
		lit, ok := q.d.literal(k.Key)
		if !ok {
			continue // no row can carry this key
		}
		rows = append(rows, fmt.Sprintf("    (%s, %d, %d) -- %s", lit, k.Touch, k.Stage, comment(res.Touchpoints[k.Touch].Name)))
	}
	if len(rows) == 0 { // every key unrepresentable: a row that matches nothing
		rows = append(rows, "    (CAST(NULL AS VARCHAR), -1, -1)")
		if pg {
			rows[0] = "    (CAST(NULL AS text), -1, -1)"
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
	fmt.Fprintf(b, `-- 2. every row of the table: usable or a bad row; time in nanoseconds since 1970
source_rows AS (
  SELECT r.customer, r.touchpoint, r.usable,
    CASE WHEN r.usable THEN %[1]s END AS t,
    r.usable AND r.failed AS failed,
    r.usable AND r.emotion IS NOT NULL AS has_emotion,
    CASE WHEN r.usable THEN CAST(sign(%[2]s) * floor(abs(%[2]s) + 0.5) AS BIGINT) END AS emotion_milli
  FROM (
    SELECT
      %[3]s AS customer,
      %[4]s AS touchpoint,
      %[5]s AS ts,
      %[6]s AS failed,
      %[7]s AS emotion,
      (%[8]s) AS usable
    FROM %[9]s
  ) AS r
),
`, strings.ReplaceAll(q.tns, q.ts, "r.ts"), x, q.customerText, q.keyColumn, q.ts, q.failed, emotion, q.usable, q.from)
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
	if pg {
		f.arraySteps(b, res, bigint)
	} else {
		f.joinSteps(b, res, bigint)
	}
	fmt.Fprintf(b, `-- then: the histogram bucket of each time to convert (analytics.BucketOf)
bucketed AS (
  SELECT measure, step, CASE WHEN d IS NULL THEN 0 ELSE %s END AS bucket
  FROM (%s) AS l
),
-- and its chart bin (Timing.Bins): 0 under one second, else floor(log2(whole seconds)) + 1
binned AS (
  SELECT measure || '_bins' AS measure, step, CASE WHEN s = 0 THEN 0 ELSE e + 1 END AS bin
  FROM (%s) AS l
)
`, bucketOf(q.d, "d", "e"), exponent(q.d, "measures", "d", "e"),
		exponent(q.d, "(SELECT measure, step, "+seconds(q.d, "d")+" AS s, greatest("+seconds(q.d, "d")+", 1) AS s1 FROM measures WHERE d IS NOT NULL)", "s1", "e"))
	fmt.Fprintf(b, `-- and the result rows
SELECT measure, '' AS touchpoint, step, CAST(bucket AS %[1]s) AS bucket, count(*) AS value FROM bucketed GROUP BY measure, step, bucket
UNION ALL
SELECT measure, '', step, CAST(bin AS %[1]s), count(*) FROM binned GROUP BY measure, step, bin
UNION ALL
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
`, bigint)
}

// seconds is the whole seconds of duration v (nanoseconds, v ≥ 0).
func seconds(d Dialect, v string) string {
	switch d {
	case ClickHouse:
		return "intDiv(" + v + ", 1000000000)"
	case PostgreSQL:
		return "(" + v + " / 1000000000)"
	}
	return "(" + v + " // 1000000000)"
}

// chBinOf is the chart bin (analytics Timing.Bins) of duration v in
// ClickHouse: 0 under one second, else ⌊log₂ s⌋ + 1 for s whole seconds.
func chBinOf(v string) string {
	s := seconds(ClickHouse, v)
	return fmt.Sprintf("if(%[1]s = 0, toInt64(0), toInt64(%[2]s + 1))", s, chExponent(s))
}

// pushable reports an error when the query cannot compute p's funnel as
// the Go engine does: an order mode other than the default, a breakdown
// column, or a journey whose route has alternatives (touchpoints of one
// stage serving different personas); see the package doc.
func pushable(p *analytics.Plan, res *analytics.Result) error {
	if res.Mode != analytics.InOrder {
		return fmt.Errorf("%w: order mode %v (the query computes the default mode, ordered)", ErrUnsupported, res.Mode)
	}
	if c := p.Columns().Breakdown; c != "" {
		return fmt.Errorf("%w: breakdown by %q (the query computes no breakdown)", ErrUnsupported, c)
	}
	for i, st := range res.Touchpoints {
		if st.RouteStep != i {
			return fmt.Errorf("%w: touchpoint %q is an alternative of another on the route (the query measures one straight route)", ErrUnsupported, st.Name)
		}
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
// exponent returns a subquery over from with column e = ⌊log₂ d⌋ for d ≥ 1,
// computed in floating point and corrected by one either way in integers.
func exponent(d Dialect, from, v, e string) string {
	switch d {
	case ClickHouse:
		return fmt.Sprintf("SELECT *, %s AS %s FROM %s", chExponent(v), e, from)
	case PostgreSQL:
		return fmt.Sprintf("SELECT *, e0 + CASE WHEN (%[1]s >> e0) = 0 THEN -1 WHEN (%[1]s >> e0) >= 2 THEN 1 ELSE 0 END AS %[2]s FROM (SELECT *, CAST(floor(ln(CAST(%[1]s AS double precision)) / ln(2)) AS integer) AS e0 FROM %[3]s AS m) AS l0", v, e, from)
	}
	return fmt.Sprintf("SELECT *, e0 + CASE WHEN (%[1]s >> e0) = 0 THEN -1 WHEN (%[1]s >> e0) >= 2 THEN 1 ELSE 0 END AS %[2]s FROM (SELECT *, CAST(floor(log2(%[1]s)) AS BIGINT) AS e0 FROM %[3]s AS m) AS l0", v, e, from)
}

// bucketOf is the one place where the histogram's bucket scheme is written
// in SQL: analytics.BucketOf of duration v (nanoseconds, v ≥ 1) whose
// exponent ⌊log₂ v⌋ is e. Durations below 256 ns are their own bucket; a
// larger one falls in one of 128 buckets per power of two.
func bucketOf(d Dialect, v, e string) string {
	if d == ClickHouse {
		return fmt.Sprintf("if(%[1]s < 256, %[1]s, (%[2]s - 6) * 128 + bitShiftRight(%[1]s, greatest(%[2]s - 7, 0)) - 128)", v, e)
	}
	shift := e + " - 7"
	if d == PostgreSQL {
		shift = "CAST(" + shift + " AS integer)"
	}
	return fmt.Sprintf("CASE WHEN %[1]s < 256 THEN %[1]s ELSE (%[2]s - 6) * 128 + (%[1]s >> (%[3]s)) - 128 END", v, e, shift)
}

// clickhouse writes the ClickHouse query: nested subqueries (ClickHouse
// 18.16 has no WITH subqueries and no window functions), each level
// commented, one column per step.
func (f funnelSteps) clickhouse(b *strings.Builder, q *quoted, res *analytics.Result) {
	indent := func(n int) string {
		return "ifNull((" + strings.Join(q.conds, "\n"+strings.Repeat(" ", n)+"AND ") + "), 0)"
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

  -- 5. the result rows of the funnels: customers, reached, histograms
  SELECT measure, '' AS touchpoint, step, bucket, toInt64(count()) AS value
  FROM
  (
    -- 4. one row per measure: reached, and the bucket (analytics.BucketOf) and chart bin
    --    (0 under one second, else floor(log2(whole seconds)) + 1) of each time to convert
    SELECT
      if(funnel = 'customers', 'customers', concat(funnel, '_', m)) AS measure,
      toInt64(step) AS step,
      if(m IN ('from_previous', 'from_previous_bins'), d_prev, d_start) AS d,
      %[8]s AS e,
      multiIf(m = 'reached', toInt64(0), m IN ('from_previous_bins', 'from_start_bins'), %[9]s, toInt64(%[7]s)) AS bucket
    FROM
    (
      -- 3. one row per customer and step reached, with the times to convert
      SELECT funnel, step, d_prev, d_start
      FROM
      (
        -- 2. one column per step: step i is reached at the earliest time on it strictly
        --    after step i-1, no later than the window after step 0
        SELECT *`, key, usable, q.failed, q.emotionPresent, q.emotionMilli, q.from, bucketOf(ClickHouse, "d", "e"), chExponent("d"), chBinOf("d"))
	for _, fn := range funnels {
		what := res.Touchpoints
		if fn == "stage" {
			what = res.Stages
		}
		for i := 1; i < f.n(fn); i++ {
			cand := fmt.Sprintf("%s_%d_candidates", fn, i)
			fmt.Fprintf(b, ",\n        -- %s step %d: %s\n", fn, i, comment(what[i].Name))
			fmt.Fprintf(b, "        arrayFilter(x -> x > %s AND x - %s <= %d, %s) AS %s,\n", timeCol(fn, i-1), timeCol(fn, 0), f.window, timesCol(fn, i), cand)
			fmt.Fprintf(b, "        %s_%d_reached AND notEmpty(%s) AS %s_%d_reached,\n", fn, i-1, cand, fn, i)
			fmt.Fprintf(b, "        arrayReduce('min', %s) AS %s", cand, timeCol(fn, i))
		}
	}
	b.WriteString(`
        FROM
        (
          -- 1. per customer: the first time on the first step, and the times on every later step
          SELECT jm_customer`)
	for _, fn := range funnels {
		fmt.Fprintf(b, ",\n            countIf(jm_%[1]s_step = 0) > 0 AS %[1]s_0_reached,\n            minIf(jm_t, jm_%[1]s_step = 0) AS %[2]s", fn, timeCol(fn, 0))
		for i := 1; i < f.n(fn); i++ {
			fmt.Fprintf(b, ",\n            groupArrayIf(jm_t, jm_%s_step = %d) AS %s", fn, i, timesCol(fn, i))
		}
	}
	var keys, touch, stage []string
	for _, k := range f.keys {
		lit, _ := ClickHouse.literal(k.Key)
		keys = append(keys, lit)
		touch = append(touch, fmt.Sprint(k.Touch))
		stage = append(stage, fmt.Sprint(k.Stage))
	}
	fmt.Fprintf(b, `
          FROM
          (
            -- 0. the usable events on planned touchpoints, time in nanoseconds since 1970,
            --    with the step of the touchpoint and of its stage (-1: not planned)
            SELECT %s AS jm_customer, %s AS jm_t,
              transform(%s, [%s], [%s], -1) AS jm_touchpoint_step,
              transform(%s, [%s], [%s], -1) AS jm_stage_step
            FROM %s
            WHERE %s
          )
          GROUP BY jm_customer
        )
      )
`, q.customerText, q.tns, key, strings.Join(keys, ", "), strings.Join(touch, ", "), key, strings.Join(keys, ", "), strings.Join(stage, ", "), q.from, indent(14))
	var funnel, step, reached, dPrev, dStart []string
	funnel, step, reached, dPrev, dStart = append(funnel, "'customers'"), append(step, "0"), append(reached, "1"), append(dPrev, "0"), append(dStart, "0")
	for _, fn := range funnels {
		for i := 0; i < f.n(fn); i++ {
			funnel = append(funnel, "'"+fn+"'")
			step = append(step, fmt.Sprint(i))
			reached = append(reached, fmt.Sprintf("%s_%d_reached", fn, i))
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
        [%s] AS step,
        [%s] AS reached,
        [%s] AS d_prev,
        [%s] AS d_start
      WHERE reached
    )
    ARRAY JOIN ['reached', 'from_previous', 'from_start', 'from_previous_bins', 'from_start_bins'] AS m
    WHERE m = 'reached' OR (funnel != 'customers' AND step > 0)
  )
  GROUP BY measure, step, bucket
)
ORDER BY measure, touchpoint, step, bucket
`, strings.Join(funnel, ", "), strings.Join(step, ", "), strings.Join(reached, ", "), strings.Join(dPrev, ", "), strings.Join(dStart, ", "))
}

// joinSteps writes the steps as DuckDB runs them fastest: one CTE per step
// that joins the previous step's customers with the step's events.
func (f funnelSteps) joinSteps(b *strings.Builder, res *analytics.Result, bigint string) {
	b.WriteString(`-- 4. the usable events on planned touchpoints, with their steps
planned AS (
  SELECT s.customer, s.t, k.touchpoint_step, k.stage_step
  FROM source_rows AS s
  JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
),
-- 5. per customer: the start of each funnel, their first event on its step 0 (NULL: not started)
starts AS MATERIALIZED (
  SELECT s.customer,
    min(s.t) FILTER (WHERE k.touchpoint_step = 0) AS touchpoint_start,
    min(s.t) FILTER (WHERE k.stage_step = 0) AS stage_start
  FROM source_rows AS s
  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint
  WHERE s.usable
  GROUP BY s.customer
),
-- 6. one CTE per step: the customers who reached it, when they started (start_at), reached
--    the previous step (previous_at) and this one (reached_at): step i is reached at the
--    earliest event on it strictly after step i-1, no later than the window after step 0.
`)
	for _, fn := range funnels {
		what := res.Touchpoints
		if fn == "stage" {
			what = res.Stages
		}
		fmt.Fprintf(b, "%[1]s_0 AS ( -- %[1]s step 0: %[2]s\n  SELECT customer, %[1]s_start AS start_at, CAST(NULL AS %[3]s) AS previous_at, %[1]s_start AS reached_at\n  FROM starts\n  WHERE %[1]s_start IS NOT NULL\n),\n",
			fn, comment(what[0].Name), bigint)
		for i := 1; i < f.n(fn); i++ {
			fmt.Fprintf(b, `%[1]s_%[2]d AS MATERIALIZED ( -- %[1]s step %[2]d: %[3]s
  SELECT p.customer, any_value(p.start_at) AS start_at, any_value(p.reached_at) AS previous_at, min(e.t) AS reached_at
  FROM %[1]s_%[4]d AS p
  JOIN planned AS e ON e.customer = p.customer AND e.%[1]s_step = %[2]d AND e.t > p.reached_at AND e.t - p.start_at <= %[5]d
  GROUP BY p.customer
),
`, fn, i, comment(what[i].Name), i-1, f.window)
		}
	}
	b.WriteString("-- 7. one row per customer and measure: each step reached, each time to convert\nmeasures AS (\n")
	var parts []string
	parts = append(parts, fmt.Sprintf("  SELECT 'customers' AS measure, 0 AS step, CAST(NULL AS %s) AS d FROM starts", bigint))
	for _, fn := range funnels {
		for i := 0; i < f.n(fn); i++ {
			parts = append(parts, fmt.Sprintf("  SELECT '%s_reached', %d, NULL FROM %s_%d", fn, i, fn, i))
			if i > 0 {
				parts = append(parts,
					fmt.Sprintf("  SELECT '%s_from_previous', %d, reached_at - previous_at FROM %s_%d", fn, i, fn, i),
					fmt.Sprintf("  SELECT '%s_from_start', %d, reached_at - start_at FROM %s_%d", fn, i, fn, i))
			}
		}
	}
	b.WriteString(strings.Join(parts, "\n  UNION ALL\n"))
	b.WriteString("\n),\n")
}

// arraySteps writes the steps as PostgreSQL runs them without a join per
// step (its estimates for CTEs make those joins nested loops): the times
// of each step per customer in an array, then one CTE per step.
func (f funnelSteps) arraySteps(b *strings.Builder, res *analytics.Result, bigint string) {
	b.WriteString("-- 4. per customer: the first time on step 0, and the times on every later step\ncustomers AS (\n  SELECT s.customer")
	for _, fn := range funnels {
		fmt.Fprintf(b, ",\n    min(s.t) FILTER (WHERE k.%s_step = 0) AS %s", fn, timeCol(fn, 0))
		for i := 1; i < f.n(fn); i++ {
			fmt.Fprintf(b, ",\n    array_agg(s.t) FILTER (WHERE k.%s_step = %d) AS %s", fn, i, timesCol(fn, i))
		}
	}
	b.WriteString("\n  FROM source_rows AS s\n  LEFT JOIN planned_keys AS k ON s.touchpoint = k.touchpoint\n  WHERE s.usable\n  GROUP BY s.customer\n),\n")
	b.WriteString(`-- 5. the steps, one LATERAL subquery per step: step i is reached at the earliest time on
--    it strictly after step i-1, no later than the window after step 0 (NULL: not reached)
steps AS (
  SELECT *
  FROM customers AS c`)
	for _, fn := range funnels {
		what := res.Touchpoints
		if fn == "stage" {
			what = res.Stages
		}
		for i := 1; i < f.n(fn); i++ {
			fmt.Fprintf(b, "\n  CROSS JOIN LATERAL ( -- %s step %d: %s\n    SELECT min(x) AS %s FROM unnest(c.%s) AS x WHERE x > %s AND x - %s <= %d\n  ) AS %s_%d",
				fn, i, comment(what[i].Name), timeCol(fn, i), timesCol(fn, i), timeCol(fn, i-1), timeCol(fn, 0), f.window, fn, i)
		}
	}
	b.WriteString("\n),\n")
	prev := "steps"
	b.WriteString("-- 6. one row per customer and measure: the customer, each step reached, each time to convert\nmeasures AS (\n")
	fmt.Fprintf(b, "  SELECT v.measure, v.step, v.d\n  FROM %s AS c\n  CROSS JOIN LATERAL (VALUES\n", prev)
	vals := []string{fmt.Sprintf("('customers', 0, CAST(0 AS %s), CAST(NULL AS %s))", bigint, bigint)}
	for _, fn := range funnels {
		for i := 0; i < f.n(fn); i++ {
			at := "c." + timeCol(fn, i)
			vals = append(vals, fmt.Sprintf("('%s_reached', %d, %s, NULL)", fn, i, at))
			if i > 0 {
				vals = append(vals,
					fmt.Sprintf("('%s_from_previous', %d, %s, %s - c.%s)", fn, i, at, at, timeCol(fn, i-1)),
					fmt.Sprintf("('%s_from_start', %d, %s, %s - c.%s)", fn, i, at, at, timeCol(fn, 0)))
			}
		}
	}
	b.WriteString("    " + strings.Join(vals, ",\n    "))
	b.WriteString("\n  ) AS v(measure, step, reached_at, d)\n  WHERE v.reached_at IS NOT NULL\n),\n")
}
