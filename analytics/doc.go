// Package analytics compares a designed journey with what customers really
// did: it reads a stream of customer events (customer, touchpoint, time,
// optional outcome and emotion) and measures, on the journey's own route, how
// far customers got, where they dropped off, how long each step took, and how
// their actual journeys deviated from the planned one.
//
// # The route
//
// A Plan is compiled from a journey: its touchpoints in stage order form the
// touchpoint funnel, and its stages form the stage funnel (an event on any
// touchpoint of a stage is an event on that stage). An event names its
// touchpoint by a caller-mapped key (Options.Keys), by the touchpoint's id,
// or by its name when that name is unique in the journey, tried in this
// order. An event on any other touchpoint is ad hoc.
//
// # Funnel semantics: anchored greedy
//
// Each customer's events are taken in time order (events with equal
// timestamps keep their input order). For each funnel separately:
//
//   - the journey starts at the customer's first event on the first step
//     (time t0); a customer with no event on the first step never starts and
//     reaches no step, whatever else they did;
//   - step i (i ≥ 1) is reached at the customer's earliest event on step i
//     strictly after the time step i−1 was reached, provided that event is
//     within the window: t_i − t0 ≤ Options.Window (default 30 days);
//   - when step i is not reached, no later step is.
//
// A stage without touchpoints can never be reached, so the stage funnel ends
// before it. For every step the Result gives the customers who reached it, conversion
// from the previous step and from the start, drop-off (customers who reached
// the step but not the next one) and the time to convert, median and p90,
// both from the previous step (t_i − t_{i−1}) and from the start (t_i − t0).
//
// # Deviations (CJML)
//
// In the terms of the Customer Journey Modelling Language (Halvorsrud et
// al. 2016), over all of a customer's events in time order:
//
//   - ad hoc: an event on a touchpoint that is not in the journey;
//   - missing: a planned touchpoint that the customer skipped before reaching
//     a later planned touchpoint (counted once per customer and touchpoint,
//     even if the customer comes back to it later);
//   - irregular: an event on a planned touchpoint after the customer already
//     had an event on a later planned touchpoint (out of planned order);
//     repeating the same touchpoint is not irregular;
//   - failing: an event whose outcome is failed.
//
// The Result counts them per touchpoint and per customer (Options.OnCustomer
// receives each customer's own report as well), and groups
// customers by their deviation pattern (a variant: which touchpoints were
// missing, irregular and failing, and whether any ad-hoc touchpoint was met),
// with the number of customers per variant. Variants name the first 20
// planned touchpoints exactly; in longer journeys the 21st touchpoint onward
// are reported together as "touchpoints 21+" within a variant (the
// per-touchpoint counts stay exact).
//
// # Input order and memory
//
// Events arrive in one of two orders (Options.Order):
//
//   - TimeOrdered (the default): globally in non-decreasing time order, as an
//     event log is written. The analyser keeps one 56-byte state per
//     customer in an open-addressing table that grows by half when 85% full,
//     so it holds between 66 and 99 bytes per distinct customer (for a
//     moment 1.7 times that while it grows; set Options.ExpectedCustomers to
//     size it once). Each event is one random access into that table, so
//     this mode is bound by memory latency once the table outgrows the
//     processor's cache. Customers are identified by
//     a 64-bit hash of their id; two different ids collide with probability
//     about n²/2⁶⁵ (3·10⁻⁸ for a million customers). An event earlier than
//     an event before it is a bad row.
//   - Grouped: all events of a customer are contiguous and customers come in
//     ascending order of their id (byte order for strings, numeric order for
//     Record.Customer), as `ORDER BY customer` or `sort` writes them; within
//     a customer any time order is accepted. Memory is constant: only the
//     current customer's events are held (the result itself grows only with
//     the number of distinct variants and ad-hoc keys). A customer that appears out of
//     ascending order makes the input not grouped, which is an error.
//
// # Inputs
//
// Events come as an iter.Seq[Event] or a slice (Plan.Analyze,
// Plan.AnalyzeSlice), as pre-resolved Records for the fastest in-memory pass
// (Plan.AnalyzeRecords), from CSV or NDJSON (Plan.ReadCSV, Plan.ReadNDJSON,
// Run), or as rows of text from a reader of another format (Plan.ReadRows;
// package parquetevents reads Parquet with it). CSV and NDJSON may be
// gzip-compressed: a stream that starts with the gzip magic bytes is
// decompressed. FormatOf tells the format from a file name (.csv, .ndjson,
// .jsonl, .parquet, each maybe followed by .gz).
//
// Columns are named by Options.Columns (ParseColumns reads
// "customer=user_id,touchpoint=event,time=ts"): customer, touchpoint and
// time are required; outcome, emotion, persona and segment are read when
// present, and Columns.Breakdown names one more column to read. Names match
// the CSV header or the NDJSON members without regard to case. A header
// with the same name twice, or without a required column, is an error that
// lists the header.
//
// CSV follows RFC 4180: fields separated by commas, records by LF or CRLF;
// a field that starts with a quote is quoted, may hold commas, line ends
// and doubled quotes, and must close; a quote anywhere else is an error.
// A leading byte order mark is skipped, blank lines are ignored, every row
// has as many fields as the header, and text fields must be UTF-8. NDJSON
// is one JSON object per line, read as strictly as a journey document:
// well-formed, UTF-8, no key twice (nor two keys naming one column), no
// lone UTF-16 surrogate in an escape, at most 64 levels of nesting. Ids and
// times may be strings or numbers; the emotion is a number (in CSV, a
// decimal number in the JSON grammar: no "0x1p0", "0_1", ".5" or "+1").
//
// # Times
//
// With the zero TimeFormat an event time is one of:
//
//   - ISO 8601 / RFC 3339: YYYY-MM-DD, then optionally T, t or a space and
//     HH:MM, then optionally :SS and a fraction of 1 to 9 digits, then
//     optionally a zone: Z, ±HH, ±HHMM, ±HH:MM or UTC (a space may come
//     before ±… and UTC). "2024-12-31 00:44:59", the CSV default of
//     PostgreSQL, DuckDB, MySQL, BigQuery and Excel, is accepted, and so is
//     a date alone (midnight). A time without a zone is read in
//     TimeFormat.Location (UTC when nil); a wall-clock time that the
//     location skips or repeats at a daylight-saving change is rejected as
//     ambiguous (ReasonAmbiguousTime).
//   - A Unix time: digits, maybe after a minus sign and with a fraction.
//     Its unit is TimeFormat.Unit; when that is UnitAuto the unit is told
//     by the number of digits, which covers times from 2001-09-09 to
//     2286-11-20: 10 digits are seconds (a fraction allowed), 13
//     milliseconds, 16 microseconds, 19 nanoseconds. Any other length, a
//     sign, a leading zero or a fraction of a smaller unit is ambiguous and
//     rejected (ReasonAmbiguousTime): set the unit.
//
// TimeFormat.Layout, when set, is the only form accepted: a Go layout
// (time.Parse), read in TimeFormat.Location when it has no zone. Times
// must fall in the years 1678..2261 (nanoseconds in an int64).
//
// # Bad rows
//
// A row that cannot be used is reported with its line (the first line of a
// multi-line record, the header being line 1; the 1-based row number for
// ReadRows) and column, with a Reason code, counted in Result.BadRows (all
// counted by reason, the first Options.MaxBadRowsReported listed) and
// skipped, or make the run fail at once when Options.BadRows is Fatal.
// Reading fails with a *ReadError (ErrTooManyBadRows) when the bad rows
// exceed Options.MaxBadRows (1% of the rows by default; MaxBadRows(0) for
// none), and always (ErrNoEvents) when no row is usable. Nothing is
// dropped silently.
//
// A record (a CSV record, an NDJSON line) longer than Options.MaxLineBytes
// (1 MiB by default) is a bad row; it is skipped without being held in
// memory. A CSV quote that is not closed within that limit or by the end of
// the input, or a multi-line record that is bad for any reason, is a bad
// row at the line where it starts, and the lines it spans are then read
// again one by one, each a row of its own, so that one stray quote costs
// one row, never the rows after it. Every line of the input is thus the
// header, a blank line, an event, a bad row, or a further line of a good
// multi-line record. Error messages quote at most 80 characters of input,
// with control characters escaped.
//
// Reading is linear in the input whatever the sizes of the reads (a pipe
// gives 64 KB at a time): the input is read into 1 MiB blocks, each byte is
// scanned once for record ends (twice within a bad multi-line record), and
// memory is bounded by the block size, the line limit and the workers.
//
// Large CSV and NDJSON inputs are cut into blocks at line ends and parsed by
// Options.Workers goroutines (default GOMAXPROCS); one goroutine then applies
// the rows in input order. Large record slices are split among the workers:
// in grouped mode at customer boundaries, in time-ordered mode by customer
// hash, each worker taking its customers in passes whose table fits in cache.
//
// # Merging
//
// Results computed on disjoint sets of customers with the same plan merge
// exactly (Merge): counts add up, and the time-to-convert quantiles come from
// per-step duration histograms that merge by adding bucket counts. A
// histogram keeps durations below 256 ns exactly and larger ones in buckets
// 1/128 of a power of two wide; a reported quantile is the midpoint of the
// bucket that holds the exact nearest-rank quantile, so it is within 1/256
// (0.4%) of the exact value, and merge(shards) equals one pass bit for bit.
// The JSON form of a Result keeps the histograms, so results computed on
// different machines merge as well. Emotion sums are kept in thousandths so
// that they, too, add up exactly.
//
// # Overlay
//
// Overlay writes the measured figures back onto a copy of the journey as
// metrics (count, conversion_rate, drop_off_rate, duration) whose source
// names the data, so friction analysis and the rendered map show measured
// drop-off. The metrics are named in the journey's own language, and
// durations are written in the unit people read (seconds, minutes, hours or
// days). render.HTML{Funnel: result} adds the funnel itself to the page.
//
// # For people
//
// WriteText writes a Result as a plain-text report in English, and
// WriteTextIn in the reader's language: Vietnamese for "vi" and its regional
// tags, with decimal commas and durations in words ("41 giờ 40 phút").
package analytics
