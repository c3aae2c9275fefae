package render

import (
	"github.com/journeymap/journeymap/metric"
)

// number writes f for people in the words' language: 1,234.5 or 1.234,5.
func (wd *words) number(f float64) string { return wd.cat.Number(f) }

// appendWithUnit appends a number for people followed by its unit, if any,
// as the analysis' messages write it: "36%", "3.2 min".
func appendWithUnit(wd *words, b []byte, f float64, unit string) []byte {
	return wd.cat.AppendWithUnit(b, f, unit)
}

// metricText describes a metric in one line of text: its name and value,
// then its target and whether it is met, so the status never depends on
// colour ("target 3 %, target missed"). It is built in one byte slice: the
// HTML renderer calls it for every metric of the journey.
func metricText(wd *words, m metric.Metric) string {
	b := make([]byte, 0, 64+len(m.Name)+len(m.Source))
	b = append(b, m.Name...)
	b = append(b, ": "...)
	b = appendWithUnit(wd, b, m.Value, m.Unit)
	b = append(b, " ("...)
	b = append(b, wd.metricKind(string(m.Kind))...)
	if m.Target != nil {
		b = append(b, "; "...)
		b = append(b, wd.Target...)
		b = append(b, ' ')
		b = appendWithUnit(wd, b, *m.Target, m.Unit)
		b = append(b, ", "...)
		if m.MeetsTarget() {
			b = append(b, wd.TargetMet...)
		} else {
			b = append(b, wd.TargetMissed...)
		}
		b = append(b, "; "...)
		if m.EffectiveBetter() == metric.Lower {
			b = append(b, wd.Lower...)
		} else {
			b = append(b, wd.Higher...)
		}
	}
	if m.Source != "" {
		b = append(b, "; "...)
		b = append(b, wd.Source...)
		b = append(b, ": "...)
		b = append(b, m.Source...)
	}
	b = append(b, ')')
	return string(b)
}
