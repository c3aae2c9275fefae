// Package strictjson is journeymap's hand-written JSON reader and writer.
//
// The Decoder reads a document in one pass over a []byte. Read, Write,
// Unmarshal, Marshal, Clone and ChangedMembers handle every document type
// through a Plan derived once per struct type, by reflection, from its
// fields and json tags (see PlanOf): the Go types of journey, persona,
// painpoint, touchpoint and metric are the one definition of the document.
// The Decoder is strict, as a decoder of untrusted
// input must be: a size and a nesting limit, UTF-8 validation, duplicate
// keys, unknown members, wrong types, nulls and trailing data are all
// reported, each as a *docerr.Error whose path uses the document's own
// names ("stages[2].touchpoints[0].pain_points[1].severity"). The path is
// built only when an error is reported, from a stack of open containers.
//
// Errors come in two weights. Fatal ones (malformed JSON, too deep, invalid
// UTF-8, trailing data, too large) stop the decoder: every further read
// returns zero values and loops end. The others (unknown member, wrong type,
// bad enum value, bad uuid, ...) are collected, the offending value is
// skipped, and decoding goes on, so a user sees many problems at once
// (the first MaxProblems of them are listed, the rest only counted).
//
// The Writer produces canonical JSON: encoding/json's number formatting and
// string escaping (without HTML escaping), optional indentation in the
// layout of json.MarshalIndent, and errors naming the path of a value that
// cannot be encoded.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/readlimit"
	"github.com/journeymap/journeymap/internal/safetext"
)

// Default limits of a Decoder whose Options leave them zero.
const (
	// DefaultMaxBytes is the default size limit: 16 MiB.
	DefaultMaxBytes = 16 << 20
	// DefaultMaxDepth is the default nesting limit: 64 levels of objects
	// and arrays, counting the root object as 1.
	DefaultMaxDepth = 64
	// DefaultMaxProblems is how many problems a Decoder lists when Options
	// leave MaxProblems zero; further ones are only counted.
	DefaultMaxProblems = docerr.DefaultMaxProblems
)

// Options are the limits of a Decoder. The zero value uses the defaults.
type Options struct {
	// MaxBytes is the largest document accepted, in bytes; zero means
	// DefaultMaxBytes (16 MiB). A larger document fails with docerr.ErrTooLarge.
	MaxBytes int64
	// MaxDepth is the deepest nesting of objects and arrays accepted, the
	// root object counting as 1 (extensions included); zero means
	// DefaultMaxDepth (64). Deeper input fails with docerr.ErrTooDeep.
	MaxDepth int
	// MaxProblems is how many problems are listed; further ones are
	// counted, not built, and reported as one final entry wrapping a
	// *docerr.Omitted. Zero means DefaultMaxProblems (100).
	MaxProblems int
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// TooLarge returns the error for a document above the size limit.
func (o Options) TooLarge() error {
	return docerr.List{docerr.New("", docerr.ErrTooLarge,
		fmt.Sprintf("document is larger than the limit of %d bytes", o.maxBytes()))}
}

// ReadAll reads r to its end, but at most one byte more than the size
// limit; a document above the limit is an error wrapping docerr.ErrTooLarge.
// Read errors are returned as they are.
func ReadAll(r io.Reader, o Options) ([]byte, error) {
	data, tooLarge, err := readlimit.ReadAll(r, o.maxBytes())
	if tooLarge {
		return nil, o.TooLarge()
	}
	return data, err
}

// Decoder reads one JSON document from a byte slice. Create one with
// NewDecoder, read the root value with the Read and Begin methods, call
// Finish, then Err.
type Decoder struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
	frames   []frame
	errs     docerr.Collector
	stopped  bool
	start    int             // where the document starts: 3 after a UTF-8 byte order mark
	mark     int             // where the value or key being read starts, for the Pos of its problems
	cursor   docerr.Position // the last position computed, to go on from
	scratch  []byte
	escaped  bool // the last string read had escapes (its bytes are in scratch)
}

// NewDecoder returns a Decoder over data, or an error wrapping
// docerr.ErrTooLarge when data is above the size limit. The Decoder does
// not keep references into data in what it returns.
//
// A UTF-8 byte order mark at the start is skipped (positions still count
// it); input in UTF-16 or UTF-32 is refused at once with an error wrapping
// docerr.ErrInvalidUTF8 that names the encoding.
func NewDecoder(data []byte, o Options) (*Decoder, error) {
	if int64(len(data)) > o.maxBytes() {
		return nil, o.TooLarge()
	}
	if err := checkEncoding(data); err != nil {
		return nil, err
	}
	d := &Decoder{data: data, maxDepth: o.maxDepth(), frames: make([]frame, 0, 8)}
	d.errs.Max = o.MaxProblems
	if hasBOM(data) {
		d.start, d.pos = len(bom), len(bom)
	}
	return d, nil
}

// Err returns the problems found, as a docerr.List, or nil.
func (d *Decoder) Err() error { return d.errs.Err() }

// Errors returns the problems found so far.
func (d *Decoder) Errors() docerr.List { return d.errs.List() }

// Stopped reports whether a fatal error (or too many errors) ended decoding.
func (d *Decoder) Stopped() bool { return d.stopped }

// Path returns the JSON path of the value being read.
func (d *Decoder) Path() string { return pathOf(d.frames, "", true) }

// Fail records a non-fatal problem with the value being read. Past the
// problem cap it is only counted: the path is not built.
func (d *Decoder) Fail(sentinel error, detail string) {
	if d.counted() {
		return
	}
	d.add(d.Path(), sentinel, detail)
}

// counted reports whether a problem is not to be built (decoding stopped,
// or the cap is reached, in which case it is counted).
func (d *Decoder) counted() bool {
	if d.stopped {
		return true
	}
	if d.errs.Full() {
		d.errs.Skip(1)
		return true
	}
	return false
}

// FailErr records err (which should wrap a docerr sentinel, like the
// errors of the enums' Parse functions) as a problem of the value being read.
func (d *Decoder) FailErr(err error) {
	if d.counted() {
		return
	}
	d.add(d.Path(), err, detailOf(err))
}

// detailOf is the message of err without the "journeymap: ...: " prefix of
// the sentinel it wraps (the path says where, the detail says what).
func detailOf(err error) string {
	msg := err.Error()
	if inner := errors.Unwrap(err); inner != nil {
		if rest, ok := strings.CutPrefix(msg, inner.Error()+": "); ok {
			return rest
		}
	}
	return msg
}

// FailMember records a problem with member name of the object being read,
// typically a missing required member, after its last member was read.
func (d *Decoder) FailMember(name string, sentinel error, detail string) {
	if d.counted() {
		return
	}
	d.add(pathOf(d.frames, name, true), sentinel, detail)
}

func (d *Decoder) add(path string, err error, detail string) {
	if d.stopped {
		return
	}
	d.errs.AddError(&docerr.Error{Path: path, Err: err, Detail: detail, Pos: d.position(d.mark)})
}

// position returns the Position of offset off, going on from the last one
// computed when off is not before it (problems come in document order), so
// listing many problems scans the input about once.
func (d *Decoder) position(off int) docerr.Position {
	if off > len(d.data) {
		off = len(d.data)
	}
	c := d.cursor
	if !c.IsValid() || int(c.Offset) > off {
		c = docerr.Position{Line: 1, Column: 1}
	}
	line, lineStart := c.Line, int(c.Offset)-(c.Column-1)
	for i := int(c.Offset); i < off; i++ {
		if d.data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	d.cursor = docerr.Position{Line: line, Column: off - lineStart + 1, Offset: int64(off)}
	return d.cursor
}

// fatal records a problem at offset off that stops decoding; detail is
// followed by " at " and the position in words, which the error also
// carries as its Pos.
func (d *Decoder) fatal(sentinel error, detail string, off int) {
	d.fatalAt(sentinel, detail, off, true)
}

// fatalAt is fatal; with say false the position is in Pos only.
func (d *Decoder) fatalAt(sentinel error, detail string, off int, say bool) {
	if d.stopped {
		return
	}
	pos := d.position(off)
	if say {
		detail += " at " + pos.String()
	}
	if !d.errs.Full() {
		d.errs.AddError(&docerr.Error{Path: d.Path(), Err: sentinel, Detail: detail, Pos: pos})
	} else {
		d.errs.Skip(1)
	}
	d.stopped = true
}

func (d *Decoder) syntax(what string) {
	if d.stopped {
		return
	}
	var got string
	if d.pos >= len(d.data) {
		got = "unexpected end of input"
	} else {
		got = "invalid character " + quoteChar(d.data[d.pos])
	}
	if what != "" {
		got += " " + what
	}
	d.fatal(docerr.ErrSyntax, got, d.pos)
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= utf8.RuneSelf {
		s = fmt.Sprintf("byte 0x%02x", c)
		return s
	}
	return "'" + s[1:len(s)-1] + "'"
}

// fatalHere is fatal at the current position, which the message does not
// repeat.
func (d *Decoder) fatalHere(sentinel error, detail string) { d.fatalAt(sentinel, detail, d.pos, false) }

// clip returns the bytes of a number for an error message, cut to
// safetext.MaxQuote bytes with the count of the rest (a number holds no
// control characters: the grammar was checked).
func clip(num []byte) string {
	if len(num) <= safetext.MaxQuote {
		return string(num)
	}
	return string(num[:safetext.MaxQuote]) + "… (+" + strconv.Itoa(len(num)-safetext.MaxQuote) + " bytes)"
}

// ws skips white space and returns the next byte, or 0 at the end.
func (d *Decoder) ws() byte {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			d.pos++
			continue
		}
		return c
	}
	return 0
}

// Finish checks that only white space follows the document.
func (d *Decoder) Finish() {
	if d.stopped {
		return
	}
	if d.ws() != 0 || d.pos < len(d.data) {
		d.fatal(docerr.ErrTrailingData, "data after the document", d.pos)
	}
}

// kindOf names the JSON type starting with c, for error messages.
func kindOf(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return ""
}

// mismatch reports that the next value (starting with c) is not of the
// wanted type and skips it. Null gets its own message: the format has no
// nulls, a member is left out instead.
func (d *Decoder) mismatch(c byte, want string) {
	k := kindOf(c)
	if k == "" {
		d.syntax("looking for a value")
		return
	}
	if c == 'n' {
		d.Fail(docerr.ErrType, "null is not allowed (leave the member out instead); expected "+want)
	} else {
		d.Fail(docerr.ErrType, "expected "+want+", got "+k)
	}
	d.skip(false)
}

// push opens a container frame, checking the depth limit.
func (d *Decoder) push(kind frameKind) bool {
	d.depth++
	if d.depth > d.maxDepth {
		d.fatalHere(docerr.ErrTooDeep, fmt.Sprintf("nesting deeper than the limit of %d", d.maxDepth))
		return false
	}
	d.frames = append(d.frames, frame{kind: kind})
	return true
}

func (d *Decoder) pop() {
	d.depth--
	if n := len(d.frames); n > 0 {
		d.frames = d.frames[:n-1]
	}
}

// BeginObject starts reading an object of known members. It returns false
// (after reporting the problem and skipping the value) when the next value
// is not an object; when it returns true the caller loops on NextKey and
// then calls EndObject.
func (d *Decoder) BeginObject() bool { return d.begin('{', frameObject, "an object") }

// BeginMap is BeginObject for an object whose keys are data (such as
// persona_emotions): keys appear quoted in paths, `persona_emotions["k"]`.
func (d *Decoder) BeginMap() bool { return d.begin('{', frameMap, "an object") }

// BeginArray starts reading an array; loop on NextElem, then call EndArray.
func (d *Decoder) BeginArray() bool { return d.begin('[', frameArray, "an array") }

func (d *Decoder) begin(open byte, kind frameKind, want string) bool {
	if d.stopped {
		return false
	}
	c := d.ws()
	d.mark = d.pos
	if c != open {
		d.mismatch(c, want)
		return false
	}
	d.pos++
	if !d.push(kind) {
		d.depth--
		return false
	}
	return true
}

// EndObject closes the object opened by BeginObject or BeginMap.
func (d *Decoder) EndObject() { d.pop() }

// EndArray closes the array opened by BeginArray.
func (d *Decoder) EndArray() { d.pop() }

// NextKey advances to the next member of the current object, reads its
// key and the colon, and reports whether there is one. At the closing brace
// (or after a fatal error) it returns false.
func (d *Decoder) NextKey() bool {
	if d.stopped {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	f.key = nil // problems up to the colon belong to the object
	c := d.ws()
	if f.n == 0 {
		if c == '}' {
			d.mark = d.pos // a missing member is reported at the closing brace
			d.pos++
			return false
		}
	} else {
		switch c {
		case '}':
			d.mark = d.pos
			d.pos++
			return false
		case ',':
			d.pos++
			c = d.ws()
		default:
			d.syntax("after object member, looking for ',' or '}'")
			return false
		}
	}
	if c != '"' {
		d.syntax("looking for the beginning of an object key")
		return false
	}
	d.mark = d.pos
	key, ok := d.readString()
	if !ok {
		return false
	}
	if d.ws() != ':' {
		d.syntax("after object key, looking for ':'")
		return false
	}
	d.pos++
	if d.escaped {
		key = bytes.Clone(key) // an escaped key must survive the next string read
	}
	f.key = key
	f.n++
	return true
}

// Key returns the key of the current member, unescaped. It is valid until
// the next NextKey at this level.
func (d *Decoder) Key() []byte { return d.frames[len(d.frames)-1].key }

// NextElem advances to the next element of the current array and reports
// whether there is one.
func (d *Decoder) NextElem() bool {
	if d.stopped {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	c := d.ws()
	if c == ']' {
		d.pos++
		f.n = 0
		return false
	}
	if f.n > 0 {
		if c != ',' {
			d.syntax("after array element, looking for ',' or ']'")
			return false
		}
		d.pos++
	}
	f.index = f.n
	f.n++
	if f.n > 1 && d.ws() == ']' {
		d.syntax("looking for the beginning of a value")
		return false
	}
	return true
}

// Index returns the index of the current array element.
func (d *Decoder) Index() int { return d.frames[len(d.frames)-1].index }

// Once handles duplicate detection of known members with a bit mask: bit is
// the member's own bit. The first time it sets the bit and returns true;
// after that it reports a duplicate key, skips the value and returns false.
func (d *Decoder) Once(seen *uint64, bit uint64) bool {
	if *seen&bit == 0 {
		*seen |= bit
		return true
	}
	d.Fail(docerr.ErrDuplicateKey, "duplicate key "+safetext.Quote(string(d.Key())))
	d.skip(false)
	return false
}

// Unknown reports the current member as unknown and skips its value.
func (d *Decoder) Unknown() {
	d.Fail(docerr.ErrUnknownField, "unknown field "+safetext.Quote(string(d.Key())))
	d.skip(false)
}

// Skip skips the next value, checking that it is well-formed.
func (d *Decoder) Skip() { d.skip(false) }

// ReadString reads a string value. ok is false (and the problem reported)
// for any other value.
func (d *Decoder) ReadString() (s string, ok bool) {
	b, ok := d.ReadStringBytes()
	if !ok {
		return "", false
	}
	return string(b), true
}

// ReadStringBytes reads a string value and returns its unescaped bytes,
// valid only until the next read.
func (d *Decoder) ReadStringBytes() ([]byte, bool) {
	if d.stopped {
		return nil, false
	}
	c := d.ws()
	d.mark = d.pos
	if c != '"' {
		d.mismatch(c, "a string")
		return nil, false
	}
	return d.readString()
}

// readString reads the string at d.pos (on its opening quote). The result
// points into data when the string has no escapes, else into scratch.
func (d *Decoder) readString() ([]byte, bool) {
	d.pos++
	d.escaped = false
	start := d.pos
	data := d.data
	i := start
	for i < len(data) {
		if plain[data[i]] {
			i++
			continue
		}
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return data[start:i], true
		case c == '\\':
			d.pos = i
			return d.readEscaped(start)
		case c < 0x20:
			d.pos = i
			d.syntax("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				d.pos = i
				d.fatal(docerr.ErrInvalidUTF8, "invalid UTF-8 in string", i)
				return nil, false
			}
			i += size
		}
	}
	d.pos = len(data)
	d.syntax("in string literal")
	return nil, false
}

// readEscaped continues a string from its first backslash at d.pos,
// building the unescaped text in scratch.
func (d *Decoder) readEscaped(start int) ([]byte, bool) {
	data := d.data
	buf := append(d.scratch[:0], data[start:d.pos]...)
	i := d.pos
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = buf
			d.escaped = true
			return buf, true
		case c == '\\':
			if i+1 >= len(data) {
				d.pos = len(data)
				d.syntax("in string escape code")
				return nil, false
			}
			e := data[i+1]
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
				i += 2
			case 'b':
				buf = append(buf, '\b')
				i += 2
			case 'f':
				buf = append(buf, '\f')
				i += 2
			case 'n':
				buf = append(buf, '\n')
				i += 2
			case 'r':
				buf = append(buf, '\r')
				i += 2
			case 't':
				buf = append(buf, '\t')
				i += 2
			case 'u':
				r, ok := hex4(data, i+2)
				if !ok {
					d.pos = i + 1
					d.syntax("in \\u escape")
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2, ok2 = hex4(data, i+2)
					}
					dec := utf16.DecodeRune(r, r2)
					if !ok2 || dec == utf8.RuneError {
						d.pos = i - 6
						d.fatal(docerr.ErrInvalidUTF8, "unpaired UTF-16 surrogate escape", i-6)
						return nil, false
					}
					r = dec
					i += 6
				}
				buf = utf8.AppendRune(buf, r)
			default:
				d.pos = i + 1
				d.syntax("in string escape code")
				return nil, false
			}
		case c < 0x20:
			d.pos = i
			d.syntax("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				d.pos = i
				d.fatal(docerr.ErrInvalidUTF8, "invalid UTF-8 in string", i)
				return nil, false
			}
			buf = append(buf, data[i:i+size]...)
			i += size
		}
	}
	d.scratch = buf
	d.pos = len(data)
	d.syntax("in string literal")
	return nil, false
}

// plain marks the bytes a string can hold as they are: printable ASCII
// other than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// scanNumber checks the JSON number grammar at d.pos and returns its bytes
// and whether it is an integer (no fraction, no exponent).
func (d *Decoder) scanNumber() (num []byte, isInt bool, ok bool) {
	data := d.data
	start := d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
		if i < len(data) && data[i] >= '0' && data[i] <= '9' {
			d.pos = i
			d.syntax("after leading zero in numeric literal")
			return nil, false, false
		}
	case i < len(data) && data[i] >= '1' && data[i] <= '9':
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		d.syntax("in numeric literal")
		return nil, false, false
	}
	isInt = true
	if i < len(data) && data[i] == '.' {
		isInt = false
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("after decimal point in numeric literal")
			return nil, false, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		isInt = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("in exponent of numeric literal")
			return nil, false, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return data[start:i], isInt, true
}

// ReadFloat reads a number as a float64. Numbers beyond float64 are
// reported with docerr.ErrRange.
func (d *Decoder) ReadFloat() (float64, bool) {
	if d.stopped {
		return 0, false
	}
	c := d.ws()
	d.mark = d.pos
	if c != '-' && (c < '0' || c > '9') {
		d.mismatch(c, "a number")
		return 0, false
	}
	num, isInt, ok := d.scanNumber()
	if !ok {
		return 0, false
	}
	if isInt && len(num) <= 16 {
		// Up to 15 digits (plus a sign) is exact in a float64.
		neg := num[0] == '-'
		digits := num
		if neg {
			digits = num[1:]
		}
		if len(digits) <= 15 {
			var v int64
			for _, c := range digits {
				v = v*10 + int64(c-'0')
			}
			if neg {
				if v == 0 {
					return negZero, true
				}
				v = -v
			}
			return float64(v), true
		}
	}
	f, err := strconv.ParseFloat(string(num), 64)
	if err != nil {
		d.Fail(docerr.ErrRange, "number "+clip(num)+" is out of the range of a float64")
		return 0, false
	}
	return f, true
}

var negZero = func() float64 { z := 0.0; return -z }()

// ReadInt reads a number that must be an integer and fit an int.
func (d *Decoder) ReadInt() (int, bool) {
	if d.stopped {
		return 0, false
	}
	c := d.ws()
	d.mark = d.pos
	if c != '-' && (c < '0' || c > '9') {
		d.mismatch(c, "an integer")
		return 0, false
	}
	num, isInt, ok := d.scanNumber()
	if !ok {
		return 0, false
	}
	if !isInt {
		d.Fail(docerr.ErrType, "expected an integer, got "+clip(num))
		return 0, false
	}
	v, err := strconv.Atoi(string(num))
	if err != nil {
		d.Fail(docerr.ErrRange, "integer "+clip(num)+" is out of range")
		return 0, false
	}
	return v, true
}

// ReadRawObject reads an object and returns a copy of its exact bytes. The
// object must be well-formed, valid UTF-8, within the depth limit, and free
// of duplicate keys at every level (a duplicate is lost data for whoever
// reads it next). Used for extensions, kept byte-for-byte.
func (d *Decoder) ReadRawObject() (json.RawMessage, bool) {
	if d.stopped {
		return nil, false
	}
	c := d.ws()
	d.mark = d.pos
	if c != '{' {
		d.mismatch(c, "an object")
		return nil, false
	}
	start := d.pos
	n := d.errs.Len()
	d.skip(true)
	if d.stopped || d.errs.Len() != n {
		return nil, false
	}
	return bytes.Clone(d.data[start:d.pos]), true
}

// skip skips one value, checking its syntax, UTF-8 and depth; with
// checkKeys it also reports duplicate keys in its objects.
func (d *Decoder) skip(checkKeys bool) {
	if d.stopped {
		return
	}
	c := d.ws()
	d.mark = d.pos
	switch c {
	case '{':
		d.pos++
		if !d.push(frameMap) {
			return
		}
		var keys map[string]struct{}
		var first []byte
		for d.NextKey() {
			if checkKeys {
				k := d.Key()
				f := &d.frames[len(d.frames)-1]
				if f.n == 1 {
					first = k
				} else {
					if keys == nil {
						keys = map[string]struct{}{string(first): {}}
					}
					if _, dup := keys[string(k)]; dup {
						d.Fail(docerr.ErrDuplicateKey, "duplicate key "+safetext.Quote(string(k)))
					} else {
						keys[string(k)] = struct{}{}
					}
				}
			}
			d.skip(checkKeys)
		}
		d.pop()
	case '[':
		d.pos++
		if !d.push(frameArray) {
			return
		}
		for d.NextElem() {
			d.skip(checkKeys)
		}
		d.pop()
	case '"':
		d.readString()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			d.scanNumber()
			return
		}
		d.syntax("looking for the beginning of a value")
	}
}

func (d *Decoder) literal(lit string) {
	end := d.pos + len(lit)
	if end > len(d.data) || string(d.data[d.pos:end]) != lit {
		// Point at the first byte that differs.
		for i := 0; i < len(lit) && d.pos < len(d.data) && d.data[d.pos] == lit[i]; i++ {
			d.pos++
		}
		d.syntax("in literal " + lit)
		return
	}
	d.pos = end
}

// CheckObject reports whether raw is one JSON object that ReadRawObject
// would accept (with maxDepth levels allowed), with the first problem found.
// The Writer uses it to refuse extension bytes that would not decode.
func CheckObject(raw []byte, maxDepth int) error {
	d := &Decoder{data: raw, maxDepth: maxDepth}
	if _, ok := d.ReadRawObject(); ok {
		d.Finish()
	}
	if l := d.errs.List(); len(l) > 0 {
		return l[0]
	}
	return nil
}

// DecodeDocument decodes data as one document whose root value decode
// reads into a new T, and returns it when no problem was found; otherwise
// the docerr.List of every problem.
func DecodeDocument[T any](data []byte, o Options, decode func(*Decoder, *T)) (*T, error) {
	d, err := NewDecoder(data, o)
	if err != nil {
		return nil, err
	}
	v := new(T)
	decode(d, v)
	d.Finish()
	if err := d.Err(); err != nil {
		return nil, err
	}
	return v, nil
}
