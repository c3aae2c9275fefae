// Package channel defines where a touchpoint happens: the closed set of
// channels (website, store, phone, ...) and whether a channel is online or
// offline. It is a leaf shared by persona (preferred channels) and touchpoint.
package channel

import "github.com/journeymap/journeymap/internal/enum"

// Channel is the medium through which a customer meets the brand.
// Anything not listed is Other.
type Channel string

// The channels of the document format.
const (
	Website     Channel = "website"
	MobileApp   Channel = "mobile_app"
	Email       Channel = "email"
	SMS         Channel = "sms"
	Chat        Channel = "chat"
	Phone       Channel = "phone"
	SocialMedia Channel = "social_media"
	Search      Channel = "search"
	OnlineAds   Channel = "online_ads"
	ReviewSite  Channel = "review_site"
	Marketplace Channel = "marketplace"
	Store       Channel = "store"
	Event       Channel = "event"
	Print       Channel = "print"
	DirectMail  Channel = "direct_mail"
	WordOfMouth Channel = "word_of_mouth"
	Partner     Channel = "partner"
	Staff       Channel = "staff"
	Other       Channel = "other"
)

var channels = enum.New("channel",
	Website, MobileApp, Email, SMS, Chat, Phone, SocialMedia, Search, OnlineAds, ReviewSite,
	Marketplace, Store, Event, Print, DirectMail, WordOfMouth, Partner, Staff, Other)

// Channels returns every channel in documented order.
func Channels() []Channel { return channels.Values() }

// ParseChannel returns s as a Channel, or an error listing the allowed values.
func ParseChannel(s string) (Channel, error) { return channels.Parse(s) }

// Valid reports whether c is one of the defined channels.
func (c Channel) Valid() bool { return channels.Has(c) }

// String returns the channel's document value.
func (c Channel) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (c Channel) MarshalText() ([]byte, error) { return channels.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (c *Channel) UnmarshalText(text []byte) error { return channels.Unmarshal(c, text) }

// DefaultMode is the mode a touchpoint on c has when it does not say:
// Offline for store, event, print, direct mail, word of mouth, staff and
// phone (a voice call is not a web interaction); Online for the rest,
// including partner and other.
func (c Channel) DefaultMode() Mode {
	switch c {
	case Store, Event, Print, DirectMail, WordOfMouth, Staff, Phone:
		return Offline
	default:
		return Online
	}
}

// IsContact reports whether a customer can reach a person for help on c:
// chat, phone, email, store or staff.
func (c Channel) IsContact() bool {
	switch c {
	case Chat, Phone, Email, Store, Staff:
		return true
	}
	return false
}

// Mode says whether a touchpoint happens online or offline.
type Mode string

// The modes of the document format.
const (
	Online  Mode = "online"
	Offline Mode = "offline"
)

var modes = enum.New("mode", Online, Offline)

// Modes returns every mode in documented order.
func Modes() []Mode { return modes.Values() }

// ParseMode returns s as a Mode, or an error listing the allowed values.
func ParseMode(s string) (Mode, error) { return modes.Parse(s) }

// Valid reports whether m is online or offline.
func (m Mode) Valid() bool { return modes.Has(m) }

// String returns the mode's document value.
func (m Mode) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (m Mode) MarshalText() ([]byte, error) { return modes.Marshal(m) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown values are an error.
func (m *Mode) UnmarshalText(text []byte) error { return modes.Unmarshal(m, text) }
