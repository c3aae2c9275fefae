package hostile_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/hostile"
)

func TestEntries(t *testing.T) {
	entries := hostile.Entries()
	require.Greater(t, len(entries), 100)
	seen := map[string]bool{}
	for _, e := range entries {
		assert.NotEmpty(t, e.ID)
		assert.False(t, seen[e.ID], "duplicate id %q", e.ID)
		seen[e.ID] = true
		assert.True(t, utf8.ValidString(e.Text), e.ID)
		assert.NotEmpty(t, strings.TrimSpace(e.Text), "%s is blank", e.ID)
	}
	last := entries[len(entries)-1]
	assert.Equal(t, "long-100k", last.ID)
	assert.Len(t, last.Text, hostile.LongLabelSize)
	assert.Equal(t, len(entries), len(hostile.Labels()))
}

// TestCorpusCoversDesignBreakers checks that every Mermaid breaker named above
// is in the corpus, so no later edit silently loses one.
func TestCorpusCoversDesignBreakers(t *testing.T) {
	all := strings.Join(hostile.Labels(), "\x00")
	for _, want := range []string{
		":", ";", "#", "%", "%%{init:", "#58;", "&lt;", "title ", "section ", "journey",
		"accDescr {", ",", "<br>", "\n", "<script>", "\u202e", "\u200b", "javascript:",
		"onerror=", "<svg", "style=", "=HYPERLINK", "Nguyễn", "😀", "\x1b", "\u0085",
	} {
		assert.Contains(t, all, want)
	}
}

func TestJourneyIsValidAndCarriesEveryLabel(t *testing.T) {
	j := hostile.Journey()
	require.NoError(t, j.Validate())
	labels := hostile.Labels()
	require.Len(t, j.Stages, len(labels))
	require.Len(t, j.Personas, len(labels))
	for i, label := range labels {
		s := j.Stages[i]
		tp := s.Touchpoints[0]
		assert.Equal(t, label, s.Name)
		assert.Equal(t, label, tp.Name)
		assert.Equal(t, label, tp.PainPoints[0].Title)
		assert.Equal(t, label, tp.Supports[0].Description)
		assert.Equal(t, label, j.Personas[i].Name)
		assert.Equal(t, label, j.Opportunities[i].Title)
		assert.Contains(t, j.Title, label)
	}
	assert.Equal(t, hostile.Journey(), j, "deterministic")
}

func TestJourneyFor(t *testing.T) {
	for _, e := range hostile.Entries() {
		j := hostile.JourneyFor(e.Text)
		require.NoError(t, j.Validate(), e.ID)
		assert.Equal(t, e.Text, j.Title)
		assert.Equal(t, e.Text, j.Stages[2].Touchpoints[0].Actions[0])
	}
}
