// Package xlsx reads and writes journeys as Excel workbooks (.xlsx), through
// github.com/xuri/excelize/v2, kept out of the core packages.
//
// Import reads one sheet of a workbook (the first, or the one named by
// Options.Sheet) in any layout package sheet reads from CSV: the CSV
// renderer's columns or a marketer's own, headers in English or Vietnamese,
// title rows above the header, merged cells (a merged block holds its value
// in its first cell, which continues down the rows as a blank cell does in
// CSV). Cells are read as stored, not as displayed: numbers without their
// number format, text as written, except that a leading "'" before "=",
// "+", "-", "@" or another "'" is removed as in a CSV (a workbook made from
// journeymap's CSV keeps those marks as text). Errors name the sheet, the
// row and the column.
//
// Workbook writes a journey as a workbook: a map sheet in the CSV renderer's
// layout (render.Tables), then sheets for the personas, the pain points and
// the opportunities. Headers and enumerated values are in the document's
// language (or Workbook.Language): Vietnamese for "vi", the canonical
// English layout otherwise. The header row is bold and frozen, columns are
// sized to their text, emotion, impact and effort are numbers (an emotion
// with more than the 15 significant digits Excel keeps is written as its
// exact text instead), and every other cell is stored as text, so a cell beginning with "=", "+", "-" or
// "@" is never a formula (a text beginning with "'" and one of those gets
// one more "'", which the importer removes, as in a CSV). A workbook
// written by Workbook imports back to the
// same stages, touchpoints and pain points (what the map sheet does not
// carry is the list in package render's CSV documentation). Text a
// workbook cannot hold is refused, not cut or replaced: longer than the
// 32,767 characters of an Excel cell (ErrCellTooLong), or with a control
// character other than tab and line breaks, U+FFFE, U+FFFF or invalid UTF-8
// (ErrUnstorable).
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/journeymap/journeymap/internal/readlimit"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
)

// DefaultMaxBytes is the workbook size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// maxUnzipped bounds the decompressed size of a workbook (a zip bomb is
// refused) and maxUnzippedXML that of one of its XML parts.
const (
	maxUnzipped    = 512 << 20
	maxUnzippedXML = 128 << 20
)

// MaxCellChars is the longest text an Excel cell holds.
const MaxCellChars = 32767

var (
	// ErrWorkbook: the input is not a workbook excelize can read.
	ErrWorkbook = errors.New("xlsx: not a readable workbook")
	// ErrNoSheet: Options.Sheet names no sheet of the workbook.
	ErrNoSheet = errors.New("xlsx: no such sheet")
	// ErrCellTooLong: a text is longer than MaxCellChars.
	ErrCellTooLong = errors.New("xlsx: text too long for a cell")
	// ErrUnstorable: a text holds a character a workbook's XML cannot hold
	// (a control character other than tab, line feed and carriage return,
	// U+FFFE, U+FFFF, or invalid UTF-8).
	ErrUnstorable = errors.New("xlsx: character a workbook cannot store")
)

// Options tune Import. The zero value reads the first sheet.
type Options struct {
	// Sheet is the name of the sheet to read; empty means the first.
	Sheet string
	// Sheet options: title, type, language, unknown columns, limits.
	// Comma does not apply.
	sheet.Options
}

// Import reads a workbook from r and returns the journey of its sheet. A
// problem with the sheet's content is a sheet.Errors whose entries name the
// sheet, row and column; a workbook that cannot be read wraps ErrWorkbook,
// an unknown sheet name ErrNoSheet.
func Import(r io.Reader, opts Options) (*journey.Journey, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, tooLarge, err := readlimit.ReadAll(r, limit)
	if err != nil {
		return nil, err
	}
	if tooLarge {
		return nil, sheet.Errors{{Err: sheet.ErrTooLarge, Detail: fmt.Sprintf("the workbook is larger than %d bytes", limit)}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedXML})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrWorkbook, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%w: it has no sheet", ErrWorkbook)
	}
	name := sheets[0]
	if opts.Sheet != "" {
		name = ""
		for _, s := range sheets {
			if s == opts.Sheet {
				name = s
			}
		}
		if name == "" {
			quoted := make([]string, len(sheets))
			for i, s := range sheets {
				quoted[i] = strconv.Quote(s)
			}
			return nil, fmt.Errorf("%w %q (the workbook has %s)", ErrNoSheet, opts.Sheet, strings.Join(quoted, ", "))
		}
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%w: sheet %q: %v", ErrWorkbook, name, err)
	}
	// excelize leaves out a row's empty cells at its end: pad every row to
	// the widest, as a CSV export would.
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	for i, row := range rows {
		if len(row) > 0 && len(row) < width {
			rows[i] = append(row, make([]string, width-len(row))...)
		}
	}
	j, err := sheet.ImportRows(rows, opts.Options)
	if err != nil {
		var list sheet.Errors
		if errors.As(err, &list) {
			list.SetSheet(name)
		}
		return nil, err
	}
	return j, nil
}

// Workbook renders a journey as an Excel workbook (see the package
// documentation). The zero value writes in the document's language.
type Workbook struct {
	// Language of headers and values: "vi" for Vietnamese, anything else
	// for English; empty means the journey's own language.
	Language string
}

// numeric lists, per table, the columns written as numbers.
var numeric = map[int][]int{0: {9}, 3: {4, 5}}

// Render writes the workbook to w.
func (wb Workbook) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return render.ErrNilJourney
	}
	lang := wb.Language
	if lang == "" {
		lang = j.Language
	}
	tables, err := render.Tables(j, lang)
	if err != nil {
		return err
	}
	for _, t := range tables {
		for r, row := range append([][]string{t.Header}, t.Rows...) {
			for c, cell := range row {
				if n := utf16Len(cell); n > MaxCellChars {
					return fmt.Errorf("%w: sheet %q, row %d, column %q: the text is %d characters, more than the %d an Excel cell holds",
						ErrCellTooLong, t.Name, r+1, t.Header[c], n, MaxCellChars)
				}
				if i, bad := unstorable(cell); i >= 0 {
					return fmt.Errorf("%w: sheet %q, row %d, column %q: %s at byte %d cannot be stored in a workbook (XML has no place for it)",
						ErrUnstorable, t.Name, r+1, t.Header[c], bad, i)
				}
			}
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for ti, t := range tables {
		if ti == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return err
		}
		widths := make([]int, len(t.Header))
		for c, h := range t.Header {
			widths[c] = displayWidth(h)
		}
		for _, row := range t.Rows {
			for c, cell := range row {
				widths[c] = max(widths[c], displayWidth(cell))
			}
		}
		for c, wd := range widths {
			width := float64(min(max(wd, 6), 60)) + 2
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		header := make([]any, len(t.Header))
		for c, h := range t.Header {
			header[c] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", header); err != nil {
			return err
		}
		nums := numeric[ti]
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for c, cell := range row {
				v := any(cell)
				if cell != "" && contains(nums, c) {
					// A number when Excel's 15 significant digits keep it
					// exactly; otherwise the exact text, which imports back.
					if f, err := strconv.ParseFloat(cell, 64); err == nil {
						if g, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64); err == nil && g == f {
							v = f
						}
					}
				}
				if str, ok := v.(string); ok {
					v = markApostrophe(str)
				}
				cells[c] = excelize.Cell{StyleID: wrap, Value: v}
			}
			axis, err := excelize.CoordinatesToCellName(1, r+2)
			if err != nil {
				return err
			}
			if err := sw.SetRow(axis, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// displayWidth is the width of the longest line of s, in characters.
func displayWidth(s string) int {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w
}

// utf16Len is the length of s in UTF-16 code units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// unstorable returns the byte offset and a description of the first
// character of s that XML 1.0 cannot carry, or -1.
func unstorable(s string) (int, string) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return i, "invalid UTF-8"
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return i, fmt.Sprintf("the control character U+%04X", r)
		}
	}
	return -1, ""
}

// markApostrophe prefixes "'" to a text whose own leading "'" the importer
// would take for a spreadsheet's formula mark (one followed by "=", "+",
// "-", "@", a tab, a carriage return or another "'"), so it comes back as
// written. Other text, formula-like or not, is stored as is: a text cell is
// never a formula.
func markApostrophe(s string) string {
	if len(s) > 1 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r', '\'':
			return "'" + s
		}
	}
	return s
}
