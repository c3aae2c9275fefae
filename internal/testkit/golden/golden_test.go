package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiff(t *testing.T) {
	cases := []struct {
		why, want, got string
		has            []string
	}{
		{"equal texts have no diff", "a\nb\n", "a\nb\n", nil},
		{"a changed line shows both sides and its number", "a\nb\nc\n", "a\nB\nc\n",
			[]string{"line 2", "- b\n", "+ B\n", "  a\n", "  c\n"}},
		{"an added line shows on the got side only", "a\nc\n", "a\nb\nc\n",
			[]string{"line 2", "+ b\n"}},
		{"a missing final newline is said", "a\n", "a",
			[]string{"(no newline at end)"}},
		{"a long line is cut around its first difference, not at its start",
			strings.Repeat("x", 1000) + "a" + strings.Repeat("z", 1000) + "\n",
			strings.Repeat("x", 1000) + "b" + strings.Repeat("z", 1000) + "\n",
			[]string{"- …" + strings.Repeat("x", 100) + "a", "+ …" + strings.Repeat("x", 100) + "b", "(2001 bytes)"}},
	}
	for _, c := range cases {
		d := Diff(c.want, c.got)
		if c.has == nil {
			assert.Empty(t, d, c.why)
		}
		for _, h := range c.has {
			assert.Contains(t, d, h, c.why)
		}
	}
}

func TestDiffIsBounded(t *testing.T) {
	want := strings.Repeat("x\n", 10_000)
	got := strings.Repeat("y\n", 10_000)
	d := Diff(want, got)
	assert.Less(t, strings.Count(d, "\n"), 2*maxDiffLines+10, "a huge difference prints a bounded diff")
	assert.Contains(t, d, "more lines")
}

// fakeT records failures without stopping the test that uses it.
type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper()                           {}
func (f *fakeT) Errorf(format string, args ...any) { f.failed = true; f.msg = format }
func (f *fakeT) Fatalf(format string, args ...any) { f.failed = true; f.msg = format }

func TestCheckAndOrphans(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("same\n"), 0o644))
	orphan := filepath.Join(dir, "old.txt")
	require.NoError(t, os.WriteFile(orphan, []byte("x"), 0o644))

	ft := &fakeT{TB: t}
	Check(ft, path, []byte("same\n"))
	assert.False(t, ft.failed, "equal output passes")

	ft = &fakeT{TB: t}
	Check(ft, path, []byte("other\n"))
	assert.True(t, ft.failed, "different output fails")
	assert.Contains(t, ft.msg, "out of date")

	ft = &fakeT{TB: t}
	Check(ft, filepath.Join(dir, "missing.txt"), nil)
	assert.True(t, ft.failed, "a missing golden file fails")

	assert.Equal(t, []string{orphan}, Orphans(dir), "the file no test checked is an orphan; the missing one is not listed")
}
