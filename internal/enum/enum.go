// Package enum holds the shared machinery behind journeymap's typed string
// enumerations: membership, parsing with an error that lists the allowed
// values, and text marshalling that rejects unknown values.
package enum

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journeymap/journeymap/docerr"
)

// Set is the closed set of values of one enumeration.
type Set[T ~string] struct {
	name   string
	values []T
}

// New returns the set named name (used in errors, e.g. "pain category").
func New[T ~string](name string, values ...T) Set[T] {
	return Set[T]{name: name, values: values}
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
	return fmt.Sprintf("%s %q is not one of %s", s.name, text, strings.Join(allowed, ", "))
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
