package analysis

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
)

// TestVietnameseNamesEveryEnum: every channel and phase has a Vietnamese
// name, and no word of either language is left empty.
func TestVietnameseNamesEveryEnum(t *testing.T) {
	assert.Len(t, vietnamese.channels, len(channel.Channels()))
	for _, c := range channel.Channels() {
		assert.NotEmpty(t, vietnamese.channels[c], c)
		assert.Equal(t, channelText(string(c)), english.channelName(string(c)))
	}
	assert.Equal(t, "kênh lạ", vietnamese.channelName("kênh_lạ"), "an unknown channel is written as is")
	assert.Equal(t, "từ trang web sang kênh khác", newTexts(nil, &vietnamese).handoffOf("website", "other"))
	for _, ph := range journey.Phases() {
		assert.NotEmpty(t, vietnamese.phaseWords(ph))
	}
	assert.Equal(t, `"someday"`, vietnamese.phaseWords("someday"))
	for _, w := range []*words{&english, &vietnamese} {
		parts := []string{w.noName, w.noObjective, w.noPersonas, w.higher, w.lower, w.emotion, w.dipFrom, w.dipTo, w.handFrom, w.handTo}
		for _, a := range [][]string{w.personaUnserved[:], w.channelMissing[:], w.phases[:], w.whyPhase[:],
			w.noTouchpoints[:], w.singleTouchpoint[:], w.tooManyTouchpoints[:], w.noOwner[:], w.unmeasured[:],
			w.noBackstage[:], w.supportWithoutContact[:], w.unaddressed[:], w.belowTarget[:], w.severities[1:],
			w.categories[:], w.detailSeverities[:]} {
			parts = append(parts, a...)
		}
		for k, p := range parts {
			assert.NotEmpty(t, p, "part %d", k)
		}
	}
}
