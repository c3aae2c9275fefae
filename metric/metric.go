// Package metric defines the measured figures a stage or touchpoint carries:
// conversion, drop-off, bounce, CSAT, NPS, CES, time and counts, each with a
// value, an optional target, and which direction is better.
package metric

import (
	"encoding/json"

	"github.com/journeymap/journeymap/internal/enum"
)

// Kind says what a metric measures.
type Kind string

// The metric kinds of the document format.
const (
	ConversionRate Kind = "conversion_rate" // share of customers who go on to the next step (0..1 or percent, see Unit)
	DropOffRate    Kind = "drop_off_rate"   // share of customers who leave here
	BounceRate     Kind = "bounce_rate"     // share of visits that leave without a second action
	CSAT           Kind = "csat"            // customer satisfaction score
	NPS            Kind = "nps"             // net promoter score, -100..100
	CES            Kind = "ces"             // customer effort score; lower effort is better
	Duration       Kind = "duration"        // time spent, in Unit (e.g. "s", "min", "days")
	Count          Kind = "count"           // a number of people, visits or events
	Custom         Kind = "custom"          // anything else; say which way is better in Better
)

var kinds = enum.New("metric kind", ConversionRate, DropOffRate, BounceRate, CSAT, NPS, CES, Duration, Count, Custom)

// Kinds returns every metric kind in documented order.
func Kinds() []Kind { return kinds.Values() }

// ParseKind returns s as a Kind, or an error listing the allowed values.
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// Valid reports whether k is a defined metric kind.
func (k Kind) Valid() bool { return kinds.Has(k) }

// String returns the kind's document value.
func (k Kind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (k *Kind) UnmarshalText(text []byte) error { return kinds.Unmarshal(k, text) }

// DefaultBetter is the direction that is better for k when a metric does not
// say: Lower for drop-off, bounce, effort (CES) and duration; Higher otherwise.
func (k Kind) DefaultBetter() Better {
	switch k {
	case DropOffRate, BounceRate, CES, Duration:
		return Lower
	default:
		return Higher
	}
}

// Better says which direction of a metric's value is an improvement.
type Better string

// The directions of the document format.
const (
	Higher Better = "higher" // a larger value is an improvement
	Lower  Better = "lower"  // a smaller value is an improvement
)

var betters = enum.New("better", Higher, Lower)

// Betters returns both directions.
func Betters() []Better { return betters.Values() }

// ParseBetter returns s as a Better, or an error listing the allowed values.
func ParseBetter(s string) (Better, error) { return betters.Parse(s) }

// Valid reports whether b is higher or lower.
func (b Better) Valid() bool { return betters.Has(b) }

// String returns the direction's document value.
func (b Better) String() string { return string(b) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (b Better) MarshalText() ([]byte, error) { return betters.Marshal(b) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (b *Better) UnmarshalText(text []byte) error { return betters.Unmarshal(b, text) }

// MinValue and MaxValue bound a metric's value and target: ±10^15 is
// beyond any real figure (a thousand trillion đồng, a rate, a count of
// people) and every whole number in the range is exact in a float64, so a
// value survives decoding, arithmetic and re-encoding without rounding
// surprises. Validate reports a figure outside the range.
const (
	MinValue = -1e15
	MaxValue = 1e15
)

// Metric is one measured figure, such as the conversion rate of a stage.
type Metric struct {
	// Name is what the team calls the figure, e.g. "Checkout conversion".
	Name string `json:"name"`
	// Kind says what the figure measures.
	Kind Kind `json:"kind"`
	// Value is the measured value, within MinValue..MaxValue.
	Value float64 `json:"value"`
	// Target is the value the team aims for, within MinValue..MaxValue;
	// absent when there is none.
	Target *float64 `json:"target,omitempty"`
	// Unit is the unit of Value and Target, e.g. "%", "s", "points".
	Unit string `json:"unit,omitempty"`
	// Better says which direction is an improvement; absent means the kind's default (see Kind.DefaultBetter).
	Better Better `json:"better,omitempty"`
	// Source names the evidence behind the figure: a report, a survey, an analytics query.
	Source string `json:"source,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// New returns a metric of the given kind and value with no target.
func New(name string, kind Kind, value float64) Metric {
	return Metric{Name: name, Kind: kind, Value: value}
}

// WithTarget returns a copy of m aiming at target.
func (m Metric) WithTarget(target float64) Metric {
	m.Target = &target
	return m
}

// EffectiveBetter returns Better, or the kind's default when Better is empty.
func (m Metric) EffectiveBetter() Better {
	if m.Better != "" {
		return m.Better
	}
	return m.Kind.DefaultBetter()
}

// HasTarget reports whether the metric has a target.
func (m Metric) HasTarget() bool { return m.Target != nil }

// MeetsTarget reports whether the value reaches the target in the better
// direction (equal counts as met). A metric with no target always meets it.
func (m Metric) MeetsTarget() bool {
	if m.Target == nil {
		return true
	}
	if m.EffectiveBetter() == Lower {
		return m.Value <= *m.Target
	}
	return m.Value >= *m.Target
}
