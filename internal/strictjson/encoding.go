package strictjson

import (
	"bytes"

	"github.com/journeymap/journeymap/docerr"
)

// bom is the UTF-8 byte order mark some editors (Notepad, Excel's "CSV
// UTF-8") write at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

func hasBOM(data []byte) bool { return bytes.HasPrefix(data, bom) }

// Content returns data without a leading UTF-8 byte order mark: the bytes
// a document's deterministic id is computed from, so that the same document
// gets the same id with or without the mark.
func Content(data []byte) []byte {
	if hasBOM(data) {
		return data[len(bom):]
	}
	return data
}

// checkEncoding refuses input in UTF-16 or UTF-32, which a JSON document
// exchanged between systems must not be in (RFC 8259 section 8.1), with an
// error that names the encoding instead of a syntax error at the first NUL
// byte. It recognises the byte order marks and, without a mark, the NUL
// bytes beside the first character that any JSON text in these encodings
// has (its first character is ASCII).
func checkEncoding(data []byte) error {
	enc := ""
	switch {
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}):
		enc = "UTF-32 (big-endian, with a byte order mark)"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		enc = "UTF-32 (little-endian, with a byte order mark)"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = "UTF-16 (big-endian, with a byte order mark)"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = "UTF-16 (little-endian, with a byte order mark)"
	case len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0:
		enc = "UTF-32 (big-endian)"
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0:
		enc = "UTF-32 (little-endian)"
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		enc = "UTF-16 (big-endian)"
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		enc = "UTF-16 (little-endian)"
	}
	if enc == "" {
		return nil
	}
	return docerr.List{&docerr.Error{Err: docerr.ErrInvalidUTF8, Pos: docerr.Position{Line: 1, Column: 1},
		Detail: "the document is encoded in " + enc + "; journeymap reads JSON in UTF-8 only: convert it (for example: iconv -f UTF-16 -t UTF-8)"}}
}
