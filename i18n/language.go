package i18n

import "strings"

// Language is a language journeymap has words for, named by its BCP 47
// primary tag.
type Language string

// The languages journeymap speaks.
const (
	English    Language = "en"
	Vietnamese Language = "vi"
)

// catalogs are the words of every language, in the order Languages lists them.
var catalogs = []struct {
	lang  Language
	words *Words
}{
	{English, &english},
	{Vietnamese, &vietnamese},
}

// Languages returns every language journeymap speaks, English first.
func Languages() []Language {
	out := make([]Language, len(catalogs))
	for i, c := range catalogs {
		out[i] = c.lang
	}
	return out
}

// Parse returns the language of the BCP 47 tag: its primary subtag, in any
// case, followed by nothing or by "-" or "_" and a region or script ("vi",
// "VI", "vi-VN", "vi_VN"; spaces around the tag are ignored). ok is false
// for an empty tag and for a language journeymap has no words for, which
// then gets English.
func Parse(tag string) (lang Language, ok bool) {
	tag = strings.TrimSpace(tag)
	for _, c := range catalogs {
		p := string(c.lang)
		if len(tag) >= len(p) && strings.EqualFold(tag[:len(p)], p) &&
			(len(tag) == len(p) || tag[len(p)] == '-' || tag[len(p)] == '_') {
			return c.lang, true
		}
	}
	return English, false
}

// Resolve returns the language to write in for people: the language of
// explicit (an option or a flag) when it is not blank, else that of
// document (the document's language member), else English. It is the one
// place this rule lives: every package and the command call it.
func Resolve(explicit, document string) Language {
	tag := explicit
	if strings.TrimSpace(tag) == "" {
		tag = document
	}
	lang, _ := Parse(tag)
	return lang
}

// Words returns the catalog of the language; a Language journeymap does not
// speak (one not from Parse, Resolve or the constants) gets English. The
// catalog is shared: read it, never modify it.
func (l Language) Words() *Words {
	for _, c := range catalogs {
		if c.lang == l {
			return c.words
		}
	}
	return &english
}

// String returns the language's tag, "en" or "vi".
func (l Language) String() string { return string(l) }
