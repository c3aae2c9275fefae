package sqlfunnel

import (
	"math"
	"math/bits"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/analytics"
)

func TestLiteralQuoting(t *testing.T) {
	for _, c := range []struct {
		why  string
		d    Dialect
		in   string
		want string
		ok   bool
	}{
		{"a quote is doubled", DuckDB, `it's`, `'it''s'`, true},
		{"a backslash is a plain character in DuckDB", DuckDB, `a\b`, `'a\b'`, true},
		{"placeholders and comment markers are plain text in a literal", DuckDB, `$1 -- ? /*`, `'$1 -- ? /*'`, true},
		{"DuckDB text cannot hold NUL", DuckDB, "a\x00b", "", false},
		{"DuckDB text cannot hold invalid UTF-8", DuckDB, "a\xffb", "", false},
		{"PostgreSQL E'' strings escape backslash and quote whatever standard_conforming_strings says", PostgreSQL, `it's \`, `E'it''s \\'`, true},
		{"unicode passes through", PostgreSQL, "Việt Nam ☕", "E'Việt Nam ☕'", true},
		{"PostgreSQL text cannot hold NUL", PostgreSQL, "a\x00b", "", false},
		{"ClickHouse escapes quote and backslash with a backslash", ClickHouse, `it's \`, `'it\'s \\'`, true},
		{"ClickHouse holds NUL as \\0", ClickHouse, "a\x00b", `'a\0b'`, true},
		{"ClickHouse control characters become \\x escapes", ClickHouse, "a\nb\tc", `'a\x0Ab\x09c'`, true},
		{"ClickHouse keeps other bytes as they are", ClickHouse, "a\xffb ☕", "'a\xffb ☕'", true},
	} {
		got, ok := c.d.literal(c.in)
		assert.Equal(t, c.ok, ok, c.why)
		assert.Equal(t, c.want, got, c.why)
	}
}

func TestIdentQuoting(t *testing.T) {
	for _, c := range []struct {
		why  string
		d    Dialect
		in   string
		want string
	}{
		{"a double quote is doubled", PostgreSQL, `my "events"`, `"my ""events"""`},
		{"a single quote needs nothing", DuckDB, `it's`, `"it's"`},
		{"ClickHouse backquotes, with backslash escapes", ClickHouse, "ev`x\\", "`ev\\`x\\\\`"},
	} {
		got, err := c.d.ident(c.in)
		assert.NoError(t, err, c.why)
		assert.Equal(t, c.want, got, c.why)
	}
	for _, bad := range []string{"", "a\x00b", "a\xffb"} {
		for _, d := range []Dialect{DuckDB, PostgreSQL, ClickHouse} {
			_, err := d.ident(bad)
			assert.Error(t, err, "%q cannot be an identifier in %s", bad, d)
		}
	}
}

func TestCommentIsOneLineOfPrintables(t *testing.T) {
	got := comment("a\nb\r\u2028c\x00" + strings.Repeat("x", 100))
	assert.NotContains(t, got, "\n")
	assert.NotContains(t, got, "\r")
	assert.NotContains(t, got, "\u2028", "a line separator could end a comment in some tools")
	assert.True(t, strings.HasPrefix(got, "a?b??c?"), got)
	assert.Equal(t, 61, len([]rune(got)), "60 runes and an ellipsis")
}

// edgeDurations are the durations where a bucket formula goes wrong: the
// exact range, powers of two and their neighbours up to 2⁶² ns (146 years).
func edgeDurations() []int64 {
	d := []int64{0, 1, 2, 127, 128, 255, 256, 257, 1000, 999_999_999, 1_000_000_000, 2_592_000_000_000_000}
	for k := 8; k <= 62; k++ {
		p := int64(1) << k
		d = append(d, p-1, p, p+1, p+p/2)
	}
	for k := 0; k <= 33; k++ { // the chart bins' edges: 2^k whole seconds
		p := int64(1_000_000_000) << k
		d = append(d, p-1, p, p+1)
	}
	return d
}

// wantBin is the chart bin of duration d as analytics.Timing documents it:
// 0 under one second, else k for 2^(k−1) ≤ s < 2^k whole seconds.
func wantBin(d int64) int64 {
	return int64(bits.Len64(uint64(d / 1_000_000_000)))
}

// TestBucketFormulaMatchesAnalytics evaluates the SQL's formulas in Go, the
// way the SQL does (a floating-point exponent corrected by one either way
// in integers, the bin from the exponent), against analytics.BucketOf and
// the chart bins; the engines run the SQL itself in TestBucketSQL and the
// conformance tests.
func TestBucketFormulaMatchesAnalytics(t *testing.T) {
	for _, d := range edgeDurations() {
		e0 := int64(math.Floor(math.Log2(float64(max(d, 1)))))
		e := e0 - 1 + min(d>>e0, 2)
		big := max(e, 7)
		got := (big-6)*128 + d>>(big-7) - 128
		assert.Equal(t, int64(analytics.BucketOf(time.Duration(d))), got, "duration %d", d)
		bin := max(e-29+b2i(d >= 1_000_000_000<<max(e-29, 0)), 0)
		assert.Equal(t, wantBin(d), bin, "bin of duration %d", d)
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
