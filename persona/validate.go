package persona

import (
	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/enum"
)

var channelSet = enum.New("channel", channel.Channels()...)

// Validate reports every problem of the persona at once, as a docerr.List
// whose paths are relative to the persona ("name", "preferred_channels[1]",
// ...); nil when it is valid. An id and a name are required; lifecycle and
// preferred channels must be known values.
func (p *Persona) Validate() error {
	var l docerr.List
	if p.ID == uuid.Nil {
		l.Add("id", docerr.ErrRequired, "id is missing (decoding fills it; in Go use persona.New or set ID)")
	}
	enum.Required(&l, "name", p.Name)
	lifecycles.Check(&l, "lifecycle", p.Lifecycle, false)
	for i, c := range p.PreferredChannels {
		channelSet.Check(&l, docerr.Index("preferred_channels", i), c, true)
	}
	return l.Err()
}
