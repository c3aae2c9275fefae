package analysis

import (
	"math"
	"slices"

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

// frictionWalk measures friction touchpoint by touchpoint in journey
// order, across stages: the emotion dips and channel hand-offs compare a
// touchpoint with the one before it on the path.
type frictionWalk struct {
	w     weights
	words *i18n.Words
	// detail keeps the touchpoints' friction, the emotion curves and the
	// hotspots; without it only the scores of the stages and the journey
	// are measured (all Diff needs).
	detail bool

	prevChannel    string
	prevEmotion    float64
	hasPrevTP      bool // prevChannel is set
	hasPrevEmotion bool // prevEmotion is set
	pain           map[uuid.UUID]*CategoryCounts
	everyone       CategoryCounts // pain felt by every persona
	journeyTally   tally
	stages         int
	candidates     []candidate // the touchpoints with friction, in journey order
}

// candidate is a touchpoint with friction: its points, not rounded, and its
// place in Friction.Stages.
type candidate struct {
	points            float64
	stage, touchpoint int
}

// measureFriction returns the friction of j; without detail, only the
// scores, points and emotions of the journey and its stages.
func measureFriction(j *journey.Journey, opts Options, words *i18n.Words, detail bool) Friction {
	personas := distinctPersonas(j)
	fw := &frictionWalk{w: opts.weights(), words: words, detail: detail, pain: map[uuid.UUID]*CategoryCounts{}}
	for _, p := range personas {
		fw.pain[p.id] = &CategoryCounts{}
	}
	fr := Friction{Stages: []StageFriction{}, EmotionCurve: []EmotionPoint{}}
	for i, s := range j.Stages {
		if s != nil {
			fr.Stages = append(fr.Stages, fw.stage(pathIndex("", "stages", i), s, &fr))
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
	if !detail {
		return fr
	}
	fr.Hotspots, fr.WeakestLink = hotspots(fr.Stages, fw.candidates, opts.hotspots())
	fr.PainByPersona = []PersonaPain{}
	for _, p := range personas {
		pain := *fw.pain[p.id]
		pain.addAll(fw.everyone)
		fr.PainByPersona = append(fr.PainByPersona, PersonaPain{Path: p.path, ID: p.id, Name: p.name, Pain: pain})
	}
	fr.PersonaCurves = personaCurves(j, personas)
	return fr
}

// stage measures stage s (not nil) at path and its touchpoints, adding
// their emotions to fr's curve.
func (fw *frictionWalk) stage(path string, s *journey.Stage, fr *Friction) StageFriction {
	sf := StageFriction{Path: path, ID: s.ID, Name: s.Name, Phase: string(s.Phase), Touchpoints: []TouchpointFriction{}}
	var st tally // the sum of the touchpoints' tallies, then their mean
	emotionSum, measured := 0.0, 0
	for k, t := range s.Touchpoints {
		if t == nil {
			continue
		}
		tpath := pathIndex(path, "touchpoints", k)
		tt, e, ok := fw.touchpoint(t, &sf.Pain)
		if ok {
			emotionSum += e
			measured++
		}
		if !fw.detail {
			st.addAll(tt)
			continue
		}
		if ok {
			fr.EmotionCurve = append(fr.EmotionCurve, EmotionPoint{Path: tpath, ID: t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(e)})
		}
		pts := tt.total()
		tf := TouchpointFriction{Path: tpath, ID: t.ID, Name: t.Name, Channel: string(t.Channel),
			Score: round(score(pts, fw.w.half)), Points: round(pts), Factors: tt.factors(fw.words)}
		if ok {
			tf.Emotion = roundPtr(e)
		}
		if pts > 0 {
			fw.candidates = append(fw.candidates, candidate{points: pts, stage: len(fr.Stages), touchpoint: len(sf.Touchpoints)})
		}
		sf.Touchpoints = append(sf.Touchpoints, tf)
		st.addAll(tt)
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

// touchpoint returns the factors of touchpoint t and its emotion (ok when
// measured), counting its pain points in pain (its stage's) and for the
// personas who feel them.
func (fw *frictionWalk) touchpoint(t *touchpoint.Touchpoint, pain *CategoryCounts) (tt *tally, e float64, ok bool) {
	w, words := fw.w, fw.words
	tt = &tally{}
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
			if fw.detail {
				tt.detail[fNegativeEmotion] = words.Details.Emotion(round(e))
			}
		}
		if fw.hasPrevEmotion && fw.prevEmotion > e {
			tt.add(fDip, w.dip*(fw.prevEmotion-e)/4)
			if fw.detail {
				tt.detail[fDip] = words.Details.Dip(round(fw.prevEmotion), round(e))
			}
		}
		fw.prevEmotion, fw.hasPrevEmotion = e, true
	}
	if fw.hasPrevTP && fw.prevChannel != string(t.Channel) {
		tt.add(fHandoff, w.handoff)
		if fw.detail {
			tt.detail[fHandoff] = words.Details.Handoff(fw.prevChannel, string(t.Channel))
		}
	}
	fw.prevChannel, fw.hasPrevTP = string(t.Channel), true
	metricFactors(tt, t.Metrics, w)
	return tt, e, ok
}

// hotspots ranks the candidates, worst first (ties in journey order), and
// returns the first limit of them and the worst.
func hotspots(stages []StageFriction, candidates []candidate, limit int) ([]Hotspot, *Hotspot) {
	slices.SortStableFunc(candidates, func(a, b candidate) int {
		switch {
		case a.points > b.points:
			return -1
		case a.points < b.points:
			return 1
		}
		return 0
	})
	out := []Hotspot{}
	var weakest *Hotspot
	for k, c := range candidates {
		s := stages[c.stage]
		h := Hotspot{Rank: k + 1, Stage: s.Name, TouchpointFriction: s.Touchpoints[c.touchpoint]}
		if k == 0 {
			weakest = &h
		}
		if k >= limit {
			break
		}
		out = append(out, h)
	}
	return out, weakest
}

// personaCurves returns the emotion curve of every persona that has its own
// score in some touchpoint's persona_emotions, in the order of personas:
// on each touchpoint that serves the persona, its own score, else the
// touchpoint's emotion.
func personaCurves(j *journey.Journey, personas []persona) []PersonaCurve {
	out := []PersonaCurve{}
	own := ownEmotions(j)
	for _, p := range personas {
		if !own[p.id] {
			continue
		}
		c := PersonaCurve{Path: p.path, ID: p.id, Name: p.name, Points: []EmotionPoint{}}
		for i, s := range j.Stages {
			if s == nil {
				continue
			}
			for k, t := range s.Touchpoints {
				if t == nil || !t.Serves(p.id) {
					continue
				}
				if e, ok := t.EmotionFor(p.id); ok && isFinite(e) {
					c.Points = append(c.Points, EmotionPoint{Path: pathIndex(pathIndex("", "stages", i), "touchpoints", k),
						ID: t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(clampEmotion(e))})
				}
			}
		}
		out = append(out, c)
	}
	return out
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
