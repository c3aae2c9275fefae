package persona

import "github.com/journeymap/journeymap/docerr"

// Sentinels of the problems a document can have, re-exported from docerr so
// that callers of this package can match them with errors.Is without another
// import. They are the same values as docerr's.
var (
	// ErrSyntax: the input is not well-formed JSON.
	ErrSyntax = docerr.ErrSyntax
	// ErrTooLarge: the input is larger than the decoder's size limit.
	ErrTooLarge = docerr.ErrTooLarge
	// ErrTooDeep: the input nests objects and arrays deeper than the decoder's limit.
	ErrTooDeep = docerr.ErrTooDeep
	// ErrInvalidUTF8: a string in the input is not valid UTF-8.
	ErrInvalidUTF8 = docerr.ErrInvalidUTF8
	// ErrTrailingData: something other than white space follows the document.
	ErrTrailingData = docerr.ErrTrailingData
	// ErrUnknownField: an object has a member the format does not define.
	ErrUnknownField = docerr.ErrUnknownField
	// ErrDuplicateKey: an object names the same member twice.
	ErrDuplicateKey = docerr.ErrDuplicateKey
	// ErrType: a value has the wrong JSON type, or is null.
	ErrType = docerr.ErrType
	// ErrRequired: a required value is missing or empty.
	ErrRequired = docerr.ErrRequired
	// ErrRange: a number is outside its allowed range.
	ErrRange = docerr.ErrRange
	// ErrEnum: a value is not one of the allowed values of its enumeration.
	ErrEnum = docerr.ErrEnum
	// ErrInvalid: a value is malformed (a bad UUID, time or language tag).
	ErrInvalid = docerr.ErrInvalid
	// ErrDuplicateID: two objects in one document share an id.
	ErrDuplicateID = docerr.ErrDuplicateID
	// ErrUnknownRef: an id reference points at no object in the document.
	ErrUnknownRef = docerr.ErrUnknownRef
	// ErrSchemaVersion: the document's schema_version is missing or not supported.
	ErrSchemaVersion = docerr.ErrSchemaVersion
)
