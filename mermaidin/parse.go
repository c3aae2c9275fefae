package mermaidin

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Diagram is what Mermaid's journey parser stores for a diagram, modelled on
// the database of mermaid 12.3.0 (packages/mermaid/src/diagrams/user-journey,
// MIT): the strings are raw, as Mermaid keeps them, with its entity markers
// ("#58;" is held as "ﬂ°°58¶ß") and "<br>" not yet decoded. Label, Lines and
// Text turn them into the text a reader sees.
type Diagram struct {
	// Title is the text of the last "title" statement ("" when none).
	Title string
	// AccTitle and AccDescr are the accessibility title and description.
	AccTitle, AccDescr string
	// Sections are the section names in order, repeated names included.
	Sections []string
	// Tasks are the tasks in order.
	Tasks []Task
	// TitleLine, AccTitleLine and AccDescrLine are the 1-based input lines
	// of those statements (0 when absent).
	TitleLine, AccTitleLine, AccDescrLine int
}

// Task is one task of a Diagram.
type Task struct {
	// Section is the name of the section above the task ("" before any).
	Section string
	// SectionIndex is the index of that section in Diagram.Sections, -1
	// before the first section.
	SectionIndex int
	// Name is the task name up to the first ":", leading white space removed.
	Name string
	// Score is Number(...) of the text between the first and second ":"
	// (NaN when it is not a number, 0 when it is empty), never range-checked.
	Score float64
	// ScoreText is that text as written.
	ScoreText string
	// People are the actors: the text between the second and third ":"
	// split at "," and trimmed; nil without a second ":".
	People []string
	// Ignored is the text after a third ":", which Mermaid drops.
	Ignored string
	// Line is the 1-based input line of the task.
	Line int
}

// SyntaxError is a diagram Mermaid's parser refuses, or input that is not a
// journey diagram at all.
type SyntaxError struct {
	// Line is the 1-based input line.
	Line int
	// Detail says what is wrong.
	Detail string
}

// Error formats the error as "line 3: …".
func (e *SyntaxError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Detail }

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// js* are JavaScript's white space and line terminators (what \s and trim()
// match), written out because Go's \s is ASCII only.
const jsSpaceClass = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

var (
	// Mermaid's preprocessing (preprocess.ts, utils.ts encodeEntities).
	reTag       = regexp.MustCompile(`<(\w+)([^>]*)>`)
	reAttrQuote = regexp.MustCompile(`="([^"]*)"`)
	reStyle     = regexp.MustCompile(`style[^\n\r\x{2028}\x{2029}]*:[^` + jsSpaceClass + `]*#[^\n\r\x{2028}\x{2029}]*;`)
	reClassDef  = regexp.MustCompile(`classDef[^\n\r\x{2028}\x{2029}]*:[^` + jsSpaceClass + `]*#[^\n\r\x{2028}\x{2029}]*;`)
	reDirective = regexp.MustCompile(`%%\{`)
	reBreak     = regexp.MustCompile(`(?i)<br[` + jsSpaceClass + `]*/?>`)
)

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// jsTrim is JavaScript's String.prototype.trim.
func jsTrim(s string) string { return strings.TrimFunc(s, isJSSpace) }

// text is the preprocessed diagram with, for every line of it, the input
// line it came from.
type text struct {
	s     string
	lines []int // lines[k] is the input line of line k (0-based) of s
	ends  []int // offsets of the line feeds of s
}

// lineAt returns the input line of the byte at pos, in O(log lines).
func (t *text) lineAt(pos int) int {
	if t.ends == nil {
		t.ends = make([]int, 0, len(t.lines))
		for i := 0; i < len(t.s); i++ {
			if t.s[i] == '\n' {
				t.ends = append(t.ends, i)
			}
		}
	}
	k := sort.SearchInts(t.ends, pos) // line feeds before pos
	if k < len(t.lines) {
		return t.lines[k]
	}
	return t.lines[len(t.lines)-1]
}

// preprocess does what mermaid.mermaidAPI.getDiagramFromText does before
// the journey parser runs: line ends to "\n", double-quoted attributes of
// HTML tags to single quotes, comment lines removed, leading white space
// trimmed, "style…:…#…;" lines' last ";" dropped and "#name;" entities
// turned into Mermaid's markers. Front matter and %%{…}%% directives, which
// configure Mermaid, are refused.
func preprocess(src string) (*text, error) {
	// CRLF and CR as LF, counting input lines as Mermaid sees them.
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	if strings.Contains(src, "=\"") {
		src = reTag.ReplaceAllStringFunc(src, func(m string) string {
			return reAttrQuote.ReplaceAllString(m, "='$1'")
		})
	}
	if loc := reDirective.FindStringIndex(src); loc != nil {
		return nil, &SyntaxError{Line: 1 + strings.Count(src[:loc[0]], "\n"),
			Detail: "a %%{…}%% directive configures Mermaid; journeymap keeps no configuration (remove it)"}
	}
	if strings.HasPrefix(src, "---") {
		return nil, &SyntaxError{Line: 1, Detail: "front matter (---) configures Mermaid; journeymap keeps no configuration (remove it)"}
	}
	// cleanupComments: /^\s*%%(?!{)[^\n]+\n?/gm removed, then trimStart.
	var out strings.Builder
	out.Grow(len(src))
	var lines []int
	in := strings.Split(src, "\n")
	startLine := true // at the start of an output line
	for i := 0; i < len(in); i++ {
		// ^\s*%% may span blank lines: find the first line, from i, that
		// is not all white space.
		k := i
		for k < len(in)-1 && strings.TrimFunc(in[k], isJSSpace) == "" {
			k++
		}
		rest := strings.TrimLeftFunc(in[k], isJSSpace)
		if strings.HasPrefix(rest, "%%") && !strings.HasPrefix(rest, "%%{") && len(rest) > 2 {
			i = k // lines i..k removed with their line ends
			continue
		}
		if startLine {
			lines = append(lines, i+1)
		}
		out.WriteString(in[i])
		if i < len(in)-1 {
			out.WriteByte('\n')
			startLine = true
		}
	}
	s := out.String()
	trimmed := strings.TrimLeftFunc(s, isJSSpace)
	drop := strings.Count(s[:len(s)-len(trimmed)], "\n")
	lines = lines[drop:]
	if len(lines) == 0 {
		lines = []int{len(in)}
	}
	s = trimmed
	// encodeEntities (same length or shorter, never across lines).
	if strings.Contains(s, "style") {
		s = reStyle.ReplaceAllStringFunc(s, func(m string) string { return m[:len(m)-1] })
	}
	if strings.Contains(s, "classDef") {
		s = reClassDef.ReplaceAllStringFunc(s, func(m string) string { return m[:len(m)-1] })
	}
	return &text{s: encodeEntities(s) + "\n", lines: lines}, nil
}

// encodeEntities turns every "#" + word characters + ";" into Mermaid's
// markers: "ﬂ°°NNN¶ß" for digits, "ﬂ°name¶ß" otherwise (the replacement
// of /#\w+;/g in Mermaid's encodeEntities, without a regular expression).
func encodeEntities(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		k := i + 1
		digits := true
		for k < len(s) && isWordByte(s[k]) {
			if s[k] < '0' || s[k] > '9' {
				digits = false
			}
			k++
		}
		if k == i+1 || k >= len(s) || s[k] != ';' {
			continue
		}
		b.WriteString(s[last:i])
		if digits {
			b.WriteString("ﬂ°°")
		} else {
			b.WriteString("ﬂ°")
		}
		b.WriteString(s[i+1 : k])
		b.WriteString("¶ß")
		last = k + 1
		i = k
	}
	b.WriteString(s[last:])
	return b.String()
}

type tokKind int

const (
	tEOF tokKind = iota
	tNewline
	tJourney
	tTitle
	tAccTitle
	tAccDescr
	tSection
	tTaskName
	tTaskData
	tColon
	tInvalid
)

type token struct {
	kind  tokKind
	value string
	pos   int
}

// lexer follows journey.jison's lexer: case-insensitive, the first rule
// that matches wins (jison's default, not the longest match).
type lexer struct {
	s   string
	pos int
}

func hasFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// spanNot returns the length of the longest prefix of s without any of the
// bytes in stop.
func spanNot(s, stop string) int {
	if i := strings.IndexAny(s, stop); i >= 0 {
		return i
	}
	return len(s)
}

// spanSpace returns the length of the prefix of s made of JavaScript white space.
func spanSpace(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isJSSpace(r) {
			break
		}
		n += size
	}
	return n
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func (l *lexer) next() token {
scan:
	for {
		rest := l.s[l.pos:]
		start := l.pos
		if rest == "" {
			return token{kind: tEOF, pos: start}
		}
		// %%(?!\{)[^\n]*  — a comment.
		if strings.HasPrefix(rest, "%%") && !strings.HasPrefix(rest, "%%{") {
			l.pos += spanNot(rest, "\n")
			continue
		}
		// [^\}]%%[^\n]*  — any one character (a line end too) before %%.
		if r, size := utf8.DecodeRuneInString(rest); r != '}' && size <= 3 && strings.HasPrefix(rest[size:], "%%") {
			l.pos += size + spanNot(rest[size:], "\n")
			continue
		}
		if rest[0] == '\n' {
			n := 0
			for n < len(rest) && rest[n] == '\n' {
				n++
			}
			l.pos += n
			return token{kind: tNewline, pos: start}
		}
		if n := spanSpace(rest); n > 0 {
			l.pos += n
			continue
		}
		if rest[0] == '#' {
			l.pos += spanNot(rest, "\n")
			continue
		}
		if hasFold(rest, "journey") && (len(rest) == 7 || !isWordByte(rest[7])) {
			l.pos += 7
			return token{kind: tJourney, pos: start}
		}
		// title\s[^#\n;]+
		if hasFold(rest, "title") {
			if r, size := utf8.DecodeRuneInString(rest[5:]); isJSSpace(r) {
				if n := spanNot(rest[5+size:], "#\n;"); n > 0 {
					l.pos += 5 + size + n
					// substr(6): one UTF-16 unit after "title"; every
					// JavaScript space is one unit.
					return token{kind: tTitle, value: rest[5+size : 5+size+n], pos: start}
				}
			}
		}
		for _, kw := range [...]struct {
			word string
			kind tokKind
		}{{"acctitle", tAccTitle}, {"accdescr", tAccDescr}} {
			if !hasFold(rest, kw.word) {
				continue
			}
			n := len(kw.word)
			n += spanSpace(rest[n:])
			if n < len(rest) && rest[n] == ':' {
				n++
				n += spanSpace(rest[n:])
				if n == len(rest) {
					// The value's state meets the end of the input, where
					// jison returns its own end token, which the grammar
					// does not expect.
					l.pos += n
					return token{kind: tInvalid, value: kw.word + " without a value at the end", pos: start}
				}
				v := spanNot(rest[n:], "\n")
				l.pos += n + v
				return token{kind: kw.kind, value: rest[n : n+v], pos: start}
			}
			if kw.kind == tAccDescr && n < len(rest) && rest[n] == '{' {
				n++
				n += spanSpace(rest[n:])
				v := spanNot(rest[n:], "}")
				if n+v == len(rest) {
					l.pos += n + v
					return token{kind: tInvalid, value: "accDescr { without its closing }", pos: start}
				}
				l.pos += n + v + 1 // the closing brace too
				if v == 0 {
					continue scan // no value token: no statement
				}
				return token{kind: tAccDescr, value: rest[n : n+v], pos: start}
			}
		}
		// section\s[^#:\n;]+
		if hasFold(rest, "section") {
			if r, size := utf8.DecodeRuneInString(rest[7:]); isJSSpace(r) {
				if n := spanNot(rest[7+size:], "#:\n;"); n > 0 {
					l.pos += 7 + size + n
					return token{kind: tSection, value: rest[7+size : 7+size+n], pos: start}
				}
			}
		}
		if n := spanNot(rest, "#:\n;"); n > 0 {
			l.pos += n
			return token{kind: tTaskName, value: rest[:n], pos: start}
		}
		if rest[0] == ':' {
			if n := spanNot(rest[1:], "#\n;"); n > 0 {
				l.pos += 1 + n
				return token{kind: tTaskData, value: rest[1 : 1+n], pos: start}
			}
			l.pos++
			return token{kind: tColon, pos: start}
		}
		_, size := utf8.DecodeRuneInString(rest)
		l.pos += size
		return token{kind: tInvalid, value: rest[:size], pos: start}
	}
}

// Parse reads a Mermaid journey diagram the way mermaid 12.3.0 does and
// returns what Mermaid's database would hold, or a *SyntaxError (wrapping
// ErrSyntax) where Mermaid's parser fails. Front matter and %%{…}%%
// directives are refused too: they configure Mermaid and journeymap keeps no
// configuration. src must be UTF-8.
func Parse(src []byte) (*Diagram, error) {
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalid(src)], []byte{'\n'})
		return nil, &SyntaxError{Line: line, Detail: "the text is not UTF-8"}
	}
	t, err := preprocess(string(src))
	if err != nil {
		return nil, err
	}
	lx := &lexer{s: t.s}
	fail := func(tok token, detail string) error {
		return &SyntaxError{Line: t.lineAt(tok.pos), Detail: detail}
	}
	invalid := func(tok token) error {
		switch tok.value {
		case ";":
			return fail(tok, "\";\" is not allowed in a journey diagram; write #59; for it")
		case "acctitle without a value at the end", "accdescr without a value at the end", "accDescr { without its closing }":
			return fail(tok, tok.value)
		}
		return fail(tok, fmt.Sprintf("unexpected %q", tok.value))
	}
	first := lx.next()
	// Mermaid's detector wants "journey" in lower case; the lexer's
	// keyword then ends at a word boundary.
	if first.kind != tJourney || !strings.HasPrefix(t.s, "journey") {
		return nil, fail(first, "not a Mermaid journey diagram: it must start with \"journey\"")
	}
	d := &Diagram{}
	section, sectionIndex := "", -1
	for {
		tok := lx.next()
		switch tok.kind {
		case tEOF:
			return d, nil
		case tNewline:
		case tTitle:
			d.Title, d.TitleLine = tok.value, t.lineAt(tok.pos)
		case tAccTitle:
			d.AccTitle, d.AccTitleLine = strings.TrimLeftFunc(jsTrim(tok.value), isJSSpace), t.lineAt(tok.pos)
		case tAccDescr:
			v := jsTrim(tok.value)
			d.AccDescr, d.AccDescrLine = reDescrIndent.ReplaceAllString(v, "\n"), t.lineAt(tok.pos)
		case tSection:
			section = tok.value
			d.Sections = append(d.Sections, section)
			sectionIndex = len(d.Sections) - 1
		case tTaskName:
			data := lx.next()
			if data.kind == tInvalid {
				return nil, invalid(data)
			}
			if data.kind != tTaskData {
				return nil, fail(tok, "a task needs \": score\" after its name (\":\" in a task name, or a task name alone on its line)")
			}
			d.Tasks = append(d.Tasks, newTask(tok.value, data.value, section, sectionIndex, t.lineAt(tok.pos)))
		case tJourney:
			return nil, fail(tok, "\"journey\" starts a line a second time (a task or section name starting with \"journey \"?)")
		case tColon, tTaskData:
			return nil, fail(tok, "unexpected \":\" (a \":\" in a section name, or a task without a name)")
		default:
			return nil, invalid(tok)
		}
	}
}

var reDescrIndent = regexp.MustCompile(`\n[` + jsSpaceClass + `]+`)

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// newTask is journeyDb.addTask: the data after the first ":" split at ":",
// the score Number(piece 0), the people piece 1 split at "," and trimmed.
func newTask(name, data, section string, sectionIndex, line int) Task {
	pieces := strings.Split(data, ":")
	t := Task{Section: section, SectionIndex: sectionIndex, Name: name, ScoreText: pieces[0], Score: jsNumber(pieces[0]), Line: line}
	if len(pieces) > 1 {
		for p := range strings.SplitSeq(pieces[1], ",") {
			t.People = append(t.People, jsTrim(p))
		}
		t.Ignored = strings.Join(pieces[2:], ":")
	}
	return t
}

// jsNumber is JavaScript's Number(s) for a string.
func jsNumber(s string) float64 {
	s = jsTrim(s)
	if s == "" {
		return 0
	}
	switch s {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			v := 0.0
			for _, c := range s[2:] {
				d, err := strconv.ParseUint(string(c), base, 8)
				if err != nil {
					return math.NaN()
				}
				v = v*float64(base) + float64(d)
			}
			return v
		}
	}
	// StrDecimalLiteral: digits with an optional fraction and exponent.
	i := 0
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	digits := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return math.NaN()
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return math.NaN()
		}
	}
	if i != len(s) {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(v, 0) && v != 0 {
		return math.NaN()
	}
	return v
}

// Text returns the text a reader sees for a raw string of the Diagram:
// Mermaid's entity markers decoded as HTML character references ("#58;" is
// ":", "#amp;" is "&"), NUL as U+FFFD, everything else as written.
func Text(raw string) string {
	// A NUL shows as U+FFFD, as an HTML parser reads it.
	raw = strings.ReplaceAll(raw, "\x00", "\uFFFD")
	if !strings.Contains(raw, "ﬂ°") && !strings.Contains(raw, "¶ß") {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	for raw != "" {
		i := strings.Index(raw, "ﬂ°")
		j := strings.Index(raw, "¶ß")
		switch {
		case i < 0 && j < 0:
			b.WriteString(raw)
			raw = ""
		case j >= 0 && (i < 0 || j < i):
			// A lone end marker is decoded to ";" as Mermaid does.
			b.WriteString(raw[:j])
			b.WriteByte(';')
			raw = raw[j+len("¶ß"):]
		default:
			b.WriteString(raw[:i])
			raw = raw[i+len("ﬂ°"):]
			numeric := strings.HasPrefix(raw, "°")
			if numeric {
				raw = raw[len("°"):]
			}
			end := strings.Index(raw, "¶ß")
			if end < 0 {
				// Not a marker Mermaid made: "&" or "&#" then the text.
				if numeric {
					b.WriteString(html.UnescapeString("&#" + raw))
				} else {
					b.WriteString(html.UnescapeString("&" + raw))
				}
				raw = ""
				continue
			}
			body := raw[:end]
			raw = raw[end+len("¶ß"):]
			b.WriteString(decodeReference(body, numeric))
		}
	}
	return b.String()
}

// decodeReference decodes "&#body;" (numeric) or "&body;" as an HTML parser
// does in text.
func decodeReference(body string, numeric bool) string {
	if numeric {
		digits := strings.TrimLeft(body, "0")
		if strings.Trim(body, "0123456789") != "" || body == "" {
			return html.UnescapeString("&#" + body + ";")
		}
		if len(digits) > 7 {
			return "\uFFFD" // beyond U+10FFFF
		}
		n, _ := strconv.Atoi(digits)
		switch {
		case n == 0, n > 0x10FFFF, 0xD800 <= n && n <= 0xDFFF:
			return "\uFFFD"
		case 0x80 <= n && n <= 0x9F:
			return html.UnescapeString("&#" + digits + ";") // Windows-1252, as HTML maps them
		}
		return string(rune(n))
	}
	return html.UnescapeString("&" + body + ";")
}

// Lines returns the text a reader sees for a raw section or task name:
// split into lines at "<br>" (any case, "<br/>", "<br />"), each line as
// Text, joined with "\n".
func Lines(raw string) string {
	if !strings.Contains(raw, "<") {
		return Text(raw)
	}
	parts := reBreak.Split(raw, -1)
	for i, p := range parts {
		parts[i] = Text(p)
	}
	return strings.Join(parts, "\n")
}
