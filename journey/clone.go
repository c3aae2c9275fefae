package journey

import "github.com/journeymap/journeymap/internal/strictjson"

// Clone returns a deep copy of j: no slice, map, pointer or extension bytes
// are shared, so the copy can be changed freely. Nil entries stay nil.
// Clone of nil is nil.
func (j *Journey) Clone() *Journey { return strictjson.Clone(j) }

// Clone returns a deep copy of s (see Journey.Clone). Clone of nil is nil.
func (s *Stage) Clone() *Stage { return strictjson.Clone(s) }

// Clone returns a deep copy of o (see Journey.Clone). Clone of nil is nil.
func (o *Opportunity) Clone() *Opportunity { return strictjson.Clone(o) }
