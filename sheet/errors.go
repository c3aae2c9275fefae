package sheet

import (
	"errors"
	"strings"

	"github.com/journeymap/journeymap/i18n"
)

// Sentinels for problems only a spreadsheet can have. Problems with a cell's
// value wrap the document sentinels of package docerr instead (docerr.ErrEnum,
// docerr.ErrRange, docerr.ErrType, docerr.ErrRequired, docerr.ErrInvalid,
// docerr.ErrDuplicateID), so errors.Is works the same for JSON and CSV input.
var (
	// ErrHeader: the header row is missing, names a column twice, names an
	// unknown column, or lacks a required column.
	ErrHeader = errors.New("sheet: bad header")
	// ErrRowLength: a row has more or fewer cells than the header.
	ErrRowLength = errors.New("sheet: row length differs from the header")
	// ErrConflict: two rows of the same stage or touchpoint disagree.
	ErrConflict = errors.New("sheet: rows disagree")
	// ErrSyntax: the input is not well-formed CSV (a stray quote).
	ErrSyntax = errors.New("sheet: malformed CSV")
	// ErrTooLarge: the input is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("sheet: input too large")
	// ErrTooManyErrors: reading stopped after MaxErrors problems.
	ErrTooManyErrors = errors.New("sheet: too many problems")
)

// Error is one problem at one place in a spreadsheet: a line (1 is the
// header) and, where it concerns one cell, the column as the header names it.
type Error struct {
	// Line is the 1-based line of the input where the row or cell starts;
	// 0 when the problem concerns the whole input.
	Line int
	// Column is the header text of the column concerned; empty for a whole row.
	Column string
	// Err is the sentinel saying what kind of problem it is.
	Err error
	// Detail says in plain words what is wrong, e.g. `"abc" is not a number`,
	// in Language.
	Detail string
	// Language is the language of Detail and of the words Error adds, a
	// BCP 47 tag as i18n.Resolve reads it: "vi" for Vietnamese ("dòng 7,
	// cột …"), empty for English.
	Language string
	// Sheet names the workbook sheet the problem is in; empty for CSV.
	Sheet string

	row bool // the place is a workbook row: "row 7" instead of "line 7"
}

// Error formats the problem as `line 7, column "emotion": "abc" is not a
// number` (`sheet "Map", row 7, …` in a workbook; `dòng 7, cột "Cảm xúc": …`
// in Vietnamese).
func (e *Error) Error() string {
	msg := e.Detail
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	at := i18n.Resolve(e.Language, "").Words().Import.Place(e.Sheet, e.Line, e.row, e.Column)
	if at == "" {
		return msg
	}
	return at + ": " + msg
}

// Unwrap returns the sentinel, so errors.Is(err, docerr.ErrEnum) works.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem of one import, in input order. Import returns it
// as the error whenever anything is wrong.
type Errors []*Error

// setLanguage sets the language of every problem.
func (l Errors) setLanguage(lang string) {
	for _, e := range l {
		e.Language = lang
	}
}

// SetSheet records the workbook sheet every problem is in.
func (l Errors) SetSheet(name string) {
	for _, e := range l {
		e.Sheet = name
	}
}

// Error joins the problems one per line.
func (l Errors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns every problem, so errors.Is and errors.As look through all of them.
func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}
