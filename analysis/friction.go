package analysis

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

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

// tally accumulates friction factors.
type tally struct {
	count  [nFactors]int
	points [nFactors]float64
	sev    [fPainOther + 1][5]int // pain factor × painpoint.Severity.Rank()
	detail [nFactors]string       // touchpoint level only
}

func (t *tally) add(f int, points float64) {
	t.count[f]++
	t.points[f] += points
}

// addScaled adds the factors of u with their points multiplied by scale.
func (t *tally) addScaled(u *tally, scale float64) {
	for f := range nFactors {
		t.count[f] += u.count[f]
		t.points[f] += u.points[f] * scale
	}
	for c := range u.sev {
		for s := range u.sev[c] {
			t.sev[c][s] += u.sev[c][s]
		}
	}
}

func (t *tally) total() float64 {
	sum := 0.0
	for _, p := range t.points {
		sum += p
	}
	return sum
}

func (t *tally) factors() []Factor {
	out := []Factor{}
	for f := range nFactors {
		if t.count[f] == 0 {
			continue
		}
		detail := t.detail[f]
		if f <= fPainOther {
			detail = severityWords(t.sev[f])
		}
		out = append(out, Factor{Name: factorNames[f], Count: t.count[f], Points: round(t.points[f]), Detail: detail})
	}
	return out
}

func severityWords(by [5]int) string {
	names := [5]string{"of unknown severity", "low", "medium", "high", "critical"}
	var parts []string
	for r := 4; r >= 0; r-- {
		if by[r] > 0 {
			parts = append(parts, strconv.Itoa(by[r])+" "+names[r])
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

func (c *CategoryCounts) add(cat painpoint.Category, n int) {
	switch cat {
	case painpoint.Financial:
		c.Financial += n
	case painpoint.Productivity:
		c.Productivity += n
	case painpoint.Process:
		c.Process += n
	case painpoint.Support:
		c.Support += n
	default:
		c.Other += n
	}
	c.Total += n
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
	keys := make([]uuid.UUID, 0, len(t.PersonaEmotions))
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

type hotspotCandidate struct {
	points float64
	order  int
	stage  string
	tp     TouchpointFriction
}

func measureFriction(j *journey.Journey, opts Options, ix *index) Friction {
	w := opts.weights()
	fr := Friction{Factors: []Factor{}, Stages: []StageFriction{}, Hotspots: []Hotspot{},
		PainByPersona: []PersonaPain{}, EmotionCurve: []EmotionPoint{}, PersonaCurves: []PersonaCurve{}}

	// Personas: slot per distinct id, in document order.
	type personaSlot struct {
		path string
		p    PersonaPain
	}
	var slots []personaSlot
	slotOf := map[uuid.UUID]int{}
	for i, p := range j.Personas {
		if p == nil {
			continue
		}
		if _, dup := slotOf[p.ID]; dup {
			continue
		}
		slotOf[p.ID] = len(slots)
		path := "personas[" + strconv.Itoa(i) + "]"
		slots = append(slots, personaSlot{path: path, p: PersonaPain{Path: path, ID: p.ID, Name: p.Name}})
	}
	var everyone CategoryCounts // pain felt by every persona
	ownCurve := map[uuid.UUID]bool{}

	var stageTallies []tally
	var candidates []hotspotCandidate
	var prevChannel string
	var prevEmotion float64
	hasPrev, hasPrevEmotion := false, false
	order := 0
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		spath := "stages[" + strconv.Itoa(i) + "]"
		sf := StageFriction{Path: spath, ID: s.ID, Name: s.Name, Phase: string(s.Phase), Factors: []Factor{}, Touchpoints: []TouchpointFriction{}}
		var stageTally tally
		var tps []*tally
		emoSum, emoN := 0.0, 0
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			tpath := spath + ".touchpoints[" + strconv.Itoa(k) + "]"
			tt := &tally{}
			for _, p := range t.PainPoints {
				if p == nil {
					continue
				}
				f := painFactor(p.Category)
				tt.add(f, w.severity[p.Severity.Rank()]*w.category(p.Category))
				tt.sev[f][p.Severity.Rank()]++
				sf.Pain.add(p.Category, 1)
				// Who feels it.
				switch {
				case len(p.PersonaIDs) > 0:
					countPersonas(p.PersonaIDs, slotOf, func(n int) { slots[n].p.Pain.add(p.Category, 1) })
				case len(t.PersonaIDs) > 0:
					countPersonas(t.PersonaIDs, slotOf, func(n int) { slots[n].p.Pain.add(p.Category, 1) })
				default:
					everyone.add(p.Category, 1)
				}
			}
			e, measured := effectiveEmotion(t)
			if measured {
				if e < 0 {
					tt.add(fNegativeEmotion, w.negEmotion*(-e/2))
					tt.detail[fNegativeEmotion] = "emotion " + strconv.FormatFloat(round(e), 'g', -1, 64)
				}
				if hasPrevEmotion && prevEmotion > e {
					tt.add(fDip, w.dip*(prevEmotion-e)/4)
					tt.detail[fDip] = "emotion falls from " + strconv.FormatFloat(round(prevEmotion), 'g', -1, 64) +
						" to " + strconv.FormatFloat(round(e), 'g', -1, 64)
				}
				prevEmotion, hasPrevEmotion = e, true
				emoSum += e
				emoN++
				fr.EmotionCurve = append(fr.EmotionCurve, EmotionPoint{Path: tpath, ID: t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(e)})
			}
			if hasPrev && prevChannel != string(t.Channel) {
				tt.add(fHandoff, w.handoff)
				tt.detail[fHandoff] = "from " + channelText(prevChannel) + " to " + channelText(string(t.Channel))
			}
			prevChannel, hasPrev = string(t.Channel), true
			metricFactors(tt, t.Metrics, w)
			for id := range t.PersonaEmotions {
				ownCurve[id] = true
			}

			pts := tt.total()
			tf := TouchpointFriction{Path: tpath, ID: t.ID, Name: t.Name, Channel: string(t.Channel),
				Score: round(score(pts, w.half)), Points: round(pts), Factors: tt.factors()}
			if measured {
				tf.Emotion = roundPtr(e)
			}
			sf.Touchpoints = append(sf.Touchpoints, tf)
			if pts > 0 {
				candidates = append(candidates, hotspotCandidate{points: pts, order: order, stage: s.Name, tp: tf})
			}
			order++
			tps = append(tps, tt)
		}
		for _, tt := range tps {
			stageTally.addScaled(tt, 1/float64(len(tps)))
		}
		metricFactors(&stageTally, s.Metrics, w)
		pts := stageTally.total()
		sf.Points, sf.Score, sf.Factors = round(pts), round(score(pts, w.half)), stageTally.factors()
		if emoN > 0 {
			sf.Emotion = roundPtr(emoSum / float64(emoN))
		}
		fr.Pain.addAll(sf.Pain)
		fr.Stages = append(fr.Stages, sf)
		stageTallies = append(stageTallies, stageTally)
	}
	var journeyTally tally
	for k := range stageTallies {
		journeyTally.addScaled(&stageTallies[k], 1/float64(len(stageTallies)))
	}
	pts := journeyTally.total()
	fr.Points, fr.Score, fr.Factors = round(pts), round(score(pts, w.half)), journeyTally.factors()

	slices.SortStableFunc(candidates, func(a, b hotspotCandidate) int {
		if a.points != b.points {
			if a.points > b.points {
				return -1
			}
			return 1
		}
		return a.order - b.order
	})
	for k := 0; k < len(candidates) && k < opts.hotspots(); k++ {
		fr.Hotspots = append(fr.Hotspots, Hotspot{Rank: k + 1, Stage: candidates[k].stage, TouchpointFriction: candidates[k].tp})
	}
	if len(candidates) > 0 {
		c := candidates[0]
		fr.WeakestLink = &Hotspot{Rank: 1, Stage: c.stage, TouchpointFriction: c.tp}
	}

	for _, sl := range slots {
		sl.p.Pain.addAll(everyone)
		fr.PainByPersona = append(fr.PainByPersona, sl.p)
		if ownCurve[sl.p.ID] {
			fr.PersonaCurves = append(fr.PersonaCurves, personaCurve(j, sl.path, sl.p.ID, sl.p.Name))
		}
	}
	return fr
}

// countPersonas calls add once for the slot of each distinct known persona in ids.
func countPersonas(ids []uuid.UUID, slotOf map[uuid.UUID]int, add func(slot int)) {
	for k, id := range ids {
		n, ok := slotOf[id]
		if !ok || slices.Contains(ids[:k], id) {
			continue
		}
		add(n)
	}
}

func personaCurve(j *journey.Journey, path string, id uuid.UUID, name string) PersonaCurve {
	c := PersonaCurve{Path: path, ID: id, Name: name, Points: []EmotionPoint{}}
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		for k, t := range s.Touchpoints {
			if t == nil || !t.Serves(id) {
				continue
			}
			e, ok := t.EmotionFor(id)
			if !ok || !isFinite(e) {
				continue
			}
			c.Points = append(c.Points, EmotionPoint{
				Path: "stages[" + strconv.Itoa(i) + "].touchpoints[" + strconv.Itoa(k) + "]",
				ID:   t.ID, Stage: s.Name, Touchpoint: t.Name, Emotion: round(clampEmotion(e)),
			})
		}
	}
	return c
}

func channelText(c string) string { return strings.ReplaceAll(c, "_", " ") }
