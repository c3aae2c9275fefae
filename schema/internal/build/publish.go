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

// Path returns the path of the schema file of d in language lang, relative
// to the schema package and to BaseID: English at the top
// ("journey.schema.json"), every other language in a folder named by its tag
// ("vi/journey.schema.json").
func (d Document) Path(lang string) string {
	if lang == "" || lang == "en" {
		return d.File
	}
	return lang + "/" + d.File
}

// Publish returns the encoded schema of every document in every language,
// keyed by its path (see Document.Path).
func Publish() (map[string][]byte, error) {
	out := make(map[string][]byte, len(Documents)*len(catalogs))
	for _, lang := range Languages() {
		for _, d := range Documents {
			s, err := Reflect(d.Type, lang, true)
			if err != nil {
				return nil, err
			}
			s.ID = jsonschema.ID(BaseID + d.Path(lang))
			s.Comments = "Generated from the journeymap Go types; do not edit. Refresh with: " + Regenerate
			b, err := Encode(s)
			if err != nil {
				return nil, err
			}
			out[d.Path(lang)] = b
		}
	}
	return out, nil
}
