// Package painpoint defines a pain point (điểm đau): an obstacle that hurts the
// customer at a touchpoint, in one of exactly four categories — financial,
// productivity, process and support — with a severity and the evidence behind it.
//
// A pain point is usable on its own (services keep libraries of them): it has
// its own strict decoding, canonical encoding and validation.
package painpoint

import (
	"encoding/json"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/enum"
)

// Category is one of the four kinds of pain the source articles name.
type Category string

// The pain categories of the document format.
const (
	// Financial (tài chính): paying too much, poor value for money.
	Financial Category = "financial"
	// Productivity (năng suất): wasted time or effort.
	Productivity Category = "productivity"
	// Process (quy trình): confusing or broken steps, hard navigation.
	Process Category = "process"
	// Support (hỗ trợ): stuck with no help, or help that is poor.
	Support Category = "support"
)

var categories = enum.New("pain category", Financial, Productivity, Process, Support)

// Categories returns the four categories in documented order.
func Categories() []Category { return categories.Values() }

// ParseCategory returns s as a Category, or an error listing the allowed values.
func ParseCategory(s string) (Category, error) { return categories.Parse(s) }

// Valid reports whether c is one of the four categories.
func (c Category) Valid() bool { return categories.Has(c) }

// String returns the category's document value.
func (c Category) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (c Category) MarshalText() ([]byte, error) { return categories.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (c *Category) UnmarshalText(text []byte) error { return categories.Unmarshal(c, text) }

// Severity says how badly a pain point hurts.
type Severity string

// The severities of the document format, from mild to blocking.
const (
	Low      Severity = "low"      // an annoyance the customer works around
	Medium   Severity = "medium"   // slows the customer down or sours the experience
	High     Severity = "high"     // makes customers give up or complain
	Critical Severity = "critical" // blocks the journey or loses the customer
)

var severities = enum.New("severity", Low, Medium, High, Critical)

// Severities returns the severities from Low to Critical.
func Severities() []Severity { return severities.Values() }

// ParseSeverity returns s as a Severity, or an error listing the allowed values.
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// Valid reports whether s is a defined severity.
func (s Severity) Valid() bool { return severities.Has(s) }

// String returns the severity's document value.
func (s Severity) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (s Severity) MarshalText() ([]byte, error) { return severities.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (s *Severity) UnmarshalText(text []byte) error { return severities.Unmarshal(s, text) }

// Rank orders severities: Low 1, Medium 2, High 3, Critical 4, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Low:
		return 1
	case Medium:
		return 2
	case High:
		return 3
	case Critical:
		return 4
	}
	return 0
}

// PainPoint is one obstacle a customer meets.
type PainPoint struct {
	// ID identifies the pain point; opportunities refer to it. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Title names the pain in a few words, e.g. "Shipping cost shown only at checkout".
	Title string `json:"title"`
	// Description tells the pain in the customer's terms.
	Description string `json:"description,omitempty"`
	// Category is financial, productivity, process or support.
	Category Category `json:"category"`
	// Severity is low, medium, high or critical.
	Severity Severity `json:"severity"`
	// PersonaIDs lists the personas who feel this pain; empty means all of them.
	PersonaIDs []uuid.UUID `json:"persona_ids,omitempty"`
	// Evidence cites where the pain was observed: interviews, tickets, analytics.
	Evidence string `json:"evidence,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// New returns a pain point with a fresh random id.
func New(title string, category Category, severity Severity) PainPoint {
	return PainPoint{ID: uuid.New(), Title: title, Category: category, Severity: severity}
}
