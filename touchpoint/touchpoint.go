// Package touchpoint defines a touchpoint (điểm chạm): any moment a customer
// meets the brand — an ad, a review, the website, a store visit, a call — with
// its channel, who starts it, who owns it, what the customer does, thinks and
// feels there, the pain points met, and (for service blueprints) the layers
// that support it behind the scenes.
package touchpoint

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/enum"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
)

// MinEmotion and MaxEmotion bound a touchpoint's emotion score:
// -2 very negative, 0 neutral, +2 very positive.
const (
	MinEmotion = -2.0
	MaxEmotion = 2.0
)

// Initiator says who starts a touchpoint.
type Initiator string

// The initiators of the document format.
const (
	ByCustomer   Initiator = "customer"    // the customer reaches out: visits, searches, calls
	ByCompany    Initiator = "company"     // the brand reaches out: ads, emails, calls
	ByThirdParty Initiator = "third_party" // someone else: a reviewer, a friend, a marketplace
)

var initiators = enum.New("initiator", ByCustomer, ByCompany, ByThirdParty)

// Initiators returns every initiator in documented order.
func Initiators() []Initiator { return initiators.Values() }

// ParseInitiator returns s as an Initiator, or an error listing the allowed values.
func ParseInitiator(s string) (Initiator, error) { return initiators.Parse(s) }

// Valid reports whether i is a defined initiator.
func (i Initiator) Valid() bool { return initiators.Has(i) }

// String returns the initiator's document value.
func (i Initiator) String() string { return string(i) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (i Initiator) MarshalText() ([]byte, error) { return initiators.Marshal(i) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (i *Initiator) UnmarshalText(text []byte) error { return initiators.Unmarshal(i, text) }

// Layer is a service blueprint layer behind the customer's actions
// (Bitner's frontstage, backstage and support processes).
type Layer string

// The blueprint layers of the document format.
const (
	// Frontstage: what the customer sees — staff, screens, the store.
	Frontstage Layer = "frontstage"
	// Backstage: what staff and systems do out of sight to serve the step.
	Backstage Layer = "backstage"
	// SupportProcess: internal processes and systems that make backstage work.
	SupportProcess Layer = "support_process"
)

var layers = enum.New("support layer", Frontstage, Backstage, SupportProcess)

// Layers returns the blueprint layers from the customer outwards.
func Layers() []Layer { return layers.Values() }

// ParseLayer returns s as a Layer, or an error listing the allowed values.
func ParseLayer(s string) (Layer, error) { return layers.Parse(s) }

// Valid reports whether l is a defined layer.
func (l Layer) Valid() bool { return layers.Has(l) }

// String returns the layer's document value.
func (l Layer) String() string { return string(l) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (l Layer) MarshalText() ([]byte, error) { return layers.Marshal(l) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (l *Layer) UnmarshalText(text []byte) error { return layers.Unmarshal(l, text) }

// SupportKind says what kind of thing supports a touchpoint.
type SupportKind string

// The support kinds of the document format.
const (
	People     SupportKind = "people"     // staff and roles
	Technology SupportKind = "technology" // systems, tools and data
	Policy     SupportKind = "policy"     // rules the step must follow
	Process    SupportKind = "process"    // internal procedures and workflows
)

var supportKinds = enum.New("support kind", People, Technology, Policy, Process)

// SupportKinds returns every support kind in documented order.
func SupportKinds() []SupportKind { return supportKinds.Values() }

// ParseSupportKind returns s as a SupportKind, or an error listing the allowed values.
func ParseSupportKind(s string) (SupportKind, error) { return supportKinds.Parse(s) }

// Valid reports whether k is a defined support kind.
func (k SupportKind) Valid() bool { return supportKinds.Has(k) }

// String returns the kind's document value.
func (k SupportKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (k SupportKind) MarshalText() ([]byte, error) { return supportKinds.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (k *SupportKind) UnmarshalText(text []byte) error { return supportKinds.Unmarshal(k, text) }

// Support is one thing behind a touchpoint in a service blueprint: the
// people, technology, policy or process in a layer that makes the step work.
type Support struct {
	// Layer is frontstage, backstage or support_process.
	Layer Layer `json:"layer"`
	// Kind is people, technology, policy or process.
	Kind SupportKind `json:"kind"`
	// Description says what it is and does, e.g. "Kitchen display system routes the order".
	Description string `json:"description"`
	// Owner is the team or role responsible.
	Owner string `json:"owner,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Touchpoint is one moment the customer meets the brand.
type Touchpoint struct {
	// ID identifies the touchpoint; opportunities and event data refer to it. Filled deterministically when a document leaves it out.
	ID uuid.UUID `json:"id"`
	// Name says what happens, e.g. "Reads reviews on Shopee".
	Name string `json:"name"`
	// Description adds detail.
	Description string `json:"description,omitempty"`
	// Channel is where it happens.
	Channel channel.Channel `json:"channel"`
	// Mode is online or offline; absent means the channel's default (see channel.Channel.DefaultMode).
	Mode channel.Mode `json:"mode,omitempty"`
	// Initiator is who starts it: the customer, the company or a third party.
	Initiator Initiator `json:"initiator,omitempty"`
	// Owner is the team or role inside the company responsible for it.
	Owner string `json:"owner,omitempty"`
	// PersonaIDs lists the personas who meet this touchpoint; empty means all of them.
	PersonaIDs []uuid.UUID `json:"persona_ids,omitempty"`
	// Actions: what the customer does here.
	Actions []string `json:"actions,omitempty"`
	// Thoughts: what the customer thinks or asks here.
	Thoughts []string `json:"thoughts,omitempty"`
	// Feelings: what the customer feels here, in words.
	Feelings []string `json:"feelings,omitempty"`
	// Emotion scores the feeling from -2 (very negative) to +2 (very positive); absent means not measured.
	Emotion *float64 `json:"emotion,omitempty"`
	// PersonaEmotions scores the feeling per persona (persona id to -2..+2), where personas differ.
	PersonaEmotions map[uuid.UUID]float64 `json:"persona_emotions,omitempty"`
	// PainPoints met here.
	PainPoints []*painpoint.PainPoint `json:"pain_points,omitempty"`
	// Metrics measured here.
	Metrics []metric.Metric `json:"metrics,omitempty"`
	// Supports: what stands behind this step in a service blueprint.
	Supports []Support `json:"supports,omitempty"`
	// PhysicalEvidence: what the customer sees or holds — a receipt, a box, an email.
	PhysicalEvidence []string `json:"physical_evidence,omitempty"`
	// Extensions holds data of other tools, kept byte-for-byte.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// New returns a touchpoint on channel ch with a fresh random id.
func New(name string, ch channel.Channel) Touchpoint {
	return Touchpoint{ID: uuid.New(), Name: name, Channel: ch}
}

// EffectiveMode returns Mode, or the channel's default when Mode is empty.
func (t *Touchpoint) EffectiveMode() channel.Mode {
	if t.Mode != "" {
		return t.Mode
	}
	return t.Channel.DefaultMode()
}

// SetEmotion sets the emotion score (-2..+2).
func (t *Touchpoint) SetEmotion(score float64) { t.Emotion = &score }

// HasEmotion reports whether an emotion score was measured.
func (t *Touchpoint) HasEmotion() bool { return t.Emotion != nil }

// EmotionFor returns the score of persona id: its own score in
// PersonaEmotions, else Emotion. ok is false when neither is measured.
func (t *Touchpoint) EmotionFor(id uuid.UUID) (score float64, ok bool) {
	if s, found := t.PersonaEmotions[id]; found {
		return s, true
	}
	if t.Emotion != nil {
		return *t.Emotion, true
	}
	return 0, false
}

// PersonaEmotionIDs returns the persona ids of PersonaEmotions in canonical
// order (the order of their string form), so that output built from the map
// is deterministic.
func (t *Touchpoint) PersonaEmotionIDs() []uuid.UUID {
	keys := slices.Collect(maps.Keys(t.PersonaEmotions))
	// Byte order of a UUID is the order of its canonical string form.
	slices.SortFunc(keys, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return keys
}

// Serves reports whether the touchpoint serves persona id (an empty
// PersonaIDs serves every persona).
func (t *Touchpoint) Serves(id uuid.UUID) bool {
	if len(t.PersonaIDs) == 0 {
		return true
	}
	for _, p := range t.PersonaIDs {
		if p == id {
			return true
		}
	}
	return false
}

// AddPainPoint appends a copy of p and returns a pointer to the stored copy. A pain
// point with a nil id gets a fresh random one.
func (t *Touchpoint) AddPainPoint(p painpoint.PainPoint) *painpoint.PainPoint {
	if p.ID == uuid.Nil {
		p.ID = uuid.New()
	}
	stored := &p
	t.PainPoints = append(t.PainPoints, stored)
	return stored
}

// AddMetric appends m.
func (t *Touchpoint) AddMetric(m metric.Metric) { t.Metrics = append(t.Metrics, m) }
