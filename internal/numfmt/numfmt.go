// Package numfmt writes numbers for people to read, in the conventions of
// a language: the shortest decimal form that reads back as the same
// float64 (never an exponent: 250000000 VND stays 250000000, not 2.5e+08),
// with the language's thousands separator and decimal mark.
//
//	English:    1,234,567.5   -0.25
//	Vietnamese: 1.234.567,5   -0,25
//
// Integer parts of four digits or more are grouped by three, as the
// Unicode CLDR does for both languages. Machine formats (JSON, CSV,
// Mermaid scores, SVG coordinates) must not use this package.
package numfmt

import "strconv"

// Style is a language's way of writing numbers.
type Style struct {
	// Group separates groups of three digits of the integer part.
	Group byte
	// Decimal separates the integer part from the fraction.
	Decimal byte
}

// English writes 1,234.5; Vietnamese writes 1.234,5.
var (
	English    = Style{Group: ',', Decimal: '.'}
	Vietnamese = Style{Group: '.', Decimal: ','}
)

// Append appends v to b in style s. Not-a-number and infinities, which no
// valid document holds, are written as strconv writes them.
func (s Style) Append(b []byte, v float64) []byte {
	return s.group(strconv.AppendFloat(b, v, 'f', -1, 64), len(b))
}

// group rewrites the number strconv wrote at b[start:] in style s: the
// decimal mark, and a separator between groups of three digits of an
// integer part of four digits or more.
func (s Style) group(b []byte, start int) []byte {
	digits := b[start:]
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		start++
		digits = digits[1:]
	}
	if len(digits) == 0 || digits[0] < '0' || digits[0] > '9' {
		return b // NaN, +Inf, -Inf
	}
	intLen := len(digits)
	for i, c := range digits {
		if c == '.' {
			intLen = i
			break
		}
	}
	if intLen < len(digits) {
		digits[intLen] = s.Decimal
	}
	groups := (intLen - 1) / 3
	if intLen < 4 || groups == 0 {
		return b
	}
	// Make room for the separators and move the digits right, from the end.
	n := len(b)
	for range groups {
		b = append(b, 0)
	}
	copy(b[start+intLen+groups:], b[start+intLen:n]) // the fraction, if any
	src, dst := start+intLen-1, start+intLen+groups-1
	for k := 0; src >= start; k++ {
		if k > 0 && k%3 == 0 {
			b[dst] = s.Group
			dst--
		}
		b[dst] = b[src]
		dst--
		src--
	}
	return b
}

// AppendWithUnit appends v in style s followed by its unit, if any: a per
// cent sign sticks to the number ("36%"), any other unit follows a space
// ("3.2 min", "120.000 người/tháng"). The analysis' messages and the pages
// write every number with a unit this way.
func (s Style) AppendWithUnit(b []byte, v float64, unit string) []byte {
	b = s.Append(b, v)
	switch unit {
	case "":
	case "%":
		b = append(b, '%')
	default:
		b = append(b, ' ')
		b = append(b, unit...)
	}
	return b
}

// Format returns v in style s.
func (s Style) Format(v float64) string { return string(s.Append(nil, v)) }

// AppendInt appends n to b in style s, grouped by thousands.
func (s Style) AppendInt(b []byte, n int64) []byte {
	return s.group(strconv.AppendInt(b, n, 10), len(b))
}

// AppendFixed appends v to b in style s with exactly prec digits after the
// decimal mark (none when prec is 0), grouped by thousands.
func (s Style) AppendFixed(b []byte, v float64, prec int) []byte {
	return s.group(strconv.AppendFloat(b, v, 'f', prec, 64), len(b))
}
