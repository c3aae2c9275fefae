package analysis

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/numfmt"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// index holds what the checks look up before the walk over the stages,
// built from the opportunities, the personas and the stages' lists (no
// touchpoint is read: the walk reads each one once, while it is in the
// CPU's cache).
type index struct {
	addressed   map[uuid.UUID]struct{} // pain point ids some opportunity refers to
	maybe       idFilter               // a filter in front of addressed
	phaseHasTP  [3]bool                // phases (by Phase.Order) with at least one touchpoint
	phaseStages [3]int                 // number of stages per phase (by Phase.Order)
	hasPersonas bool                   // the journey has a persona that is not nil
	personaIDs  []uuid.UUID            // distinct persona ids in document order: a slot each
	personaAt   []int                  // index in j.Personas of each slot
	slotOf      map[uuid.UUID]int      // slot of each persona id, only with many personas (see slot)
	tpSlots     int                    // entries of the stages' touchpoint lists, nil ones included
	text        *textArena             // the report's paths and messages
	tpPaths     []string               // the current stage's touchpoint paths (see stagePaths)
	tps         []tpFacts              // the current stage's touchpoints' facts (see stagePaths)
}

// tpFacts is what both walks need of a touchpoint, found once by stagePaths.
type tpFacts struct {
	channel   int     // channelIndex of the channel
	emotion   float64 // effectiveEmotion, when measured
	measured  bool
	addressed uint64 // bit k: pain point k (k < 64) is addressed by an opportunity
}

// stagePaths returns the JSON paths of stage i and of its touchpoints, and
// notes the facts of each touchpoint in tps; both are valid until the next
// call.
//
// The facts are found once for both walks (the effective emotion was
// computed by each), in a short loop over the stage's touchpoints that also
// brings them, their emotions and their pain points into the CPU's caches
// before the walks read them again.
func (ix *index) stagePaths(i int, s *journey.Stage) (string, []string) {
	spath := ix.text.path("", "stages", i)
	ix.tpPaths, ix.tps = ix.tpPaths[:0], ix.tps[:0]
	for k, t := range s.Touchpoints {
		ix.tpPaths = append(ix.tpPaths, ix.text.child(spath, touchpointSuffixes, "touchpoints", k))
		f := tpFacts{channel: -1}
		if t != nil {
			f.channel = channelIndex(string(t.Channel))
			f.emotion, f.measured = effectiveEmotion(t)
			if len(ix.addressed) > 0 {
				for n, p := range t.PainPoints[:min(len(t.PainPoints), 64)] {
					if p != nil && ix.maybe.mayHave(p.ID) {
						if _, ok := ix.addressed[p.ID]; ok {
							f.addressed |= 1 << n
						}
					}
				}
			}
		}
		ix.tps = append(ix.tps, f)
	}
	return spath, ix.tpPaths
}

// idFilter answers "certainly not in the set" for most ids outside a set of
// uuids, from one bit per hash value (a Bloom filter with one hash), so
// those ids skip the map lookup: on a large journey each lookup misses the
// CPU's caches, while the filter, 2 to 16 bits per id, stays in them. The
// hash folds the id's own bits; ids made to collide only make the filter
// useless, never the answers wrong, since a set bit still asks the map.
type idFilter struct {
	bits  []uint64
	shift uint // 64 − log2(number of bits)
}

// idFilterMax is the largest filter in bits (64 KiB).
const idFilterMax = 1 << 19

// newIDFilter returns an empty filter for about n ids.
func newIDFilter(n int) idFilter {
	size := 64 // bits: a power of two, about 16 per id
	for size < 16*n && size < idFilterMax {
		size *= 2
	}
	return idFilter{bits: make([]uint64, size/64), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

func (f idFilter) add(id uuid.UUID) {
	h := f.hash(id)
	f.bits[h/64] |= 1 << (h % 64)
}

func (f idFilter) hash(id uuid.UUID) uint64 {
	x := binary.LittleEndian.Uint64(id[:8]) ^ binary.LittleEndian.Uint64(id[8:])
	return x * 0x9E3779B97F4A7C15 >> f.shift
}

// mayHave reports false when id is certainly not in the set.
func (f idFilter) mayHave(id uuid.UUID) bool {
	h := f.hash(id)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// isAddressed reports whether pain point k of a touchpoint with facts f,
// p, is addressed by an opportunity.
func (ix *index) isAddressed(f *tpFacts, k int, p *painpoint.PainPoint) bool {
	if k < 64 {
		return f.addressed&(1<<k) != 0
	}
	_, ok := ix.addressed[p.ID]
	return ok
}

// linearSlots is the number of personas up to which slot compares ids one
// by one: faster than hashing for the few personas a journey usually has.
const linearSlots = 8

// slot returns the slot of persona id, or −1 when no persona has that id.
func (ix *index) slot(id uuid.UUID) int {
	if ix.slotOf != nil {
		if n, ok := ix.slotOf[id]; ok {
			return n
		}
		return -1
	}
	for n, p := range ix.personaIDs {
		if p == id {
			return n
		}
	}
	return -1
}

func buildIndex(j *journey.Journey) *index {
	refs := 0
	for _, o := range j.Opportunities {
		if o != nil {
			refs += len(o.PainPointIDs)
		}
	}
	ix := &index{
		addressed: make(map[uuid.UUID]struct{}, refs),
		maybe:     newIDFilter(refs),
		text:      &textArena{},
	}
	for _, o := range j.Opportunities {
		if o == nil {
			continue
		}
		for _, id := range o.PainPointIDs {
			ix.addressed[id] = struct{}{}
			ix.maybe.add(id)
		}
	}
	for i, p := range j.Personas {
		if p == nil || ix.slot(p.ID) >= 0 {
			continue
		}
		ix.hasPersonas = true
		ix.personaIDs = append(ix.personaIDs, p.ID)
		ix.personaAt = append(ix.personaAt, i)
		if ix.slotOf != nil {
			ix.slotOf[p.ID] = len(ix.personaIDs) - 1
		} else if len(ix.personaIDs) > linearSlots {
			ix.slotOf = make(map[uuid.UUID]int, len(j.Personas))
			for n, id := range ix.personaIDs {
				ix.slotOf[id] = n
			}
		}
	}
	most := 0 // touchpoints of the largest stage
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		ix.tpSlots += len(s.Touchpoints)
		most = max(most, len(s.Touchpoints))
		ph := s.Phase.Order()
		if ph < 0 {
			continue
		}
		ix.phaseStages[ph]++
		if !ix.phaseHasTP[ph] && slices.ContainsFunc(s.Touchpoints, func(t *touchpoint.Touchpoint) bool { return t != nil }) {
			ix.phaseHasTP[ph] = true
		}
	}
	ix.tpPaths, ix.tps = make([]string, 0, most), make([]tpFacts, 0, most)
	return ix
}

// uses reports whether some touchpoint of the journey is on channel c.
func (g *gaps) uses(c channel.Channel) bool {
	if i := channelIndex(string(c)); i >= 0 {
		return g.known[i]
	}
	return g.channels[c]
}

// gaps collects findings in document order.
type gaps struct {
	j *journey.Journey
	// Of the options, only what the checks need: gaps is allocated once per
	// call, and a gaps beyond 1,016 bytes takes the allocator's next size
	// class (1,152 bytes with its header) for nothing.
	now            time.Time // Options.Now
	maxTouchpoints int       // Options.maxTouchpoints()
	w              *words    // the language of the messages
	ix             *index
	out            []Finding
	text           *textArena // paths and messages

	// Gathered on the walk for the personas' findings.
	personaAt int                      // where the personas' findings go in out
	walked    int                      // touchpoints walked so far (see grow)
	known     []bool                   // channels (by channelIndex) used by some touchpoint
	channels  map[channel.Channel]bool // unknown channels used by some touchpoint
	served    []bool                   // persona slots some touchpoint names
	servesAll bool                     // some touchpoint has empty persona_ids

	unaddressed map[painKey]string // painpoint.unaddressed messages already written
	// The last painpoint.unaddressed message by severity rank and pain factor.
	lastUnaddressed [5][fPainOther]lastMessage
	// The last metric.below_target message of a named metric, and its key.
	lastMetric      metricKey
	lastBelowTarget string
}

// painKey is what a painpoint.unaddressed message says about a pain point
// with a title (a blank title is described by its index instead), a known
// severity and a known category: the title and small numbers, cheaper to
// hash and compare than three strings.
type painKey struct {
	title              string
	severity, category int // painpoint.Severity.Rank() (1 to 4), painFactor (fFinancial to fSupport)
}

// maxRemembered bounds the messages kept for reuse, so a journey whose pain
// points all differ does not build a large map for nothing.
const maxRemembered = 256

// say returns parts[0] + label(name, i) + parts[1], cut from the arena.
func (g *gaps) say(parts *[2]string, name string, i int) string {
	a := g.text
	b := a.begin(len(parts[0]) + len(name) + len(parts[1]) + 8)
	b.WriteString(parts[0])
	a.label(name, i, g.w.noName)
	b.WriteString(parts[1])
	return a.end()
}

// grow makes room for the findings projected from the share of the
// touchpoints walked so far, when a journey has more findings than
// estimated: append would grow a large slice by a quarter at a time,
// copying it again and again, and doubling it can leave half unused.
func (g *gaps) grow() {
	n := len(g.out)
	want := n + n/4 + 8
	if g.walked > 0 && g.walked < g.ix.tpSlots {
		projected := float64(n) * float64(g.ix.tpSlots) / float64(g.walked)
		want = max(want, int(projected*1.125))
	}
	g.out = slices.Grow(g.out, want-n)
}

func (g *gaps) add(code string, sev Severity, path string, id uuid.UUID, msg string) {
	if len(g.out) == cap(g.out) {
		g.grow()
	}
	g.out = append(g.out, Finding{}) // in place (see addPoint)
	f := &g.out[len(g.out)-1]
	f.Code, f.Severity, f.Path, f.ID, f.Message = code, sev, path, id, msg
}

// newGaps returns the gap checks with the journey's findings made; the
// stages' findings are added by stage, then the personas' by personas.
func newGaps(j *journey.Journey, opts Options, ix *index) *gaps {
	// An estimate of the number of findings (as if every touchpoint had two
	// pain points), so a large journey's findings are not copied again and
	// again as the slice grows.
	estimate := 8 + 2*len(j.Personas) + 2*len(j.Stages) + ix.tpSlots/4 + ix.tpSlots
	g := &gaps{j: j, now: opts.Now, maxTouchpoints: opts.maxTouchpoints(), w: opts.words(), ix: ix, out: make([]Finding, 0, estimate), text: ix.text,
		known: make([]bool, len(channels)), channels: map[channel.Channel]bool{}, served: make([]bool, len(ix.personaIDs))}
	g.journey()
	g.personaAt = len(g.out)
	return g
}

// personas adds the personas' findings, once every stage is walked, in
// their place in document order (after the journey's findings).
func (g *gaps) personas() {
	var out []Finding
	w := g.w
	for i, p := range g.j.Personas {
		if p == nil {
			continue
		}
		path := pathIndex("", "personas", i)
		name := labelIn(p.Name, i, w.noName)
		if !g.servesAll && !g.served[g.ix.slot(p.ID)] {
			out = append(out, Finding{Code: CodePersonaUnserved, Severity: Critical, Path: path, ID: p.ID,
				Message: w.personaUnserved[0] + name + w.personaUnserved[1]})
		}
		seen := map[channel.Channel]bool{}
		for k, ch := range p.PreferredChannels {
			if g.uses(ch) || seen[ch] {
				continue
			}
			seen[ch] = true
			out = append(out, Finding{Code: CodeChannelMissing, Severity: Info, Path: pathIndex(path, "preferred_channels", k), ID: p.ID,
				Message: w.channelMissing[0] + name + w.channelMissing[1] + w.channelName(string(ch)) + w.channelMissing[2]})
		}
	}
	if len(out) > 0 {
		g.out = slices.Insert(g.out, g.personaAt, out...)
	}
}

func (g *gaps) journey() {
	j, w := g.j, g.w
	if strings.TrimSpace(j.Objective) == "" {
		g.add(CodeNoObjective, Warning, "objective", j.ID, w.noObjective)
	}
	if !g.ix.hasPersonas {
		g.add(CodeNoPersonas, Warning, "personas", j.ID, w.noPersonas)
	}
	if !g.now.IsZero() && j.ReviewedAt != nil && j.ReviewEveryDays > 0 {
		due := j.ReviewedAt.AddDate(0, 0, j.ReviewEveryDays)
		if due.Before(g.now) {
			late := int(g.now.Sub(due) / (24 * time.Hour))
			g.add(CodeReviewOverdue, Warning, "reviewed_at", j.ID, w.reviewOverdue(*j.ReviewedAt, due, j.ReviewEveryDays, late))
		}
	}
	for _, ph := range journey.Phases() {
		o := ph.Order()
		if g.ix.phaseHasTP[o] {
			continue
		}
		sev := Warning
		if ph == journey.AfterPurchase {
			sev = Critical // the customer is forgotten after the sale
		}
		msg := w.phaseUncovered(w.phaseWords(ph), 0, w.whyPhase[o])
		if n := g.ix.phaseStages[o]; n > 0 {
			msg = w.phaseStages(w.phaseWords(ph), n, w.whyPhase[o])
		}
		g.add(CodePhaseUncovered, sev, "stages", j.ID, msg)
	}
}

func (g *gaps) stage(i int, s *journey.Stage, path string, tpPaths []string) {
	n, hasContact := 0, false
	for k, t := range s.Touchpoints {
		if t == nil {
			continue
		}
		n++
		hasContact = hasContact || t.Channel.IsContact()
		if c := g.ix.tps[k].channel; c >= 0 {
			g.known[c] = true
		} else {
			g.channels[t.Channel] = true
		}
		if len(t.PersonaIDs) == 0 {
			g.servesAll = true
		}
		for _, id := range t.PersonaIDs {
			if n := g.ix.slot(id); n >= 0 {
				g.served[n] = true
			}
		}
	}
	a, w := g.text, g.w
	switch {
	case n == 0:
		g.add(CodeNoTouchpoints, Warning, path, s.ID, g.say(&w.noTouchpoints, s.Name, i))
	case n == 1:
		g.add(CodeSingleTouchpoint, Info, path, s.ID, g.say(&w.singleTouchpoint, s.Name, i))
	case n > g.maxTouchpoints:
		m := &w.tooManyTouchpoints
		// The estimates of the arena's strings are the parts' lengths plus
		// room for the numbers and quotes: as many bytes in English as
		// before the messages had a language, so the arena fills alike.
		b := a.begin(len(s.Name) + len(m[0]) + len(m[1]) + len(m[2]) + len(m[3]) + 42)
		b.WriteString(m[0])
		a.label(s.Name, i, w.noName)
		b.WriteString(m[1])
		a.int(n)
		b.WriteString(m[2])
		a.int(g.maxTouchpoints)
		b.WriteString(m[3])
		g.add(CodeTooManyTouchpoints, Warning, path, s.ID, a.end())
	}
	for k, t := range s.Touchpoints {
		if t != nil {
			g.touchpoint(tpPaths[k], k, t, &g.ix.tps[k], s.Name, i, hasContact)
		}
	}
	g.metrics(path, s.ID, s.Metrics)
}

func (g *gaps) touchpoint(path string, k int, t *touchpoint.Touchpoint, facts *tpFacts, stageName string, stageIndex int, hasContact bool) {
	g.walked++
	w := g.w
	if strings.TrimSpace(t.Owner) == "" {
		g.add(CodeNoOwner, Warning, path, t.ID, g.say(&w.noOwner, t.Name, k))
	}
	if !facts.measured && len(t.Metrics) == 0 {
		g.add(CodeUnmeasured, Info, path, t.ID, g.say(&w.unmeasured, t.Name, k))
	}
	if g.j.Type == journey.ServiceBlueprint {
		behind := false
		for _, sp := range t.Supports {
			if sp.Layer == touchpoint.Backstage || sp.Layer == touchpoint.SupportProcess {
				behind = true
				break
			}
		}
		if !behind {
			g.add(CodeNoBackstage, Warning, path, t.ID, g.say(&w.noBackstage, t.Name, k))
		}
	}
	a := g.text
	for k, p := range t.PainPoints {
		if p == nil {
			continue
		}
		ppath := ""
		if !g.ix.isAddressed(facts, k, p) {
			sev := Warning
			if p.Severity == painpoint.Critical {
				sev = Critical
			}
			ppath = a.child(path, painSuffixes, "pain_points", k)
			g.add(CodeUnaddressed, sev, ppath, p.ID, g.unaddressedMessage(p, k))
		}
		if p.Category == painpoint.Support && !hasContact {
			if ppath == "" {
				ppath = a.child(path, painSuffixes, "pain_points", k)
			}
			m := &w.supportWithoutContact
			b := a.begin(len(p.Title) + len(stageName) + len(m[0]) + len(m[1]) + len(m[2]) + 15)
			b.WriteString(m[0])
			a.label(p.Title, k, w.noName)
			b.WriteString(m[1])
			a.label(stageName, stageIndex, w.noName)
			b.WriteString(m[2])
			g.add(CodeSupportWithoutContact, Warning, ppath, p.ID, a.end())
		}
	}
	g.metrics(path, t.ID, t.Metrics)
}

// unaddressedMessage returns the painpoint.unaddressed message of p, at
// index k. Pain points with the same title, severity and category (common
// in maps built from templates) share one message.
func (g *gaps) unaddressedMessage(p *painpoint.PainPoint, k int) string {
	key := painKey{p.Title, p.Severity.Rank(), painFactor(p.Category)}
	// Unknown severities or categories (in a journey that fails validation)
	// would share a key while their messages differ: those are not kept.
	named := key.severity > 0 && key.category < fPainOther && strings.TrimSpace(p.Title) != ""
	var last *lastMessage
	if named {
		// First the last message of this severity and category: in a map
		// built from templates the same title comes back again and again,
		// and comparing it is cheaper than hashing it for the map.
		last = &g.lastUnaddressed[key.severity][key.category]
		if last.msg != "" && last.title == p.Title {
			return last.msg
		}
		if msg, ok := g.unaddressed[key]; ok {
			*last = lastMessage{p.Title, msg}
			return msg
		}
	}
	a, w := g.text, g.w
	sev, cat := string(p.Severity), string(p.Category)
	if key.severity > 0 {
		sev = w.severities[key.severity]
	}
	if key.category < fPainOther {
		cat = w.categories[key.category]
	}
	m := &w.unaddressed
	b := a.begin(len(p.Title) + len(sev) + len(cat) + len(m[0]) + len(m[1]) + len(m[2]) + len(m[3]) + 23)
	b.WriteString(m[0])
	a.label(p.Title, k, w.noName)
	b.WriteString(m[1])
	b.WriteString(sev)
	b.WriteString(m[2])
	b.WriteString(cat)
	b.WriteString(m[3])
	msg := a.end()
	if named {
		*last = lastMessage{p.Title, msg}
		if len(g.unaddressed) < maxRemembered {
			if g.unaddressed == nil {
				g.unaddressed = map[painKey]string{}
			}
			g.unaddressed[key] = msg
		}
	}
	return msg
}

// lastMessage is a pain point title and its message.
type lastMessage struct{ title, msg string }

func (g *gaps) metrics(owner string, id uuid.UUID, ms []metric.Metric) {
	for k := range ms {
		m := &ms[k] // not a copy of the 120-byte metric
		if m.MeetsTarget() {
			continue
		}
		g.add(CodeBelowTarget, Warning, g.text.child(owner, metricSuffixes, "metrics", k), id, g.belowTargetMessage(m, k))
	}
}

// metricKey is what a metric.below_target message says about a named
// metric; numbers by their bits, so that 0 and −0 stay apart.
type metricKey struct {
	name, unit    string
	value, target uint64
	lower         bool
}

// belowTargetMessage returns the metric.below_target message of m (which
// has a target), at index k. A named metric with the same name, figures and
// direction as the last one (a template's metric repeated on every stage)
// shares its message.
func (g *gaps) belowTargetMessage(m *metric.Metric, k int) string {
	lower := m.EffectiveBetter() == metric.Lower
	key := metricKey{m.Name, m.Unit, math.Float64bits(m.Value), math.Float64bits(*m.Target), lower}
	named := strings.TrimSpace(m.Name) != ""
	if named && g.lastBelowTarget != "" && key == g.lastMetric {
		return g.lastBelowTarget
	}
	w := g.w
	dir := w.higher
	if lower {
		dir = w.lower
	}
	a, parts := g.text, &w.belowTarget
	b := a.begin(len(m.Name) + 2*len(m.Unit) + len(parts[0]) + len(parts[1]) + len(parts[2]) + len(parts[3]) + 73)
	b.WriteString(parts[0])
	a.label(m.Name, k, w.noName)
	b.WriteString(parts[1])
	a.number(w.num, m.Value, m.Unit)
	b.WriteString(parts[2])
	a.number(w.num, *m.Target, m.Unit)
	b.WriteString(parts[3])
	b.WriteString(dir)
	msg := a.end()
	if named {
		g.lastMetric, g.lastBelowTarget = key, msg
	}
	return msg
}

// labelIn quotes a name for a message, or describes the object by its
// place when the name is blank: "#3" followed by noName (" (no name)").
func labelIn(name string, i int, noName string) string {
	q, body := labelParts(name, i, noName)
	return q + body + q
}

// labelParts is labelIn in parts, so a message can be built in one
// allocation: q + body + q. A name that strconv.Quote would leave as it is
// comes back as body between q = `"`; any other name comes back
// strconv.Quote'd with q = "".
func labelParts(name string, i int, noName string) (q, body string) {
	switch {
	case strings.TrimSpace(name) == "":
		return "", "#" + strconv.Itoa(i+1) + noName
	case plain(name):
		return `"`, name
	}
	return "", strconv.Quote(name)
}

// plain reports whether strconv.Quote(s) is s between double quotes: valid
// UTF-8 of printable characters, without a double quote or backslash.
func plain(s string) bool {
	for k := 0; k < len(s); {
		c := s[k]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == '"' || c == '\\' {
				return false
			}
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			return false
		}
		k += size
	}
	return true
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// number writes v for people in style st (see package numfmt: never an
// exponent, 250000000 is not 2.5e+08), followed by its unit.
func number(st numfmt.Style, v float64, unit string) string {
	return string(st.AppendWithUnit(nil, v, unit))
}
