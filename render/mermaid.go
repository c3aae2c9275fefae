package render

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

// ErrMermaidLabel is wrapped by the errors of the Mermaid renderers for a
// label Mermaid cannot draw (an empty task, section, node or actor name) or a
// score that is not a finite number.
var ErrMermaidLabel = errors.New("render: label Mermaid cannot draw")

// Mermaid renders a journey as a Mermaid user-journey diagram: title,
// accTitle and accDescr; one section per stage; one task per touchpoint whose
// score is the emotion mapped from −2..2 onto 1..5 (rounded half up) and whose
// actors are the names of the personas the touchpoint serves (every persona
// when its persona_ids is empty).
//
// Every label goes through EscapeMermaid, so whatever a user writes comes out
// of Mermaid's parser as the same text. The zero value is ready to use.
type Mermaid struct {
	// OmitUnscored leaves out touchpoints with no emotion instead of drawing
	// them with the neutral score 3.
	OmitUnscored bool
	// Comments adds, under each task, "%%" comment lines naming its channel
	// and mode and each pain point with category and severity, which the
	// journey grammar cannot draw.
	Comments bool
}

// Render writes the diagram to w.
func (m Mermaid) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	var errs docerr.List
	b := make([]byte, 0, 4096)
	b = append(b, "journey\n"...)
	if j.Title != "" {
		b = append(b, "    title "...)
		b = appendMermaidIn(b, j.Title, inText)
		b = append(b, "\n    accTitle: "...)
		b = appendMermaidIn(b, j.Title, inText)
		b = append(b, '\n')
	}
	if j.Description != "" {
		b = append(b, "    accDescr: "...)
		b = appendMermaidIn(b, j.Description, inText)
		b = append(b, '\n')
	}
	actors := personaIndexes(j)
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		spath := docerr.Index("stages", si)
		b = append(b, "    section "...)
		b = appendLabel(b, &errs, docerr.Join(spath, "name"), s.Name, inSection)
		b = append(b, '\n')
		for ti, t := range s.Touchpoints {
			if t == nil || (m.OmitUnscored && t.Emotion == nil) {
				continue
			}
			tpath := docerr.Index(docerr.Join(spath, "touchpoints"), ti)
			b = append(b, "        "...)
			b = appendLabel(b, &errs, docerr.Join(tpath, "name"), t.Name, inTask)
			b = append(b, ": "...)
			score, ok := MermaidScore(t.Emotion)
			if !ok {
				errs.Add(docerr.Join(tpath, "emotion"), ErrMermaidLabel, "emotion is not a finite number")
			}
			b = strconv.AppendInt(b, int64(score), 10)
			b = appendActors(b, &errs, j, t, actors)
			b = append(b, '\n')
			if m.Comments {
				b = appendComments(b, t)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// MermaidScore maps an emotion (−2..2, nil = not measured) onto Mermaid's
// task score 1..5: the emotion plus 3, rounded half up and clamped, and 3
// when the emotion is nil. ok is false for NaN or infinite emotions.
func MermaidScore(emotion *float64) (score int, ok bool) {
	if emotion == nil {
		return 3, true
	}
	e := *emotion
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return 3, false
	}
	return int(math.Max(1, math.Min(5, math.Floor(e+3.5)))), true
}

// personaNames maps persona ids to names.
func personaNames(j *journey.Journey) map[uuid.UUID]string {
	names := make(map[uuid.UUID]string, len(j.Personas))
	for _, p := range j.Personas {
		if p != nil {
			names[p.ID] = p.Name
		}
	}
	return names
}

// appendActors writes ": A, B" for the personas t serves: the listed ones in
// persona_ids order (an id naming no persona is written as the id, never
// dropped), or every persona of the journey when persona_ids is empty.
func appendActors(b []byte, errs *docerr.List, j *journey.Journey, t *touchpoint.Touchpoint, index map[uuid.UUID]int) []byte {
	n := 0
	actor := func(path, name string) {
		if n == 0 {
			b = append(b, ": "...)
		} else {
			b = append(b, ", "...)
		}
		n++
		b = appendLabel(b, errs, path, name, inActor)
	}
	if len(t.PersonaIDs) == 0 {
		for i, p := range j.Personas {
			if p != nil {
				actor(docerr.Join(docerr.Index("personas", i), "name"), p.Name)
			}
		}
		return b
	}
	for _, id := range t.PersonaIDs {
		i, ok := index[id]
		name := id.String()
		if ok {
			name = j.Personas[i].Name
		} else {
			i = -1
		}
		actor(docerr.Join(docerr.Index("personas", i), "name"), name)
	}
	return b
}

// personaIndexes maps persona ids to their index in j.Personas (the first
// persona with an id wins), so naming a task's actors costs one lookup per
// id: a valid 16 MB document with thousands of personas and persona_ids
// took 31.9 s when each id searched the persona list.
func personaIndexes(j *journey.Journey) map[uuid.UUID]int {
	index := make(map[uuid.UUID]int, len(j.Personas))
	for i, p := range j.Personas {
		if p == nil {
			continue
		}
		if _, dup := index[p.ID]; !dup {
			index[p.ID] = i
		}
	}
	return index
}

// appendComments writes the %% lines of a task: channel and mode, then each
// pain point with its category and severity.
func appendComments(b []byte, t *touchpoint.Touchpoint) []byte {
	b = append(b, "        %% channel "...)
	b = AppendMermaid(b, string(t.Channel))
	b = append(b, ' ')
	b = AppendMermaid(b, string(t.EffectiveMode()))
	b = append(b, '\n')
	for _, p := range t.PainPoints {
		if p == nil {
			continue
		}
		b = append(b, "        %% pain point "...)
		b = AppendMermaid(b, string(p.Category))
		b = append(b, ' ')
		b = AppendMermaid(b, string(p.Severity))
		b = append(b, ' ')
		b = AppendMermaid(b, p.Title)
		b = append(b, '\n')
	}
	return b
}

// appendLabel escapes a label that must not be empty for its place in the
// diagram; an empty one is recorded in errs at path.
func appendLabel(b []byte, errs *docerr.List, path, s string, in place) []byte {
	if s == "" {
		errs.Add(path, ErrMermaidLabel, "is empty; Mermaid cannot draw an empty label")
		return b
	}
	return appendMermaidIn(b, s, in)
}

// mermaidKeywords start a Mermaid statement; a label starting with one (in any
// letter case) gets its first letter encoded so the lexer cannot see the keyword.
var mermaidKeywords = [...]string{"journey", "title", "section", "acctitle", "accdescr"}

// place is where in a diagram a label is written: each place needs only
// some characters escaped, so the text stays readable ("Search, compare"
// rather than "Search#44; compare").
type place int

const (
	// anywhere is every place at once: what EscapeMermaid writes.
	anywhere place = iota
	// inText is a journey's title, accTitle or accDescr: the rest of the line.
	inText
	// inSection is a section name, which ends at ":".
	inSection
	// inTask is a task name: it ends at ":", and the lexer reads a statement
	// keyword at its start ("journey…", "title ", "section ").
	inTask
	// inActor is an actor of a task: actors are split at "," and the
	// task's data at ":".
	inActor
	// inQuotes is a double-quoted flowchart label or a flowchart accTitle
	// or accDescr.
	inQuotes
)

// EscapeMermaid returns s written so that Mermaid reads it back as exactly s
// in any label position of a journey diagram (title, accTitle, accDescr,
// section, task, actor) or inside a double-quoted flowchart label.
//
// It relies on the one escape Mermaid honours in every one of these places:
// "#" + decimal code point + ";", which Mermaid turns into an HTML numeric
// character reference (checked against Mermaid 12.3.0's own parser by
// e2e/mermaid_test.go, TestMermaidUnderstandsEveryLabel, which reads every
// label of the example and hostile journeys back). Written that way are "#" itself (so text like "#58;"
// survives), ";", ":", ",", "%", "&", "<", ">", quotes, braces, "|", "\",
// the backtick, every C0 control character and DEL, Unicode format
// characters (bidi controls, zero-width characters), separators other than
// the plain space, a space at either end, the characters of Mermaid's
// internal entity markers ("°", "¶", "ﬂ"), and the first letter of a label
// starting with a keyword (journey, title, section, accTitle, accDescr).
//
// Two kinds of character no HTML character reference can carry are
// replaced: NUL and invalid UTF-8 become U+FFFD. C1 controls (U+0080–U+009F)
// are written raw, because "#128;" would become "€" (HTML maps those
// references onto Windows-1252).
func EscapeMermaid(s string) string { return string(AppendMermaid(nil, s)) }

// AppendMermaid appends EscapeMermaid(s) to dst and returns the extended buffer.
func AppendMermaid(dst []byte, s string) []byte { return appendMermaidIn(dst, s, anywhere) }

// appendMermaidIn appends s escaped for its place in a diagram: the
// characters every place needs escaped (see EscapeMermaid), ":" where a
// label ends at a colon, "," in actors, quotes in flowchart labels, and the
// first letter of a task starting with a statement keyword. In a title a
// colon followed by a space stays as written ("Note: …") unless that space
// ends the label (and so is itself escaped); any other colon
// is escaped, as Mermaid drops the last character of a line matching
// /style.*:\S*#.*;/ (a colon, then no space up to a "#").
func appendMermaidIn(dst []byte, s string, in place) []byte {
	keyword := false
	switch in {
	case anywhere:
		keyword = startsWithKeyword(s)
	case inTask:
		keyword = startsStatement(s)
	}
	last := len(s) - 1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case i == 0 && keyword,
				c == ' ' && (i == 0 || i == last),
				mermaidSpecial(c),
				needs(c, in),
				c == ':' && in == inText && (i+1 >= last || s[i+1] != ' '):
				dst = appendEntity(dst, rune(c))
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = appendEntity(dst, unicode.ReplacementChar)
		case r == '°' || r == '¶' || r == 'ﬂ',
			unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r),
			unicode.Is(unicode.Zs, r):
			dst = appendEntity(dst, r)
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// mermaidSpecial reports whether the ASCII byte c must be written as an
// entity wherever it is: "#" (a comment, or Mermaid's own escape), ";" (a
// statement end), "%" ("%%" comments and directives), what HTML would read
// (& < >), braces, "|", "\\", the backtick, control characters and DEL.
func mermaidSpecial(c byte) bool {
	switch c {
	case '#', ';', '%', '&', '<', '>', '{', '}', '|', '\\', '`', 0x7f:
		return true
	}
	return c < 0x20
}

// needs reports whether the ASCII byte c must be written as an entity in
// place in, beyond mermaidSpecial.
func needs(c byte, in place) bool {
	switch c {
	case ':': // in text, only one not followed by a space (see appendMermaidIn)
		return in != inText
	case ',':
		return in == anywhere || in == inActor
	case '"', '\'':
		return in == anywhere || in == inQuotes
	}
	return false
}

func appendEntity(dst []byte, r rune) []byte {
	if r == 0 {
		r = unicode.ReplacementChar
	}
	dst = append(dst, '#')
	dst = strconv.AppendInt(dst, int64(r), 10)
	return append(dst, ';')
}

// startsStatement reports whether a task name s would be read as a
// statement: "journey" at its start (the lexer takes the keyword from
// "Journeys" too), "title" or "section" followed by a space or nothing,
// "accTitle" or "accDescr", in any letter case.
func startsStatement(s string) bool {
	has := func(k string) bool { return len(s) >= len(k) && strings.EqualFold(s[:len(k)], k) }
	if has("journey") || has("acctitle") || has("accdescr") {
		return true
	}
	for _, k := range []string{"title", "section"} {
		if has(k) && (len(s) == len(k) || s[len(k)] == ' ') {
			return true
		}
	}
	return false
}

func startsWithKeyword(s string) bool {
	for _, k := range mermaidKeywords {
		if len(s) >= len(k) && strings.EqualFold(s[:len(k)], k) {
			return true
		}
	}
	return false
}
