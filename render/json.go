package render

import (
	"io"

	"github.com/journeymap/journeymap/journey"
)

// JSON renders a journey in the library's canonical JSON encoding, byte for
// byte what journey.Encode writes (the document format's contract), followed
// by a newline. The zero value writes compact JSON.
type JSON struct {
	// Indent indents each level by this string ("" for compact output).
	Indent string
}

// Render writes the encoding to w.
func (r JSON) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	return journey.Encode(w, j, r.Indent)
}
