package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	sj "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/schema"
	"github.com/journeymap/journeymap/schema/internal/build"
	"github.com/journeymap/journeymap/touchpoint"
)

// TestMain fails the run when a file under testdata/invalid or
// testdata/golden is written by no test (go test -update rewrites the
// table of invalid documents and the accepted edges, and removes such
// files).
func TestMain(m *testing.M) { golden.Main(m, invalidDir, "testdata/golden") }

// published maps each schema name used in the tests to its bytes and $id.
var published = map[string]struct {
	data func() []byte
	id   string
}{
	"journey":   {schema.Journey, schema.JourneyID},
	"persona":   {schema.Persona, schema.PersonaID},
	"painpoint": {schema.PainPoint, schema.PainPointID},
}

// compile returns the named published schema compiled by santhosh-tekuri's
// validator with format assertion on (formats are annotations otherwise).
func compile(t testing.TB, name string) *sj.Schema {
	t.Helper()
	p := published[name]
	doc, err := sj.UnmarshalJSON(bytes.NewReader(p.data()))
	require.NoError(t, err)
	c := sj.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(p.id, doc))
	s, err := c.Compile(p.id)
	require.NoError(t, err)
	return s
}

// validate runs instance (JSON text) through s.
func validate(t testing.TB, s *sj.Schema, data []byte) error {
	t.Helper()
	inst, err := sj.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return s.Validate(inst)
}

func TestGeneratedFilesAreCurrent(t *testing.T) {
	want, err := build.Publish()
	require.NoError(t, err)
	require.Len(t, want, len(build.Documents)*len(schema.Languages()))
	for name, data := range want {
		got, err := os.ReadFile(filepath.FromSlash(name))
		require.NoError(t, err, "run %s", build.Regenerate)
		assert.Equal(t, string(data), string(got), "schema/%s is out of date with the Go types: run %s", name, build.Regenerate)
	}
	// The embedded bytes are the committed files.
	for _, lang := range schema.Languages() {
		for _, d := range build.Documents {
			got, err := schema.Lookup(strings.TrimSuffix(d.File, ".schema.json"), lang)
			require.NoError(t, err)
			assert.Equal(t, string(want[d.Path(lang)]), string(got), "embedded %s", d.Path(lang))
		}
	}
	// No stray schema file is left from a removed document or language.
	committed, err := filepath.Glob("*.schema.json")
	require.NoError(t, err)
	more, err := filepath.Glob("*/*.schema.json")
	require.NoError(t, err)
	for _, f := range append(committed, more...) {
		assert.Contains(t, want, filepath.ToSlash(f), "a committed schema no generator writes")
	}
}

func TestEveryDocumentTypeIsCovered(t *testing.T) {
	assert.Empty(t, build.Unlisted(build.Roots()...), "document types without a title or enum list in schema/internal/build")
	for _, key := range build.Constrained() {
		typ, field, _ := strings.Cut(key, ".")
		found := false
		for _, d := range allStructs() {
			if d.Name() == typ {
				_, ok := d.FieldByName(field)
				found = found || ok
			}
		}
		assert.True(t, found, "constraint %s names no field", key)
	}
}

func allStructs() []reflect.Type {
	return []reflect.Type{
		reflect.TypeFor[journey.Journey](), reflect.TypeFor[journey.Stage](), reflect.TypeFor[journey.Opportunity](),
		reflect.TypeFor[persona.Persona](), reflect.TypeFor[persona.Demographics](),
		reflect.TypeFor[touchpoint.Touchpoint](), reflect.TypeFor[touchpoint.Support](),
		reflect.TypeFor[painpoint.PainPoint](), reflect.TypeFor[metric.Metric](),
	}
}

// decoded returns the published schema as generic JSON.
func decoded(t *testing.T, name string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(published[name].data(), &m))
	return m
}

// objects returns every object schema (one with properties) in s, keyed by
// a readable location.
func objects(s map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{"(root)": s}
	defs, _ := s["$defs"].(map[string]any)
	for name, d := range defs {
		if d := d.(map[string]any); d["properties"] != nil {
			out[name] = d
		}
	}
	return out
}

func TestSchemaHeader(t *testing.T) {
	for name, p := range published {
		s := decoded(t, name)
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"], name)
		assert.Equal(t, p.id, s["$id"], name)
		assert.True(t, strings.HasPrefix(p.id, "https://journeymap.dev/schema/v1/"), name)
		assert.NotEmpty(t, s["title"], name)
		assert.NotEmpty(t, s["description"], name)
	}
}

func TestEveryPropertyHasTitleAndDescription(t *testing.T) {
	for name := range published {
		for where, obj := range objects(decoded(t, name)) {
			assert.NotEmpty(t, obj["title"], "%s %s", name, where)
			assert.NotEmpty(t, obj["description"], "%s %s", name, where)
			for prop, p := range obj["properties"].(map[string]any) {
				p := p.(map[string]any)
				assert.NotEmpty(t, p["title"], "%s %s.%s title", name, where, prop)
				assert.NotEmpty(t, p["description"], "%s %s.%s description", name, where, prop)
			}
		}
	}
}

func TestAdditionalPropertiesFalseExceptExtensions(t *testing.T) {
	for name := range published {
		for where, obj := range objects(decoded(t, name)) {
			assert.Equal(t, false, obj["additionalProperties"], "%s %s", name, where)
			props := obj["properties"].(map[string]any)
			ext, ok := props["extensions"].(map[string]any)
			if assert.True(t, ok, "%s %s has no extensions", name, where) {
				assert.Equal(t, "object", ext["type"])
				assert.NotContains(t, ext, "additionalProperties", "%s %s: extensions take any members", name, where)
			}
		}
	}
}

func TestNoNullAnywhere(t *testing.T) {
	for name, p := range published {
		assert.NotContains(t, string(p.data()), `"null"`, name)
		assert.NotContains(t, string(p.data()), `nullable`, name)
	}
}

// contract is the required members of COMMON.md, by definition.
var contract = map[string][]string{
	"Journey":     {"schema_version", "title", "type"},
	"Persona":     {"name"},
	"Stage":       {"name", "phase"},
	"Touchpoint":  {"name", "channel"},
	"Support":     {"layer", "kind", "description"},
	"PainPoint":   {"title", "category", "severity"},
	"Opportunity": {"title"},
	"Metric":      {"name", "kind", "value"},
}

func TestRequiredMatchesContract(t *testing.T) {
	s := decoded(t, "journey")
	defs := s["$defs"].(map[string]any)
	defs["Journey"] = s
	for def, want := range contract {
		d := defs[def].(map[string]any)
		var got []string
		for _, r := range d["required"].([]any) {
			got = append(got, r.(string))
		}
		assert.Equal(t, want, got, def)
		assert.NotContains(t, got, "id", def)
		// Required strings are non-blank.
		for _, r := range got {
			p := d["properties"].(map[string]any)[r].(map[string]any)
			if p["type"] == "string" {
				assert.EqualValues(t, 1, p["minLength"], "%s.%s", def, r)
				assert.Equal(t, build.NonBlankPattern, p["pattern"], "%s.%s", def, r)
			}
		}
	}
	assert.NotContains(t, defs["Demographics"], "required")
	assert.Equal(t, []any{"name"}, decoded(t, "persona")["required"])
	assert.Equal(t, []any{"title", "category", "severity"}, decoded(t, "painpoint")["required"])
}

// NonBlankPattern must call blank exactly what strings.TrimSpace removes,
// under Go's regexp (the validator here) as written in the file.
func TestNonBlankPatternMatchesTrimSpace(t *testing.T) {
	s := compileFragment(t, `{"type":"string","pattern":`+quote(build.NonBlankPattern)+`}`)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || (r > 0x3000 && r < 0xFEFF) || r > 0x10000 && r%251 != 0 {
			continue // surrogates; and sample the ranges without white space
		}
		str := string(r)
		data, _ := json.Marshal(str)
		err := validate(t, s, data)
		blank := strings.TrimSpace(str) == ""
		if blank != (err != nil) {
			t.Errorf("U+%04X: TrimSpace blank=%v, schema rejects=%v", r, blank, err != nil)
		}
	}
	data, _ := json.Marshal(" \u3000x\u00a0")
	assert.NoError(t, validate(t, s, data), "a string with one visible character is not blank")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func compileFragment(t *testing.T, src string) *sj.Schema {
	t.Helper()
	doc, err := sj.UnmarshalJSON(strings.NewReader(src))
	require.NoError(t, err)
	c := sj.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("mem://fragment.json", doc))
	s, err := c.Compile("mem://fragment.json")
	require.NoError(t, err)
	return s
}

func TestRangesComeFromTheDomainConstants(t *testing.T) {
	s := decoded(t, "journey")
	defs := s["$defs"].(map[string]any)
	prop := func(def map[string]any, name string) map[string]any {
		return def["properties"].(map[string]any)[name].(map[string]any)
	}
	tp := defs["Touchpoint"].(map[string]any)
	assert.Equal(t, touchpoint.MinEmotion, prop(tp, "emotion")["minimum"])
	assert.Equal(t, touchpoint.MaxEmotion, prop(tp, "emotion")["maximum"])
	pe := prop(tp, "persona_emotions")
	assert.Equal(t, uuidSchema, pe["propertyNames"])
	assert.Equal(t, map[string]any{"type": "number", "minimum": touchpoint.MinEmotion, "maximum": touchpoint.MaxEmotion}, pe["additionalProperties"])
	op := defs["Opportunity"].(map[string]any)
	for _, name := range []string{"impact", "effort"} {
		assert.Equal(t, "integer", prop(op, name)["type"])
		assert.EqualValues(t, journey.MinScore, prop(op, name)["minimum"])
		assert.EqualValues(t, journey.MaxScore, prop(op, name)["maximum"])
	}
	assert.Equal(t, "integer", prop(s, "review_every_days")["type"])
	assert.EqualValues(t, 1, prop(s, "review_every_days")["minimum"])
	assert.EqualValues(t, journey.MaxReviewEveryDays, prop(s, "review_every_days")["maximum"])
	m := defs["Metric"].(map[string]any)
	for _, name := range []string{"value", "target"} {
		assert.Equal(t, "number", prop(m, name)["type"])
		assert.EqualValues(t, metric.MinValue, prop(m, name)["minimum"], name)
		assert.EqualValues(t, metric.MaxValue, prop(m, name)["maximum"], name)
	}
	assert.EqualValues(t, journey.SchemaVersion, prop(s, "schema_version")["const"])
	assert.Equal(t, "date-time", prop(s, "reviewed_at")["format"])
	assert.Equal(t, uuidSchema, withoutAnnotations(prop(s, "id")))
	assert.Equal(t, build.LanguagePattern, prop(s, "language")["pattern"])
}

// TestEveryNumberHasFiniteBounds walks each published schema: every number
// and integer has a minimum and a maximum (or is a const) that a person can
// use as a form's limits, never the ends of a float64.
func TestEveryNumberHasFiniteBounds(t *testing.T) {
	for _, name := range schema.Names() {
		for _, lang := range schema.Languages() {
			data, err := schema.Lookup(name, lang)
			require.NoError(t, err)
			want := 0
			if name == "journey" {
				// schema_version (a const), review_every_days, metric value
				// and target, emotion, persona emotions, impact, effort.
				want = 8
			}
			checkNumberBounds(t, name+" ("+lang+")", data, want)
		}
	}
}

// checkNumberBounds checks the numbers of one schema; wantNumbers is how
// many number and integer schemas it holds.
func checkNumberBounds(t *testing.T, name string, data []byte, wantNumbers int) {
	var doc any
	require.NoError(t, json.Unmarshal(data, &doc))
	numbers := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if typ := v["type"]; typ == "number" || typ == "integer" {
				numbers++
				if _, isConst := v["const"]; !isConst {
					lo, okLo := v["minimum"].(float64)
					hi, okHi := v["maximum"].(float64)
					assert.True(t, okLo && okHi, "%s %s: a number without both bounds: %v", name, path, v)
					assert.LessOrEqual(t, hi, metric.MaxValue, "%s %s: maximum", name, path)
					assert.GreaterOrEqual(t, lo, metric.MinValue, "%s %s: minimum", name, path)
				}
			}
			for k, e := range v {
				walk(path+"/"+k, e)
			}
		case []any:
			for i, e := range v {
				walk(fmt.Sprintf("%s/%d", path, i), e)
			}
		}
	}
	walk("", doc)
	assert.Equal(t, wantNumbers, numbers, "%s: the numbers checked", name)
}

// uuidSchema is how every uuid is described: the nil UUID is not an id.
var uuidSchema = map[string]any{"type": "string", "format": "uuid", "pattern": build.UUIDPattern, "not": map[string]any{"const": "00000000-0000-0000-0000-000000000000"}}

func withoutAnnotations(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if k != "title" && k != "description" {
			out[k] = v
		}
	}
	return out
}

func TestEnumsListThePackagesValues(t *testing.T) {
	want := map[string][]string{
		"Type":        strs(journey.Types()),
		"Phase":       strs(journey.Phases()),
		"Status":      strs(journey.Statuses()),
		"Lifecycle":   strs(persona.Lifecycles()),
		"Channel":     strs(channel.Channels()),
		"Mode":        strs(channel.Modes()),
		"Initiator":   strs(touchpoint.Initiators()),
		"Layer":       strs(touchpoint.Layers()),
		"SupportKind": strs(touchpoint.SupportKinds()),
		"Category":    strs(painpoint.Categories()),
		"Severity":    strs(painpoint.Severities()),
		"Kind":        strs(metric.Kinds()),
		"Better":      strs(metric.Betters()),
	}
	defs := decoded(t, "journey")["$defs"].(map[string]any)
	for name, values := range want {
		d := defs[name].(map[string]any)
		assert.Equal(t, "string", d["type"], name)
		assert.NotEmpty(t, d["title"], name)
		assert.NotEmpty(t, d["description"], name)
		assert.NotContains(t, d, "enum", "%s: with enum beside oneOf, form builders show raw values instead of titles", name)
		var consts []string
		for _, o := range d["oneOf"].([]any) {
			o := o.(map[string]any)
			consts = append(consts, o["const"].(string))
			assert.NotEmpty(t, o["title"], "%s %s", name, o["const"])
		}
		assert.Equal(t, values, consts, name)
	}
	// Titles and value descriptions read as English.
	kinds := defs["Kind"].(map[string]any)["oneOf"].([]any)
	assert.Equal(t, "CSAT", kinds[3].(map[string]any)["title"])
	types := defs["Type"].(map[string]any)["oneOf"].([]any)
	assert.Equal(t, map[string]any{"const": "day_in_the_life", "title": "Day in the life", "description": "Maps a whole ordinary day, related to the product or not."}, types[2])
	cats := defs["Category"].(map[string]any)["oneOf"].([]any)
	assert.Equal(t, "Paying too much, poor value for money.", cats[0].(map[string]any)["description"])
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestAcceptsBaseDocuments(t *testing.T) {
	assert.NoError(t, validate(t, compile(t, "journey"), []byte(baseJourney)))
	assert.NoError(t, validate(t, compile(t, "persona"), []byte(basePersona)))
	assert.NoError(t, validate(t, compile(t, "painpoint"), []byte(basePainPoint)))
	// The smallest journey: ids may be left out.
	assert.NoError(t, validate(t, compile(t, "journey"), []byte(`{"schema_version":1,"title":"T","type":"current_state"}`)))
	// Extensions take anything, nulls included, at any depth.
	assert.NoError(t, validate(t, compile(t, "journey"), []byte(`{"schema_version":1,"title":"T","type":"current_state","extensions":{"a":null,"b":[1,{"c":null}]}}`)))
}

func TestAcceptsExampleJourneys(t *testing.T) {
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	s := compile(t, "journey")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NoError(t, validate(t, s, data), f)
	}
}

// invalidDir holds the committed table of invalid documents.
const invalidDir = "testdata/invalid"

func TestInvalidTableIsCurrent(t *testing.T) {
	cases := invalidCases()
	index, err := json.MarshalIndent(cases, "", "  ")
	require.NoError(t, err)
	index = append(index, '\n')
	golden.Check(t, filepath.Join(invalidDir, "index.json"), index)
	for _, c := range cases {
		golden.Check(t, filepath.Join(invalidDir, c.Name+".json"), caseFile(t, c))
	}
}

func TestSchemaRejectsInvalidTable(t *testing.T) {
	schemas := map[string]*sj.Schema{}
	for name := range published {
		schemas[name] = compile(t, name)
	}
	seen := map[string]bool{}
	for _, c := range invalidCases() {
		t.Run(c.Name, func(t *testing.T) {
			require.False(t, seen[c.Name], "duplicate case name")
			seen[c.Name] = true
			require.True(t, strings.HasPrefix(c.Name, c.Schema+"-"), "name starts with the schema")
			data, err := os.ReadFile(filepath.Join(invalidDir, c.Name+".json"))
			require.NoError(t, err)
			err = validate(t, schemas[c.Schema], data)
			var ve *sj.ValidationError
			require.ErrorAs(t, err, &ve, "the schema accepts a document that is %s", c.Reason)
			if badPropertyName(ve) {
				// santhosh-tekuri/jsonschema v6.0.3 reports a propertyNames
				// failure at a reused, garbled instance location.
				return
			}
			assert.Contains(t, leafLocations(ve), c.At, "the schema rejects it, but not at %q:\n%v", c.At, err)
		})
	}
}

func badPropertyName(e *sj.ValidationError) bool {
	if _, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		return true
	}
	return slices.ContainsFunc(e.Causes, badPropertyName)
}

// leafLocations returns the JSON pointers of the innermost causes of e.
func leafLocations(e *sj.ValidationError) []string {
	if len(e.Causes) == 0 {
		p := ""
		for _, tok := range e.InstanceLocation {
			p += "/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
		}
		return []string{p}
	}
	var out []string
	for _, c := range e.Causes {
		out = append(out, leafLocations(c)...)
	}
	return out
}

func TestReflectMatchesPublishedDefinitions(t *testing.T) {
	// A caller's type that embeds journeymap types, one of them under a
	// name journeymap also uses.
	type Stage struct {
		Label string `json:"label"`
	}
	type Saved struct {
		Owner   string           `json:"owner"`
		Journey *journey.Journey `json:"journey"`
		Extra   []persona.Persona
		Local   Stage `json:"local"`
	}
	s, err := schema.Reflect(Saved{})
	require.NoError(t, err)
	got, err := build.Encode(s)
	require.NoError(t, err)
	var gotDoc map[string]any
	require.NoError(t, json.Unmarshal(got, &gotDoc))
	gotDefs := gotDoc["$defs"].(map[string]any)

	pub := decoded(t, "journey")
	pubDefs := pub["$defs"].(map[string]any)
	root := map[string]any{}
	for k, v := range pub {
		if !strings.HasPrefix(k, "$") {
			root[k] = v
		}
	}
	pubDefs["Journey"] = root
	for name, def := range pubDefs {
		assert.Equal(t, def, gotDefs[name], "definition %s differs from the published one", name)
	}
	// The caller's own types keep jsonschema's defaults.
	saved := gotDefs["Saved"].(map[string]any)
	assert.Equal(t, []any{"owner", "journey", "Extra", "local"}, saved["required"])
	assert.Equal(t, map[string]any{"$ref": "#/$defs/schema_test.Stage"}, saved["properties"].(map[string]any)["local"])
	assert.Contains(t, gotDefs, "schema_test.Stage")
}

func TestReflectRejectsWhatJSONCannotHold(t *testing.T) {
	_, err := schema.Reflect(nil)
	assert.Error(t, err)
	_, err = schema.Reflect(struct{ C chan int }{})
	assert.Error(t, err)
}

func TestEmbeddedBytesAreCopies(t *testing.T) {
	a := schema.Journey()
	a[0] = 'X'
	assert.Equal(t, byte('{'), schema.Journey()[0])
}

func TestReflectRefinesEmbeddedStructs(t *testing.T) {
	type Wrapped struct {
		journey.Stage
		Note string `json:"note"`
	}
	s, err := schema.Reflect(&Wrapped{})
	require.NoError(t, err)
	got, err := build.Encode(s)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(got, &doc))
	defs := doc["$defs"].(map[string]any)
	w := defs["Wrapped"].(map[string]any)
	assert.Equal(t, []any{"name", "phase", "note"}, w["required"], "the stage's id is not required")
	props := w["properties"].(map[string]any)
	pub := decoded(t, "journey")["$defs"].(map[string]any)["Stage"].(map[string]any)["properties"].(map[string]any)
	for name, p := range pub {
		assert.Equal(t, p, props[name], "inlined property %s", name)
	}
	assert.Contains(t, defs, "Phase", "the enum definition comes along")

	doc2 := `{"name":"Checkout","phase":"during_purchase","note":"n"}`
	c := sj.NewCompiler()
	c.AssertFormat()
	inst, err := sj.UnmarshalJSON(bytes.NewReader(got))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("mem://wrapped.json", inst))
	compiled, err := c.Compile("mem://wrapped.json")
	require.NoError(t, err)
	assert.NoError(t, validate(t, compiled, []byte(doc2)))
	assert.Error(t, validate(t, compiled, []byte(`{"name":" ","phase":"during_purchase","note":"n"}`)))
}
