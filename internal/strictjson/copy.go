package strictjson

import (
	"reflect"
)

// Clone returns a deep copy of *v: no slice, map, pointer or extension
// bytes are shared with v, so the copy can be changed freely; nil slices,
// maps and pointers stay nil and empty ones stay empty. Strings are shared
// (they cannot change). Clone of nil is nil.
func Clone[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := new(T)
	deepCopy(reflect.ValueOf(c).Elem(), reflect.ValueOf(v).Elem())
	return c
}

// deepCopy sets dst, which is settable and of src's type, to a deep copy of
// src. Struct fields that are not exported (those of time.Time) are copied
// as they are.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		n := reflect.New(src.Type().Elem())
		deepCopy(n.Elem(), src.Elem())
		dst.Set(n)
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		n := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if flat(src.Type().Elem()) {
			reflect.Copy(n, src)
		} else {
			for i := range src.Len() {
				deepCopy(n.Index(i), src.Index(i))
			}
		}
		dst.Set(n)
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		n := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			val := it.Value()
			if !flat(val.Type()) {
				c := reflect.New(val.Type()).Elem()
				deepCopy(c, val)
				val = c
			}
			n.SetMapIndex(it.Key(), val)
		}
		dst.Set(n)
	case reflect.Struct:
		dst.Set(src)
		t := src.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && !flat(f.Type) {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

// flat reports whether a value of t holds no reference that a copy must
// not share: strings, numbers, booleans, arrays of them (uuid.UUID), and
// structs of them whose other fields are unexported (time.Time).
func flat(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return false
	case reflect.Array:
		return flat(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && !flat(f.Type) {
				return false
			}
		}
	}
	return true
}

// ChangedMembers returns the JSON names of the members whose values differ
// between the structs *a and *b of type T, in document order. Members are
// compared deeply, and an empty list, map or object equals an absent one.
// same, when not nil, decides for the members it knows: it returns
// (changed, true) for them and (false, false) for the others.
func ChangedMembers[T any](a, b *T, same func(name string) (changed, decided bool)) []string {
	p := PlanOf(reflect.TypeFor[T]())
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []string
	for i := range p.Members {
		m := &p.Members[i]
		if same != nil {
			if changed, decided := same(m.Name); decided {
				if changed {
					out = append(out, m.Name)
				}
				continue
			}
		}
		if !equalValues(va.Field(m.Index), vb.Field(m.Index)) {
			out = append(out, m.Name)
		}
	}
	return out
}

func equalValues(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Slice, reflect.Map:
		if a.Len() == 0 && b.Len() == 0 {
			return true
		}
	case reflect.String:
		return a.String() == b.String()
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}
