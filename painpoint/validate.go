package painpoint

import (
	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
)

// Validate reports every problem of the pain point at once, as a
// docerr.List whose paths are relative to the pain point ("title",
// "category", ...); nil when it is valid. An id, a title, a category and a
// severity are required. Whether persona_ids refer to existing personas is
// checked by the journey that holds the pain point.
func (p *PainPoint) Validate() error {
	var l docerr.List
	if p.ID == uuid.Nil {
		l.Add("id", docerr.ErrRequired, "id is missing (decoding fills it; in Go use painpoint.New or set ID)")
	}
	enum.Required(&l, "title", p.Title)
	categories.Check(&l, "category", p.Category, true)
	severities.Check(&l, "severity", p.Severity, true)
	return l.Err()
}
