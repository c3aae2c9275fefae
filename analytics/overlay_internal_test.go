package analytics

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/metric"
)

func TestOverlayDurationUnits(t *testing.T) {
	tests := []struct {
		d        time.Duration
		en, vi   string
		wantUnit float64
	}{
		{90 * time.Second, "s", "giây", 90},
		{2 * time.Minute, "min", "phút", 2},
		{100*time.Minute + 30*time.Second, "min", "phút", 100.5},
		{2 * time.Hour, "h", "giờ", 2},
		{55*time.Hour + 44*time.Minute, "h", "giờ", 55.73},
		{72 * time.Hour, "days", "ngày", 3},
		{200 * time.Hour, "days", "ngày", 8.33},
	}
	for _, tt := range tests {
		v, unit := readable(&i18n.English.Words().Overlay, tt.d)
		assert.Equal(t, tt.wantUnit, v, "%v", tt.d)
		assert.Equal(t, tt.en, unit, "%v", tt.d)
		_, unit = readable(&i18n.Vietnamese.Words().Overlay, tt.d)
		assert.Equal(t, tt.vi, unit, "%v", tt.d)
	}
}

// TestOverlayInTheJourneysLanguage: the metrics Overlay adds are part of the
// document, so a Vietnamese journey gets Vietnamese names and units, and a
// second overlay still replaces them (matched by kind and source).
func TestOverlayInTheJourneysLanguage(t *testing.T) {
	syn := NewSynthetic(SyntheticConfig{Seed: 3, Customers: 50, Steps: 4, DropOff: 0.2})
	var in bytes.Buffer
	require.NoError(t, syn.WriteCSV(&in))
	res, err := Run(syn.Journey, &in, "csv", Options{Source: "log.csv"})
	require.NoError(t, err)

	j := syn.Journey.Clone()
	j.Language = "vi-VN"
	ov := Overlay(j, res)
	names := func(ms []metric.Metric) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Name+" | "+m.Unit)
		}
		return out
	}
	second := ov.Stages[0].Touchpoints[1].Metrics
	require.Len(t, second, 4)
	assert.Equal(t, "Số khách hàng đến được (đo thực tế) | khách hàng", names(second)[0])
	assert.Equal(t, "Tỷ lệ chuyển sang bước sau (đo thực tế) | %", names(second)[1])
	assert.Equal(t, "Tỷ lệ rời bỏ (đo thực tế) | %", names(second)[2])
	assert.Contains(t, []string{"giây", "phút", "giờ", "ngày"}, second[3].Unit)
	assert.Equal(t, "Thời gian trung vị từ bước trước (đo thực tế)", second[3].Name)
	assert.Equal(t, names(second), names(Overlay(ov, res).Stages[0].Touchpoints[1].Metrics), "a second overlay replaces, not adds")

	// The same journey in English, overlaid on the Vietnamese output,
	// replaces the Vietnamese metrics: they share kind and source.
	ov.Language = "en"
	again := Overlay(ov, res).Stages[0].Touchpoints[1].Metrics
	require.Len(t, again, 4)
	assert.Equal(t, "Customers reached (measured) | customers", names(again)[0])
	require.NoError(t, ov.Validate())
}

// TestPlannedEmotion: each planned touchpoint's deviations carry the
// emotion the journey gives it, copied: changing the journey, a merged
// result or a clone afterwards changes nothing else.
func TestPlannedEmotion(t *testing.T) {
	j := smallJourney()
	j.Stages[0].Touchpoints[0].SetEmotion(-1.5)
	p, err := NewPlan(j, Options{})
	require.NoError(t, err)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := p.AnalyzeSlice([]Event{{Customer: "c", Touchpoint: "a1", Time: at, Emotion: f64(1)}})
	require.NoError(t, err)
	d := res.Deviations.Touchpoints
	require.NotNil(t, d[0].PlannedEmotion)
	assert.Equal(t, -1.5, *d[0].PlannedEmotion)
	assert.Nil(t, d[1].PlannedEmotion, "the journey gives a2 no emotion")

	j.Stages[0].Touchpoints[0].SetEmotion(2)
	assert.Equal(t, -1.5, *d[0].PlannedEmotion, "copied from the journey")

	merged, err := Merge(res, res)
	require.NoError(t, err)
	*merged.Deviations.Touchpoints[0].PlannedEmotion = 0
	assert.Equal(t, -1.5, *d[0].PlannedEmotion, "Merge copies")

	data, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"planned_emotion":-1.5`)
	var back Result
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, -1.5, *back.Deviations.Touchpoints[0].PlannedEmotion)
}

func f64(v float64) *float64 { return &v }
