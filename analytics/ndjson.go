package analytics

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/journeymap/journeymap/internal/safetext"
)

// ReadNDJSON analyses events from newline-delimited JSON: one object per
// line whose members are named by Options.Columns (matched without regard
// to case; other members are ignored). The customer and touchpoint are
// strings (a number is taken as its text), the time a string or a number
// (Unix time), the outcome, persona and segment strings and the emotion a
// number; a null member counts as absent. A gzip-compressed input is read
// as such.
//
// Each line is read as strictly as a journey document: malformed JSON,
// invalid UTF-8, an invalid escape such as a lone "\ud800", a key that
// appears twice (or two keys naming one column, such as "ts" and "TS"), and
// a line longer than Options.MaxLineBytes are bad rows.
func (p *Plan) ReadNDJSON(r io.Reader) (*Result, error) {
	res, _, err := p.readNDJSON(r)
	return res, err
}

func (p *Plan) readNDJSON(r io.Reader) (*Result, readStats, error) {
	r, err := decompress(r)
	if err != nil {
		return nil, readStats{}, err
	}
	fr := newFramer(r, false, p.opts.MaxLineBytes)
	n := ndjsonParser{p: p, maxLine: fr.maxLine}
	for f := range NumFields {
		n.names[f] = p.opts.Columns.Name(f)
	}
	return p.pipeline(fr, n.parse)
}

// maxJSONDepth bounds the nesting of objects and arrays in a line.
const maxJSONDepth = 64

type ndjsonParser struct {
	p       *Plan
	names   [NumFields]string
	maxLine int
}

func (n *ndjsonParser) parse(b *block, out *parsed) {
	data, line := b.data, b.firstLine
	for len(data) > 0 {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		thisLine := line
		line++
		l = bytes.TrimSuffix(l, []byte{'\r'})
		if len(l) > n.maxLine {
			out.rows = append(out.rows, prow{line: thisLine, err: &RowError{Line: thisLine, Reason: ReasonTooLong, Err: fmt.Errorf("line longer than %d bytes", n.maxLine)}})
			continue
		}
		if skipWS(l, 0) == len(l) {
			out.blank++
			continue
		}
		var row Row
		if err := n.object(l, &row); err != nil {
			err.Line = thisLine
			out.rows = append(out.rows, prow{line: thisLine, err: err})
			continue
		}
		out.rows = append(out.rows, prow{})
		n.p.makeRow(&out.rows[len(out.rows)-1], thisLine, &row, true) // strings were checked
	}
}

// jsonLine reads one line of JSON.
type jsonLine struct {
	l   []byte
	i   int
	err *RowError
}

func (j *jsonLine) fail(reason Reason, format string, args ...any) {
	if j.err == nil {
		j.err = &RowError{Reason: reason, Err: fmt.Errorf(format, args...)}
	}
}

func (j *jsonLine) syntax(what string) {
	near := ""
	if j.i < len(j.l) {
		end := min(j.i+20, len(j.l))
		near = " near " + safetext.Quote(string(j.l[j.i:end]))
	}
	j.fail(ReasonJSONSyntax, "not one JSON object: %s at byte %d%s", what, j.i+1, near)
}

func (j *jsonLine) ws() byte {
	j.i = skipWS(j.l, j.i)
	if j.i < len(j.l) {
		return j.l[j.i]
	}
	return 0
}

// object reads the line's object into row.
func (n *ndjsonParser) object(l []byte, row *Row) *RowError {
	j := &jsonLine{l: l}
	if j.ws() != '{' {
		j.syntax("looking for '{'")
		return j.err
	}
	j.i++
	var keys keySet
	var mapped [NumFields][]byte // the key each field was read from
	for first := true; ; first = false {
		c := j.ws()
		if c == '}' && first {
			j.i++
			break
		}
		key, ok := j.str()
		if !ok {
			if j.err == nil {
				j.syntax("looking for a member name")
			}
			return j.err
		}
		f := Field(-1)
		for k, name := range n.names {
			if len(name) == len(key) && name != "" && (string(key) == name || equalFold(key, name)) {
				f = Field(k)
				break
			}
		}
		// A mapped key twice is found by its field; the others by the set.
		if f < 0 && !j.newKey(&keys, key) {
			return j.err
		}
		if j.ws() != ':' {
			j.syntax("looking for ':'")
			return j.err
		}
		j.i++
		if f >= 0 {
			if row[f] != nil {
				if bytes.Equal(mapped[f], key) {
					j.fail(ReasonDuplicateKey, "duplicate key %s", safetext.Quote(string(key)))
				} else {
					j.fail(ReasonDuplicateKey, "two members name the column %s", safetext.Quote(n.names[f]))
				}
				return j.err
			}
			mapped[f] = key
			if !j.field(f, row) {
				if j.err != nil && j.err.Reason == ReasonWrongType {
					j.err.Field = n.names[f]
				}
				return j.err
			}
		} else if !j.skip(1) {
			return j.err
		}
		switch j.ws() {
		case ',':
			j.i++
			continue
		case '}':
			j.i++
		default:
			j.syntax("looking for ',' or '}'")
			return j.err
		}
		break
	}
	if j.ws() != 0 || j.i != len(l) {
		j.syntax("text after the object")
		return j.err
	}
	return nil
}

// keySet holds the keys of one object, to find duplicates.
type keySet struct {
	small [16][]byte
	n     int
	more  map[string]bool
}

// newKey records key among the object's keys; a key seen before fails.
func (j *jsonLine) newKey(ks *keySet, key []byte) bool {
	dup := false
	for _, k := range ks.small[:ks.n] {
		dup = dup || bytes.Equal(k, key)
	}
	switch {
	case dup || ks.more[string(key)]:
		j.fail(ReasonDuplicateKey, "duplicate key %s", safetext.Quote(string(key)))
		return false
	case ks.n < len(ks.small):
		ks.small[ks.n] = key
		ks.n++
	default:
		if ks.more == nil {
			ks.more = map[string]bool{}
		}
		ks.more[string(key)] = true
	}
	return true
}

// present marks a field given as null: absent, but named.
var present = []byte{}

// field reads the value of a mapped member into row[f].
func (j *jsonLine) field(f Field, row *Row) bool {
	switch c := j.ws(); {
	case c == '"':
		if f == FieldEmotion {
			j.fail(ReasonWrongType, "want a number, not a string")
			return false
		}
		s, ok := j.str()
		if ok {
			row[f] = s
		}
		return ok
	case c == '-' || c >= '0' && c <= '9':
		start := j.i
		next, ok := number(j.l, j.i)
		if !ok {
			j.syntax("in a number")
			return false
		}
		j.i = next
		if f == FieldOutcome || f == FieldPersona || f == FieldSegment {
			j.fail(ReasonWrongType, "want a string, not a number")
			return false
		}
		row[f] = j.l[start:next]
		return true
	case c == 'n':
		if !j.literal("null") {
			return false
		}
		row[f] = present[:0:0]
		return true
	case c == 't' || c == 'f' || c == '{' || c == '[':
		if !j.skip(1) {
			return false
		}
		j.fail(ReasonWrongType, "want a string or a number")
		return false
	}
	j.syntax("looking for a value")
	return false
}

func (j *jsonLine) literal(lit string) bool {
	if !bytes.HasPrefix(j.l[j.i:], []byte(lit)) {
		j.syntax("in a literal")
		return false
	}
	j.i += len(lit)
	return true
}

// skip checks and skips one value at nesting depth.
func (j *jsonLine) skip(depth int) bool {
	if depth > maxJSONDepth {
		j.fail(ReasonJSONSyntax, "nested deeper than %d levels", maxJSONDepth)
		return false
	}
	switch c := j.ws(); {
	case c == '"':
		_, ok := j.str()
		return ok
	case c == '-' || c >= '0' && c <= '9':
		next, ok := number(j.l, j.i)
		if !ok {
			j.syntax("in a number")
			return false
		}
		j.i = next
		return true
	case c == 't':
		return j.literal("true")
	case c == 'f':
		return j.literal("false")
	case c == 'n':
		return j.literal("null")
	case c == '[':
		j.i++
		if j.ws() == ']' {
			j.i++
			return true
		}
		for {
			if !j.skip(depth + 1) {
				return false
			}
			switch j.ws() {
			case ',':
				j.i++
			case ']':
				j.i++
				return true
			default:
				j.syntax("looking for ',' or ']'")
				return false
			}
		}
	case c == '{':
		j.i++
		if j.ws() == '}' {
			j.i++
			return true
		}
		var keys keySet
		for {
			if j.ws() != '"' {
				j.syntax("looking for a member name")
				return false
			}
			key, ok := j.str()
			if !ok || !j.newKey(&keys, key) {
				return false
			}
			if j.ws() != ':' {
				j.syntax("looking for ':'")
				return false
			}
			j.i++
			if !j.skip(depth + 1) {
				return false
			}
			switch j.ws() {
			case ',':
				j.i++
			case '}':
				j.i++
				return true
			default:
				j.syntax("looking for ',' or '}'")
				return false
			}
		}
	}
	j.syntax("looking for a value")
	return false
}

// str reads a string at j.i and returns its content: a slice of the line
// when it has no escapes, a new slice otherwise.
func (j *jsonLine) str() ([]byte, bool) {
	if j.i >= len(j.l) || j.l[j.i] != '"' {
		return nil, false
	}
	start := j.i + 1
	ascii := true
	for k := start; k < len(j.l); k++ {
		switch c := j.l[k]; {
		case c == '"':
			s := j.l[start:k]
			if !ascii && !utf8.Valid(s) {
				j.i = start
				j.fail(ReasonInvalidUTF8, "a string is not valid UTF-8")
				return nil, false
			}
			j.i = k + 1
			return s, true
		case c == '\\':
			return j.escaped(start)
		case c < 0x20:
			j.i = k
			j.syntax("control character in a string")
			return nil, false
		case c >= 0x80:
			ascii = false
		}
	}
	j.i = len(j.l)
	j.syntax("string not closed")
	return nil, false
}

// escaped reads a string with escapes, from its content's start.
func (j *jsonLine) escaped(start int) ([]byte, bool) {
	var out []byte
	l := j.l
	for k := start; k < len(l); {
		c := l[k]
		switch {
		case c == '"':
			if !utf8.Valid(out) {
				j.fail(ReasonInvalidUTF8, "a string is not valid UTF-8")
				return nil, false
			}
			j.i = k + 1
			return out, true
		case c < 0x20:
			j.i = k
			j.syntax("control character in a string")
			return nil, false
		case c != '\\':
			out = append(out, c)
			k++
			continue
		}
		if k+1 >= len(l) {
			break
		}
		switch e := l[k+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(l, k+2)
			if !ok {
				j.i = k
				j.syntax("invalid \\u escape")
				return nil, false
			}
			k += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if k+1 < len(l) && l[k] == '\\' && l[k+1] == 'u' {
					r2, ok = hex4(l, k+2)
				}
				dec := utf16.DecodeRune(r, r2)
				if !ok || dec == utf8.RuneError {
					j.i = k - 6
					j.fail(ReasonJSONSyntax, "not one JSON object: the escape %s at byte %d is half of a UTF-16 pair", safetext.Quote(string(l[k-6:k])), k-5)
					return nil, false
				}
				r = dec
				k += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			j.i = k
			j.syntax("invalid escape")
			return nil, false
		}
		k += 2
	}
	j.i = len(l)
	j.syntax("string not closed")
	return nil, false
}

func hex4(l []byte, i int) (rune, bool) {
	if i+4 > len(l) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(l[i:i+4]), 16, 32)
	if err != nil || bytes.ContainsAny(l[i:i+4], "+-_xX") {
		return 0, false
	}
	return rune(v), true
}

// equalFold reports whether key and name are equal without regard to
// case (Unicode simple folding, as strings.EqualFold).
func equalFold(key []byte, name string) bool {
	for i := range len(name) {
		a, b := key[i], name[i]
		if a >= utf8.RuneSelf || b >= utf8.RuneSelf {
			return strings.EqualFold(string(key), name)
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

func skipWS(l []byte, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || l[i] == '\n') {
		i++
	}
	return i
}

// number reads a JSON number at l[i] and returns the index after it.
func number(l []byte, i int) (next int, ok bool) {
	digits := func(i int) int {
		for i < len(l) && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		return i
	}
	if i < len(l) && l[i] == '-' {
		i++
	}
	switch {
	case i < len(l) && l[i] == '0':
		i++
	case i < len(l) && l[i] >= '1' && l[i] <= '9':
		i = digits(i)
	default:
		return 0, false
	}
	if i < len(l) && l[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(l) && (l[i] == 'e' || l[i] == 'E') {
		i++
		if i < len(l) && (l[i] == '+' || l[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}
