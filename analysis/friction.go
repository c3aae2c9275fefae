package analysis

import (
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/i18n"
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

// tally adds up the friction factors of a touchpoint, a stage or the journey.
type tally struct {
	count  [nFactors]int
	points [nFactors]float64
	// pains counts the pain points of each pain factor by severity.
	pains [fPainOther + 1]i18n.SeverityCounts
	// detail says more about a factor of one touchpoint (its pain factors
	// are described from pains).
	detail [nFactors]string
}

func (t *tally) add(f int, points float64) {
	t.count[f]++
	t.points[f] += points
}

// addAll adds the counts and points of u, its details left out.
func (t *tally) addAll(u *tally) {
	for f := range nFactors {
		t.count[f] += u.count[f]
		t.points[f] += u.points[f]
	}
	for f := range t.pains {
		p, q := &t.pains[f], u.pains[f]
		p.Unknown += q.Unknown
		p.Low += q.Low
		p.Medium += q.Medium
		p.High += q.High
		p.Critical += q.Critical
	}
}

// scale multiplies every factor's points by by.
func (t *tally) scale(by float64) {
	for f := range t.points {
		t.points[f] *= by
	}
}

// total is the sum of the points, in factor order.
func (t *tally) total() float64 {
	sum := 0.0
	for _, p := range t.points {
		sum += p
	}
	return sum
}

// factors lists the factors that occur, in factor order, with their details.
func (t *tally) factors(w *i18n.Words) []Factor {
	n := 0
	for _, c := range t.count {
		if c > 0 {
			n++
		}
	}
	out := make([]Factor, 0, n)
	for f := range nFactors {
		if t.count[f] == 0 {
			continue
		}
		detail := t.detail[f]
		if f <= fPainOther {
			detail = w.Details.Pain(t.pains[f])
		}
		out = append(out, Factor{Name: factorNames[f], Count: t.count[f], Points: round(t.points[f]), Detail: detail})
	}
	return out
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

// countSeverity counts one pain point of severity s in c.
func countSeverity(c *i18n.SeverityCounts, s painpoint.Severity) {
	switch s {
	case painpoint.Low:
		c.Low++
	case painpoint.Medium:
		c.Medium++
	case painpoint.High:
		c.High++
	case painpoint.Critical:
		c.Critical++
	default:
		c.Unknown++
	}
}

// addFactor counts one pain point of the category of pain factor f.
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
// none, the mean of its persona_emotions (in the canonical order of their
// ids, so the sum is the same on every run); ok is false when neither is
// measured. Values are clamped to −2..2 and non-finite values ignored, so a
// journey that fails validation still gives finite scores.
func effectiveEmotion(t *touchpoint.Touchpoint) (float64, bool) {
	if t.Emotion != nil && isFinite(*t.Emotion) {
		return clampEmotion(*t.Emotion), true
	}
	sum, n := 0.0, 0
	for _, id := range t.PersonaEmotionIDs() {
		if v := t.PersonaEmotions[id]; isFinite(v) {
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

// clampEmotion bounds v to MinEmotion..MaxEmotion.
func clampEmotion(v float64) float64 {
	return math.Max(touchpoint.MinEmotion, math.Min(touchpoint.MaxEmotion, v))
}

// dropShare reads a drop-off rate as a share in [0, 1].
func dropShare(m metric.Metric) (float64, bool) {
	v := m.Value
	if !isFinite(v) {
		return 0, false
	}
	if m.Unit == "%" || v > 1 {
		v /= 100
	}
	return math.Max(0, math.Min(1, v)), true
}

// metricFactors adds the missed_target and drop_off factors of ms to t.
func metricFactors(t *tally, ms []metric.Metric, w weights) {
	for _, m := range ms {
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

// persona is one distinct persona id: the first persona with that id.
type persona struct {
	id   uuid.UUID
	path string
	name string
}

// distinctPersonas returns the personas of j that are not nil, the first
// of each id, in document order.
func distinctPersonas(j *journey.Journey) []persona {
	var out []persona
	seen := map[uuid.UUID]bool{}
	for i, p := range j.Personas {
		if p != nil && !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, persona{id: p.ID, path: pathIndex("", "personas", i), name: p.Name})
		}
	}
	return out
}

// frictionLevel says how much of the friction a walk keeps.
type frictionLevel int

const (
	// scoresOnly measures the stages and the journey, all Diff needs.
	scoresOnly frictionLevel = iota
	// summary adds the hotspots and the pain by persona; each
	// touchpoint's friction is given to the walk's caller, not kept.
	summary
)

// frictionWalk measures friction touchpoint by touchpoint in journey
// order, across stages: the emotion dips and channel hand-offs compare a
// touchpoint with the ones before it on its personas' routes
// (journey.Journey.Neighbours).
type frictionWalk struct {
	w     weights
	words *i18n.Words
	level frictionLevel
	// keep keeps each stage's touchpoints in its StageFriction.
	keep  bool
	paths paths

	// The walks of the routes for the channel hand-off (every touchpoint,
	// with its channel) and the emotion dip (measured touchpoints only, with
	// their emotion).
	handoffs     *journey.RouteWalk[string]
	dips         *journey.RouteWalk[float64]
	names        map[uuid.UUID]string // persona names, quoted
	pain         map[uuid.UUID]*CategoryCounts
	everyone     CategoryCounts // pain felt by every persona
	journeyTally tally
	stages       int
	top          []ranked // the worst touchpoints so far, worst first
	limit        int      // the most touchpoints top keeps
	scratch      tally    // the tally of the touchpoint being measured
}

// ranked is a hotspot and its points, not rounded.
type ranked struct {
	points float64
	h      Hotspot
}

func newFrictionWalk(j *journey.Journey, opts Options, words *i18n.Words, level frictionLevel) *frictionWalk {
	fw := &frictionWalk{w: opts.weights(), words: words, level: level, pain: map[uuid.UUID]*CategoryCounts{},
		limit: max(opts.hotspots(), 1)} // the weakest link needs one
	fw.names = map[uuid.UUID]string{}
	for _, p := range distinctPersonas(j) {
		fw.pain[p.id] = &CategoryCounts{}
		fw.names[p.id] = strconv.Quote(p.name)
	}
	fw.handoffs = journey.NewRouteWalk[string](j)
	fw.dips = journey.NewRouteWalk[float64](j)
	return fw
}

// routeDetail writes the detail of a factor that occurs between several
// pairs of neighbours: each pair's detail, followed by the personas on
// whose routes the pair occurs when that is not all of the touchpoint's
// routes.
func (fw *frictionWalk) routeDetail(parts []string, detail string, personas []uuid.UUID) []string {
	if len(personas) > 0 {
		names := make([]string, len(personas))
		for k, id := range personas {
			names[k] = fw.names[id]
		}
		detail = fw.words.Details.OnRoutes(detail, names)
	}
	return append(parts, detail)
}

// offer ranks a touchpoint with friction among the worst so far; ties stay
// in journey order.
func (fw *frictionWalk) offer(points float64, h Hotspot) {
	at := len(fw.top)
	for at > 0 && fw.top[at-1].points < points {
		at--
	}
	if at == fw.limit {
		return
	}
	fw.top = slices.Insert(fw.top, at, ranked{points, h})
	if len(fw.top) > fw.limit {
		fw.top = fw.top[:fw.limit]
	}
}

// measureFriction returns the friction of j: everything, or only the
// scores (scoresOnly), or all but the touchpoints' friction and the
// emotion curves (summary).
func measureFriction(j *journey.Journey, opts Options, words *i18n.Words, full bool, ps paths) Friction {
	level := summary
	if !full {
		level = scoresOnly
	}
	fr := summarize(j, opts, words, level, full, nil, ps)
	if full {
		n := 0 // touchpoints: the most points the curve has
		for _, s := range j.Stages {
			if s != nil {
				n += countTouchpoints(s)
			}
		}
		fr.EmotionCurve = slices.AppendSeq(make([]EmotionPoint, 0, n), emotionCurve(j, ps))
		fr.PersonaCurves = []PersonaCurve{}
		for _, p := range curvePersonas(j) {
			// A persona's curve is about as long as the journey's.
			points := slices.AppendSeq(make([]EmotionPoint, 0, len(fr.EmotionCurve)), personaCurve(j, p.id, ps))
			c := PersonaCurve{Path: p.path, ID: p.id, Name: p.name, Points: points}
			fr.PersonaCurves = append(fr.PersonaCurves, c)
		}
	}
	return fr
}

// summarize walks j at level, keeping each stage's touchpoints (keep) or
// giving each touchpoint's friction to each (when not nil, above
// scoresOnly), and returns the friction without the emotion curves.
func summarize(j *journey.Journey, opts Options, words *i18n.Words, level frictionLevel, keep bool, each func(TouchpointFriction), ps paths) Friction {
	fw := newFrictionWalk(j, opts, words, level)
	fw.keep, fw.paths = keep, ps
	fr := Friction{Stages: []StageFriction{}}
	for i, s := range j.Stages {
		if s != nil {
			fr.Stages = append(fr.Stages, fw.stage(i, s, each))
		}
	}
	if fw.stages > 0 {
		fw.journeyTally.scale(1 / float64(fw.stages))
	}
	pts := fw.journeyTally.total()
	fr.Points, fr.Score, fr.Factors = round(pts), round(score(pts, fw.w.half)), fw.journeyTally.factors(words)
	for _, s := range fr.Stages {
		fr.Pain.addAll(s.Pain)
	}
	if level == scoresOnly {
		return fr
	}
	fr.Hotspots = []Hotspot{}
	for k, r := range fw.top {
		r.h.Rank = k + 1
		if k == 0 {
			weakest := r.h
			fr.WeakestLink = &weakest
		}
		if k < opts.hotspots() {
			fr.Hotspots = append(fr.Hotspots, r.h)
		}
	}
	fr.PainByPersona = []PersonaPain{}
	for _, p := range distinctPersonas(j) {
		pain := *fw.pain[p.id]
		pain.addAll(fw.everyone)
		fr.PainByPersona = append(fr.PainByPersona, PersonaPain{Path: p.path, ID: p.id, Name: p.name, Pain: pain})
	}
	return fr
}

// stage measures stage s (not nil) at index i, keeping the friction of each
// touchpoint in the stage's Touchpoints (keep) or giving it to each (when
// not nil, above scoresOnly).
func (fw *frictionWalk) stage(i int, s *journey.Stage, each func(TouchpointFriction)) StageFriction {
	sf := StageFriction{Path: pathIndex("", "stages", i), ID: s.ID, Name: s.Name, Phase: string(s.Phase), Touchpoints: []TouchpointFriction{}}
	if fw.keep {
		sf.Touchpoints = make([]TouchpointFriction, 0, countTouchpoints(s))
	}
	var st tally // the sum of the touchpoints' tallies, then their mean
	emotionSum, measured := 0.0, 0
	for k, t := range s.Touchpoints {
		if t == nil {
			continue
		}
		tt, e, ok := fw.touchpoint(t, &sf.Pain)
		st.addAll(tt)
		if ok {
			emotionSum += e
			measured++
		}
		if fw.level == scoresOnly {
			continue
		}
		pts := tt.total()
		tf := TouchpointFriction{Path: fw.paths.touchpoint(i, k), ID: t.ID, Name: t.Name, Channel: string(t.Channel),
			Score: round(score(pts, fw.w.half)), Points: round(pts), Factors: tt.factors(fw.words)}
		if ok {
			tf.Emotion = roundPtr(e)
		}
		if pts > 0 {
			fw.offer(pts, Hotspot{Stage: s.Name, TouchpointFriction: tf})
		}
		if fw.keep {
			sf.Touchpoints = append(sf.Touchpoints, tf)
		}
		if each != nil {
			each(tf)
		}
	}
	if n := countTouchpoints(s); n > 0 {
		st.scale(1 / float64(n))
	}
	metricFactors(&st, s.Metrics, fw.w)
	pts := st.total()
	sf.Points, sf.Score, sf.Factors = round(pts), round(score(pts, fw.w.half)), st.factors(fw.words)
	if measured > 0 {
		sf.Emotion = roundPtr(emotionSum / float64(measured))
	}
	fw.journeyTally.addAll(&st)
	fw.stages++
	return sf
}

// touchpoint returns the factors of touchpoint t (valid until the next
// call) and its emotion (ok when measured), counting its pain points in
// pain (its stage's) and for the personas who feel them.
func (fw *frictionWalk) touchpoint(t *touchpoint.Touchpoint, pain *CategoryCounts) (tt *tally, e float64, ok bool) {
	w, words := fw.w, fw.words
	tt = &fw.scratch
	*tt = tally{}
	for _, p := range t.PainPoints {
		if p == nil {
			continue
		}
		f := painFactor(p.Category)
		tt.add(f, w.severity[p.Severity.Rank()]*w.category[f])
		countSeverity(&tt.pains[f], p.Severity)
		pain.addFactor(f)
		// Who feels it: the personas it names, else those its touchpoint
		// serves, else everyone.
		who := p.PersonaIDs
		if len(who) == 0 {
			who = t.PersonaIDs
		}
		if len(who) == 0 {
			fw.everyone.addFactor(f)
		}
		for n, id := range who {
			if c := fw.pain[id]; c != nil && !slices.Contains(who[:n], id) {
				c.addFactor(f)
			}
		}
	}
	if e, ok = effectiveEmotion(t); ok {
		if e < 0 {
			tt.add(fNegativeEmotion, w.negEmotion*(-e/2))
			if fw.level > scoresOnly {
				tt.detail[fNegativeEmotion] = words.Details.Emotion(round(e))
			}
		}
		var parts []string
		for _, n := range fw.dips.Next(t, e, true) {
			if prev := n.Value; prev > e {
				tt.add(fDip, w.dip*(prev-e)/4)
				if fw.level > scoresOnly {
					parts = fw.routeDetail(parts, words.Details.Dip(round(prev), round(e)), n.Personas)
				}
			}
		}
		tt.detail[fDip] = strings.Join(parts, "; ")
	} else {
		fw.dips.Next(t, 0, false)
	}
	var parts []string
	ch := string(t.Channel)
	for _, n := range fw.handoffs.Next(t, ch, true) {
		if prev := n.Value; prev != ch {
			tt.add(fHandoff, w.handoff)
			if fw.level > scoresOnly {
				parts = fw.routeDetail(parts, words.Details.Handoff(prev, ch), n.Personas)
			}
		}
	}
	tt.detail[fHandoff] = strings.Join(parts, "; ")
	metricFactors(tt, t.Metrics, w)
	return tt, e, ok
}

// emotionCurve yields the emotion of every measured touchpoint of j in
// journey order.
func emotionCurve(j *journey.Journey, ps paths) iter.Seq[EmotionPoint] {
	return func(yield func(EmotionPoint) bool) {
		for i, s := range j.Stages {
			if s == nil {
				continue
			}
			for k, t := range s.Touchpoints {
				if t == nil {
					continue
				}
				if e, ok := effectiveEmotion(t); ok {
					p := EmotionPoint{Path: ps.touchpoint(i, k), ID: t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(e)}
					if !yield(p) {
						return
					}
				}
			}
		}
	}
}

// curvePersonas returns the personas that have their own score in some
// touchpoint's persona_emotions, in the order of personas: those with an
// emotion curve.
func curvePersonas(j *journey.Journey) []persona {
	own := ownEmotions(j)
	var out []persona
	for _, p := range distinctPersonas(j) {
		if own[p.id] {
			out = append(out, p)
		}
	}
	return out
}

// personaCurve yields the emotion curve of persona id: on each touchpoint
// that serves the persona, its own score, else the touchpoint's emotion.
func personaCurve(j *journey.Journey, id uuid.UUID, ps paths) iter.Seq[EmotionPoint] {
	return func(yield func(EmotionPoint) bool) {
		for i, s := range j.Stages {
			if s == nil {
				continue
			}
			for k, t := range s.Touchpoints {
				if t == nil || !t.Serves(id) {
					continue
				}
				if e, ok := t.EmotionFor(id); ok && isFinite(e) {
					p := EmotionPoint{Path: ps.touchpoint(i, k),
						ID: t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(clampEmotion(e))}
					if !yield(p) {
						return
					}
				}
			}
		}
	}
}

// ownEmotions returns the persona ids some touchpoint of j has in its
// persona_emotions.
func ownEmotions(j *journey.Journey) map[uuid.UUID]bool {
	own := map[uuid.UUID]bool{}
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			for id := range t.PersonaEmotions {
				own[id] = true
			}
		}
	}
	return own
}
