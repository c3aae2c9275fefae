package analytics

import (
	"errors"
	"fmt"
	"time"
)

// Event times in CSV and NDJSON are RFC 3339 ("2026-01-02T15:04:05Z",
// fractions and offsets allowed, 't'/'z' or a space for 'T' accepted) or Unix
// seconds ("1767225600", fractions allowed). Years outside 1678..2261 do not
// fit in nanoseconds and are rejected.

var errTime = errors.New("not an RFC 3339 time or Unix seconds")

// parseTime returns b as Unix nanoseconds.
func parseTime(b []byte) (int64, error) {
	if len(b) == 0 {
		return 0, errors.New("empty time")
	}
	if len(b) >= 19 && b[4] == '-' {
		if ns, ok := parseRFC3339(b); ok {
			return ns, nil
		}
		return 0, fmt.Errorf("time %q: %w", b, errTime)
	}
	if ns, ok := parseUnix(b); ok {
		return ns, nil
	}
	return 0, fmt.Errorf("time %q: %w", b, errTime)
}

func digits(b []byte) (int64, bool) {
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

const (
	minYear = 1678
	maxYear = 2261
)

func parseRFC3339(b []byte) (int64, bool) {
	year, ok1 := digits(b[0:4])
	month, ok2 := digits(b[5:7])
	day, ok3 := digits(b[8:10])
	hour, ok4 := digits(b[11:13])
	minute, ok5 := digits(b[14:16])
	sec, ok6 := digits(b[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || b[7] != '-' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	if c := b[10]; c != 'T' && c != 't' && c != ' ' {
		return 0, false
	}
	if year < minYear || year > maxYear || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) ||
		hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	rest := b[19:]
	var frac int64
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		scale := int64(1e8)
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			frac += int64(rest[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == 1 || i > 10 {
			return 0, false
		}
		rest = rest[i:]
	}
	var offset int64
	switch {
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, okh := digits(rest[1:3])
		om, okm := digits(rest[4:6])
		if !okh || !okm || oh > 23 || om > 59 {
			return 0, false
		}
		offset = (oh*60 + om) * 60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return 0, false
	}
	secs := daysFromCivil(year, month, day)*86400 + hour*3600 + minute*60 + sec - offset
	return secs*1e9 + frac, true
}

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (H. Hinnant's algorithm), for positive years.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

var (
	minUnix = time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxUnix = time.Date(maxYear, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
)

func parseUnix(b []byte) (int64, bool) {
	neg := false
	if b[0] == '-' {
		neg, b = true, b[1:]
	}
	intPart, fracPart := b, []byte(nil)
	for i, c := range b {
		if c == '.' {
			intPart, fracPart = b[:i], b[i+1:]
			break
		}
	}
	if len(intPart) == 0 || len(intPart) > 12 || len(fracPart) > 9 {
		return 0, false
	}
	secs, ok := digits(intPart)
	if !ok {
		return 0, false
	}
	var frac int64
	scale := int64(1e8)
	for _, c := range fracPart {
		if c < '0' || c > '9' {
			return 0, false
		}
		frac += int64(c-'0') * scale
		scale /= 10
	}
	if neg {
		secs, frac = -secs, -frac
	}
	if secs < minUnix || secs > maxUnix {
		return 0, false
	}
	return secs*1e9 + frac, true
}
