package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/numfmt"
)

// Format is how a language writes numbers, per cents, dates and durations
// for people. Every number journeymap writes for people goes through it,
// so a page, a report and a message never write the same figure two ways.
type Format struct {
	// num holds the thousands separator and the decimal mark.
	num numfmt.Style
	// date is the time layout of a date: "2006-01-02" or "02/01/2006".
	date string
	// hours, minutes and seconds name the units of a duration; empty means
	// Go's own "h", "m" and "s" written against the number ("1h30m").
	hours, minutes, seconds string
}

// Number writes v in the shortest form that reads back as v, never with an
// exponent, grouped by thousands: "1,234,567.5" in English, "1.234.567,5"
// in Vietnamese. Not-a-number and infinities are written as strconv
// writes them.
func (f Format) Number(v float64) string { return string(f.num.Append(nil, v)) }

// AppendNumber appends Number(v) to b.
func (f Format) AppendNumber(b []byte, v float64) []byte { return f.num.Append(b, v) }

// Int writes n grouped by thousands: "1,987" in English, "1.987" in Vietnamese.
func (f Format) Int(n int64) string { return string(f.num.AppendInt(nil, n)) }

// Fixed writes v with exactly decimals digits after the decimal mark,
// grouped by thousands: Fixed(0.5, 2) is "0.50" in English, "0,50" in
// Vietnamese.
func (f Format) Fixed(v float64, decimals int) string {
	return string(f.num.AppendFixed(nil, v, decimals))
}

// Signed is Fixed with a sign always written: "+0.50", "-1.25"; zero is "+0.00".
func (f Format) Signed(v float64, decimals int) string {
	s := f.Fixed(v, decimals)
	if !strings.HasPrefix(s, "-") && !math.IsNaN(v) {
		s = "+" + s
	}
	return s
}

// WithUnit writes Number(v) followed by its unit: a per cent sign sticks to
// the number ("36%"), any other unit follows a space ("3.2 min",
// "120.000 người/tháng"); no unit, the number alone.
func (f Format) WithUnit(v float64, unit string) string {
	return string(f.num.AppendWithUnit(nil, v, unit))
}

// AppendWithUnit appends WithUnit(v, unit) to b.
func (f Format) AppendWithUnit(b []byte, v float64, unit string) []byte {
	return f.num.AppendWithUnit(b, v, unit)
}

// Percent writes share (0.25 for a quarter) as a per cent with decimals
// digits after the decimal mark: Percent(0.3456, 1) is "34.6%", "34,6%".
func (f Format) Percent(share float64, decimals int) string {
	return f.Fixed(100*share, decimals) + "%"
}

// Date writes the date of t (in its own location): "2026-10-31" in
// English, "31/10/2026" in Vietnamese, which writes the day first.
func (f Format) Date(t time.Time) string { return t.Format(f.date) }

// Duration writes d rounded to a unit of at most 2% of it (a power of ten
// of nanoseconds, seconds and minutes, or an hour), so figures such as a
// histogram's midpoints print as the round numbers they stand for, without
// the zero minutes and seconds Go writes after them: "41h40m", "62h",
// "20m", "1.5s" in English; "41 giờ 40 phút", "1,5 giây" in Vietnamese.
func (f Format) Duration(d time.Duration) string {
	s := roundedDuration(d)
	if f.hours == "" {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' })
		if i <= 0 {
			b.WriteString(s) // not a figure and a unit: written as it is
			break
		}
		num := s[:i]
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return (r >= '0' && r <= '9') || r == '.' })
		if j < 0 {
			j = len(s)
		}
		unit := s[:j]
		s = s[j:]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if v, err := strconv.ParseFloat(num, 64); err == nil {
			num = f.Number(v)
		}
		b.WriteString(num)
		b.WriteByte(' ')
		switch unit {
		case "h":
			unit = f.hours
		case "m":
			unit = f.minutes
		case "s":
			unit = f.seconds
		}
		b.WriteString(unit)
	}
	return b.String()
}

// roundedDuration is Duration in Go's own notation.
func roundedDuration(d time.Duration) string {
	units := []time.Duration{time.Hour, 10 * time.Minute, time.Minute, 10 * time.Second, time.Second,
		100 * time.Millisecond, 10 * time.Millisecond, time.Millisecond, 100 * time.Microsecond,
		10 * time.Microsecond, time.Microsecond, 100, 10}
	for _, u := range units {
		if u <= d/50 {
			d = d.Round(u)
			break
		}
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
