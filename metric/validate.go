package metric

import (
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
)

// Validate reports every problem of the metric at once, as a docerr.List
// whose paths are relative to the metric ("name", "target", ...); nil when
// the metric is valid. A name and a kind are required; value and target must
// be finite numbers.
func (m Metric) Validate() error {
	var l docerr.List
	enum.Required(&l, "name", m.Name)
	kinds.Check(&l, "kind", m.Kind, true)
	enum.Finite(&l, "value", m.Value)
	if m.Target != nil {
		enum.Finite(&l, "target", *m.Target)
	}
	betters.Check(&l, "better", m.Better, false)
	return l.Err()
}
