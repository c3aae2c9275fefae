// Package schema publishes the JSON Schema (draft 2020-12) of the journeymap
// document, generated from the Go types with github.com/invopop/jsonschema so
// that schema and code cannot drift.
//
// Journey, Persona and PainPoint return the committed English schema files,
// embedded in the library; Lookup returns any of them in any published
// language (English, and Vietnamese: the same constraints with titles,
// descriptions and examples in Vietnamese). Serve them to front ends, build
// forms from them, or validate documents with them. Each has a stable $id
// under https://journeymap.dev/schema/v1/ (the Vietnamese ones under .../v1/vi/).
//
// What a form builder finds in them: a title and a description written for
// people on every object, property, enum and enum value; the values of every
// enum, both as enum and as oneOf const entries with their titles; default
// where the decoder gives a left-out member a fixed value (schema_version 1,
// an opportunity's status "idea"); examples; and the document's ranges,
// required members and non-blank rules. Numbers have finite bounds a form can
// show: emotions -2..2, scores 1..5, review periods 1..36500 days, and metric
// values and targets ±10^15 (the decoder itself reads any finite number, so
// a document with a larger metric decodes, but neither the schema nor the
// library's Validate accepts it). A document valid against the schema always
// decodes.
//
// Reflect builds a schema at run time for a caller's own type that embeds
// journeymap types.
//
// The generated files are refreshed with
//
//	go generate ./schema
//
// and a test fails when they are out of date.
package schema

import (
	"embed"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema/internal/build"
)

//go:generate go run ./internal/gen

// The $id of each published English schema.
const (
	JourneyID   = build.BaseID + "journey.schema.json"
	PersonaID   = build.BaseID + "persona.schema.json"
	PainPointID = build.BaseID + "painpoint.schema.json"
)

//go:embed *.schema.json vi/*.schema.json
var files embed.FS

// ErrUnknown is returned by Lookup for a document name or a language that is
// not published.
var ErrUnknown = errors.New("schema: unknown schema")

// Names returns the names of the published documents: "journey", "persona",
// "painpoint".
func Names() []string {
	out := make([]string, len(build.Documents))
	for i, d := range build.Documents {
		out[i] = strings.TrimSuffix(d.File, ".schema.json")
	}
	return out
}

// Languages returns the languages the schemas are published in: "en" and
// "vi".
func Languages() []string { return build.Languages() }

// Lookup returns the schema of the document name (see Names) with titles,
// descriptions and examples in language lang: "" or "en" for English, "vi"
// or a regional variant of it ("vi-VN") for Vietnamese. Every language has
// the same constraints. The caller gets its own copy. An unknown name or
// language is an error wrapping ErrUnknown that lists the published ones.
func Lookup(name, lang string) ([]byte, error) {
	tag := ""
	switch {
	case lang == "" || strings.EqualFold(lang, "en") || strings.HasPrefix(strings.ToLower(lang), "en-"):
	case journey.IsVietnamese(lang):
		tag = "vi"
	default:
		return nil, fmt.Errorf("%w: no language %q (have %s)", ErrUnknown, lang, strings.Join(Languages(), ", "))
	}
	for _, d := range build.Documents {
		if d.File == name+".schema.json" {
			return files.ReadFile(d.Path(tag))
		}
	}
	return nil, fmt.Errorf("%w: no document %q (have %s)", ErrUnknown, name, strings.Join(Names(), ", "))
}

func mustLookup(name string) []byte {
	b, err := Lookup(name, "")
	if err != nil {
		panic(err) // the files are embedded: a test covers every name
	}
	return b
}

// Journey returns the English schema of a journey document
// (journey.schema.json). The caller gets its own copy.
func Journey() []byte { return mustLookup("journey") }

// Persona returns the English schema of a persona on its own
// (persona.schema.json), as services that keep persona libraries exchange
// them. The caller gets its own copy.
func Persona() []byte { return mustLookup("persona") }

// PainPoint returns the English schema of a pain point on its own
// (painpoint.schema.json). The caller gets its own copy.
func PainPoint() []byte { return mustLookup("painpoint") }

// Reflect returns the JSON Schema of v's type, for callers who embed
// journeymap types in their own structs. The journeymap types in it get
// exactly the definitions of the published English schemas: enums with their
// values and titles, ranges, defaults, required members (ids are never
// required), titles, descriptions and examples, which come from catalogs
// compiled into the library, so they are the same from any module and under
// -trimpath. Every uuid.UUID and time.Time, the caller's included, is a
// string in the form the library reads ("uuid", "date-time"). The caller's
// own types are otherwise reflected with jsonschema.Reflector's defaults (a
// field without omitempty is required), except that one named like a
// journeymap type gets its package name as a prefix in $defs ("mypkg.Stage").
// A journeymap struct embedded anonymously has its fields inlined, refined
// the same way. The schema's $id is derived from the package path of v's
// type, as jsonschema does; set ID to publish it elsewhere. Reflect fails for
// a nil v and for types JSON cannot hold (channels, functions).
func Reflect(v any) (*jsonschema.Schema, error) {
	return build.Reflect(reflect.TypeOf(v), "", false)
}
