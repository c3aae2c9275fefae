// Package mermaidin builds a journey from a Mermaid user-journey diagram,
// the kind journeymap's Mermaid renderer writes and people keep in READMEs
// and wikis:
//
//	journey
//	    title My working day
//	    section Go to work
//	        Make tea: 5: Me
//	        Do work: 1: Me, Cat
//
// The diagram is read the way mermaid 12.3.0 reads it (Parse models its
// parser and database, quirks included), then mapped onto a journey:
//
//   - title → the journey's title (Options.Title, else DefaultTitle, when
//     the diagram has none); accTitle → the title too when there is no
//     title (a different title and accTitle are refused: a journey has one);
//     accDescr → the description;
//   - each section → a stage, in order (repeated names give several stages);
//   - each task → a touchpoint of the stage above it, with channel "other"
//     (a Mermaid task has no channel) and emotion = score − 3, so the scores
//     1..5 become −2..2;
//   - actors → personas, one per distinct name in order of first
//     appearance; a task's actors → its persona_ids. A task that names every
//     persona, or none, gets no persona_ids: in a journey that means "every
//     persona" (a journey cannot say "nobody");
//   - "%%" and "#" comments are ignored, as Mermaid ignores them.
//
// Text is decoded as Mermaid shows it: "#NNN;" entities (the escape
// journeymap's renderer writes, and the named ones such as "#amp;") become
// their characters, "<br>" in a section or task name becomes a line break,
// and white space around names (not written as an entity) is dropped.
// Actors are split at "," and trimmed, as Mermaid does; empty actors (from
// "Task: 5:" or "A, , B") are not personas.
//
// The phase of each stage comes from its name where it is a stage name of
// a built-in template (journey.Templates, English or Vietnamese, any letter
// case): "Awareness" is before purchase, "Mua hàng" during, "Advocacy"
// after. When a name belongs to several templates with different phases
// ("Convert"), the template naming most of the diagram's sections decides.
// Every other stage is placed by position: the first third of the sections
// before purchase, the middle third during, the last third after.
//
// What a journey cannot hold is refused with its line number rather than
// dropped: a score that is not a whole number from 1 to 5, a task before
// the first section, text Mermaid ignores after a third ":", an empty
// section or task name, front matter and %%{…}%% directives (Mermaid
// configuration), and anything Mermaid's own parser rejects (";", ":" in a
// section name, a task without a score…). Importing journeymap's own Mermaid
// output and exporting it again gives the same diagram, and importing that
// gives the same journey, ids included: ids derive from the content.
package mermaidin

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/readlimit"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// DefaultTitle is the journey's title when the diagram and Options.Title
// give none.
const DefaultTitle = "Imported journey"

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 4 << 20

// DefaultMaxDocumentBytes is the largest encoded journey Import returns when
// Options.MaxDocumentBytes is zero: the size journey.Decode accepts by default.
const DefaultMaxDocumentBytes = 16 << 20

// Sentinels wrapped by the problems Import reports.
var (
	// ErrSyntax: Mermaid's parser would refuse the diagram, or it is not a
	// journey diagram.
	ErrSyntax = errors.New("mermaidin: not a valid Mermaid journey diagram")
	// ErrUnsupported: valid Mermaid that a journey cannot hold.
	ErrUnsupported = errors.New("mermaidin: cannot be represented in a journey")
	// ErrTooLarge: the input, or the journey built from it, is over the limit.
	ErrTooLarge = errors.New("mermaidin: too large")
)

// Options tune Import. The zero value reads a diagram into a current-state
// journey.
type Options struct {
	// Title is the journey's title when the diagram has no title or accTitle;
	// empty means DefaultTitle.
	Title string
	// Type of the journey; empty means journey.CurrentState.
	Type journey.Type
	// Language is the BCP 47 tag of the diagram's text, e.g. "vi"; optional.
	Language string
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDocumentBytes limits the size of the journey's JSON encoding, so an
	// import never produces a document journey.Decode refuses; 0 means
	// DefaultMaxDocumentBytes.
	MaxDocumentBytes int
}

// Error is one problem at one line of the diagram.
type Error struct {
	// Line is the 1-based input line; 0 for the whole input.
	Line int
	// Err is the sentinel: ErrSyntax, ErrUnsupported or ErrTooLarge.
	Err error
	// Detail says what is wrong and how to fix it.
	Detail string
}

// Error formats the problem as "line 4: …".
func (e *Error) Error() string {
	if e.Line > 0 {
		return "line " + strconv.Itoa(e.Line) + ": " + e.Detail
	}
	return e.Detail
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem of one import, in input order.
type Errors []*Error

// Error joins the problems one per line.
func (l Errors) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns every problem, so errors.Is and errors.As look through them.
func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// maxErrors is how many problems Import lists before it stops.
const maxErrors = 100

// Import reads a Mermaid journey diagram from r and returns the journey it
// describes. When anything is wrong it returns nil and Errors listing every
// problem by line. An invalid Options.Type is a plain error; a read error
// of r is returned as is.
func Import(r io.Reader, opts Options) (*journey.Journey, error) {
	typ := opts.Type
	if typ == "" {
		typ = journey.CurrentState
	}
	if !typ.Valid() {
		_, err := journey.ParseType(string(typ))
		return nil, fmt.Errorf("mermaidin: %w", err)
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, tooLarge, err := readlimit.ReadAll(r, limit)
	if err != nil {
		return nil, err
	}
	if tooLarge {
		return nil, Errors{{Err: ErrTooLarge, Detail: fmt.Sprintf("the input is larger than %d bytes", limit)}}
	}
	d, err := Parse(data)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return nil, Errors{{Line: se.Line, Err: ErrSyntax, Detail: se.Detail}}
		}
		return nil, err
	}
	return build(d, typ, opts)
}

// builder turns a Diagram into a journey.
type builder struct {
	errs    Errors
	stop    bool
	persons map[string]int // actor name → index in personas
	names   []string
}

func (b *builder) fail(line int, sentinel error, format string, args ...any) {
	if b.stop {
		return
	}
	b.errs = append(b.errs, &Error{Line: line, Err: sentinel, Detail: fmt.Sprintf(format, args...)})
	if len(b.errs) >= maxErrors {
		b.errs = append(b.errs, &Error{Err: ErrUnsupported, Detail: fmt.Sprintf("stopped after %d problems", maxErrors)})
		b.stop = true
	}
}

// name is a section or task name as a journey keeps it: white space
// around the raw text dropped, then decoded as Mermaid shows it.
func name(raw string) string { return Lines(jsTrim(raw)) }

func build(d *Diagram, typ journey.Type, opts Options) (*journey.Journey, error) {
	b := &builder{persons: map[string]int{}}
	j := &journey.Journey{SchemaVersion: journey.SchemaVersion, Type: typ, Language: opts.Language}
	title, accTitle := Text(jsTrim(d.Title)), Text(jsTrim(d.AccTitle))
	switch {
	case title != "" && accTitle != "" && title != accTitle:
		b.fail(d.AccTitleLine, ErrUnsupported, "accTitle %s differs from the title %s (line %d); a journey has one title: make them equal or remove one",
			strconv.Quote(short(accTitle)), strconv.Quote(short(title)), d.TitleLine)
	case title != "":
		j.Title = title
	case accTitle != "":
		j.Title = accTitle
	}
	if j.Title == "" {
		j.Title = opts.Title
		if strings.TrimSpace(j.Title) == "" {
			j.Title = DefaultTitle
		}
	}
	j.Description = Text(d.AccDescr)

	phases := stagePhases(d.Sections)
	for i, raw := range d.Sections {
		n := name(raw)
		if strings.TrimSpace(n) == "" {
			b.fail(sectionLine(d, i), ErrUnsupported, "section %d has no name; a stage needs one", i+1)
		}
		j.Stages = append(j.Stages, &journey.Stage{Name: n, Phase: phases[i]})
	}
	actors := make([][]int, 0, len(d.Tasks)) // persona indexes of each touchpoint
	for _, t := range d.Tasks {
		if t.SectionIndex < 0 {
			b.fail(t.Line, ErrUnsupported, "task %s comes before the first section; every touchpoint belongs to a stage: add a section above it",
				strconv.Quote(short(name(t.Name))))
			continue
		}
		tp := &touchpoint.Touchpoint{Name: name(t.Name), Channel: channel.Other}
		if strings.TrimSpace(tp.Name) == "" {
			b.fail(t.Line, ErrUnsupported, "the task has no name; a touchpoint needs one")
		}
		switch {
		case math.IsNaN(t.Score):
			b.fail(t.Line, ErrUnsupported, "score %s is not a number (write a whole number from 1 to 5)", strconv.Quote(short(jsTrim(t.ScoreText))))
		case t.Score != math.Trunc(t.Score) || t.Score < 1 || t.Score > 5:
			b.fail(t.Line, ErrUnsupported, "score %s is not a whole number from 1 to 5 (journeymap's emotion −2..2 is the score − 3)", strconv.Quote(short(jsTrim(t.ScoreText))))
		default:
			tp.SetEmotion(t.Score - 3)
		}
		if strings.TrimSpace(t.Ignored) != "" {
			b.fail(t.Line, ErrUnsupported, "Mermaid ignores the text after the third \":\" (%s); remove it, or write #58; for a \":\" inside an actor's name",
				strconv.Quote(short(t.Ignored)))
		}
		var list []int
		seen := map[int]bool{}
		for _, raw := range t.People {
			a := Text(raw)
			if strings.TrimSpace(a) == "" {
				continue
			}
			k, ok := b.persons[a]
			if !ok {
				k = len(b.names)
				b.persons[a] = k
				b.names = append(b.names, a)
			}
			if !seen[k] {
				seen[k] = true
				list = append(list, k)
			}
		}
		s := j.Stages[t.SectionIndex]
		s.Touchpoints = append(s.Touchpoints, tp)
		actors = append(actors, list)
	}
	if len(b.errs) > 0 {
		return nil, b.errs
	}
	for _, n := range b.names {
		j.Personas = append(j.Personas, &persona.Persona{Name: n})
	}
	// A touchpoint naming every persona (or none) gets no persona_ids.
	for i, list := range actors {
		if len(list) == len(b.names) {
			actors[i] = nil
		}
	}
	fillIDs(j, actors)
	k := 0
	for _, s := range j.Stages {
		for _, tp := range s.Touchpoints {
			for _, p := range actors[k] {
				tp.PersonaIDs = append(tp.PersonaIDs, j.Personas[p].ID)
			}
			k++
		}
	}
	if err := j.Validate(); err != nil {
		var out Errors
		var list docerr.List
		if errors.As(err, &list) {
			for _, e := range list {
				out = append(out, &Error{Err: ErrUnsupported, Detail: e.Error()})
			}
			return nil, out
		}
		return nil, Errors{{Err: ErrUnsupported, Detail: err.Error()}}
	}
	maxDoc := opts.MaxDocumentBytes
	if maxDoc <= 0 {
		maxDoc = DefaultMaxDocumentBytes
	}
	if data, err := journey.Marshal(j); err == nil && len(data) > maxDoc {
		return nil, Errors{{Err: ErrTooLarge, Detail: fmt.Sprintf("the journey would be %d bytes of JSON, more than the %d bytes a document may have; split the diagram", len(data), maxDoc)}}
	}
	return j, nil
}

// fillIDs gives the journey an id derived from its content (the document
// without ids, and who each touchpoint serves), so the same diagram, or
// journeymap's Mermaid rendering of the imported journey, always gives the
// same ids; the other ids follow from it as journey.FillIDs derives them.
func fillIDs(j *journey.Journey, actors [][]int) {
	seed, err := journey.Marshal(j)
	if err != nil {
		seed = []byte(j.Title)
	}
	seed = append([]byte("mermaid\x00"), seed...)
	for _, list := range actors {
		seed = append(seed, 0)
		for _, p := range list {
			seed = strconv.AppendInt(append(seed, ','), int64(p), 10)
		}
	}
	j.ID = uuid.NewSHA1(journey.Namespace(), seed)
	j.FillIDs()
}

func sectionLine(d *Diagram, i int) int {
	for _, t := range d.Tasks {
		if t.SectionIndex == i {
			return t.Line
		}
	}
	return 0
}

// short cuts s for an error message.
func short(s string) string {
	const limit = 60
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// stagePhases returns the phase of each section: from the built-in
// templates' stage names where they match, else by position.
func stagePhases(sections []string) []journey.Phase {
	templates := journey.Templates()
	keys := make([]string, len(sections))
	for i, s := range sections {
		keys[i] = strings.ToLower(strings.TrimSpace(name(s)))
	}
	// The template naming most sections decides between templates.
	best, bestCount := -1, 0
	for ti, t := range templates {
		count := 0
		for _, k := range keys {
			if _, ok := templatePhase(t, k); ok {
				count++
			}
		}
		if count > bestCount {
			best, bestCount = ti, count
		}
	}
	out := make([]journey.Phase, len(sections))
	order := journey.Phases()
	for i, k := range keys {
		if best >= 0 {
			if p, ok := templatePhase(templates[best], k); ok {
				out[i] = p
				continue
			}
		}
		found := false
		for _, t := range templates {
			if p, ok := templatePhase(t, k); ok {
				out[i], found = p, true
				break
			}
		}
		if !found {
			out[i] = order[i*len(order)/len(sections)]
		}
	}
	return out
}

func templatePhase(t journey.Template, key string) (journey.Phase, bool) {
	for _, s := range t.Stages {
		for _, l := range i18n.Languages() {
			if strings.ToLower(s.StageName(l.String())) == key {
				return s.Phase, true
			}
		}
	}
	return "", false
}
