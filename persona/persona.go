// Package persona defines a persona (chân dung khách hàng): who the customer
// is, what they need and want, how they buy and which channels they prefer.
//
// A persona is usable on its own (services keep persona libraries apart from
// journeys): it has its own strict decoding, canonical encoding and validation.
package persona

import (
	"encoding/json"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/enum"
)

// Lifecycle is where a person stands in the inbound lifecycle.
type Lifecycle string

// The lifecycle stages of the document format.
const (
	Stranger Lifecycle = "stranger" // does not know the brand yet
	Visitor  Lifecycle = "visitor"  // has come to the brand's channels
	Lead     Lifecycle = "lead"     // has left contact details or shown intent to buy
	Customer Lifecycle = "customer" // has bought
	Promoter Lifecycle = "promoter" // recommends the brand to others
)

var lifecycles = enum.New("lifecycle", Stranger, Visitor, Lead, Customer, Promoter)

// Lifecycles returns the lifecycle stages in order.
func Lifecycles() []Lifecycle { return lifecycles.Values() }

// ParseLifecycle returns s as a Lifecycle, or an error listing the allowed values.
func ParseLifecycle(s string) (Lifecycle, error) { return lifecycles.Parse(s) }

// Valid reports whether l is a defined lifecycle stage.
func (l Lifecycle) Valid() bool { return lifecycles.Has(l) }

// String returns the lifecycle's document value.
func (l Lifecycle) String() string { return string(l) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (l Lifecycle) MarshalText() ([]byte, error) { return lifecycles.Marshal(l) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (l *Lifecycle) UnmarshalText(text []byte) error { return lifecycles.Unmarshal(l, text) }

// Demographics describes who the persona is, in the team's own words.
type Demographics struct {
	// AgeRange, e.g. "25-34".
	AgeRange string `json:"age_range,omitempty"`
	// Gender, as the team describes the segment.
	Gender string `json:"gender,omitempty"`
	// Income, e.g. "15-25 million VND a month".
	Income string `json:"income,omitempty"`
	// Location, e.g. "Ho Chi Minh City".
	Location string `json:"location,omitempty"`
	// Occupation, e.g. "office worker".
	Occupation string `json:"occupation,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// IsZero reports whether no demographic is given.
func (d Demographics) IsZero() bool {
	return d.AgeRange == "" && d.Gender == "" && d.Income == "" && d.Location == "" && d.Occupation == "" && len(d.Extensions) == 0
}

// Persona is a representative customer the journey is mapped for.
type Persona struct {
	// ID identifies the persona; touchpoints and pain points refer to it. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Name is what the team calls the persona, e.g. "Busy parent Lan".
	Name string `json:"name"`
	// Description tells the persona's story.
	Description string `json:"description,omitempty"`
	// Quote is something the persona would say, in their words.
	Quote string `json:"quote,omitempty"`
	// Lifecycle is where the persona stands: stranger, visitor, lead, customer or promoter.
	Lifecycle Lifecycle `json:"lifecycle,omitempty"`
	// Demographics: age range, gender, income, location, occupation.
	Demographics *Demographics `json:"demographics,omitempty"`
	// Goals the persona wants to reach.
	Goals []string `json:"goals,omitempty"`
	// Needs the persona must have met.
	Needs []string `json:"needs,omitempty"`
	// Frustrations: problems the persona already has.
	Frustrations []string `json:"frustrations,omitempty"`
	// Behaviors: how the persona searches, compares and buys.
	Behaviors []string `json:"behaviors,omitempty"`
	// PreferredChannels are the channels the persona likes to use.
	PreferredChannels []channel.Channel `json:"preferred_channels,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// New returns a persona with a fresh random id.
func New(name string) Persona {
	return Persona{ID: uuid.New(), Name: name}
}
