package build

import (
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// enums lists every enum type of the document with its values, taken from
// the package's own list so they cannot drift.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[journey.Type]():           values(journey.Types()),
	reflect.TypeFor[journey.Phase]():          values(journey.Phases()),
	reflect.TypeFor[journey.Status]():         values(journey.Statuses()),
	reflect.TypeFor[persona.Lifecycle]():      values(persona.Lifecycles()),
	reflect.TypeFor[channel.Channel]():        values(channel.Channels()),
	reflect.TypeFor[channel.Mode]():           values(channel.Modes()),
	reflect.TypeFor[touchpoint.Initiator]():   values(touchpoint.Initiators()),
	reflect.TypeFor[touchpoint.Layer]():       values(touchpoint.Layers()),
	reflect.TypeFor[touchpoint.SupportKind](): values(touchpoint.SupportKinds()),
	reflect.TypeFor[painpoint.Category]():     values(painpoint.Categories()),
	reflect.TypeFor[painpoint.Severity]():     values(painpoint.Severities()),
	reflect.TypeFor[metric.Kind]():            values(metric.Kinds()),
	reflect.TypeFor[metric.Better]():          values(metric.Betters()),
}

func values[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// IsEnum reports whether t is one of the document's enum types.
func IsEnum(t reflect.Type) bool {
	_, ok := enums[t]
	return ok
}

// EnumValues returns the values of enum type t in documented order.
func EnumValues(t reflect.Type) []string { return enums[t] }

// enumSchema returns the definition of enum type t: a string that is one of
// its values, written as oneOf const entries with a title and a description
// in the catalog's language, standard keywords only. This is the labelled
// enum form builders read (react-jsonschema-form, JSON Forms): with an enum
// keyword beside it they show the raw values ("current_state") as choices
// and never the titles. For validators it is the same set of strings.
func enumSchema(t reflect.Type, w *words) (*jsonschema.Schema, error) {
	txt, err := w.text(t.Name())
	if err != nil {
		return nil, err
	}
	s := &jsonschema.Schema{Type: "string", Title: txt.title, Description: txt.description}
	for _, v := range enums[t] {
		vt, err := w.text(t.Name() + "." + v)
		if err != nil {
			return nil, err
		}
		s.OneOf = append(s.OneOf, &jsonschema.Schema{Const: v, Title: vt.title, Description: vt.description})
	}
	return s, nil
}

// structTypes are the document's object types.
var structTypes = map[reflect.Type]bool{
	reflect.TypeFor[journey.Journey]():       true,
	reflect.TypeFor[journey.Stage]():         true,
	reflect.TypeFor[journey.Opportunity]():   true,
	reflect.TypeFor[persona.Persona]():       true,
	reflect.TypeFor[persona.Demographics]():  true,
	reflect.TypeFor[touchpoint.Touchpoint](): true,
	reflect.TypeFor[touchpoint.Support]():    true,
	reflect.TypeFor[painpoint.PainPoint]():   true,
	reflect.TypeFor[metric.Metric]():         true,
}

// StructTypes returns the document's object types.
func StructTypes() []reflect.Type {
	out := make([]reflect.Type, 0, len(structTypes))
	for t := range structTypes {
		out = append(out, t)
	}
	return out
}

// EnumTypes returns the document's enum types.
func EnumTypes() []reflect.Type {
	out := make([]reflect.Type, 0, len(enums))
	for t := range enums {
		out = append(out, t)
	}
	return out
}

// ownNames holds the names of this module's document types, which other
// modules' types must not take in $defs.
var ownNames = func() map[string]bool {
	names := map[string]bool{}
	for t := range enums {
		names[t.Name()] = true
	}
	for t := range structTypes {
		names[t.Name()] = true
	}
	return names
}()
