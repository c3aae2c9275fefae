package sheet

import (
	"errors"
	"fmt"
	"io"

	"github.com/journeymap/journeymap/i18n"
)

// source yields the rows of a sheet: csvReader for CSV text, rowSource for
// cells already split (a workbook's sheet).
type source interface {
	// Read returns the next row, io.EOF at the end, or a *rowError.
	Read() ([]string, error)
	// FieldPos returns the line (or row) where field i of the last row starts.
	FieldPos(i int) (line, column int)
}

// rowError is a malformed row: a stray quote, an unclosed quote, an
// over-long line.
type rowError struct {
	line int
	err  error
	most int  // errLongLine: the longest line allowed, in bytes
	stop bool // nothing after it can be read as rows
}

func (e *rowError) Error() string {
	return fmt.Sprintf("line %d: %s", e.line, e.detail(&i18n.English.Words().Import))
}

// detail says what is wrong in w's words.
func (e *rowError) detail(w *i18n.ImportWords) string {
	switch e.err {
	case errLongLine:
		return w.LineTooLong(e.most)
	case errOpenQuoted:
		return w.Unclosed
	case errQuote:
		return w.AfterQuote
	}
	return w.BareQuote
}

var (
	errBareQuote  = errors.New("bare quote")
	errQuote      = errors.New("quote")
	errLongLine   = errors.New("long line")
	errOpenQuoted = errors.New("open quote")
)

// csvReader reads RFC 4180 records from text already in memory, the way
// encoding/csv does without LazyQuotes, except that a quoted cell keeps its
// bytes exactly ("\r\n" inside a cell stays "\r\n"), a physical line longer
// than maxLine is an error naming it, and an unclosed quote is reported at
// the line where it opened.
type csvReader struct {
	s       string
	pos     int
	line    int // line of s[pos], 1-based
	comma   byte
	maxLine int
	starts  []int // line of each field of the last record
	done    bool
}

func newCSVReader(s string, comma rune, maxLine int) *csvReader {
	return &csvReader{s: s, line: 1, comma: byte(comma), maxLine: maxLine}
}

func (r *csvReader) FieldPos(i int) (int, int) {
	if i < 0 || i >= len(r.starts) {
		return r.line, 0
	}
	return r.starts[i], 0
}

// skipLine moves past the current physical line.
func (r *csvReader) skipLine() {
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		r.pos++
		if c == '\n' {
			r.line++
			return
		}
	}
}

// checkLine reports a physical line, starting at from, longer than maxLine.
func (r *csvReader) checkLine(from int) error {
	if r.maxLine <= 0 {
		return nil
	}
	end := len(r.s)
	if i := indexByteFrom(r.s, '\n', from); i >= 0 {
		end = i
	}
	if end-from > r.maxLine {
		return &rowError{line: r.line, err: errLongLine, stop: true, most: r.maxLine}
	}
	return nil
}

func indexByteFrom(s string, c byte, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func (r *csvReader) Read() ([]string, error) {
	if r.done {
		return nil, io.EOF
	}
	// Empty lines are not records.
	for {
		if r.pos >= len(r.s) {
			r.done = true
			return nil, io.EOF
		}
		if r.s[r.pos] == '\n' {
			r.pos++
			r.line++
			continue
		}
		if r.s[r.pos] == '\r' && r.pos+1 < len(r.s) && r.s[r.pos+1] == '\n' {
			r.pos += 2
			r.line++
			continue
		}
		break
	}
	if err := r.checkLine(r.pos); err != nil {
		r.done = true
		return nil, err
	}
	r.starts = r.starts[:0]
	var rec []string
	for {
		r.starts = append(r.starts, r.line)
		if r.pos < len(r.s) && r.s[r.pos] == '"' {
			open := r.line
			r.pos++
			var b []byte
			for {
				i := r.pos
				for i < len(r.s) && r.s[i] != '"' {
					if r.s[i] == '\n' {
						r.line++
						if err := r.checkLine(i + 1); err != nil {
							r.done = true
							return nil, err
						}
					}
					i++
				}
				b = append(b, r.s[r.pos:i]...)
				if i >= len(r.s) {
					r.done = true
					return nil, &rowError{line: open, err: errOpenQuoted, stop: true}
				}
				r.pos = i + 1 // after the quote
				if r.pos < len(r.s) && r.s[r.pos] == '"' {
					b = append(b, '"')
					r.pos++
					continue
				}
				break
			}
			rec = append(rec, string(b))
			switch {
			case r.pos >= len(r.s) || r.s[r.pos:] == "\r":
				r.pos = len(r.s)
				return rec, nil
			case r.s[r.pos] == r.comma:
				r.pos++
				continue
			case r.s[r.pos] == '\n':
				r.pos++
				r.line++
				return rec, nil
			case r.s[r.pos] == '\r' && r.pos+1 < len(r.s) && r.s[r.pos+1] == '\n':
				r.pos += 2
				r.line++
				return rec, nil
			default:
				line := r.line
				r.skipLine()
				return nil, &rowError{line: line, err: errQuote}
			}
		}
		// An unquoted field runs to the delimiter or the line end.
		i := r.pos
		for i < len(r.s) && r.s[i] != r.comma && r.s[i] != '\n' {
			if r.s[i] == '"' {
				line := r.line
				r.skipLine()
				return nil, &rowError{line: line, err: errBareQuote}
			}
			i++
		}
		f := r.s[r.pos:i]
		r.pos = i
		if r.pos < len(r.s) && r.s[r.pos] == r.comma {
			rec = append(rec, f)
			r.pos++
			continue
		}
		if len(f) > 0 && f[len(f)-1] == '\r' {
			f = f[:len(f)-1] // "\r\n" ends the row; a last "\r" is dropped as encoding/csv does
		}
		rec = append(rec, f)
		if r.pos < len(r.s) {
			r.pos++
			r.line++
		}
		return rec, nil
	}
}

// rowSource serves rows already split into cells; row k is line k+1.
type rowSource struct {
	rows [][]string
	next int
}

func (r *rowSource) Read() ([]string, error) {
	for r.next < len(r.rows) {
		row := r.rows[r.next]
		r.next++
		if len(row) > 0 {
			return row, nil
		}
	}
	return nil, io.EOF
}

func (r *rowSource) FieldPos(int) (int, int) { return r.next, 0 }
