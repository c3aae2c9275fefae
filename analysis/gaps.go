package analysis

import (
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// gapFinder finds the gaps of a journey in document order and gives each
// finding to yield.
type gapFinder struct {
	j     *journey.Journey
	opts  Options
	w     *i18n.Words
	yield func(Finding) bool
	// stopped is set when yield asked for no more findings.
	stopped bool
	// addressed holds the pain point ids some opportunity refers to.
	addressed map[uuid.UUID]bool
	paths     paths
}

func (g *gapFinder) add(code string, sev Severity, path string, id uuid.UUID, msg string) {
	if !g.stopped && !g.yield(Finding{Code: code, Severity: sev, Path: path, ID: id, Message: msg}) {
		g.stopped = true
	}
}

// label quotes a name for a message, or describes the object at index i
// by its place when the name is blank: "#3 (no name)".
func (g *gapFinder) label(name string, i int) string {
	if strings.TrimSpace(name) == "" {
		return g.w.Unnamed(i + 1)
	}
	return strconv.Quote(name)
}

// Findings returns the findings of j one at a time, in the order and with
// the messages Analyze reports them, without keeping them: a large
// journey's findings can be written out or counted without ever being in
// memory together (see WriteJSON). A nil journey has the findings of an
// empty one.
func Findings(j *journey.Journey, opts Options) iter.Seq[Finding] {
	if j == nil {
		j = &journey.Journey{}
	}
	return findings(j, opts, paths{})
}

// findings is Findings with the touchpoints' paths taken from ps.
func findings(j *journey.Journey, opts Options, ps paths) iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		g := &gapFinder{j: j, opts: opts, w: opts.language(j).Words(), yield: yield, addressed: map[uuid.UUID]bool{}, paths: ps}
		for _, o := range j.Opportunities {
			if o != nil {
				for _, id := range o.PainPointIDs {
					g.addressed[id] = true
				}
			}
		}
		g.journey()
		g.personas()
		for i, s := range j.Stages {
			if g.stopped {
				return
			}
			if s != nil {
				g.stage(i, s)
			}
		}
	}
}

func (g *gapFinder) journey() {
	j, w := g.j, g.w
	if strings.TrimSpace(j.Objective) == "" {
		g.add(CodeNoObjective, Warning, "objective", j.ID, w.Findings.NoObjective)
	}
	if !hasPersona(j) {
		g.add(CodeNoPersonas, Warning, "personas", j.ID, w.Findings.NoPersonas)
	}
	if now := g.opts.Now; !now.IsZero() && j.ReviewedAt != nil && j.ReviewEveryDays > 0 {
		due := j.ReviewedAt.AddDate(0, 0, j.ReviewEveryDays)
		if due.Before(now) {
			late := int(now.Sub(due) / (24 * time.Hour))
			g.add(CodeReviewOverdue, Warning, "reviewed_at", j.ID, w.Findings.ReviewOverdue(*j.ReviewedAt, due, j.ReviewEveryDays, late))
		}
	}
	for _, ph := range journey.Phases() {
		stages, covered := 0, false
		for _, s := range j.Stages {
			if s != nil && s.Phase == ph {
				stages++
				covered = covered || countTouchpoints(s) > 0
			}
		}
		if covered {
			continue
		}
		sev := Warning
		if ph == journey.AfterPurchase {
			sev = Critical // the customer is forgotten after the sale
		}
		g.add(CodePhaseUncovered, sev, "stages", j.ID, w.Findings.PhaseUncovered(string(ph), stages))
	}
}

func hasPersona(j *journey.Journey) bool {
	for _, p := range j.Personas {
		if p != nil {
			return true
		}
	}
	return false
}

// countTouchpoints counts the touchpoints of s that are not nil.
func countTouchpoints(s *journey.Stage) int {
	n := 0
	for _, t := range s.Touchpoints {
		if t != nil {
			n++
		}
	}
	return n
}

// personas reports the personas no touchpoint serves and the preferred
// channels no touchpoint uses.
func (g *gapFinder) personas() {
	servesAll := false // some touchpoint serves every persona
	served := map[uuid.UUID]bool{}
	used := map[channel.Channel]bool{}
	for _, s := range g.j.Stages {
		if s == nil {
			continue
		}
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			used[t.Channel] = true
			servesAll = servesAll || len(t.PersonaIDs) == 0
			for _, id := range t.PersonaIDs {
				served[id] = true
			}
		}
	}
	for i, p := range g.j.Personas {
		if p == nil {
			continue
		}
		path := pathIndex("", "personas", i)
		name := g.label(p.Name, i)
		if !servesAll && !served[p.ID] {
			g.add(CodePersonaUnserved, Critical, path, p.ID, g.w.Findings.PersonaUnserved(name))
		}
		reported := map[channel.Channel]bool{}
		for k, ch := range p.PreferredChannels {
			if used[ch] || reported[ch] {
				continue
			}
			reported[ch] = true
			g.add(CodeChannelMissing, Info, pathIndex(path, "preferred_channels", k), p.ID,
				g.w.Findings.ChannelMissing(name, string(ch)))
		}
	}
}

func (g *gapFinder) stage(i int, s *journey.Stage) {
	path, f := pathIndex("", "stages", i), &g.w.Findings
	n, hasContact := 0, false
	for _, t := range s.Touchpoints {
		if t != nil {
			n++
			hasContact = hasContact || t.Channel.IsContact()
		}
	}
	name := g.label(s.Name, i)
	switch {
	case n == 0:
		g.add(CodeNoTouchpoints, Warning, path, s.ID, f.NoTouchpoints(name))
	case n == 1:
		g.add(CodeSingleTouchpoint, Info, path, s.ID, f.SingleTouchpoint(name))
	case n > g.opts.maxTouchpoints():
		g.add(CodeTooManyTouchpoints, Warning, path, s.ID, f.TooManyTouchpoints(name, n, g.opts.maxTouchpoints()))
	}
	for k, t := range s.Touchpoints {
		if t != nil {
			g.touchpoint(g.paths.touchpoint(i, k), k, t, name, hasContact)
		}
	}
	g.metrics(path, s.ID, s.Metrics)
}

// touchpoint reports touchpoint t, at index k of a stage named stage (as
// labelled in messages), then its pain points and metrics.
func (g *gapFinder) touchpoint(path string, k int, t *touchpoint.Touchpoint, stage string, hasContact bool) {
	f := &g.w.Findings
	// The touchpoint's label is made only for a finding that needs it:
	// most touchpoints have none of these.
	if strings.TrimSpace(t.Owner) == "" {
		g.add(CodeNoOwner, Warning, path, t.ID, f.NoOwner(g.label(t.Name, k)))
	}
	if !measured(t) && len(t.Metrics) == 0 {
		g.add(CodeUnmeasured, Info, path, t.ID, f.Unmeasured(g.label(t.Name, k)))
	}
	if g.j.Type == journey.ServiceBlueprint && !hasBackstage(t) {
		g.add(CodeNoBackstage, Warning, path, t.ID, f.NoBackstage(g.label(t.Name, k)))
	}
	for n, p := range t.PainPoints {
		if p == nil {
			continue
		}
		ppath, title := pathIndex(path, "pain_points", n), g.label(p.Title, n)
		if !g.addressed[p.ID] {
			sev := Warning
			if p.Severity == painpoint.Critical {
				sev = Critical
			}
			g.add(CodeUnaddressed, sev, ppath, p.ID, f.Unaddressed(title, string(p.Severity), string(p.Category)))
		}
		if p.Category == painpoint.Support && !hasContact {
			g.add(CodeSupportWithoutContact, Warning, ppath, p.ID, f.SupportWithoutContact(title, stage))
		}
	}
	g.metrics(path, t.ID, t.Metrics)
}

// measured reports whether t has an emotion: its score or one of its
// persona_emotions, finite (see effectiveEmotion).
func measured(t *touchpoint.Touchpoint) bool {
	if t.Emotion != nil && isFinite(*t.Emotion) {
		return true
	}
	for _, v := range t.PersonaEmotions {
		if isFinite(v) {
			return true
		}
	}
	return false
}

// hasBackstage reports whether t shows backstage work or a support process.
func hasBackstage(t *touchpoint.Touchpoint) bool {
	for _, sp := range t.Supports {
		if sp.Layer == touchpoint.Backstage || sp.Layer == touchpoint.SupportProcess {
			return true
		}
	}
	return false
}

// metrics reports the metrics that miss their target, held by the stage or
// touchpoint at owner whose id is id.
func (g *gapFinder) metrics(owner string, id uuid.UUID, ms []metric.Metric) {
	for k, m := range ms {
		if m.MeetsTarget() {
			continue
		}
		msg := g.w.Findings.BelowTarget(g.label(m.Name, k), m.Value, *m.Target, m.Unit, m.EffectiveBetter() == metric.Lower)
		g.add(CodeBelowTarget, Warning, pathIndex(owner, "metrics", k), id, msg)
	}
}

// paths gives the JSON paths of the touchpoints, made once for a whole
// report so that its findings, friction and curves share them. The zero
// value makes each path when asked, for the streamed writers, which keep
// nothing.
type paths struct {
	of [][]string // by stage and touchpoint, as in the document
}

// newPaths makes the path of every touchpoint of j.
func newPaths(j *journey.Journey) paths {
	ps := paths{of: make([][]string, len(j.Stages))}
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		ps.of[i] = make([]string, len(s.Touchpoints))
		stage := pathIndex("", "stages", i)
		for k := range s.Touchpoints {
			ps.of[i][k] = pathIndex(stage, "touchpoints", k)
		}
	}
	return ps
}

// touchpoint returns the path of touchpoint k of stage i.
func (ps paths) touchpoint(i, k int) string {
	if ps.of != nil {
		return ps.of[i][k]
	}
	return pathIndex(pathIndex("", "stages", i), "touchpoints", k)
}

// pathIndex returns the JSON path path.member[i]; member[i] when path is empty.
func pathIndex(path, member string, i int) string {
	if path != "" {
		path += "."
	}
	return path + member + "[" + strconv.Itoa(i) + "]"
}
