package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
)

// vietnamese is the words of Vietnamese, for tests that compare languages.
var vietnamese = languageWords[i18n.Vietnamese]

func TestWordsCoverEveryLanguage(t *testing.T) {
	for _, l := range i18n.Languages() {
		wd := wordsFor(string(l), "")
		require.NotNil(t, wd, "%s has words: a page template is built for it", l)
		assert.Equal(t, l.String(), wd.Lang, "the lang attribute is the language's tag")
		assert.Same(t, wd, wordsFor("", string(l)), "the document's language is used when no option is set")
		assert.NotNil(t, htmlTemplates[wd], "%s has a page template", l)
		for _, s := range analysis.Severities() {
			assert.NotEmpty(t, wd.Levels[string(s)], "%s names the finding severity %s", l, s)
		}
	}
	assert.Same(t, english, wordsFor("", "fr"), "a language without words gets English")
	assert.Same(t, vietnamese, wordsFor("vi-VN", "en"), "the option wins over the document")
}

func TestFindingGroups(t *testing.T) {
	findings := []analysis.Finding{
		{Code: analysis.CodeNoOwner, Severity: analysis.Warning, Path: "stages[0].touchpoints[0]", Message: "a"},
		{Code: "custom.check", Severity: analysis.Critical, Path: "stages[0]", Message: "b"},
		{Code: analysis.CodeUnaddressed, Severity: analysis.Critical, Path: "stages[1].touchpoints[0].pain_points[0]", Message: "c"},
		{Code: analysis.CodeNoOwner, Severity: analysis.Warning, Path: "stages[2].touchpoints[1]", Message: "d"},
		{Code: analysis.CodeNoObjective, Severity: analysis.Info, Message: "e"},
		{Code: analysis.CodeNoPersonas, Severity: "odd", Message: "f"},
	}
	groups := findingGroups(english, indexJourney(&journey.Journey{}), findings)
	type summary struct {
		Severity, Title, Code string
		Messages              []string
	}
	var got []summary
	for _, g := range groups {
		s := summary{Severity: g.Severity, Title: g.Title, Code: g.Code}
		for _, r := range g.Rows {
			s.Messages = append(s.Messages, r.Message)
		}
		got = append(got, s)
	}
	assert.Equal(t, []summary{
		// Critical first: known codes in analysis.Codes order, then unknown codes.
		{"critical", "Pain point no opportunity addresses (1)", analysis.CodeUnaddressed, []string{"c"}},
		{"critical", "custom.check (1)", "", []string{"b"}},
		// Within a group the findings keep their order.
		{"warning", "Touchpoint without an owner (2)", analysis.CodeNoOwner, []string{"a", "d"}},
		{"info", "Journey without an objective (1)", analysis.CodeNoObjective, []string{"e"}},
		// A severity the library does not know comes last, shown as written.
		{"odd", "Journey without personas (1)", analysis.CodeNoPersonas, []string{"f"}},
	}, got)
	assert.True(t, groups[0].Critical)
	assert.True(t, groups[2].Warning)
	assert.True(t, groups[3].Info)
	assert.False(t, groups[4].Critical || groups[4].Warning || groups[4].Info)
	assert.Empty(t, findingGroups(english, indexJourney(&journey.Journey{}), nil))
}

// TestFactorWords checks that the factor names in the examples' reports are
// among those package analysis names for people.
func TestFactorWords(t *testing.T) {
	names := analysis.FactorNames()
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		j, err := journey.Unmarshal(data)
		require.NoError(t, err, f)
		for _, s := range analysis.Analyze(j, analysis.Options{}).Friction.Stages {
			for _, tp := range s.Touchpoints {
				for _, f := range tp.Factors {
					assert.Contains(t, names, f.Name)
				}
			}
		}
	}
}

func TestMetricTextWritesNumbersForPeople(t *testing.T) {
	m := metric.New("Monthly revenue", metric.Custom, 187500000.5).WithTarget(250000000)
	m.Unit = "VND"
	assert.Equal(t, "Monthly revenue: 187,500,000.5 VND (custom; Target 250,000,000 VND, target missed; higher is better)",
		metricText(english, m))
	assert.Equal(t, "Monthly revenue: 187.500.000,5 VND (tùy chỉnh; Mục tiêu 250.000.000 VND, chưa đạt mục tiêu; càng cao càng tốt)",
		metricText(vietnamese, m))
}
