package analysis

import (
	"bytes"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// The friction factors, in report order.
const (
	fFinancial = iota
	fProductivity
	fProcess
	fSupport
	fPainOther
	fNegativeEmotion
	fDip
	fHandoff
	fMissed
	fDrop
	nFactors
)

var factorNames = [nFactors]string{
	"pain.financial", "pain.productivity", "pain.process", "pain.support", "pain.other",
	"negative_emotion", "emotion_dip", "channel_handoff", "missed_target", "drop_off",
}

// FactorNames returns the name of every friction factor, in the order
// factors are reported: pain.financial, pain.productivity, pain.process,
// pain.support, pain.other (only in a journey that fails validation),
// negative_emotion, emotion_dip, channel_handoff, missed_target, drop_off.
// Like the finding codes, the names are stable and the same in every
// language.
func FactorNames() []string { return slices.Clone(factorNames[:]) }

// tally accumulates friction factors.
type tally struct {
	has    uint16 // bit f is set when count[f] > 0: the loops below visit those factors only
	count  [nFactors]int
	points [nFactors]float64
	sev    [fPainOther + 1][5]int // pain factor × painpoint.Severity.Rank()
	detail [nFactors]string       // touchpoint level only
}

func (t *tally) add(f int, points float64) {
	t.has |= 1 << f
	t.count[f]++
	t.points[f] += points
}

// addScaled adds the factors of u with their points multiplied by scale. A
// factor u does not have adds nothing (its points are 0), so it is skipped.
func (t *tally) addScaled(u *tally, scale float64) {
	t.has |= u.has
	for m := u.has; m != 0; m &= m - 1 {
		f := bits.TrailingZeros16(m)
		t.count[f] += u.count[f]
		t.points[f] += u.points[f] * scale
		if f <= fPainOther {
			for s := range u.sev[f] {
				t.sev[f][s] += u.sev[f][s]
			}
		}
	}
}

func (t *tally) scale(by float64) {
	for f := range t.points {
		t.points[f] *= by
	}
}

// total is the sum of the points, in factor order (the factors a tally does
// not have add 0).
func (t *tally) total() float64 {
	sum := 0.0
	for m := t.has; m != 0; m &= m - 1 {
		sum += t.points[bits.TrailingZeros16(m)]
	}
	return sum
}

func (t *tally) factors(txt *texts) []Factor {
	n := bits.OnesCount16(t.has)
	// The factors are written field by field in their place (see addPoint).
	out, i := txt.factors(n)[:n], 0
	for m := t.has; m != 0; m &= m - 1 {
		f := bits.TrailingZeros16(m)
		detail := t.detail[f]
		if f <= fPainOther {
			detail = txt.severities(&t.sev[f])
		}
		d := &out[i]
		d.Name, d.Count, d.Points, d.Detail = factorNames[f], t.count[f], round(t.points[f]), detail
		i++
	}
	return out
}

// addPoint appends an emotion point to curve, written in place.
//
// The report's structs are written field by field in their place in its
// slices (a zero element appended, then its fields set), not appended as
// composite literals: the compiler builds a literal on the stack with
// 8-byte stores, then copies it with 16-byte loads that the CPU cannot
// forward from those stores, a stall per load, which on the some 100,000
// structs of a large journey's report cost more than writing them.
func addPoint(curve *[]EmotionPoint, path string, id uuid.UUID, stage, tp string, e float64) {
	*curve = append(*curve, EmotionPoint{})
	p := &(*curve)[len(*curve)-1]
	p.Path, p.ID, p.Stage, p.Touchpoint, p.Emotion = path, id, stage, tp, e
}

// texts caches the factor details, which repeat across touchpoints, so a
// large journey does not build the same strings thousands of times.
type texts struct {
	small    [64]cachedText // severity counts below 4, direct-mapped by key (see severities)
	sev      map[[5]int]string
	halves   [9]string      // emotion texts of -2, -1.5, ..., 2
	dipHalf  [9][9]string   // dip texts between those
	hand     [64]cachedText // hand-off texts between known channels, direct-mapped by key (see handoff)
	w        *words         // the language of the texts
	text     *textArena     // where texts that are not kept are cut from, when not nil
	numbers  map[float64]string
	handoffs map[[2]string]string
	arena    block[Factor]
}

// channels lists the known channels; hand-off texts between them are kept by index.
var channels = channel.Channels()

func channelIndex(c string) int {
	for i, k := range channels {
		if string(k) == c {
			return i
		}
	}
	return -1
}

// half returns the index of v in −2, −1.5, ..., 2, or false when v is not one of them.
func half(v float64) (int, bool) {
	r := v * 2
	if r != math.Trunc(r) || r < -4 || r > 4 {
		return 0, false
	}
	return int(r) + 4, true
}

// factors returns an empty slice with room for n factors, cut from a shared
// block so a large journey does not allocate once per touchpoint.
func (x *texts) factors(n int) []Factor { return x.arena.take(n) }

func newTexts(text *textArena, w *words) *texts {
	// The maps are made when first needed.
	return &texts{arena: block[Factor]{per: 682}, text: text, w: w} // 682 × 48 B: just under 32 KiB
}

// cachedText is a cached text and its key (see severities and handoff).
type cachedText struct {
	key  int
	text string
}

// severities returns x.w.severityWords(by). Counts below 4 (every touchpoint
// with few pain points) are looked up first in a small direct-mapped cache,
// with no hashing: a journey has few distinct mixes of severities. Other
// counts, and mixes whose slot another mix took, go through a map, so each
// text is built once.
//
// by is a pointer: an array passed by value is copied through the stack in
// pieces that the CPU cannot forward from the caller's stores (a stall of
// some 15 ns per call, measured).
func (x *texts) severities(by *[5]int) string {
	small, key := true, 0
	for _, n := range by {
		small = small && n < 4
		key = key*4 + n
	}
	if small {
		// key < 1024: spread it over the 64 slots (Fibonacci hashing).
		e := &x.small[uint32(key)*0x9E3779B9>>26]
		if e.text == "" || e.key != key {
			*e = cachedText{key, x.severitiesOf(by)}
		}
		return e.text
	}
	return x.severitiesOf(by)
}

// severitiesOf returns x.w.severityWords(by), kept in a map.
func (x *texts) severitiesOf(by *[5]int) string {
	s, ok := x.sev[*by]
	if !ok {
		s = x.w.severityWords(by)
		if x.sev == nil {
			x.sev = map[[5]int]string{}
		}
		x.sev[*by] = s
	}
	return s
}

func (x *texts) number(v float64) string {
	v = round(v)
	s, ok := x.numbers[v]
	if !ok {
		s = x.w.num.Format(v)
		if x.numbers == nil {
			x.numbers = map[float64]string{}
		}
		x.numbers[v] = s
	}
	return s
}

func (x *texts) dip(from, to float64) string {
	w := x.w
	i, okFrom := half(from)
	k, okTo := half(to)
	if okFrom && okTo {
		if x.dipHalf[i][k] == "" {
			x.dipHalf[i][k] = w.dipFrom + x.number(from) + w.dipTo + x.number(to)
		}
		return x.dipHalf[i][k]
	}
	if a := x.text; a != nil { // cut from the report's text arena
		b := a.begin(len(w.dipFrom) + len(w.dipTo) + 25) // 48 in English, as before
		b.WriteString(w.dipFrom)
		a.number(w.num, round(from), "")
		b.WriteString(w.dipTo)
		a.number(w.num, round(to), "")
		return a.end()
	}
	return w.dipFrom + number(w.num, round(from), "") + w.dipTo + number(w.num, round(to), "")
}

func (x *texts) emotion(v float64) string {
	w := x.w
	if i, ok := half(v); ok {
		if x.halves[i] == "" {
			x.halves[i] = w.emotion + x.number(v)
		}
		return x.halves[i]
	}
	if a := x.text; a != nil { // cut from the report's text arena
		b := a.begin(len(w.emotion) + 24) // 32 in English, as before
		b.WriteString(w.emotion)
		a.number(w.num, round(v), "")
		return a.end()
	}
	return w.emotion + number(w.num, round(v), "")
}

// handoff returns the hand-off text from channel from to channel to, whose
// indexes in channels (−1 when unknown) are i and k.
func (x *texts) handoff(from, to string, i, k int) string {
	if i >= 0 && k >= 0 {
		// Like severities: a journey has few distinct hand-offs, so a small
		// direct-mapped cache is looked up first, then the map.
		key := i*len(channels) + k
		h := &x.hand[uint32(key)*0x9E3779B9>>26]
		if h.text == "" || h.key != key {
			*h = cachedText{key, x.handoffOf(from, to)}
		}
		return h.text
	}
	return x.handoffOf(from, to)
}

// handoffOf returns the hand-off text from channel from to channel to, kept
// in a map.
func (x *texts) handoffOf(from, to string) string {
	key := [2]string{from, to}
	s, ok := x.handoffs[key]
	if !ok {
		s = x.w.handFrom + x.w.channelName(from) + x.w.handTo + x.w.channelName(to)
		if x.handoffs == nil {
			x.handoffs = map[[2]string]string{}
		}
		x.handoffs[key] = s
	}
	return s
}

// severityWords says how many pain points of each severity by counts, the
// worst first: "1 critical, 2 low".
func (w *words) severityWords(by *[5]int) string {
	var parts []string
	for r := 4; r >= 0; r-- {
		if by[r] > 0 {
			parts = append(parts, strconv.Itoa(by[r])+" "+w.detailSeverities[r])
		}
	}
	return strings.Join(parts, ", ")
}

func painFactor(c painpoint.Category) int {
	switch c {
	case painpoint.Financial:
		return fFinancial
	case painpoint.Productivity:
		return fProductivity
	case painpoint.Process:
		return fProcess
	case painpoint.Support:
		return fSupport
	}
	return fPainOther
}

// addFactor counts one pain point of the category of pain factor f
// (painFactor of the category).
func (c *CategoryCounts) addFactor(f int) {
	switch f {
	case fFinancial:
		c.Financial++
	case fProductivity:
		c.Productivity++
	case fProcess:
		c.Process++
	case fSupport:
		c.Support++
	default:
		c.Other++
	}
	c.Total++
}

func (c *CategoryCounts) addAll(d CategoryCounts) {
	c.Financial += d.Financial
	c.Productivity += d.Productivity
	c.Process += d.Process
	c.Support += d.Support
	c.Other += d.Other
	c.Total += d.Total
}

// effectiveEmotion returns the touchpoint's emotion score or, when it has
// none, the mean of its persona_emotions; ok is false when neither is
// measured. Values are clamped to −2..2 and non-finite values ignored, so a
// journey that fails validation still gives finite scores.
func effectiveEmotion(t *touchpoint.Touchpoint) (float64, bool) {
	if t.Emotion != nil && isFinite(*t.Emotion) {
		return clampEmotion(*t.Emotion), true
	}
	if len(t.PersonaEmotions) == 0 {
		return 0, false
	}
	var buf [8]uuid.UUID // on the stack: a touchpoint has a few personas
	keys := buf[:0]
	for k := range t.PersonaEmotions {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	sum, n := 0.0, 0
	for _, k := range keys {
		if v := t.PersonaEmotions[k]; isFinite(v) {
			sum += clampEmotion(v)
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// clampEmotion bounds v to MinEmotion..MaxEmotion with two comparisons,
// which give what math.Max(MinEmotion, math.Min(MaxEmotion, v)) gives for
// every v (NaN stays NaN, −0 stays −0) without math.Max's function call.
func clampEmotion(v float64) float64 {
	switch {
	case v < touchpoint.MinEmotion:
		return touchpoint.MinEmotion
	case v > touchpoint.MaxEmotion:
		return touchpoint.MaxEmotion
	}
	return v
}

// dropShare reads a drop-off rate as a share in [0, 1].
func dropShare(m *metric.Metric) (float64, bool) {
	v := m.Value
	if !isFinite(v) {
		return 0, false
	}
	if m.Unit == "%" || v > 1 {
		v /= 100
	}
	return math.Max(0, math.Min(1, v)), true
}

func metricFactors(t *tally, ms []metric.Metric, w weights) {
	for k := range ms {
		m := &ms[k] // not a copy of the 120-byte metric
		switch {
		case !m.MeetsTarget():
			t.add(fMissed, w.missed)
		case m.Kind == metric.DropOffRate && m.Target == nil:
			if share, ok := dropShare(m); ok {
				t.add(fDrop, w.drop*share)
			}
		}
	}
}

func score(points, half float64) float64 {
	if points <= 0 {
		return 0
	}
	return points / (points + half)
}

// round keeps four decimals, enough for people and stable in golden files.
func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func roundPtr(v float64) *float64 {
	r := round(v)
	return &r
}

// hotspotCandidate is a touchpoint with friction: its points and its place
// in Friction.Stages.
type hotspotCandidate struct {
	points         float64
	stage, tpIndex int
}

// topHotspots keeps the limit worst candidates, worst first, ties in the
// order offered (journey order): O(touchpoints × limit), no sort of the whole.
type topHotspots struct {
	limit int
	list  []hotspotCandidate
}

func newTopHotspots(limit, touchpoints int) topHotspots {
	return topHotspots{limit: limit, list: make([]hotspotCandidate, 0, min(limit, touchpoints))}
}

func (h *topHotspots) offer(c hotspotCandidate) {
	n := len(h.list)
	if n == h.limit && (n == 0 || c.points <= h.list[n-1].points) {
		return
	}
	at := n
	for at > 0 && h.list[at-1].points < c.points {
		at--
	}
	if n < h.limit {
		h.list = append(h.list, hotspotCandidate{})
	}
	copy(h.list[at+1:], h.list[at:])
	h.list[at] = c
}

// personaSlot is one distinct persona and the pain it feels.
type personaSlot struct {
	path string
	p    PersonaPain
}

// personaCurveBuilder is the emotion curve of a persona with its own
// persona_emotions, filled on the walk from the first touchpoint that has
// the persona in its persona_emotions (the touchpoints before it are filled
// in then).
type personaCurveBuilder struct {
	id   uuid.UUID
	slot int
	c    PersonaCurve
}

// frictionWalk measures friction stage by stage, in journey order.
type frictionWalk struct {
	j    *journey.Journey
	opts Options
	w    weights
	ix   *index
	fr   Friction

	slots    []personaSlot  // by the index's persona slots
	everyone CategoryCounts // pain felt by every persona
	curves   []personaCurveBuilder
	hasCurve []bool // by slot
	pending  int    // slots without a curve yet

	journeyTally tally // sum of the stages' tallies, then their mean
	stages       int
	top          topHotspots

	prevChannel             string
	prevChannelIndex        int // index of prevChannel in channels, −1 when unknown
	prevEmotion             float64
	hasPrev, hasPrevEmotion bool
	txt                     *texts
	scratch                 tally
	buf, tbuf               []int // persona slots of one pain point, of one touchpoint

	// Blocks the stages' touchpoints and their emotions are cut from.
	tps      block[TouchpointFriction]
	emotions block[float64]
}

func newFrictionWalk(j *journey.Journey, opts Options, ix *index) *frictionWalk {
	fw := &frictionWalk{j: j, opts: opts, w: opts.weights(), ix: ix, txt: newTexts(ix.text, opts.words()),
		top:      newTopHotspots(max(opts.hotspots(), 1), ix.tpSlots), // the weakest link needs one
		tps:      block[TouchpointFriction]{per: 292},                 // 292 × 112 B: just under 32 KiB
		emotions: block[float64]{per: 4096}}                           // 32 KiB
	fw.fr = Friction{Factors: []Factor{}, Stages: make([]StageFriction, 0, len(j.Stages)), Hotspots: []Hotspot{},
		PainByPersona: []PersonaPain{}, EmotionCurve: make([]EmotionPoint, 0, ix.tpSlots), PersonaCurves: []PersonaCurve{}}
	// Personas: a slot per distinct id, in document order.
	fw.slots = make([]personaSlot, len(ix.personaIDs))
	for n, i := range ix.personaAt {
		p := j.Personas[i]
		path := ix.text.path("", "personas", i)
		fw.slots[n] = personaSlot{path: path, p: PersonaPain{Path: path, ID: p.ID, Name: p.Name}}
	}
	fw.hasCurve, fw.pending = make([]bool, len(fw.slots)), len(fw.slots)
	return fw
}

// discover starts the curves of the personas without one yet that have
// their own score in t's persona_emotions (t is not nil, with a non-empty
// persona_emotions, at index k of stage i, which is s, measured as far as
// cur).
func (fw *frictionWalk) discover(t *touchpoint.Touchpoint, i int, s *journey.Stage, cur *StageFriction) {
	start := len(fw.curves)
	if fw.pending <= len(t.PersonaEmotions) {
		// Look the pending personas up, or walk the map, whichever is shorter.
		for n, sl := range fw.slots {
			if !fw.hasCurve[n] {
				if _, ok := t.PersonaEmotions[sl.p.ID]; ok {
					fw.startCurve(n)
				}
			}
		}
	} else {
		for id := range t.PersonaEmotions {
			if n := fw.ix.slot(id); n >= 0 && !fw.hasCurve[n] {
				fw.startCurve(n)
			}
		}
	}
	for n := start; n < len(fw.curves); n++ {
		// Fill in the touchpoints before t: none has the persona in its
		// persona_emotions, so the persona's score there is the emotion.
		c, m := &fw.curves[n], 0
		for _, st := range fw.j.Stages[:i] {
			if st != nil {
				c.backfill(st, fw.fr.Stages[m].Touchpoints)
				m++
			}
		}
		c.backfill(s, cur.Touchpoints)
	}
}

func (fw *frictionWalk) startCurve(n int) {
	sl := &fw.slots[n]
	fw.hasCurve[n] = true
	fw.pending--
	fw.curves = append(fw.curves, personaCurveBuilder{id: sl.p.ID, slot: n,
		c: PersonaCurve{Path: sl.path, ID: sl.p.ID, Name: sl.p.Name, Points: make([]EmotionPoint, 0, fw.ix.tpSlots)}})
}

// backfill adds the points of stage s's touchpoints measured in tfs (the
// first len(tfs) touchpoints that are not nil).
func (c *personaCurveBuilder) backfill(s *journey.Stage, tfs []TouchpointFriction) {
	n := 0
	for _, t := range s.Touchpoints {
		if n == len(tfs) {
			return
		}
		if t == nil {
			continue
		}
		path := tfs[n].Path
		n++
		if t.Serves(c.id) && t.Emotion != nil && isFinite(*t.Emotion) {
			addPoint(&c.c.Points, path, t.ID, s.Name, t.Name, round(clampEmotion(*t.Emotion)))
		}
	}
}

// stage measures stage i (not nil) and its touchpoints.
func (fw *frictionWalk) stage(i int, s *journey.Stage, spath string, tpPaths []string) {
	w, txt, fr := fw.w, fw.txt, &fw.fr
	n := len(s.Touchpoints)
	emotions := fw.emotions.take(n)[:n] // backing the touchpoints' Emotion pointers
	sf := StageFriction{Path: spath, ID: s.ID, Name: s.Name, Phase: string(s.Phase),
		Touchpoints: fw.tps.take(n)}
	var stageTally tally // sum of the touchpoints' tallies, then their mean
	emoSum, emoN := 0.0, 0
	for k, t := range s.Touchpoints {
		if t == nil {
			continue
		}
		tpath := tpPaths[k]
		tt := &fw.scratch
		*tt = tally{}
		tpSlots := false // fw.tbuf holds the slots of t's persona_ids
		for _, p := range t.PainPoints {
			if p == nil {
				continue
			}
			// The category and severity as indexes, found once.
			f, rank := painFactor(p.Category), p.Severity.Rank()
			tt.add(f, w.severity[rank]*w.category[f])
			tt.sev[f][rank]++
			sf.Pain.addFactor(f)
			// Who feels it.
			switch {
			case len(p.PersonaIDs) > 0:
				fw.buf = fw.personaSlots(p.PersonaIDs, fw.buf[:0])
				for _, n := range fw.buf {
					fw.slots[n].p.Pain.addFactor(f)
				}
			case len(t.PersonaIDs) > 0:
				if !tpSlots {
					fw.tbuf, tpSlots = fw.personaSlots(t.PersonaIDs, fw.tbuf[:0]), true
				}
				for _, n := range fw.tbuf {
					fw.slots[n].p.Pain.addFactor(f)
				}
			default:
				fw.everyone.addFactor(f)
			}
		}
		facts := &fw.ix.tps[k]
		e, measured := facts.emotion, facts.measured
		if measured {
			if e < 0 {
				tt.add(fNegativeEmotion, w.negEmotion*(-e/2))
				tt.detail[fNegativeEmotion] = txt.emotion(e)
			}
			if fw.hasPrevEmotion && fw.prevEmotion > e {
				tt.add(fDip, w.dip*(fw.prevEmotion-e)/4)
				tt.detail[fDip] = txt.dip(fw.prevEmotion, e)
			}
			fw.prevEmotion, fw.hasPrevEmotion = e, true
			emoSum += e
			emoN++
			addPoint(&fr.EmotionCurve, tpath, t.ID, s.Name, t.Name, round(e))
		}
		ci := facts.channel
		if fw.hasPrev && fw.prevChannel != string(t.Channel) {
			tt.add(fHandoff, w.handoff)
			tt.detail[fHandoff] = txt.handoff(fw.prevChannel, string(t.Channel), fw.prevChannelIndex, ci)
		}
		fw.prevChannel, fw.prevChannelIndex, fw.hasPrev = string(t.Channel), ci, true
		metricFactors(tt, t.Metrics, w)
		if fw.pending > 0 && len(t.PersonaEmotions) > 0 {
			fw.discover(t, i, s, &sf)
		}
		for n := range fw.curves {
			c := &fw.curves[n]
			if !t.Serves(c.id) {
				continue
			}
			pe, ok := 0.0, false
			if len(t.PersonaEmotions) == 0 {
				if t.Emotion != nil {
					pe, ok = *t.Emotion, true
				}
			} else {
				pe, ok = t.EmotionFor(c.id)
			}
			if ok && isFinite(pe) {
				addPoint(&c.c.Points, tpath, t.ID, s.Name, t.Name, round(clampEmotion(pe)))
			}
		}

		pts := tt.total()
		sf.Touchpoints = append(sf.Touchpoints, TouchpointFriction{}) // in place (see addPoint)
		tf := &sf.Touchpoints[len(sf.Touchpoints)-1]
		tf.Path, tf.ID, tf.Name, tf.Channel = tpath, t.ID, t.Name, string(t.Channel)
		tf.Score, tf.Points, tf.Factors = round(score(pts, w.half)), round(pts), tt.factors(txt)
		if measured {
			emotions[k] = round(e)
			tf.Emotion = &emotions[k]
		}
		if pts > 0 {
			fw.top.offer(hotspotCandidate{points: pts, stage: len(fr.Stages), tpIndex: len(sf.Touchpoints) - 1})
		}
		stageTally.addScaled(tt, 1)
	}
	if n := len(sf.Touchpoints); n > 0 {
		stageTally.scale(1 / float64(n))
	}
	metricFactors(&stageTally, s.Metrics, w)
	pts := stageTally.total()
	sf.Points, sf.Score, sf.Factors = round(pts), round(score(pts, w.half)), stageTally.factors(txt)
	if emoN > 0 {
		e := fw.emotions.take(1)[:1] // from the block of the touchpoints' emotions
		e[0] = round(emoSum / float64(emoN))
		sf.Emotion = &e[0]
	}
	fr.Pain.addAll(sf.Pain)
	fr.Stages = append(fr.Stages, sf)
	fw.journeyTally.addScaled(&stageTally, 1)
	fw.stages++
}

// finish returns the journey's friction once every stage is measured.
func (fw *frictionWalk) finish() Friction {
	fr := &fw.fr
	if fw.stages > 0 {
		fw.journeyTally.scale(1 / float64(fw.stages))
	}
	pts := fw.journeyTally.total()
	fr.Points, fr.Score, fr.Factors = round(pts), round(score(pts, fw.w.half)), fw.journeyTally.factors(fw.txt)

	fr.Hotspots = make([]Hotspot, 0, min(len(fw.top.list), fw.opts.hotspots()))
	for k, c := range fw.top.list {
		sf := fr.Stages[c.stage]
		h := Hotspot{Rank: k + 1, Stage: sf.Name, TouchpointFriction: sf.Touchpoints[c.tpIndex]}
		if k == 0 {
			weakest := h
			fr.WeakestLink = &weakest
		}
		if k < fw.opts.hotspots() {
			fr.Hotspots = append(fr.Hotspots, h)
		}
	}
	for _, sl := range fw.slots {
		sl.p.Pain.addAll(fw.everyone)
		fr.PainByPersona = append(fr.PainByPersona, sl.p)
	}
	slices.SortFunc(fw.curves, func(a, b personaCurveBuilder) int { return a.slot - b.slot })
	for _, c := range fw.curves {
		fr.PersonaCurves = append(fr.PersonaCurves, c.c)
	}
	return *fr
}

// personaSlots appends to buf the slot of each distinct known persona in ids.
func (fw *frictionWalk) personaSlots(ids []uuid.UUID, buf []int) []int {
	for _, id := range ids {
		if n := fw.ix.slot(id); n >= 0 && !slices.Contains(buf, n) {
			buf = append(buf, n)
		}
	}
	return buf
}

func channelText(c string) string { return strings.ReplaceAll(c, "_", " ") }
