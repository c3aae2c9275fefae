package render

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// hasAll asserts that m has a non-empty word for every value.
func hasAll[K ~string](t *testing.T, lang, name string, m map[K]string, values []K) {
	t.Helper()
	for _, v := range values {
		assert.NotEmpty(t, m[v], "%s: %s has no word for %q", lang, name, v)
	}
	assert.Len(t, m, len(values), "%s: %s has words for values that do not exist", lang, name)
}

func TestWordsAreComplete(t *testing.T) {
	for _, wd := range []*words{&english, &vietnamese} {
		lang := wd.Lang
		v := reflect.ValueOf(wd).Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.String {
				assert.NotEmpty(t, f.String(), "%s: word %s is empty", lang, v.Type().Field(i).Name)
			}
		}
		hasAll(t, lang, "Types", wd.Types, journey.Types())
		hasAll(t, lang, "Phases", wd.Phases, journey.Phases())
		hasAll(t, lang, "Statuses", wd.Statuses, journey.Statuses())
		hasAll(t, lang, "Channels", wd.Channels, channel.Channels())
		hasAll(t, lang, "Modes", wd.Modes, channel.Modes())
		hasAll(t, lang, "Initiators", wd.Initiators, touchpoint.Initiators())
		hasAll(t, lang, "Layers", wd.Layers, touchpoint.Layers())
		hasAll(t, lang, "Kinds", wd.Kinds, touchpoint.SupportKinds())
		hasAll(t, lang, "Categories", wd.Categories, painpoint.Categories())
		hasAll(t, lang, "Severities", wd.Severities, painpoint.Severities())
		hasAll(t, lang, "Lifecycles", wd.Lifecycles, persona.Lifecycles())
		hasAll(t, lang, "MetricKinds", wd.MetricKinds, metric.Kinds())
		levels := make([]string, 0, 3)
		for _, s := range analysis.Severities() {
			levels = append(levels, string(s))
		}
		hasAll(t, lang, "Levels", wd.Levels, levels)
	}
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
	groups := findingGroups(&english, indexJourney(&journey.Journey{}), findings)
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
	assert.Empty(t, findingGroups(&english, indexJourney(&journey.Journey{}), nil))
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
		metricText(&english, m))
	assert.Equal(t, "Monthly revenue: 187.500.000,5 VND (tùy chỉnh; Mục tiêu 250.000.000 VND, chưa đạt mục tiêu; càng cao càng tốt)",
		metricText(&vietnamese, m))
}
