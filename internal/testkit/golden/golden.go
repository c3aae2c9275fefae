// Package golden compares test output with files kept under testdata/ and
// prints a readable diff when they differ. Run the tests with -update to
// rewrite the files instead.
//
// A package that uses it calls Main from TestMain, so that a golden file no
// test wrote any more is reported (or, with -update, removed) when the whole
// package ran:
//
//	func TestMain(m *testing.M) { golden.Main(m, "testdata/golden") }
//
//	func TestReport(t *testing.T) {
//		golden.Check(t, "testdata/golden/report.txt", got)
//	}
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

var (
	mu   sync.Mutex
	used = map[string]bool{}
)

// Check compares got with the file at path (relative to the package
// directory). With -update it writes got there instead. On a difference the
// test fails with the lines that differ and the command that refreshes the
// file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	path = filepath.Clean(path)
	mu.Lock()
	used[path] = true
	mu.Unlock()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %s is missing: run go test -update in this package and review the new file (%v)", path, err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("golden: %s is out of date: run go test -update in this package and review the change\n%s", path, Diff(string(want), string(got)))
	}
}

// CheckString is Check for a string.
func CheckString(t testing.TB, path, got string) {
	t.Helper()
	Check(t, path, []byte(got))
}

// Main runs the package's tests and then, when the whole package ran (no
// -run, -skip or -short filter) and passed, lists every file under dirs that
// no Check call named: an orphaned golden file fails the run, or is removed
// with -update.
func Main(m *testing.M, dirs ...string) {
	code := m.Run()
	if code == 0 && wholeRun() {
		orphans := Orphans(dirs...)
		for _, o := range orphans {
			if *update {
				_ = os.Remove(o)
				fmt.Fprintf(os.Stderr, "golden: removed orphaned %s\n", o)
				continue
			}
			fmt.Fprintf(os.Stderr, "golden: %s is checked by no test: delete it or run go test -update in this package\n", o)
			code = 1
		}
	}
	os.Exit(code)
}

func wholeRun() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return !testing.Short()
}

// Orphans returns the files under dirs that no Check call has named so far,
// sorted.
func Orphans(dirs ...string) []string {
	mu.Lock()
	defer mu.Unlock()
	var out []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if !used[filepath.Clean(p)] {
				out = append(out, p)
			}
			return nil
		})
	}
	sort.Strings(out)
	return out
}

// maxDiffLines bounds the lines Diff prints on each side.
const maxDiffLines = 40

// Diff describes how got differs from want line by line: the first differing
// line's number, then the differing run with "-" for want and "+" for got and
// two lines of context around it, at most 40 lines a side.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (-want +got):\n", pre+1)
	from := max(pre-2, 0)
	for _, l := range w[from:pre] {
		b.WriteString("  " + line(l))
	}
	side := func(sign string, ls, other []string) {
		for i, l := range ls {
			if i == maxDiffLines {
				fmt.Fprintf(&b, "%s … %d more lines\n", sign, len(ls)-i)
				return
			}
			at := 0
			if i < len(other) {
				at = firstDiff(l, other[i])
			}
			b.WriteString(sign + " " + cutAt(l, at))
		}
	}
	side("-", w[pre:len(w)-suf], g[pre:len(g)-suf])
	side("+", g[pre:len(g)-suf], w[pre:len(w)-suf])
	for _, l := range w[len(w)-suf : min(len(w), len(w)-suf+2)] {
		b.WriteString("  " + line(l))
	}
	return b.String()
}

// line shows one line of a diff: long lines cut, a missing final newline said.
func line(l string) string { return cutAt(l, 0) }

// cutAt is line for a line whose first difference with its counterpart is
// at byte at: a long line keeps a window around that byte, so the change
// shows even deep inside a one-line HTML or JSON document.
func cutAt(l string, at int) string {
	const width, before = 300, 100
	nl := strings.HasSuffix(l, "\n")
	l = strings.TrimSuffix(l, "\n")
	if len(l) > width {
		from := max(0, min(at-before, len(l)-width))
		head := ""
		if from > 0 {
			head = "…"
		}
		l = head + strings.ToValidUTF8(l[from:from+width], "") + fmt.Sprintf("… (%d bytes)", len(l))
	}
	if !nl {
		return l + "  (no newline at end)\n"
	}
	return l + "\n"
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
