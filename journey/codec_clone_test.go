package journey_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// scribble overwrites every element of a byte slice in place, so shared
// extension bytes would show in the original.
func scribble(b []byte) {
	for i := range b {
		b[i] = '#'
	}
}

func scribbleStrings(list []string) {
	for i := range list {
		list[i] = "changed"
	}
}

func scribbleIDs(list []uuid.UUID) {
	for i := range list {
		list[i] = uuid.Nil
	}
}

func scribbleMetrics(list []metric.Metric) {
	for i := range list {
		m := &list[i]
		m.Name, m.Value = "changed", 99
		if m.Target != nil {
			*m.Target = 99
		}
		scribble(m.Extensions)
	}
}

// mutate changes every value reachable from j in place, through every
// slice, map and pointer.
func mutate(j *journey.Journey) {
	j.Title = "changed"
	if j.ReviewedAt != nil {
		*j.ReviewedAt = time.Time{}
	}
	scribble(j.Extensions)
	for _, p := range j.Personas {
		p.Name = "changed"
		if p.Demographics != nil {
			p.Demographics.Location = "changed"
			scribble(p.Demographics.Extensions)
		}
		scribbleStrings(p.Goals)
		scribbleStrings(p.Needs)
		scribbleStrings(p.Frustrations)
		scribbleStrings(p.Behaviors)
		for i := range p.PreferredChannels {
			p.PreferredChannels[i] = "changed"
		}
		scribble(p.Extensions)
	}
	for _, s := range j.Stages {
		s.Name = "changed"
		scribbleStrings(s.Questions)
		scribbleMetrics(s.Metrics)
		scribble(s.Extensions)
		for _, t := range s.Touchpoints {
			t.Name = "changed"
			scribbleIDs(t.PersonaIDs)
			scribbleStrings(t.Actions)
			scribbleStrings(t.Thoughts)
			scribbleStrings(t.Feelings)
			scribbleStrings(t.PhysicalEvidence)
			if t.Emotion != nil {
				*t.Emotion = 99
			}
			for id := range t.PersonaEmotions {
				t.PersonaEmotions[id] = 99
			}
			if t.PersonaEmotions != nil {
				t.PersonaEmotions[uuid.New()] = 1
			}
			scribbleMetrics(t.Metrics)
			for i := range t.Supports {
				t.Supports[i].Description = "changed"
				scribble(t.Supports[i].Extensions)
			}
			scribble(t.Extensions)
			for _, p := range t.PainPoints {
				p.Title = "changed"
				scribbleIDs(p.PersonaIDs)
				scribble(p.Extensions)
			}
			t.PainPoints = append(t.PainPoints, &painpoint.PainPoint{Title: "added"})
		}
		s.Touchpoints = append(s.Touchpoints, &touchpoint.Touchpoint{Name: "added"})
	}
	for _, o := range j.Opportunities {
		o.Title = "changed"
		scribbleIDs(o.PainPointIDs)
		scribbleIDs(o.TouchpointIDs)
		scribble(o.Extensions)
	}
	j.Personas = append(j.Personas, &persona.Persona{Name: "added"})
}

func TestCloneIsDeep(t *testing.T) {
	for seed := range uint64(20) {
		j := randjourney.New(seed)
		before, err := journey.Marshal(j)
		require.NoError(t, err)

		c := j.Clone()
		assert.Equal(t, j, c, "seed %d: a clone equals its original", seed)
		mutate(c)

		after, err := journey.Marshal(j)
		require.NoError(t, err, "seed %d", seed)
		assert.Equal(t, string(before), string(after), "seed %d: changing the clone changed the original", seed)

		// And the other way round.
		c2 := j.Clone()
		mutate(j)
		again, err := journey.Marshal(c2)
		require.NoError(t, err)
		assert.Equal(t, string(before), string(again), "seed %d: changing the original changed the clone", seed)
	}
}

func TestCloneNilAndNilEntries(t *testing.T) {
	var j *journey.Journey
	assert.Nil(t, j.Clone())
	j = &journey.Journey{Stages: []*journey.Stage{nil, {Touchpoints: []*touchpoint.Touchpoint{nil}}}, Personas: []*persona.Persona{nil}}
	c := j.Clone()
	assert.Equal(t, j, c)
	assert.NotSame(t, j.Stages[1], c.Stages[1])
}
