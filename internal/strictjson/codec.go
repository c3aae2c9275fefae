package strictjson

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
)

// Read reads the object at the decoder into *v by the plan of T, reporting
// problems to d; it reports whether the value was an object. A missing id
// is left nil.
func Read[T any](d *Decoder, v *T) bool {
	return d.object(PlanOf(reflect.TypeFor[T]()), reflect.ValueOf(v).Elem())
}

// Write writes *v as an object by the plan of T.
func Write[T any](w *Writer, v *T) {
	w.object(PlanOf(reflect.TypeFor[T]()), reflect.ValueOf(v).Elem())
}

// Unmarshal decodes data as one document whose root is an object of type
// T, returning it when no problem was found and otherwise the docerr.List
// of every problem.
func Unmarshal[T any](data []byte, o Options) (*T, error) {
	return DecodeDocument(data, o, func(d *Decoder, v *T) { Read(d, v) })
}

// Marshal returns the canonical encoding of *v, indented by indent ("" for
// compact), or the first problem that stops it.
func Marshal[T any](v *T, indent string) ([]byte, error) {
	w := NewWriter(indent)
	defer w.Release()
	Write(w, v)
	return w.Bytes()
}

// Encode writes the encoding of v to out, indented by indent, followed by
// a newline, in one Write and without the copy Marshal returns: nothing
// is written when encoding fails.
func Encode[T any](out io.Writer, v *T, indent string) error {
	w := NewWriter(indent)
	defer w.Release()
	Write(w, v)
	if w.err != nil {
		return docerr.List{w.err}
	}
	w.buf = append(w.buf, '\n')
	_, err := out.Write(w.buf)
	return err
}

// object reads an object of plan p into the struct v.
func (d *Decoder) object(p *Plan, v reflect.Value) bool {
	if !d.BeginObject() {
		return false
	}
	var seen uint64
	for d.NextKey() {
		m := p.find(d.Key())
		if m == nil {
			d.Unknown()
			continue
		}
		if d.Once(&seen, m.bit) {
			d.member(p, m, v.Field(m.Index))
		}
	}
	if missing := p.required &^ seen; missing != 0 {
		for i := range p.Members {
			m := &p.Members[i]
			if missing&m.bit == 0 {
				continue
			}
			if m.rule.Missing != nil {
				m.rule.Missing(d, m.Name)
			} else {
				d.FailMember(m.Name, docerr.ErrRequired, p.label+" "+m.Name+" is required (0 must be written out)")
			}
		}
	}
	d.EndObject()
	return true
}

// member reads the value of member m into the field v.
func (d *Decoder) member(p *Plan, m *Member, v reflect.Value) {
	if m.rule.Decode != nil {
		m.rule.Decode(d, v)
		return
	}
	switch m.kind {
	case kString:
		if s, ok := d.ReadString(); ok {
			v.SetString(s)
		}
	case kEnum:
		if i, ok := d.readEnum(m); ok {
			v.Set(m.enumVals[i])
		}
	case kInt:
		n, ok := d.ReadInt()
		if ok && n == 0 && m.OmitEmpty {
			want := m.rule.Want
			if want == "" {
				want = "other than 0"
			}
			d.Fail(docerr.ErrRange, fmt.Sprintf("%s 0 is out of range: must be %s (leave %s out when not given)", m.Name, want, m.Name))
		}
		v.SetInt(int64(n))
	case kFloat:
		if f, ok := d.ReadFloat(); ok {
			v.SetFloat(f)
		}
	case kFloatPtr:
		if f, ok := d.ReadFloat(); ok {
			v.Set(reflect.ValueOf(&f))
		}
	case kTimePtr:
		if t, ok := d.ReadTime(); ok {
			v.Set(reflect.ValueOf(&t))
		}
	case kUUID:
		if id, ok := d.ReadUUID(); ok {
			*v.Addr().Interface().(*uuid.UUID) = id
		}
	case kUUIDs:
		dst := v.Addr().Interface().(*[]uuid.UUID)
		*dst = d.ReadUUIDs(*dst)
	case kStrings:
		dst := v.Addr().Interface().(*[]string)
		*dst = d.ReadStrings(*dst)
	case kEnums:
		if !d.BeginArray() {
			return
		}
		for d.NextElem() {
			if i, ok := d.readEnum(m); ok {
				push(v).Set(m.enumVals[i])
			}
		}
		d.EndArray()
	case kObjects:
		if !d.BeginArray() {
			return
		}
		for d.NextElem() {
			e := reflect.New(m.elem.Type)
			d.object(m.elem, e.Elem())
			push(v).Set(e)
		}
		d.EndArray()
	case kValues:
		if !d.BeginArray() {
			return
		}
		for d.NextElem() {
			d.object(m.elem, push(v))
		}
		d.EndArray()
	case kObject:
		e := reflect.New(m.elem.Type)
		if d.object(m.elem, e.Elem()) {
			v.Set(e)
		}
	case kUUIDFloats:
		*v.Addr().Interface().(*map[uuid.UUID]float64) = d.uuidFloats()
	case kRaw:
		if raw, ok := d.ReadRawObject(); ok {
			v.SetBytes(raw)
		}
	}
}

// push appends a zero element to the slice v (settable) and returns it,
// growing v in place as append does.
func push(v reflect.Value) reflect.Value {
	n := v.Len()
	if n == v.Cap() {
		v.Grow(1)
	}
	v.SetLen(n + 1)
	return v.Index(n)
}

// readEnum reads a string that must be a value of m's enumeration and
// returns its index; anything else is reported with the enumeration's
// error, which lists the allowed values.
func (d *Decoder) readEnum(m *Member) (int, bool) {
	b, ok := d.ReadStringBytes()
	if !ok {
		return 0, false
	}
	for i, s := range m.enum.Values {
		if s == string(b) {
			return i, true
		}
	}
	d.FailErr(m.enum.Error(string(b)))
	return 0, false
}

// uuidFloats reads an object whose keys are UUIDs and values numbers.
func (d *Decoder) uuidFloats() map[uuid.UUID]float64 {
	if !d.BeginMap() {
		return nil
	}
	var m map[uuid.UUID]float64
	for d.NextKey() {
		id, ok := d.KeyUUID()
		if !ok {
			d.Skip()
			continue
		}
		if _, dup := m[id]; dup {
			d.Fail(docerr.ErrDuplicateKey, "duplicate key "+quote(d.Key())+" (the same id twice)")
			d.Skip()
			continue
		}
		v, ok := d.ReadFloat()
		if !ok {
			continue
		}
		if m == nil {
			m = make(map[uuid.UUID]float64)
		}
		m[id] = v
	}
	d.EndObject()
	return m
}

// NilEntry stops w with the error for a nil entry in a list.
func (w *Writer) NilEntry() {
	w.Fail(docerr.ErrRequired, "nil entry cannot be written (the format has no null)")
}

// object writes the struct v by plan p.
func (w *Writer) object(p *Plan, v reflect.Value) {
	w.BeginObject()
	for i := range p.Members {
		m := &p.Members[i]
		w.member(m, v.Field(m.Index))
	}
	w.EndObject()
}

// member writes member m from the field v, or nothing when m is optional
// and v empty.
func (w *Writer) member(m *Member, v reflect.Value) {
	if m.rule.Encode != nil {
		m.rule.Encode(w, v)
		return
	}
	switch m.kind {
	case kString:
		if m.OmitEmpty {
			w.OptString(m.Name, v.String())
		} else {
			w.Member(m.Name)
			w.String(v.String())
		}
	case kEnum:
		s := v.String()
		if s == "" && m.OmitEmpty {
			return
		}
		w.Member(m.Name)
		w.enum(m, s)
	case kInt:
		if v.Int() == 0 && m.OmitEmpty {
			return
		}
		w.Member(m.Name)
		w.Int(int(v.Int()))
	case kFloat:
		w.Member(m.Name)
		w.Float(v.Float())
	case kFloatPtr:
		if !v.IsNil() {
			w.Member(m.Name)
			w.Float(v.Elem().Float())
		}
	case kTimePtr:
		if !v.IsNil() {
			w.Member(m.Name)
			w.Time(*v.Interface().(*time.Time))
		}
	case kUUID:
		if id := *v.Addr().Interface().(*uuid.UUID); id != uuid.Nil {
			w.Member(m.Name)
			w.UUID(id)
		}
	case kUUIDs:
		w.UUIDs(m.Name, *v.Addr().Interface().(*[]uuid.UUID))
	case kStrings:
		w.Strings(m.Name, *v.Addr().Interface().(*[]string))
	case kEnums:
		if v.Len() == 0 {
			return
		}
		w.Member(m.Name)
		w.BeginArray()
		for i := range v.Len() {
			w.Elem()
			if !w.enum(m, v.Index(i).String()) {
				break
			}
		}
		w.EndArray()
	case kObjects:
		if v.Len() == 0 {
			return
		}
		w.Member(m.Name)
		w.BeginArray()
		for i := range v.Len() {
			w.Elem()
			e := v.Index(i)
			if e.IsNil() {
				w.NilEntry()
				break
			}
			w.object(m.elem, e.Elem())
		}
		w.EndArray()
	case kValues:
		if v.Len() == 0 {
			return
		}
		w.Member(m.Name)
		w.BeginArray()
		for i := range v.Len() {
			w.Elem()
			w.object(m.elem, v.Index(i))
		}
		w.EndArray()
	case kObject:
		if !v.IsNil() {
			w.Member(m.Name)
			w.object(m.elem, v.Elem())
		}
	case kUUIDFloats:
		w.uuidFloats(m.Name, *v.Addr().Interface().(*map[uuid.UUID]float64))
	case kRaw:
		if v.Len() > 0 {
			w.Member(m.Name)
			w.RawObject(v.Bytes())
		}
	}
}

// enum writes s, which must be a value of m's enumeration; otherwise it
// stops w with the enumeration's error and returns false.
func (w *Writer) enum(m *Member, s string) bool {
	if !slices.Contains(m.enum.Values, s) {
		w.FailErr(m.enum.Error(s))
		return false
	}
	w.buf = appendString(w.buf, s)
	return true
}

// uuidFloats writes a member holding a map from ids to numbers, keys in
// the order of their canonical form, unless the map is empty.
func (w *Writer) uuidFloats(name string, m map[uuid.UUID]float64) {
	if len(m) == 0 {
		return
	}
	keys := make([]uuid.UUID, 0, len(m))
	for id := range m {
		keys = append(keys, id)
	}
	slices.SortFunc(keys, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	w.Member(name)
	w.BeginMap()
	var kb [36]byte
	for _, id := range keys {
		w.Member(string(AppendUUID(kb[:0], id)))
		w.Float(m[id])
	}
	w.EndObject()
}
