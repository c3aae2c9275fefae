package analytics

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Reason is why a row could not be used: a stable code, for programs and
// for the catalogs that word it for people.
type Reason string

// The reasons of bad rows.
const (
	ReasonTooLong         Reason = "too_long"         // a record longer than Options.MaxLineBytes
	ReasonUnclosedQuote   Reason = "unclosed_quote"   // a quoted CSV field that never closes
	ReasonCSVSyntax       Reason = "csv_syntax"       // a bare quote, or text after a closing quote
	ReasonFieldCount      Reason = "field_count"      // not as many fields as the header
	ReasonJSONSyntax      Reason = "json_syntax"      // not one well-formed JSON object
	ReasonDuplicateKey    Reason = "duplicate_key"    // a JSON member twice, or two members for one column
	ReasonInvalidUTF8     Reason = "invalid_utf8"     // text that is not UTF-8
	ReasonWrongType       Reason = "wrong_type"       // a JSON value of the wrong type
	ReasonEmptyCustomer   Reason = "empty_customer"   // no customer id
	ReasonEmptyTouchpoint Reason = "empty_touchpoint" // no touchpoint
	ReasonBadTime         Reason = "bad_time"         // a time in no accepted form
	ReasonAmbiguousTime   Reason = "ambiguous_time"   // a number whose time unit cannot be told, a local time that occurs twice
	ReasonBadOutcome      Reason = "bad_outcome"      // an outcome other than ok or failed
	ReasonBadEmotion      Reason = "bad_emotion"      // an emotion that is not a number in −2..2
	ReasonOutOfOrder      Reason = "out_of_order"     // an event before an earlier one in time-ordered input
	ReasonUnknownPersona  Reason = "unknown_persona"  // a persona that is neither the id nor the unique name of a persona of the journey
	ReasonNoHeader        Reason = "no_header"        // the input is empty
	ReasonOther           Reason = "other"            // anything else
)

// Reasons returns every Reason, in the order of their declaration, so a
// program can word or count each one.
func Reasons() []Reason {
	return []Reason{
		ReasonTooLong, ReasonUnclosedQuote, ReasonCSVSyntax, ReasonFieldCount, ReasonJSONSyntax,
		ReasonDuplicateKey, ReasonInvalidUTF8, ReasonWrongType, ReasonEmptyCustomer, ReasonEmptyTouchpoint,
		ReasonBadTime, ReasonAmbiguousTime, ReasonBadOutcome, ReasonBadEmotion, ReasonOutOfOrder,
		ReasonUnknownPersona, ReasonNoHeader, ReasonOther,
	}
}

// reasonOf returns e's reason, ReasonOther when it has none.
func reasonOf(e *RowError) Reason {
	if e.Reason != "" {
		return e.Reason
	}
	return ReasonOther
}

// ReasonCount is how many bad rows had one reason.
type ReasonCount struct {
	Reason Reason `json:"reason"`
	Count  int64  `json:"count"`
}

// sortReasons orders reasons by count, most first, then by code.
func sortReasons(rs []ReasonCount) {
	slices.SortFunc(rs, func(a, b ReasonCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
}

func addReason(rs []ReasonCount, r Reason, n int64) []ReasonCount {
	for i := range rs {
		if rs[i].Reason == r {
			rs[i].Count += n
			return rs
		}
	}
	return append(rs, ReasonCount{r, n})
}

// BadRowLimit is how many bad rows a read tolerates: a number of rows or a
// share of the rows read. The zero value tolerates DefaultBadRowPercent (1%).
type BadRowLimit struct {
	set     bool
	rows    int64
	percent float64 // used when rows < 0
}

// DefaultBadRowPercent is the share of the rows read, in per cent, that the
// zero BadRowLimit tolerates as bad rows.
const DefaultBadRowPercent = 1.0

// MaxBadRows tolerates at most n bad rows; MaxBadRows(0) none at all.
func MaxBadRows(n int64) BadRowLimit { return BadRowLimit{set: true, rows: max(n, 0)} }

// MaxBadPercent tolerates bad rows up to p per cent of the rows read.
func MaxBadPercent(p float64) BadRowLimit {
	return BadRowLimit{set: true, rows: -1, percent: min(max(p, 0), 100)}
}

// ParseBadRowLimit reads "100" (rows) or "1%" / "0.5%" (a share of the rows).
func ParseBadRowLimit(s string) (BadRowLimit, error) {
	if p, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || !decimalNumber([]byte(p)) || f < 0 || f > 100 {
			return BadRowLimit{}, fmt.Errorf("bad-row limit %q is not a per cent in 0..100", s)
		}
		return MaxBadPercent(f), nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return BadRowLimit{}, fmt.Errorf("bad-row limit %q is not a number of rows or a per cent such as 1%%", s)
	}
	return MaxBadRows(n), nil
}

// String returns the limit as ParseBadRowLimit reads it.
func (l BadRowLimit) String() string {
	if !l.set {
		return MaxBadPercent(DefaultBadRowPercent).String()
	}
	if l.rows >= 0 {
		return strconv.FormatInt(l.rows, 10)
	}
	return strconv.FormatFloat(l.percent, 'f', -1, 64) + "%"
}

// exceeded reports whether bad rows out of rows are over the limit.
func (l BadRowLimit) exceeded(bad, rows int64) bool {
	if !l.set {
		l = MaxBadPercent(DefaultBadRowPercent)
	}
	if l.rows >= 0 {
		return bad > l.rows
	}
	return float64(bad) > math.Floor(l.percent*float64(rows)/100+1e-9)
}

// Errors of a read as a whole.
var (
	// ErrTooManyBadRows: more bad rows than Options.MaxBadRows allows.
	ErrTooManyBadRows = errors.New("analytics: too many bad rows")
	// ErrNoEvents: no row of the input could be used.
	ErrNoEvents = errors.New("analytics: no usable event")
)

// ReadError is a read that failed as a whole after reading all its rows:
// too many bad rows, or none usable. Result holds what was read, so the bad
// rows can still be listed.
type ReadError struct {
	// Err is ErrTooManyBadRows or ErrNoEvents.
	Err error
	// Bad and Rows are the bad rows and all rows read (header and blank
	// lines not counted).
	Bad, Rows int64
	// Limit is the limit that was exceeded.
	Limit BadRowLimit
	// Result is the analysis of the rows that could be used.
	Result *Result
}

// Error reads "analytics: too many bad rows: 12 of 1000 rows (limit 1%)".
func (e *ReadError) Error() string {
	if errors.Is(e.Err, ErrNoEvents) {
		return fmt.Sprintf("%v in %d rows (%d bad)", e.Err, e.Rows, e.Bad)
	}
	return fmt.Sprintf("%v: %d of %d rows (limit %s)", e.Err, e.Bad, e.Rows, e.Limit)
}

// Unwrap returns Err.
func (e *ReadError) Unwrap() error { return e.Err }

// checkRead passes on err, else applies Options.MaxBadRows and the rule that a read must give
// at least one event.
func (p *Plan) checkRead(res *Result, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	bad, rows := res.BadRows.Count, res.Events+res.BadRows.Count
	switch {
	case res.Events == 0:
		return nil, &ReadError{Err: ErrNoEvents, Bad: bad, Rows: rows, Limit: p.opts.MaxBadRows, Result: res}
	case p.opts.MaxBadRows.exceeded(bad, rows):
		return nil, &ReadError{Err: ErrTooManyBadRows, Bad: bad, Rows: rows, Limit: p.opts.MaxBadRows, Result: res}
	}
	return res, nil
}
