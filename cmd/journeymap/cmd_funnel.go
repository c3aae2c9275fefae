package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/render"
)

func runFunnel(e *env, args []string) int {
	fs := newFlags(e, "funnel", "",
		"Measure a journey against an event log (CSV or NDJSON with customer_id, touchpoint,\n"+
			"timestamp and optional outcome and emotion): the funnel over stages and touchpoints,\n"+
			"drop-off, time between steps, and deviations from the planned journey. -format html\n"+
			"renders the journey with the measured metrics laid over it and the measured funnel.")
	journeyFile := fs.String("journey", "", "journey document `FILE` (required)")
	input := addEventFlags(fs)
	eventsFile := input.file
	format := enumFlag(fs, "format", "text", "output `format`", "text", "json", "html")
	measure := measureFlags(fs)
	strict := fs.Bool("strict", false, "exit 1 when any event row is bad, as -max-bad-rows 0")
	lang := enumFlag(fs, "lang", "", "`language` of the text and html formats (default: the journey's language)", languages()...)
	out := outputFlag(fs)
	sqlf := addSQLFlags(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	if sqlf.active() {
		var m analytics.Options
		measure.apply(&m)
		return runFunnelSQL(e, sqlf, *journeyFile, m, format.value, lang.value, *out, *strict)
	}
	if *journeyFile == "" || *eventsFile == "" {
		return usageError(e, errors.New("-journey and -events are required"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := analytics.Options{Source: filepath.Base(*eventsFile), Context: ctx}
	if err := input.options(&opts, *strict); err != nil {
		return usageError(e, err)
	}
	measure.apply(&opts)
	defer measure.limitHeap(opts)()
	j, ok := e.load(*journeyFile)
	if !ok {
		return exitInvalid
	}
	plan, err := analytics.NewPlan(j, opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
		return exitInvalid
	}
	res, opened, err := input.read(e, plan)
	if !opened {
		return exitInvalid
	}
	if err != nil {
		if !readFailed(e, *eventsFile, err) {
			e.report(*eventsFile, err)
		}
		if errors.Is(err, analytics.ErrMissingColumn) {
			fmt.Fprintln(e.stderr, "journeymap funnel: name the columns with -columns, e.g. -columns customer=user_id,touchpoint=event,time=ts")
		}
		return exitInvalid
	}
	var b bytes.Buffer
	switch format.value {
	case "json":
		data, err := json.MarshalIndent(res, "", "  ")
		if err == nil {
			b.Write(data)
			b.WriteByte('\n')
		}
	case "html":
		measured := analytics.Overlay(j, res)
		err = render.HTML{Language: lang.value, Funnel: res}.WithReport(measured, analysis.Options{}).Render(&b, measured)
	default:
		err = res.WriteText(&b, i18n.Resolve(lang.value, j.Language))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap funnel: %v\n", err)
		return exitInvalid
	}
	if code := e.write(*out, b.Bytes()); code != exitOK {
		return code
	}
	reportBadRows(e.stderr, *eventsFile, res.BadRows, true)
	return exitOK
}

// measureFlagSet holds the flags that say how the funnel is measured: the
// input order and memory, the order mode, the breakdown and the window.
type measureFlagSet struct {
	order  *oneOf
	mode   *oneOf
	memory byteSize
	by     *string
	window windowFlag
}

// measureFlags declares -order, -memory, -mode, -by and -window on fs.
func measureFlags(fs *flag.FlagSet) *measureFlagSet {
	m := &measureFlagSet{memory: byteSize(analytics.DefaultMemoryLimit), window: windowFlag(analytics.DefaultWindow)}
	m.order = enumFlag(fs, "order", "any", "how the events `arrive`: any (any order; spills to temporary files beyond -memory), "+
		"time (globally time-ordered; ~200 bytes per customer), customer (each customer's events together, customers in any order, "+
		"as ORDER BY customer_id, ts gives; grouped is an alias)", "any", "time", "customer", "grouped")
	m.mode = enumFlag(fs, "mode", "ordered", "how funnel steps must follow one another: ordered (other events allowed between steps), "+
		"strict (no other planned touchpoint between steps), any (in any order)", "ordered", "strict", "any")
	fs.Var(&m.memory, "memory", "memory `budget` of -order any, e.g. 512MiB, 2GiB (beyond it events spill to temporary files)")
	m.by = fs.String("by", "", "break the funnel down by the values of `column` (e.g. segment, channel): one funnel per value")
	fs.Var(&m.window, "window", "conversion `window` from a customer's first step: a Go duration (720h) or whole days (30d)")
	return m
}

// apply sets the measuring options.
func (m *measureFlagSet) apply(o *analytics.Options) {
	o.Order, _ = analytics.ParseOrder(m.order.value)
	o.Mode, _ = analytics.ParseMode(m.mode.value)
	o.MemoryLimit = int64(m.memory)
	o.Window = time.Duration(m.window)
	if *m.by != "" {
		o.Columns.Breakdown = *m.by // else as -columns breakdown=… says
	}
}

// limitHeap keeps the Go heap near the -memory budget in any order (a soft
// limit: the collector runs more often as the heap nears it) and returns
// the function that restores the previous limit.
func (m *measureFlagSet) limitHeap(o analytics.Options) func() {
	if o.Order != analytics.Any {
		return func() {}
	}
	old := debug.SetMemoryLimit(max(o.MemoryLimit+o.MemoryLimit/4, 64<<20))
	return func() { debug.SetMemoryLimit(old) }
}

// windowFlag is a positive duration written as Go writes it or in whole
// days ("30d").
type windowFlag time.Duration

func (w *windowFlag) String() string { return time.Duration(*w).String() }

func (w *windowFlag) Set(s string) error {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok && days != "" && strings.Trim(days, "0123456789") == "" {
		n, err := strconv.ParseInt(days, 10, 64)
		if err != nil || n > int64(math.MaxInt64/(24*time.Hour)) {
			return fmt.Errorf("%q is too many days", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return fmt.Errorf("%q is neither a duration (720h) nor whole days (30d)", s)
		}
	}
	if d <= 0 {
		return fmt.Errorf("%q must be positive", s)
	}
	*w = windowFlag(d)
	return nil
}

// byteSize is a positive number of bytes with an optional unit: B, KB, MB,
// GB (powers of 1000) or KiB, MiB, GiB (powers of 1024).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	num, mult := s, int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return fmt.Errorf("%q is not a positive size such as 512MiB", s)
	}
	*b = byteSize(n * mult)
	return nil
}
