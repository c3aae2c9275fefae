package analytics

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/safetext"
)

// TimeUnit is the unit of event times written as numbers.
type TimeUnit string

// The units of numeric event times. UnitAuto tells the unit by the number
// of digits (see the package doc).
const (
	UnitAuto     TimeUnit = ""
	Seconds      TimeUnit = "s"
	Milliseconds TimeUnit = "ms"
	Microseconds TimeUnit = "us"
	Nanoseconds  TimeUnit = "ns"
)

// ParseTimeUnit reads "auto" (or ""), "s", "ms", "us" (or "µs") and "ns".
func ParseTimeUnit(s string) (TimeUnit, error) {
	switch s {
	case "", "auto":
		return UnitAuto, nil
	case "s", "ms", "us", "ns":
		return TimeUnit(s), nil
	case "µs":
		return Microseconds, nil
	}
	return UnitAuto, fmt.Errorf("time unit %s is not auto, s, ms, us or ns", safetext.Quote(s))
}

// nanos returns the nanoseconds in one unit.
func (u TimeUnit) nanos() int64 {
	switch u {
	case Milliseconds:
		return 1e6
	case Microseconds:
		return 1e3
	case Nanoseconds:
		return 1
	}
	return 1e9
}

// TimeFormat says how event times are written. The zero value reads the
// forms listed in the package doc, in UTC when they carry no offset.
type TimeFormat struct {
	// Unit is the unit of times written as numbers; UnitAuto tells it by
	// the number of digits, and rejects a number it cannot tell.
	Unit TimeUnit
	// Layout, when set, is the only form accepted: a Go time layout
	// (time.Parse), e.g. "02/01/2006 15:04".
	Layout string
	// Location is where times without an offset were written; nil means UTC.
	Location *time.Location
}

// ErrTime is wrapped by the error of every row whose time cannot be read.
var ErrTime = errors.New("analytics: time not in an accepted form")

// timeErr says what is wrong with a time.
type timeErr struct{ msg string }

func (e *timeErr) Error() string        { return e.msg }
func (e *timeErr) Is(target error) bool { return target == ErrTime }

// timeError is a time that cannot be read: what is wrong, and the reason.
func timeError(b []byte, reason Reason, format string, args ...any) *RowError {
	msg := "time " + safetext.Quote(string(b)) + ": " + fmt.Sprintf(format, args...)
	return &RowError{Reason: reason, Err: &timeErr{msg}}
}

// parseTime returns b as Unix nanoseconds, read with tf.
func parseTime(b []byte, tf *TimeFormat) (int64, *RowError) {
	if len(b) == 0 {
		return 0, &RowError{Reason: ReasonBadTime, Err: errors.New("empty time")}
	}
	if tf.Layout != "" {
		loc := tf.Location
		if loc == nil {
			loc = time.UTC
		}
		t, err := time.ParseInLocation(tf.Layout, string(b), loc)
		if err != nil {
			return 0, timeError(b, ReasonBadTime, "not in layout %s", safetext.Quote(tf.Layout))
		}
		return instant(t, b)
	}
	if len(b) >= 10 && b[4] == '-' {
		return parseISO(b, tf.Location)
	}
	return parseUnix(b, tf.Unit)
}

// instant returns t in Unix nanoseconds when its year is in range.
func instant(t time.Time, b []byte) (int64, *RowError) {
	if y := t.Year(); y < minYear || y > maxYear {
		return 0, timeError(b, ReasonBadTime, "outside the years %d..%d", minYear, maxYear)
	}
	return t.UnixNano(), nil
}

func digits(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
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

// parseISO reads YYYY-MM-DD, then optionally T (or t or a space) HH:MM,
// optionally :SS and a fraction of 1 to 9 digits, then optionally a zone:
// Z, ±HH, ±HHMM, ±HH:MM or UTC (a space may come before ±HH… and UTC).
func parseISO(b []byte, loc *time.Location) (int64, *RowError) {
	bad := func(what string) (int64, *RowError) {
		return 0, timeError(b, ReasonBadTime, "%s", what)
	}
	year, ok1 := digits(b[0:4])
	month, ok2 := digits(b[5:7])
	day, ok3 := digits(b[8:10])
	if !(ok1 && ok2 && ok3) || b[7] != '-' {
		return bad("the date is not YYYY-MM-DD")
	}
	if year < minYear || year > maxYear {
		return bad(fmt.Sprintf("outside the years %d..%d", minYear, maxYear))
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return bad("no such date")
	}
	rest := b[10:]
	var hour, minute, sec, frac int64
	if len(rest) > 0 && (rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ') && len(rest) >= 6 && rest[3] == ':' {
		var okh, okm bool
		hour, okh = digits(rest[1:3])
		minute, okm = digits(rest[4:6])
		if !okh || !okm || hour > 23 || minute > 59 {
			return bad("the time of day is not HH:MM in 00:00..23:59")
		}
		rest = rest[6:]
		if len(rest) > 0 && rest[0] == ':' {
			var oks bool
			if len(rest) < 3 {
				return bad("the seconds are not two digits")
			}
			if sec, oks = digits(rest[1:3]); !oks || sec > 59 {
				return bad("the seconds are not two digits in 00..59")
			}
			rest = rest[3:]
			if len(rest) > 0 && rest[0] == '.' {
				i := 1
				scale := int64(1e8)
				for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
					frac += int64(rest[i]-'0') * scale
					scale /= 10
					i++
				}
				if i == 1 || i > 10 {
					return bad("the fraction of a second is not 1 to 9 digits")
				}
				rest = rest[i:]
			}
		}
	}
	secs := daysFromCivil(year, month, day)*86400 + hour*3600 + minute*60 + sec
	if len(rest) > 1 && rest[0] == ' ' && (rest[1] == '+' || rest[1] == '-' || rest[1] == 'U') {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
		if loc != nil && loc != time.UTC {
			return local(b, loc, year, month, day, hour, minute, sec, frac)
		}
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'), string(rest) == "UTC":
	case rest[0] == '+' || rest[0] == '-':
		off := rest[1:]
		var oh, om int64
		var ok bool
		switch {
		case len(off) == 2:
			oh, ok = digits(off)
		case len(off) == 4:
			oh, ok = digits(off[:2])
			var okm bool
			om, okm = digits(off[2:])
			ok = ok && okm
		case len(off) == 5 && off[2] == ':':
			oh, ok = digits(off[:2])
			var okm bool
			om, okm = digits(off[3:])
			ok = ok && okm
		}
		if !ok || oh > 23 || om > 59 {
			return bad("the offset is not ±HH, ±HHMM or ±HH:MM")
		}
		offset := (oh*60 + om) * 60
		if rest[0] == '-' {
			offset = -offset
		}
		secs -= offset
	default:
		return bad("unexpected text after the date and time")
	}
	if secs < minUnix || secs > maxUnix {
		return bad(fmt.Sprintf("outside the years %d..%d", minYear, maxYear))
	}
	return secs*1e9 + frac, nil
}

// local returns the instant of a wall-clock time in loc, rejecting one that
// does not exist (clocks went forward) or occurs twice (clocks went back).
func local(b []byte, loc *time.Location, year, month, day, hour, minute, sec, frac int64) (int64, *RowError) {
	t := time.Date(int(year), time.Month(month), int(day), int(hour), int(minute), int(sec), int(frac), loc)
	same := func(u time.Time) bool {
		y, m, d := u.Date()
		return int64(y) == year && int64(m) == month && int64(d) == day &&
			int64(u.Hour()) == hour && int64(u.Minute()) == minute && int64(u.Second()) == sec
	}
	if !same(t) {
		return 0, timeError(b, ReasonAmbiguousTime, "does not exist in %s (the clocks went forward); give an offset", loc)
	}
	_, off := t.Zone()
	naive := time.Date(int(year), time.Month(month), int(day), int(hour), int(minute), int(sec), int(frac), time.UTC)
	for _, d := range []time.Duration{-24 * time.Hour, 24 * time.Hour} {
		_, o := t.Add(d).Zone()
		if o == off {
			continue
		}
		if u := naive.Add(-time.Duration(o) * time.Second); same(u.In(loc)) {
			return 0, timeError(b, ReasonAmbiguousTime, "occurs twice in %s (the clocks went back); give an offset", loc)
		}
	}
	return instant(t, b)
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

// autoUnits tells the unit of a Unix time by its digits: the lengths of
// times from 2001-09-09 to 2286-11-20 in each unit.
var autoUnits = map[int]TimeUnit{10: Seconds, 13: Milliseconds, 16: Microseconds, 19: Nanoseconds}

// parseUnix reads a Unix time: -?digits(.digits)? in unit (UnitAuto: told
// by the number of digits).
func parseUnix(b []byte, unit TimeUnit) (int64, *RowError) {
	s := b
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	intPart, fracPart, hasFrac := strings.Cut(string(s), ".")
	if _, ok := digits([]byte(intPart)); !ok || (hasFrac && len(fracPart) == 0) {
		return 0, timeError(b, ReasonBadTime, "not a date and time (ISO 8601) nor a Unix time")
	}
	if _, ok := digits([]byte(fracPart)); hasFrac && !ok {
		return 0, timeError(b, ReasonBadTime, "not a date and time (ISO 8601) nor a Unix time")
	}
	if len(intPart) > 19 || len(intPart) == 19 && intPart > "9223372036854775807" {
		return 0, timeError(b, ReasonBadTime, "outside the years %d..%d", minYear, maxYear)
	}
	if unit == UnitAuto {
		u, ok := autoUnits[len(intPart)]
		if neg || !ok || intPart[0] == '0' || (hasFrac && u != Seconds) {
			return 0, timeError(b, ReasonAmbiguousTime, "a number whose time unit cannot be told from its %d digits: give the unit (s, ms, us or ns)", len(intPart))
		}
		unit = u
	}
	per := unit.nanos()
	n, _ := digits([]byte(intPart))
	if n > (maxUnix+1)*(1e9/per) {
		return 0, timeError(b, ReasonBadTime, "outside the years %d..%d", minYear, maxYear)
	}
	ns := n * per
	if hasFrac {
		scale := per / 10
		for i := 0; i < len(fracPart); i++ {
			if scale == 0 {
				return 0, timeError(b, ReasonBadTime, "more fraction digits than nanoseconds hold")
			}
			ns += int64(fracPart[i]-'0') * scale
			scale /= 10
		}
	}
	if neg {
		ns = -ns
	}
	if ns < minUnix*1e9 || ns > maxUnix*1e9+999_999_999 {
		return 0, timeError(b, ReasonBadTime, "outside the years %d..%d", minYear, maxYear)
	}
	return ns, nil
}
