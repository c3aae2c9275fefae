// Package schema publishes the JSON Schema (draft 2020-12) of the journeymap
// document, generated from the Go types with github.com/invopop/jsonschema so
// that schema and code cannot drift.
//
// Journey, Persona and PainPoint return the committed schema files, embedded
// in the library; serve them to front ends or validate documents with them.
// Each has a stable $id under https://journeymap.dev/schema/v1/, titles and
// descriptions (from the Go doc comments) on every property, every enum with
// its values, English titles and descriptions, and the document's numeric
// ranges, required members and non-blank rules. Reflect builds a schema at
// run time for a caller's own type that embeds journeymap types.
//
// The generated files are refreshed with
//
//	go generate ./schema
//
// and a test fails when they are out of date.
package schema

import (
	_ "embed"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/schema/internal/build"
)

//go:generate go run ./internal/gen

// The $id of each published schema.
const (
	JourneyID   = build.BaseID + "journey.schema.json"
	PersonaID   = build.BaseID + "persona.schema.json"
	PainPointID = build.BaseID + "painpoint.schema.json"
)

var (
	//go:embed journey.schema.json
	journeySchema []byte
	//go:embed persona.schema.json
	personaSchema []byte
	//go:embed painpoint.schema.json
	painPointSchema []byte
)

// Journey returns the schema of a journey document (journey.schema.json).
// The caller gets its own copy.
func Journey() []byte { return clone(journeySchema) }

// Persona returns the schema of a persona on its own (persona.schema.json),
// as services that keep persona libraries exchange them.
func Persona() []byte { return clone(personaSchema) }

// PainPoint returns the schema of a pain point on its own
// (painpoint.schema.json).
func PainPoint() []byte { return clone(painPointSchema) }

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// Reflect returns the JSON Schema of v's type, for callers who embed
// journeymap types in their own structs. The journeymap types in it get
// exactly the definitions of the published schemas: enums with their values
// and titles, ranges, required members (ids are never required), titles and
// descriptions, which come from a comment map compiled into the library, so
// they are the same from any module and under -trimpath. Every uuid.UUID and
// time.Time, the caller's included, is a string in the form the library
// reads ("uuid", "date-time"). The caller's own types are otherwise
// reflected with jsonschema.Reflector's defaults (a field without omitempty
// is required), except that one named like a journeymap type gets its
// package name as a prefix in $defs ("mypkg.Stage"). A journeymap struct
// embedded anonymously has its fields inlined, refined the same way. The
// schema's $id is derived from the package path of v's type, as jsonschema
// does; set ID to publish it elsewhere. Reflect fails for a nil v and for
// types JSON cannot hold (channels, functions).
func Reflect(v any) (*jsonschema.Schema, error) {
	return build.Reflect(reflect.TypeOf(v), comments, false)
}
