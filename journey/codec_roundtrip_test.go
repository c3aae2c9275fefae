package journey_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
)

// roundTripSizes vary the shape of the random journeys.
var roundTripSizes = []randjourney.Options{
	{},
	{Personas: 1, Stages: 1, TouchpointsPerStage: 1, PainPointsPerTouchpoint: 1, Opportunities: 1},
	{Personas: 6, Stages: 8, TouchpointsPerStage: 5, PainPointsPerTouchpoint: 4, Opportunities: 10},
}

// TestRoundTripRandom is the property test: for many random valid journeys j,
// decode(encode(j)) equals j, re-encodes to identical bytes (compact and
// indented), and agrees with what encoding/json decodes from the same bytes.
func TestRoundTripRandom(t *testing.T) {
	n := 300
	if testing.Short() || raceEnabled {
		n = 60
	}
	for seed := range uint64(n) {
		opts := roundTripSizes[seed%uint64(len(roundTripSizes))]
		j := randjourney.Generate(seed, opts)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			compact, err := journey.Marshal(j)
			require.NoError(t, err)

			back, err := journey.Unmarshal(compact)
			require.NoError(t, err)
			assert.Equal(t, j, back, "decode(encode(j)) must equal j")
			again, err := journey.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(compact), string(again), "re-encoding must give identical bytes")
			require.NoError(t, back.Validate())

			indented, err := journey.MarshalIndent(j, "\t")
			require.NoError(t, err)
			fromIndented, err := journey.Unmarshal(indented)
			require.NoError(t, err)
			again, err = journey.Marshal(fromIndented)
			require.NoError(t, err)
			assert.Equal(t, string(compact), string(again), "indented form must decode to the same journey")
			reIndented, err := journey.MarshalIndent(fromIndented, "\t")
			require.NoError(t, err)
			assert.Equal(t, string(indented), string(reIndented))

			// encoding/json, through the struct tags, reads the same bytes into the same values.
			var std journey.Journey
			require.NoError(t, json.Unmarshal(compact, &std))
			assert.Equal(t, *back, std, "strict decoder and encoding/json disagree")
		})
	}
}
