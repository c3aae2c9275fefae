package analytics

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/journeymap/journeymap/internal/safetext"
)

// Field is one column an event is read from.
type Field int

// The fields of an event, in the order of a Row.
const (
	FieldCustomer Field = iota
	FieldTouchpoint
	FieldTime
	FieldOutcome
	FieldEmotion
	FieldPersona
	FieldSegment
	FieldBreakdown
	// NumFields is the number of fields.
	NumFields
)

var fieldKeys = [NumFields]string{"customer", "touchpoint", "time", "outcome", "emotion", "persona", "segment", "breakdown"}

// String returns the field's key in ParseColumns: "customer", "time", ….
func (f Field) String() string {
	if f >= 0 && f < NumFields {
		return fieldKeys[f]
	}
	return "field(" + strconv.Itoa(int(f)) + ")"
}

// required reports whether every row must have the field.
func (f Field) required() bool { return f <= FieldTime }

// Name returns the column name of field f (empty for a field not read).
func (c Columns) Name(f Field) string {
	switch f {
	case FieldCustomer:
		return c.Customer
	case FieldTouchpoint:
		return c.Touchpoint
	case FieldTime:
		return c.Time
	case FieldOutcome:
		return c.Outcome
	case FieldEmotion:
		return c.Emotion
	case FieldPersona:
		return c.Persona
	case FieldSegment:
		return c.Segment
	case FieldBreakdown:
		return c.Breakdown
	}
	return ""
}

func (c *Columns) set(f Field, name string) {
	switch f {
	case FieldCustomer:
		c.Customer = name
	case FieldTouchpoint:
		c.Touchpoint = name
	case FieldTime:
		c.Time = name
	case FieldOutcome:
		c.Outcome = name
	case FieldEmotion:
		c.Emotion = name
	case FieldPersona:
		c.Persona = name
	case FieldSegment:
		c.Segment = name
	case FieldBreakdown:
		c.Breakdown = name
	}
}

// ParseColumns reads a column mapping such as
// "customer=user_id,touchpoint=event,time=ts,outcome=status,emotion=score,segment=plan":
// field=column pairs, fields as in Field.String ("timestamp" is taken for
// "time"). Fields left out keep their default names.
func ParseColumns(s string) (Columns, error) {
	var c Columns
	seen := map[Field]bool{}
	for pair := range strings.SplitSeq(s, ",") {
		key, name, ok := strings.Cut(pair, "=")
		key, name = strings.TrimSpace(key), strings.TrimSpace(name)
		if !ok || name == "" {
			return Columns{}, fmt.Errorf("columns: %s is not field=column", safetext.Quote(pair))
		}
		if key == "timestamp" {
			key = "time"
		}
		f := Field(-1)
		for i, k := range fieldKeys {
			if strings.EqualFold(k, key) {
				f = Field(i)
			}
		}
		if f < 0 {
			return Columns{}, fmt.Errorf("columns: unknown field %s (want %s)", safetext.Quote(key), strings.Join(fieldKeys[:], ", "))
		}
		if seen[f] {
			return Columns{}, fmt.Errorf("columns: field %s mapped twice", key)
		}
		seen[f] = true
		c.set(f, name)
	}
	return c, nil
}

// ErrMissingColumn: the input has no column of a required field's name.
var ErrMissingColumn = errors.New("header lacks the column")

// Columns returns the column names the plan reads, defaults filled in.
func (p *Plan) Columns() Columns { return p.opts.Columns }

// Row is one event's fields as read, before they are checked: Row[f] is the
// text of field f (a number as its decimal text), nil when absent.
type Row [NumFields][]byte

// prow is one parsed row: a record, or the reason it is bad.
type prow struct {
	rec  Record
	line int64
	cust []byte // aliases the input block: copy to keep
	err  *RowError
}

// columnIndex finds the mapped columns in a header, matching names without
// regard to case. Two columns of the same name are an error, and so is a
// missing required column or a missing breakdown column (it is named on
// purpose); the error lists the header.
func columnIndex(header []string, c *Columns) ([NumFields]int, error) {
	var ix [NumFields]int
	for i, h := range header {
		for _, o := range header[:i] {
			if strings.EqualFold(h, o) {
				return ix, &RowError{Line: 1, Reason: ReasonFieldCount, Err: fmt.Errorf("header has the column %s twice (header: %s)", safetext.Quote(h), listHeader(header))}
			}
		}
	}
	var missing []string
	for f := range NumFields {
		ix[f] = -1
		name := c.Name(f)
		if name == "" {
			continue
		}
		for i, h := range header {
			if strings.EqualFold(h, name) {
				ix[f] = i
			}
		}
		if ix[f] < 0 && f == FieldBreakdown {
			return ix, &RowError{Line: 1, Reason: ReasonFieldCount, Err: fmt.Errorf("header lacks the breakdown column %s (header: %s)", safetext.Quote(name), listHeader(header))}
		}
		if ix[f] < 0 && f.required() {
			missing = append(missing, safetext.Quote(name))
		}
	}
	if len(missing) > 0 {
		return ix, &RowError{Line: 1, Reason: ReasonFieldCount, Err: fmt.Errorf("%w %s (header: %s)", ErrMissingColumn, strings.Join(missing, ", "), listHeader(header))}
	}
	return ix, nil
}

// listHeader quotes the first 30 column names of a header.
func listHeader(header []string) string {
	var b strings.Builder
	for i, h := range header {
		if i == 30 {
			fmt.Fprintf(&b, " and %d more", len(header)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(safetext.Quote(h))
	}
	return b.String()
}

// makeRow checks and resolves the fields of one row into r: the one place
// where raw fields become a Record. utf8Known says the text fields are
// known to be UTF-8 already (ASCII, or checked by the JSON parser).
func (p *Plan) makeRow(r *prow, line int64, f *Row, utf8Known bool) {
	c := &p.opts.Columns
	r.line = line
	bad := func(field Field, reason Reason, err error) {
		r.err = &RowError{Line: line, Field: c.Name(field), Reason: reason, Err: err}
	}
	for _, fl := range [...]Field{FieldCustomer, FieldTouchpoint, FieldOutcome, FieldPersona, FieldSegment, FieldBreakdown} {
		if !utf8Known && !utf8.Valid(f[fl]) {
			bad(fl, ReasonInvalidUTF8, fmt.Errorf("%s %s is not valid UTF-8", fl, safetext.Quote(string(f[fl]))))
			return
		}
	}
	cust, touch, outcome, emotion := f[FieldCustomer], f[FieldTouchpoint], f[FieldOutcome], f[FieldEmotion]
	if len(cust) == 0 {
		bad(FieldCustomer, ReasonEmptyCustomer, errors.New("empty customer id"))
		return
	}
	if len(touch) == 0 {
		bad(FieldTouchpoint, ReasonEmptyTouchpoint, errors.New("empty touchpoint"))
		return
	}
	t, terr := parseTime(f[FieldTime], &p.opts.Time)
	if terr != nil {
		terr.Line, terr.Field = line, c.Time
		r.err = terr
		return
	}
	r.cust = cust
	r.rec = Record{Time: t, Customer: customerKeyBytes(cust), Emotion: NoEmotion}
	switch string(outcome) {
	case "":
	case "ok":
		r.rec.Outcome = OK
	case "failed":
		r.rec.Outcome = Failed
	default:
		bad(FieldOutcome, ReasonBadOutcome, fmt.Errorf("outcome %s is not ok or failed", safetext.Quote(string(outcome))))
		return
	}
	if len(emotion) > 0 {
		if !decimalNumber(emotion) {
			bad(FieldEmotion, ReasonBadEmotion, fmt.Errorf("emotion %s is not a decimal number", safetext.Quote(string(emotion))))
			return
		}
		fl, err := strconv.ParseFloat(string(emotion), 64)
		if err != nil {
			bad(FieldEmotion, ReasonBadEmotion, fmt.Errorf("emotion %s is not a number", safetext.Quote(string(emotion))))
			return
		}
		m, err := emotionMilli(fl)
		if err != nil {
			bad(FieldEmotion, ReasonBadEmotion, err)
			return
		}
		r.rec.Emotion = m
	}
	r.rec.Touch = p.touchBytes(touch)
	p.rowExtras(r, f[FieldPersona], f[FieldBreakdown])
}

// decimalNumber reports whether b is a number in the JSON grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? — no hexadecimal, no
// underscores, no leading dot or plus sign, no "Inf" or "NaN".
func decimalNumber(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	next, ok := number(b, 0)
	return ok && next == len(b)
}

// ReadRows analyses events given as rows, for readers of other formats
// (package parquetevents): rows yields each row with its number (1-based,
// used as its line in bad rows) or an error that ends the read. A yielded
// Row and its bytes are only used until the next one is asked for.
// Options.MaxBadRows applies as for ReadCSV.
func (p *Plan) ReadRows(rows iter.Seq2[*Row, error]) (*Result, error) {
	s := newSequencer(p)
	defer s.close()
	var line int64
	one := make([]prow, 1)
	for row, err := range rows {
		if err != nil {
			return nil, err
		}
		line++
		one[0] = prow{}
		p.makeRow(&one[0], line, row, false)
		if err := s.pushRows(one); err != nil {
			return nil, err
		}
	}
	return p.checkRead(s.result())
}
