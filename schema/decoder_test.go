package schema_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// libraryCheck decodes data with the library's own strict decoder for the
// named schema and validates the result: the library's verdict.
func libraryCheck(name string, data []byte) error {
	switch name {
	case "journey":
		j, err := journey.Unmarshal(data)
		if err != nil {
			return err
		}
		return j.Validate()
	case "persona":
		p, err := persona.Unmarshal(data)
		if err != nil {
			return err
		}
		return p.Validate()
	case "painpoint":
		p, err := painpoint.Unmarshal(data)
		if err != nil {
			return err
		}
		return p.Validate()
	}
	panic("unknown schema " + name)
}

// docPath turns a JSON pointer into the library's path notation:
// "/stages/0/name" is "stages[0].name"; a key of persona_emotions is quoted.
func docPath(pointer string) string {
	if pointer == "" {
		return ""
	}
	path := ""
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, p := range parts {
		switch n, err := strconv.Atoi(p); {
		case err == nil:
			path = docerr.Index(path, n)
		case i > 0 && parts[i-1] == "persona_emotions":
			path = docerr.Key(path, p)
		default:
			path = docerr.Join(path, p)
		}
	}
	return path
}

// TestLibraryRejectsInvalidTable runs every document the schema rejects
// through the library's decoder and Validate: they must agree, except for
// the cases that name their disagreement.
func TestLibraryRejectsInvalidTable(t *testing.T) {
	for _, c := range invalidCases() {
		t.Run(c.Name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(invalidDir, c.Name+".json"))
			require.NoError(t, err)
			err = libraryCheck(c.Schema, data)
			if c.Disagreement != "" {
				assert.NoError(t, err, "the library now rejects this case too: remove its disagreement note")
				t.Logf("known disagreement: the schema rejects, the library accepts: %s", c.Disagreement)
				return
			}
			require.Error(t, err, "the schema rejects a document that is %s, but the library accepts it", c.Reason)
			var list docerr.List
			if !errors.As(err, &list) {
				t.Fatalf("error is not a docerr.List: %v", err)
			}
			want := docPath(c.At)
			var paths []string
			for _, e := range list {
				paths = append(paths, e.Path)
			}
			found := false
			for _, p := range paths {
				found = found || p == want || strings.HasPrefix(p, want+".") || strings.HasPrefix(p, want+"[") || want == ""
			}
			assert.True(t, found, "the library rejects it, but not at %q: %v", want, paths)
		})
	}
}

// accepted are documents at the edges of what the format allows; both the
// schema and the library must accept each.
var accepted = map[string]string{
	"minimal":                 `{"schema_version":1,"title":"T","type":"current_state"}`,
	"upper-case-uuid":         `{"schema_version":1,"id":"` + strings.ToUpper("6ba7b810-9dad-11d1-80b4-00c04fd430c8") + `","title":"T","type":"future_state"}`,
	"time-nanoseconds-offset": `{"schema_version":1,"title":"T","type":"current_state","reviewed_at":"2026-01-02T03:04:05.123456789+07:00"}`,
	"emotion-bounds": `{"schema_version":1,"title":"T","type":"current_state","personas":[{"id":"` + personaID + `","name":"P"}],
	  "stages":[{"name":"S","phase":"after_purchase","touchpoints":[
	    {"name":"a","channel":"other","emotion":-2,"persona_emotions":{"` + personaID + `":2}},
	    {"name":"b","channel":"staff","emotion":2.0,"persona_emotions":{}}]}]}`,
	"metric-bounds": `{"schema_version":1,"title":"T","type":"current_state","review_every_days":36500,"stages":[{"name":"S","phase":"before_purchase",
	  "metrics":[{"name":"a","kind":"count","value":1000000000000000,"target":-1e15},{"name":"b","kind":"custom","value":-999999999999999.9,"target":1E+15}]}]}`,
	"score-bounds":                 `{"schema_version":1,"title":"T","type":"current_state","review_every_days":1,"opportunities":[{"title":"O","impact":1,"effort":5,"status":"done"}]}`,
	"empty-lists":                  `{"schema_version":1,"title":"T","type":"current_state","personas":[],"stages":[{"name":"S","phase":"before_purchase","questions":[],"touchpoints":[],"metrics":[]}],"opportunities":[]}`,
	"empty-optionals":              `{"schema_version":1,"title":"T","type":"current_state","description":"","objective":"","language":"","owner":""}`,
	"extensions-nested":            `{"schema_version":1,"title":"T","type":"current_state","extensions":{"a":null,"b":[1,{"c":"\u2028"}],"d":1E+2}}`,
	"blank-optional-text":          `{"schema_version":1,"title":"T","type":"current_state","description":"   ","stages":[{"name":"S","phase":"before_purchase","questions":[" "]}]}`,
	"title-with-visible-character": `{"schema_version":1,"title":" \u00a0x ","type":"day_in_the_life"}`,
	"metric-negative-and-exponent": `{"schema_version":1,"title":"T","type":"current_state","stages":[{"name":"S","phase":"before_purchase","metrics":[{"name":"NPS","kind":"nps","value":-35,"target":1e1}]}]}`,
	"language-long-subtags":        `{"schema_version":1,"title":"T","type":"current_state","language":"zh-Hant-TW"}`,
}

func TestSchemaAndLibraryAcceptEdges(t *testing.T) {
	s := compile(t, "journey")
	for name, doc := range accepted {
		assert.NoError(t, validate(t, s, []byte(doc)), "schema: %s", name)
		assert.NoError(t, libraryCheck("journey", []byte(doc)), "library: %s", name)
	}
}

// TestSchemaAcceptsValidGoldenJourneys accepts every JSON file under a
// testdata directory of the module that the library reads as a valid
// journey (other files there are reports and fixtures of other kinds).
func TestSchemaAcceptsValidGoldenJourneys(t *testing.T) {
	s := compile(t, "journey")
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(path) != ".json" || !strings.Contains(filepath.ToSlash(path), "/testdata/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if libraryCheck("journey", data) != nil {
			return nil
		}
		n++
		assert.NoError(t, validate(t, s, data), path)
		return nil
	})
	require.NoError(t, err)
	t.Logf("%d valid journeys under testdata", n)
}

func TestSchemaAcceptsExamplesTheLibraryAccepts(t *testing.T) {
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NoError(t, libraryCheck("journey", data), "the library rejects example %s", f)
	}
}

// Random valid journeys, encoded canonically, are valid against the schema;
// so are their personas and pain points against the standalone schemas.
func TestSchemaAcceptsRandomJourneys(t *testing.T) {
	js, ps, pps := compile(t, "journey"), compile(t, "persona"), compile(t, "painpoint")
	seeds := 300
	switch {
	case testing.Short():
		seeds = 30
	case raceEnabled:
		seeds = 100
	}
	for seed := range uint64(seeds) {
		j := randjourney.New(seed)
		require.NoError(t, j.Validate(), "seed %d", seed)
		data, err := journey.Marshal(j)
		require.NoError(t, err)
		if !assert.NoError(t, validate(t, js, data), "seed %d", seed) {
			continue
		}
		for _, p := range j.Personas {
			data, err := persona.Marshal(p)
			require.NoError(t, err)
			assert.NoError(t, validate(t, ps, data), "seed %d persona %s", seed, p.ID)
		}
		for _, p := range j.PainPoints() {
			data, err := painpoint.Marshal(p)
			require.NoError(t, err)
			assert.NoError(t, validate(t, pps, data), "seed %d pain point %s", seed, p.ID)
		}
	}
	big, err := journey.Marshal(randjourney.Generate(1, randjourney.OneMB))
	require.NoError(t, err)
	assert.NoError(t, validate(t, js, big), "a 1 MB journey")
}

// disagreements are the documents on which the schema and the library are
// known to differ, each with the reason. The test pins them, so a change on
// either side shows up here. Where the schema accepts and the library does
// not, JSON Schema cannot express the rule (it sees parsed values, not the
// text); where the library accepts and the schema does not, the schema is
// deliberately stricter, to the form the library writes.
var disagreements = []struct {
	name          string
	doc           string
	schemaAccepts bool
	why           string
}{
	{"integer-with-fraction", `{"schema_version":1,"title":"T","type":"current_state","review_every_days":2.0}`, true,
		"JSON Schema's integer is a value (2.0 is the integer 2); the library wants integer syntax"},
	{"integer-with-exponent", `{"schema_version":1,"title":"T","type":"current_state","opportunities":[{"title":"O","impact":3e0}]}`, true,
		"as above, for 3e0"},
	{"schema-version-with-fraction", `{"schema_version":1.0,"title":"T","type":"current_state"}`, true,
		"const 1 equals 1.0 in JSON Schema; the library wants the integer 1"},
	{"duplicate-key", `{"schema_version":1,"title":"T","title":"U","type":"current_state"}`, true,
		"validators see the parsed object, where one key wins; the library rejects duplicate keys"},
	{"invalid-utf8", "{\"schema_version\":1,\"title\":\"T\xff\",\"type\":\"current_state\"}", true,
		"JSON parsers replace invalid UTF-8 with U+FFFD before validation; the library rejects it"},
	{"lone-surrogate", `{"schema_version":1,"title":"T\ud800","type":"current_state"}`, true,
		"as above, for an unpaired UTF-16 surrogate escape"},
	{"extensions-too-deep", `{"schema_version":1,"title":"T","type":"current_state","extensions":` + strings.Repeat(`{"a":`, 70) + `1` + strings.Repeat(`}`, 70) + `}`, true,
		"extensions take any content in the schema; the library limits nesting to 64 levels"},
	{"duplicate-ids", `{"schema_version":1,"title":"T","type":"current_state","stages":[{"id":"` + stageID + `","name":"A","phase":"before_purchase"},{"id":"` + stageID + `","name":"B","phase":"after_purchase"}]}`, true,
		"uniqueness of ids across the whole tree is beyond JSON Schema; Validate reports it"},
	{"dangling-reference", `{"schema_version":1,"title":"T","type":"current_state","opportunities":[{"title":"O","pain_point_ids":["` + painPointID + `"]}]}`, true,
		"references between objects are beyond JSON Schema; Validate reports them"},
	{"time-comma-fraction", `{"schema_version":1,"title":"T","type":"current_state","reviewed_at":"2026-01-02T03:04:05,5Z"}`, false,
		"Go's time parser reads a comma before the fraction; the schema allows the '.' the library writes"},
	{"time-offset-24-hours", `{"schema_version":1,"title":"T","type":"current_state","reviewed_at":"2026-01-02T03:04:05+24:00"}`, false,
		"Go's time parser reads an offset of 24 hours; date-time (RFC 3339) stops at 23:59"},
}

func TestKnownDisagreements(t *testing.T) {
	s := compile(t, "journey")
	for _, d := range disagreements {
		schemaErr := validate(t, s, []byte(d.doc))
		libErr := libraryCheck("journey", []byte(d.doc))
		if d.schemaAccepts {
			assert.NoError(t, schemaErr, "%s: the schema now rejects it (%s)", d.name, d.why)
			assert.Error(t, libErr, "%s: the library now accepts it (%s)", d.name, d.why)
		} else {
			assert.Error(t, schemaErr, "%s: the schema now accepts it (%s)", d.name, d.why)
			assert.NoError(t, libErr, "%s: the library now rejects it (%s)", d.name, d.why)
		}
	}
}

// Hostile labels (markup, Mermaid breakers, control and bidi characters,
// 100 KB strings, every kind of white space around text) in every text
// field: the schema and the library agree on each journey.
func TestSchemaAndLibraryAgreeOnHostileLabels(t *testing.T) {
	s := compile(t, "journey")
	docs := []*journey.Journey{hostile.Journey()} // every label, in every field
	for _, label := range hostile.Labels() {
		if raceEnabled {
			break // one journey per label as well is slow under -race
		}
		docs = append(docs, hostile.JourneyFor(label))
	}
	for i, j := range docs {
		data, err := journey.Marshal(j)
		require.NoError(t, err)
		schemaErr := validate(t, s, data)
		libErr := libraryCheck("journey", data)
		assert.Equal(t, libErr == nil, schemaErr == nil, "journey %d: library says %v, schema says %v", i, libErr, schemaErr)
	}
}

// validDir holds the accepted edge documents, so that other validators (ajv
// in e2e, which runs every golden journey) check them too.
const validDir = "testdata/golden/valid"

func TestAcceptedEdgesAreCommitted(t *testing.T) {
	for name, doc := range accepted {
		golden.CheckString(t, filepath.Join(validDir, name+".json"), doc+"\n")
	}
}
