package strictjson

import (
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/safetext"
)

// ReadUUID reads a UUID string in its canonical 36-character form
// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). Other spellings and the nil UUID
// are reported with docerr.ErrInvalid.
func (d *Decoder) ReadUUID() (uuid.UUID, bool) {
	b, ok := d.ReadStringBytes()
	if !ok {
		return uuid.Nil, false
	}
	if len(b) != 36 {
		d.Fail(docerr.ErrInvalid, "invalid UUID "+quote(b)+": want the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
		return uuid.Nil, false
	}
	id, err := uuid.ParseBytes(b)
	if err != nil {
		d.Fail(docerr.ErrInvalid, "invalid UUID "+quote(b)+": "+err.Error())
		return uuid.Nil, false
	}
	if id == uuid.Nil {
		d.Fail(docerr.ErrInvalid, "the nil UUID is not an id (leave the id out to have one filled)")
		return uuid.Nil, false
	}
	return id, true
}

// ReadTime reads an RFC 3339 date-time such as "2026-11-23T09:30:00+07:00".
// Anything else is reported with docerr.ErrInvalid.
func (d *Decoder) ReadTime() (time.Time, bool) {
	b, ok := d.ReadStringBytes()
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, string(b))
	if err != nil {
		d.Fail(docerr.ErrInvalid, "invalid RFC 3339 time "+quote(b))
		return time.Time{}, false
	}
	return t, true
}

// ReadStrings reads an array of strings, appending them to dst.
func (d *Decoder) ReadStrings(dst []string) []string {
	if !d.BeginArray() {
		return dst
	}
	for d.NextElem() {
		if s, ok := d.ReadString(); ok {
			dst = append(dst, s)
		}
	}
	d.EndArray()
	return dst
}

// ReadUUIDs reads an array of UUIDs, appending them to dst.
func (d *Decoder) ReadUUIDs(dst []uuid.UUID) []uuid.UUID {
	if !d.BeginArray() {
		return dst
	}
	for d.NextElem() {
		if id, ok := d.ReadUUID(); ok {
			dst = append(dst, id)
		}
	}
	d.EndArray()
	return dst
}

// quote quotes input for an error message: at most safetext.MaxQuote
// characters, control characters escaped.
func quote(b []byte) string { return safetext.Quote(string(b)) }

// Writer helpers for the same value types.

// UUID writes id in its canonical form.
func (w *Writer) UUID(id uuid.UUID) {
	w.buf = AppendUUID(append(w.buf, '"'), id)
	w.buf = append(w.buf, '"')
}

// Time writes t in RFC 3339 with as many fraction digits as needed (as
// encoding/json writes a time.Time). A zone offset with seconds, which RFC
// 3339 cannot write, is written as the same instant in UTC.
func (w *Writer) Time(t time.Time) {
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC()
	}
	if y := t.Year(); y < 0 || y > 9999 {
		w.Fail(docerr.ErrRange, "year outside 0..9999 cannot be written in RFC 3339")
		return
	}
	w.buf = append(w.buf, '"')
	w.buf = t.AppendFormat(w.buf, time.RFC3339Nano)
	w.buf = append(w.buf, '"')
}

// Strings writes a member holding a list of strings, unless the list is empty.
func (w *Writer) Strings(name string, list []string) {
	if len(list) == 0 {
		return
	}
	w.Member(name)
	w.BeginArray()
	for _, s := range list {
		w.Elem()
		w.String(s)
	}
	w.EndArray()
}

// UUIDs writes a member holding a list of UUIDs, unless the list is empty.
func (w *Writer) UUIDs(name string, list []uuid.UUID) {
	if len(list) == 0 {
		return
	}
	w.Member(name)
	w.BeginArray()
	for _, id := range list {
		w.Elem()
		w.UUID(id)
	}
	w.EndArray()
}

// OptString writes member name unless s is empty.
func (w *Writer) OptString(name, s string) {
	if s != "" {
		w.Member(name)
		w.String(s)
	}
}

// AppendUUID appends id in its canonical 36-character form.
func AppendUUID(b []byte, id uuid.UUID) []byte {
	for i, c := range id {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hexDigits[c>>4], hexDigits[c&0xF])
	}
	return b
}

// KeyUUID parses the current member key as a UUID (as ReadUUID does for
// values), reporting a bad key at the member's path.
func (d *Decoder) KeyUUID() (uuid.UUID, bool) {
	b := d.Key()
	if len(b) != 36 {
		d.Fail(docerr.ErrInvalid, "invalid UUID key "+quote(b)+": want the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
		return uuid.Nil, false
	}
	id, err := uuid.ParseBytes(b)
	if err != nil {
		d.Fail(docerr.ErrInvalid, "invalid UUID key "+quote(b)+": "+err.Error())
		return uuid.Nil, false
	}
	if id == uuid.Nil {
		d.Fail(docerr.ErrInvalid, "the nil UUID is not an id")
		return uuid.Nil, false
	}
	return id, true
}
