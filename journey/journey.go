// Package journey is the aggregate root of journeymap: a customer journey map
// with its personas, stages (each in one purchase phase), touchpoints, pain
// points, metrics and opportunities.
//
// Build one in Go with New and the Add methods, or decode one from JSON with
// Unmarshal or Decode (strict and safe for untrusted input). Validate reports
// every problem at once, each with its JSON path. Marshal writes the canonical
// encoding. Stage templates (purchase timeline, classic, inbound, customer
// value journey, B2B) give a ready set of stages in English and Vietnamese.
package journey

import (
	"encoding/json"
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/enum"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// SchemaVersion is the version of the document format this library reads and writes.
const SchemaVersion = 1

// Type is the kind of journey map.
type Type string

// The map types of the document format.
const (
	// CurrentState maps how the journey is today.
	CurrentState Type = "current_state"
	// FutureState maps how the journey should be.
	FutureState Type = "future_state"
	// DayInTheLife maps a whole ordinary day, related to the product or not.
	DayInTheLife Type = "day_in_the_life"
	// ServiceBlueprint is a map plus the layers behind each step: people,
	// technology, policies and processes (frontstage, backstage, support processes).
	ServiceBlueprint Type = "service_blueprint"
)

var types = enum.New("map type", CurrentState, FutureState, DayInTheLife, ServiceBlueprint)

// Types returns every map type in documented order.
func Types() []Type { return types.Values() }

// ParseType returns s as a Type, or an error listing the allowed values.
func ParseType(s string) (Type, error) { return types.Parse(s) }

// Valid reports whether t is a defined map type.
func (t Type) Valid() bool { return types.Has(t) }

// String returns the type's document value.
func (t Type) String() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (t Type) MarshalText() ([]byte, error) { return types.Marshal(t) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (t *Type) UnmarshalText(text []byte) error { return types.Unmarshal(t, text) }

// Phase is one of the three parts of the purchase timeline.
type Phase string

// The phases of the document format, in timeline order.
const (
	// BeforePurchase (trước khi mua hàng): from the first spark of a need to the decision.
	BeforePurchase Phase = "before_purchase"
	// DuringPurchase (trong khi mua hàng): choosing, paying, receiving.
	DuringPurchase Phase = "during_purchase"
	// AfterPurchase (sau khi mua hàng): use, support, loyalty, advocacy.
	AfterPurchase Phase = "after_purchase"
)

var phases = enum.New("phase", BeforePurchase, DuringPurchase, AfterPurchase)

// Phases returns the three phases in timeline order.
func Phases() []Phase { return phases.Values() }

// ParsePhase returns s as a Phase, or an error listing the allowed values.
func ParsePhase(s string) (Phase, error) { return phases.Parse(s) }

// Valid reports whether p is a defined phase.
func (p Phase) Valid() bool { return phases.Has(p) }

// String returns the phase's document value.
func (p Phase) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (p Phase) MarshalText() ([]byte, error) { return phases.Marshal(p) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (p *Phase) UnmarshalText(text []byte) error { return phases.Unmarshal(p, text) }

// Order returns the phase's place on the timeline: 0, 1, 2, or -1 if unknown.
func (p Phase) Order() int {
	switch p {
	case BeforePurchase:
		return 0
	case DuringPurchase:
		return 1
	case AfterPurchase:
		return 2
	}
	return -1
}

// Status is how far an opportunity has come.
type Status string

// The opportunity statuses of the document format.
const (
	Idea       Status = "idea"        // proposed, not yet decided
	Planned    Status = "planned"     // decided and scheduled
	InProgress Status = "in_progress" // being built
	Done       Status = "done"        // shipped
)

var statuses = enum.New("opportunity status", Idea, Planned, InProgress, Done)

// Statuses returns every status in order.
func Statuses() []Status { return statuses.Values() }

// ParseStatus returns s as a Status, or an error listing the allowed values.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// Valid reports whether s is a defined status.
func (s Status) Valid() bool { return statuses.Has(s) }

// String returns the status's document value.
func (s Status) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (s *Status) UnmarshalText(text []byte) error { return statuses.Unmarshal(s, text) }

// MinScore and MaxScore bound an opportunity's impact and effort.
const (
	MinScore = 1
	MaxScore = 5
)

// MaxReviewEveryDays bounds review_every_days: a hundred years of 365 days,
// beyond any review cycle, so that a form shows a finite limit and the
// value stays far from the ends of Go's int.
const MaxReviewEveryDays = 36500

// Journey is a customer journey map: the aggregate root of the document.
type Journey struct {
	// SchemaVersion is the version of the document format; this library writes 1.
	SchemaVersion int `json:"schema_version"`
	// ID identifies the journey. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Title names the journey, e.g. "Buying a phone online".
	Title string `json:"title"`
	// Description tells what the map covers.
	Description string `json:"description,omitempty"`
	// Type is current_state, future_state, day_in_the_life or service_blueprint.
	Type Type `json:"type"`
	// Objective says what the team wants to learn or change with this map.
	Objective string `json:"objective,omitempty"`
	// Language is the BCP 47 tag of the document's text, e.g. "vi" or "en-US".
	Language string `json:"language,omitempty"`
	// Owner is the team or person responsible for the map.
	Owner string `json:"owner,omitempty"`
	// ReviewedAt is when the map was last reviewed against reality (RFC 3339).
	ReviewedAt *time.Time `json:"reviewed_at,omitempty"`
	// ReviewEveryDays is how often, in days, the map should be reviewed:
	// 1..MaxReviewEveryDays, or 0 (left out) when no cycle is set.
	ReviewEveryDays int `json:"review_every_days,omitempty"`
	// Personas the journey is mapped for.
	Personas []*persona.Persona `json:"personas,omitempty"`
	// Stages in journey order, each in one phase.
	Stages []*Stage `json:"stages,omitempty"`
	// Opportunities: ideas to remove pain points or improve touchpoints.
	Opportunities []*Opportunity `json:"opportunities,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Stage is one step of the journey, such as Awareness or Checkout.
type Stage struct {
	// ID identifies the stage. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Name of the stage, e.g. "Consideration".
	Name string `json:"name"`
	// Description tells what happens in the stage.
	Description string `json:"description,omitempty"`
	// Phase is before_purchase, during_purchase or after_purchase.
	Phase Phase `json:"phase"`
	// CustomerGoal is what the customer wants to achieve in this stage.
	CustomerGoal string `json:"customer_goal,omitempty"`
	// Questions the customer asks in this stage.
	Questions []string `json:"questions,omitempty"`
	// Touchpoints in the order the customer meets them.
	Touchpoints []*touchpoint.Touchpoint `json:"touchpoints,omitempty"`
	// Metrics measured for the stage as a whole.
	Metrics []metric.Metric `json:"metrics,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Opportunity is an idea to remove pain or improve the journey.
type Opportunity struct {
	// ID identifies the opportunity. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Title names the idea, e.g. "Show shipping cost on the product page".
	Title string `json:"title"`
	// Description details the idea.
	Description string `json:"description,omitempty"`
	// PainPointIDs lists the pain points the idea addresses.
	PainPointIDs []uuid.UUID `json:"pain_point_ids,omitempty"`
	// TouchpointIDs lists the touchpoints the idea changes.
	TouchpointIDs []uuid.UUID `json:"touchpoint_ids,omitempty"`
	// Owner is the team or person who would carry it out.
	Owner string `json:"owner,omitempty"`
	// Status is idea, planned, in_progress or done; absent means idea.
	Status Status `json:"status,omitempty"`
	// Impact estimates the benefit from 1 (small) to 5 (large); absent means not estimated.
	Impact int `json:"impact,omitempty"`
	// Effort estimates the cost from 1 (small) to 5 (large); absent means not estimated.
	Effort int `json:"effort,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// New returns an empty journey of type typ with a fresh random id and the
// current schema version.
func New(title string, typ Type) *Journey {
	return &Journey{SchemaVersion: SchemaVersion, ID: uuid.New(), Title: title, Type: typ}
}

// AddPersona appends a copy of p (a nil id gets a fresh random one) and
// returns a pointer to the stored persona.
func (j *Journey) AddPersona(p persona.Persona) *persona.Persona {
	if p.ID == uuid.Nil {
		p.ID = uuid.New()
	}
	stored := &p
	j.Personas = append(j.Personas, stored)
	return stored
}

// AddStage appends a new stage with a fresh random id and returns it.
func (j *Journey) AddStage(name string, phase Phase) *Stage {
	s := &Stage{ID: uuid.New(), Name: name, Phase: phase}
	j.Stages = append(j.Stages, s)
	return s
}

// AddOpportunity appends a new opportunity with a fresh random id, addressing
// the given pain points, and returns it.
func (j *Journey) AddOpportunity(title string, painPoints ...*painpoint.PainPoint) *Opportunity {
	o := &Opportunity{ID: uuid.New(), Title: title}
	for _, p := range painPoints {
		o.PainPointIDs = append(o.PainPointIDs, p.ID)
	}
	j.Opportunities = append(j.Opportunities, o)
	return o
}

// AddTouchpoint appends a new touchpoint on channel ch with a fresh random
// id and returns it.
func (s *Stage) AddTouchpoint(name string, ch channel.Channel) *touchpoint.Touchpoint {
	t := touchpoint.New(name, ch)
	stored := &t
	s.Touchpoints = append(s.Touchpoints, stored)
	return stored
}

// AddMetric appends m to the stage.
func (s *Stage) AddMetric(m metric.Metric) { s.Metrics = append(s.Metrics, m) }

// Persona returns the persona with id, or nil.
func (j *Journey) Persona(id uuid.UUID) *persona.Persona {
	for _, p := range j.Personas {
		if p != nil && p.ID == id {
			return p
		}
	}
	return nil
}

// Stage returns the stage with id, or nil.
func (j *Journey) Stage(id uuid.UUID) *Stage {
	for _, s := range j.Stages {
		if s != nil && s.ID == id {
			return s
		}
	}
	return nil
}

// Touchpoint returns the touchpoint with id and its stage, or nils.
func (j *Journey) Touchpoint(id uuid.UUID) (*Stage, *touchpoint.Touchpoint) {
	for s, t := range j.Touchpoints() {
		if t.ID == id {
			return s, t
		}
	}
	return nil, nil
}

// PainPoint returns the pain point with id and the touchpoint holding it, or nils.
func (j *Journey) PainPoint(id uuid.UUID) (*touchpoint.Touchpoint, *painpoint.PainPoint) {
	for t, p := range j.PainPoints() {
		if p.ID == id {
			return t, p
		}
	}
	return nil, nil
}

// Touchpoints yields every touchpoint with its stage, in journey order.
// Nil stages and touchpoints are skipped.
func (j *Journey) Touchpoints() iter.Seq2[*Stage, *touchpoint.Touchpoint] {
	return func(yield func(*Stage, *touchpoint.Touchpoint) bool) {
		for _, s := range j.Stages {
			if s == nil {
				continue
			}
			for _, t := range s.Touchpoints {
				if t != nil && !yield(s, t) {
					return
				}
			}
		}
	}
}

// PainPoints yields every pain point with its touchpoint, in journey order.
// Nil entries are skipped.
func (j *Journey) PainPoints() iter.Seq2[*touchpoint.Touchpoint, *painpoint.PainPoint] {
	return func(yield func(*touchpoint.Touchpoint, *painpoint.PainPoint) bool) {
		for _, t := range j.Touchpoints() {
			for _, p := range t.PainPoints {
				if p != nil && !yield(t, p) {
					return
				}
			}
		}
	}
}
