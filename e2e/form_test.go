package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

// formPackages are the npm packages the form check needs beyond the ones
// requireClients looks for.
var formPackages = []string{"@rjsf/core", "@rjsf/utils", "@rjsf/validator-ajv8", "react", "react-dom", "esbuild"}

// requireFormPackages skips the test (or fails it under JOURNEYMAP_E2E=1)
// unless the form library and its bundler are installed.
func requireFormPackages(t *testing.T) {
	t.Helper()
	var missing []string
	for _, pkg := range formPackages {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			missing = append(missing, "e2e/node_modules/"+pkg)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := "the form check needs " + strings.Join(missing, ", ") + " (run `npm ci` in e2e/, or `bash .ci/e2e`)"
	if os.Getenv(envForce) == "1" {
		t.Fatalf("%s (%s=1 makes this a failure)", msg, envForce)
	}
	t.Skipf("%s (set %s=1 to make this a failure)", msg, envForce)
}

type formSchema struct {
	Name string `json:"name"`
	Lang string `json:"lang"`
	Path string `json:"path"`
}

type formOutput struct {
	Strict  map[string]string `json:"strict"`
	Results []struct {
		Name          string          `json:"name"`
		Lang          string          `json:"lang"`
		PageErrors    []string        `json:"pageErrors"`
		Requests      []string        `json:"requests"`
		Labels        int             `json:"labels"`
		MissingTitles []string        `json:"missingTitles"`
		EmptyErrors   []formError     `json:"emptyErrors"`
		Errors        []formError     `json:"errors"`
		Data          json.RawMessage `json:"data"`
	} `json:"results"`
}

type formError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// TestSchemaBuildsAForm builds a react-jsonschema-form (@rjsf/core with
// @rjsf/validator-ajv8 on draft 2020-12) in Chromium from every published
// schema in every language, fills a document through the form's inputs
// (form-check.mjs), and checks that the form showed the schema's titles,
// refused the empty document, and produced a document the library decodes
// strictly and validates, holding what was typed. It also compiles every
// schema, the Vietnamese ones included, with ajv in strict mode.
func TestSchemaBuildsAForm(t *testing.T) {
	requireClients(t, true)
	requireFormPackages(t)
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	var schemas []formSchema
	for _, lang := range schema.Languages() {
		for _, name := range schema.Names() {
			path := filepath.Join(root, "schema", name+".schema.json")
			if lang != "en" {
				path = filepath.Join(root, "schema", lang, name+".schema.json")
			}
			require.FileExists(t, path)
			schemas = append(schemas, formSchema{Name: name, Lang: lang, Path: path})
		}
	}
	var out formOutput
	runNode(t, "form-check.mjs", map[string]any{"schemas": schemas}, &out)
	require.Len(t, out.Strict, len(schemas))
	for which, msg := range out.Strict {
		assert.Empty(t, msg, "ajv (strict mode) refuses %s", which)
	}
	require.Len(t, out.Results, len(schemas))
	for _, r := range out.Results {
		which := r.Name + " (" + r.Lang + ")"
		assert.Empty(t, r.PageErrors, "%s: the form logged errors", which)
		assert.Empty(t, r.Requests, "%s: the page fetched something", which)
		assert.Greater(t, r.Labels, 3, "%s: the form has fields", which)
		assert.Empty(t, r.MissingTitles, "%s: the form does not show these titles", which)
		assert.NotEmpty(t, r.EmptyErrors, "%s: the form submitted a document without its required members", which)
		assert.Empty(t, r.Errors, "%s: the form refused the filled document", which)
		require.NotEmpty(t, r.Data, "%s: the form produced no document", which)

		doc := wrapForJourney(t, r.Name, r.Data)
		j, err := journey.Decode(bytes.NewReader(doc), journey.DecodeOptions{})
		require.NoError(t, err, "%s: the library does not decode what the form produced:\n%s", which, doc)
		require.NoError(t, j.Validate(), "%s: the form's document is not valid:\n%s", which, doc)
		switch r.Name {
		case "journey":
			assert.Equal(t, "Đặt hàng lần đầu", j.Title)
			assert.Equal(t, journey.ServiceBlueprint, j.Type)
			require.Len(t, j.Stages, 1)
			require.Len(t, j.Stages[0].Touchpoints, 1)
			tp := j.Stages[0].Touchpoints[0]
			assert.Equal(t, "mobile_app", string(tp.Channel))
			assert.Empty(t, tp.Mode, "the form left the mode to the channel")
			require.NotNil(t, tp.Emotion)
			assert.Equal(t, -1.5, *tp.Emotion)
			require.Len(t, tp.PainPoints, 1)
			assert.Equal(t, "high", string(tp.PainPoints[0].Severity))
			require.Len(t, j.Stages[0].Metrics, 1)
			assert.Equal(t, 0.62, j.Stages[0].Metrics[0].Value)
			assert.Empty(t, j.Stages[0].Metrics[0].Better, "the form left the direction to the kind")
			require.Len(t, j.Opportunities, 1)
			assert.Equal(t, journey.Planned, j.Opportunities[0].Status)
		case "persona":
			require.Len(t, j.Personas, 1)
			assert.Equal(t, "Chị Lan", j.Personas[0].Name)
			assert.Equal(t, []string{"Mua đồ không cần ra khỏi nhà"}, j.Personas[0].Goals)
		case "painpoint":
			pp := j.Stages[0].Touchpoints[0].PainPoints
			require.Len(t, pp, 1)
			assert.Equal(t, "critical", string(pp[0].Severity))
		}
	}
}

// wrapForJourney returns the form's document as a journey document: a
// journey as it is, a persona in the personas of a journey, a pain point on
// a touchpoint.
func wrapForJourney(t *testing.T, name string, data json.RawMessage) []byte {
	t.Helper()
	switch name {
	case "journey":
		return data
	case "persona":
		return []byte(`{"schema_version":1,"title":"T","type":"current_state","personas":[` + string(data) + `]}`)
	case "painpoint":
		return []byte(`{"schema_version":1,"title":"T","type":"current_state","stages":[{"name":"S","phase":"before_purchase","touchpoints":[{"name":"P","channel":"website","pain_points":[` + string(data) + `]}]}]}`)
	}
	t.Fatalf("no journey wrapping for %s", name)
	return nil
}
