package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

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

// write sends data to the file out, or to standard output when out is ""
// or "-". The whole output is produced before the file is written, so a
// failed command never leaves half a file.
func (e *env) write(out string, data []byte) int {
	if out == "" || out == "-" {
		if _, err := e.stdout.Write(data); err != nil {
			fmt.Fprintf(e.stderr, "journeymap %s: writing standard output: %v\n", e.name, err)
			return exitInvalid
		}
		return exitOK
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Fprintf(e.stderr, "journeymap %s: -o %s: %v\n", e.name, out, err)
		return exitInvalid
	}
	return exitOK
}

// marshalJourney is the canonical indented form with a final newline.
func marshalJourney(j *journey.Journey) ([]byte, error) {
	data, err := journey.MarshalIndent(j, "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
