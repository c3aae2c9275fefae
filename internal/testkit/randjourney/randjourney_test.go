package randjourney_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

func TestGeneratedJourneysAreValid(t *testing.T) {
	for seed := range uint64(100) {
		opts := randjourney.Options{}
		if seed%3 == 1 {
			opts = randjourney.Options{Personas: 1, Stages: 1, TouchpointsPerStage: 1, PainPointsPerTouchpoint: 1, Opportunities: 1}
		}
		j := randjourney.Generate(seed, opts)
		require.NoError(t, j.Validate(), "seed %d", seed)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := journey.Marshal(randjourney.New(42))
	require.NoError(t, err)
	b, err := journey.Marshal(randjourney.New(42))
	require.NoError(t, err)
	c, err := journey.Marshal(randjourney.New(43))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "same seed, same journey")
	assert.NotEqual(t, string(a), string(c), "different seeds, different journeys")
}

func TestSizes(t *testing.T) {
	j := randjourney.Generate(7, randjourney.Options{Personas: 2, Stages: 3, TouchpointsPerStage: 2, PainPointsPerTouchpoint: 1, Opportunities: 5})
	assert.Len(t, j.Personas, 2)
	assert.Len(t, j.Stages, 3)
	assert.Len(t, j.Opportunities, 5)
	for _, s := range j.Stages {
		assert.Len(t, s.Touchpoints, 2)
		for _, tp := range s.Touchpoints {
			assert.LessOrEqual(t, len(tp.PainPoints), 1)
		}
	}
}

func TestOneMB(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		data, err := journey.Marshal(randjourney.Generate(seed, randjourney.OneMB))
		require.NoError(t, err)
		assert.Greater(t, len(data), 900_000, "seed %d", seed)
		assert.Less(t, len(data), 1_300_000, "seed %d", seed)
	}
}

// TestCoverage checks that one default-size journey uses every value of
// every enumeration and the text and extension features the codec must handle.
func TestCoverage(t *testing.T) {
	j := randjourney.Generate(5, randjourney.Options{Stages: 5, TouchpointsPerStage: 4, PainPointsPerTouchpoint: 3, Personas: 8, Opportunities: 8})
	seen := map[string]bool{}
	mark := func(v string) { seen[v] = true }
	mark("type:" + string(j.Type))
	for _, p := range j.Personas {
		if p.Lifecycle != "" {
			mark("lifecycle:" + string(p.Lifecycle))
		}
		for _, c := range p.PreferredChannels {
			mark("preferred:" + string(c))
		}
	}
	var hasExt, hasPersonaEmotions, hasDemographics bool
	for _, p := range j.Personas {
		hasDemographics = hasDemographics || p.Demographics != nil
	}
	for _, s := range j.Stages {
		mark("phase:" + string(s.Phase))
		for _, m := range s.Metrics {
			mark("kind:" + string(m.Kind))
		}
		for _, tp := range s.Touchpoints {
			mark("channel:" + string(tp.Channel))
			if tp.Mode != "" {
				mark("mode:" + string(tp.Mode))
			}
			if tp.Initiator != "" {
				mark("initiator:" + string(tp.Initiator))
			}
			hasExt = hasExt || len(tp.Extensions) > 0
			hasPersonaEmotions = hasPersonaEmotions || len(tp.PersonaEmotions) > 0
			for _, p := range tp.PainPoints {
				mark("category:" + string(p.Category))
				mark("severity:" + string(p.Severity))
			}
			for _, m := range tp.Metrics {
				mark("kind:" + string(m.Kind))
				if m.Better != "" {
					mark("better:" + string(m.Better))
				}
			}
			for _, su := range tp.Supports {
				mark("layer:" + string(su.Layer))
				mark("support:" + string(su.Kind))
			}
		}
	}
	for _, o := range j.Opportunities {
		if o.Status != "" {
			mark("status:" + string(o.Status))
		}
	}
	want := []string{}
	add := func(prefix string, vals []string) {
		for _, v := range vals {
			want = append(want, prefix+v)
		}
	}
	add("channel:", strs(channel.Channels()))
	add("mode:", strs(channel.Modes()))
	add("initiator:", strs(touchpoint.Initiators()))
	add("layer:", strs(touchpoint.Layers()))
	add("support:", strs(touchpoint.SupportKinds()))
	add("category:", strs(painpoint.Categories()))
	add("severity:", strs(painpoint.Severities()))
	add("phase:", strs(journey.Phases()))
	add("status:", strs(journey.Statuses()))
	add("kind:", strs(metric.Kinds()))
	add("better:", strs(metric.Betters()))
	add("lifecycle:", strs(persona.Lifecycles()))
	for _, w := range want {
		assert.True(t, seen[w], "value %s never generated", w)
	}
	assert.True(t, hasExt, "extensions")
	assert.True(t, hasPersonaEmotions, "persona_emotions")
	assert.True(t, hasDemographics, "demographics")

	data, err := journey.Marshal(j)
	require.NoError(t, err)
	for _, s := range []string{"ư", "đ", "📱", `\"`, `\\`, `\n`, `\u2028`, "<b>"} {
		assert.True(t, bytes.Contains(data, []byte(s)) || strings.Contains(string(data), s), "encoding lacks %q", s)
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
