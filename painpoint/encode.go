package painpoint

import (
	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/strictjson"
)

// Marshal returns the canonical compact encoding of p: members in the
// order of the document format, empty optional members left out, a nil id
// left out, extensions byte-for-byte. An invalid enum value (an empty
// category or severity included) or invalid UTF-8 is an error naming its
// JSON path.
func Marshal(p *PainPoint) ([]byte, error) { return MarshalIndent(p, "") }

// MarshalIndent is Marshal with each level indented by indent (the layout
// of json.MarshalIndent with an empty prefix; extensions stay verbatim).
func MarshalIndent(p *PainPoint, indent string) ([]byte, error) {
	w := strictjson.NewWriter(indent)
	defer w.Release()
	EncodeObject(w, p)
	return w.Bytes()
}

// MarshalJSON implements json.Marshaler with the canonical encoding (see Marshal).
func (p PainPoint) MarshalJSON() ([]byte, error) { return Marshal(&p) }

// EncodeObject writes p as a pain point object to w. It is the building
// block shared with package journey (the Writer type is internal to
// journeymap).
func EncodeObject(w *strictjson.Writer, p *PainPoint) {
	w.BeginObject()
	if p.ID != uuid.Nil {
		w.Member("id")
		w.UUID(p.ID)
	}
	w.Member("title")
	w.String(p.Title)
	w.OptString("description", p.Description)
	strictjson.Enum(w, "category", p.Category)
	strictjson.Enum(w, "severity", p.Severity)
	w.UUIDs("persona_ids", p.PersonaIDs)
	w.OptString("evidence", p.Evidence)
	w.Extensions(p.Extensions)
	w.EndObject()
}
