package journey

import (
	"bytes"
	"maps"
	"slices"

	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// Clone returns a deep copy of j: no slice, map, pointer or extension bytes
// are shared, so the copy can be changed freely. Nil entries stay nil.
// Clone of nil is nil.
func (j *Journey) Clone() *Journey {
	if j == nil {
		return nil
	}
	c := *j
	if j.ReviewedAt != nil {
		t := *j.ReviewedAt
		c.ReviewedAt = &t
	}
	if j.Personas != nil {
		c.Personas = make([]*persona.Persona, len(j.Personas))
		for i, p := range j.Personas {
			c.Personas[i] = p.Clone()
		}
	}
	if j.Stages != nil {
		c.Stages = make([]*Stage, len(j.Stages))
		for i, s := range j.Stages {
			c.Stages[i] = s.Clone()
		}
	}
	if j.Opportunities != nil {
		c.Opportunities = make([]*Opportunity, len(j.Opportunities))
		for i, o := range j.Opportunities {
			c.Opportunities[i] = o.Clone()
		}
	}
	c.Extensions = bytes.Clone(j.Extensions)
	return &c
}

// Clone returns a deep copy of s (see Journey.Clone). Clone of nil is nil.
func (s *Stage) Clone() *Stage {
	if s == nil {
		return nil
	}
	c := *s
	c.Questions = slices.Clone(s.Questions)
	if s.Touchpoints != nil {
		c.Touchpoints = make([]*touchpoint.Touchpoint, len(s.Touchpoints))
		for i, t := range s.Touchpoints {
			c.Touchpoints[i] = cloneTouchpoint(t)
		}
	}
	c.Metrics = cloneMetrics(s.Metrics)
	c.Extensions = bytes.Clone(s.Extensions)
	return &c
}

// Clone returns a deep copy of o (see Journey.Clone). Clone of nil is nil.
func (o *Opportunity) Clone() *Opportunity {
	if o == nil {
		return nil
	}
	c := *o
	c.PainPointIDs = slices.Clone(o.PainPointIDs)
	c.TouchpointIDs = slices.Clone(o.TouchpointIDs)
	c.Extensions = bytes.Clone(o.Extensions)
	return &c
}

func cloneTouchpoint(t *touchpoint.Touchpoint) *touchpoint.Touchpoint {
	if t == nil {
		return nil
	}
	c := *t
	c.PersonaIDs = slices.Clone(t.PersonaIDs)
	c.Actions = slices.Clone(t.Actions)
	c.Thoughts = slices.Clone(t.Thoughts)
	c.Feelings = slices.Clone(t.Feelings)
	if t.Emotion != nil {
		e := *t.Emotion
		c.Emotion = &e
	}
	c.PersonaEmotions = maps.Clone(t.PersonaEmotions)
	if t.PainPoints != nil {
		c.PainPoints = make([]*painpoint.PainPoint, len(t.PainPoints))
		for i, p := range t.PainPoints {
			c.PainPoints[i] = p.Clone()
		}
	}
	c.Metrics = cloneMetrics(t.Metrics)
	if t.Supports != nil {
		c.Supports = make([]touchpoint.Support, len(t.Supports))
		for i, s := range t.Supports {
			s.Extensions = bytes.Clone(s.Extensions)
			c.Supports[i] = s
		}
	}
	c.PhysicalEvidence = slices.Clone(t.PhysicalEvidence)
	c.Extensions = bytes.Clone(t.Extensions)
	return &c
}

func cloneMetrics(list []metric.Metric) []metric.Metric {
	if list == nil {
		return nil
	}
	out := make([]metric.Metric, len(list))
	for i, m := range list {
		if m.Target != nil {
			t := *m.Target
			m.Target = &t
		}
		m.Extensions = bytes.Clone(m.Extensions)
		out[i] = m
	}
	return out
}
