package journey

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
	"github.com/journeymap/journeymap/internal/safetext"
)

// Validate checks the whole journey and reports every problem at once, as a
// docerr.List (nil when the journey is valid). Each problem carries the JSON
// path of the value concerned (for example
// "stages[2].touchpoints[0].pain_points[1].severity") and wraps a sentinel
// that errors.Is matches:
//
//   - ErrSchemaVersion: schema_version missing, or not SchemaVersion;
//   - ErrRequired: a required name, title, type, phase, channel, category,
//     severity, kind, layer or description is missing or blank, an id is nil,
//     or a list holds a null entry;
//   - ErrEnum: a typed value is not one of its allowed values;
//   - ErrRange: emotion or a persona emotion outside -2..2, impact or effort
//     outside 1..5, review_every_days outside 1..MaxReviewEveryDays, a
//     metric value or target outside metric.MinValue..metric.MaxValue;
//   - ErrInvalid: language is not a well-formed BCP 47 tag;
//   - ErrDuplicateID: two objects anywhere in the document share an id;
//   - ErrUnknownRef: persona_ids, the keys of persona_emotions,
//     pain_point_ids or touchpoint_ids name no object of the right kind.
//
// At most docerr.DefaultMaxProblems (100) problems are listed; the rest
// are counted, not built, in a final entry wrapping a *docerr.Omitted (see
// ValidateWith to change the cap).
//
// Use errors.As with a *docerr.List (or docerr.List) to walk the problems.
func (j *Journey) Validate() error { return j.ValidateWith(ValidateOptions{}) }

// ValidateOptions adjust Journey.ValidateWith. The zero value is the
// defaults of Validate.
type ValidateOptions struct {
	// MaxProblems is how many problems are listed; zero means
	// docerr.DefaultMaxProblems (100) and a negative value lists them all.
	// Further problems are counted in a final entry wrapping a
	// *docerr.Omitted.
	MaxProblems int
}

// ValidateWith is Validate with options. Its cost is linear in the size of
// the journey whatever the number of problems: problems past the cap are
// only counted.
func (j *Journey) ValidateWith(opts ValidateOptions) error {
	l := &docerr.Collector{Max: opts.MaxProblems}
	switch {
	case j.SchemaVersion == 0:
		l.Add("schema_version", docerr.ErrSchemaVersion, fmt.Sprintf("schema_version is required (this library reads version %d)", SchemaVersion))
	case j.SchemaVersion > SchemaVersion:
		l.Add("schema_version", docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d is newer than this library supports (%d): upgrade journeymap", j.SchemaVersion, SchemaVersion))
	case j.SchemaVersion != SchemaVersion:
		l.Add("schema_version", docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d is not supported (this library reads version %d)", j.SchemaVersion, SchemaVersion))
	}
	if j.ID == uuid.Nil {
		l.Add("id", docerr.ErrRequired, "id is missing (decoding fills it; in Go use journey.New or FillIDs)")
	}
	enum.Required(l, "title", j.Title)
	types.Check(l, "type", j.Type, true)
	if j.Language != "" && !wellFormedLanguage(j.Language) {
		l.Add("language", docerr.ErrInvalid, fmt.Sprintf("language %s is not a BCP 47 tag such as \"vi\" or \"en-US\"", safetext.Quote(j.Language)))
	}
	if j.ReviewEveryDays < 0 || j.ReviewEveryDays > MaxReviewEveryDays {
		l.Add("review_every_days", docerr.ErrRange, fmt.Sprintf("%d is outside 1..%d (days)", j.ReviewEveryDays, MaxReviewEveryDays))
	}

	ids := newIDIndex(l, j)
	ids.add(j.ID, place{kind: kindJourney})
	for i, p := range j.Personas {
		path := at(l, "personas", i)
		if p == nil {
			l.Add(path, docerr.ErrRequired, "null entry: remove it or fill it in")
			continue
		}
		l.AddAll(path, p.Validate())
		ids.add(p.ID, place{kind: kindPersona, i: int32(i)})
	}
	for i, s := range j.Stages {
		path := at(l, "stages", i)
		if s == nil {
			l.Add(path, docerr.ErrRequired, "null entry: remove it or fill it in")
			continue
		}
		s.validate(l, path, i, ids)
	}
	for i, o := range j.Opportunities {
		path := at(l, "opportunities", i)
		if o == nil {
			l.Add(path, docerr.ErrRequired, "null entry: remove it or fill it in")
			continue
		}
		o.validate(l, path)
		ids.add(o.ID, place{kind: kindOpportunity, i: int32(i)})
	}

	// References are checked once every id is known, so forward references work.
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			tpPath := func() string { return docerr.Index(docerr.Index("stages", i)+".touchpoints", k) }
			for n, id := range t.PersonaIDs {
				ids.ref(id, kindPersona, func() string { return docerr.Index(tpPath()+".persona_ids", n) })
			}
			if len(t.PersonaEmotions) > 0 {
				for _, id := range t.PersonaEmotionIDs() {
					ids.ref(id, kindPersona, func() string { return docerr.Key(tpPath()+".persona_emotions", id.String()) })
				}
			}
			for m, p := range t.PainPoints {
				if p == nil {
					continue
				}
				for n, id := range p.PersonaIDs {
					ids.ref(id, kindPersona, func() string {
						return docerr.Index(docerr.Index(tpPath()+".pain_points", m)+".persona_ids", n)
					})
				}
			}
		}
	}
	for i, o := range j.Opportunities {
		if o == nil {
			continue
		}
		for n, id := range o.PainPointIDs {
			ids.ref(id, kindPainPoint, func() string { return docerr.Index(docerr.Index("opportunities", i)+".pain_point_ids", n) })
		}
		for n, id := range o.TouchpointIDs {
			ids.ref(id, kindTouchpoint, func() string { return docerr.Index(docerr.Index("opportunities", i)+".touchpoint_ids", n) })
		}
	}
	return l.Err()
}

func (s *Stage) validate(l *docerr.Collector, path string, i int, ids *idIndex) {
	if s.ID == uuid.Nil {
		l.Add(below(l, path, "id"), docerr.ErrRequired, "id is missing (decoding fills it; in Go use AddStage or FillIDs)")
	}
	ids.add(s.ID, place{kind: kindStage, i: int32(i)})
	enum.Required(l, below(l, path, "name"), s.Name)
	phases.Check(l, below(l, path, "phase"), s.Phase, true)
	for k, t := range s.Touchpoints {
		tpPath := at(l, below(l, path, "touchpoints"), k)
		if t == nil {
			l.Add(tpPath, docerr.ErrRequired, "null entry: remove it or fill it in")
			continue
		}
		l.AddAll(tpPath, t.Validate())
		ids.add(t.ID, place{kind: kindTouchpoint, i: int32(i), k: int32(k)})
		for m, p := range t.PainPoints {
			if p != nil {
				ids.add(p.ID, place{kind: kindPainPoint, i: int32(i), k: int32(k), m: int32(m)})
			}
		}
	}
	for i, m := range s.Metrics {
		if err := m.Validate(); err != nil {
			l.AddAll(docerr.Index(path+".metrics", i), err)
		}
	}
}

func (o *Opportunity) validate(l *docerr.Collector, path string) {
	if o.ID == uuid.Nil {
		l.Add(path+".id", docerr.ErrRequired, "id is missing (decoding fills it; in Go use AddOpportunity or FillIDs)")
	}
	enum.Required(l, path+".title", o.Title)
	statuses.Check(l, path+".status", o.Status, false)
	score := func(name string, v int) {
		if v != 0 && (v < MinScore || v > MaxScore) {
			p := path + "." + name
			l.Add(p, docerr.ErrRange, fmt.Sprintf("%d is outside %d..%d", v, MinScore, MaxScore))
		}
	}
	score("impact", o.Impact)
	score("effort", o.Effort)
}

// at returns prefix with index i appended while problems are still listed,
// and "" once the cap is reached: a problem past the cap is only counted,
// so its path is never read and need not be built.
func at(l *docerr.Collector, prefix string, i int) string {
	if l.Full() {
		return ""
	}
	return docerr.Index(prefix, i)
}

// below is at for a member name.
func below(l *docerr.Collector, prefix, name string) string {
	if l.Full() {
		return ""
	}
	return docerr.Join(prefix, name)
}

// objectKind names what an id belongs to, for reference checks.
type objectKind uint8

const (
	kindJourney objectKind = iota
	kindPersona
	kindStage
	kindTouchpoint
	kindPainPoint
	kindOpportunity
)

func (k objectKind) String() string {
	return [...]string{"the journey", "a persona", "a stage", "a touchpoint", "a pain point", "an opportunity"}[k]
}

// place is where an id stands: the kind of object and its indexes (stage
// i, touchpoint k, pain point m; persona or opportunity i). Its path is
// built only for a problem, so indexing a million ids keeps no strings.
type place struct {
	kind    objectKind
	i, k, m int32 // 16 bytes a place: the index holds one per object
}

func (p place) path() string {
	i, k, m := int(p.i), int(p.k), int(p.m)
	switch p.kind {
	case kindPersona:
		return docerr.Index("personas", i) + ".id"
	case kindStage:
		return docerr.Index("stages", i) + ".id"
	case kindTouchpoint:
		return docerr.Index(docerr.Index("stages", i)+".touchpoints", k) + ".id"
	case kindPainPoint:
		return docerr.Index(docerr.Index(docerr.Index("stages", i)+".touchpoints", k)+".pain_points", m) + ".id"
	case kindOpportunity:
		return docerr.Index("opportunities", i) + ".id"
	}
	return "id"
}

// idIndex records where every id of the document stands, reporting
// duplicates as they are added and dangling references as they are checked.
type idIndex struct {
	l    *docerr.Collector
	seen map[uuid.UUID]place
}

// newIDIndex returns an index sized for the objects of j, so that a large
// journey's index is allocated once.
func newIDIndex(l *docerr.Collector, j *Journey) *idIndex {
	n := 1 + len(j.Personas) + len(j.Stages) + len(j.Opportunities)
	for _, t := range j.Touchpoints() {
		n += 1 + len(t.PainPoints)
	}
	return &idIndex{l: l, seen: make(map[uuid.UUID]place, n)}
}

func (x *idIndex) add(id uuid.UUID, at place) {
	if id == uuid.Nil {
		return // reported as missing by the object itself
	}
	if first, dup := x.seen[id]; dup {
		if x.l.Full() {
			x.l.Skip(1)
			return
		}
		x.l.Add(at.path(), docerr.ErrDuplicateID, fmt.Sprintf("id %s is already used by %s at %s", id, first.kind, first.path()))
		return
	}
	x.seen[id] = at
}

// ref checks a reference to an object of kind want; path builds the
// reference's path, only for a problem that is listed.
func (x *idIndex) ref(id uuid.UUID, want objectKind, path func() string) {
	got, ok := x.seen[id]
	switch {
	case ok && got.kind == want:
	case x.l.Full():
		x.l.Skip(1)
	case !ok:
		x.l.Add(path(), docerr.ErrUnknownRef, fmt.Sprintf("refers to %s, but no %s in the document has that id", id, kindNoun(want)))
	default:
		x.l.Add(path(), docerr.ErrUnknownRef, fmt.Sprintf("refers to %s (at %s), not to %s", got.kind, got.path(), want))
	}
}

func kindNoun(k objectKind) string {
	return [...]string{"journey", "persona", "stage", "touchpoint", "pain point", "opportunity"}[k]
}

// wellFormedLanguage reports whether tag is a well-formed BCP 47 language
// tag in the common shape: a 2-3 letter (or 4-8 letter registered) primary
// language, then subtags of 1-8 letters or digits, such as "vi", "en-US",
// "zh-Hant-TW" or "sr-Latn-RS". It checks form, not registry membership.
func wellFormedLanguage(tag string) bool {
	start := 0
	for i := 0; i <= len(tag); i++ {
		if i < len(tag) && tag[i] != '-' {
			c := tag[i]
			isAlpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			isDigit := c >= '0' && c <= '9'
			if !isAlpha && !(isDigit && start > 0) {
				return false
			}
			continue
		}
		n := i - start
		if n < 1 || n > 8 || (start == 0 && n < 2) {
			return false
		}
		start = i + 1
	}
	return true
}
