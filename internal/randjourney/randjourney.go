// Package randjourney generates random, valid journeys for tests and
// benchmarks, deterministically: the same seed and options always give the
// same journey (math/rand/v2 PCG), so a failing seed can be replayed.
//
// A generated journey passes (*journey.Journey).Validate and exercises the
// whole document format:
//
//   - every member of every object (journey, persona with demographics,
//     stage, touchpoint, support, pain point, opportunity, metric) is filled
//     in some objects and left out in others;
//   - every value of every enumeration appears once a journey has enough
//     objects of that kind (values are cycled from a random offset, so the
//     default sizes cover all 19 channels);
//   - text mixes English, Vietnamese (with combining-free precomposed
//     letters), emoji, and characters that need escaping in JSON or HTML
//     (quotes, backslashes, tabs, newlines, < > &, U+2028);
//   - numbers include negative zero, tiny and huge magnitudes written in
//     exponent form, and full-precision fractions;
//   - extensions are nested JSON objects (arrays, literals, escapes, numbers
//     written as 1.50 or 1E+2) with odd white space, kept byte-for-byte;
//   - persona_ids, persona_emotions, pain_point_ids and touchpoint_ids only
//     refer to objects of the journey.
//
// Use New for a small journey, Generate with Options to size one (OneMB is
// about 1 MB encoded), and the encoded form from journey.Marshal.
package randjourney

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// Options size a generated journey. Zero fields take the defaults shown.
type Options struct {
	// Personas is the number of personas (default 3).
	Personas int
	// Stages is the number of stages (default 5).
	Stages int
	// TouchpointsPerStage is the number of touchpoints in each stage (default 4).
	TouchpointsPerStage int
	// PainPointsPerTouchpoint is the largest number of pain points of a
	// touchpoint; each has between 0 and this many (default 2).
	PainPointsPerTouchpoint int
	// Opportunities is the number of opportunities (default 4).
	Opportunities int
}

// OneMB sizes a journey whose canonical compact encoding is about 1 MB
// (between 0.9 and 1.3 MB for any seed; a test checks it).
var OneMB = Options{Personas: 8, Stages: 48, TouchpointsPerStage: 12, PainPointsPerTouchpoint: 3, Opportunities: 60}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Personas, 3)
	def(&o.Stages, 5)
	def(&o.TouchpointsPerStage, 4)
	def(&o.PainPointsPerTouchpoint, 2)
	def(&o.Opportunities, 4)
	return o
}

// New returns a random valid journey of the default size for seed.
func New(seed uint64) *journey.Journey { return Generate(seed, Options{}) }

// Generate returns a random valid journey for seed, sized by opts.
func Generate(seed uint64, opts Options) *journey.Journey {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), opts: opts.withDefaults(), next: make(map[string]int)}
	return g.journey()
}

type gen struct {
	r    *rand.Rand
	opts Options
	next map[string]int // per enumeration (keyed by its first value): the next index
}

// pick returns the next value of an enumeration, cycling from a random
// starting value, so that len(values) draws cover every value.
func pick[T ~string](g *gen, values []T) T {
	key := string(values[0])
	i, ok := g.next[key]
	if !ok {
		i = g.r.IntN(len(values))
	}
	g.next[key] = (i + 1) % len(values)
	return values[i]
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) id() uuid.UUID {
	var id uuid.UUID
	for i := range id {
		id[i] = byte(g.r.UintN(256))
	}
	id[6] = id[6]&0x0f | 0x40 // version 4
	id[8] = id[8]&0x3f | 0x80 // RFC 4122 variant
	return id
}

var (
	words = []string{
		"checkout", "delivery", "price", "review", "store", "app", "payment", "support", "order",
		"mua hàng", "giao hàng", "đánh giá", "thanh toán", "khách hàng", "điểm chạm", "cửa hàng",
		"trải nghiệm", "hỗ trợ", "chất lượng", "Thương hiệu", "điện thoại", "ưu đãi",
		"📱", "🛒", "😀", "👍🏽", "🇻🇳", "❤️",
		`"quoted"`, `back\slash`, "tab\there", "new\nline", "<b>bold</b>", "A&B", "50%", "#58;", "a:b;c",
		"line\u2028sep", "é", "日本語", "\u00a0nbsp",
	}
	nouns = []string{"Lan", "Minh", "An", "Hoa", "Tuấn", "Linh", "Alex", "Sam", "Ngọc Ánh", "Đức"}
)

// text returns 1..max words; it is never blank.
func (g *gen) text(max int) string {
	n := 1 + g.r.IntN(max)
	parts := make([]string, 0, n+1)
	parts = append(parts, nouns[g.r.IntN(len(nouns))])
	for range n {
		parts = append(parts, words[g.r.IntN(len(words))])
	}
	return strings.Join(parts, " ")
}

// opt returns text or "" (member left out).
func (g *gen) opt(max int) string {
	if g.chance(0.5) {
		return g.text(max)
	}
	return ""
}

func (g *gen) texts(max int) []string {
	if g.chance(0.3) {
		return nil
	}
	out := make([]string, 1+g.r.IntN(max))
	for i := range out {
		out[i] = g.text(6)
	}
	return out
}

// number returns a float64 from a mix that stresses formatting.
func (g *gen) number() float64 {
	switch g.r.IntN(8) {
	case 0:
		return float64(g.r.IntN(1000))
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return (g.r.Float64() - 0.5) * 1e-8 // exponent form
	case 3:
		return g.r.Float64() * 1e23 // exponent form
	case 4:
		return g.r.Float64()
	case 5:
		return -g.r.Float64() * 100
	default:
		return math.Round(g.r.Float64()*10000) / 100
	}
}

// emotion returns a score in -2..2.
func (g *gen) emotion() float64 {
	if g.chance(0.6) {
		return float64(g.r.IntN(9)-4) / 2
	}
	return g.r.Float64()*4 - 2
}

// extensions returns nil or a JSON object with nested content and odd white space.
func (g *gen) extensions() []byte {
	if g.chance(0.6) {
		return nil
	}
	var b strings.Builder
	g.extObject(&b, 0)
	return []byte(b.String())
}

var extSpaces = []string{"", "", " ", "\n", "\t", "  \r\n  "}

func (g *gen) sp(b *strings.Builder) { b.WriteString(extSpaces[g.r.IntN(len(extSpaces))]) }

var extKeys = []string{"x-tool", "color", "weight", "tags", "ghi_chú", "🔑", `q"uote`, "nested", "a\\u0062", "n"}

func (g *gen) extObject(b *strings.Builder, depth int) {
	b.WriteByte('{')
	g.sp(b)
	keys := g.r.Perm(len(extKeys))[:g.r.IntN(4)]
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
			g.sp(b)
		}
		key := extKeys[k]
		if key == `q"uote` {
			key = `q\"uote`
		}
		b.WriteString(`"` + key + `"`)
		g.sp(b)
		b.WriteByte(':')
		g.sp(b)
		g.extValue(b, depth+1)
		g.sp(b)
	}
	b.WriteByte('}')
}

var extScalars = []string{
	"true", "false", "null", "0", "-0", "1.50", "1E+2", "-3.25e-3", "123456789012345678901234567890",
	`"plain"`, `"Việt Nam 🇻🇳"`, `"esc \u00e9 \n \" \\ \/"`, `"\ud83d\ude00"`, `""`,
}

func (g *gen) extValue(b *strings.Builder, depth int) {
	switch k := g.r.IntN(6); {
	case k == 0 && depth < 4:
		g.extObject(b, depth)
	case k == 1 && depth < 4:
		b.WriteByte('[')
		g.sp(b)
		for i := range g.r.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
				g.sp(b)
			}
			g.extValue(b, depth+1)
		}
		b.WriteByte(']')
	default:
		b.WriteString(extScalars[g.r.IntN(len(extScalars))])
	}
}

var zones = []*time.Location{time.UTC, time.FixedZone("", 7*3600), time.FixedZone("", -(5*3600 + 30*60)), time.FixedZone("", 14*3600)}

func (g *gen) journey() *journey.Journey {
	j := &journey.Journey{
		SchemaVersion: journey.SchemaVersion,
		ID:            g.id(),
		Title:         g.text(5),
		Description:   g.opt(12),
		Type:          pick(g, journey.Types()),
		Objective:     g.opt(8),
		Owner:         g.opt(2),
		Extensions:    g.extensions(),
	}
	if g.chance(0.7) {
		j.Language = []string{"vi", "en", "en-US", "vi-VN", "zh-Hant-TW"}[g.r.IntN(5)]
	}
	if g.chance(0.7) {
		t := time.Date(2020+g.r.IntN(7), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28),
			g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), 0, zones[g.r.IntN(len(zones))])
		if g.chance(0.3) {
			t = t.Add(time.Duration(1 + g.r.IntN(999999999)))
		}
		j.ReviewedAt = &t
	}
	if g.chance(0.7) {
		j.ReviewEveryDays = 1 + g.r.IntN(365)
	}
	for range g.opts.Personas {
		j.Personas = append(j.Personas, g.persona())
	}
	var painPoints []uuid.UUID
	var touchpoints []uuid.UUID
	for range g.opts.Stages {
		s := g.stage(j)
		for _, t := range s.Touchpoints {
			touchpoints = append(touchpoints, t.ID)
			for _, p := range t.PainPoints {
				painPoints = append(painPoints, p.ID)
			}
		}
		j.Stages = append(j.Stages, s)
	}
	for range g.opts.Opportunities {
		j.Opportunities = append(j.Opportunities, g.opportunity(painPoints, touchpoints))
	}
	return j
}

func (g *gen) persona() *persona.Persona {
	p := &persona.Persona{
		ID:           g.id(),
		Name:         g.text(3),
		Description:  g.opt(20),
		Quote:        g.opt(10),
		Goals:        g.texts(3),
		Needs:        g.texts(3),
		Frustrations: g.texts(3),
		Behaviors:    g.texts(3),
		Extensions:   g.extensions(),
	}
	if g.chance(0.8) {
		p.Lifecycle = pick(g, persona.Lifecycles())
	}
	if g.chance(0.7) {
		p.Demographics = &persona.Demographics{
			AgeRange:   []string{"18-24", "25-34", "35-44", "45+"}[g.r.IntN(4)],
			Gender:     g.opt(1),
			Income:     []string{"", "15-25 triệu VND/tháng", "$3,000/month"}[g.r.IntN(3)],
			Location:   []string{"", "TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng"}[g.r.IntN(4)],
			Occupation: g.opt(2),
			Extensions: g.extensions(),
		}
	}
	for range g.r.IntN(4) {
		p.PreferredChannels = append(p.PreferredChannels, pick(g, channel.Channels()))
	}
	return p
}

func (g *gen) stage(j *journey.Journey) *journey.Stage {
	s := &journey.Stage{
		ID:           g.id(),
		Name:         g.text(3),
		Description:  g.opt(15),
		Phase:        pick(g, journey.Phases()),
		CustomerGoal: g.opt(8),
		Questions:    g.texts(3),
		Extensions:   g.extensions(),
	}
	for range g.opts.TouchpointsPerStage {
		s.Touchpoints = append(s.Touchpoints, g.touchpoint(j))
	}
	s.Metrics = g.metrics()
	return s
}

// personaRefs returns a random subset of the journey's persona ids.
func (g *gen) personaRefs(j *journey.Journey) []uuid.UUID {
	var out []uuid.UUID
	for _, p := range j.Personas {
		if g.chance(0.3) {
			out = append(out, p.ID)
		}
	}
	return out
}

func (g *gen) touchpoint(j *journey.Journey) *touchpoint.Touchpoint {
	t := &touchpoint.Touchpoint{
		ID:               g.id(),
		Name:             g.text(4),
		Description:      g.opt(15),
		Channel:          pick(g, channel.Channels()),
		Owner:            g.opt(2),
		PersonaIDs:       g.personaRefs(j),
		Actions:          g.texts(3),
		Thoughts:         g.texts(3),
		Feelings:         g.texts(2),
		PhysicalEvidence: g.texts(2),
		Extensions:       g.extensions(),
	}
	if g.chance(0.4) {
		t.Mode = pick(g, channel.Modes())
	}
	if g.chance(0.7) {
		t.Initiator = pick(g, touchpoint.Initiators())
	}
	if g.chance(0.8) {
		e := g.emotion()
		t.Emotion = &e
	}
	for _, p := range j.Personas {
		if g.chance(0.25) {
			if t.PersonaEmotions == nil {
				t.PersonaEmotions = make(map[uuid.UUID]float64)
			}
			t.PersonaEmotions[p.ID] = g.emotion()
		}
	}
	for range g.r.IntN(g.opts.PainPointsPerTouchpoint + 1) {
		t.PainPoints = append(t.PainPoints, g.painPoint(j))
	}
	t.Metrics = g.metrics()
	if g.chance(0.5) {
		for range 1 + g.r.IntN(3) {
			t.Supports = append(t.Supports, touchpoint.Support{
				Layer:       pick(g, touchpoint.Layers()),
				Kind:        pick(g, touchpoint.SupportKinds()),
				Description: g.text(8),
				Owner:       g.opt(2),
				Extensions:  g.extensions(),
			})
		}
	}
	return t
}

func (g *gen) painPoint(j *journey.Journey) *painpoint.PainPoint {
	return &painpoint.PainPoint{
		ID:          g.id(),
		Title:       g.text(5),
		Description: g.opt(20),
		Category:    pick(g, painpoint.Categories()),
		Severity:    pick(g, painpoint.Severities()),
		PersonaIDs:  g.personaRefs(j),
		Evidence:    g.opt(10),
		Extensions:  g.extensions(),
	}
}

func (g *gen) metrics() []metric.Metric {
	if g.chance(0.4) {
		return nil
	}
	out := make([]metric.Metric, 1+g.r.IntN(3))
	for i := range out {
		m := metric.Metric{
			Name:       g.text(3),
			Kind:       pick(g, metric.Kinds()),
			Value:      g.number(),
			Unit:       []string{"", "%", "s", "điểm", "days"}[g.r.IntN(5)],
			Source:     g.opt(4),
			Extensions: g.extensions(),
		}
		if g.chance(0.5) {
			v := g.number()
			m.Target = &v
		}
		if g.chance(0.5) {
			m.Better = pick(g, metric.Betters())
		}
		out[i] = m
	}
	return out
}

func (g *gen) opportunity(painPoints, touchpoints []uuid.UUID) *journey.Opportunity {
	o := &journey.Opportunity{
		ID:          g.id(),
		Title:       g.text(5),
		Description: g.opt(20),
		Owner:       g.opt(2),
		Extensions:  g.extensions(),
	}
	ref := func(ids []uuid.UUID) []uuid.UUID {
		if len(ids) == 0 || g.chance(0.3) {
			return nil
		}
		out := make([]uuid.UUID, 1+g.r.IntN(3))
		for i := range out {
			out[i] = ids[g.r.IntN(len(ids))]
		}
		return out
	}
	o.PainPointIDs = ref(painPoints)
	o.TouchpointIDs = ref(touchpoints)
	if g.chance(0.8) {
		o.Status = pick(g, journey.Statuses())
	}
	if g.chance(0.7) {
		o.Impact = journey.MinScore + g.r.IntN(journey.MaxScore)
	}
	if g.chance(0.7) {
		o.Effort = journey.MinScore + g.r.IntN(journey.MaxScore)
	}
	return o
}

// String describes the sizes, for test names.
func (o Options) String() string {
	o = o.withDefaults()
	return fmt.Sprintf("personas=%d stages=%d touchpoints/stage=%d painpoints/touchpoint<=%d opportunities=%d",
		o.Personas, o.Stages, o.TouchpointsPerStage, o.PainPointsPerTouchpoint, o.Opportunities)
}
