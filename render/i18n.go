package render

import (
	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
)

// words is the catalog of one language (package i18n) as the renderers
// read it: the page's headings and labels by name, for html.tmpl's
// {{.W.Name}} actions, beside the catalog itself for names of enumerations
// and numbers. It holds no word of its own.
type words struct {
	i18n.PageWords
	cat  *i18n.Words
	Lang string // BCP 47 tag written to the lang attribute
	// Levels names the finding severities (info, warning, critical) for the
	// template, capitalised as a label.
	Levels map[string]string
}

// languageWords holds the words of every language journeymap speaks,
// built once from the catalogs.
var languageWords = func() map[i18n.Language]*words {
	m := make(map[i18n.Language]*words)
	for _, l := range i18n.Languages() {
		cat := l.Words()
		wd := &words{PageWords: cat.Page, cat: cat, Lang: l.String(), Levels: make(map[string]string)}
		for _, s := range analysis.Severities() {
			wd.Levels[string(s)] = i18n.Title(cat.FindingSeverity(string(s)))
		}
		m[l] = wd
	}
	return m
}()

// english is the words of English, the language of last resort.
var english = languageWords[i18n.English]

// wordsFor returns the words of the language i18n.Resolve chooses from an
// explicit option and the document's language member.
func wordsFor(explicit, document string) *words {
	if wd, ok := languageWords[i18n.Resolve(explicit, document)]; ok {
		return wd
	}
	return english
}

// Names of the document's enumerations, capitalised where they stand as a
// label or table cell, in sentence case where they stand in running text.

func (wd *words) typ(v string) string       { return i18n.Title(wd.cat.Type(v)) }
func (wd *words) phase(v string) string     { return i18n.Title(wd.cat.Phase(v)) }
func (wd *words) status(v string) string    { return i18n.Title(wd.cat.Status(v)) }
func (wd *words) channel(v string) string   { return i18n.Title(wd.cat.Channel(v)) }
func (wd *words) mode(v string) string      { return wd.cat.Mode(v) }
func (wd *words) initiator(v string) string { return wd.cat.Initiator(v) }
func (wd *words) layer(v string) string     { return i18n.Title(wd.cat.Layer(v)) }
func (wd *words) kind(v string) string      { return wd.cat.Kind(v) }
func (wd *words) category(v string) string  { return i18n.Title(wd.cat.Category(v)) }
func (wd *words) severity(v string) string  { return i18n.Title(wd.cat.Severity(v)) }
func (wd *words) lifecycle(v string) string { return i18n.Title(wd.cat.Lifecycle(v)) }
func (wd *words) metricKind(v string) string {
	return wd.cat.MetricKind(v)
}
