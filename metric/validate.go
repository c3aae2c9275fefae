package metric

import (
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
)

// Validate reports every problem of the metric at once, as a docerr.List
// whose paths are relative to the metric ("name", "target", ...); nil when
// the metric is valid. A name and a kind are required; value and target must
// be finite numbers within MinValue..MaxValue (docerr.ErrRange otherwise).
func (m Metric) Validate() error {
	var l docerr.List
	enum.Required(&l, "name", m.Name)
	kinds.Check(&l, "kind", m.Kind, true)
	enum.Number(&l, "value", m.Value, MinValue, MaxValue)
	if m.Target != nil {
		enum.Number(&l, "target", *m.Target, MinValue, MaxValue)
	}
	betters.Check(&l, "better", m.Better, false)
	return l.Err()
}
