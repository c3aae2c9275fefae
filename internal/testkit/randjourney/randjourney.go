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
// Objects are generated from the document's Go types, member by member
// through the codec's per-type plan (internal/strictjson), so a field added
// to a document type is generated without a change here; rules keyed by
// "Type.Field" decide only the members the domain constrains.
//
// Use New for a small journey, Generate with Options to size one (OneMB is
// about 1 MB encoded), and the encoded form from journey.Marshal.
package randjourney

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/enum"
	"github.com/journeymap/journeymap/internal/strictjson"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
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

	j           *journey.Journey // the journey being generated
	touchpoints []uuid.UUID      // ids generated so far, for opportunities
	painPoints  []uuid.UUID
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

// number returns a float64 within metric.MinValue..metric.MaxValue (the
// range of a metric's value and target, the format's only numbers without a
// rule of their own) from a mix that stresses formatting.
func (g *gen) number() float64 {
	switch g.r.IntN(8) {
	case 0:
		return float64(g.r.IntN(1000))
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return (g.r.Float64() - 0.5) * 1e-8 // exponent form
	case 3:
		return g.r.Float64() * metric.MaxValue // up to 16 digits, never exponent form
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

// The journey is generated from the document's Go types: every exported
// field of every object is filled by fill, member by member in document
// order, through the same per-type plan the codec uses. A member whose
// values follow a rule of the domain (references between objects, ranges,
// list sizes, realistic values) has an entry in rules, keyed by
// "Type.Field"; every other member is filled by its Go type alone, so a
// field added to a document type is generated without a change here (a
// field of a type fill does not know panics with its name).

// rule fills one member; v is the field. Returning false leaves the member
// to fill's default for its type.
type rule func(g *gen, v reflect.Value) bool

var rules map[string]rule

func init() {
	// Assigned in init: the rules call fill, which reads rules.
	rules = map[string]rule{
		"Journey.SchemaVersion": func(g *gen, v reflect.Value) bool { v.SetInt(journey.SchemaVersion); return true },
		"Journey.Language": func(g *gen, v reflect.Value) bool {
			if g.chance(0.7) {
				v.SetString([]string{"vi", "en", "en-US", "vi-VN", "zh-Hant-TW"}[g.r.IntN(5)])
			}
			return true
		},
		"Journey.ReviewedAt": func(g *gen, v reflect.Value) bool {
			if g.chance(0.7) {
				t := time.Date(2020+g.r.IntN(7), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28),
					g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), 0, zones[g.r.IntN(len(zones))])
				if g.chance(0.3) {
					t = t.Add(time.Duration(1 + g.r.IntN(999999999)))
				}
				v.Set(reflect.ValueOf(&t))
			}
			return true
		},
		"Journey.ReviewEveryDays": func(g *gen, v reflect.Value) bool {
			if g.chance(0.7) {
				v.SetInt(int64(1 + g.r.IntN(365)))
			}
			return true
		},
		"Journey.Personas":      func(g *gen, v reflect.Value) bool { g.list(v, g.opts.Personas); return true },
		"Journey.Stages":        func(g *gen, v reflect.Value) bool { g.list(v, g.opts.Stages); return true },
		"Journey.Opportunities": func(g *gen, v reflect.Value) bool { g.list(v, g.opts.Opportunities); return true },
		"Stage.Touchpoints":     func(g *gen, v reflect.Value) bool { g.list(v, g.opts.TouchpointsPerStage); return true },
		"Touchpoint.PainPoints": func(g *gen, v reflect.Value) bool {
			g.list(v, g.r.IntN(g.opts.PainPointsPerTouchpoint+1))
			return true
		},
		"Touchpoint.PersonaIDs": personaRefs,
		"PainPoint.PersonaIDs":  personaRefs,
		"Touchpoint.Emotion": func(g *gen, v reflect.Value) bool {
			if g.chance(0.8) {
				e := g.emotion()
				v.Set(reflect.ValueOf(&e))
			}
			return true
		},
		"Touchpoint.PersonaEmotions": func(g *gen, v reflect.Value) bool {
			m := map[uuid.UUID]float64{}
			for _, p := range g.j.Personas {
				if g.chance(0.25) {
					m[p.ID] = g.emotion()
				}
			}
			if len(m) > 0 {
				v.Set(reflect.ValueOf(m))
			}
			return true
		},
		"Touchpoint.Supports": func(g *gen, v reflect.Value) bool {
			if g.chance(0.5) {
				g.list(v, 1+g.r.IntN(3))
			}
			return true
		},
		"Opportunity.PainPointIDs":  func(g *gen, v reflect.Value) bool { g.refs(v, g.painPoints); return true },
		"Opportunity.TouchpointIDs": func(g *gen, v reflect.Value) bool { g.refs(v, g.touchpoints); return true },
		"Opportunity.Impact":        score,
		"Opportunity.Effort":        score,
		"Persona.PreferredChannels": func(g *gen, v reflect.Value) bool { g.list(v, g.r.IntN(4)); return true },
		"Demographics.AgeRange":     choice("18-24", "25-34", "35-44", "45+"),
		"Demographics.Income":       choice("", "15-25 triệu VND/tháng", "$3,000/month"),
		"Demographics.Location":     choice("", "TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng"),
		"Metric.Unit":               choice("", "%", "s", "điểm", "days"),
	}
}

func personaRefs(g *gen, v reflect.Value) bool {
	var out []uuid.UUID
	for _, p := range g.j.Personas {
		if g.chance(0.3) {
			out = append(out, p.ID)
		}
	}
	v.Set(reflect.ValueOf(out))
	return true
}

func score(g *gen, v reflect.Value) bool {
	if g.chance(0.7) {
		v.SetInt(int64(journey.MinScore + g.r.IntN(journey.MaxScore)))
	}
	return true
}

func choice(values ...string) rule {
	return func(g *gen, v reflect.Value) bool { v.SetString(values[g.r.IntN(len(values))]); return true }
}

// textLength is the most words of a text member, by JSON name; others get 6.
var textLength = map[string]int{
	"title": 5, "name": 3, "description": 15, "objective": 8, "owner": 2, "quote": 10,
	"customer_goal": 8, "evidence": 10, "source": 4, "gender": 1, "occupation": 2,
}

var (
	uuidType  = reflect.TypeFor[uuid.UUID]()
	rawType   = reflect.TypeFor[json.RawMessage]()
	floatPtr  = reflect.TypeFor[*float64]()
	timePtr   = reflect.TypeFor[*time.Time]()
	tpType    = reflect.TypeFor[touchpoint.Touchpoint]()
	painType  = reflect.TypeFor[painpoint.PainPoint]()
	metricsOf = reflect.TypeFor[[]metric.Metric]()
)

// fill fills the struct v member by member.
func (g *gen) fill(v reflect.Value) {
	p := strictjson.PlanOf(v.Type())
	for _, m := range p.Members {
		f := v.Field(m.Index)
		if r, ok := rules[p.Type.Name()+"."+m.Field]; ok && r(g, f) {
			continue
		}
		g.member(p.Type.Name()+"."+m.Field, m, f)
	}
	// Remember the ids opportunities may refer to.
	switch v.Type() {
	case tpType:
		g.touchpoints = append(g.touchpoints, v.Addr().Interface().(*touchpoint.Touchpoint).ID)
	case painType:
		g.painPoints = append(g.painPoints, v.Addr().Interface().(*painpoint.PainPoint).ID)
	}
}

// member fills the field v of member m by its Go type.
func (g *gen) member(where string, m strictjson.Member, v reflect.Value) {
	t := m.Type
	if info := enum.Lookup(t); info != nil {
		if !m.OmitEmpty || g.chance(0.7) {
			v.SetString(g.pickValue(info))
		}
		return
	}
	switch {
	case t == uuidType:
		*v.Addr().Interface().(*uuid.UUID) = g.id()
	case t == rawType:
		v.SetBytes(g.extensions())
	case t == floatPtr:
		if g.chance(0.5) {
			f := g.number()
			v.Set(reflect.ValueOf(&f))
		}
	case t == timePtr:
		if g.chance(0.5) {
			tm := time.Date(2020+g.r.IntN(7), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
			v.Set(reflect.ValueOf(&tm))
		}
	case t == metricsOf:
		if !g.chance(0.4) {
			g.list(v, 1+g.r.IntN(3))
		}
	case t.Kind() == reflect.String:
		n := textLength[m.Name]
		if n == 0 {
			n = 6
		}
		if m.OmitEmpty {
			v.SetString(g.opt(n))
		} else {
			v.SetString(g.text(n))
		}
	case t.Kind() == reflect.Float64:
		v.SetFloat(g.number())
	case t.Kind() == reflect.Int:
		if !m.OmitEmpty || g.chance(0.7) {
			v.SetInt(int64(1 + g.r.IntN(5)))
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String && enum.Lookup(t.Elem()) == nil:
		if texts := g.texts(3); texts != nil {
			out := reflect.MakeSlice(t, len(texts), len(texts))
			for i, s := range texts {
				out.Index(i).SetString(s)
			}
			v.Set(out)
		}
	case t.Kind() == reflect.Slice:
		if g.chance(0.7) {
			g.list(v, 1+g.r.IntN(3))
		}
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		if g.chance(0.7) {
			e := reflect.New(t.Elem())
			g.fill(e.Elem())
			v.Set(e)
		}
	default:
		panic("randjourney: cannot generate " + where + " of type " + t.String() + ": add a rule")
	}
}

// list sets the slice v to n generated elements: objects, pointers to
// objects, or enumeration values.
func (g *gen) list(v reflect.Value, n int) {
	if n == 0 {
		return
	}
	out := reflect.MakeSlice(v.Type(), n, n)
	et := v.Type().Elem()
	for i := range n {
		e := out.Index(i)
		switch {
		case enum.Lookup(et) != nil:
			e.SetString(g.pickValue(enum.Lookup(et)))
		case et.Kind() == reflect.Pointer:
			p := reflect.New(et.Elem())
			g.fill(p.Elem())
			e.Set(p)
		default:
			g.fill(e)
		}
	}
	v.Set(out)
}

// refs sets v to 1..3 ids drawn from ids, or leaves it empty.
func (g *gen) refs(v reflect.Value, ids []uuid.UUID) {
	if len(ids) == 0 || g.chance(0.3) {
		return
	}
	out := make([]uuid.UUID, 1+g.r.IntN(3))
	for i := range out {
		out[i] = ids[g.r.IntN(len(ids))]
	}
	v.Set(reflect.ValueOf(out))
}

// pickValue is pick for an enumeration known by its Info.
func (g *gen) pickValue(info *enum.Info) string { return pick(g, info.Values) }

func (g *gen) journey() *journey.Journey {
	g.j = new(journey.Journey)
	g.fill(reflect.ValueOf(g.j).Elem())
	return g.j
}

// String describes the sizes, for test names.
func (o Options) String() string {
	o = o.withDefaults()
	return fmt.Sprintf("personas=%d stages=%d touchpoints/stage=%d painpoints/touchpoint<=%d opportunities=%d",
		o.Personas, o.Stages, o.TouchpointsPerStage, o.PainPointsPerTouchpoint, o.Opportunities)
}

// OneLineItems drops from j, in place, the list items that a spreadsheet
// cell of one item per line cannot carry (blank items and items with a line
// break: the CSV and workbook renderers refuse them), and returns j. Use it
// to give a random journey to those renderers.
func OneLineItems(j *journey.Journey) *journey.Journey {
	keep := func(items []string) []string {
		var out []string
		for _, it := range items {
			if strings.TrimSpace(it) != "" && !strings.ContainsAny(it, "\r\n") {
				out = append(out, it)
			}
		}
		return out
	}
	for _, tp := range j.Touchpoints() {
		tp.Actions, tp.Thoughts, tp.Feelings = keep(tp.Actions), keep(tp.Thoughts), keep(tp.Feelings)
		tp.PhysicalEvidence = keep(tp.PhysicalEvidence)
	}
	for _, p := range j.Personas {
		p.Goals, p.Needs, p.Frustrations, p.Behaviors = keep(p.Goals), keep(p.Needs), keep(p.Frustrations), keep(p.Behaviors)
	}
	return j
}
