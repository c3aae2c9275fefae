package persona

import (
	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/strictjson"
)

// Marshal returns the canonical compact encoding of p: members in the
// order of the document format, empty optional members left out, a nil id
// left out, extensions byte-for-byte. An invalid enum value or invalid
// UTF-8 is an error naming its JSON path.
func Marshal(p *Persona) ([]byte, error) { return MarshalIndent(p, "") }

// MarshalIndent is Marshal with each level indented by indent (the layout
// of json.MarshalIndent with an empty prefix; extensions stay verbatim).
func MarshalIndent(p *Persona, indent string) ([]byte, error) {
	w := strictjson.NewWriter(indent)
	defer w.Release()
	EncodeObject(w, p)
	return w.Bytes()
}

// MarshalJSON implements json.Marshaler with the canonical encoding (see Marshal).
func (p Persona) MarshalJSON() ([]byte, error) { return Marshal(&p) }

// EncodeObject writes p as a persona object to w. It is the building block
// shared with package journey (the Writer type is internal to journeymap).
func EncodeObject(w *strictjson.Writer, p *Persona) {
	w.BeginObject()
	if p.ID != uuid.Nil {
		w.Member("id")
		w.UUID(p.ID)
	}
	w.Member("name")
	w.String(p.Name)
	w.OptString("description", p.Description)
	w.OptString("quote", p.Quote)
	if p.Lifecycle != "" {
		strictjson.Enum(w, "lifecycle", p.Lifecycle)
	}
	if m := p.Demographics; m != nil {
		w.Member("demographics")
		w.BeginObject()
		w.OptString("age_range", m.AgeRange)
		w.OptString("gender", m.Gender)
		w.OptString("income", m.Income)
		w.OptString("location", m.Location)
		w.OptString("occupation", m.Occupation)
		w.Extensions(m.Extensions)
		w.EndObject()
	}
	w.Strings("goals", p.Goals)
	w.Strings("needs", p.Needs)
	w.Strings("frustrations", p.Frustrations)
	w.Strings("behaviors", p.Behaviors)
	if len(p.PreferredChannels) > 0 {
		w.Member("preferred_channels")
		w.BeginArray()
		for _, c := range p.PreferredChannels {
			w.Elem()
			if !c.Valid() {
				_, err := c.MarshalText()
				w.FailErr(err)
				break
			}
			w.String(string(c))
		}
		w.EndArray()
	}
	w.Extensions(p.Extensions)
	w.EndObject()
}
