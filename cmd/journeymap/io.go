package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/sheet"
)

// displayName is how messages name an input: "-" is standard input.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// open opens the file name, or standard input for "-". A problem is
// reported on standard error and ok is false. Readers are streamed: each
// consumer applies its own size limit.
func (e *env) open(name string) (r io.ReadCloser, ok bool) {
	if name == "-" {
		return io.NopCloser(e.stdin), true
	}
	f, err := os.Open(name)
	if err == nil {
		var info os.FileInfo
		if info, err = f.Stat(); err == nil && info.IsDir() {
			err = errors.New("is a directory")
		}
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrNotExist):
			err = errors.New("no such file")
		case errors.As(err, &pe):
			err = pe.Err
		}
		fmt.Fprintf(e.stderr, "journeymap %s: %s: %v\n", e.name, displayName(name), err)
		return nil, false
	}
	return f, true
}

// problems returns the separate problems inside err: the entries of a
// docerr.List or sheet.Errors, or err itself.
func problems(err error) []error {
	var dl docerr.List
	if errors.As(err, &dl) {
		return dl.Unwrap()
	}
	var sl sheet.Errors
	if errors.As(err, &sl) {
		return sl.Unwrap()
	}
	return []error{err}
}

// problemCount is how many problems err holds: listed ones plus those a
// capped docerr.List only counted.
func problemCount(err error, listed int) int {
	var dl docerr.List
	if errors.As(err, &dl) {
		return dl.Count()
	}
	return listed
}

// report prints every problem of err as "file: problem", one per line,
// then a count when there are several.
func (e *env) report(name string, err error) {
	ps := problems(err)
	for _, p := range ps {
		fmt.Fprintf(e.stderr, "%s: %v\n", displayName(name), p)
	}
	if n := problemCount(err, len(ps)); n > 1 {
		fmt.Fprintf(e.stderr, "journeymap %s: %s: %d problems\n", e.name, displayName(name), n)
	}
}

// load reads, strictly decodes and validates the journey document name.
// Problems are reported with their JSON paths and ok is false.
func (e *env) load(name string) (j *journey.Journey, ok bool) {
	r, ok := e.open(name)
	if !ok {
		return nil, false
	}
	defer r.Close()
	j, err := journey.Decode(r, journey.DecodeOptions{})
	if err == nil {
		err = j.Validate()
	}
	if err != nil {
		e.report(name, err)
		return nil, false
	}
	return j, true
}

// importSheet reads a CSV spreadsheet; problems are reported by line and column.
func (e *env) importSheet(name string, opts sheet.Options) (*journey.Journey, bool) {
	r, ok := e.open(name)
	if !ok {
		return nil, false
	}
	defer r.Close()
	j, err := sheet.Import(r, opts)
	if err != nil {
		e.report(name, err)
		return nil, false
	}
	return j, true
}

// write sends data to standard output when out is "" or "-", else to the
// file out through a staged temporary file (see writeTo).
func (e *env) write(out string, data []byte) int {
	return e.writeTo(out, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeTo streams what produce writes to standard output when out is ""
// or "-". Otherwise it stages the output in a temporary file beside out;
// finish renames it into place once the command has succeeded, so out is
// only ever the previous file or the complete new one: a failed write (a
// full disk) or a failed command (funnel -strict with bad rows, analyze
// -fail-on) leaves the previous file untouched and no temporary file
// behind. Streaming keeps a large output out of memory.
func (e *env) writeTo(out string, produce func(w io.Writer) error) int {
	if out == "" || out == "-" {
		bw := bufio.NewWriter(e.stdout)
		err := produce(bw)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "journeymap %s: writing standard output: %v\n", e.name, err)
			return exitInvalid
		}
		return exitOK
	}
	tmp, err := stage(out, produce)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap %s: -o %s: %v\n", e.name, out, err)
		return exitInvalid
	}
	e.staged = append(e.staged, staged{tmp: tmp, out: out})
	return exitOK
}

// staged is an output written to the temporary file tmp, to be renamed to out.
type staged struct{ tmp, out string }

// tempFile is what stage writes to: an *os.File.
type tempFile interface {
	io.Writer
	Chmod(mode fs.FileMode) error
	Close() error
	Name() string
}

// createTemp creates stage's temporary files; tests replace it to make
// writes fail part way.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// stage writes what produce writes to a new temporary file in out's
// directory, with the mode of the file it will replace (0644 for a new
// one), and returns its name. On failure nothing is left behind.
func stage(out string, produce func(w io.Writer) error) (string, error) {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(out); err == nil {
		if info.IsDir() {
			return "", errors.New("is a directory")
		}
		mode = info.Mode().Perm()
	}
	f, err := createTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return "", pathErr(err)
	}
	bw := bufio.NewWriter(f)
	err = produce(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(mode)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", pathErr(err)
	}
	return f.Name(), nil
}

// finish ends a command that exited with code: when it succeeded, its
// staged outputs are renamed into place; otherwise they are removed and the
// previous files stay as they were. A failed rename makes the command fail.
func (e *env) finish(code int) int {
	for _, s := range e.staged {
		if code != exitOK {
			os.Remove(s.tmp)
			continue
		}
		if err := os.Rename(s.tmp, s.out); err != nil {
			os.Remove(s.tmp)
			fmt.Fprintf(e.stderr, "journeymap %s: -o %s: %v\n", e.name, s.out, pathErr(err))
			code = exitInvalid
		}
	}
	e.staged = nil
	return code
}

// pathErr drops the path from an *fs.PathError or *os.LinkError: messages
// name the -o flag's file themselves.
func pathErr(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// marshalJourney is the canonical indented form with a final newline.
func marshalJourney(j *journey.Journey) ([]byte, error) {
	data, err := journey.MarshalIndent(j, "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
