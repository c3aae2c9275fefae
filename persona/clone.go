package persona

import (
	"bytes"
	"slices"
)

// Clone returns a deep copy of p: no slice, pointer or extension bytes are
// shared. Clone of nil is nil.
func (p *Persona) Clone() *Persona {
	if p == nil {
		return nil
	}
	c := *p
	if p.Demographics != nil {
		dem := *p.Demographics
		dem.Extensions = bytes.Clone(dem.Extensions)
		c.Demographics = &dem
	}
	c.Goals = slices.Clone(p.Goals)
	c.Needs = slices.Clone(p.Needs)
	c.Frustrations = slices.Clone(p.Frustrations)
	c.Behaviors = slices.Clone(p.Behaviors)
	c.PreferredChannels = slices.Clone(p.PreferredChannels)
	c.Extensions = bytes.Clone(p.Extensions)
	return &c
}
