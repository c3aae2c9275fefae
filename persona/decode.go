package persona

import (
	"io"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/strictjson"
)

// DecodeOptions are the limits of Decode and UnmarshalOptions. The zero
// value uses the defaults: 16 MiB and 64 levels of nesting.
type DecodeOptions = strictjson.Options

// Namespace is the UUID namespace of the ids filled in standalone persona
// documents: a persona document without an id gets
// uuid.NewSHA1(Namespace, the document's bytes), so the same bytes always
// give the same id.
var Namespace = uuid.MustParse("5d0f7a62-3c1e-4b8e-9a51-2f6c0e4d7b13")

var (
	lifecycleValues = Lifecycles()
	channelValues   = channel.Channels()
)

// Unmarshal decodes a standalone persona document (a persona object at the
// root) with the default limits. See UnmarshalOptions.
func Unmarshal(data []byte) (*Persona, error) { return UnmarshalOptions(data, DecodeOptions{}) }

// Decode reads a standalone persona document from r, reading at most
// opts.MaxBytes+1 bytes. See UnmarshalOptions.
func Decode(r io.Reader, opts DecodeOptions) (*Persona, error) {
	return strictjson.ReadDocument(r, opts, UnmarshalOptions)
}

// UnmarshalOptions decodes a standalone persona document strictly: unknown
// members (outside extensions), duplicate keys, nulls, wrong types, unknown
// enum values, invalid UTF-8 and trailing data are errors. The error is a
// docerr.List of every problem found (up to 100), each with its JSON path
// and a sentinel for errors.Is. A missing id is filled deterministically
// (see Namespace). Decoding does not check what Validate checks (non-blank
// name).
func UnmarshalOptions(data []byte, opts DecodeOptions) (*Persona, error) {
	p, err := strictjson.DecodeDocument(data, opts, DecodeObject)
	if err != nil {
		return nil, err
	}
	if p.ID == uuid.Nil {
		p.ID = uuid.NewSHA1(Namespace, data)
	}
	return p, nil
}

// Member bits for duplicate detection.
const (
	bitID uint64 = 1 << iota
	bitName
	bitDescription
	bitQuote
	bitLifecycle
	bitDemographics
	bitGoals
	bitNeeds
	bitFrustrations
	bitBehaviors
	bitPreferredChannels
	bitExtensions
	bitAgeRange
	bitGender
	bitIncome
	bitLocation
	bitOccupation
)

// DecodeObject reads a persona object from d into p, reporting problems to
// d. It is the building block shared with package journey (the Decoder
// type is internal to journeymap); it leaves a missing id nil.
func DecodeObject(d *strictjson.Decoder, p *Persona) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "id":
			if d.Once(&seen, bitID) {
				p.ID, _ = d.ReadUUID()
			}
		case "name":
			if d.Once(&seen, bitName) {
				p.Name, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bitDescription) {
				p.Description, _ = d.ReadString()
			}
		case "quote":
			if d.Once(&seen, bitQuote) {
				p.Quote, _ = d.ReadString()
			}
		case "lifecycle":
			if d.Once(&seen, bitLifecycle) {
				p.Lifecycle, _ = strictjson.ReadEnum(d, lifecycleValues, ParseLifecycle)
			}
		case "demographics":
			if d.Once(&seen, bitDemographics) {
				dem := new(Demographics)
				if decodeDemographics(d, dem) {
					p.Demographics = dem
				}
			}
		case "goals":
			if d.Once(&seen, bitGoals) {
				p.Goals = d.ReadStrings(p.Goals)
			}
		case "needs":
			if d.Once(&seen, bitNeeds) {
				p.Needs = d.ReadStrings(p.Needs)
			}
		case "frustrations":
			if d.Once(&seen, bitFrustrations) {
				p.Frustrations = d.ReadStrings(p.Frustrations)
			}
		case "behaviors":
			if d.Once(&seen, bitBehaviors) {
				p.Behaviors = d.ReadStrings(p.Behaviors)
			}
		case "preferred_channels":
			if d.Once(&seen, bitPreferredChannels) {
				p.PreferredChannels = strictjson.ReadEnums(d, p.PreferredChannels, channelValues, channel.ParseChannel)
			}
		case "extensions":
			if d.Once(&seen, bitExtensions) {
				p.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
}

func decodeDemographics(d *strictjson.Decoder, m *Demographics) bool {
	if !d.BeginObject() {
		return false
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "age_range":
			if d.Once(&seen, bitAgeRange) {
				m.AgeRange, _ = d.ReadString()
			}
		case "gender":
			if d.Once(&seen, bitGender) {
				m.Gender, _ = d.ReadString()
			}
		case "income":
			if d.Once(&seen, bitIncome) {
				m.Income, _ = d.ReadString()
			}
		case "location":
			if d.Once(&seen, bitLocation) {
				m.Location, _ = d.ReadString()
			}
		case "occupation":
			if d.Once(&seen, bitOccupation) {
				m.Occupation, _ = d.ReadString()
			}
		case "extensions":
			if d.Once(&seen, bitExtensions) {
				m.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
	return true
}
