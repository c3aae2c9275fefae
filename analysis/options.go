package analysis

import (
	"math"
	"time"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
)

// Default thresholds and weights, used where Options leaves a value zero.
const (
	DefaultMaxTouchpoints = 7
	DefaultHotspots       = 5

	DefaultLowWeight      = 0.25
	DefaultMediumWeight   = 0.5
	DefaultHighWeight     = 1.0
	DefaultCriticalWeight = 2.0
	DefaultCategoryWeight = 1.0

	DefaultNegativeEmotionWeight = 1.0
	DefaultEmotionDipWeight      = 1.0
	DefaultHandoffWeight         = 0.25
	DefaultMissedTargetWeight    = 0.5
	DefaultDropOffWeight         = 1.0
	DefaultHalfPoints            = 1.0
)

// Options tunes the analysis. The zero value gives the documented defaults.
type Options struct {
	// Now is the date review.overdue is checked against. The zero time skips
	// that check: the library never reads the wall clock.
	Now time.Time
	// MaxTouchpoints is the most touchpoints a stage may have before
	// stage.too_many_touchpoints is raised. Zero means DefaultMaxTouchpoints (7).
	MaxTouchpoints int
	// Hotspots is how many touchpoints the hotspot ranking lists. Zero means
	// DefaultHotspots (5); a negative value lists none.
	Hotspots int
	// Weights of the friction factors. A zero weight means its default; a
	// negative weight turns the factor off.
	Weights Weights
	// Language is the BCP 47 tag of the language of the findings' messages
	// and of the friction factors' details: "vi", or any "vi-…" or "vi_…"
	// tag in any case ("vi-VN", "VI"), gives Vietnamese. Empty means the
	// journey's own language member, and English when that is empty too
	// (i18n.Resolve); a language journeymap has no words for gives
	// English. Codes, paths, ids, severities, factor names and numbers are
	// the same in every language; the names and titles of the journey are
	// quoted as they are written.
	Language string
}

// Weights are the friction points each factor adds (see the package doc for
// the formula). A zero field means its default; a negative one means 0 (the
// factor is turned off); NaN or infinite values mean the default.
type Weights struct {
	// Low, Medium, High and Critical are the points of one pain point of that
	// severity (defaults 0.25, 0.5, 1, 2).
	Low, Medium, High, Critical float64
	// Financial, Productivity, Process and Support multiply the points of a
	// pain point of that category (default 1 each).
	Financial, Productivity, Process, Support float64
	// NegativeEmotion is the points of a touchpoint at emotion −2 (default 1);
	// emotion −1 gives half of it.
	NegativeEmotion float64
	// EmotionDip is the points of a fall of emotion from +2 to −2 between a
	// touchpoint and the previous measured one (default 1); smaller falls give
	// their share.
	EmotionDip float64
	// Handoff is the points of a change of channel from the previous
	// touchpoint (default 0.25).
	Handoff float64
	// MissedTarget is the points of each metric that misses its target (default 0.5).
	MissedTarget float64
	// DropOff is the points of a drop-off rate of 100% (default 1); 30% gives 0.3 of it.
	DropOff float64
	// HalfPoints is the number of points at which friction reaches 0.5
	// (default 1). Zero, negative or invalid means the default.
	HalfPoints float64
}

// weights is Weights with defaults applied.
type weights struct {
	severity                               [5]float64              // by painpoint.Severity.Rank(); 0 = unknown severity
	category                               [fPainOther + 1]float64 // by painFactor
	negEmotion, dip, handoff, missed, drop float64
	half                                   float64
}

func pick(v, def float64) float64 {
	switch {
	case v == 0 || math.IsNaN(v) || math.IsInf(v, 0):
		return def
	case v < 0:
		return 0
	}
	return v
}

func (o Options) weights() weights {
	w := o.Weights
	low := pick(w.Low, DefaultLowWeight)
	out := weights{
		// An unknown severity (only in a journey that fails validation) counts as low.
		severity: [5]float64{low, low, pick(w.Medium, DefaultMediumWeight), pick(w.High, DefaultHighWeight), pick(w.Critical, DefaultCriticalWeight)},
		category: [fPainOther + 1]float64{
			fFinancial:    pick(w.Financial, DefaultCategoryWeight),
			fProductivity: pick(w.Productivity, DefaultCategoryWeight),
			fProcess:      pick(w.Process, DefaultCategoryWeight),
			fSupport:      pick(w.Support, DefaultCategoryWeight),
			fPainOther:    DefaultCategoryWeight,
		},
		negEmotion: pick(w.NegativeEmotion, DefaultNegativeEmotionWeight),
		dip:        pick(w.EmotionDip, DefaultEmotionDipWeight),
		handoff:    pick(w.Handoff, DefaultHandoffWeight),
		missed:     pick(w.MissedTarget, DefaultMissedTargetWeight),
		drop:       pick(w.DropOff, DefaultDropOffWeight),
		half:       w.HalfPoints,
	}
	if !(out.half > 0) || math.IsInf(out.half, 0) {
		out.half = DefaultHalfPoints
	}
	return out
}

func (o Options) maxTouchpoints() int {
	if o.MaxTouchpoints <= 0 {
		return DefaultMaxTouchpoints
	}
	return o.MaxTouchpoints
}

func (o Options) hotspots() int {
	switch {
	case o.Hotspots == 0:
		return DefaultHotspots
	case o.Hotspots < 0:
		return 0
	}
	return o.Hotspots
}

// language returns the language of the messages about j: Language, else
// the journey's own language, else English.
func (o Options) language(j *journey.Journey) i18n.Language {
	return i18n.Resolve(o.Language, j.Language)
}
