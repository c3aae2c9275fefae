package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltBinary builds the command and checks that the process's exit
// status, standard streams and standard input are wired to run.
func TestBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "journeymap")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	exec1 := func(stdin string, args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), out.String(), errOut.String()
		}
		require.NoError(t, err)
		return 0, out.String(), errOut.String()
	}

	code, out, _ := exec1("", "version")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "journeymap "), out)

	doc, err := os.ReadFile(current)
	require.NoError(t, err)
	code, out, _ = exec1(string(doc), "render", "-format", "mermaid", "-")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "journey\n"), out)

	code, _, errOut := exec1("", "validate", "missing.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "missing.json: no such file")

	code, _, errOut = exec1("", "render", "-format", "docx", current)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown format "docx"`)
}
