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
// # Routes per persona
//
// A touchpoint whose persona_ids name some of the journey's personas serves
// those personas only (naming every persona is the same as naming none).
// The touchpoint funnel is measured on routes (Routes lists them):
//
//   - An event may name the customer's persona (Event.Persona, the persona
//     column: a persona id or a unique persona name). The customer's persona
//     is the one on their first event; a later event's persona is not used.
//     Such a customer is measured on their persona's route: the touchpoints
//     that serve the persona, in journey order, one step each. A touchpoint
//     of another persona is not on the route: it is never a step, never
//     missing and never irregular for this customer.
//   - A customer without a persona is measured on the route of
//     alternatives: consecutive touchpoints of one stage that each serve only
//     some personas, no two sharing a persona, form one step, and reaching
//     any of them reaches the step. Every other touchpoint is a step of its
//     own, including one that serves some personas but has no alternative
//     beside it (the data cannot say whose it is). In
//     examples/journeys/ecommerce-current.json the TikTok review (Tuấn) and
//     the friend's word (Minh Anh) are one step.
//
// Result.Touchpoints keeps one Step per planned touchpoint; Step.RouteStep
// gives the step of the route of alternatives it belongs to, and conversion
// from the previous step divides by all the alternatives of the previous
// step together. When events name personas, Result.Personas gives one
// funnel per route. Missing means a whole step was skipped: every
// alternative of a skipped step counts the customer. The stage funnel does
// not depend on routes.
//
// # Funnel semantics and order modes
//
// Each customer's events are taken in time order (see Input order for equal
// timestamps). For each funnel separately, in the default mode InOrder
// (anchored greedy, like ClickHouse's windowFunnel and "this order" in
// product analytics):
//
//   - the journey starts at the customer's first event on the first step
//     (time t0); a customer with no event on the first step never starts and
//     reaches no step, whatever else they did;
//   - step i (i ≥ 1) is reached at the customer's earliest event on step i
//     strictly after the time step i−1 was reached, provided that event is
//     within the window: t_i − t0 ≤ Options.Window (default 30 days);
//     other events between steps are allowed;
//   - when step i is not reached, no later step is.
//
// StrictOrder is the same, except that the funnel ends at the first event,
// after the start, on a planned touchpoint of the customer's route that
// neither is on the current step (repeats are allowed) nor reaches the next
// step. Ad-hoc events never end it. (This is ClickHouse windowFunnel's
// strict_order and StarRocks' FIXED mode, A-B-D-C counting A-B, except that
// repeating the current step does not end the funnel.)
//
// AnyOrder counts the steps in any order: the journey starts at the
// customer's first event on any step (t0); step i is reached once the
// customer has had, within the window from t0, an event on every step 0..i,
// at the time of the event that completed them; several steps can be reached
// at once (a time from previous of 0). Of a step's alternatives, the first in
// journey order that the customer had by then is credited. AnyOrder measures
// journeys of at most 64 touchpoints and 64 stages.
//
// A stage without touchpoints can never be reached, so the stage funnel
// ends before it. For every step the Result gives the customers who reached
// it, conversion from the previous step and from the start, drop-off (the
// customers whose last reached step it is, when it is not the last step of
// their route) and the time to convert, from the previous step (t_i −
// t_{i−1}) and from the start (t_i − t0).
//
// # Time to convert
//
// Every Timing keeps two histograms. Buckets is the fine one: durations
// below 256 ns exactly, a duration v with 2^e ≤ v < 2^(e+1) ns (e ≥ 8) in
// bucket 128·(e−6) + ⌊v / 2^(e−7)⌋ − 128, 128 buckets per power of two; the
// quantiles Median, P90, P95 and P99 are the midpoint of the bucket that
// holds the exact nearest-rank quantile (rank ⌈q·n⌉), within 1/256 (0.4%)
// of the exact value. Bins is the histogram to draw: with s the whole
// seconds of the duration (⌊v / 10⁹⌋), bin 0 holds s = 0 and bin k ≥ 1 holds
// 2^(k−1) ≤ s < 2^k, that is bin = ⌊log2 s⌋ + 1; in SQL, on integer
// seconds, the bit length of s. Both merge by adding counts.
//
// # After drop-off
//
// For every touchpoint step, Step.AfterDropOff counts what the customers who
// dropped off there did next: the touchpoint (planned or ad hoc) of their
// first event, after the event that reached the step, on another
// touchpoint than the step's own; or nothing. All of them are kept, so they
// merge exactly.
//
// # Breakdown
//
// Options.Columns.Breakdown names a breakdown column (the command's -by;
// Event.Breakdown for events in Go).
// A customer's value is the one on their first event ("" when it has
// none); Result.Breakdown gives, per value, the customers and both funnels.
// Breakdowns merge exactly, a result without one counting as the group of
// the empty value.
//
// # Deviations (CJML)
//
// In the terms of the Customer Journey Modelling Language (Halvorsrud et
// al. 2016), over all of a customer's events in time order, on the
// customer's route:
//
//   - ad hoc: an event on a touchpoint that is not in the journey;
//   - missing: a step of the route that the customer skipped before
//     reaching a later step (counted once per customer and touchpoint, even
//     if the customer comes back to it later);
//   - irregular: an event on a step after the customer already had an event
//     on a later step (out of planned order); repeating a step is not
//     irregular;
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
// # Customer identity
//
// Two events are of one customer exactly when their customer ids are equal
// byte for byte (Event.Customer, the customer column); for Records, exactly
// when their Record.Customer keys are equal. Ids are never reduced to a
// hash that could merge two customers: the customer table compares the ids
// themselves, and spill files carry them. (CustomerKey's 64-bit hash only
// finds a customer's slot.) Ids longer than 1 MiB − 1 byte are compared on
// their first 1 MiB − 1 bytes.
//
// # Input order and memory
//
// Events arrive in one of three orders (Options.Order):
//
//   - Any (the default): any order. Events are gathered per customer in
//     memory, about 48 bytes per event and 96 bytes plus the id per
//     customer. When that would pass Options.MemoryLimit (default 512 MiB),
//     the events gathered so far and every later one are written to 32
//     temporary files partitioned by a seeded hash of the customer id
//     (external hash partitioning) in a directory under Options.TempDir;
//     at the end each partition is read back and analysed on its own, and a
//     partition still larger than half the limit is partitioned again (up to
//     4 levels). The files are removed when the analysis ends, succeeds or
//     fails, and when Options.Context is cancelled (the command cancels it on
//     an interrupt).
//   - TimeOrdered: globally in non-decreasing time order, as an event log is
//     written. The analyser keeps a 128-byte state per customer (holding
//     ids under 16 bytes; longer ids are kept once more in an arena), found
//     through an open-addressing index of 16-byte slots at most half full:
//     about 170 to 200 bytes per customer. An event earlier than an event
//     before it is a bad row.
//   - CustomerContiguous: all events of a customer are together, customers in
//     any order (what ORDER BY customer_id, ts gives under any collation);
//     within a customer any time order is accepted. Only the current
//     customer's events are held, plus a keyed 64-bit hash of each finished
//     customer (16 bytes per customer) to detect a customer who comes back,
//     which is an error (ErrNotGrouped); two different customers can share
//     such a hash with probability about n²/2⁶⁵, which stops the run with that
//     error, never merges them.
//
// The sorting orders (Any, CustomerContiguous) take a customer's events with
// equal timestamps in a canonical order: planned touchpoints in journey
// order, then ad-hoc keys in byte order, then by outcome, emotion, persona
// and breakdown value; so a shuffled log gives the same Result as the
// ordered one. TimeOrdered takes equal timestamps in input order.
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
// present, and Columns.Breakdown names one more column to read (a CSV
// header without it is an error). Names match
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
// in customer-contiguous order at customer boundaries, in time order by
// customer hash, each worker taking its customers in passes whose table fits
// in cache; in any order records are gathered per customer like events.
//
// # Merging
//
// Results computed on disjoint sets of customers with the same plan, window
// and mode merge exactly (Merge): counts, histograms, after-drop-off counts,
// persona funnels and breakdowns add up, so merge(shards) equals one pass
// bit for bit.
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
// Result.WriteText writes a Result as a plain-text report in a language
// (i18n.Resolve picks it: an explicit choice, else the journey's language,
// else English), with the words of the i18n catalog and its one formatter
// for numbers, per cents and durations: "1,987" and "41h40m" in English,
// "1.987" and "41 giờ 40 phút" in Vietnamese.
package analytics
