package painpoint

import (
	"bytes"
	"slices"
)

// Clone returns a deep copy of p: no slice or extension bytes are shared.
// Clone of nil is nil.
func (p *PainPoint) Clone() *PainPoint {
	if p == nil {
		return nil
	}
	c := *p
	c.PersonaIDs = slices.Clone(p.PersonaIDs)
	c.Extensions = bytes.Clone(p.Extensions)
	return &c
}
