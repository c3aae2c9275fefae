package journey

import (
	"crypto/sha1"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/strictjson"
)

// DecodeOptions are the limits of Decode and UnmarshalOptions. The zero
// value is the defaults, which suit documents from a web request.
type DecodeOptions struct {
	// MaxBytes is the largest document accepted, in bytes; zero means
	// 16 MiB. A larger document fails with docerr.ErrTooLarge.
	MaxBytes int64
	// MaxDepth is the deepest nesting of objects and arrays accepted, the
	// root object counting as 1 and extensions included; zero means 64.
	// Deeper input fails with docerr.ErrTooDeep.
	MaxDepth int
	// MaxProblems is how many problems the error lists; zero means
	// docerr.DefaultMaxProblems (100). Further problems are counted, not
	// built: the list then ends with an entry wrapping a *docerr.Omitted.
	MaxProblems int
}

func (o DecodeOptions) codec() strictjson.Options {
	return strictjson.Options{MaxBytes: o.MaxBytes, MaxDepth: o.MaxDepth, MaxProblems: o.MaxProblems}
}

// Namespace returns the UUID namespace of the journey ids filled on
// decode: a document without an id gets uuid.NewSHA1(Namespace(), the
// document's bytes, without a byte order mark). Every object below it
// without an id gets uuid.NewSHA1(journey id, its JSON path), for example
// "stages[0].touchpoints[1]". The same bytes always give the same ids.
func Namespace() uuid.UUID { return namespace }

var namespace = uuid.MustParse("0b8e3f6c-9a47-4d21-b5e3-7c1f2a6d8e90")

var errMissingVersion = fmt.Errorf("%w: %w", docerr.ErrRequired, docerr.ErrSchemaVersion)

// Unmarshal decodes a journey document with the default limits (16 MiB,
// 64 levels). See UnmarshalOptions.
func Unmarshal(data []byte) (*Journey, error) { return UnmarshalOptions(data, DecodeOptions{}) }

// Decode reads a journey document from r, reading at most opts.MaxBytes+1
// bytes (a larger document is an error wrapping ErrTooLarge without
// reading the rest). See UnmarshalOptions.
func Decode(r io.Reader, opts DecodeOptions) (*Journey, error) {
	data, err := strictjson.ReadAll(r, opts.codec())
	if err != nil {
		return nil, err
	}
	return UnmarshalOptions(data, opts)
}

// UnmarshalOptions decodes a journey document strictly, as suits untrusted
// input. Problems are returned as a docerr.List (the first
// opts.MaxProblems of them, then one entry counting the rest), each with
// its JSON path and a docerr sentinel for errors.Is:
//
//   - fatal, stopping at the first: ErrTooLarge, ErrSyntax, ErrTooDeep,
//     ErrInvalidUTF8 (also unpaired UTF-16 surrogate escapes, and a
//     document in UTF-16 or UTF-32, named as such), ErrTrailingData;
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
// Every problem also carries its place in the input as a docerr.Position in
// Pos: where the value or key concerned starts, the closing brace of an
// object that misses a member, or where the syntax breaks.
//
// A schema_version newer than SchemaVersion returns only one error, wrapping
// ErrSchemaVersion, that says so: a newer document is expected to have
// members this version does not know.
//
// A UTF-8 byte order mark at the start is skipped. Missing ids are filled
// deterministically (see Namespace). Decoding checks
// the form of the document, not its meaning: call Validate for required
// names, ranges, duplicate ids and references.
func UnmarshalOptions(data []byte, opts DecodeOptions) (*Journey, error) {
	d, err := strictjson.NewDecoder(data, opts.codec())
	if err != nil {
		return nil, err
	}
	j := new(Journey)
	strictjson.Read(d, j)
	d.Finish()
	if j.SchemaVersion > SchemaVersion {
		return nil, docerr.List{docerr.New("schema_version", docerr.ErrSchemaVersion, fmt.Sprintf(
			"document has schema_version %d, newer than this library supports (%d): upgrade journeymap to read it",
			j.SchemaVersion, SchemaVersion))}
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	if j.ID == uuid.Nil {
		j.ID = uuid.NewSHA1(namespace, strictjson.Content(data))
	}
	j.fillChildIDs()
	return j, nil
}

// FillIDs gives every object without an id (nil) a deterministic one, by
// the rule decoding uses (see Namespace): children get uuid.NewSHA1(journey
// id, JSON path). A journey without an id gets uuid.NewSHA1(namespace, its
// canonical encoding), or of its title if it cannot be encoded. Objects
// that have an id keep it.
func (j *Journey) FillIDs() {
	if j.ID == uuid.Nil {
		data, err := Marshal(j)
		if err != nil {
			data = []byte(j.Title)
		}
		j.ID = uuid.NewSHA1(namespace, data)
	}
	j.fillChildIDs()
}

func (j *Journey) fillChildIDs() {
	root := j.ID
	var buf []byte
	// One hasher for every child: uuid.NewSHA1 allocates a new one per id,
	// which on a document of millions of objects is most of its garbage.
	h := sha1.New()
	var sum [sha1.Size]byte
	newSHA1 := func(space uuid.UUID, name []byte) uuid.UUID {
		h.Reset()
		h.Write(space[:])
		h.Write(name)
		var id uuid.UUID
		copy(id[:], h.Sum(sum[:0]))
		id[6] = id[6]&0x0f | 0x50 // version 5, as uuid.NewSHA1
		id[8] = id[8]&0x3f | 0x80 // RFC 4122 variant
		return id
	}
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
			p.ID = newSHA1(root, path("personas", i))
		}
	}
	for i, s := range j.Stages {
		if s == nil {
			continue
		}
		if s.ID == uuid.Nil {
			s.ID = newSHA1(root, path("stages", i))
		}
		for k, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if t.ID == uuid.Nil {
				t.ID = newSHA1(root, path("stages", i, "touchpoints", k))
			}
			for m, p := range t.PainPoints {
				if p != nil && p.ID == uuid.Nil {
					p.ID = newSHA1(root, path("stages", i, "touchpoints", k, "pain_points", m))
				}
			}
		}
	}
	for i, o := range j.Opportunities {
		if o != nil && o.ID == uuid.Nil {
			o.ID = newSHA1(root, path("opportunities", i))
		}
	}
}

// The codec rules of the members whose reading or writing the struct tags
// cannot say all about; every other member is read and written by its Go
// type (see internal/strictjson's Plan).
var (
	_ = strictjson.Register(reflect.TypeFor[Journey](),
		strictjson.Rule{Field: "SchemaVersion", Decode: decodeVersion, Encode: encodeVersion, Missing: missingVersion},
		strictjson.Rule{Field: "ReviewEveryDays", Want: "1.." + strconv.Itoa(MaxReviewEveryDays)})
	_ = strictjson.Register(reflect.TypeFor[Opportunity](),
		strictjson.Rule{Field: "Impact", Want: "1..5"},
		strictjson.Rule{Field: "Effort", Want: "1..5"})
)

// decodeVersion reads schema_version; a version below SchemaVersion is a
// problem here, a newer one is UnmarshalOptions' (it ends decoding).
func decodeVersion(d *strictjson.Decoder, v reflect.Value) {
	n, ok := d.ReadInt()
	if !ok {
		return
	}
	v.SetInt(int64(n))
	if n < SchemaVersion {
		d.Fail(docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d is not supported (this library reads version %d)", n, SchemaVersion))
	}
}

func missingVersion(d *strictjson.Decoder, name string) {
	d.FailMember(name, errMissingVersion, fmt.Sprintf("schema_version is required (this library reads version %d)", SchemaVersion))
}

// encodeVersion writes schema_version: 0 (a journey built in Go without
// New) is written as SchemaVersion, any other version is an error.
func encodeVersion(w *strictjson.Writer, v reflect.Value) {
	w.Member("schema_version")
	switch n := int(v.Int()); n {
	case 0, SchemaVersion:
		w.Int(SchemaVersion)
	default:
		w.Fail(docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d cannot be written: this library writes version %d", n, SchemaVersion))
	}
}
