package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/invopop/jsonschema"
)

// Encode returns s as indented JSON with a final newline. Unlike
// encoding/json it keeps < > & as they are (descriptions are read by people),
// and it escapes invisible characters — white space other than the plain
// space, format and control characters — as \uXXXX so that the file shows
// what the patterns hold.
func Encode(s *jsonschema.Schema) ([]byte, error) {
	compact, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("schema: encode: %w", err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, rewriteStrings(compact), "", "  "); err != nil {
		return nil, fmt.Errorf("schema: indent: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// rewriteStrings undoes encoding/json's HTML escapes and escapes invisible
// characters inside the JSON strings of the valid JSON text src.
func rewriteStrings(src []byte) []byte {
	var b bytes.Buffer
	inString := false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case !inString:
			inString = c == '"'
			b.WriteByte(c)
			i++
		case c == '"':
			inString = false
			b.WriteByte(c)
			i++
		case c == '\\':
			n := 2
			if src[i+1] == 'u' {
				n = 6
				if r, ok := htmlEscapes[string(src[i+2:i+6])]; ok {
					b.WriteByte(r)
					i += n
					continue
				}
			}
			b.Write(src[i : i+n])
			i += n
		default:
			r, size := utf8.DecodeRune(src[i:])
			if invisible(r) {
				for _, u := range utf16.AppendRune(nil, r) {
					fmt.Fprintf(&b, `\u%04x`, u)
				}
			} else {
				b.Write(src[i : i+size])
			}
			i += size
		}
	}
	return b.Bytes()
}

// htmlEscapes are the escapes encoding/json writes for < > &.
var htmlEscapes = map[string]byte{"003c": '<', "003e": '>', "0026": '&'}

func invisible(r rune) bool {
	return r != ' ' && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r))
}

// nonBlankPattern builds a character class of everything but the runes
// unicode.IsSpace reports, from the unicode.White_Space table it uses.
func nonBlankPattern() string {
	var b strings.Builder
	b.WriteString("[^")
	add := func(lo, hi, stride uint32) {
		if stride == 1 && hi > lo {
			b.WriteRune(rune(lo))
			if hi > lo+1 {
				b.WriteByte('-')
			}
			b.WriteRune(rune(hi))
			return
		}
		for r := lo; r <= hi; r += stride {
			b.WriteRune(rune(r))
		}
	}
	for _, r := range unicode.White_Space.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range unicode.White_Space.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	b.WriteByte(']')
	return b.String()
}
