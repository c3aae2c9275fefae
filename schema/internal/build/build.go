// Package build turns journeymap's Go types into JSON Schema (draft 2020-12)
// with github.com/invopop/jsonschema, and adds what reflection alone cannot
// know: uuid and enum types, ids that the decoder fills in, non-blank required
// strings, numeric ranges, fixed defaults, and the titles, descriptions and
// examples people read in a form, from a catalog per language (words_en.go,
// words_vi.go). Both the schema package at run time and the generator use
// it, so the committed files and the run-time reflector cannot differ.
package build

import (
	"encoding/json"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/invopop/jsonschema"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/touchpoint"
)

// Module is the import path of the journeymap module.
const Module = "github.com/journeymap/journeymap"

// BaseID is the base URI of the published schemas.
const BaseID = "https://journeymap.dev/schema/v1/"

var (
	uuidType = reflect.TypeFor[uuid.UUID]()
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// DateTimePattern restricts "date-time" strings to what Go's time.Time
// accepts when decoding (upper-case T and Z, seconds 00-59), on top of the
// format, so that a document valid against the schema always decodes.
const DateTimePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`

// LanguagePattern is the well-formed BCP 47 shape the validator accepts: a
// primary language of 2-8 letters, then subtags of 1-8 letters or digits;
// or the empty string, which the library reads as "not given".
const LanguagePattern = `^([A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)?$`

// NonBlankPattern matches a string holding at least one character that is
// not white space in the sense of Go's unicode.IsSpace (the test
// strings.TrimSpace applies), written with literal characters so that Go's
// regexp and ECMAScript engines read it the same way.
var NonBlankPattern = nonBlankPattern()

// Reflect returns the schema of t. With root set, t's own definition is the
// root of the schema (as in the published files); otherwise the root refers
// to it in $defs, like jsonschema.Reflector.Reflect does by default.
//
// A type of another module whose name is also the name of one of this
// module's types gets its package name as a prefix in $defs ("mypkg.Stage"),
// so that the definitions cannot collide.
//
// Titles, descriptions and examples are in language lang ("" is English;
// see Languages); every other keyword is the same in every language.
func Reflect(t reflect.Type, lang string, root bool) (s *jsonschema.Schema, err error) {
	w, err := wordsFor(lang)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, fmt.Errorf("schema: reflect: nil type")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	defer func() {
		// jsonschema panics on types JSON cannot hold (channels, functions).
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("schema: reflect %s: %v", t, p)
		}
	}()
	usedEnums := map[reflect.Type]bool{}
	r := &jsonschema.Reflector{
		ExpandedStruct: root,
		Namer:          defName,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			switch {
			case t == uuidType:
				return uuidSchema()
			case t == timeType:
				return &jsonschema.Schema{Type: "string", Format: "date-time", Pattern: DateTimePattern}
			}
			if _, ok := enums[t]; ok {
				usedEnums[t] = true
				return &jsonschema.Schema{Ref: "#/$defs/" + t.Name()}
			}
			return nil
		},
	}
	s = r.ReflectFromType(t)
	if s.Definitions == nil {
		s.Definitions = jsonschema.Definitions{}
	}
	for et := range usedEnums {
		if s.Definitions[et.Name()], err = enumSchema(et, w); err != nil {
			return nil, err
		}
	}
	for _, st := range structs(t) {
		def := s.Definitions[defName(st)]
		if def == nil && st.Name() != "" {
			def = s.Definitions[st.Name()]
		}
		if root && st == t {
			def = s
		}
		if def == nil {
			continue // anonymous, or embedded and so inlined
		}
		if isOwn(st) {
			if err := refine(def, st, w); err != nil {
				return nil, err
			}
			continue
		}
		// A caller's struct may embed one of ours, whose fields jsonschema
		// then inlines into the caller's definition.
		for i := range st.NumField() {
			f := st.Field(i)
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); f.Anonymous && name == "" && isOwn(ft) && ft.Kind() == reflect.Struct {
				if err := refineFields(def, ft, w); err != nil {
					return nil, err
				}
			}
		}
	}
	return s, nil
}

// defName is the jsonschema.Reflector.Namer: a type of another module whose
// name is also the name of one of this module's types gets its package name
// as a prefix; "" keeps jsonschema's default, the type's name.
func defName(t reflect.Type) string {
	if !isOwn(t) && ownNames[t.Name()] {
		return path.Base(t.PkgPath()) + "." + t.Name()
	}
	return ""
}

// UUIDPattern is the 36-character form of a UUID, the only one the decoder
// reads. The "uuid" format alone is not enough: ajv-formats also accepts a
// "urn:uuid:" prefix.
const UUIDPattern = `^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`

// uuidSchema describes a uuid.UUID as the library writes and reads it: the
// 36-character form, and never the nil UUID, which the decoder rejects.
func uuidSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "uuid", Pattern: UUIDPattern, Not: &jsonschema.Schema{Const: uuid.Nil.String()}}
}

// structs returns the struct types reachable from t, in a stable order.
func structs(t reflect.Type) []reflect.Type {
	seen := map[reflect.Type]bool{}
	var out []reflect.Type
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			if t.Kind() == reflect.Map {
				walk(t.Key())
			}
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || t == timeType {
			return
		}
		seen[t] = true
		out = append(out, t)
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				walk(f.Type)
			}
		}
	}
	walk(t)
	return out
}

// inModule reports whether t is declared in this module.
func inModule(t reflect.Type) bool {
	p := t.PkgPath()
	return p == Module || strings.HasPrefix(p, Module+"/")
}

// isOwn reports whether t is one of the document's types, which this
// package describes (a caller's type in this module is not).
func isOwn(t reflect.Type) bool {
	return structTypes[t] || IsEnum(t)
}

// Unlisted returns the named types of this module reachable from roots that
// the tables here do not cover: a new document type must be added to them.
func Unlisted(roots ...reflect.Type) []reflect.Type {
	var out []reflect.Type
	for t := range reachable(roots) {
		if !isOwn(t) && (t.Kind() == reflect.Struct || t.Kind() == reflect.String) {
			out = append(out, t)
		}
	}
	return out
}

// refine adds to the definition s of struct type t what reflection cannot
// know. It fails when the Go type has a property the tables do not cover, so
// a new field cannot slip into the schema without a title.
func refine(s *jsonschema.Schema, t reflect.Type, w *words) error {
	if !structTypes[t] {
		return fmt.Errorf("schema: type %s is not a document type: add it to structTypes", t)
	}
	txt, err := w.text(t.Name())
	if err != nil {
		return err
	}
	s.Title, s.Description = txt.title, txt.description
	return refineFields(s, t, w)
}

// refineFields refines the properties of s that come from the fields of t.
func refineFields(s *jsonschema.Schema, t reflect.Type, w *words) error {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p, ok := s.Properties.Get(name)
		if !ok {
			return fmt.Errorf("schema: %s has no property %q", t, name)
		}
		key := t.Name() + "." + name
		txt, err := w.text(key)
		if err != nil {
			return err
		}
		p.Title, p.Description = txt.title, txt.description
		p.Examples = w.examplesFor(key)
		if d, ok := defaults[key]; ok {
			p.Default = d
		}
		switch {
		case f.Type == uuidType:
			// Ids are filled deterministically when a document leaves them out.
			s.Required = slices.DeleteFunc(s.Required, func(r string) bool { return r == name })
		case f.Type == rawType:
			// Extensions: any object, kept byte-for-byte.
			p.Type = "object"
		case f.Type.Kind() == reflect.String && p.Type == "string" && slices.Contains(s.Required, name):
			one := uint64(1)
			p.MinLength = &one
			p.Pattern = NonBlankPattern
		case f.Type.Kind() == reflect.Map && f.Type.Key() == uuidType:
			p.PropertyNames = uuidSchema()
		}
		if c, ok := constraints[t.Name()+"."+f.Name]; ok {
			c(p)
		} else if p.Type == "number" || p.Type == "integer" {
			// Every number of the format has a range the library checks;
			// the schema states it, so a form offers sensible limits.
			return fmt.Errorf("schema: %s.%s is a number without a range: add it to constraints", t.Name(), f.Name)
		}
	}
	return nil
}

// constraints refine single properties, keyed by "Type.Field"; values come
// from the domain packages' own constants wherever they have one.
var constraints = map[string]func(*jsonschema.Schema){
	"Journey.SchemaVersion":      func(p *jsonschema.Schema) { p.Const = journey.SchemaVersion },
	"Journey.Language":           func(p *jsonschema.Schema) { p.Pattern = LanguagePattern },
	"Journey.ReviewEveryDays":    reviewRange,
	"Metric.Value":               metricRange,
	"Metric.Target":              metricRange,
	"Opportunity.Impact":         scoreRange,
	"Opportunity.Effort":         scoreRange,
	"Touchpoint.Emotion":         emotionRange,
	"Touchpoint.PersonaEmotions": func(p *jsonschema.Schema) { emotionRange(p.AdditionalProperties) },
}

// Constrained lists the "Type.Field" keys that get a hand-written constraint,
// so a test can check each still names a field.
func Constrained() []string {
	keys := make([]string, 0, len(constraints))
	for k := range constraints {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func scoreRange(p *jsonschema.Schema) {
	p.Minimum = number(journey.MinScore)
	p.Maximum = number(journey.MaxScore)
}

func reviewRange(p *jsonschema.Schema) {
	p.Minimum = number(1)
	p.Maximum = number(journey.MaxReviewEveryDays)
}

func metricRange(p *jsonschema.Schema) {
	p.Minimum = number(metric.MinValue)
	p.Maximum = number(metric.MaxValue)
}

func emotionRange(p *jsonschema.Schema) {
	p.Minimum = number(touchpoint.MinEmotion)
	p.Maximum = number(touchpoint.MaxEmotion)
}

// number returns v as a JSON number in plain decimal form (1000000000000000,
// not 1e+15), as a person reads it in a form.
func number[T int | float64](v T) json.Number {
	return json.Number(strconv.FormatFloat(float64(v), 'f', -1, 64))
}

// reachable returns the named struct and enum types of this module used by
// roots, directly or through fields, slices, pointers and maps.
func reachable(roots []reflect.Type) map[reflect.Type]bool {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			if t.Kind() == reflect.Map {
				walk(t.Key())
			}
			t = t.Elem()
		}
		if seen[t] || !inModule(t) {
			return
		}
		seen[t] = true
		if t.Kind() == reflect.Struct {
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					walk(f.Type)
				}
			}
		}
	}
	for _, t := range roots {
		walk(t)
	}
	return seen
}
