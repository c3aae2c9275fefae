package persona

import (
	"io"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/internal/strictjson"
)

// DecodeOptions are the limits of Decode and UnmarshalOptions. The zero
// value uses the defaults.
type DecodeOptions struct {
	// MaxBytes is the largest document accepted, in bytes; zero means
	// 16 MiB. A larger document fails with docerr.ErrTooLarge.
	MaxBytes int64
	// MaxDepth is the deepest nesting of objects and arrays accepted, the
	// root object counting as 1 and extensions included; zero means 64.
	MaxDepth int
	// MaxProblems is how many problems the error lists; zero means
	// docerr.DefaultMaxProblems (100). Further problems are counted in a
	// final entry wrapping a *docerr.Omitted.
	MaxProblems int
}

func (o DecodeOptions) codec() strictjson.Options {
	return strictjson.Options{MaxBytes: o.MaxBytes, MaxDepth: o.MaxDepth, MaxProblems: o.MaxProblems}
}

// Namespace returns the UUID namespace of the ids filled in standalone persona
// documents: a persona document without an id gets uuid.NewSHA1(Namespace(),
// the document's bytes without a byte order mark), so the same bytes always
// give the same id.
func Namespace() uuid.UUID { return namespace }

var namespace = uuid.MustParse("5d0f7a62-3c1e-4b8e-9a51-2f6c0e4d7b13")

// Unmarshal decodes a standalone persona document (a persona object at the
// root) with the default limits. See UnmarshalOptions.
func Unmarshal(data []byte) (*Persona, error) { return UnmarshalOptions(data, DecodeOptions{}) }

// Decode reads a standalone persona document from r, reading at most
// opts.MaxBytes+1 bytes. See UnmarshalOptions.
func Decode(r io.Reader, opts DecodeOptions) (*Persona, error) {
	data, err := strictjson.ReadAll(r, opts.codec())
	if err != nil {
		return nil, err
	}
	return UnmarshalOptions(data, opts)
}

// UnmarshalOptions decodes a standalone persona document strictly: unknown
// members (outside extensions), duplicate keys, nulls, wrong types, unknown
// enum values, invalid UTF-8 and trailing data are errors. The error is a
// docerr.List of every problem found (the first opts.MaxProblems, then one
// entry counting the rest), each with its JSON path and a docerr sentinel
// for errors.Is. A missing id is filled deterministically
// (see Namespace). Decoding does not check what Validate checks (non-blank
// name).
func UnmarshalOptions(data []byte, opts DecodeOptions) (*Persona, error) {
	p, err := strictjson.Unmarshal[Persona](data, opts.codec())
	if err != nil {
		return nil, err
	}
	if p.ID == uuid.Nil {
		p.ID = uuid.NewSHA1(namespace, strictjson.Content(data))
	}
	return p, nil
}
