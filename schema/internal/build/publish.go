package build

import (
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// Document is one published schema file.
type Document struct {
	// File is the file name in the schema package, and the last part of $id.
	File string
	// Type is the Go type the schema describes.
	Type reflect.Type
}

// Documents lists the published schemas.
var Documents = []Document{
	{File: "journey.schema.json", Type: reflect.TypeFor[journey.Journey]()},
	{File: "persona.schema.json", Type: reflect.TypeFor[persona.Persona]()},
	{File: "painpoint.schema.json", Type: reflect.TypeFor[painpoint.PainPoint]()},
}

// Roots returns the Go types of the published schemas.
func Roots() []reflect.Type {
	roots := make([]reflect.Type, len(Documents))
	for i, d := range Documents {
		roots[i] = d.Type
	}
	return roots
}

// Regenerate is the command that refreshes the generated files.
const Regenerate = "go generate ./schema"

// Publish returns the encoded schema of every document, keyed by file name.
func Publish(c Comments) (map[string][]byte, error) {
	out := make(map[string][]byte, len(Documents))
	for _, d := range Documents {
		s, err := Reflect(d.Type, c, true)
		if err != nil {
			return nil, err
		}
		s.ID = jsonschema.ID(BaseID + d.File)
		s.Comments = "Generated from the journeymap Go types; do not edit. Refresh with: " + Regenerate
		b, err := Encode(s)
		if err != nil {
			return nil, err
		}
		out[d.File] = b
	}
	return out, nil
}
