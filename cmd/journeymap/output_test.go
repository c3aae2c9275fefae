package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shortFile is a temporary file on a disk that fills up: it writes half of
// what it is given, then fails as a full disk does.
type shortFile struct{ *os.File }

func (f shortFile) Write(p []byte) (int, error) {
	n, _ := f.File.Write(p[:len(p)/2])
	return n, syscall.ENOSPC
}

// dirEntries lists the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestOutputIsAtomic: -o FILE is replaced only by a complete output of a
// command that succeeded; otherwise the previous file stays as it was and
// no temporary file is left in its directory.
func TestOutputIsAtomic(t *testing.T) {
	const previous = "previous output\n"
	bad := writeTemp(t, "bad.csv", "customer_id,touchpoint,timestamp\nann,Gets SMS updates from the courier,2026-11-01T10:00:00Z\nbob,Gets SMS updates from the courier,soon\n")
	for _, tc := range []struct {
		name      string
		args      []string // -o FILE is added
		failWrite bool     // the disk fills up half way through the write
		wantCode  int
		replaced  bool
		why       string
	}{
		{"success", []string{"analyze", current}, false, exitOK, true,
			"a successful command replaces the file with its whole output"},
		{"failing write", []string{"analyze", current}, true, exitInvalid, false,
			"a write that fails part way must not leave a truncated file"},
		{"failing command", []string{"funnel", "-strict", "-journey", current, "-events", bad}, false, exitInvalid, false,
			"funnel -strict with bad rows fails after producing its output: the output is not kept"},
		{"failing gate", []string{"analyze", "-fail-on", "info", current}, false, exitInvalid, false,
			"analyze -fail-on failing is a failed command too"},
		{"render succeeds", []string{"render", "-format", "mermaid", current}, false, exitOK, true,
			"every command writes through the same path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.txt")
			require.NoError(t, os.WriteFile(out, []byte(previous), 0o640))
			if tc.failWrite {
				saved := createTemp
				createTemp = func(dir, pattern string) (tempFile, error) {
					f, err := os.CreateTemp(dir, pattern)
					return shortFile{f}, err
				}
				t.Cleanup(func() { createTemp = saved })
			}
			r := cli(t, "", append(tc.args, "-o", out)...)
			assert.Equal(t, tc.wantCode, r.code, "%s\n%s", tc.why, r.stderr)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			if tc.replaced {
				assert.NotEqual(t, previous, string(got), tc.why)
				assert.NotEmpty(t, got, tc.why)
				info, err := os.Stat(out)
				require.NoError(t, err)
				assert.Equal(t, fs.FileMode(0o640), info.Mode().Perm(), "the replaced file keeps its mode")
			} else {
				assert.Equal(t, previous, string(got), tc.why)
			}
			assert.Equal(t, []string{"out.txt"}, dirEntries(t, dir), "no temporary file is left behind")
			if tc.failWrite {
				assert.Contains(t, r.stderr, "-o "+out+": no space left on device")
			}
		})
	}
}

// TestOutputNewFile: a new file gets mode 0644 like any file the command
// creates, and an output into a missing directory fails naming it.
func TestOutputNewFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "new.json")
	r := cli(t, "", "schema", "-o", out)
	require.Equal(t, exitOK, r.code, r.stderr)
	info, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), info.Mode().Perm())
	assert.Equal(t, []string{"new.json"}, dirEntries(t, dir))

	r = cli(t, "", "schema", "-o", filepath.Join(dir, "no", "such", "dir.json"))
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "no such file or directory")

	r = cli(t, "", "schema", "-o", dir)
	assert.Equal(t, exitInvalid, r.code, "a directory is never replaced")
	assert.Contains(t, r.stderr, "is a directory")
}
