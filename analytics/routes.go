package analytics

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/journeymap/journeymap/journey"
)

// route is the touchpoint funnel of one kind of customer: its steps in
// order, each step one or more planned touchpoints (alternatives).
type route struct {
	stepOf []int16   // per planned touchpoint: its step on this route, −1 when off the route
	steps  [][]int32 // the touchpoints of each step, in journey order
}

type planPersona struct {
	id   uuid.UUID
	name string
}

// Route is one route of a journey's touchpoint funnel: the steps a kind of
// customer takes, each step one or more planned touchpoints (more than one
// when they are alternatives: reaching either counts).
type Route struct {
	// Persona is the persona the route belongs to, or uuid.Nil for the route
	// of customers whose persona is not known.
	Persona uuid.UUID
	// Steps lists, per step, the indices of its touchpoints in
	// journey.Journey.Touchpoints order.
	Steps [][]int
}

// Routes returns the touchpoint routes of j, as Plan measures them: first
// the route of customers whose persona is unknown, then one route per
// persona of j in document order. See the package doc, "Routes".
// Friction factors that compare neighbouring touchpoints can walk the
// same routes.
func Routes(j *journey.Journey) []Route {
	personas, touches := journeyPersonas(j)
	rs := buildRoutes(personas, touches)
	out := make([]Route, len(rs))
	for i, r := range rs {
		if i > 0 {
			out[i].Persona = personas[i-1].id
		}
		for _, s := range r.steps {
			idx := make([]int, len(s))
			for k, t := range s {
				idx[k] = int(t)
			}
			out[i].Steps = append(out[i].Steps, idx)
		}
	}
	return out
}

// routeTouch is what routes need of a planned touchpoint.
type routeTouch struct {
	stage    int16
	personas []uuid.UUID // empty: every persona
}

func journeyPersonas(j *journey.Journey) ([]planPersona, []routeTouch) {
	var ps []planPersona
	for _, p := range j.Personas {
		if p != nil {
			ps = append(ps, planPersona{id: p.ID, name: p.Name})
		}
	}
	var ts []routeTouch
	si := int16(0)
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		for _, t := range s.Touchpoints {
			if t != nil {
				ids := t.PersonaIDs
				if servesAll(ids, ps) {
					ids = nil // every persona, named one by one
				}
				ts = append(ts, routeTouch{stage: si, personas: ids})
			}
		}
		si++
	}
	return ps, ts
}

// serves reports whether a touchpoint serving ids serves persona id.
func serves(ids []uuid.UUID, id uuid.UUID) bool {
	if len(ids) == 0 {
		return true
	}
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// servesAll reports whether ids names every persona of ps.
func servesAll(ids []uuid.UUID, ps []planPersona) bool {
	if len(ids) == 0 || len(ps) == 0 {
		return len(ids) == 0
	}
	for _, p := range ps {
		if !serves(ids, p.id) {
			return false
		}
	}
	return true
}

func disjoint(a, b []uuid.UUID) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}

// buildRoutes builds the default route (alternatives) and one route per persona.
func buildRoutes(personas []planPersona, ts []routeTouch) []route {
	rs := make([]route, 1+len(personas))
	// Default route: consecutive touchpoints of one stage that serve only
	// some personas, with pairwise disjoint personas, are one step.
	def := &rs[0]
	def.stepOf = make([]int16, len(ts))
	for i, t := range ts {
		join := false
		if n := len(def.steps); n > 0 && len(t.personas) > 0 {
			last := def.steps[n-1]
			join = true
			for _, k := range last {
				o := ts[k]
				if o.stage != t.stage || len(o.personas) == 0 || !disjoint(o.personas, t.personas) {
					join = false
					break
				}
			}
		}
		if join {
			def.steps[len(def.steps)-1] = append(def.steps[len(def.steps)-1], int32(i))
		} else {
			def.steps = append(def.steps, []int32{int32(i)})
		}
		def.stepOf[i] = int16(len(def.steps) - 1)
	}
	for k, p := range personas {
		r := &rs[k+1]
		r.stepOf = make([]int16, len(ts))
		for i, t := range ts {
			r.stepOf[i] = -1
			if serves(t.personas, p.id) {
				r.stepOf[i] = int16(len(r.steps))
				r.steps = append(r.steps, []int32{int32(i)})
			}
		}
	}
	return rs
}

// initRoutes sets the plan's personas and routes.
func (p *Plan) initRoutes(j *journey.Journey) error {
	personas, ts := journeyPersonas(j)
	p.personas = personas
	p.personaIdx = map[string]int16{}
	names := map[string]int{}
	for _, ps := range personas {
		names[ps.name]++
	}
	if len(personas) >= maxTouchpoints {
		return fmt.Errorf("analytics: journey has more than %d personas", maxTouchpoints-1)
	}
	for i, ps := range personas {
		if names[ps.name] == 1 && ps.name != "" {
			p.personaIdx[ps.name] = int16(i + 1)
		}
	}
	for i, ps := range personas {
		p.personaIdx[ps.id.String()] = int16(i + 1)
	}
	p.routes = buildRoutes(personas, ts)
	for i := range p.touches {
		p.touches[i].personas = ts[i].personas // nil when it serves every persona
	}
	p.stageSteps = make([][]int32, len(p.stages))
	for i := range p.stageSteps {
		p.stageSteps[i] = []int32{int32(i)}
	}
	if p.opts.Mode == AnyOrder {
		if len(p.touches) > 64 {
			return fmt.Errorf("analytics: any-order funnels measure at most 64 touchpoints; the journey has %d", len(p.touches))
		}
		if len(p.stages) > 64 {
			return fmt.Errorf("analytics: any-order funnels measure at most 64 stages; the journey has %d", len(p.stages))
		}
	}
	return nil
}

// Persona returns the index of a persona named by id or unique name in
// records (1 for the journey's first persona), or 0 and false when the
// journey has no such persona. The empty string is 0 and true (no persona).
func (p *Plan) Persona(s string) (int16, bool) {
	if s == "" {
		return 0, true
	}
	i, ok := p.personaIdx[s]
	return i, ok
}

func (p *Plan) personaBytes(b []byte) (int16, bool) {
	if len(b) == 0 {
		return 0, true
	}
	i, ok := p.personaIdx[string(b)]
	return i, ok
}

// Breakdown returns the index of breakdown value s in records: 0 for the
// empty value, and each new value the next index.
func (p *Plan) Breakdown(s string) uint32 {
	if s == "" {
		return 0
	}
	p.mu.RLock()
	i, ok := p.segIdx[s]
	p.mu.RUnlock()
	if ok {
		return i
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if i, ok := p.segIdx[s]; ok {
		return i
	}
	p.segs = append(p.segs, s)
	i = uint32(len(p.segs))
	p.segIdx[s] = i
	return i
}

func (p *Plan) segmentBytes(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	p.mu.RLock()
	i, ok := p.segIdx[string(b)]
	p.mu.RUnlock()
	if ok {
		return i
	}
	return p.Breakdown(string(b))
}

// segment returns breakdown value i (0: "").
func (p *Plan) segment(i uint32) string {
	if i == 0 {
		return ""
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.segs[i-1]
}

// rowExtras resolves the persona and breakdown value of a parsed row
// (makeRow calls it with the raw persona and breakdown columns).
func (p *Plan) rowExtras(r *prow, persona, segment []byte) {
	if r.err != nil {
		return
	}
	pi, ok := p.personaBytes(persona)
	if !ok {
		r.err = &RowError{Line: r.line, Field: p.opts.Columns.Persona, Reason: ReasonUnknownPersona, Err: fmt.Errorf("persona %s is neither the id nor the unique name of a persona of the journey", safetext.Quote(string(persona)))}
		return
	}
	r.rec.Persona = pi
	r.rec.Breakdown = p.segmentBytes(segment)
}
