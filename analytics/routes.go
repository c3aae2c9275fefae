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
// when they are alternatives: reaching either counts). Steps index the
// touchpoints of the journey that are not nil, in journey order (the
// order of journey.Journey.RouteStops and of Result.Touchpoints).
type Route = journey.Route

// Routes returns the touchpoint routes of j, as Plan measures them: first
// the route of customers whose persona is unknown, then one route per
// persona of j in document order. See the package doc, "Routes". The
// routes are those of journey.Journey.Routes, which the friction analysis
// of package analysis walks too.
func Routes(j *journey.Journey) []Route { return j.Routes() }

// compileRoutes turns the routes of j into the plan's form.
func compileRoutes(rs []journey.Route, touches int) []route {
	out := make([]route, len(rs))
	for i, r := range rs {
		c := &out[i]
		c.stepOf = make([]int16, touches)
		for k := range c.stepOf {
			c.stepOf[k] = -1
		}
		for si, s := range r.Steps {
			idx := make([]int32, len(s))
			for k, t := range s {
				idx[k] = int32(t)
				c.stepOf[t] = int16(si)
			}
			c.steps = append(c.steps, idx)
		}
	}
	return out
}

// initRoutes sets the plan's personas and routes.
func (p *Plan) initRoutes(j *journey.Journey) error {
	var personas []planPersona
	for _, ps := range j.Personas {
		if ps != nil {
			personas = append(personas, planPersona{id: ps.ID, name: ps.Name})
		}
	}
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
	stops := j.RouteStops()
	p.routes = compileRoutes(j.Routes(), len(stops))
	for i := range p.touches {
		p.touches[i].personas = stops[i].Personas // nil when it serves every persona
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
