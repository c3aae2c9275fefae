package strictjson

import (
	"bytes"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/journeymap/journeymap/docerr"
)

// Writer builds canonical JSON: compact, or indented in the layout of
// json.MarshalIndent with an empty prefix. Strings are escaped exactly as
// encoding/json does with HTML escaping off (U+2028 and U+2029 are
// escaped, other non-ASCII is kept as UTF-8); numbers are formatted as
// encoding/json formats float64. The first value that cannot be encoded
// (NaN, invalid UTF-8, an error the caller reports with Fail) stops the
// Writer; Bytes then returns that error with its JSON path.
type Writer struct {
	buf    []byte
	indent string
	frames []frame
	err    *docerr.Error
}

// NewWriter returns a Writer; indent is the string repeated once per level
// ("" for compact output). A Writer from NewWriter may be handed back with
// Release once its output has been taken with Bytes; the next NewWriter
// reuses its buffer.
func NewWriter(indent string) *Writer {
	w, _ := writers.Get().(*Writer)
	if w == nil {
		w = &Writer{buf: make([]byte, 0, 4096), frames: make([]frame, 0, 8)}
	}
	w.indent = indent
	return w
}

var writers sync.Pool

// maxPooled is the largest buffer kept for reuse.
const maxPooled = 4 << 20

// Release hands w back for reuse; w must not be used afterwards.
func (w *Writer) Release() {
	if cap(w.buf) > maxPooled {
		return
	}
	w.buf, w.frames, w.err = w.buf[:0], w.frames[:0], nil
	writers.Put(w)
}

// Bytes returns a copy of the output, or the first error.
func (w *Writer) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, docerr.List{w.err}
	}
	return bytes.Clone(w.buf), nil
}

// Failed reports whether an error stopped the Writer.
func (w *Writer) Failed() bool { return w.err != nil }

// Path returns the JSON path of the value being written.
func (w *Writer) Path() string { return pathOf(w.frames, "", false) }

// Fail stops the Writer with a problem of the value being written.
func (w *Writer) Fail(sentinel error, detail string) {
	if w.err == nil {
		w.err = docerr.New(w.Path(), sentinel, detail)
	}
}

// FailErr stops the Writer with err (wrapping a docerr sentinel, such as
// an enum's MarshalText error) as a problem of the value being written.
func (w *Writer) FailErr(err error) { w.Fail(err, detailOf(err)) }

func (w *Writer) newline() {
	w.buf = append(w.buf, '\n')
	for range len(w.frames) {
		w.buf = append(w.buf, w.indent...)
	}
}

// BeginObject writes '{' and opens an object of named members.
func (w *Writer) BeginObject() { w.open('{', frameObject) }

// BeginMap writes '{' and opens an object whose keys are data.
func (w *Writer) BeginMap() { w.open('{', frameMap) }

// BeginArray writes '[' and opens an array.
func (w *Writer) BeginArray() { w.open('[', frameArray) }

func (w *Writer) open(c byte, kind frameKind) {
	w.buf = append(w.buf, c)
	w.frames = append(w.frames, frame{kind: kind})
}

// EndObject closes the current object.
func (w *Writer) EndObject() { w.close('}') }

// EndArray closes the current array.
func (w *Writer) EndArray() { w.close(']') }

func (w *Writer) close(c byte) {
	n := len(w.frames) - 1
	empty := w.frames[n].n == 0
	w.frames = w.frames[:n]
	if w.indent != "" && !empty {
		w.newline()
	}
	w.buf = append(w.buf, c)
}

// Member starts member name of the current object: the separator, the
// quoted name and the colon. The value follows with a value method.
func (w *Writer) Member(name string) {
	f := &w.frames[len(w.frames)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	f.skey = name
	if w.indent != "" {
		w.newline()
	}
	w.buf = appendString(w.buf, name)
	w.buf = append(w.buf, ':')
	if w.indent != "" {
		w.buf = append(w.buf, ' ')
	}
}

// Elem starts the next element of the current array.
func (w *Writer) Elem() {
	f := &w.frames[len(w.frames)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.index = f.n
	f.n++
	if w.indent != "" {
		w.newline()
	}
}

// String writes s as a JSON string; invalid UTF-8 is an error wrapping
// docerr.ErrInvalidUTF8 (encoding/json would silently replace it).
func (w *Writer) String(s string) {
	if !utf8.ValidString(s) {
		w.Fail(docerr.ErrInvalidUTF8, "text is not valid UTF-8")
		return
	}
	w.buf = appendString(w.buf, s)
}

// Float writes f formatted as encoding/json formats a float64; NaN and
// infinities are an error wrapping docerr.ErrRange.
func (w *Writer) Float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.Fail(docerr.ErrRange, "number "+strconv.FormatFloat(f, 'g', -1, 64)+" cannot be written in JSON")
		return
	}
	w.buf = AppendFloat(w.buf, f)
}

// Int writes an integer.
func (w *Writer) Int(i int) { w.buf = strconv.AppendInt(w.buf, int64(i), 10) }

// RawObject writes raw verbatim after checking that it is one JSON object
// that the Decoder would accept at this depth (used for extensions).
func (w *Writer) RawObject(raw []byte) {
	if err := CheckObject(raw, DefaultMaxDepth-len(w.frames)); err != nil {
		if e, ok := err.(*docerr.Error); ok {
			w.err = &docerr.Error{Path: docerr.Join(w.Path(), e.Path), Err: e.Err, Detail: e.Detail}
			return
		}
		w.FailErr(err)
		return
	}
	w.buf = append(w.buf, raw...)
}

// AppendFloat appends f as encoding/json formats a finite float64: like
// strconv 'f' with the shortest precision, switching to 'e' below 1e-6
// and from 1e21, with exponents not padded ("1e-7", not "1e-07").
func AppendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted and escaped as encoding/json does with
// HTML escaping off. s must be valid UTF-8.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
