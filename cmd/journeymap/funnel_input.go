package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // -tz names a zone on machines without a zone database

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/parquetevents"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/safetext"
)

// eventFlags are the funnel command's flags that say how to read events.
type eventFlags struct {
	file       *string
	format     *oneOf
	columns    *string
	timeUnit   *oneOf
	timeLayout *string
	tz         *string
	maxBad     *string
	maxLine    *string
}

func addEventFlags(fs *flag.FlagSet) *eventFlags {
	return &eventFlags{
		file: fs.String("events", "", "event log `FILE` (.csv, .ndjson, .jsonl or .parquet, each maybe .gz), \"-\" for standard input (required)"),
		format: enumFlag(fs, "events-format", "", "event log `format` (default: from the file extension, csv otherwise)",
			"csv", "ndjson", "parquet"),
		columns: fs.String("columns", "", "column `mapping`, e.g. customer=user_id,touchpoint=event,time=ts,outcome=status,emotion=score,segment=plan,persona=role"),
		timeUnit: enumFlag(fs, "time-unit", "auto", "`unit` of times written as numbers; auto tells it by the digits (10 s, 13 ms, 16 us, 19 ns)",
			"auto", "s", "ms", "us", "ns"),
		timeLayout: fs.String("time-layout", "", "Go time `layout` of the time column, for a form not read by default (e.g. \"02/01/2006 15:04\")"),
		tz:         fs.String("tz", "UTC", "time `zone` of times written without an offset (IANA name, e.g. Asia/Ho_Chi_Minh)"),
		maxBad:     fs.String("max-bad-rows", "1%", "bad rows tolerated, a `number` or a per cent of the rows; 0 for none (exit 1 past it)"),
		maxLine:    fs.String("max-line", "1MiB", "longest event record, in `bytes` (suffixes KiB, MiB, GiB); a longer one is a bad row"),
	}
}

// options fills the input options; an error names the flag.
func (f *eventFlags) options(opts *analytics.Options, strict bool) error {
	var err error
	if *f.columns != "" {
		if opts.Columns, err = analytics.ParseColumns(*f.columns); err != nil {
			return fmt.Errorf("-columns: %w", err)
		}
	}
	if opts.Time.Unit, err = analytics.ParseTimeUnit(f.timeUnit.value); err != nil {
		return fmt.Errorf("-time-unit: %w", err)
	}
	opts.Time.Layout = *f.timeLayout
	if opts.Time.Location, err = time.LoadLocation(*f.tz); err != nil || *f.tz == "" || *f.tz == "Local" {
		return fmt.Errorf("-tz %s is not a time zone name such as UTC or Europe/Paris", safetext.Quote(*f.tz))
	}
	if opts.MaxBadRows, err = analytics.ParseBadRowLimit(*f.maxBad); err != nil {
		return fmt.Errorf("-max-bad-rows: %w", err)
	}
	if strict {
		opts.MaxBadRows = analytics.MaxBadRows(0)
	}
	if opts.MaxLineBytes, err = parseBytes(*f.maxLine); err != nil {
		return fmt.Errorf("-max-line: %w", err)
	}
	return nil
}

// parseBytes reads a size: digits and an optional unit B, KiB, MiB or GiB.
func parseBytes(s string) (int, error) {
	num, mult := s, 1
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = n, u.mult
			break
		}
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > (4<<30)/mult {
		return 0, fmt.Errorf("%s is not a size from 1B to 4GiB, such as 1MiB", safetext.Quote(s))
	}
	return n * mult, nil
}

// formatOf returns the events' format: the flag, else the file's name.
func (f *eventFlags) formatOf() string {
	if f.format.value != "" {
		return f.format.value
	}
	if format, _ := analytics.FormatOf(*f.file); format != "" {
		return format
	}
	return "csv"
}

// read analyses the events with plan p.
// opened is false when the file could not be opened (reported already).
func (f *eventFlags) read(e *env, p *analytics.Plan) (res *analytics.Result, opened bool, err error) {
	in, ok := e.open(*f.file)
	if !ok {
		return nil, false, nil
	}
	defer in.Close()
	switch f.formatOf() {
	case "parquet":
		file, isFile := in.(*os.File)
		_, gzipped := analytics.FormatOf(*f.file)
		var info os.FileInfo
		if isFile && !gzipped {
			info, err = file.Stat()
		}
		if isFile && !gzipped && err == nil && info.Mode().IsRegular() {
			res, err = parquetevents.Read(p, file, info.Size())
		} else {
			res, err = parquetevents.ReadStream(p, in)
		}
	case "ndjson":
		res, err = p.ReadNDJSON(in)
	default:
		res, err = p.ReadCSV(in)
	}
	return res, true, err
}

// thousands writes n with commas between groups of three digits, as the
// command's English messages do.
func thousands(n int64) string { return i18n.English.Words().Format.Int(n) }

// reportBadRows lists the bad rows (the first ones, as the result keeps
// them), then counts them all by reason, each with a hint.
func reportBadRows(w io.Writer, name string, b analytics.BadRows, skipped bool) {
	if b.Count == 0 {
		return
	}
	name = displayName(name)
	if skipped {
		fmt.Fprintf(w, "journeymap funnel: %s: %s bad row%s skipped\n", name, thousands(b.Count), plural(int(min(b.Count, 2))))
	}
	for _, r := range b.Rows {
		where := fmt.Sprintf("line %d", r.Line)
		if r.Field != "" {
			where += ", column " + safetext.Quote(r.Field)
		}
		fmt.Fprintf(w, "%s: %s: %s\n", name, where, safetext.Escape(r.Message))
	}
	if rest := b.Count - int64(len(b.Rows)); rest > 0 {
		fmt.Fprintf(w, "%s: and %s more bad row%s\n", name, thousands(rest), plural(int(min(rest, 2))))
	}
	if len(b.Reasons) > 1 || b.Count > int64(len(b.Rows)) {
		fw := i18n.English.Words().Funnel
		for _, rc := range b.Reasons {
			hint := fw.BadHint(string(rc.Reason))
			if hint == "" {
				hint = "see the rows listed above"
			}
			fmt.Fprintf(w, "%s: %s: %s\n", name, fw.BadReason(string(rc.Reason), rc.Count), hint)
		}
	}
}

// readFailed reports a read that failed as a whole: its bad rows, then why.
func readFailed(e *env, name string, err error) bool {
	var re *analytics.ReadError
	if !errors.As(err, &re) {
		return false
	}
	reportBadRows(e.stderr, name, re.Result.BadRows, false)
	switch {
	case errors.Is(err, analytics.ErrNoEvents):
		fmt.Fprintf(e.stderr, "journeymap funnel: %s: no usable event in %s row%s\n", displayName(name), thousands(re.Rows), plural(int(min(re.Rows, 2))))
	default:
		fmt.Fprintf(e.stderr, "journeymap funnel: %s: %s of %s rows are bad, more than -max-bad-rows %s allows\n",
			displayName(name), thousands(re.Bad), thousands(re.Rows), re.Limit)
	}
	return true
}
