package persona

import "github.com/journeymap/journeymap/internal/strictjson"

// Clone returns a deep copy of p: no slice, pointer or extension bytes are
// shared. Clone of nil is nil.
func (p *Persona) Clone() *Persona { return strictjson.Clone(p) }
