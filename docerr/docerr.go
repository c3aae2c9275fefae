// Package docerr defines how journeymap reports problems in a document: every
// problem is an *Error that names its place by JSON path (for example
// "stages[2].touchpoints[0].pain_points[1].severity") and wraps a sentinel
// that errors.Is can match. Many problems are reported at once as a List.
//
// The sentinels below are the only ones: the domain packages (journey,
// persona, painpoint, ...) return errors wrapping them and do not re-export
// them, so errors.Is(err, docerr.ErrRange) is the one way to match.
//
// A problem found while reading a text input also has a Position (line,
// column and byte offset). Position is a
// plain value type so that other reports of problems in text (spreadsheet
// rows, event logs) can embed it and print places the same way.
//
// A document can have millions of problems (a list of five million empty
// objects), so reporting is capped: a Collector keeps the first Max problems
// and only counts the rest, and the List it returns ends with one entry
// whose Err is an *Omitted carrying that count.
package docerr

import (
	"errors"
	"strconv"
	"strings"
)

// DefaultMaxProblems is how many problems a Collector with Max zero keeps
// (the decoders' and Validate's default cap).
const DefaultMaxProblems = 100

// Sentinels for the kinds of problem a document can have.
var (
	// ErrSyntax: the input is not well-formed JSON.
	ErrSyntax = errors.New("journeymap: malformed JSON")
	// ErrTooLarge: the input is larger than the decoder's size limit.
	ErrTooLarge = errors.New("journeymap: document too large")
	// ErrTooDeep: the input nests objects and arrays deeper than the decoder's limit.
	ErrTooDeep = errors.New("journeymap: document nested too deeply")
	// ErrInvalidUTF8: a string in the input is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("journeymap: invalid UTF-8")
	// ErrTrailingData: something other than white space follows the document.
	ErrTrailingData = errors.New("journeymap: data after the document")
	// ErrUnknownField: an object has a member the format does not define.
	ErrUnknownField = errors.New("journeymap: unknown field")
	// ErrDuplicateKey: an object names the same member twice.
	ErrDuplicateKey = errors.New("journeymap: duplicate key")
	// ErrType: a value has the wrong JSON type (a string where a number belongs, ...).
	ErrType = errors.New("journeymap: wrong type")
	// ErrRequired: a required value is missing or empty.
	ErrRequired = errors.New("journeymap: required value missing")
	// ErrRange: a number is outside its allowed range.
	ErrRange = errors.New("journeymap: value out of range")
	// ErrEnum: a value is not one of the allowed values of its enumeration.
	ErrEnum = errors.New("journeymap: unknown enum value")
	// ErrInvalid: a value is malformed (a bad UUID, time or language tag).
	ErrInvalid = errors.New("journeymap: invalid value")
	// ErrDuplicateID: two objects in one document share an id.
	ErrDuplicateID = errors.New("journeymap: duplicate id")
	// ErrUnknownRef: an id reference points at no object in the document.
	ErrUnknownRef = errors.New("journeymap: reference to unknown id")
	// ErrSchemaVersion: the document's schema_version is missing or not supported.
	ErrSchemaVersion = errors.New("journeymap: unsupported schema_version")
)

// Position is a place in a text input. Line and Column count from 1, the
// column in bytes; Offset is the byte offset from the start of the input,
// counting from 0. The zero Position means the place is not known (a problem
// found in a decoded value rather than in the text).
type Position struct {
	// Line is the 1-based line number; 0 means unknown.
	Line int
	// Column is the 1-based column, in bytes from the start of the line.
	Column int
	// Offset is the 0-based byte offset from the start of the input.
	Offset int64
}

// IsValid reports whether the position is known.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats a known position as "line 3, column 14 (offset 52)" and
// an unknown one as "".
func (p Position) String() string {
	if !p.IsValid() {
		return ""
	}
	return "line " + strconv.Itoa(p.Line) + ", column " + strconv.Itoa(p.Column) + " (offset " + strconv.FormatInt(p.Offset, 10) + ")"
}

// PositionOf returns the Position of byte offset off in data (off is
// clamped to len(data)). It scans data up to off, so call it only when
// reporting a problem.
func PositionOf(data []byte, off int) Position {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line, lineStart := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return Position{Line: line, Column: off - lineStart + 1, Offset: int64(off)}
}

// Error is one problem at one place in a document.
type Error struct {
	// Path is the JSON path of the value concerned, using the document's own
	// names: "stages[2].touchpoints[0].emotion". Empty means the whole document.
	Path string
	// Err is the sentinel (or an error wrapping one) saying what kind of problem it is.
	Err error
	// Detail says in plain words what is wrong, e.g. `emotion 3 is outside -2..2`.
	Detail string
	// Pos is where in the input text the problem is, when known: the
	// decoders set it for every problem they list. It is the zero Position
	// for a problem of a value built in Go (Validate, Marshal). Syntax
	// errors also say it in Detail.
	Pos Position
}

// Error formats the problem as "path: detail".
func (e *Error) Error() string {
	msg := e.Detail
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Path == "" {
		return msg
	}
	return e.Path + ": " + msg
}

// Unwrap returns the sentinel, so errors.Is(err, docerr.ErrRange) works.
func (e *Error) Unwrap() error { return e.Err }

// New returns an *Error at path wrapping sentinel, with a plain-words detail.
func New(path string, sentinel error, detail string) *Error {
	return &Error{Path: path, Err: sentinel, Detail: detail}
}

// List is many problems reported at once, in document order.
// A List is returned as an error only when it is not empty (see List.Err).
type List []*Error

// Error joins the problems one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns every problem, so errors.Is and errors.As look through all of them.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns nil for an empty list and the list itself otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Add appends a new problem.
func (l *List) Add(path string, sentinel error, detail string) {
	*l = append(*l, New(path, sentinel, detail))
}

// AddAll appends every problem of err under the path prefix. err may be nil,
// an *Error, a List, or any error (kept whole at prefix).
func (l *List) AddAll(prefix string, err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		for _, e := range list {
			*l = append(*l, e.under(prefix))
		}
		return
	}
	var one *Error
	if errors.As(err, &one) {
		*l = append(*l, one.under(prefix))
		return
	}
	*l = append(*l, &Error{Path: prefix, Err: err, Detail: err.Error()})
}

// under returns a copy of e with its path below prefix; an *Omitted
// count keeps the whole document's empty path.
func (e *Error) under(prefix string) *Error {
	c := *e
	if _, ok := e.Err.(*Omitted); !ok {
		c.Path = Join(prefix, e.Path)
	}
	return &c
}

// Omitted is the Err of the last entry of a List that a Collector cut at its
// limit: N more problems were found and counted but not listed (nor built).
type Omitted struct {
	// N is the number of problems left out.
	N int
}

// Error says how many problems were left out: "and 698884 more problems".
func (o *Omitted) Error() string {
	if o.N == 1 {
		return "and 1 more problem"
	}
	return "and " + strconv.Itoa(o.N) + " more problems"
}

// Omitted returns how many problems were found beyond the ones listed: the N
// of a final *Omitted entry, or 0.
func (l List) Omitted() int {
	if n := len(l); n > 0 {
		if o, ok := l[n-1].Err.(*Omitted); ok {
			return o.N
		}
	}
	return 0
}

// Count returns how many problems were found: the listed ones plus the
// omitted ones.
func (l List) Count() int {
	if n := l.Omitted(); n > 0 {
		return len(l) - 1 + n
	}
	return len(l)
}

// Collector gathers the problems of one document up to a cap: it keeps the
// first Max and only counts the rest, so a document with millions of
// problems costs a counter, not a list. The zero value keeps
// DefaultMaxProblems.
type Collector struct {
	// Max is how many problems are kept; 0 means DefaultMaxProblems and a
	// negative value keeps every problem.
	Max     int
	list    List
	omitted int
}

func (c *Collector) max() int {
	if c.Max == 0 {
		return DefaultMaxProblems
	}
	return c.Max
}

// Full reports whether the cap is reached: a further problem is only
// counted. Callers may test it to avoid building a message that would be
// dropped, and then call Skip instead of Add.
func (c *Collector) Full() bool { return c.Max >= 0 && len(c.list) >= c.max() }

// Skip counts n problems without recording them; use it when Full.
func (c *Collector) Skip(n int) { c.omitted += n }

// Add records a problem, or only counts it when the cap is reached.
func (c *Collector) Add(path string, sentinel error, detail string) {
	if c.Full() {
		c.omitted++
		return
	}
	c.list.Add(path, sentinel, detail)
}

// AddError records e, or only counts it when the cap is reached.
func (c *Collector) AddError(e *Error) {
	if c.Full() {
		c.omitted++
		return
	}
	c.list = append(c.list, e)
}

// AddAll records every problem of err under the path prefix, as
// List.AddAll does, within the cap; an *Omitted entry in err is counted.
func (c *Collector) AddAll(prefix string, err error) {
	if err == nil {
		return
	}
	var l List
	l.AddAll(prefix, err)
	for _, e := range l {
		if o, ok := e.Err.(*Omitted); ok {
			c.omitted += o.N
			continue
		}
		c.AddError(e)
	}
}

// Len returns how many problems were recorded or counted so far.
func (c *Collector) Len() int { return len(c.list) + c.omitted }

// List returns the recorded problems, followed, when some were only
// counted, by an entry at the document's root whose Err is an *Omitted.
func (c *Collector) List() List {
	if c.omitted == 0 {
		return c.list
	}
	o := &Omitted{N: c.omitted}
	return append(c.list[:len(c.list):len(c.list)], &Error{Err: o, Detail: o.Error() + " (not listed)"})
}

// Err returns nil when no problem was found, else List().
func (c *Collector) Err() error {
	if c.Len() == 0 {
		return nil
	}
	return c.List()
}

// Join appends a relative path to a prefix: Join("stages[0]", "name") is
// "stages[0].name", Join("stages", "[0]") is "stages[0]", and an empty side
// leaves the other unchanged.
func Join(prefix, rel string) string {
	switch {
	case prefix == "":
		return rel
	case rel == "":
		return prefix
	case rel[0] == '[':
		return prefix + rel
	default:
		return prefix + "." + rel
	}
}

// Index returns path with an array index appended: Index("stages", 2) is "stages[2]".
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Key returns path with a map key appended: Key("persona_emotions", "k") is
// `persona_emotions["k"]`. The key is quoted, so any text is unambiguous.
func Key(path, key string) string {
	return path + "[" + strconv.Quote(key) + "]"
}
