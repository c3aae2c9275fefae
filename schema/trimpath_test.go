package schema_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

// callerProgram is a program of another module that reflects a schema of a
// journey; it prints the schema as JSON.
const callerProgram = `package main

import (
	"encoding/json"
	"os"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

func main() {
	s, err := schema.Reflect(journey.Journey{})
	if err != nil {
		panic(err)
	}
	json.NewEncoder(os.Stdout).Encode(s)
}
`

// Descriptions must not depend on reading source at run time: a program of
// another module, built with -trimpath and run from a directory without
// journeymap's source, reflects the same schema as this test does.
func TestReflectFromAnotherModuleUnderTrimpath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program of another module")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	dir := t.TempDir()
	goMod := "module example.com/caller\n\ngo 1.26\n\nrequire github.com/journeymap/journeymap v0.0.0\n\nreplace github.com/journeymap/journeymap => " + root + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(callerProgram), 0o644))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))

	bin := filepath.Join(dir, "caller")
	build := exec.Command(gobin, "build", "-trimpath", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build -trimpath: %s", out)

	run := exec.Command(bin)
	run.Dir = dir
	out, err = run.Output()
	require.NoError(t, err)

	want, err := schema.Reflect(journey.Journey{})
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	assert.JSONEq(t, string(wantJSON), string(out))

	var got struct {
		Defs map[string]struct {
			Description string `json:"description"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(out, &got))
	assert.Equal(t, "A customer journey map: who the customers are, the stages they go through, the touchpoints where they meet the brand, what hurts along the way and the ideas to improve it.", got.Defs["Journey"].Description)
}
