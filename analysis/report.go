package analysis

import (
	"slices"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/journey"
)

// Report is the full analysis of a journey. It marshals with encoding/json
// as {"findings": [...], "friction": {...}}.
type Report struct {
	// Findings are the gaps found, in document order (never nil).
	Findings []Finding `json:"findings"`
	// Friction scores the journey, its stages and touchpoints, with the
	// pain counts, hotspots and emotion curves.
	Friction Friction `json:"friction"`

	// title is the title of the journey analysed, which heads WriteText.
	title string
}

// Friction is how hard the journey is for the customer (see the package doc
// for the formula).
type Friction struct {
	// Score is the journey's friction in [0, 1].
	Score float64 `json:"score"`
	// Points is the journey's friction points: the mean of its stages' points.
	Points float64 `json:"points"`
	// Factors explain Points; their points add up to it.
	Factors []Factor `json:"factors"`
	// Pain counts the journey's pain points by category.
	Pain CategoryCounts `json:"pain"`
	// Stages scores every stage in journey order.
	Stages []StageFriction `json:"stages"`
	// Hotspots are the touchpoints with the most friction, worst first (ties in
	// journey order); touchpoints without friction are never hotspots.
	Hotspots []Hotspot `json:"hotspots"`
	// WeakestLink is the worst touchpoint on the path, absent when no
	// touchpoint has friction.
	WeakestLink *Hotspot `json:"weakest_link,omitempty"`
	// PainByPersona counts, for each persona, the pain points they feel.
	PainByPersona []PersonaPain `json:"pain_by_persona"`
	// EmotionCurve is the emotion of every measured touchpoint in journey order.
	EmotionCurve []EmotionPoint `json:"emotion_curve"`
	// PersonaCurves are the emotion curves of the personas that have their own
	// persona_emotions somewhere in the journey.
	PersonaCurves []PersonaCurve `json:"persona_curves"`
}

// Factor is one reason for friction: a kind of pain, negative emotion, an
// emotion dip, a channel hand-off, a missed target or drop-off.
type Factor struct {
	// Name is pain.financial, pain.productivity, pain.process, pain.support,
	// negative_emotion, emotion_dip, channel_handoff, missed_target or drop_off
	// (pain.other for a category outside the four, in a journey that fails
	// validation).
	Name string `json:"name"`
	// Count is how many times the factor occurs (pain points, dips, hand-offs, metrics).
	Count int `json:"count"`
	// Points is what the factor adds to the friction points.
	Points float64 `json:"points"`
	// Detail says more in plain words, e.g. "1 critical, 2 low" for pain, in
	// the language of Options.Language (English by default).
	Detail string `json:"detail,omitempty"`
}

// CategoryCounts counts pain points by category.
type CategoryCounts struct {
	Financial    int `json:"financial"`
	Productivity int `json:"productivity"`
	Process      int `json:"process"`
	Support      int `json:"support"`
	// Other counts pain points with a category outside the four (only in a
	// journey that fails validation).
	Other int `json:"other,omitempty"`
	// Total is the sum of the counts.
	Total int `json:"total"`
}

// StageFriction is the friction of one stage.
type StageFriction struct {
	// Path is the stage's JSON path, e.g. "stages[2]".
	Path string `json:"path"`
	// ID is the stage's id.
	ID uuid.UUID `json:"id"`
	// Name is the stage's name.
	Name string `json:"name"`
	// Phase is the stage's phase.
	Phase string `json:"phase"`
	// Score is the stage's friction in [0, 1].
	Score float64 `json:"score"`
	// Points is the mean of its touchpoints' points plus its own metrics' points.
	Points float64 `json:"points"`
	// Factors explain Points; their points add up to it.
	Factors []Factor `json:"factors"`
	// Pain counts the stage's pain points by category.
	Pain CategoryCounts `json:"pain"`
	// Emotion is the mean emotion of its measured touchpoints, absent when none is measured.
	Emotion *float64 `json:"emotion,omitempty"`
	// Touchpoints scores every touchpoint of the stage in order.
	Touchpoints []TouchpointFriction `json:"touchpoints"`
}

// TouchpointFriction is the friction of one touchpoint.
type TouchpointFriction struct {
	// Path is the touchpoint's JSON path, e.g. "stages[2].touchpoints[0]".
	Path string `json:"path"`
	// ID is the touchpoint's id.
	ID uuid.UUID `json:"id"`
	// Name is the touchpoint's name.
	Name string `json:"name"`
	// Channel is the touchpoint's channel.
	Channel string `json:"channel"`
	// Score is the touchpoint's friction in [0, 1].
	Score float64 `json:"score"`
	// Points is the sum of its factors' points.
	Points float64 `json:"points"`
	// Factors explain Points.
	Factors []Factor `json:"factors"`
	// Emotion is the touchpoint's emotion (its score, or the mean of its
	// persona_emotions), absent when not measured.
	Emotion *float64 `json:"emotion,omitempty"`
}

// Hotspot is a touchpoint ranked by friction.
type Hotspot struct {
	// Rank is 1 for the worst touchpoint.
	Rank int `json:"rank"`
	// Stage is the name of the touchpoint's stage.
	Stage string `json:"stage"`
	TouchpointFriction
}

// PersonaPain counts the pain points one persona feels: those naming the
// persona, and those naming no persona on a touchpoint serving the persona.
type PersonaPain struct {
	// Path is the persona's JSON path, e.g. "personas[0]".
	Path string `json:"path"`
	// ID is the persona's id.
	ID uuid.UUID `json:"id"`
	// Name is the persona's name.
	Name string `json:"name"`
	// Pain counts the persona's pain points by category.
	Pain CategoryCounts `json:"pain"`
}

// EmotionPoint is the emotion at one touchpoint.
type EmotionPoint struct {
	// Path is the touchpoint's JSON path.
	Path string `json:"path"`
	// ID is the touchpoint's id.
	ID uuid.UUID `json:"id"`
	// Stage is the name of the touchpoint's stage.
	Stage string `json:"stage"`
	// Touchpoint is the touchpoint's name.
	Touchpoint string `json:"touchpoint"`
	// Emotion is from −2 (very negative) to +2 (very positive).
	Emotion float64 `json:"emotion"`
}

// PersonaCurve is the emotion curve of one persona: its own score where the
// touchpoint has one in persona_emotions, else the touchpoint's emotion, on
// the touchpoints that serve the persona.
type PersonaCurve struct {
	// Path is the persona's JSON path.
	Path string `json:"path"`
	// ID is the persona's id.
	ID uuid.UUID `json:"id"`
	// Name is the persona's name.
	Name string `json:"name"`
	// Points are the measured touchpoints in journey order.
	Points []EmotionPoint `json:"points"`
}

// Analyze returns the findings and friction of j, their messages and
// details in the language Options.Language asks for (see
// i18n.Resolve). A nil journey gives an empty report. Analyze never panics
// and never modifies j.
func Analyze(j *journey.Journey, opts Options) *Report {
	if j == nil {
		j = &journey.Journey{}
	}
	// About one finding per stage, touchpoint and pain point is usual:
	// room for that many from the start spares the copies of a growing
	// list (on a large journey, a third of what analysis allocates).
	n := 8 + len(j.Stages)
	for _, t := range j.Touchpoints() {
		n += 1 + len(t.PainPoints)
	}
	list := make([]Finding, 0, n)
	ps := newPaths(j) // shared by the findings, the friction and the curves
	for f := range findings(j, opts, ps) {
		list = append(list, f)
	}
	return &Report{Findings: list, Friction: measureFriction(j, opts, opts.language(j).Words(), true, ps), title: j.Title}
}

// Has reports whether the report has a finding with code.
func (r *Report) Has(code string) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// Filter returns the findings whose code is one of codes (every finding when
// no code is given), in report order.
func (r *Report) Filter(codes ...string) []Finding {
	out := []Finding{}
	for _, f := range r.Findings {
		if len(codes) == 0 || slices.Contains(codes, f.Code) {
			out = append(out, f)
		}
	}
	return out
}

// AtOrAbove returns the findings of severity min or worse, in report order.
func (r *Report) AtOrAbove(min Severity) []Finding {
	out := []Finding{}
	for _, f := range r.Findings {
		if f.Severity.Rank() >= min.Rank() {
			out = append(out, f)
		}
	}
	return out
}
