package painpoint

import "github.com/journeymap/journeymap/internal/strictjson"

// Clone returns a deep copy of p: no slice or extension bytes are shared.
// Clone of nil is nil.
func (p *PainPoint) Clone() *PainPoint { return strictjson.Clone(p) }
