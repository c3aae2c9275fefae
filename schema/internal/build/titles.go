package build

import (
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// enumInfo is what the schema needs of one enum type: an English title and
// its values, taken from the package's own list so they cannot drift.
type enumInfo struct {
	title  string
	values []string
}

func enumOf[T ~string](title string, values []T) enumInfo {
	e := enumInfo{title: title}
	for _, v := range values {
		e.values = append(e.values, string(v))
	}
	return e
}

// enums lists every enum type of the document.
var enums = map[reflect.Type]enumInfo{
	reflect.TypeFor[journey.Type]():           enumOf("Map type", journey.Types()),
	reflect.TypeFor[journey.Phase]():          enumOf("Phase", journey.Phases()),
	reflect.TypeFor[journey.Status]():         enumOf("Opportunity status", journey.Statuses()),
	reflect.TypeFor[persona.Lifecycle]():      enumOf("Lifecycle stage", persona.Lifecycles()),
	reflect.TypeFor[channel.Channel]():        enumOf("Channel", channel.Channels()),
	reflect.TypeFor[channel.Mode]():           enumOf("Mode", channel.Modes()),
	reflect.TypeFor[touchpoint.Initiator]():   enumOf("Initiator", touchpoint.Initiators()),
	reflect.TypeFor[touchpoint.Layer]():       enumOf("Blueprint layer", touchpoint.Layers()),
	reflect.TypeFor[touchpoint.SupportKind](): enumOf("Support kind", touchpoint.SupportKinds()),
	reflect.TypeFor[painpoint.Category]():     enumOf("Pain category", painpoint.Categories()),
	reflect.TypeFor[painpoint.Severity]():     enumOf("Severity", painpoint.Severities()),
	reflect.TypeFor[metric.Kind]():            enumOf("Metric kind", metric.Kinds()),
	reflect.TypeFor[metric.Better]():          enumOf("Better direction", metric.Betters()),
}

// IsEnum reports whether t is one of the document's enum types.
func IsEnum(t reflect.Type) bool {
	_, ok := enums[t]
	return ok
}

// EnumValues returns the values of enum type t in documented order.
func EnumValues(t reflect.Type) []string { return enums[t].values }

// enumSchema returns the definition of enum type t: a string with its
// values as enum (for validators and code generators) and the same values
// again as oneOf const with an English title and the constant's doc comment
// (for editors that show choices), standard keywords only.
func enumSchema(t reflect.Type, c Comments) *jsonschema.Schema {
	e := enums[t]
	s := &jsonschema.Schema{
		Type:        "string",
		Title:       e.title,
		Description: c.Types[t.PkgPath()+"."+t.Name()],
	}
	for _, v := range e.values {
		s.Enum = append(s.Enum, v)
		s.OneOf = append(s.OneOf, &jsonschema.Schema{
			Const:       v,
			Title:       ValueTitle(v),
			Description: c.Values[t.PkgPath()+"."+t.Name()+"."+v],
		})
	}
	return s
}

// acronyms are words written in capitals in titles.
var acronyms = map[string]string{
	"id": "ID", "ids": "IDs", "csat": "CSAT", "nps": "NPS", "ces": "CES", "sms": "SMS",
}

// valueTitles are the titles that read better than the value's words.
var valueTitles = map[string]string{"drop_off_rate": "Drop-off rate"}

// ValueTitle returns the English title of a snake_case document value:
// "day_in_the_life" is "Day in the life", "csat" is "CSAT".
func ValueTitle(v string) string {
	if t, ok := valueTitles[v]; ok {
		return t
	}
	words := strings.Split(v, "_")
	for i, w := range words {
		switch {
		case acronyms[w] != "":
			words[i] = acronyms[w]
		case i == 0 && w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// propertyTitles are the titles that read better than the property's name.
var propertyTitles = map[string]string{
	"review_every_days": "Review every (days)",
	"reviewed_at":       "Last reviewed",
	"persona_emotions":  "Emotion per persona",
}

// propertyTitle returns the title front ends show for a property.
func propertyTitle(name string) string {
	if t, ok := propertyTitles[name]; ok {
		return t
	}
	return ValueTitle(name)
}

// structTitles are the titles of the document's object types.
var structTitles = map[reflect.Type]string{
	reflect.TypeFor[journey.Journey]():       "Customer journey map",
	reflect.TypeFor[journey.Stage]():         "Stage",
	reflect.TypeFor[journey.Opportunity]():   "Opportunity",
	reflect.TypeFor[persona.Persona]():       "Persona",
	reflect.TypeFor[persona.Demographics]():  "Demographics",
	reflect.TypeFor[touchpoint.Touchpoint](): "Touchpoint",
	reflect.TypeFor[touchpoint.Support]():    "Blueprint support",
	reflect.TypeFor[painpoint.PainPoint]():   "Pain point",
	reflect.TypeFor[metric.Metric]():         "Metric",
}

// ownNames holds the names of this module's document types, which other
// modules' types must not take in $defs.
var ownNames = func() map[string]bool {
	names := map[string]bool{}
	for t := range enums {
		names[t.Name()] = true
	}
	for t := range structTitles {
		names[t.Name()] = true
	}
	return names
}()
