package analysis

import (
	"github.com/google/uuid"
)

// Severity says how much a finding matters: info, warning or critical.
type Severity string

// The severities of a finding, from mildest to worst.
const (
	// Info: worth knowing; the map may be fine as it is.
	Info Severity = "info"
	// Warning: a gap the team should look at.
	Warning Severity = "warning"
	// Critical: the journey is broken here for some customers.
	Critical Severity = "critical"
)

// Severities returns the severities from Info to Critical.
func Severities() []Severity { return []Severity{Info, Warning, Critical} }

// Rank orders severities: Info 1, Warning 2, Critical 3, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Info:
		return 1
	case Warning:
		return 2
	case Critical:
		return 3
	}
	return 0
}

// Valid reports whether s is info, warning or critical.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// String returns the severity's name.
func (s Severity) String() string { return string(s) }

// The finding codes. They are stable: tools and tests may match on them.
const (
	CodeNoObjective           = "journey.no_objective"
	CodeNoPersonas            = "journey.no_personas"
	CodeReviewOverdue         = "review.overdue"
	CodePhaseUncovered        = "phase.uncovered"
	CodePersonaUnserved       = "persona.unserved"
	CodeChannelMissing        = "persona.channel_missing"
	CodeNoTouchpoints         = "stage.no_touchpoints"
	CodeSingleTouchpoint      = "stage.single_touchpoint"
	CodeTooManyTouchpoints    = "stage.too_many_touchpoints"
	CodeNoOwner               = "touchpoint.no_owner"
	CodeUnmeasured            = "touchpoint.unmeasured"
	CodeNoBackstage           = "blueprint.no_backstage"
	CodeUnaddressed           = "painpoint.unaddressed"
	CodeSupportWithoutContact = "painpoint.support_without_contact"
	CodeBelowTarget           = "metric.below_target"
)

// Codes returns every finding code, in the order findings are reported.
func Codes() []string {
	return []string{
		CodeNoObjective, CodeNoPersonas, CodeReviewOverdue, CodePhaseUncovered,
		CodePersonaUnserved, CodeChannelMissing,
		CodeNoTouchpoints, CodeSingleTouchpoint, CodeTooManyTouchpoints,
		CodeNoOwner, CodeUnmeasured, CodeNoBackstage,
		CodeUnaddressed, CodeSupportWithoutContact, CodeBelowTarget,
	}
}

// Finding is one gap in a journey.
type Finding struct {
	// Code names the kind of gap, e.g. "stage.no_touchpoints" (see the Code constants).
	Code string `json:"code"`
	// Severity is info, warning or critical.
	Severity Severity `json:"severity"`
	// Path is the JSON path of the object concerned, e.g. "stages[2].touchpoints[0]".
	Path string `json:"path"`
	// ID is the id of the object concerned (for a metric, of its stage or touchpoint).
	ID uuid.UUID `json:"id"`
	// Message says in plain words what is wrong and why it matters, in the
	// language of Options.Language (English by default).
	Message string `json:"message"`
}

// String formats the finding as "path: severity code: message".
func (f Finding) String() string {
	path := f.Path
	if path == "" {
		path = "(journey)"
	}
	return path + ": " + string(f.Severity) + " " + f.Code + ": " + f.Message
}
