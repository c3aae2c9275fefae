// Package docerr defines how journeymap reports problems in a document: every
// problem is an *Error that names its place by JSON path (for example
// "stages[2].touchpoints[0].pain_points[1].severity") and wraps a sentinel
// that errors.Is can match. Many problems are reported at once as a List.
//
// The domain packages (journey, persona, painpoint, touchpoint, metric,
// channel) re-export these sentinels under their own names; they are the same
// values, so errors.Is works with either.
package docerr

import (
	"errors"
	"strconv"
	"strings"
)

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

// Error is one problem at one place in a document.
type Error struct {
	// Path is the JSON path of the value concerned, using the document's own
	// names: "stages[2].touchpoints[0].emotion". Empty means the whole document.
	Path string
	// Err is the sentinel (or an error wrapping one) saying what kind of problem it is.
	Err error
	// Detail says in plain words what is wrong, e.g. `emotion 3 is outside -2..2`.
	Detail string
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
			*l = append(*l, &Error{Path: Join(prefix, e.Path), Err: e.Err, Detail: e.Detail})
		}
		return
	}
	var one *Error
	if errors.As(err, &one) {
		*l = append(*l, &Error{Path: Join(prefix, one.Path), Err: one.Err, Detail: one.Detail})
		return
	}
	*l = append(*l, &Error{Path: prefix, Err: err, Detail: err.Error()})
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
