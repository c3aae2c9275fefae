package strictjson

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/enum"
)

// The document's Go types are its one definition. A Plan is derived, once
// per type and then cached, from a struct's exported fields and their json
// tags: the member names and their order, which members are optional
// (omitempty), and how each value is read and written, chosen by the
// field's Go type. Decoding, encoding, cloning and the member lists of
// diffs all walk the same Plan, so a field added to a struct is read,
// written, cloned and compared without another list to update; a field of
// a type the codec cannot hold makes PlanOf panic with the field's name
// (a test builds the plan of every document type).
//
// Reflection with cached plans was chosen over generated code: the plans
// cannot go stale, there is no generator to run or review, and the strict
// decoder stays well within the speed of encoding/json (see the journey
// package's benchmarks).

// kind is how a member's value is read and written.
type kind uint8

const (
	kString     kind = iota // string
	kEnum                   // a string type made with enum.New
	kInt                    // int
	kFloat                  // float64
	kFloatPtr               // *float64
	kTimePtr                // *time.Time
	kUUID                   // uuid.UUID
	kUUIDs                  // []uuid.UUID
	kStrings                // []string
	kEnums                  // []E, E an enumeration
	kObjects                // []*S, S a struct
	kValues                 // []S, S a struct
	kObject                 // *S, S a struct
	kUUIDFloats             // map[uuid.UUID]float64
	kRaw                    // json.RawMessage, an object kept byte-for-byte
)

var (
	uuidType      = reflect.TypeFor[uuid.UUID]()
	uuidsType     = reflect.TypeFor[[]uuid.UUID]()
	stringsType   = reflect.TypeFor[[]string]()
	floatPtrType  = reflect.TypeFor[*float64]()
	timePtrType   = reflect.TypeFor[*time.Time]()
	rawType       = reflect.TypeFor[json.RawMessage]()
	uuidFloatsMap = reflect.TypeFor[map[uuid.UUID]float64]()
)

// Member is one member of a document object, derived from a struct field.
type Member struct {
	// Name is the member's JSON name, from the field's json tag.
	Name string
	// Field is the Go field's name.
	Field string
	// Index is the field's index in its struct.
	Index int
	// OmitEmpty reports whether the member is optional (omitempty): it is
	// left out when empty, and for an integer an explicit 0 is refused.
	OmitEmpty bool
	// Type is the field's Go type.
	Type reflect.Type

	kind     kind
	bit      uint64
	enum     *enum.Info
	enumVals []reflect.Value // kEnum, kEnums: the values as Values of the Go type
	elem     *Plan           // kObjects, kValues, kObject
	rule     Rule
}

// Plan is how one struct type is read, written and copied.
type Plan struct {
	// Type is the struct type.
	Type reflect.Type
	// Members are the document members in struct (and document) order.
	Members []Member

	label    string // the type's name in lower case, for messages ("metric")
	required uint64 // bits of the members that must be present
}

// Rule adjusts one member where its Go type and tag cannot say everything.
// It changes how the value is read or written, never whether the member
// exists: that is the struct's.
type Rule struct {
	// Field is the Go name of the field the rule is for.
	Field string
	// Want says the allowed range of an optional integer, in the error for
	// an explicit 0 ("1..5", "at least 1").
	Want string
	// Decode, when set, reads the member's value into v (the field).
	Decode func(d *Decoder, v reflect.Value)
	// Encode, when set, writes the member (its name and value) from v.
	Encode func(w *Writer, v reflect.Value)
	// Missing, when set, makes the member required: it is called at the end
	// of an object that does not have it.
	Missing func(d *Decoder, name string)
}

var (
	rules sync.Map // reflect.Type -> []Rule
	plans sync.Map // reflect.Type -> *Plan
	build sync.Mutex
)

// Register records the rules of struct type t. Call it from a package-level
// variable declaration of the package declaring t, before the first use of
// t's plan.
func Register(t reflect.Type, r ...Rule) bool {
	rules.Store(t, r)
	return true
}

// PlanOf returns the plan of struct type t (or of the struct *t points to).
// It panics, naming the field, when a field has a type the codec cannot
// hold or a tag it cannot read: a programming error that the plan test of
// every document type catches.
func PlanOf(t reflect.Type) *Plan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p, ok := plans.Load(t); ok {
		return p.(*Plan)
	}
	build.Lock()
	defer build.Unlock()
	return planLocked(t, map[reflect.Type]*Plan{})
}

func planLocked(t reflect.Type, building map[reflect.Type]*Plan) *Plan {
	if p, ok := plans.Load(t); ok {
		return p.(*Plan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("strictjson: %s is not a struct", t))
	}
	p := &Plan{Type: t, label: strings.ToLower(t.Name())}
	building[t] = p
	var rs []Rule
	if v, ok := rules.Load(t); ok {
		rs = v.([]Rule)
	}
	used := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		where := t.String() + "." + f.Name
		if name == "" || f.Anonymous {
			panic("strictjson: " + where + ": every document field needs a json name")
		}
		if len(p.Members) == 64 {
			panic("strictjson: " + t.String() + " has more than 64 members")
		}
		m := Member{Name: name, Field: f.Name, Index: i, Type: f.Type, OmitEmpty: opts == "omitempty", bit: 1 << len(p.Members)}
		for _, r := range rs {
			if r.Field == f.Name {
				m.rule = r
				used[r.Field] = true
			}
		}
		classify(&m, where, building)
		if m.rule.Missing != nil || (m.kind == kFloat && !m.OmitEmpty) {
			p.required |= m.bit
		}
		p.Members = append(p.Members, m)
	}
	for _, r := range rs {
		if !used[r.Field] {
			panic("strictjson: a rule names " + t.String() + "." + r.Field + ", which is not a document field")
		}
	}
	plans.Store(t, p)
	return p
}

// classify sets the kind of m from its Go type.
func classify(m *Member, where string, building map[reflect.Type]*Plan) {
	t := m.Type
	if info := enum.Lookup(t); info != nil {
		m.kind, m.enum, m.enumVals = kEnum, info, enumValues(t, info)
		return
	}
	switch {
	case t == uuidType:
		m.kind = kUUID
	case t == uuidsType:
		m.kind = kUUIDs
	case t == stringsType:
		m.kind = kStrings
	case t == floatPtrType:
		m.kind = kFloatPtr
	case t == timePtrType:
		m.kind = kTimePtr
	case t == rawType:
		m.kind = kRaw
	case t == uuidFloatsMap:
		m.kind = kUUIDFloats
	case t.Kind() == reflect.String && t.PkgPath() == "":
		m.kind = kString
	case t.Kind() == reflect.Int && t.PkgPath() == "":
		m.kind = kInt
	case t.Kind() == reflect.Float64 && t.PkgPath() == "":
		m.kind = kFloat
	case t.Kind() == reflect.Slice && enum.Lookup(t.Elem()) != nil:
		info := enum.Lookup(t.Elem())
		m.kind, m.enum, m.enumVals = kEnums, info, enumValues(t.Elem(), info)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Pointer && t.Elem().Elem().Kind() == reflect.Struct:
		m.kind, m.elem = kObjects, planLocked(t.Elem().Elem(), building)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		m.kind, m.elem = kValues, planLocked(t.Elem(), building)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem() != timePtrType.Elem():
		m.kind, m.elem = kObject, planLocked(t.Elem(), building)
	default:
		if m.rule.Decode == nil || m.rule.Encode == nil {
			panic("strictjson: " + where + ": the document codec cannot hold a field of type " + t.String())
		}
	}
}

func enumValues(t reflect.Type, info *enum.Info) []reflect.Value {
	out := make([]reflect.Value, len(info.Values))
	for i, s := range info.Values {
		out[i] = reflect.ValueOf(s).Convert(t)
	}
	return out
}

// find returns the member named key, or nil.
func (p *Plan) find(key []byte) *Member {
	for i := range p.Members {
		if p.Members[i].Name == string(key) {
			return &p.Members[i]
		}
	}
	return nil
}

// Plans returns the plan of struct type t and of every struct type its
// members hold, t's first, each once, in the order of first appearance.
func Plans(t reflect.Type) []*Plan {
	var out []*Plan
	seen := map[*Plan]bool{}
	var walk func(p *Plan)
	walk = func(p *Plan) {
		if seen[p] {
			return
		}
		seen[p] = true
		out = append(out, p)
		for i := range p.Members {
			if e := p.Members[i].elem; e != nil {
				walk(e)
			}
		}
	}
	walk(PlanOf(t))
	return out
}
