package analytics

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/persona"
)

// noisyResult runs a synthetic log with every kind of deviation over steps
// touchpoints.
func noisyResult(t *testing.T, steps int) *Result {
	t.Helper()
	syn := NewSynthetic(SyntheticConfig{Seed: 7, Customers: 600, Steps: steps, DropOff: 0.05, Noise: 0.15})
	var in bytes.Buffer
	require.NoError(t, syn.WriteCSV(&in))
	res, err := Run(syn.Journey, &in, "csv", Options{Source: "noisy.csv"})
	require.NoError(t, err)
	return res
}

// TestVariantInWords: in English the text says a variant exactly as its
// Pattern, folded touchpoints included; in Vietnamese, built from the same
// parts, it says it with no English word left, the fold in Vietnamese.
func TestVariantInWords(t *testing.T) {
	for _, steps := range []int{5, foldPos + 6} {
		res := noisyResult(t, steps)
		folds := len(res.Deviations.Touchpoints) > foldPos
		en, vi := newTextWriter(io.Discard, i18n.English), newTextWriter(io.Discard, i18n.Vietnamese)
		kinds := map[string]bool{}
		for _, v := range res.Deviations.Variants {
			assert.Equal(t, v.Pattern, en.variant(&v, folds), "English says the Pattern")
			said := vi.variant(&v, folds)
			for _, english := range []string{"missing", "irregular", "failing", "ad hoc", "as planned", "touchpoints 21+"} {
				assert.NotContains(t, said, english)
			}
			kinds["missing"] = kinds["missing"] || len(v.Missing) > 0
			kinds["irregular"] = kinds["irregular"] || len(v.Irregular) > 0
			kinds["failing"] = kinds["failing"] || len(v.Failing) > 0
			kinds["adhoc"] = kinds["adhoc"] || v.AdHoc
			if folds && strings.Contains(v.Pattern, "touchpoints 21+") {
				kinds["folded"] = true
				assert.Contains(t, said, "các điểm chạm từ thứ 21 trở đi")
			}
		}
		assert.True(t, kinds["missing"] && kinds["irregular"] && kinds["failing"] && kinds["adhoc"], "the log exercises every kind: %v", kinds)
		if folds {
			assert.True(t, kinds["folded"], "a variant folds touchpoints past %d", foldPos)
		}
	}
}

// TestWriteTextLanguages: a language journeymap does not speak reads
// English; Vietnamese writes the same lines in Vietnamese words and
// decimal commas.
func TestWriteTextLanguages(t *testing.T) {
	res := noisyResult(t, 6)
	var en, other, vi bytes.Buffer
	require.NoError(t, res.WriteText(&en, i18n.English))
	require.NoError(t, res.WriteText(&other, i18n.Resolve("fr", "")))
	require.NoError(t, res.WriteText(&vi, i18n.Resolve("vi-VN", "")))
	assert.Equal(t, en.String(), other.String())
	assert.Equal(t, strings.Count(en.String(), "\n"), strings.Count(vi.String(), "\n"), "the same lines")
	assert.Contains(t, vi.String(), "Sai lệch so với kế hoạch")
	assert.Contains(t, vi.String(), "(ngoài kế hoạch)")
	assert.Regexp(t, `\d,\d%`, vi.String())
	assert.NotRegexp(t, `\d\.\d%`, vi.String())
}

// TestTextRoutesAndGroups: the funnels per persona and per breakdown value
// are headed by whole sentences of the language; a value is quoted once,
// and a customer without a value or a persona is named by the catalog.
func TestTextRoutesAndGroups(t *testing.T) {
	j := smallJourney()
	j.Personas = append(j.Personas, &persona.Persona{ID: uuid.NewSHA1(uuid.NameSpaceOID, []byte("p")), Name: "Lan"})
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	events := []Event{
		{Customer: "c1", Touchpoint: "a1", Time: at, Persona: "Lan", Breakdown: "north"},
		{Customer: "c2", Touchpoint: "a1", Time: at},
		{Customer: "c2", Touchpoint: "a2", Time: at.Add(time.Hour)},
	}
	p, err := NewPlan(j, Options{Source: "log", Columns: Columns{Breakdown: "region"}})
	require.NoError(t, err)
	res, err := p.AnalyzeSlice(events)
	require.NoError(t, err)
	for _, tc := range []struct {
		lang i18n.Language
		want []string
		why  string
	}{
		{i18n.English, []string{
			"\nRoute of Lan: 1 customer\n", "\nRoute of customers without a persona: 1 customer\n",
			"\nBy region: \"north\", 1 customer\n", "\nBy region: (none), 1 customer\n",
		}, "English sentences, one customer in the singular, the value quoted once"},
		{i18n.Vietnamese, []string{
			"\nLộ trình của Lan: 1 khách hàng\n", "\nLộ trình của khách hàng không rõ chân dung: 1 khách hàng\n",
			"\nTheo region: \"north\", 1 khách hàng\n", "\nTheo region: (trống), 1 khách hàng\n",
		}, "Vietnamese sentences in their own order"},
	} {
		var b bytes.Buffer
		require.NoError(t, res.WriteText(&b, tc.lang))
		for _, w := range tc.want {
			assert.Contains(t, b.String(), w, tc.why)
		}
	}
}

// TestTextEscapesUserStrings: touchpoint names, ad-hoc keys, persona names,
// breakdown columns and values, and the source reach the terminal with
// their control characters escaped, in every section of the report.
func TestTextEscapesUserStrings(t *testing.T) {
	const evil = "x\x1b]0;pwned\x07\x1b[2J\u202ey"
	j := smallJourney()
	j.Stages[0].Touchpoints[0].Name = "a1" + evil
	j.Personas = append(j.Personas, &persona.Persona{ID: uuid.NewSHA1(uuid.NameSpaceOID, []byte("p")), Name: "P" + evil})
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	events := []Event{
		{Customer: "c1", Touchpoint: "a1" + evil, Time: at, Persona: "P" + evil, Breakdown: "seg" + evil},
		{Customer: "c1", Touchpoint: "adhoc" + evil, Time: at.Add(time.Second), Persona: "P" + evil},
		{Customer: "c2", Touchpoint: "a1" + evil, Time: at},
		{Customer: "c2", Touchpoint: "a2", Time: at.Add(time.Hour)},
	}
	p, err := NewPlan(j, Options{Source: "src" + evil, Columns: Columns{Breakdown: "col" + evil}})
	require.NoError(t, err)
	res, err := p.AnalyzeSlice(events)
	require.NoError(t, err)
	require.NotEmpty(t, res.Personas, "the persona funnel is written")
	require.NotNil(t, res.Breakdown, "the breakdown is written")
	for _, lang := range i18n.Languages() {
		var b bytes.Buffer
		require.NoError(t, res.WriteText(&b, lang))
		out := b.String()
		assert.NotContains(t, out, "\x1b", lang.String())
		assert.NotContains(t, out, "\x07", lang.String())
		assert.NotContains(t, out, "\u202e", lang.String())
		assert.Contains(t, out, `adhocx\x1b]0;pwned\x07\x1b[2J\u202ey`, "the escape is visible: %s", lang)
	}
}

// TestTextCountsBadRowsByReason: when not every bad row is listed, or they
// are of several kinds, the text counts them per reason in the reader's
// language; a single listed row needs no count.
func TestTextCountsBadRowsByReason(t *testing.T) {
	p, err := NewPlan(smallJourney(), Options{Source: "log", MaxBadRows: MaxBadRows(10)})
	require.NoError(t, err)
	for _, tc := range []struct {
		name, csv string
		lang      i18n.Language
		want      []string
		not       []string
		why       string
	}{
		{"two reasons", "customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\nc1,,2026-01-01T00:00:00Z\nc2,a1,yesterday\n",
			i18n.English, []string{"\n  1 row without a touchpoint\n", "\n  1 row with a time in no accepted form\n"}, nil,
			"two kinds of bad row are counted per kind"},
		{"two reasons in Vietnamese", "customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\nc1,,2026-01-01T00:00:00Z\nc2,a1,yesterday\n",
			i18n.Vietnamese, []string{"\n  1 dòng thiếu điểm chạm\n", "\n  1 dòng có thời gian không đúng dạng nào được chấp nhận\n"}, nil,
			"the counts are Vietnamese sentences"},
		{"one listed row", "customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\nc2,a1,yesterday\n",
			i18n.English, nil, []string{"1 row with a time"}, "a single listed row is not counted again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := p.ReadCSV(strings.NewReader(tc.csv))
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, res.WriteText(&b, tc.lang))
			for _, w := range tc.want {
				assert.Contains(t, b.String(), w, tc.why)
			}
			for _, w := range tc.not {
				assert.NotContains(t, b.String(), w, tc.why)
			}
		})
	}
}
