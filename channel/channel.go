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
	Website     Channel = "website"       // the brand's own website
	MobileApp   Channel = "mobile_app"    // the brand's app on a phone or tablet
	Email       Channel = "email"         // email: newsletters, receipts, support mail
	SMS         Channel = "sms"           // text messages, including Zalo/OTT notifications sent as SMS
	Chat        Channel = "chat"          // live chat or messenger with a person or a bot
	Phone       Channel = "phone"         // a voice call: hotline, call centre, sales call
	SocialMedia Channel = "social_media"  // Facebook, TikTok, Instagram, Zalo and other social networks
	Search      Channel = "search"        // a search engine result
	OnlineAds   Channel = "online_ads"    // paid display, search or video ads
	ReviewSite  Channel = "review_site"   // reviews and ratings on third-party sites
	Marketplace Channel = "marketplace"   // an online marketplace such as Shopee, Lazada or Amazon
	Store       Channel = "store"         // a physical shop, branch or showroom
	Event       Channel = "event"         // a trade fair, workshop, launch or webinar held in person
	Print       Channel = "print"         // catalogues, flyers, posters, print ads
	DirectMail  Channel = "direct_mail"   // letters and parcels posted to the customer
	WordOfMouth Channel = "word_of_mouth" // friends, family and colleagues talking
	Partner     Channel = "partner"       // a reseller, agent or other partner of the brand
	Staff       Channel = "staff"         // a conversation with the brand's staff in person
	Other       Channel = "other"         // any other channel
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
	Online  Mode = "online"  // happens on a screen or over the internet
	Offline Mode = "offline" // happens in person, on paper or by voice
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
