// Package safetext makes user-supplied text safe to print in a terminal or a
// plain-text report, and short enough to quote in an error message.
//
// Terminal writes control characters as commands: an escape sequence in a
// journey title can clear the screen, retitle the window or, through OSC 52,
// write the clipboard, and a bidi override can reorder the text around it so a
// report says something it does not. Escape replaces every such character by
// a visible Go-style escape (\x1b, \u202e) and leaves all other text as it is,
// so printable text in any language is untouched and nothing is lost: the
// escaped form names the exact character.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r must be escaped in terminal output: C0 controls
// except tab and newline, DEL, C1 controls, and the Unicode bidi embedding,
// override and isolate controls that reorder the text around them.
func unsafe(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// needsEscape reports whether s holds an invalid UTF-8 byte or a rune that
// Escape would rewrite.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafe(r) {
			return true
		}
		i += n
	}
	return false
}

// Escape returns s with every terminal control character (C0 except tab and
// newline, DEL, C1) and every bidi embedding, override or isolate control
// written as a visible escape: \x1b, \x7f, \u0085, \u202e. Invalid UTF-8
// bytes are written as \xNN too. A backslash is left as it is, so the result
// is for people to read, not to be unquoted. Text without such characters is
// returned unchanged, without allocating.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case unsafe(r) && r < 0x80:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case unsafe(r):
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)))
			b.WriteString(h)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// MaxQuote is how many characters of input Quote keeps.
const MaxQuote = 80

// Quote returns s as a Go-quoted string for an error message, cut to its
// first MaxQuote characters with "…" and the number of bytes left out when it
// is longer, so an error never echoes unbounded input: a 1,000,000-digit
// number quotes as "1234…" (+999,920 bytes). Control characters are escaped by
// the quoting.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuote {
		return strconv.Quote(s)
	}
	cut, n := 0, 0
	for cut < len(s) && n < MaxQuote {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
		n++
	}
	return strconv.Quote(s[:cut]+"…") + " (+" + strconv.Itoa(len(s)-cut) + " bytes)"
}
