// Package sheet builds a journey from a spreadsheet saved as CSV: the table
// the csv renderer writes, and the looser layouts marketers keep in Excel
// (package xlsx reads workbooks through ImportRows).
//
// The input is one row per touchpoint, or per touchpoint × pain point, with
// columns such as stage, phase, touchpoint, channel, owner, emotion, actions,
// thoughts, feelings, pain_category, pain_severity and pain (see Columns for
// the full list in the renderer's order). Headers are matched ignoring case,
// surrounding space, "_"/"-" and Vietnamese diacritics (precomposed,
// decomposed, or left out), in English or Vietnamese (the renderer's "Bước",
// "Giai đoạn mua hàng", "Điểm chạm", "Kênh", and others such as "giai
// đoạn", "cảm xúc", "loại điểm đau", "mức độ", "điểm đau", ...).
//
// Enumeration cells accept the value itself and every word journeymap
// prints for it, in English and Vietnamese ("Before purchase", "Trước khi
// mua hàng", "Ứng dụng di động", "Tin nhắn SMS", "Tài chính", "Cao", ...,
// read from package i18n's catalog), plus common short forms and brand
// names in a channel column: Facebook, Zalo, TikTok, Instagram, YouTube,
// LinkedIn, Twitter, Threads and Pinterest are social_media; Shopee,
// Lazada, Tiki, Sendo, Amazon, eBay, TikTok Shop and Alibaba marketplace;
// Google, Bing and Cốc Cốc search; Google Ads, Facebook Ads, TikTok Ads and
// Zalo Ads online_ads; Messenger, WhatsApp, Telegram, Viber and Zalo OA
// chat; TripAdvisor, Foody, Yelp and Trustpilot review_site. Text cells are
// kept exactly as written, "\r\n" inside a quoted cell included.
//
// Rows are grouped into stages by stage_id or stage name, and into
// touchpoints by touchpoint_id or touchpoint name within the stage, in order
// of first appearance. A blank stage or touchpoint cell continues the one
// above (the way merged cells are exported), so a touchpoint with three pain
// points may fill its cells once. Multi-valued cells (actions, thoughts,
// feelings) hold one item per line; blank lines are not items. A leading
// "'" that the csv renderer adds to keep spreadsheets from running a cell as
// a formula (before "=", "+", "-", "@", a tab, a carriage return or a
// user's own "'") is removed. A byte order mark is ignored.
//
// The header is the first row naming at least two known columns; rows of a
// single cell above it (a sheet title, a note) become the journey's title
// (unless Options.Title is set) and description. The delimiter (comma,
// semicolon or tab) is the one with which such a header is found, unless
// Options.Comma says.
//
// The journey records the language of its headers ("vi" for Vietnamese
// headers) unless Options.Language is set, and every problem is reported
// at once in that language, as Errors, each naming its line and column:
// `line 7, column "emotion": "abc" is not a number`, or `dòng 7, cột "Cảm
// xúc": "abc" không phải là một số`, with the allowed values in the same
// language. Inputs are bounded: Options.MaxBytes for the file,
// MaxLineBytes for a line (an error names the line), MaxDocumentBytes for
// the journey built, so an import never yields a document journey.Decode
// refuses.
//
// What a sheet does not carry is listed in render.CSV's documentation: the
// journey's personas, opportunities and other fields outside the map's
// rows. Importing the CSV of a journey gives back every field it carries.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/readlimit"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// DefaultMaxLineBytes is the longest line of a CSV sheet when
// Options.MaxLineBytes is zero.
const DefaultMaxLineBytes = 1 << 20

// DefaultMaxDocumentBytes is the largest journey (its JSON encoding) Import
// returns when Options.MaxDocumentBytes is zero: what journey.Decode accepts
// by default, so an imported sheet is always a document the other commands read.
const DefaultMaxDocumentBytes = 16 << 20

// DefaultMaxErrors is how many problems Import collects, when
// Options.MaxErrors is zero, before it stops reading.
const DefaultMaxErrors = 1000

// DefaultTitle is the journey title when Options.Title is empty.
const DefaultTitle = "Imported journey"

// Options tune Import. The zero value reads a comma-, semicolon- or
// tab-separated file into a current-state journey titled DefaultTitle.
type Options struct {
	// Title of the journey; empty means the sheet's own title (a single-cell
	// row above the header), or DefaultTitle when it has none.
	Title string
	// Type of the journey; empty means journey.CurrentState.
	Type journey.Type
	// Language is the BCP 47 tag of the sheet's text, e.g. "vi". Empty means
	// the language of the headers: "vi" when most known headers are
	// Vietnamese, none otherwise. It is recorded in the journey and chooses
	// the language of the error messages.
	Language string
	// Comma is the field delimiter; 0 detects ',', ';' or '\t' (see Import).
	Comma rune
	// AllowUnknownColumns ignores columns the importer does not know instead
	// of reporting them. Off by default, so no data is dropped unnoticed.
	AllowUnknownColumns bool
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxLineBytes limits the length of one line of a CSV sheet; 0 means
	// DefaultMaxLineBytes.
	MaxLineBytes int
	// MaxDocumentBytes limits the size of the imported journey's JSON
	// encoding; 0 means DefaultMaxDocumentBytes.
	MaxDocumentBytes int
	// MaxErrors stops reading after that many problems; 0 means DefaultMaxErrors.
	MaxErrors int
}

var requiredFields = []field{fStage, fPhase, fTouchpoint, fChannel}

var (
	utf8BOM  = []byte{0xEF, 0xBB, 0xBF}
	utf16LE  = []byte{0xFF, 0xFE}
	utf16BE  = []byte{0xFE, 0xFF}
	errStop  = errors.New("sheet: stop")
	tpFields = []field{fChannel, fMode, fInitiator, fOwner, fEmotion, fActions, fThoughts, fFeelings}
	ppFields = []field{fPainID, fPainCategory, fPainSeverity, fPain, fPainDescription, fPainEvidence}
)

// Import reads a CSV spreadsheet from r and returns the journey it
// describes, with ids filled deterministically where the sheet has none.
// When anything is wrong it returns nil and Errors listing every problem by
// line and column. An invalid Options.Type is reported as a plain error, and
// a read error of r is returned as is.
//
// Without Options.Comma the delimiter is the one of ',', ';' and tab with
// which a row among the first ones names the most known columns (so a title
// line above a ";" header is no obstacle); when none does, the one most
// frequent in the first line is used and, should the header then be
// refused, an error says to give the delimiter.
func Import(r io.Reader, opts Options) (*journey.Journey, error) {
	typ, err := checkType(opts)
	if err != nil {
		return nil, err
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, tooLarge, err := readlimit.ReadAll(r, limit)
	if err != nil {
		return nil, err
	}
	if tooLarge {
		return nil, Errors{{Err: ErrTooLarge, Detail: fmt.Sprintf("the input is larger than %d bytes", limit)}}
	}
	if bytes.HasPrefix(data, utf16LE) || bytes.HasPrefix(data, utf16BE) {
		return nil, Errors{{Line: 1, Err: docerr.ErrInvalidUTF8, Detail: "the file is UTF-16; save it as \"CSV UTF-8\""}}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		bad := 0
		for len(data[bad:]) > 0 {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		return nil, Errors{{Line: line, Err: docerr.ErrInvalidUTF8, Detail: "the text is not UTF-8; save the sheet as \"CSV UTF-8\""}}
	}
	maxLine := opts.MaxLineBytes
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	text := string(data)
	comma, decided := opts.Comma, true
	if comma == 0 {
		comma, decided = detectComma(text, maxLine)
	}
	im := newImporter(opts, typ, newCSVReader(text, comma, maxLine), true)
	if !decided {
		im.guessed = comma
	}
	return im.finish(im.run(), "sheet\x00"+text)
}

// ImportRows builds a journey from a sheet already split into cells, such
// as a workbook's: rows[k] is row k+1, and errors name rows instead of
// lines. A cell's leading "'" before "=", "+", "-", "@", a tab, a carriage
// return or another "'" is removed as in a CSV (a workbook made from a CSV
// keeps the CSV's marks as text). Options.Comma, MaxBytes and MaxLineBytes
// do not apply.
func ImportRows(rows [][]string, opts Options) (*journey.Journey, error) {
	typ, err := checkType(opts)
	if err != nil {
		return nil, err
	}
	im := newImporter(opts, typ, &rowSource{rows: rows}, true)
	im.rows = true
	var seed strings.Builder
	seed.WriteString("rows\x00")
	for _, row := range rows {
		for _, c := range row {
			seed.WriteString(c)
			seed.WriteByte(0)
		}
		seed.WriteByte('\n')
	}
	return im.finish(im.run(), seed.String())
}

func checkType(opts Options) (journey.Type, error) {
	typ := opts.Type
	if typ == "" {
		typ = journey.CurrentState
	}
	if !typ.Valid() {
		_, err := journey.ParseType(string(typ))
		return "", fmt.Errorf("sheet: %w", err)
	}
	return typ, nil
}

func newImporter(opts Options, typ journey.Type, rd source, guard bool) *importer {
	maxErrors := opts.MaxErrors
	if maxErrors <= 0 {
		maxErrors = DefaultMaxErrors
	}
	title := opts.Title
	if strings.TrimSpace(title) == "" {
		title = DefaultTitle
	}
	j := &journey.Journey{SchemaVersion: journey.SchemaVersion, Title: title, Type: typ, Language: opts.Language}
	return &importer{opts: opts, maxErrors: maxErrors, rd: rd, j: j, guard: guard, lang: opts.Language,
		stages: map[string]*stageState{}, tpByID: map[uuid.UUID]*tpState{}, painIDs: map[uuid.UUID]int{}}
}

// finish turns the result of run into Import's: the journey with its ids,
// validated and within the document size, or the problems.
func (im *importer) finish(err error, seedText string) (*journey.Journey, error) {
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if len(im.errs) > 0 {
		if im.guessed != 0 && im.headerFailed {
			im.errs = append(im.errs, &Error{Err: ErrHeader, Detail: im.words().Delimiter(im.guessed)})
		}
		return nil, im.errs
	}
	j := im.j
	if j.Language == "" && im.lang == "vi" {
		j.Language = "vi"
	}
	// The journey id comes from the input and the options, as a decoded
	// document's comes from its bytes; FillIDs derives the others from it.
	seed := make([]byte, 0, len(seedText)+len(j.Title)+len(j.Language)+32)
	seed = append(seed, j.Title...)
	seed = append(seed, 0)
	seed = append(seed, j.Type...)
	seed = append(seed, 0)
	seed = append(seed, im.opts.Language...)
	seed = append(seed, 0)
	seed = append(seed, seedText...)
	j.ID = uuid.NewSHA1(journey.Namespace(), seed)
	j.FillIDs()
	if err := j.Validate(); err != nil {
		var out Errors
		var list docerr.List
		if errors.As(err, &list) {
			for _, e := range list {
				out = append(out, &Error{Err: e.Err, Detail: e.Error()})
			}
			return nil, out
		}
		return nil, Errors{{Err: err, Detail: err.Error()}}
	}
	maxDoc := im.opts.MaxDocumentBytes
	if maxDoc <= 0 {
		maxDoc = DefaultMaxDocumentBytes
	}
	if data, err := journey.Marshal(j); err == nil && len(data) > maxDoc {
		out := Errors{{Err: ErrTooLarge, Detail: im.words().TooLarge(len(data), maxDoc)}}
		out.setLanguage(im.lang)
		return nil, out
	}
	return j, nil
}

// detectComma picks the delimiter: the one of ',', ';' and '\t' with which
// a row among the first ones names the most known columns (ties in that
// order). decided is false when no delimiter finds a header; then the one
// most frequent outside quotes in the first line is returned (',' on a tie).
func detectComma(text string, maxLine int) (comma rune, decided bool) {
	best, bestCount := ',', 1
	for _, c := range []rune{',', ';', '\t'} {
		rd := newCSVReader(text, c, maxLine)
		for rows := 0; rows <= maxPreamble; rows++ {
			rec, err := rd.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var re *rowError
				if errors.As(err, &re) && re.stop {
					break
				}
				continue
			}
			if n := knownHeaders(rec); n > bestCount {
				best, bestCount = c, n
			}
		}
	}
	if bestCount > 1 {
		return best, true
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if !quoted && (c == '\n' || c == '\r') {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best = ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best, false
}

type stageState struct {
	s    *journey.Stage
	line int
	tps  map[string]*tpState // by "name:" + touchpoint name
}

type tpState struct {
	t     *touchpoint.Touchpoint
	stage *stageState
	line  int
	set   [numFields]int             // line where each scalar field was first given; 0 = not yet
	items [numFields]map[string]bool // items of each list field, once a second row adds to it
}

type importer struct {
	opts      Options
	maxErrors int
	rd        source
	j         *journey.Journey
	errs      Errors
	guard     bool   // remove the CSV renderer's formula guard
	rows      bool   // the source is a workbook's rows (errors say "row")
	lang      string // language of the messages: Options.Language, else the headers'
	guessed   rune   // the delimiter, when detection could not decide
	// headerFailed is set when the header row was refused.
	headerFailed bool

	header     []string
	col        [numFields]int // record index of each field, -1 when absent
	unnamed    []int          // columns with an empty header cell
	stages     map[string]*stageState
	tpByID     map[uuid.UUID]*tpState
	painIDs    map[uuid.UUID]int
	cur        *stageState
	curTP      *tpState
	rec        []string
	recLine    int
	headerLine int
}

// fail records a problem; it returns errStop once MaxErrors is reached.
func (im *importer) fail(line int, column string, sentinel error, detail string) error {
	im.errs = append(im.errs, &Error{Line: line, Column: column, Err: sentinel, Detail: detail, Language: im.lang, row: im.rows})
	if len(im.errs) >= im.maxErrors {
		im.errs = append(im.errs, &Error{Err: ErrTooManyErrors, Detail: im.words().TooMany(im.maxErrors)})
		return errStop
	}
	return nil
}

// words returns the words of the problems in the sheet's language.
func (im *importer) words() *i18n.ImportWords { return &i18n.Resolve(im.lang, "").Words().Import }

// enumFail records a cell that is not one of the values of kind ("phase",
// "channel", ...), listing them in the sheet's language.
func enumFail[E ~string](im *importer, f field, kind, cell string, values []E) error {
	w := im.words()
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = w.Allowed(kind, string(v))
	}
	return im.failCell(f, docerr.ErrEnum, w.NotAllowed(cell, kind, names))
}

// failCell records a problem with field f of the current row.
func (im *importer) failCell(f field, sentinel error, detail string) error {
	line := im.recLine
	column := fieldNames[f]
	if i := im.col[f]; i >= 0 {
		line, _ = im.rd.FieldPos(i)
		column = strings.TrimSpace(strings.TrimPrefix(im.header[i], "\ufeff"))
	}
	return im.fail(line, column, sentinel, detail)
}

// raw returns field f of the current row with the renderer's formula guard
// removed; "" when the column is absent. Text is kept exactly as written.
func (im *importer) raw(f field) string {
	i := im.col[f]
	if i < 0 {
		return ""
	}
	if !im.guard {
		return im.rec[i]
	}
	return unneutralise(im.rec[i])
}

// cell returns raw(f) without surrounding space: the form used for
// enumerations, numbers, ids, emptiness tests and grouping by name.
func (im *importer) cell(f field) string { return strings.TrimSpace(im.raw(f)) }

func (im *importer) any(fs []field) bool {
	for _, f := range fs {
		if im.cell(f) != "" {
			return true
		}
	}
	return false
}

// maxPreamble is how many rows above the header (a title, a note) are read.
const maxPreamble = 10

// knownHeaders counts the cells of rec that name a known column.
func knownHeaders(rec []string) int {
	n := 0
	for _, h := range rec {
		if _, ok := headerIndex[normalizeHeader(h)]; ok {
			n++
		}
	}
	return n
}

// preambleText returns the one non-empty cell of a row above the header, or
// ok false when the row has several (then it is taken as the header).
func preambleText(rec []string) (text string, ok bool) {
	for _, c := range rec {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if text != "" {
			return "", false
		}
		text = strings.TrimSpace(c)
	}
	return text, true
}

func (im *importer) run() error {
	// The header is the first row naming at least two known columns. Rows of
	// a single cell above it (a sheet title, a note) become the journey's
	// title, when Options.Title is empty, and description.
	var preamble []string
	var rec []string
	for rows := 0; ; rows++ {
		r, err := im.rd.Read()
		if err == io.EOF {
			im.headerFailed = true
			if rows > 0 {
				return im.fail(0, "", ErrHeader, im.words().NoHeader(Columns()))
			}
			return im.fail(0, "", ErrHeader, im.words().Empty(Columns()))
		}
		if err != nil {
			if err := im.syntax(err); err != nil {
				return err
			}
			continue
		}
		text, single := preambleText(r)
		if knownHeaders(r) >= 2 || !single || rows == maxPreamble {
			rec = r
			break
		}
		if text != "" {
			preamble = append(preamble, text)
		}
	}
	if len(preamble) > 0 {
		if strings.TrimSpace(im.opts.Title) == "" {
			im.j.Title = preamble[0]
			preamble = preamble[1:]
		}
		im.j.Description = strings.Join(preamble, "\n")
	}
	im.headerLine, _ = im.rd.FieldPos(0)
	if err := im.readHeader(rec); err != nil || len(im.errs) > 0 {
		im.headerFailed = true
		return err
	}
	for {
		rec, err := im.rd.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if err := im.syntax(err); err != nil {
				return err
			}
			continue
		}
		if err := im.row(rec); err != nil {
			return err
		}
	}
}

func (im *importer) syntax(err error) error {
	var re *rowError
	if !errors.As(err, &re) {
		return err
	}
	sentinel := ErrSyntax
	if re.err == errLongLine {
		sentinel = ErrTooLarge
	}
	if err := im.fail(re.line, "", sentinel, re.detail(im.words())); err != nil {
		return err
	}
	if re.stop {
		return errStop
	}
	return nil
}

func (im *importer) readHeader(rec []string) error {
	im.header = rec
	for f := range im.col {
		im.col[f] = -1
	}
	if im.opts.Language == "" {
		vi, other := 0, 0
		for _, h := range rec {
			n := normalizeHeader(h)
			if _, ok := headerIndex[n]; !ok {
				continue
			}
			if headerIsVietnamese[n] {
				vi++
			} else {
				other++
			}
		}
		if vi > other {
			im.lang = "vi"
		}
	} else if journey.IsVietnamese(im.opts.Language) {
		im.lang = "vi"
	}
	for i, h := range rec {
		n := normalizeHeader(h)
		name := strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if n == "" {
			im.unnamed = append(im.unnamed, i)
			continue
		}
		f, ok := headerIndex[n]
		if !ok {
			if im.opts.AllowUnknownColumns {
				continue
			}
			if err := im.fail(im.headerLine, name, ErrHeader, im.words().UnknownColumn(Columns())); err != nil {
				return err
			}
			continue
		}
		if prev := im.col[f]; prev >= 0 {
			if err := im.fail(im.headerLine, name, ErrHeader, im.words().SameColumn(fieldNames[f], strings.TrimSpace(rec[prev]))); err != nil {
				return err
			}
			continue
		}
		im.col[f] = i
	}
	for _, f := range requiredFields {
		if im.col[f] < 0 {
			if err := im.fail(im.headerLine, "", ErrHeader, im.words().MissingColumn(fieldNames[f])); err != nil {
				return err
			}
		}
	}
	return nil
}

// row reads one data row.
func (im *importer) row(rec []string) error {
	im.rec = rec
	im.recLine, _ = im.rd.FieldPos(0)
	blank := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return nil
	}
	if len(rec) != len(im.header) {
		return im.fail(im.recLine, "", ErrRowLength, im.words().RowLength(len(rec), len(im.header)))
	}
	for _, i := range im.unnamed {
		if strings.TrimSpace(rec[i]) != "" {
			line, _ := im.rd.FieldPos(i)
			if im.opts.AllowUnknownColumns {
				continue
			}
			if err := im.fail(line, "#"+strconv.Itoa(i+1), ErrHeader, im.words().Unheaded(rec[i])); err != nil {
				return err
			}
		}
	}
	st, err := im.stage()
	if err != nil || st == nil {
		return err
	}
	tp, err := im.touchpoint(st)
	if err != nil || tp == nil {
		return err
	}
	if im.any(ppFields) {
		return im.painPoint(tp)
	}
	return nil
}

// parseID reads an id cell; ok is false (and the problem recorded) when it is not a UUID.
func (im *importer) parseID(f field) (id uuid.UUID, ok bool, err error) {
	c := im.cell(f)
	if c == "" {
		return uuid.Nil, true, nil
	}
	id, perr := uuid.Parse(c)
	if perr != nil || id == uuid.Nil {
		return uuid.Nil, false, im.failCell(f, docerr.ErrInvalid, im.words().NotUUID(c))
	}
	return id, true, nil
}

// stage finds or creates the stage of the current row. It returns nil
// when the row cannot be placed (the problem is recorded).
func (im *importer) stage() (*stageState, error) {
	name := im.cell(fStage)
	id, idOK, err := im.parseID(fStageID)
	if err != nil {
		return nil, err
	}
	phaseCell := im.cell(fPhase)
	var phase journey.Phase
	if phaseCell != "" {
		p, ok := lookup(journey.Phases(), phaseAliases, phaseCell)
		if !ok {
			if err := enumFail(im, fPhase, "phase", phaseCell, journey.Phases()); err != nil {
				return nil, err
			}
		}
		phase = p
	}
	if name == "" && im.cell(fStageID) == "" {
		if im.cur == nil {
			return nil, im.failCell(fStage, docerr.ErrRequired, im.words().FirstStage)
		}
		if phase != "" && phase != im.cur.s.Phase {
			return im.cur, im.failCell(fPhase, ErrConflict, im.conflictPhase(im.cur))
		}
		return im.cur, nil
	}
	if !idOK {
		return nil, nil
	}
	var st *stageState
	if id != uuid.Nil {
		st = im.stages["id:"+id.String()]
	} else {
		st = im.stages["name:"+name]
	}
	if st == nil {
		if name == "" {
			return nil, im.failCell(fStage, docerr.ErrRequired, im.words().StageName)
		}
		if phaseCell == "" {
			if err := im.failCell(fPhase, docerr.ErrRequired, im.words().StagePhase(name)); err != nil {
				return nil, err
			}
		}
		s := &journey.Stage{ID: id, Name: im.raw(fStage), Phase: phase}
		im.j.Stages = append(im.j.Stages, s)
		st = &stageState{s: s, line: im.recLine, tps: map[string]*tpState{}}
		if id != uuid.Nil {
			im.stages["id:"+id.String()] = st
		}
		if _, taken := im.stages["name:"+name]; !taken {
			im.stages["name:"+name] = st
		}
	} else {
		if name != "" && name != strings.TrimSpace(st.s.Name) {
			if err := im.failCell(fStage, ErrConflict, im.words().StageNamed(id.String(), st.s.Name, st.line)); err != nil {
				return nil, err
			}
		}
		if phase != "" && phase != st.s.Phase {
			if err := im.failCell(fPhase, ErrConflict, im.conflictPhase(st)); err != nil {
				return nil, err
			}
		}
	}
	if im.cur != st {
		im.curTP = nil
	}
	im.cur = st
	return st, nil
}

// touchpoint finds or creates the touchpoint of the current row and merges
// its cells. It returns nil for a row that only names a stage.
func (im *importer) touchpoint(st *stageState) (*tpState, error) {
	name := im.cell(fTouchpoint)
	id, idOK, err := im.parseID(fTouchpointID)
	if err != nil || !idOK {
		return nil, err
	}
	var tp *tpState
	switch {
	case name == "" && id == uuid.Nil:
		if !im.any(tpFields) && !im.any(ppFields) {
			return nil, nil // a stage without touchpoints
		}
		if im.curTP == nil || im.curTP.stage != st {
			return nil, im.failCell(fTouchpoint, docerr.ErrRequired, im.words().NoTouchpoint)
		}
		tp = im.curTP
	case id != uuid.Nil:
		tp = im.tpByID[id]
		if tp != nil && tp.stage != st {
			return nil, im.failCell(fTouchpointID, ErrConflict, im.words().TouchpointStage(id.String(), tp.stage.s.Name, tp.line))
		}
		if tp != nil && name != "" && name != strings.TrimSpace(tp.t.Name) {
			if err := im.failCell(fTouchpoint, ErrConflict, im.words().TouchpointNamed(id.String(), tp.t.Name, tp.line)); err != nil {
				return nil, err
			}
		}
	default:
		tp = st.tps["name:"+name]
	}
	if tp == nil {
		if name == "" {
			return nil, im.failCell(fTouchpoint, docerr.ErrRequired, im.words().TouchpointName)
		}
		t := &touchpoint.Touchpoint{ID: id, Name: im.raw(fTouchpoint)}
		st.s.Touchpoints = append(st.s.Touchpoints, t)
		tp = &tpState{t: t, stage: st, line: im.recLine}
		if id != uuid.Nil {
			im.tpByID[id] = tp
		}
		if _, taken := st.tps["name:"+name]; !taken {
			st.tps["name:"+name] = tp
		}
		if im.cell(fChannel) == "" {
			if err := im.failCell(fChannel, docerr.ErrRequired, im.words().TouchpointChannel(name)); err != nil {
				return nil, err
			}
		}
	}
	im.curTP = tp
	return tp, im.mergeTouchpoint(tp)
}

// conflictPhase says that a later row gives st another phase.
func (im *importer) conflictPhase(st *stageState) string {
	return im.words().PhaseConflict(st.s.Name, string(st.s.Phase), st.line)
}

// setScalar stores a scalar cell the first time and reports a conflict
// when a later row of the same touchpoint gives another value.
func (im *importer) setScalar(tp *tpState, f field, value, current string, store func()) error {
	if tp.set[f] == 0 {
		tp.set[f] = im.recLine
		store()
		return nil
	}
	if value != current {
		return im.failCell(f, ErrConflict, im.words().ValueConflict(tp.t.Name, fieldNames[f], current, tp.set[f]))
	}
	return nil
}

func (im *importer) mergeTouchpoint(tp *tpState) error {
	t := tp.t
	if c := im.cell(fChannel); c != "" {
		v, ok := lookup(channel.Channels(), channelAliases, c)
		if !ok {
			if err := enumFail(im, fChannel, "channel", c, channel.Channels()); err != nil {
				return err
			}
		} else if err := im.setScalar(tp, fChannel, string(v), string(t.Channel), func() { t.Channel = v }); err != nil {
			return err
		}
	}
	if c := im.cell(fMode); c != "" {
		v, ok := lookup(channel.Modes(), modeAliases, c)
		if !ok {
			if err := enumFail(im, fMode, "mode", c, channel.Modes()); err != nil {
				return err
			}
		} else if err := im.setScalar(tp, fMode, string(v), string(t.Mode), func() { t.Mode = v }); err != nil {
			return err
		}
	}
	if c := im.cell(fInitiator); c != "" {
		v, ok := lookup(touchpoint.Initiators(), initiatorAliases, c)
		if !ok {
			if err := enumFail(im, fInitiator, "initiator", c, touchpoint.Initiators()); err != nil {
				return err
			}
		} else if err := im.setScalar(tp, fInitiator, string(v), string(t.Initiator), func() { t.Initiator = v }); err != nil {
			return err
		}
	}
	if c := im.raw(fOwner); strings.TrimSpace(c) != "" {
		if err := im.setScalar(tp, fOwner, c, t.Owner, func() { t.Owner = c }); err != nil {
			return err
		}
	}
	if c := im.cell(fEmotion); c != "" {
		v, problem := parseEmotion(c)
		if problem != nil {
			if err := im.failCell(fEmotion, problem.Err, problem.detail(im.words())); err != nil {
				return err
			}
		} else {
			current := ""
			if t.Emotion != nil {
				current = strconv.FormatFloat(*t.Emotion, 'f', -1, 64)
			}
			if err := im.setScalar(tp, fEmotion, strconv.FormatFloat(v, 'f', -1, 64), current, func() { t.SetEmotion(v) }); err != nil {
				return err
			}
		}
	}
	im.mergeList(tp, fActions, &t.Actions)
	im.mergeList(tp, fThoughts, &t.Thoughts)
	im.mergeList(tp, fFeelings, &t.Feelings)
	return nil
}

// mergeList adds the items of list cell f to *list: as given the first
// time, and afterwards only the items not yet present (rows of the same
// touchpoint repeat its cells, or each add one item).
func (im *importer) mergeList(tp *tpState, f field, list *[]string) {
	items := splitList(im.raw(f))
	if len(items) == 0 {
		return
	}
	if tp.set[f] == 0 {
		tp.set[f] = im.recLine
		*list = append(*list, items...)
		return
	}
	seen := tp.items[f]
	if seen == nil {
		seen = make(map[string]bool, len(*list))
		for _, it := range *list {
			seen[it] = true
		}
		tp.items[f] = seen
	}
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			*list = append(*list, it)
		}
	}
}

func (im *importer) painPoint(tp *tpState) error {
	id, idOK, err := im.parseID(fPainID)
	if err != nil {
		return err
	}
	p := &painpoint.PainPoint{
		ID:          id,
		Title:       im.raw(fPain),
		Description: im.raw(fPainDescription),
		Evidence:    im.raw(fPainEvidence),
	}
	if idOK && id != uuid.Nil {
		if line, dup := im.painIDs[id]; dup {
			if err := im.failCell(fPainID, docerr.ErrDuplicateID, im.words().PainID(id.String(), line)); err != nil {
				return err
			}
		}
		im.painIDs[id] = im.recLine
	}
	if strings.TrimSpace(p.Title) == "" {
		if err := im.failCell(fPain, docerr.ErrRequired, im.words().PainTitle); err != nil {
			return err
		}
	}
	if c := im.cell(fPainCategory); c == "" {
		if err := im.failCell(fPainCategory, docerr.ErrRequired, im.words().PainCategory); err != nil {
			return err
		}
	} else if v, ok := lookup(painpoint.Categories(), categoryAliases, c); ok {
		p.Category = v
	} else if err := enumFail(im, fPainCategory, "category", c, painpoint.Categories()); err != nil {
		return err
	}
	if c := im.cell(fPainSeverity); c == "" {
		if err := im.failCell(fPainSeverity, docerr.ErrRequired, im.words().PainLevel); err != nil {
			return err
		}
	} else if v, ok := lookup(painpoint.Severities(), severityAliases, c); ok {
		p.Severity = v
	} else if err := enumFail(im, fPainSeverity, "severity", c, painpoint.Severities()); err != nil {
		return err
	}
	tp.t.PainPoints = append(tp.t.PainPoints, p)
	return nil
}
