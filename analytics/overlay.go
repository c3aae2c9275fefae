package analytics

import (
	"math"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
)

// Overlay returns a deep copy of j with the measured figures of res as
// metrics on each stage and touchpoint that res measured (matched by id):
// count (customers who reached it), conversion_rate and drop_off_rate (to
// the next step, in percent; not on the last step) and duration (median time
// from the previous step; not on the first step). The duration is written in
// the unit people read it in: seconds under two minutes, minutes under two
// hours, hours under three days, days beyond ("55.74 h", not "200660.87 s").
//
// The metrics become part of the document, so their names and units are in
// the journey's own language (i18n.Resolve("", j.Language)), from the
// catalog's Overlay words: "Customers reached (measured)" in English, "Số
// khách hàng đến được (đo thực tế)" with Vietnamese units in Vietnamese.
//
// Every metric's source is res.Source. Metrics of these kinds with the same
// source already on j are replaced, whatever their names, so Overlay can be
// run again on its own output; other metrics are kept. A nil res gives a
// plain copy.
func Overlay(j *journey.Journey, res *Result) *journey.Journey {
	if j == nil {
		return nil
	}
	out := j.Clone()
	if res == nil {
		return out
	}
	wd := &i18n.Resolve("", j.Language).Words().Overlay
	stages := index(res.Stages)
	touches := index(res.Touchpoints)
	for _, s := range out.Stages {
		if s == nil {
			continue
		}
		if i, ok := stages[s.ID]; ok {
			s.Metrics = overlayMetrics(wd, s.Metrics, res.Stages, i, res.Source)
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if i, ok := touches[t.ID]; ok {
				t.Metrics = overlayMetrics(wd, t.Metrics, res.Touchpoints, i, res.Source)
			}
		}
	}
	return out
}

func index(steps []Step) map[uuid.UUID]int {
	m := make(map[uuid.UUID]int, len(steps))
	for i, s := range steps {
		m[s.ID] = i
	}
	return m
}

func overlayMetrics(wd *i18n.OverlayWords, ms []metric.Metric, steps []Step, i int, source string) []metric.Metric {
	ms = slices.DeleteFunc(ms, func(m metric.Metric) bool {
		switch m.Kind {
		case metric.Count, metric.ConversionRate, metric.DropOffRate, metric.Duration:
			return m.Source == source
		}
		return false
	})
	s := steps[i]
	add := func(name string, kind metric.Kind, v float64, unit string) {
		m := metric.New(name, kind, v)
		m.Unit, m.Source = unit, source
		ms = append(ms, m)
	}
	add(wd.Reached, metric.Count, float64(s.Reached), wd.Customers)
	// Conversion to the next step is everyone who reached this step and went
	// further: with alternatives on the route (touchpoints that share a
	// RouteStep) the next touchpoint in the list may be another alternative
	// or serve other personas, so it is not a ratio of two steps' Reached.
	if s.RouteStep < steps[len(steps)-1].RouteStep && s.Reached > 0 {
		conv := float64(s.Reached-s.DropOff) / float64(s.Reached)
		add(wd.Conversion, metric.ConversionRate, round2(100*conv), "%")
		add(wd.DropOff, metric.DropOffRate, round2(100*s.DropOffRate), "%")
	}
	if i > 0 && s.FromPrevious.Count > 0 {
		v, unit := readable(wd, s.FromPrevious.Median)
		add(wd.Duration, metric.Duration, v, unit)
	}
	return ms
}

// readable gives d in the unit people read it in, rounded to two decimals,
// with the unit's word in wd.
func readable(wd *i18n.OverlayWords, d time.Duration) (float64, string) {
	switch {
	case d < 2*time.Minute:
		return round2(d.Seconds()), wd.Seconds
	case d < 2*time.Hour:
		return round2(d.Minutes()), wd.Minutes
	case d < 72*time.Hour:
		return round2(d.Hours()), wd.Hours
	}
	return round2(d.Hours() / 24), wd.Days
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
