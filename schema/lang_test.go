package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	sj "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/schema"
	"github.com/journeymap/journeymap/schema/internal/build"
)

// lookup returns the named schema in lang as generic JSON.
func lookup(t *testing.T, name, lang string) map[string]any {
	t.Helper()
	data, err := schema.Lookup(name, lang)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

// annotations are the keywords that only tell people something; every
// other keyword constrains documents.
var annotations = map[string]bool{"title": true, "description": true, "examples": true, "$id": true, "$comment": true}

// constraints returns v without its annotations, at any depth. Under
// "properties" and "$defs" the keys are names, not keywords, and stay.
func constraints(v any, names bool) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if !names && annotations[k] {
				continue
			}
			out[k] = constraints(x, !names && (k == "properties" || k == "$defs"))
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = constraints(x, false)
		}
		return out
	}
	return v
}

func TestEveryLanguageHasTheSameConstraints(t *testing.T) {
	for _, name := range schema.Names() {
		en := lookup(t, name, "en")
		for _, lang := range schema.Languages() {
			other := lookup(t, name, lang)
			assert.Equal(t, constraints(en, false), constraints(other, false), "%s in %s constrains documents differently from English", name, lang)
			if lang != "en" {
				assert.NotEqual(t, en["title"], other["title"], "%s in %s has the English title", name, lang)
				assert.Equal(t, build.BaseID+lang+"/"+name+".schema.json", other["$id"], "%s in %s", name, lang)
			}
		}
	}
	// The comparison sees a changed constraint: it is not blind.
	vi := lookup(t, "journey", "vi")
	vi["required"] = []any{"title"}
	assert.NotEqual(t, constraints(lookup(t, "journey", "en"), false), constraints(vi, false))
}

// goIdentifier matches what only a Go programmer would write: a qualified
// name (channel.Channel, Kind.DefaultBetter), a word in camel case
// (PersonaIDs, DefaultMode, byteForByte), or the phrase "e.g." the doc
// comments used.
var goIdentifier = regexp.MustCompile(`\b[A-Za-z]+\.[A-Za-z]+\b|\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+[A-Z][A-Za-z]*\b|e\.g\.|byte-for-byte`)

// texts returns every title and description of s, with where it is.
func texts(s any, at string, out map[string]string) {
	switch s := s.(type) {
	case map[string]any:
		for k, v := range s {
			if str, ok := v.(string); ok && (k == "title" || k == "description") {
				out[at+"/"+k] = str
				continue
			}
			texts(v, at+"/"+k, out)
		}
	case []any:
		for i, v := range s {
			texts(v, fmt.Sprintf("%s/%d", at, i), out)
		}
	}
}

func TestNoTextMentionsAGoIdentifier(t *testing.T) {
	// The names the Go types use for fields and types, where they are not
	// also plain words.
	var goNames []string
	for _, st := range build.StructTypes() {
		goNames = append(goNames, st.Name())
		for i := range st.NumField() {
			goNames = append(goNames, st.Field(i).Name)
		}
	}
	for _, et := range build.EnumTypes() {
		goNames = append(goNames, et.Name())
	}
	plain := map[string]bool{}
	for _, w := range strings.Fields("Journey Stage Opportunity Persona Demographics Touchpoint Support Metric ID Title Description Type Objective Language Owner Personas Stages Opportunities Extensions Name Phase Questions Touchpoints Metrics Status Impact Effort Quote Lifecycle Goals Needs Frustrations Behaviors Gender Income Location Occupation Channel Mode Initiator Actions Thoughts Feelings Emotion Supports Layer Kind Category Severity Evidence Value Target Unit Better Source") {
		plain[w] = true
	}
	checked := 0
	for _, name := range schema.Names() {
		for _, lang := range schema.Languages() {
			all := map[string]string{}
			texts(lookup(t, name, lang), "", all)
			for at, text := range all {
				checked++
				text := strings.ReplaceAll(text, "TikTok", "Tiktok") // a brand, not code
				assert.NotRegexp(t, goIdentifier, text, "%s (%s) %s reads like Go", name, lang, at)
				for _, g := range goNames {
					if !plain[g] {
						assert.NotRegexp(t, `\b`+g+`\b`, text, "%s (%s) %s names the Go identifier %s", name, lang, at, g)
					}
				}
			}
		}
	}
	assert.Greater(t, checked, 500, "the walk found the texts")
	// The check catches what the old schemas said.
	for _, old := range []string{"PersonaIDs lists the personas.", "Absent means the channel's default (see channel.Channel.DefaultMode).", "Extensions holds data of other tools, kept byte-for-byte."} {
		assert.Regexp(t, goIdentifier, old)
	}
}

func TestLookup(t *testing.T) {
	assert.Equal(t, []string{"journey", "persona", "painpoint"}, schema.Names())
	assert.Equal(t, []string{"en", "vi"}, schema.Languages())
	for _, tt := range []struct {
		name, lang, wantTitle string
		why                   string
	}{
		{"journey", "", "Customer journey map", "no language is English"},
		{"journey", "en-GB", "Customer journey map", "any English tag is English"},
		{"journey", "vi", "Bản đồ hành trình khách hàng", "Vietnamese"},
		{"persona", "vi-VN", "Chân dung khách hàng", "a regional Vietnamese tag is Vietnamese"},
		{"painpoint", "VI", "Điểm đau", "tags are case-insensitive"},
	} {
		data, err := schema.Lookup(tt.name, tt.lang)
		require.NoError(t, err, tt.why)
		var m map[string]any
		require.NoError(t, json.Unmarshal(data, &m))
		assert.Equal(t, tt.wantTitle, m["title"], tt.why)
	}
	_, err := schema.Lookup("stage", "")
	assert.True(t, errors.Is(err, schema.ErrUnknown))
	assert.EqualError(t, err, `schema: unknown schema: no document "stage" (have journey, persona, painpoint)`)
	_, err = schema.Lookup("journey", "fr")
	assert.True(t, errors.Is(err, schema.ErrUnknown))
	assert.EqualError(t, err, `schema: unknown schema: no language "fr" (have en, vi)`)
	a, err := schema.Lookup("journey", "vi")
	require.NoError(t, err)
	a[0] = 'X'
	b, err := schema.Lookup("journey", "vi")
	require.NoError(t, err)
	assert.Equal(t, byte('{'), b[0], "the caller gets a copy")
}

func TestDefaults(t *testing.T) {
	s := lookup(t, "journey", "en")
	defs := s["$defs"].(map[string]any)
	prop := func(def map[string]any, name string) map[string]any {
		return def["properties"].(map[string]any)[name].(map[string]any)
	}
	assert.EqualValues(t, journey.SchemaVersion, prop(s, "schema_version")["default"], "the only version")
	assert.Equal(t, string(journey.Idea), prop(defs["Opportunity"].(map[string]any), "status")["default"])
	// A default the decoder does not fix is described, not declared.
	assert.NotContains(t, prop(defs["Touchpoint"].(map[string]any), "mode"), "default", "the mode depends on the channel")
	assert.NotContains(t, prop(defs["Metric"].(map[string]any), "better"), "default", "the direction depends on the kind")

	// The library reads a left-out status as the default: the page of an
	// opportunity without status and the page of one with "idea" are equal.
	page := func(status string) string {
		doc := `{"schema_version":1,"title":"T","type":"current_state","opportunities":[{"title":"O"` + status + `}]}`
		j, err := journey.Unmarshal([]byte(doc))
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, render.Markdown{}.Render(&b, j))
		return b.String()
	}
	assert.Equal(t, page(`,"status":"idea"`), page(""))
	assert.NotEqual(t, page(`,"status":"done"`), page(""), "the page shows the status")
}

// The Vietnamese titles of enum values are the words of journeymap's one
// catalog (package i18n), which its pages and reports print, so a form and
// a report name a thing alike.
func TestVietnameseValueTitlesAreTheCatalogsWords(t *testing.T) {
	w := i18n.Vietnamese.Words()
	byDef := map[string]func(string) string{
		"Category": w.Category, "Channel": w.Channel, "Initiator": w.Initiator,
		"Kind": w.MetricKind, "Layer": w.Layer, "Lifecycle": w.Lifecycle,
		"Mode": w.Mode, "Phase": w.Phase, "Severity": w.Severity,
		"Status": w.Status, "SupportKind": w.Kind, "Type": w.Type,
	}
	defs := lookup(t, "journey", "vi")["$defs"].(map[string]any)
	checked := 0
	for name, d := range defs {
		oneOf, ok := d.(map[string]any)["oneOf"].([]any)
		if !ok || name == "Better" {
			continue // the direction is a sentence on the page, not a name
		}
		word, ok := byDef[name]
		if !assert.True(t, ok, "enum %s has no words in the catalog", name) {
			continue
		}
		for _, o := range oneOf {
			o := o.(map[string]any)
			title := strings.ToLower(o["title"].(string))
			assert.Contains(t, title, strings.ToLower(word(o["const"].(string))), "%s %s: the schema's title is not the catalog's word", name, o["const"])
			checked++
		}
	}
	assert.Greater(t, checked, 50)
}

func TestExamplesAreValid(t *testing.T) {
	for _, name := range schema.Names() {
		for _, lang := range schema.Languages() {
			data, err := schema.Lookup(name, lang)
			require.NoError(t, err)
			doc, err := sj.UnmarshalJSON(bytes.NewReader(data))
			require.NoError(t, err)
			id := doc.(map[string]any)["$id"].(string)
			c := sj.NewCompiler()
			c.AssertFormat()
			require.NoError(t, c.AddResource(id, doc))
			seen := 0
			check := func(ptr string, props map[string]any) {
				for prop, p := range props {
					examples, _ := p.(map[string]any)["examples"].([]any)
					if len(examples) == 0 {
						continue
					}
					s, err := c.Compile(id + "#" + ptr + "/properties/" + prop)
					require.NoError(t, err)
					for _, e := range examples {
						seen++
						assert.NoError(t, s.Validate(e), "%s (%s) %s.%s example %v", name, lang, ptr, prop, e)
					}
				}
			}
			m := doc.(map[string]any)
			check("", m["properties"].(map[string]any))
			for def, d := range m["$defs"].(map[string]any) {
				if props, ok := d.(map[string]any)["properties"].(map[string]any); ok {
					check("/$defs/"+def, props)
				}
			}
			assert.Positive(t, seen, "%s (%s) has examples", name, lang)
		}
	}
}
