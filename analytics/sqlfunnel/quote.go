package sqlfunnel

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ident quotes an identifier (table, schema or column name) for d. A name
// with a NUL byte or invalid UTF-8 cannot be quoted and is refused.
func (d Dialect) ident(name string) (string, error) {
	if name == "" {
		return "", errors.New("empty name")
	}
	if strings.IndexByte(name, 0) >= 0 || !utf8.ValidString(name) {
		return "", fmt.Errorf("name %s has a NUL byte or invalid UTF-8", strconv.QuoteToASCII(name))
	}
	if d == ClickHouse {
		// Backquoted, with backslash escapes (the lexer of every release).
		r := strings.NewReplacer("\\", "\\\\", "`", "\\`")
		return "`" + r.Replace(name) + "`", nil
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`, nil
}

// literal quotes s as a string literal for d, or says ok=false when d
// cannot hold s as text (PostgreSQL and DuckDB hold neither a NUL byte nor
// invalid UTF-8 in text, so no row can carry such a key).
func (d Dialect) literal(s string) (lit string, ok bool) {
	switch d {
	case ClickHouse:
		var b strings.Builder
		b.WriteByte('\'')
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '\\' || c == '\'':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == 0:
				b.WriteString(`\0`)
			case c < 0x20 || c == 0x7f:
				fmt.Fprintf(&b, `\x%02X`, c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte('\'')
		return b.String(), true
	case PostgreSQL:
		if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
			return "", false
		}
		// E'' strings read the same whatever standard_conforming_strings says.
		r := strings.NewReplacer(`\`, `\\`, `'`, `''`)
		return "E'" + r.Replace(s) + "'", true
	default: // DuckDB: backslashes are plain characters in '' literals
		if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
			return "", false
		}
		return "'" + strings.ReplaceAll(s, "'", "''") + "'", true
	}
}

// comment makes s safe inside a -- comment: printable characters only (no
// line breaks), at most 60 of them.
func comment(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 60 {
			b.WriteString("…")
			break
		}
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
