package sheet

import (
	"strings"
	"unicode"
)

// vietnameseBase maps every precomposed Vietnamese letter (lower case) to
// its base Latin letter, so "Giai đoạn", "giai doan" and the decomposed
// (NFD) spelling some spreadsheet exports use all fold to "giai doan".
var vietnameseBase = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ",
		'e': "èéẻẽẹêềếểễệ",
		'i': "ìíỉĩị",
		'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự",
		'y': "ỳýỷỹỵ",
		'd': "đ",
	}
	m := make(map[rune]rune)
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// fold lowers s and removes Vietnamese diacritics, whether precomposed or
// written as combining marks.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark of a decomposed letter
		}
		r = unicode.ToLower(r)
		if base, ok := vietnameseBase[r]; ok {
			r = base
		}
		b.WriteRune(r)
	}
	return b.String()
}
