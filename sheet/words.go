package sheet

import (
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// viHeaders are the Vietnamese column headings, field by field, from
// package i18n's catalog: the headings the CSV renderer writes in
// Vietnamese.
var viHeaders = func() []string {
	c := i18n.Vietnamese.Words()
	h := make([]string, numFields)
	for f := range numFields {
		h[f] = c.Column(fieldNames[f])
	}
	return h
}()

// printedWords are the words journeymap prints for each enumerated value a
// sheet carries, in every language of package i18n, both as a name inside
// a sentence ("mobile app") and as a table cell ("Mobile app").
type printedWords struct {
	Phases     map[journey.Phase][]string
	Channels   map[channel.Channel][]string
	Modes      map[channel.Mode][]string
	Initiators map[touchpoint.Initiator][]string
	Categories map[painpoint.Category][]string
	Severities map[painpoint.Severity][]string
}

// addWords adds the words name gives each of values, as written and capitalised.
func addWords[E ~string](dst map[E][]string, values []E, name func(string) string) {
	for _, v := range values {
		w := name(string(v))
		dst[v] = append(dst[v], w, i18n.Title(w))
	}
}

// printed holds printedWords, read from the catalogs once.
var printed = func() printedWords {
	p := printedWords{
		Phases: map[journey.Phase][]string{}, Channels: map[channel.Channel][]string{}, Modes: map[channel.Mode][]string{},
		Initiators: map[touchpoint.Initiator][]string{}, Categories: map[painpoint.Category][]string{},
		Severities: map[painpoint.Severity][]string{},
	}
	for _, l := range i18n.Languages() {
		c := l.Words()
		addWords(p.Phases, journey.Phases(), c.Phase)
		addWords(p.Channels, channel.Channels(), c.Channel)
		addWords(p.Modes, channel.Modes(), c.Mode)
		addWords(p.Initiators, touchpoint.Initiators(), c.Initiator)
		addWords(p.Categories, painpoint.Categories(), c.Category)
		addWords(p.Severities, painpoint.Severities(), c.Severity)
	}
	return p
}()
