package analysis

import (
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/strictjson"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// Change says what happened to a stage or touchpoint between two journeys.
type Change string

// The kinds of change.
const (
	Added     Change = "added"
	Removed   Change = "removed"
	Changed   Change = "changed"
	Unchanged Change = "unchanged"
)

// Changes is what differs between an old and a new journey (typically the
// current state and the future state). It marshals with encoding/json and
// prints as text with String.
type Changes struct {
	// Stages lists every stage of either journey: those of the new journey in
	// its order (added, changed or unchanged), then the removed ones in the old
	// journey's order.
	Stages []StageChange `json:"stages"`
	// Touchpoints lists the touchpoints added, removed or changed (unchanged
	// ones are left out), in the same order as Stages.
	Touchpoints []TouchpointChange `json:"touchpoints"`
	// PainPointsResolved are in the old journey and not in the new one.
	PainPointsResolved []PainPointRef `json:"pain_points_resolved"`
	// PainPointsIntroduced are in the new journey and not in the old one.
	PainPointsIntroduced []PainPointRef `json:"pain_points_introduced"`
	// Friction is the journey's friction score, old and new.
	Friction Delta `json:"friction"`
}

// Delta is a value before and after. Old or New is absent when the value does
// not exist on that side (a stage added or removed, an emotion not measured);
// Change is New − Old, absent unless both exist.
type Delta struct {
	Old    *float64 `json:"old,omitempty"`
	New    *float64 `json:"new,omitempty"`
	Change *float64 `json:"change,omitempty"`
}

func delta(old, new *float64) Delta {
	d := Delta{Old: old, New: new}
	if old != nil && new != nil {
		d.Change = roundPtr(*new - *old)
	}
	return d
}

// StageChange is one stage and how it changed.
type StageChange struct {
	// Change is added, removed, changed or unchanged.
	Change Change `json:"change"`
	// ID is the stage's id (the new one when both exist).
	ID uuid.UUID `json:"id"`
	// Name is the stage's name (the new one when both exist).
	Name string `json:"name"`
	// OldPath and NewPath are the stage's JSON paths in each journey.
	OldPath string `json:"old_path,omitempty"`
	NewPath string `json:"new_path,omitempty"`
	// Fields names the stage's own members that changed, e.g. "name", "phase",
	// "touchpoints" (any touchpoint added, removed, changed or reordered).
	Fields []string `json:"fields,omitempty"`
	// Emotion is the stage's mean emotion, old and new.
	Emotion Delta `json:"emotion"`
	// Friction is the stage's friction score, old and new.
	Friction Delta `json:"friction"`
}

// TouchpointChange is one touchpoint added, removed or changed.
type TouchpointChange struct {
	// Change is added, removed or changed.
	Change Change `json:"change"`
	// ID is the touchpoint's id (the new one when both exist).
	ID uuid.UUID `json:"id"`
	// Name is the touchpoint's name (the new one when both exist).
	Name string `json:"name"`
	// Stage is the name of its stage (the new one when both exist).
	Stage string `json:"stage"`
	// OldPath and NewPath are the touchpoint's JSON paths in each journey.
	OldPath string `json:"old_path,omitempty"`
	NewPath string `json:"new_path,omitempty"`
	// Fields names the members that changed, e.g. "channel", "emotion",
	// "pain_points", and "stage" when it moved to another stage.
	Fields []string `json:"fields,omitempty"`
}

// PainPointRef names a pain point and where it is.
type PainPointRef struct {
	ID       uuid.UUID `json:"id"`
	Title    string    `json:"title"`
	Category string    `json:"category"`
	Severity string    `json:"severity"`
	// Path is the pain point's JSON path in the journey that has it.
	Path string `json:"path"`
	// Touchpoint is the name of the touchpoint it is met at.
	Touchpoint string `json:"touchpoint"`
}

// Diff compares old and new with the default options. Stages, touchpoints
// and pain points are matched by id, falling back to their name (title for a
// pain point; case and surrounding space ignored) for those whose id has no
// match; touchpoints fall back to their name only within matched stages. A nil
// journey counts as an empty one.
func Diff(old, new *journey.Journey) *Changes { return DiffWith(old, new, Options{}) }

// DiffWith is Diff with the friction measured using opts.
func DiffWith(old, new *journey.Journey, opts Options) *Changes {
	if old == nil {
		old = &journey.Journey{}
	}
	if new == nil {
		new = &journey.Journey{}
	}
	// Only the friction: the findings' messages are not part of a diff.
	w := opts.language(old).Words()
	oldF, newF := measureFriction(old, opts, w, false, paths{}), measureFriction(new, opts, w, false, paths{})
	c := &Changes{Stages: []StageChange{}, Touchpoints: []TouchpointChange{},
		PainPointsResolved: []PainPointRef{}, PainPointsIntroduced: []PainPointRef{}}
	c.Friction = delta(&oldF.Score, &newF.Score)

	oldStages, newStages := stageItems(old, &oldF), stageItems(new, &newF)
	stageMatch := match(oldStages, newStages, (*stageItem).key, (*stageItem).key)

	oldTPs, newTPs := touchpointItems(old), touchpointItems(new)
	// Touchpoints: by id anywhere, then by name within matched stages.
	tpMatch := match(oldTPs, newTPs, func(o *tpItem) string {
		if n := stageMatch.toNew[o.stage]; n >= 0 && o.key() != "" {
			return strconv.Itoa(n) + "\x00" + o.key()
		}
		return ""
	}, func(n *tpItem) string {
		if n.key() == "" {
			return ""
		}
		return strconv.Itoa(n.stage) + "\x00" + n.key()
	})

	// Touchpoint changes, grouped by new stage order then removed.
	tpChanges := map[int][]TouchpointChange{} // by new stage index; -1-k for removed old stage k
	stageTouched := map[int]bool{}            // new stage indices whose touchpoints changed
	for n, nt := range newTPs {
		o := tpMatch.toOld[n]
		if o < 0 {
			tpChanges[nt.stage] = append(tpChanges[nt.stage], TouchpointChange{Change: Added, ID: nt.t.ID, Name: nt.t.Name,
				Stage: newStages[nt.stage].s.Name, NewPath: nt.path()})
			stageTouched[nt.stage] = true
			continue
		}
		ot := oldTPs[o]
		fields := touchpointFields(ot.t, nt.t)
		if stageMatch.toNew[ot.stage] != nt.stage {
			fields = append([]string{"stage"}, fields...)
		}
		if ot.pos != nt.pos {
			stageTouched[nt.stage] = true
		}
		if len(fields) > 0 {
			tpChanges[nt.stage] = append(tpChanges[nt.stage], TouchpointChange{Change: Changed, ID: nt.t.ID, Name: nt.t.Name,
				Stage: newStages[nt.stage].s.Name, OldPath: ot.path(), NewPath: nt.path(), Fields: fields})
			stageTouched[nt.stage] = true
		}
	}
	for o, ot := range oldTPs {
		if tpMatch.toNew[o] >= 0 {
			continue
		}
		key := -1 - ot.stage
		if n := stageMatch.toNew[ot.stage]; n >= 0 {
			key = n
			stageTouched[n] = true
		}
		tpChanges[key] = append(tpChanges[key], TouchpointChange{Change: Removed, ID: ot.t.ID, Name: ot.t.Name,
			Stage: oldStages[ot.stage].s.Name, OldPath: ot.path()})
	}

	total := 0 // the touchpoint changes, so c.Touchpoints is allocated once
	for _, list := range tpChanges {
		total += len(list)
	}
	c.Stages = make([]StageChange, 0, len(newStages)+len(oldStages))
	c.Touchpoints = make([]TouchpointChange, 0, total)
	for n, ns := range newStages {
		sc := StageChange{ID: ns.s.ID, Name: ns.s.Name, NewPath: ns.path}
		o := stageMatch.toOld[n]
		if o < 0 {
			sc.Change = Added
			sc.Emotion = delta(nil, ns.emotion)
			sc.Friction = delta(nil, &ns.friction)
		} else {
			os := oldStages[o]
			sc.OldPath = os.path
			sc.Fields = stageFields(os.s, ns.s)
			if stageTouched[n] && !slices.Contains(sc.Fields, "touchpoints") {
				sc.Fields = append(sc.Fields, "touchpoints")
			}
			sc.Change = Unchanged
			if len(sc.Fields) > 0 {
				sc.Change = Changed
			}
			sc.Emotion = delta(os.emotion, ns.emotion)
			sc.Friction = delta(&os.friction, &ns.friction)
		}
		c.Stages = append(c.Stages, sc)
		c.Touchpoints = append(c.Touchpoints, tpChanges[n]...)
		delete(tpChanges, n) // garbage now, for a journey of many stages
	}
	for o, os := range oldStages {
		if stageMatch.toNew[o] >= 0 {
			continue
		}
		c.Stages = append(c.Stages, StageChange{Change: Removed, ID: os.s.ID, Name: os.s.Name, OldPath: os.path,
			Emotion: delta(os.emotion, nil), Friction: delta(&os.friction, nil)})
		c.Touchpoints = append(c.Touchpoints, tpChanges[-1-o]...)
	}

	oldPains, newPains := painItems(old), painItems(new)
	pm := match(oldPains, newPains, (*painItem).key, (*painItem).key)
	for o, op := range oldPains {
		if pm.toNew[o] < 0 {
			c.PainPointsResolved = append(c.PainPointsResolved, op.ref())
		}
	}
	for n, np := range newPains {
		if pm.toOld[n] < 0 {
			c.PainPointsIntroduced = append(c.PainPointsIntroduced, np.ref())
		}
	}
	return c
}

// item is something matched between two journeys by id.
type item interface{ id() uuid.UUID }

type matching struct {
	toNew []int // old index to new index, -1 when unmatched
	toOld []int // new index to old index, -1 when unmatched
}

// match pairs old and new items by id, then the rest by key in order: the
// first unmatched old item pairs with the first unmatched new one of the same
// key. An empty key never matches. Linear in the number of items.
func match[T item](old, new []T, oldKey, newKey func(T) string) matching {
	m := matching{toNew: make([]int, len(old)), toOld: make([]int, len(new))}
	for i := range m.toNew {
		m.toNew[i] = -1
	}
	for i := range m.toOld {
		m.toOld[i] = -1
	}
	byID := make(map[uuid.UUID]int, len(old))
	for o, it := range old {
		if _, dup := byID[it.id()]; !dup && it.id() != uuid.Nil {
			byID[it.id()] = o
		}
	}
	for n, it := range new {
		if o, ok := byID[it.id()]; ok && m.toNew[o] < 0 {
			m.toNew[o], m.toOld[n] = n, o
		}
	}
	byKey := map[string][]int{}
	for o, it := range old {
		if m.toNew[o] >= 0 {
			continue
		}
		if k := oldKey(it); k != "" {
			byKey[k] = append(byKey[k], o)
		}
	}
	if len(byKey) == 0 {
		return m
	}
	for n, it := range new {
		if m.toOld[n] >= 0 {
			continue
		}
		k := newKey(it)
		if k == "" || len(byKey[k]) == 0 {
			continue
		}
		o := byKey[k][0]
		byKey[k] = byKey[k][1:]
		m.toNew[o], m.toOld[n] = n, o
	}
	return m
}

func normal(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

type stageItem struct {
	s        *journey.Stage
	path     string
	emotion  *float64
	friction float64
}

func (s *stageItem) id() uuid.UUID { return s.s.ID }
func (s *stageItem) key() string   { return normal(s.s.Name) }

// stageItems lists the non-nil stages with their friction from fr (whose
// Stages are the non-nil stages in the same order).
func stageItems(j *journey.Journey, fr *Friction) []*stageItem {
	var out []*stageItem
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		sf := fr.Stages[len(out)]
		out = append(out, &stageItem{s: s, path: pathIndex("", "stages", i), emotion: sf.Emotion, friction: sf.Score})
	}
	return out
}

type tpItem struct {
	t        *touchpoint.Touchpoint
	stage    int // index among non-nil stages
	pos      int // index among the stage's non-nil touchpoints
	stageDoc int // index of the stage in the document
	doc      int // index of the touchpoint in its stage in the document
}

func (t *tpItem) path() string {
	return pathIndex(pathIndex("", "stages", t.stageDoc), "touchpoints", t.doc)
}

func (t *tpItem) id() uuid.UUID { return t.t.ID }
func (t *tpItem) key() string   { return normal(t.t.Name) }

func touchpointItems(j *journey.Journey) []*tpItem {
	var out []*tpItem
	stage := 0
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		pos := 0
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			out = append(out, &tpItem{t: t, stage: stage, pos: pos, stageDoc: i, doc: k})
			pos++
		}
		stage++
	}
	return out
}

type painItem struct {
	p       *painpoint.PainPoint
	t       *touchpoint.Touchpoint
	i, k, n int // document indices of its stage, touchpoint and itself
}

func (p *painItem) id() uuid.UUID { return p.p.ID }
func (p *painItem) key() string   { return normal(p.p.Title) }

func (p *painItem) ref() PainPointRef {
	return PainPointRef{ID: p.p.ID, Title: p.p.Title, Category: string(p.p.Category), Severity: string(p.p.Severity),
		Path: pathIndex(pathIndex(pathIndex("", "stages", p.i), "touchpoints", p.k), "pain_points", p.n), Touchpoint: p.t.Name}
}

func painItems(j *journey.Journey) []*painItem {
	var out []*painItem
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			for n, p := range t.PainPoints {
				if p != nil {
					out = append(out, &painItem{p: p, t: t, i: i, k: k, n: n})
				}
			}
		}
	}
	return out
}

// stageFields names the stage's own members that differ, in document
// order, from the stage's definition: touchpoints are compared one by one
// instead.
func stageFields(o, n *journey.Stage) []string {
	return strictjson.ChangedMembers(o, n, func(name string) (bool, bool) {
		return false, name == "touchpoints"
	})
}

// touchpointFields names the touchpoint's members that differ, in document
// order, from the touchpoint's definition: mode compares the effective
// mode, so spelling out the channel's default is no change.
func touchpointFields(o, n *touchpoint.Touchpoint) []string {
	return strictjson.ChangedMembers(o, n, func(name string) (bool, bool) {
		if name == "mode" {
			return o.EffectiveMode() != n.EffectiveMode(), true
		}
		return false, false
	})
}

// String prints the changes as text in English, one line each (see WriteText).
func (c *Changes) String() string { return c.Text("") }

// Text prints the changes as text like WriteText, in the language of the
// BCP 47 tag (see i18n.Parse; English for a language journeymap does not
// speak).
func (c *Changes) Text(language string) string {
	lang, _ := i18n.Parse(language)
	var b strings.Builder
	c.WriteText(&b, lang) // a strings.Builder does not fail
	return b.String()
}
