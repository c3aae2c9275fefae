package touchpoint

import (
	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
)

var (
	channelSet = enum.New("channel", channel.Channels()...)
	modeSet    = enum.New("mode", channel.Modes()...)
)

// Validate reports every problem of the support at once, with paths relative
// to it; nil when it is valid. Layer, kind and description are required.
func (s Support) Validate() error {
	var l docerr.List
	layers.Check(&l, "layer", s.Layer, true)
	supportKinds.Check(&l, "kind", s.Kind, true)
	enum.Required(&l, "description", s.Description)
	return l.Err()
}

// Validate reports every problem of the touchpoint and everything it holds
// (pain points, metrics, supports) at once, as a docerr.List whose paths are
// relative to the touchpoint ("emotion", "pain_points[1].severity", ...); nil
// when it is valid. An id, a name and a channel are required; emotion and
// persona_emotions values lie in -2..+2. Whether persona ids refer to
// existing personas is checked by the journey that holds the touchpoint.
func (t *Touchpoint) Validate() error {
	var l docerr.List
	if t.ID == uuid.Nil {
		l.Add("id", docerr.ErrRequired, "id is missing (decoding fills it; in Go use touchpoint.New or set ID)")
	}
	enum.Required(&l, "name", t.Name)
	channelSet.Check(&l, "channel", t.Channel, true)
	modeSet.Check(&l, "mode", t.Mode, false)
	initiators.Check(&l, "initiator", t.Initiator, false)
	if t.Emotion != nil {
		enum.Number(&l, "emotion", *t.Emotion, MinEmotion, MaxEmotion)
	}
	for _, id := range t.PersonaEmotionIDs() {
		enum.Number(&l, docerr.Key("persona_emotions", id.String()), t.PersonaEmotions[id], MinEmotion, MaxEmotion)
	}
	for i, p := range t.PainPoints {
		path := docerr.Index("pain_points", i)
		if p == nil {
			l.Add(path, docerr.ErrRequired, "null entry: remove it or fill it in")
			continue
		}
		l.AddAll(path, p.Validate())
	}
	for i, m := range t.Metrics {
		l.AddAll(docerr.Index("metrics", i), m.Validate())
	}
	for i, s := range t.Supports {
		l.AddAll(docerr.Index("supports", i), s.Validate())
	}
	return l.Err()
}
