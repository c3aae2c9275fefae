package safetext_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/stretchr/testify/assert"
)

func TestEscape(t *testing.T) {
	cases := []struct {
		why, in, want string
	}{
		{"plain text is untouched", "Pays at checkout", "Pays at checkout"},
		{"Vietnamese letters are printable", "Thanh toán tại quầy", "Thanh toán tại quầy"},
		{"tab and newline keep their meaning in a report", "a\tb\nc", "a\tb\nc"},
		{"an OSC title sequence is shown, not run", "T\x1b]0;pwned\x07", `T\x1b]0;pwned\x07`},
		{"a clear-screen CSI is shown", "\x1b[2J", `\x1b[2J`},
		{"carriage return could overwrite the line", "ok\rbad", `ok\x0dbad`},
		{"DEL is a control", "a\x7fb", `a\x7fb`},
		{"C1 controls (here CSI as one rune) are shown", "a\u009bb", `a\u009bb`},
		{"a bidi override would reorder the report", "abc\u202edef", `abc\u202edef`},
		{"bidi isolates likewise", "\u2066x\u2069", `\u2066x\u2069`},
		{"invalid UTF-8 is named byte by byte", "a\xffb", `a\xffb`},
		{"a backslash stays as written", `C:\path`, `C:\path`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, safetext.Escape(c.in), c.why)
	}
}

func TestEscapeDoesNotAllocateForSafeText(t *testing.T) {
	s := strings.Repeat("Khách hàng ", 20)
	allocs := testing.AllocsPerRun(100, func() { _ = safetext.Escape(s) })
	assert.Zero(t, allocs, "safe text is returned as it is")
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"abc"`, safetext.Quote("abc"), "short input is quoted whole")
	assert.Equal(t, `"a\x00b"`, safetext.Quote("a\x00b"), "a NUL byte is escaped")
	long := strings.Repeat("9", 1_000_000)
	q := safetext.Quote(long)
	assert.Less(t, len(q), 120, "a huge input is cut")
	assert.True(t, strings.HasPrefix(q, `"`+strings.Repeat("9", safetext.MaxQuote)+`…"`), q)
	assert.True(t, strings.HasSuffix(q, "(+999920 bytes)"), q)
	viet := strings.Repeat("ộ", 100)
	assert.Equal(t, `"`+strings.Repeat("ộ", 80)+`…" (+60 bytes)`, safetext.Quote(viet), "cut at a character, not a byte")
}

func ExampleEscape() {
	fmt.Println(safetext.Escape("Checkout\x1b]0;pwned\x07 \u202eevil"))
	// Output: Checkout\x1b]0;pwned\x07 \u202eevil
}
