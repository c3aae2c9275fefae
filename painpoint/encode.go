package painpoint

import "github.com/journeymap/journeymap/internal/strictjson"

// Marshal returns the canonical compact encoding of p: members in the
// order of the document format, empty optional members left out, a nil id
// left out, extensions byte-for-byte. An invalid enum value (an empty
// category or severity included) or invalid UTF-8 is an error naming its
// JSON path.
func Marshal(p *PainPoint) ([]byte, error) { return MarshalIndent(p, "") }

// MarshalIndent is Marshal with each level indented by indent (the layout
// of json.MarshalIndent with an empty prefix; extensions stay verbatim).
func MarshalIndent(p *PainPoint, indent string) ([]byte, error) {
	return strictjson.Marshal(p, indent)
}

// MarshalJSON implements json.Marshaler with the canonical encoding (see Marshal).
func (p PainPoint) MarshalJSON() ([]byte, error) { return Marshal(&p) }

// UnmarshalJSON implements json.Unmarshaler with the strict decoding of
// Unmarshal (default limits, a missing id filled), so a PainPoint inside a
// caller's own struct is decoded as strictly as on its own. p is replaced
// only when data decodes without a problem.
func (p *PainPoint) UnmarshalJSON(data []byte) error {
	v, err := Unmarshal(data)
	if err != nil {
		return err
	}
	*p = *v
	return nil
}
