package enum

import (
	"math"
	"strings"

	"github.com/journeymap/journeymap/docerr"
)

// Problems is where checks report: a *docerr.List or a *docerr.Collector.
type Problems interface {
	Add(path string, sentinel error, detail string)
}

// Required adds an ErrRequired problem at path when s is blank.
func Required(l Problems, path, s string) {
	if strings.TrimSpace(s) == "" {
		l.Add(path, docerr.ErrRequired, "required, must not be blank")
	}
}

// Check adds a problem at path when v is not a value of s: ErrRequired when
// v is empty and required, ErrEnum when v is set but unknown.
func (s Set[T]) Check(l Problems, path string, v T, required bool) {
	switch {
	case v == "":
		if required {
			l.Add(path, docerr.ErrRequired, "required")
		}
	case !s.Has(v):
		l.Add(path, docerr.ErrEnum, s.Describe(string(v)))
	}
}

// Number adds an ErrRange problem at path when x is NaN, infinite, or
// outside [lo, hi].
func Number(l Problems, path string, x, lo, hi float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x < lo || x > hi {
		l.Add(path, docerr.ErrRange, formatFloat(x)+" is outside "+formatFloat(lo)+".."+formatFloat(hi))
	}
}

// Finite adds an ErrRange problem at path when x is NaN or infinite.
func Finite(l Problems, path string, x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		l.Add(path, docerr.ErrRange, "must be a finite number, not "+formatFloat(x))
	}
}
