package e2e

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
)

// repoRoot is the module root, seen from this package's folder.
const repoRoot = ".."

// goldenJourneys lists the example journeys and every golden journey document
// committed under a testdata folder (a JSON file whose path names it golden and
// whose top-level object has schema_version), relative paths sorted.
func goldenJourneys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "examples", "journeys", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no example journeys under examples/journeys")
	err = filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "invalid") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".json") || !strings.Contains(filepath.ToSlash(path), "/testdata/") ||
			!strings.Contains(strings.ToLower(path), "golden") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(data, &top) == nil && top["schema_version"] != nil {
			files = append(files, path)
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

// invalidCase is one entry of schema/testdata/invalid/index.json.
type invalidCase struct {
	File   string `json:"file"`
	Schema string `json:"schema"`
	At     string `json:"at"`
	Reason string `json:"reason"`
}

// TestSchemaWithAjv compiles the published schemas (journey, persona, pain
// point) with ajv 8 (Ajv2020, ajv-formats, strict mode), checks that the
// journey schema accepts every example, golden and hostile-corpus journey, and
// that every document of the schema's invalid-document table
// (schema/testdata/invalid/index.json) is rejected by the schema it names.
func TestSchemaWithAjv(t *testing.T) {
	requireClients(t, false)
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	schemas := map[string]string{}
	for _, name := range []string{"journey", "persona", "painpoint"} {
		schemas[name] = filepath.Join(root, "schema", name+".schema.json")
		require.FileExists(t, schemas[name])
	}

	var files []schemaFile
	for _, f := range goldenJourneys(t) {
		abs, err := filepath.Abs(f)
		require.NoError(t, err)
		files = append(files, schemaFile{File: abs, Schema: "journey"})
	}
	tmp := t.TempDir()
	for _, nj := range hostileJourneys() {
		data, err := journey.Marshal(nj.j)
		require.NoError(t, err, nj.name)
		path := filepath.Join(tmp, nj.name+".json")
		require.NoError(t, os.WriteFile(path, data, 0o600))
		files = append(files, schemaFile{File: path, Schema: "journey"})
	}
	nValid := len(files)

	index, err := os.ReadFile(filepath.Join(root, "schema", "testdata", "invalid", "index.json"))
	require.NoError(t, err)
	var cases []invalidCase
	require.NoError(t, json.Unmarshal(index, &cases))
	require.NotEmpty(t, cases, "the invalid-document table is empty")
	for _, c := range cases {
		require.Contains(t, schemas, c.Schema, "%s names an unknown schema", c.File)
		files = append(files, schemaFile{File: filepath.Join(root, "schema", "testdata", "invalid", c.File+".json"), Schema: c.Schema})
	}

	var out schemaOutput
	runNode(t, "schema-check.mjs", map[string]any{"schemas": schemas, "files": files}, &out)
	require.Empty(t, out.CompileErrors, "ajv (strict mode) refuses a schema")
	require.Len(t, out.Results, len(files))
	for i, r := range out.Results {
		name := strings.TrimPrefix(strings.TrimPrefix(r.File, tmp), root)
		if i < nValid {
			assert.True(t, r.Valid, "ajv rejects %s: %v", name, r.Errors)
			continue
		}
		c := cases[i-nValid]
		if !assert.False(t, r.Valid, "ajv accepts invalid document %s (%s at %s)", name, c.Reason, c.At) {
			continue
		}
		// ajv must object at the place the table names (or at its parent,
		// where ajv reports a missing or extra member).
		var paths []string
		at := false
		for _, e := range r.Errors {
			paths = append(paths, e.Path)
			at = at || e.Path == c.At || strings.HasPrefix(c.At, e.Path+"/")
		}
		assert.True(t, at, "%s: ajv objects at %v, the table says %s", name, paths, c.At)
	}
	t.Logf("ajv accepted %d journeys and rejected %d invalid documents", nValid, len(cases))
}
