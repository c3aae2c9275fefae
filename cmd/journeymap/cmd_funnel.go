package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/render"
)

// eventOrder maps the -order flag to the analytics input order.
func eventOrder(flag string) analytics.Order {
	if flag == "grouped" {
		return analytics.Grouped
	}
	return analytics.TimeOrdered
}

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
	window := fs.Duration("window", analytics.DefaultWindow, "conversion `window` from a customer's first event")
	order := enumFlag(fs, "order", "time", "how the events `arrive`: time (globally time-ordered; ~90 bytes of memory per customer) or grouped (customer by customer, ids ascending; constant memory)", "time", "grouped")
	strict := fs.Bool("strict", false, "exit 1 when any event row is bad, as -max-bad-rows 0")
	lang := enumFlag(fs, "lang", "", "`language` of the text and html formats (default: the journey's language)", "en", "vi")
	out := outputFlag(fs)
	sqlf := addSQLFlags(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	if sqlf.active() {
		return runFunnelSQL(e, sqlf, *journeyFile, *window, format.value, lang.value, *out, *strict)
	}
	if *journeyFile == "" || *eventsFile == "" {
		return usageError(e, errors.New("-journey and -events are required"))
	}
	if *window <= 0 {
		return usageError(e, fmt.Errorf("-window %v must be positive", *window))
	}
	opts := analytics.Options{Window: *window, Source: filepath.Base(*eventsFile), Order: eventOrder(order.value)}
	if err := input.options(&opts, *strict); err != nil {
		return usageError(e, err)
	}
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
		err = render.HTML{Language: lang.value, Funnel: res}.Render(&b, analytics.Overlay(j, res))
	default:
		err = res.WriteTextIn(&b, readerLanguage(lang.value, j))
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
