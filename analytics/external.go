package analytics

import (
	"cmp"
	"slices"
	"time"

	"github.com/google/uuid"
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

// PersonaKey is one persona key a Plan accepts in events' persona column.
type PersonaKey struct {
	// Key is the persona as events name it: a persona id, or a persona
	// name that is unique (and not empty) in the journey.
	Key string
	// Persona is the persona's index (Plan.Persona): 1 for the journey's
	// first persona, and the index of its route in Plan.Routes.
	Persona int
}

// PersonaKeys returns every persona key of p, sorted by key. The empty
// value (no persona) is not a key; any other value is a bad row.
func (p *Plan) PersonaKeys() []PersonaKey {
	out := make([]PersonaKey, 0, len(p.personaIdx))
	for k, i := range p.personaIdx {
		out = append(out, PersonaKey{Key: k, Persona: int(i)})
	}
	slices.SortFunc(out, func(a, b PersonaKey) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// PlanPersona is a persona of a Plan's journey.
type PlanPersona struct {
	// ID and Name are the persona's (the name need not be unique).
	ID   uuid.UUID
	Name string
}

// Personas returns the personas of p's journey in document order: the
// persona at index i has index i+1 (Plan.Persona) and route i+1
// (Plan.Routes).
func (p *Plan) Personas() []PlanPersona {
	out := make([]PlanPersona, len(p.personas))
	for i, ps := range p.personas {
		out[i] = PlanPersona{ID: ps.id, Name: ps.name}
	}
	return out
}

// Routes returns the touchpoint routes p measures (see the package doc,
// "Routes per persona"): route 0 of the customers without a persona, then
// route k of the customers whose persona has index k. Steps index the
// touchpoints of Result.Touchpoints.
func (p *Plan) Routes() []Route {
	out := make([]Route, len(p.routes))
	for k, r := range p.routes {
		if k > 0 {
			out[k].Persona = p.personas[k-1].id
		}
		for _, s := range r.steps {
			step := make([]int, len(s))
			for i, t := range s {
				step[i] = int(t)
			}
			out[k].Steps = append(out[k].Steps, step)
		}
	}
	return out
}
