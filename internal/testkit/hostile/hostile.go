// Package hostile is journeymap's one shared corpus of hostile labels: text a
// user might type (or an attacker might plant) that tries to break or attack
// the programs reading our outputs. Render tests, the real-client harness
// (Mermaid and HTML in Chromium) and the fuzz seed corpora all draw from it,
// so a label added here is checked everywhere.
//
// The corpus covers XSS vectors for HTML text, attribute, URL, CSS and SVG
// contexts; every text that breaks a Mermaid 12.3.0 journey (":" ";" "#" "%",
// "%%{init: …}%%", "#58;", "&lt;", labels starting with a keyword, commas,
// "<br>", newlines, "<script>"); spreadsheet formulas; Markdown markup;
// control characters; bidi overrides and zero-width characters; a 100 KB
// label; Vietnamese; and emoji. The entries live in testdata/labels.json
// (embedded), plus the generated 100 KB label.
//
// Every label is valid UTF-8 and non-blank, so it may fill a required field
// of a valid journey.
package hostile

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

//go:embed testdata/labels.json
var corpusJSON []byte

// Entry is one hostile label with a stable identifier saying what it attacks
// (e.g. "xss-script", "mmd-init", "bidi-rlo", "long-100k").
type Entry struct {
	// ID names the entry; stable across versions, usable as a test name.
	ID string `json:"id"`
	// Text is the label itself.
	Text string `json:"text"`
}

// LongLabelSize is the size in bytes of the generated long label.
const LongLabelSize = 100 * 1024

// Entries returns a fresh copy of the whole corpus in a fixed order, ending
// with the generated 100 KB label (id "long-100k").
func Entries() []Entry {
	var entries []Entry
	if err := json.Unmarshal(corpusJSON, &entries); err != nil {
		// The corpus is embedded at build time and checked by the package tests.
		panic(fmt.Sprintf("hostile: embedded corpus is broken: %v", err))
	}
	return append(entries, Entry{ID: "long-100k", Text: longLabel()})
}

// Labels returns the text of every entry, in the order of Entries.
func Labels() []string {
	entries := Entries()
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = e.Text
	}
	return labels
}

// longLabel returns a label of exactly LongLabelSize bytes that repeats
// Mermaid and HTML breakers, so its length is not its only weapon.
func longLabel() string {
	const unit = "<script>alert(1)</script>;#:%,\n điểm đau 😀 "
	s := strings.Repeat(unit, LongLabelSize/len(unit)+1)
	// Cut at a rune boundary, then pad with ASCII to the exact size.
	cut := LongLabelSize
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + strings.Repeat("x", LongLabelSize-cut)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// namespace makes the corpus journeys' ids deterministic.
var namespace = uuid.MustParse("6f1d2a52-8c1e-4c55-9a57-0d1f3b1c2e7a")

func id(kind string, i int) uuid.UUID {
	return uuid.NewSHA1(namespace, fmt.Appendf(nil, "%s/%d", kind, i))
}

// Journey returns a fresh valid service-blueprint journey that carries every
// label of the corpus in every text field position. Journey-level fields
// (title, description, objective, owner) hold all labels joined by " · ";
// label i fills persona i (name, description, quote, demographics, goals,
// needs, frustrations, behaviours), stage i (name, description, customer
// goal, questions, metric name, unit and source), the touchpoint of stage i
// (name, description, owner, actions, thoughts, feelings, physical evidence,
// supports in every layer, metrics), its pain point (title, description,
// evidence) and opportunity i (title, description, owner). Touchpoint i
// serves personas i and i+1, so Mermaid actor lists hold two hostile names.
// Ids are deterministic.
func Journey() *journey.Journey {
	labels := Labels()
	j := base(strings.Join(labels, " · "), id("journey", 0))
	for i, label := range labels {
		fill(j, i, len(labels), label)
	}
	link(j)
	return j
}

// JourneyFor returns a fresh valid journey like Journey but built from the
// single label: every text field holds exactly label, with three personas,
// three stages (one per phase) and one touchpoint per stage. It lets a
// checker attribute a failure to one corpus entry.
func JourneyFor(label string) *journey.Journey {
	j := base(label, id("journey-for", 0))
	for i := range 3 {
		fill(j, i, 3, label)
	}
	link(j)
	return j
}

func base(text string, jid uuid.UUID) *journey.Journey {
	reviewed := time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
	return &journey.Journey{
		SchemaVersion:   journey.SchemaVersion,
		ID:              jid,
		Title:           text,
		Description:     text,
		Type:            journey.ServiceBlueprint,
		Objective:       text,
		Language:        "en",
		Owner:           text,
		ReviewedAt:      &reviewed,
		ReviewEveryDays: 90,
	}
}

// fill adds persona i of n, stage i (phases in timeline order) with its touchpoint and pain point, and
// opportunity i, every text field holding label.
func fill(j *journey.Journey, i, n int, label string) {
	phases := journey.Phases()
	channels := channel.Channels()
	categories := painpoint.Categories()
	severities := painpoint.Severities()
	lifecycles := persona.Lifecycles()
	kinds := touchpoint.SupportKinds()

	j.Personas = append(j.Personas, &persona.Persona{
		ID:          id("persona", i),
		Name:        label,
		Description: label,
		Quote:       label,
		Lifecycle:   lifecycles[i%len(lifecycles)],
		Demographics: &persona.Demographics{
			AgeRange: label, Gender: label, Income: label, Location: label, Occupation: label,
		},
		Goals:             []string{label},
		Needs:             []string{label},
		Frustrations:      []string{label},
		Behaviors:         []string{label},
		PreferredChannels: []channel.Channel{channels[i%len(channels)]},
	})

	target := float64(50 + i%40)
	m := metric.Metric{
		Name: label, Kind: metric.ConversionRate, Value: float64(10 + i%80), Target: &target,
		Unit: label, Source: label,
	}
	emotion := float64(i%9)/2 - 2 // -2, -1.5, ..., 2
	var supports []touchpoint.Support
	for k, layer := range touchpoint.Layers() {
		supports = append(supports, touchpoint.Support{
			Layer: layer, Kind: kinds[(i+k)%len(kinds)], Description: label, Owner: label,
		})
	}
	tp := &touchpoint.Touchpoint{
		ID:               id("touchpoint", i),
		Name:             label,
		Description:      label,
		Channel:          channels[i%len(channels)],
		Initiator:        touchpoint.Initiators()[i%3],
		Owner:            label,
		Actions:          []string{label},
		Thoughts:         []string{label},
		Feelings:         []string{label},
		Emotion:          &emotion,
		Metrics:          []metric.Metric{m},
		Supports:         supports,
		PhysicalEvidence: []string{label},
		PainPoints: []*painpoint.PainPoint{{
			ID:          id("pain_point", i),
			Title:       label,
			Description: label,
			Category:    categories[i%len(categories)],
			Severity:    severities[i%len(severities)],
			Evidence:    label,
		}},
	}
	j.Stages = append(j.Stages, &journey.Stage{
		ID:           id("stage", i),
		Name:         label,
		Description:  label,
		Phase:        phases[i*len(phases)/n],
		CustomerGoal: label,
		Questions:    []string{label},
		Touchpoints:  []*touchpoint.Touchpoint{tp},
		Metrics:      []metric.Metric{m},
	})
	j.Opportunities = append(j.Opportunities, &journey.Opportunity{
		ID:            id("opportunity", i),
		Title:         label,
		Description:   label,
		PainPointIDs:  []uuid.UUID{id("pain_point", i)},
		TouchpointIDs: []uuid.UUID{id("touchpoint", i)},
		Owner:         label,
		Status:        journey.Statuses()[i%4],
		Impact:        1 + i%5,
		Effort:        1 + (i+2)%5,
	})
}

// link makes touchpoint i serve personas i and i+1 (with a per-persona
// emotion for the second) and its pain point hurt persona i, once every
// persona exists.
func link(j *journey.Journey) {
	n := len(j.Personas)
	for i, s := range j.Stages {
		tp := s.Touchpoints[0]
		first, second := j.Personas[i].ID, j.Personas[(i+1)%n].ID
		if first == second {
			tp.PersonaIDs = []uuid.UUID{first}
		} else {
			tp.PersonaIDs = []uuid.UUID{first, second}
			tp.PersonaEmotions = map[uuid.UUID]float64{second: -*tp.Emotion}
		}
		tp.PainPoints[0].PersonaIDs = []uuid.UUID{first}
	}
}
