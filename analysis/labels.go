package analysis

import (
	"github.com/journeymap/journeymap/i18n"
)

// Titles for people of the stable names this package reports: finding
// codes, severities and friction factors, from the catalog of package
// i18n, in the language of a BCP 47 tag (see i18n.Parse: a language
// journeymap does not speak gives English). They are the words the HTML
// page and the command use, so a service that shows findings in its own
// interface can use the same ones.

func words(language string) *i18n.Words {
	lang, _ := i18n.Parse(language)
	return lang.Words()
}

// Title returns the severity's name for people in the language: "Warning",
// or "Cảnh báo" in Vietnamese. A severity this package does not define is
// returned as it is.
func (s Severity) Title(language string) string {
	if !s.Valid() {
		return string(s)
	}
	return i18n.Title(words(language).FindingSeverity(string(s)))
}

// CodeTitle returns a short title for people of a finding code, in the
// language: "Touchpoint without an owner", or "Điểm chạm chưa có người phụ
// trách" in Vietnamese. ok is false for a code this package does not report;
// the code itself is returned then.
func CodeTitle(code, language string) (title string, ok bool) {
	return words(language).Code(code)
}

// FactorTitle returns the name for people of a friction factor (see
// FactorNames), in the language: "support pain", or "điểm đau hỗ trợ" in
// Vietnamese. A name this package does not report is returned as it is.
func FactorTitle(name, language string) string {
	return words(language).Factor(name)
}
