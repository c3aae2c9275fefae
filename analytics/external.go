package analytics

import (
	"cmp"
	"slices"
	"time"
)

// This file is the hook for engines that compute a funnel elsewhere (a
// database running the SQL of package analytics/sqlfunnel): the keys of a
// plan, the bucket of a duration, and a Result built from counts.

// PlanKey is one touchpoint key a Plan accepts in events.
type PlanKey struct {
	// Key is the touchpoint key as events spell it: a key of Options.Keys,
	// a touchpoint id, or a touchpoint name that is unique in the journey.
	Key string
	// Touch is the touchpoint's step in the touchpoint funnel (0-based).
	Touch int
	// Stage is the touchpoint's stage's step in the stage funnel (0-based).
	Stage int
}

// Keys returns every planned touchpoint key of p, sorted by key.
func (p *Plan) Keys() []PlanKey {
	out := make([]PlanKey, 0, len(p.keys))
	for k, i := range p.keys {
		out = append(out, PlanKey{Key: k, Touch: int(i), Stage: int(p.touches[i].stage)})
	}
	slices.SortFunc(out, func(a, b PlanKey) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// BucketOf returns the index of the time-to-convert histogram bucket that
// holds duration d (see Bucket and the package doc's Merging section).
func BucketOf(d time.Duration) int { return bucketOf(int64(d)) }

// NewResult returns the Result of p over no events: every step and planned
// touchpoint present with zero counts. Fill in its counts (Events,
// Customers, Reached, Buckets, the per-touchpoint and ad-hoc figures) and
// call Result.Derive to compute the rates and quantiles.
func (p *Plan) NewResult() *Result {
	r := newAcc(p).result()
	return r
}

// Derive recomputes every figure of r that follows from its counts:
// conversion and drop-off of every step, time-to-convert counts and
// quantiles from the buckets, emotion means, and the order of ad-hoc
// touchpoints, variants and bad rows. Buckets must be sorted by index.
func (r *Result) Derive() { r.derive() }
