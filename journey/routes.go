package journey

import (
	"slices"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/touchpoint"
)

// A journey's personas can take different routes through it. Routes,
// RouteStops and RouteWalk are the one definition of those routes, used
// by the event analytics (whose funnels walk them) and by the friction
// analysis (whose emotion dips and channel hand-offs compare neighbours on
// them):
//
//   - A touchpoint whose persona_ids name some of the journey's personas
//     serves those personas only; one whose persona_ids is empty, or names
//     every persona of the journey, serves every persona.
//   - The route of a persona is the touchpoints that serve it, in journey
//     order (the stages in order, each stage's touchpoints in order).
//   - A journey without personas has one route: every touchpoint, in
//     journey order.
//   - For a customer whose persona is not known, consecutive touchpoints
//     of one stage that each serve only some personas, no two sharing a
//     persona, are alternatives: one step of the route of alternatives,
//     reached by reaching any of them.
//
// Nil stages and nil touchpoints are on no route and not counted: the
// touchpoints are numbered 0, 1, 2 … in journey order over the stages and
// touchpoints that are not nil (RouteStops order).

// RouteStop is a touchpoint as the routes see it.
type RouteStop struct {
	// Stage is the index of the touchpoint's stage in Journey.Stages.
	Stage int
	// Touchpoint is the index of the touchpoint in its stage's Touchpoints.
	Touchpoint int
	// Personas are the ids of the personas the touchpoint serves, as its
	// persona_ids names them; nil when it serves every persona.
	Personas []uuid.UUID
}

// Route is one route through a journey: the steps a kind of customer
// takes, each step one or more touchpoints (more than one when they are
// alternatives: reaching either counts).
type Route struct {
	// Persona is the persona the route belongs to, or uuid.Nil for the route
	// of alternatives, taken by customers whose persona is not known.
	Persona uuid.UUID
	// Steps lists, per step, the indices of its touchpoints in RouteStops
	// order.
	Steps [][]int
}

// RouteStops returns the touchpoints of j that are not nil, in journey
// order, with the personas each serves.
func (j *Journey) RouteStops() []RouteStop {
	ids := personaIDs(j)
	var out []RouteStop
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		for ti, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			ps := t.PersonaIDs
			if servesAll(ps, ids) {
				ps = nil // every persona, named one by one
			}
			out = append(out, RouteStop{Stage: si, Touchpoint: ti, Personas: ps})
		}
	}
	return out
}

// personaIDs returns the ids of the personas of j that are not nil, in
// document order.
func personaIDs(j *Journey) []uuid.UUID {
	var ids []uuid.UUID
	for _, p := range j.Personas {
		if p != nil {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// serves reports whether a touchpoint serving ids (nil: everyone) serves
// persona id.
func serves(ids []uuid.UUID, id uuid.UUID) bool {
	return len(ids) == 0 || slices.Contains(ids, id)
}

// servesAll reports whether ids names every persona of personas (an empty
// ids always does).
func servesAll(ids, personas []uuid.UUID) bool {
	if len(ids) == 0 || len(personas) == 0 {
		return len(ids) == 0
	}
	for _, p := range personas {
		if !serves(ids, p) {
			return false
		}
	}
	return true
}

func disjoint(a, b []uuid.UUID) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// Routes returns the routes of j: first the route of alternatives, then
// one route per persona of j that is not nil, in document order, each of
// its steps one touchpoint. The indices are in RouteStops order.
func (j *Journey) Routes() []Route {
	ids := personaIDs(j)
	stops := j.RouteStops()
	rs := make([]Route, 1+len(ids))
	def := &rs[0]
	for i, t := range stops {
		join := false
		if n := len(def.Steps); n > 0 && len(t.Personas) > 0 {
			join = true
			for _, k := range def.Steps[n-1] {
				o := stops[k]
				if o.Stage != t.Stage || len(o.Personas) == 0 || !disjoint(o.Personas, t.Personas) {
					join = false
					break
				}
			}
		}
		if join {
			def.Steps[len(def.Steps)-1] = append(def.Steps[len(def.Steps)-1], i)
		} else {
			def.Steps = append(def.Steps, []int{i})
		}
	}
	for k, id := range ids {
		r := &rs[k+1]
		r.Persona = id
		for i, t := range stops {
			if serves(t.Personas, id) {
				r.Steps = append(r.Steps, []int{i})
			}
		}
	}
	return rs
}

// Neighbour is the touchpoint before another one on some routes.
type Neighbour[V any] struct {
	// Prev is the index of the touchpoint before, in RouteStops order, and
	// Value the value RouteWalk.Next was given with it.
	Prev  int
	Value V
	// Personas are the personas on whose routes Prev comes right before the
	// touchpoint, in the order of Journey.Personas; nil when that is so on
	// every route the touchpoint is on (always in a journey without
	// personas).
	Personas []uuid.UUID
}

// RouteWalk finds the neighbours of touchpoints on the routes of a
// journey's personas, the touchpoints being met one at a time in journey
// order: the touchpoint right before each one on the route of each persona
// it serves (on the one route of every touchpoint when the journey has no
// persona). Each pair of touchpoints is given once, however many routes it
// is on. It keeps a value (V) with each touchpoint that can still be a
// neighbour, and memory in the number of personas, not of touchpoints.
type RouteWalk[V any] struct {
	ids      []uuid.UUID       // the personas' ids, in document order
	index    map[uuid.UUID]int // each distinct id's place in distinct
	distinct []uuid.UUID
	n        int // the index of the next touchpoint
	// lastAll is the last kept touchpoint that serves everyone (−1: none
	// yet) and lastAllVal its value; last holds, per persona, the last kept
	// touchpoint after lastAll that serves it (−1: none) and lastVal its
	// value; touched lists the personas whose last is set.
	lastAll    int
	lastAllVal V
	last       []int
	lastVal    []V
	touched    []int
	// Scratch space of Next.
	out  []Neighbour[V]
	mine []int
	all  []int // 0, 1, … one per persona
	at   []int // per persona of mine: its group in out
}

// NewRouteWalk returns a walk of the routes of j.
func NewRouteWalk[V any](j *Journey) *RouteWalk[V] {
	w := &RouteWalk[V]{ids: personaIDs(j), index: map[uuid.UUID]int{}, lastAll: -1}
	for _, id := range w.ids {
		if _, ok := w.index[id]; !ok {
			w.index[id] = len(w.distinct)
			w.distinct = append(w.distinct, id)
		}
	}
	w.last = make([]int, len(w.distinct))
	w.lastVal = make([]V, len(w.distinct))
	w.all = make([]int, len(w.distinct))
	for k := range w.last {
		w.last[k] = -1
		w.all[k] = k
	}
	return w
}

// Next gives the neighbours of t, the next touchpoint of the journey that
// is not nil in journey order (the touchpoint numbered i in RouteStops
// order at the i-th call), the earliest first. Only the touchpoints given
// with keep are on the routes for this walk: the neighbour of a touchpoint
// is the last touchpoint kept before it on the route. A touchpoint first
// on every route it serves has none; so does one whose persona_ids name
// none of the journey's personas (which validation rejects), which is on
// no route. The slice returned is valid until the next call.
func (w *RouteWalk[V]) Next(t *touchpoint.Touchpoint, v V, keep bool) []Neighbour[V] {
	i := w.n
	w.n++
	if len(w.distinct) == 0 || servesAll(t.PersonaIDs, w.ids) {
		out := w.neighboursOfAll()
		if keep {
			for _, k := range w.touched {
				w.last[k] = -1
			}
			w.touched = w.touched[:0]
			w.lastAll, w.lastAllVal = i, v
		}
		return out
	}
	mine := w.mine[:0] // the distinct known personas t serves, in persona order
	for _, id := range t.PersonaIDs {
		if k, ok := w.index[id]; ok && !slices.Contains(mine, k) {
			mine = append(mine, k)
		}
	}
	slices.Sort(mine)
	w.mine = mine
	out := w.neighboursOf(mine, true)
	if keep {
		for _, k := range mine {
			if w.last[k] < 0 {
				w.touched = append(w.touched, k)
			}
			w.last[k], w.lastVal[k] = i, v
		}
	}
	return out
}

// neighboursOfAll gives the neighbours of a touchpoint that serves every
// persona (see RouteWalk for lastAll, last and touched).
func (w *RouteWalk[V]) neighboursOfAll() []Neighbour[V] {
	switch {
	case len(w.touched) == 0 && w.lastAll < 0:
		return nil
	case len(w.touched) == 0:
		w.out = append(w.out[:0], Neighbour[V]{Prev: w.lastAll, Value: w.lastAllVal})
		return w.out
	case w.lastAll < 0:
		// Only the personas met so far have a touchpoint before this one.
		w.mine = append(w.mine[:0], w.touched...)
		slices.Sort(w.mine)
		return w.neighboursOf(w.mine, len(w.mine) == len(w.distinct))
	}
	return w.neighboursOf(w.all, true)
}

// neighboursOf groups the personas mine (indices into distinct, in order)
// of a touchpoint by the touchpoint before it on their route; whole is
// false when a route of the touchpoint not in mine has nothing before it.
func (w *RouteWalk[V]) neighboursOf(mine []int, whole bool) []Neighbour[V] {
	out := w.out[:0]
	at := w.at[:0]
	var group map[int]int // the place in out of each touchpoint before, once out is long
	for _, k := range mine {
		prev, val := w.last[k], w.lastVal[k]
		if prev < 0 {
			prev, val = w.lastAll, w.lastAllVal
		}
		if prev < 0 {
			whole = false
			at = append(at, -1)
			continue
		}
		g := -1
		if group != nil {
			if x, ok := group[prev]; ok {
				g = x
			}
		} else {
			for x := range out {
				if out[x].Prev == prev {
					g = x
					break
				}
			}
		}
		if g < 0 {
			g = len(out)
			out = append(out, Neighbour[V]{Prev: prev, Value: val})
			if group == nil && len(out) > 8 {
				group = make(map[int]int, 2*len(out))
				for x := range out {
					group[out[x].Prev] = x
				}
			} else if group != nil {
				group[prev] = g
			}
		}
		at = append(at, g)
	}
	w.out, w.at = out, at
	if whole && len(out) == 1 {
		return out
	}
	for n, k := range mine {
		if g := at[n]; g >= 0 {
			out[g].Personas = append(out[g].Personas, w.distinct[k])
		}
	}
	slices.SortFunc(out, func(a, b Neighbour[V]) int { return a.Prev - b.Prev })
	return out
}
