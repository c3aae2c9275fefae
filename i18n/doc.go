// Package i18n holds every word journeymap writes for people, in every
// language it speaks, and the one rule that picks the language.
//
// # The language
//
// A Language is a language journeymap has words for: English or
// Vietnamese. Resolve picks it once, the same way everywhere (the
// analysis, the renderers, the event analytics, the command): the language
// asked for explicitly (an option, a flag), else the document's own
// language member, else English. Tags are BCP 47 ("vi", "vi-VN", also
// "vi_VN", in any case); a tag journeymap has no words for gives English.
//
// # The catalog
//
// Words returns the catalog of a language: the names of the document's
// enumerations (channels, phases, categories, ...), of finding codes,
// severities and friction factors, the headings of every page and report
// (analysis, diff, funnel), the names of measured metrics, and the
// messages (findings, spreadsheet import problems), each a function of the
// facts it states, so a sentence
// keeps its own word order in every language. Each language is one file
// (en.go, vi.go) that fills a Words; a test checks that every language has
// every word. Adding a language is adding its file and its line in
// Languages.
//
// # Numbers, dates and durations
//
// A Words also writes numbers, per cents, dates and durations the way its
// language does (Format): "1,234.5" and "2026-10-31" in English, "1.234,5"
// and "31/10/2026" in Vietnamese. Machine formats (JSON, CSV, Mermaid) do
// not use this package.
package i18n
