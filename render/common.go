package render

import (
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/metric"
)

// formatNumber writes f in the shortest form that reads back as f.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// withUnit writes a number followed by its unit, if any.
func withUnit(f float64, unit string) string {
	if unit == "" {
		return formatNumber(f)
	}
	return formatNumber(f) + " " + unit
}

// metricText describes a metric in one line of text: its name and value,
// then its target and whether it is met, so the status never depends on colour.
func metricText(wd *words, m metric.Metric) string {
	var b strings.Builder
	b.WriteString(m.Name)
	b.WriteString(": ")
	b.WriteString(withUnit(m.Value, m.Unit))
	b.WriteString(" (")
	b.WriteString(word(wd.MetricKinds, m.Kind))
	if m.Target != nil {
		b.WriteString("; ")
		b.WriteString(targetText(wd, m))
		b.WriteString("; ")
		if m.EffectiveBetter() == metric.Lower {
			b.WriteString(wd.Lower)
		} else {
			b.WriteString(wd.Higher)
		}
	}
	if m.Source != "" {
		b.WriteString("; ")
		b.WriteString(wd.Source)
		b.WriteString(": ")
		b.WriteString(m.Source)
	}
	b.WriteString(")")
	return b.String()
}

// targetText says the target and whether it is met: "target 3 %, target missed".
func targetText(wd *words, m metric.Metric) string {
	if m.Target == nil {
		return wd.NoTarget
	}
	status := wd.TargetMet
	if !m.MeetsTarget() {
		status = wd.TargetMissed
	}
	return wd.Target + " " + withUnit(*m.Target, m.Unit) + ", " + status
}
