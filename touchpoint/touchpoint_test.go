package touchpoint_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

var (
	lan  = uuid.MustParse("11111111-1111-4111-8111-111111111111")
	minh = uuid.MustParse("22222222-2222-4222-8222-222222222222")
	an   = uuid.MustParse("03333333-3333-4333-8333-333333333333")
)

func TestEffectiveMode(t *testing.T) {
	tp := touchpoint.New("Visits the store", channel.Store)
	assert.Equal(t, channel.Offline, tp.EffectiveMode(), "the channel's default")
	tp.Mode = channel.Online // e.g. a store's live-stream
	assert.Equal(t, channel.Online, tp.EffectiveMode(), "an explicit mode overrides the channel")
}

func TestEmotionFor(t *testing.T) {
	tp := touchpoint.New("Checkout", channel.Website)
	_, ok := tp.EmotionFor(lan)
	assert.False(t, ok, "nothing measured")

	tp.SetEmotion(-1)
	tp.PersonaEmotions = map[uuid.UUID]float64{minh: 2}
	got, ok := tp.EmotionFor(lan)
	assert.True(t, ok)
	assert.Equal(t, -1.0, got, "falls back to the touchpoint's emotion")
	got, _ = tp.EmotionFor(minh)
	assert.Equal(t, 2.0, got, "a persona's own score wins")
}

func TestServes(t *testing.T) {
	tp := touchpoint.New("Ad", channel.OnlineAds)
	assert.True(t, tp.Serves(lan), "empty persona_ids serves everyone")
	tp.PersonaIDs = []uuid.UUID{minh}
	assert.False(t, tp.Serves(lan))
	assert.True(t, tp.Serves(minh))
}

func TestPersonaEmotionIDsAreSorted(t *testing.T) {
	tp := touchpoint.New("Ad", channel.OnlineAds)
	tp.PersonaEmotions = map[uuid.UUID]float64{minh: 1, lan: 0, an: -1}
	for range 20 { // map order varies; the result must not
		assert.Equal(t, []uuid.UUID{an, lan, minh}, tp.PersonaEmotionIDs())
	}
}

func TestAddPainPointKeepsStablePointers(t *testing.T) {
	tp := touchpoint.New("Pays", channel.Website)
	first := tp.AddPainPoint(painpoint.PainPoint{Title: "Fee", Category: painpoint.Financial, Severity: painpoint.High})
	for i := range 50 {
		tp.AddPainPoint(painpoint.New(fmt.Sprint("p", i), painpoint.Process, painpoint.Low))
	}
	first.Evidence = "support tickets"
	assert.Equal(t, "support tickets", tp.PainPoints[0].Evidence, "the returned pointer is the stored pain point")
	assert.NotEqual(t, uuid.Nil, first.ID, "a missing id is generated")
}

func TestValidate(t *testing.T) {
	tp := touchpoint.New("Pays", channel.Website)
	tp.AddPainPoint(painpoint.New("Fee", painpoint.Financial, painpoint.High))
	tp.AddMetric(metric.New("Success", metric.ConversionRate, 0.9))
	tp.Supports = []touchpoint.Support{{Layer: touchpoint.Backstage, Kind: touchpoint.Technology, Description: "Gateway"}}
	require.NoError(t, tp.Validate())

	tp.Channel = "fax"
	tp.PainPoints[0].Severity = ""
	tp.Metrics[0].Name = ""
	tp.Supports[0].Layer = "basement"
	tp.SetEmotion(-2.5)
	err := tp.Validate()
	var list docerr.List
	require.ErrorAs(t, err, &list)
	var paths []string
	for _, e := range list {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"channel", "emotion", "pain_points[0].severity", "metrics[0].name", "supports[0].layer"}, paths)
}
