package journey

import (
	"io"

	"github.com/journeymap/journeymap/internal/strictjson"
)

// Marshal returns the canonical compact encoding of j:
//
//   - members in the order of the document format (the struct order);
//   - optional members left out when empty (never null, never []), nil
//     ids left out;
//   - persona_emotions keys sorted;
//   - extensions written byte-for-byte as decoded;
//   - strings escaped as encoding/json does, but without HTML escaping
//     (U+2028 and U+2029 are escaped, other non-ASCII is kept as UTF-8);
//   - numbers formatted as encoding/json formats float64.
//
// Decoding the output and encoding again gives the same bytes. A
// schema_version of 0 is written as SchemaVersion (a journey built in Go
// without New); any other version than SchemaVersion, an invalid enum value
// (an empty required one included), NaN or infinity, invalid UTF-8, a nil
// entry in a list, or extensions that are not one valid JSON object are an
// error naming the JSON path.
func Marshal(j *Journey) ([]byte, error) { return MarshalIndent(j, "") }

// MarshalIndent is Marshal with each level indented by indent, in the
// layout of json.MarshalIndent(j, "", indent). Extensions stay verbatim.
func MarshalIndent(j *Journey, indent string) ([]byte, error) {
	return strictjson.Marshal(j, indent)
}

// Encode writes the canonical encoding of j to w, indented by indent (""
// for compact), followed by a newline, in one Write; nothing is written
// when j cannot be encoded.
func Encode(w io.Writer, j *Journey, indent string) error {
	return strictjson.Encode(w, j, indent)
}

// MarshalJSON implements json.Marshaler with the canonical encoding (see
// Marshal). encoding/json compacts what it gets and, by default, escapes
// <, > and & in strings; use Marshal for the canonical bytes.
func (j Journey) MarshalJSON() ([]byte, error) { return Marshal(&j) }

// UnmarshalJSON implements json.Unmarshaler with the strict decoding of
// Unmarshal (default limits, ids filled), so a Journey inside a caller's
// own struct is decoded as strictly as on its own. The journey is replaced
// only when data decodes without a problem. encoding/json has checked
// that data is well-formed JSON, but not the rest.
func (j *Journey) UnmarshalJSON(data []byte) error {
	v, err := Unmarshal(data)
	if err != nil {
		return err
	}
	*j = *v
	return nil
}
