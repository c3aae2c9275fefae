package channel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/channel"
)

func TestDefaultMode(t *testing.T) {
	offline := map[channel.Channel]bool{
		channel.Store: true, channel.Event: true, channel.Print: true, channel.DirectMail: true,
		channel.WordOfMouth: true, channel.Staff: true, channel.Phone: true,
	}
	for _, c := range channel.Channels() {
		want := channel.Online
		if offline[c] {
			want = channel.Offline
		}
		assert.Equal(t, want, c.DefaultMode(), c)
	}
	assert.Len(t, channel.Channels(), 19, "the closed set of the document format")
}

func TestIsContact(t *testing.T) {
	var contacts []channel.Channel
	for _, c := range channel.Channels() {
		if c.IsContact() {
			contacts = append(contacts, c)
		}
	}
	assert.Equal(t, []channel.Channel{channel.Email, channel.Chat, channel.Phone, channel.Store, channel.Staff}, contacts)
}
