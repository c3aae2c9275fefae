// Package enum holds the shared machinery behind journeymap's typed string
// enumerations: membership, parsing with an error that lists the allowed
// values, and text marshalling that rejects unknown values.
package enum

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/safetext"
)

// Set is the closed set of values of one enumeration.
type Set[T ~string] struct {
	name   string
	values []T
}

// New returns the set named name (used in errors, e.g. "pain category")
// and records it as the set of type T, for Lookup.
func New[T ~string](name string, values ...T) Set[T] {
	s := Set[T]{name: name, values: values}
	strs := make([]string, len(values))
	for i, v := range values {
		strs[i] = string(v)
	}
	// The first set of a type is its own (the declaring package's
	// initialisation runs before that of any package using the type).
	registry.LoadOrStore(reflect.TypeFor[T](), &Info{Name: name, Values: strs, Error: s.Error})
	return s
}

// Info describes the set of an enumeration type for code that handles
// every document type alike (the strict codec, the random generator).
type Info struct {
	// Name names the set in errors, e.g. "phase".
	Name string
	// Values are the allowed values in documented order.
	Values []string
	// Error returns the error for a text that is not a value (it wraps
	// docerr.ErrEnum and lists the values).
	Error func(text string) error
}

// registry maps an enumeration type to its *Info. It is filled by the
// package-level New calls of the domain packages, before any use.
var registry sync.Map

// Lookup returns the set of the enumeration type t, or nil when t is not
// an enumeration made with New.
func Lookup(t reflect.Type) *Info {
	if v, ok := registry.Load(t); ok {
		return v.(*Info)
	}
	return nil
}

// Values returns a copy of the allowed values in their documented order.
func (s Set[T]) Values() []T { return slices.Clone(s.values) }

// Has reports whether v is an allowed value.
func (s Set[T]) Has(v T) bool { return slices.Contains(s.values, v) }

// Parse returns text as a value of the set, or an error wrapping
// docerr.ErrEnum that lists the allowed values.
func (s Set[T]) Parse(text string) (T, error) {
	v := T(text)
	if s.Has(v) {
		return v, nil
	}
	return "", s.Error(text)
}

// Error returns the error for text not being a value of the set; it wraps
// docerr.ErrEnum.
func (s Set[T]) Error(text string) error {
	return fmt.Errorf("%w: %s", docerr.ErrEnum, s.Describe(text))
}

// Describe says in plain words that text is not a value of the set, listing
// the allowed values: `phase "later" is not one of before_purchase, ...`.
func (s Set[T]) Describe(text string) string {
	allowed := make([]string, len(s.values))
	for i, v := range s.values {
		allowed[i] = string(v)
	}
	return fmt.Sprintf("%s %s is not one of %s", s.name, safetext.Quote(text), strings.Join(allowed, ", "))
}

// Marshal returns v as text, or an error if v is not an allowed value.
func (s Set[T]) Marshal(v T) ([]byte, error) {
	if !s.Has(v) {
		return nil, s.Error(string(v))
	}
	return []byte(v), nil
}

// Unmarshal parses text into *dst, leaving *dst unchanged on error.
func (s Set[T]) Unmarshal(dst *T, text []byte) error {
	v, err := s.Parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
