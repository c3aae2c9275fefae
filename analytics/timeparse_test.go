package analytics

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTimeForms(t *testing.T) {
	utc := func(s string) int64 {
		tm, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return tm.UnixNano()
	}
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	tests := []struct {
		in   string
		tf   TimeFormat
		want int64
		why  string
	}{
		{"2026-01-01T00:00:00Z", TimeFormat{}, utc("2026-01-01T00:00:00Z"), "RFC 3339"},
		{"2024-02-29T23:59:59.123456789Z", TimeFormat{}, utc("2024-02-29T23:59:59.123456789Z"), "nanoseconds, leap day"},
		{"1999-12-31t10:00:00.5+07:00", TimeFormat{}, utc("1999-12-31T03:00:00.5Z"), "lower-case t, offset"},
		{"2026-06-30 12:00:00-03:30", TimeFormat{}, utc("2026-06-30T15:30:00Z"), "space for T"},
		{"2024-12-31 00:44:59", TimeFormat{}, utc("2024-12-31T00:44:59Z"), "PostgreSQL/DuckDB/MySQL/Excel CSV default: no offset, UTC"},
		{"2024-12-31 00:44:59.123", TimeFormat{}, utc("2024-12-31T00:44:59.123Z"), "milliseconds without offset"},
		{"2024-12-31 00:44:59+00", TimeFormat{}, utc("2024-12-31T00:44:59Z"), "PostgreSQL timestamptz: hour-only offset"},
		{"2024-12-31 00:44:59+0530", TimeFormat{}, utc("2024-12-30T19:14:59Z"), "offset without colon"},
		{"2024-12-31 00:44:59 UTC", TimeFormat{}, utc("2024-12-31T00:44:59Z"), "BigQuery: UTC suffix"},
		{"2024-12-31 00:44:59.123456 UTC", TimeFormat{}, utc("2024-12-31T00:44:59.123456Z"), "BigQuery with microseconds"},
		{"2024-12-31 00:44:59 +07:00", TimeFormat{}, utc("2024-12-30T17:44:59Z"), "space before the offset"},
		{"2024-12-31T00:44", TimeFormat{}, utc("2024-12-31T00:44:00Z"), "without seconds"},
		{"2024-12-31T00:44Z", TimeFormat{}, utc("2024-12-31T00:44:00Z"), "without seconds, with a zone"},
		{"2024-12-31", TimeFormat{}, utc("2024-12-31T00:00:00Z"), "a date alone is midnight"},
		{"1678-01-01T00:00:00Z", TimeFormat{}, utc("1678-01-01T00:00:00Z"), "first year that fits"},
		{"2261-12-31T23:59:59Z", TimeFormat{}, utc("2261-12-31T23:59:59Z"), "last year that fits"},
		{"2024-12-31 07:44:59", TimeFormat{Location: hcm}, utc("2024-12-31T00:44:59Z"), "no offset, read in -tz"},
		{"2024-12-31 07:44:59Z", TimeFormat{Location: hcm}, utc("2024-12-31T07:44:59Z"), "an offset wins over -tz"},
		{"2026-07-01 12:00", TimeFormat{Location: ny}, utc("2026-07-01T16:00:00Z"), "daylight saving time in -tz"},
		{"1767225600", TimeFormat{}, 1767225600e9, "10 digits: Unix seconds"},
		{"1767225600.25", TimeFormat{}, 1767225600250000000, "Unix seconds with a fraction"},
		{"1767225600123", TimeFormat{}, 1767225600123e6, "13 digits: milliseconds"},
		{"1767225600123456", TimeFormat{}, 1767225600123456e3, "16 digits: microseconds"},
		{"1767225600123456789", TimeFormat{}, 1767225600123456789, "19 digits: nanoseconds"},
		{"86400", TimeFormat{Unit: Seconds}, 86400e9, "a short number with a unit"},
		{"-1.25", TimeFormat{Unit: Seconds}, -1250000000, "negative with a unit"},
		{"1767225600123", TimeFormat{Unit: Milliseconds}, 1767225600123e6, "ms declared"},
		{"1.5", TimeFormat{Unit: Milliseconds}, 1500000, "fraction of a millisecond"},
		{"1767225600123456", TimeFormat{Unit: Microseconds}, 1767225600123456e3, "us declared"},
		{"5", TimeFormat{Unit: Nanoseconds}, 5, "ns declared"},
		{"31/12/2024 07:44", TimeFormat{Layout: "02/01/2006 15:04"}, utc("2024-12-31T07:44:00Z"), "a Go layout"},
		{"31/12/2024 07:44", TimeFormat{Layout: "02/01/2006 15:04", Location: hcm}, utc("2024-12-31T00:44:00Z"), "a layout without zone in -tz"},
	}
	for _, tt := range tests {
		got, err := parseTime([]byte(tt.in), &tt.tf)
		if assert.Nil(t, err, "%s: %q", tt.why, tt.in) {
			assert.Equal(t, tt.want, got, "%s: %q", tt.why, tt.in)
		}
	}
}

func TestParseTimeRejects(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	tests := []struct {
		in     string
		tf     TimeFormat
		reason Reason
		msg    string
		why    string
	}{
		{"", TimeFormat{}, ReasonBadTime, "empty time", "empty"},
		{"2026-02-29T00:00:00Z", TimeFormat{}, ReasonBadTime, "no such date", "not a leap year"},
		{"2026-01-01T24:00:00Z", TimeFormat{}, ReasonBadTime, "00:00..23:59", "hour 24"},
		{"2026-01-01T00:00:60Z", TimeFormat{}, ReasonBadTime, "00..59", "leap second"},
		{"2026-01-01T00:00:00.Z", TimeFormat{}, ReasonBadTime, "1 to 9 digits", "a dot without digits"},
		{"2026-01-01T00:00:00.1234567891Z", TimeFormat{}, ReasonBadTime, "1 to 9 digits", "below a nanosecond"},
		{"2026-13-01T00:00:00Z", TimeFormat{}, ReasonBadTime, "no such date", "month 13"},
		{"1600-01-01T00:00:00Z", TimeFormat{}, ReasonBadTime, "1678..2261", "too early for nanoseconds"},
		{"2026-01-01T00:00:00+7:00", TimeFormat{}, ReasonBadTime, "offset", "one-digit offset"},
		{"2026-01-01T00:00:00 PST", TimeFormat{}, ReasonBadTime, "unexpected text", "zone abbreviations are ambiguous"},
		{"2026-01-01T", TimeFormat{}, ReasonBadTime, "unexpected text", "T without a time"},
		{"2026/01/01 00:00", TimeFormat{}, ReasonBadTime, "nor a Unix time", "slashes need -time-layout"},
		{"12e3", TimeFormat{}, ReasonBadTime, "nor a Unix time", "exponent"},
		{"1.2.3", TimeFormat{}, ReasonBadTime, "nor a Unix time", "two dots"},
		{"abc", TimeFormat{}, ReasonBadTime, "nor a Unix time", "words"},
		{"+1767225600", TimeFormat{}, ReasonBadTime, "nor a Unix time", "a plus sign"},
		{"0x1p0", TimeFormat{}, ReasonBadTime, "nor a Unix time", "hexadecimal"},
		{"0", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "1 digit: seconds, ms, us or ns?"},
		{"86400", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "5 digits"},
		{"99999999999", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "11 digits"},
		{"-1767225600", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "negative: before 1970 in which unit?"},
		{"1767225600123.5", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "a fraction of a millisecond"},
		{"0767225600", TimeFormat{}, ReasonAmbiguousTime, "give the unit", "a leading zero"},
		{"99999999999999999999", TimeFormat{Unit: Nanoseconds}, ReasonBadTime, "1678..2261", "beyond int64"},
		{"9999999999999", TimeFormat{Unit: Seconds}, ReasonBadTime, "1678..2261", "ms read as seconds"},
		{"1.5", TimeFormat{Unit: Nanoseconds}, ReasonBadTime, "fraction digits", "a fraction of a nanosecond"},
		{"2024-12-31T00:44", TimeFormat{Layout: "02/01/2006 15:04"}, ReasonBadTime, "not in layout", "a layout is the only form"},
		{"2026-03-08 02:30", TimeFormat{Location: ny}, ReasonAmbiguousTime, "does not exist", "the hour skipped when clocks go forward"},
		{"2026-11-01 01:30", TimeFormat{Location: ny}, ReasonAmbiguousTime, "occurs twice", "the hour repeated when clocks go back"},
	}
	for _, tt := range tests {
		_, err := parseTime([]byte(tt.in), &tt.tf)
		if assert.NotNil(t, err, "%s: %q", tt.why, tt.in) {
			assert.Equal(t, tt.reason, err.Reason, "%s: %q", tt.why, tt.in)
			assert.Contains(t, err.Err.Error(), tt.msg, "%s: %q", tt.why, tt.in)
			if tt.in != "" {
				assert.ErrorIs(t, err.Err, ErrTime)
			}
		}
	}
}

func TestParseTimeUnit(t *testing.T) {
	for in, want := range map[string]TimeUnit{"": UnitAuto, "auto": UnitAuto, "s": Seconds, "ms": Milliseconds, "us": Microseconds, "µs": Microseconds, "ns": Nanoseconds} {
		got, err := ParseTimeUnit(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseTimeUnit("minutes")
	assert.ErrorContains(t, err, `"minutes" is not auto, s, ms, us or ns`)
}

func TestParseTimeDoesNotAllocateInUTC(t *testing.T) {
	tf := &TimeFormat{}
	for _, in := range []string{"2024-12-31 00:44:59", "2026-01-01T00:00:00.123+07:00", "1767225600123"} {
		b := []byte(in)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = parseTime(b, tf) }), in)
	}
}
