package analytics

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestPatternInWords: the words-driven pattern gives, in English, exactly the
// variant's Pattern, folded touchpoints included; so the Vietnamese one,
// built the same way, says the same thing.
func TestPatternInWords(t *testing.T) {
	for _, steps := range []int{5, foldPos + 6} {
		res := noisyResult(t, steps)
		folded := ""
		if len(res.Deviations.Touchpoints) > foldPos {
			folded = fmt.Sprintf(englishText.foldedTouchpoints, foldPos+1)
		}
		kinds := map[string]bool{}
		for _, v := range res.Deviations.Variants {
			assert.Equal(t, v.Pattern, englishText.pattern(&v, folded))
			vi := vietnameseText.pattern(&v, folded)
			for _, english := range []string{"missing", "irregular", "failing", "ad hoc", "as planned", "touchpoints 21+"} {
				assert.NotContains(t, vi, english)
			}
			kinds["missing"] = kinds["missing"] || len(v.Missing) > 0
			kinds["irregular"] = kinds["irregular"] || len(v.Irregular) > 0
			kinds["failing"] = kinds["failing"] || len(v.Failing) > 0
			kinds["adhoc"] = kinds["adhoc"] || v.AdHoc
			if strings.Contains(v.Pattern, folded) && folded != "" {
				kinds["folded"] = true
				assert.Contains(t, vi, "các điểm chạm từ thứ 21 trở đi")
			}
		}
		assert.True(t, kinds["missing"] && kinds["irregular"] && kinds["failing"] && kinds["adhoc"], "the log exercises every kind: %v", kinds)
		if folded != "" {
			assert.True(t, kinds["folded"], "a variant folds touchpoints past %d", foldPos)
		}
	}
}

// TestWriteTextIn: English for any tag but Vietnamese ones, which write the
// same table in Vietnamese words and decimal commas.
func TestWriteTextIn(t *testing.T) {
	res := noisyResult(t, 6)
	var en, other, vi bytes.Buffer
	require.NoError(t, res.WriteText(&en))
	require.NoError(t, res.WriteTextIn(&other, "fr"))
	require.NoError(t, res.WriteTextIn(&vi, "vi-VN"))
	assert.Equal(t, en.String(), other.String())
	assert.Equal(t, strings.Count(en.String(), "\n"), strings.Count(vi.String(), "\n"), "the same lines")
	assert.Contains(t, vi.String(), "Sai lệch so với kế hoạch")
	assert.Contains(t, vi.String(), "(ngoài kế hoạch)")
	assert.Regexp(t, `\d,\d%`, vi.String())
	assert.NotRegexp(t, `\d\.\d%`, vi.String())
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
	for _, lang := range []string{"en", "vi"} {
		var b bytes.Buffer
		require.NoError(t, res.WriteTextIn(&b, lang))
		out := b.String()
		assert.NotContains(t, out, "\x1b", lang)
		assert.NotContains(t, out, "\x07", lang)
		assert.NotContains(t, out, "\u202e", lang)
		assert.Contains(t, out, `adhocx\x1b]0;pwned\x07\x1b[2J\u202ey`, "the escape is visible: %s", lang)
	}
}
