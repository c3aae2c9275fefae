package analytics

import (
	"math"
	"slices"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
)

// Names of the metrics Overlay writes.
const (
	MetricReached    = "Customers reached (measured)"
	MetricConversion = "Conversion to next step (measured)"
	MetricDropOff    = "Drop-off (measured)"
	MetricDuration   = "Median time from previous step (measured)"
)

// Overlay returns a deep copy of j with the measured figures of res as
// metrics on each stage and touchpoint that res measured (matched by id):
// count (customers who reached it), conversion_rate and drop_off_rate (to
// the next step, in percent; not on the last step) and duration (median time
// from the previous step, in seconds; not on the first step). Every metric's
// source is res.Source. Metrics of these kinds with the same source already
// on j are replaced, so Overlay can be run again on its own output; other
// metrics are kept. A nil res gives a plain copy.
func Overlay(j *journey.Journey, res *Result) *journey.Journey {
	if j == nil {
		return nil
	}
	out := j.Clone()
	if res == nil {
		return out
	}
	stages := index(res.Stages)
	touches := index(res.Touchpoints)
	for _, s := range out.Stages {
		if s == nil {
			continue
		}
		if i, ok := stages[s.ID]; ok {
			s.Metrics = overlayMetrics(s.Metrics, res.Stages, i, res.Source)
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if i, ok := touches[t.ID]; ok {
				t.Metrics = overlayMetrics(t.Metrics, res.Touchpoints, i, res.Source)
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

func overlayMetrics(ms []metric.Metric, steps []Step, i int, source string) []metric.Metric {
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
	add(MetricReached, metric.Count, float64(s.Reached), "customers")
	if i+1 < len(steps) && s.Reached > 0 {
		conv := float64(steps[i+1].Reached) / float64(s.Reached)
		add(MetricConversion, metric.ConversionRate, round2(100*conv), "%")
		add(MetricDropOff, metric.DropOffRate, round2(100*s.DropOffRate), "%")
	}
	if i > 0 && s.FromPrevious.Count > 0 {
		add(MetricDuration, metric.Duration, round2(s.FromPrevious.Median.Seconds()), "s")
	}
	return ms
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
