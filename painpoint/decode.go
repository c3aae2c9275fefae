package painpoint

import (
	"io"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/strictjson"
)

// DecodeOptions are the limits of Decode and UnmarshalOptions. The zero
// value uses the defaults: 16 MiB and 64 levels of nesting.
type DecodeOptions = strictjson.Options

// Namespace is the UUID namespace of the ids filled in standalone pain
// point documents: a pain point document without an id gets
// uuid.NewSHA1(Namespace, the document's bytes), so the same bytes always
// give the same id.
var Namespace = uuid.MustParse("a3c4e1f0-6b2d-4f7a-8e19-0d5b7c2a9f46")

var (
	categoryValues = Categories()
	severityValues = Severities()
)

// Unmarshal decodes a standalone pain point document (a pain point object
// at the root) with the default limits. See UnmarshalOptions.
func Unmarshal(data []byte) (*PainPoint, error) { return UnmarshalOptions(data, DecodeOptions{}) }

// Decode reads a standalone pain point document from r, reading at most
// opts.MaxBytes+1 bytes. See UnmarshalOptions.
func Decode(r io.Reader, opts DecodeOptions) (*PainPoint, error) {
	return strictjson.ReadDocument(r, opts, UnmarshalOptions)
}

// UnmarshalOptions decodes a standalone pain point document strictly:
// unknown members (outside extensions), duplicate keys, nulls, wrong types,
// unknown enum values, invalid UTF-8 and trailing data are errors. The
// error is a docerr.List of every problem found (up to 100), each with its
// JSON path and a sentinel for errors.Is. A missing id is filled
// deterministically (see Namespace). Decoding does not check what Validate
// checks (required title, category and severity).
func UnmarshalOptions(data []byte, opts DecodeOptions) (*PainPoint, error) {
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
	bitTitle
	bitDescription
	bitCategory
	bitSeverity
	bitPersonaIDs
	bitEvidence
	bitExtensions
)

// DecodeObject reads a pain point object from d into p, reporting problems
// to d. It is the building block shared with package journey (the Decoder
// type is internal to journeymap); it leaves a missing id nil.
func DecodeObject(d *strictjson.Decoder, p *PainPoint) {
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
		case "title":
			if d.Once(&seen, bitTitle) {
				p.Title, _ = d.ReadString()
			}
		case "description":
			if d.Once(&seen, bitDescription) {
				p.Description, _ = d.ReadString()
			}
		case "category":
			if d.Once(&seen, bitCategory) {
				p.Category, _ = strictjson.ReadEnum(d, categoryValues, ParseCategory)
			}
		case "severity":
			if d.Once(&seen, bitSeverity) {
				p.Severity, _ = strictjson.ReadEnum(d, severityValues, ParseSeverity)
			}
		case "persona_ids":
			if d.Once(&seen, bitPersonaIDs) {
				p.PersonaIDs = d.ReadUUIDs(p.PersonaIDs)
			}
		case "evidence":
			if d.Once(&seen, bitEvidence) {
				p.Evidence, _ = d.ReadString()
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
