package journey

import (
	"fmt"
	"io"
	"strconv"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/strictjson"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// DecodeOptions are the limits of Decode and UnmarshalOptions:
//
//   - MaxBytes, the largest document accepted; zero means 16 MiB;
//   - MaxDepth, the deepest nesting of objects and arrays, the root object
//     counting as 1 and extensions included; zero means 64.
//
// The zero value is the defaults, which suit documents from a web request.
type DecodeOptions = strictjson.Options

// Namespace is the UUID namespace of the journey ids filled on decode: a
// document without an id gets uuid.NewSHA1(Namespace, the document's
// bytes). Every object below it without an id gets uuid.NewSHA1(journey id,
// its JSON path), for example "stages[0].touchpoints[1]". The same bytes
// always give the same ids.
var Namespace = uuid.MustParse("0b8e3f6c-9a47-4d21-b5e3-7c1f2a6d8e90")

var (
	typeValues      = Types()
	phaseValues     = Phases()
	statusValues    = Statuses()
	channelValues   = channel.Channels()
	modeValues      = channel.Modes()
	initiatorValues = touchpoint.Initiators()
	layerValues     = touchpoint.Layers()
	supportValues   = touchpoint.SupportKinds()
	kindValues      = metric.Kinds()
	betterValues    = metric.Betters()

	errMissingVersion = fmt.Errorf("%w: %w", docerr.ErrRequired, docerr.ErrSchemaVersion)
)

// Unmarshal decodes a journey document with the default limits (16 MiB,
// 64 levels). See UnmarshalOptions.
func Unmarshal(data []byte) (*Journey, error) { return UnmarshalOptions(data, DecodeOptions{}) }

// Decode reads a journey document from r, reading at most opts.MaxBytes+1
// bytes (a larger document is an error wrapping ErrTooLarge without
// reading the rest). See UnmarshalOptions.
func Decode(r io.Reader, opts DecodeOptions) (*Journey, error) {
	return strictjson.ReadDocument(r, opts, UnmarshalOptions)
}

// UnmarshalOptions decodes a journey document strictly, as suits untrusted
// input. Problems are returned as a docerr.List (up to 100 of them), each
// with its JSON path and a sentinel for errors.Is:
//
//   - fatal, stopping at the first: ErrTooLarge, ErrSyntax, ErrTooDeep,
//     ErrInvalidUTF8 (also unpaired UTF-16 surrogate escapes),
//     ErrTrailingData;
//   - collected, decoding goes on: ErrUnknownField (any member the format
//     does not define, except inside extensions, which are kept
//     byte-for-byte), ErrDuplicateKey (in any object, extensions
//     included), ErrType (a wrong JSON type; null anywhere), ErrEnum,
//     ErrInvalid (a UUID not in the 36-character form, the nil UUID, a time
//     not in RFC 3339), ErrRange (a number beyond float64 or int; an explicit
//     0 for impact, effort or review_every_days, which Go could not tell from
//     absent), ErrRequired (a missing metric value), ErrSchemaVersion (a
//     missing or unsupported schema_version).
//
// A schema_version newer than SchemaVersion returns only one error, wrapping
// ErrSchemaVersion, that says so: a newer document is expected to have
// members this version does not know.
//
// Missing ids are filled deterministically (see Namespace). Decoding checks
// the form of the document, not its meaning: call Validate for required
// names, ranges, duplicate ids and references.
func UnmarshalOptions(data []byte, opts DecodeOptions) (*Journey, error) {
	d, err := strictjson.NewDecoder(data, opts)
	if err != nil {
		return nil, err
	}
	j := new(Journey)
	newer := decodeJourney(d, j)
	d.Finish()
	if newer > SchemaVersion {
		return nil, docerr.List{docerr.New("schema_version", docerr.ErrSchemaVersion, fmt.Sprintf(
			"document has schema_version %d, newer than this library supports (%d): upgrade journeymap to read it",
			newer, SchemaVersion))}
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	if j.ID == uuid.Nil {
		j.ID = uuid.NewSHA1(Namespace, data)
	}
	j.fillChildIDs()
	return j, nil
}

// FillIDs gives every object without an id (nil) a deterministic one, by
// the rule decoding uses (see Namespace): children get uuid.NewSHA1(journey
// id, JSON path). A journey without an id gets uuid.NewSHA1(Namespace, its
// canonical encoding), or of its title if it cannot be encoded. Objects
// that have an id keep it.
func (j *Journey) FillIDs() {
	if j.ID == uuid.Nil {
		data, err := Marshal(j)
		if err != nil {
			data = []byte(j.Title)
		}
		j.ID = uuid.NewSHA1(Namespace, data)
	}
	j.fillChildIDs()
}

func (j *Journey) fillChildIDs() {
	root := j.ID
	var buf []byte
	path := func(parts ...any) []byte {
		buf = buf[:0]
		for _, p := range parts {
			switch p := p.(type) {
			case string:
				if len(buf) > 0 {
					buf = append(buf, '.')
				}
				buf = append(buf, p...)
			case int:
				buf = append(buf, '[')
				buf = strconv.AppendInt(buf, int64(p), 10)
				buf = append(buf, ']')
			}
		}
		return buf
	}
	for i, p := range j.Personas {
		if p != nil && p.ID == uuid.Nil {
			p.ID = uuid.NewSHA1(root, path("personas", i))
		}
	}
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		if s.ID == uuid.Nil {
			s.ID = uuid.NewSHA1(root, path("stages", i))
		}
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if t.ID == uuid.Nil {
				t.ID = uuid.NewSHA1(root, path("stages", i, "touchpoints", k))
			}
			for m, p := range t.PainPoints {
				if p != nil && p.ID == uuid.Nil {
					p.ID = uuid.NewSHA1(root, path("stages", i, "touchpoints", k, "pain_points", m))
				}
			}
		}
	}
	for i, o := range j.Opportunities {
		if o != nil && o.ID == uuid.Nil {
			o.ID = uuid.NewSHA1(root, path("opportunities", i))
		}
	}
}

// Member bits for duplicate detection, one set per object type.
const (
	bSchemaVersion uint64 = 1 << iota
	bID
	bTitle
	bDescription
	bType
	bObjective
	bLanguage
	bOwner
	bReviewedAt
	bReviewEveryDays
	bPersonas
	bStages
	bOpportunities
	bExtensions
	bName
	bPhase
	bCustomerGoal
	bQuestions
	bTouchpoints
	bMetrics
	bChannel
	bMode
	bInitiator
	bPersonaIDs
	bActions
	bThoughts
	bFeelings
	bEmotion
	bPersonaEmotions
	bPainPoints
	bSupports
	bPhysicalEvidence
	bLayer
	bKind
	bPainPointIDs
	bTouchpointIDs
	bStatus
	bImpact
	bEffort
	bValue
	bTarget
	bUnit
	bBetter
	bSource
)

// decodeJourney reads the root object into j and returns the
// schema_version read (0 when absent or unreadable).
func decodeJourney(d *strictjson.Decoder, j *Journey) (version int) {
	if !d.BeginObject() {
		return 0
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "schema_version":
			if d.Once(&seen, bSchemaVersion) {
				if v, ok := d.ReadInt(); ok {
					version = v
					j.SchemaVersion = v
					if v < SchemaVersion {
						d.Fail(docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d is not supported (this library reads version %d)", v, SchemaVersion))
					}
				}
			}
		case "id":
			if d.Once(&seen, bID) {
				j.ID, _ = d.ReadUUID()
			}
		case "title":
			if d.Once(&seen, bTitle) {
				j.Title, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bDescription) {
				j.Description, _ = d.ReadString()
			}
		case "type":
			if d.Once(&seen, bType) {
				j.Type, _ = strictjson.ReadEnum(d, typeValues, ParseType)
			}
		case "objective":
			if d.Once(&seen, bObjective) {
				j.Objective, _ = d.ReadString()
			}
		case "language":
			if d.Once(&seen, bLanguage) {
				j.Language, _ = d.ReadString()
			}
		case "owner":
			if d.Once(&seen, bOwner) {
				j.Owner, _ = d.ReadString()
			}
		case "reviewed_at":
			if d.Once(&seen, bReviewedAt) {
				if t, ok := d.ReadTime(); ok {
					j.ReviewedAt = &t
				}
			}
		case "review_every_days":
			if d.Once(&seen, bReviewEveryDays) {
				j.ReviewEveryDays = readPositive(d, "review_every_days", "at least 1")
			}
		case "personas":
			if d.Once(&seen, bPersonas) && d.BeginArray() {
				for d.NextElem() {
					p := new(persona.Persona)
					persona.DecodeObject(d, p)
					j.Personas = append(j.Personas, p)
				}
				d.EndArray()
			}
		case "stages":
			if d.Once(&seen, bStages) && d.BeginArray() {
				for d.NextElem() {
					s := new(Stage)
					decodeStage(d, s)
					j.Stages = append(j.Stages, s)
				}
				d.EndArray()
			}
		case "opportunities":
			if d.Once(&seen, bOpportunities) && d.BeginArray() {
				for d.NextElem() {
					o := new(Opportunity)
					decodeOpportunity(d, o)
					j.Opportunities = append(j.Opportunities, o)
				}
				d.EndArray()
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				j.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	if seen&bSchemaVersion == 0 {
		d.FailMember("schema_version", errMissingVersion, fmt.Sprintf("schema_version is required (this library reads version %d)", SchemaVersion))
	}
	d.EndObject()
	return version
}

// readPositive reads an integer that, when given, must not be 0: in Go 0
// means absent, so an explicit 0 would be silently dropped. Other ranges
// are Validate's.
func readPositive(d *strictjson.Decoder, name, want string) int {
	v, ok := d.ReadInt()
	if ok && v == 0 {
		d.Fail(docerr.ErrRange, fmt.Sprintf("%s 0 is out of range: must be %s (leave %s out when not given)", name, want, name))
	}
	return v
}

func decodeStage(d *strictjson.Decoder, s *Stage) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "id":
			if d.Once(&seen, bID) {
				s.ID, _ = d.ReadUUID()
			}
		case "name":
			if d.Once(&seen, bName) {
				s.Name, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bDescription) {
				s.Description, _ = d.ReadString()
			}
		case "phase":
			if d.Once(&seen, bPhase) {
				s.Phase, _ = strictjson.ReadEnum(d, phaseValues, ParsePhase)
			}
		case "customer_goal":
			if d.Once(&seen, bCustomerGoal) {
				s.CustomerGoal, _ = d.ReadString()
			}
		case "questions":
			if d.Once(&seen, bQuestions) {
				s.Questions = d.ReadStrings(s.Questions)
			}
		case "touchpoints":
			if d.Once(&seen, bTouchpoints) && d.BeginArray() {
				for d.NextElem() {
					t := new(touchpoint.Touchpoint)
					decodeTouchpoint(d, t)
					s.Touchpoints = append(s.Touchpoints, t)
				}
				d.EndArray()
			}
		case "metrics":
			if d.Once(&seen, bMetrics) {
				s.Metrics = decodeMetrics(d, s.Metrics)
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				s.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
}

func decodeTouchpoint(d *strictjson.Decoder, t *touchpoint.Touchpoint) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "id":
			if d.Once(&seen, bID) {
				t.ID, _ = d.ReadUUID()
			}
		case "name":
			if d.Once(&seen, bName) {
				t.Name, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bDescription) {
				t.Description, _ = d.ReadString()
			}
		case "channel":
			if d.Once(&seen, bChannel) {
				t.Channel, _ = strictjson.ReadEnum(d, channelValues, channel.ParseChannel)
			}
		case "mode":
			if d.Once(&seen, bMode) {
				t.Mode, _ = strictjson.ReadEnum(d, modeValues, channel.ParseMode)
			}
		case "initiator":
			if d.Once(&seen, bInitiator) {
				t.Initiator, _ = strictjson.ReadEnum(d, initiatorValues, touchpoint.ParseInitiator)
			}
		case "owner":
			if d.Once(&seen, bOwner) {
				t.Owner, _ = d.ReadString()
			}
		case "persona_ids":
			if d.Once(&seen, bPersonaIDs) {
				t.PersonaIDs = d.ReadUUIDs(t.PersonaIDs)
			}
		case "actions":
			if d.Once(&seen, bActions) {
				t.Actions = d.ReadStrings(t.Actions)
			}
		case "thoughts":
			if d.Once(&seen, bThoughts) {
				t.Thoughts = d.ReadStrings(t.Thoughts)
			}
		case "feelings":
			if d.Once(&seen, bFeelings) {
				t.Feelings = d.ReadStrings(t.Feelings)
			}
		case "emotion":
			if d.Once(&seen, bEmotion) {
				if v, ok := d.ReadFloat(); ok {
					t.Emotion = &v
				}
			}
		case "persona_emotions":
			if d.Once(&seen, bPersonaEmotions) {
				t.PersonaEmotions = decodePersonaEmotions(d)
			}
		case "pain_points":
			if d.Once(&seen, bPainPoints) && d.BeginArray() {
				for d.NextElem() {
					p := new(painpoint.PainPoint)
					painpoint.DecodeObject(d, p)
					t.PainPoints = append(t.PainPoints, p)
				}
				d.EndArray()
			}
		case "metrics":
			if d.Once(&seen, bMetrics) {
				t.Metrics = decodeMetrics(d, t.Metrics)
			}
		case "supports":
			if d.Once(&seen, bSupports) && d.BeginArray() {
				for d.NextElem() {
					var s touchpoint.Support
					decodeSupport(d, &s)
					t.Supports = append(t.Supports, s)
				}
				d.EndArray()
			}
		case "physical_evidence":
			if d.Once(&seen, bPhysicalEvidence) {
				t.PhysicalEvidence = d.ReadStrings(t.PhysicalEvidence)
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				t.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
}

func decodePersonaEmotions(d *strictjson.Decoder) map[uuid.UUID]float64 {
	if !d.BeginMap() {
		return nil
	}
	var m map[uuid.UUID]float64
	for d.NextKey() {
		id, ok := d.KeyUUID()
		if !ok {
			d.Skip()
			continue
		}
		if _, dup := m[id]; dup {
			d.Fail(docerr.ErrDuplicateKey, "duplicate key "+strconv.Quote(string(d.Key()))+" (the same persona twice)")
			d.Skip()
			continue
		}
		v, ok := d.ReadFloat()
		if !ok {
			continue
		}
		if m == nil {
			m = make(map[uuid.UUID]float64)
		}
		m[id] = v
	}
	d.EndObject()
	return m
}

func decodeSupport(d *strictjson.Decoder, s *touchpoint.Support) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "layer":
			if d.Once(&seen, bLayer) {
				s.Layer, _ = strictjson.ReadEnum(d, layerValues, touchpoint.ParseLayer)
			}
		case "kind":
			if d.Once(&seen, bKind) {
				s.Kind, _ = strictjson.ReadEnum(d, supportValues, touchpoint.ParseSupportKind)
			}
		case "description":
			if d.Once(&seen, bDescription) {
				s.Description, _ = d.ReadString()
			}
		case "owner":
			if d.Once(&seen, bOwner) {
				s.Owner, _ = d.ReadString()
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				s.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
}

func decodeMetrics(d *strictjson.Decoder, dst []metric.Metric) []metric.Metric {
	if !d.BeginArray() {
		return dst
	}
	for d.NextElem() {
		var m metric.Metric
		decodeMetric(d, &m)
		dst = append(dst, m)
	}
	d.EndArray()
	return dst
}

func decodeMetric(d *strictjson.Decoder, m *metric.Metric) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "name":
			if d.Once(&seen, bName) {
				m.Name, _ = d.ReadString()
			}
		case "kind":
			if d.Once(&seen, bKind) {
				m.Kind, _ = strictjson.ReadEnum(d, kindValues, metric.ParseKind)
			}
		case "value":
			if d.Once(&seen, bValue) {
				m.Value, _ = d.ReadFloat()
			}
		case "target":
			if d.Once(&seen, bTarget) {
				if v, ok := d.ReadFloat(); ok {
					m.Target = &v
				}
			}
		case "unit":
			if d.Once(&seen, bUnit) {
				m.Unit, _ = d.ReadString()
			}
		case "better":
			if d.Once(&seen, bBetter) {
				m.Better, _ = strictjson.ReadEnum(d, betterValues, metric.ParseBetter)
			}
		case "source":
			if d.Once(&seen, bSource) {
				m.Source, _ = d.ReadString()
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				m.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	if seen&bValue == 0 {
		d.FailMember("value", docerr.ErrRequired, "metric value is required (0 must be written out)")
	}
	d.EndObject()
}

func decodeOpportunity(d *strictjson.Decoder, o *Opportunity) {
	if !d.BeginObject() {
		return
	}
	var seen uint64
	for d.NextKey() {
		switch string(d.Key()) {
		case "id":
			if d.Once(&seen, bID) {
				o.ID, _ = d.ReadUUID()
			}
		case "title":
			if d.Once(&seen, bTitle) {
				o.Title, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bDescription) {
				o.Description, _ = d.ReadString()
			}
		case "pain_point_ids":
			if d.Once(&seen, bPainPointIDs) {
				o.PainPointIDs = d.ReadUUIDs(o.PainPointIDs)
			}
		case "touchpoint_ids":
			if d.Once(&seen, bTouchpointIDs) {
				o.TouchpointIDs = d.ReadUUIDs(o.TouchpointIDs)
			}
		case "owner":
			if d.Once(&seen, bOwner) {
				o.Owner, _ = d.ReadString()
			}
		case "status":
			if d.Once(&seen, bStatus) {
				o.Status, _ = strictjson.ReadEnum(d, statusValues, ParseStatus)
			}
		case "impact":
			if d.Once(&seen, bImpact) {
				o.Impact = readPositive(d, "impact", "1..5")
			}
		case "effort":
			if d.Once(&seen, bEffort) {
				o.Effort = readPositive(d, "effort", "1..5")
			}
		case "extensions":
			if d.Once(&seen, bExtensions) {
				o.Extensions, _ = d.ReadRawObject()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
}
