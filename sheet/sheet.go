// Package sheet builds a journey from a spreadsheet saved as CSV: the table
// the csv renderer writes, and the looser layouts marketers keep in Excel.
//
// The input is one row per touchpoint, or per touchpoint × pain point, with
// columns such as stage, phase, touchpoint, channel, owner, emotion, actions,
// thoughts, feelings, pain_category, pain_severity and pain (see Columns for
// the full list in the renderer's order). Headers are matched ignoring case,
// surrounding space, "_"/"-" and Vietnamese diacritics (precomposed,
// decomposed, or left out), in English or Vietnamese ("giai đoạn",
// "điểm chạm", "kênh", "cảm xúc", "loại điểm đau", "mức độ", "điểm đau", ...),
// and enumeration cells accept Vietnamese too ("trước khi mua hàng",
// "tài chính", "năng suất", "quy trình", "hỗ trợ", "cao", ...). Text cells are
// kept exactly as written.
//
// Rows are grouped into stages by stage_id or stage name, and into
// touchpoints by touchpoint_id or touchpoint name within the stage, in order
// of first appearance. A blank stage or touchpoint cell continues the one
// above (the way merged cells are exported), so a touchpoint with three pain
// points may fill its cells once. Multi-valued cells (actions, thoughts,
// feelings) hold one item per line. A leading "'" that the csv renderer adds
// to keep spreadsheets from running a cell as a formula is removed. A byte
// order mark is ignored, and the delimiter (comma, semicolon or tab) is read
// from the header row unless Options.Comma says.
//
// The header is the first row naming at least two known columns; rows of a
// single cell above it (a sheet title, a note) become the journey's title
// (unless Options.Title is set) and description.
//
// Every problem is reported at once, as Errors, each naming its line and
// column: `line 7, column "emotion": "abc" is not a number`.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

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
	// Language is the BCP 47 tag of the sheet's text, e.g. "vi"; optional.
	Language string
	// Comma is the field delimiter; 0 detects ',', ';' or '\t' from the header row.
	Comma rune
	// AllowUnknownColumns ignores columns the importer does not know instead
	// of reporting them. Off by default, so no data is dropped unnoticed.
	AllowUnknownColumns bool
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
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
func Import(r io.Reader, opts Options) (*journey.Journey, error) {
	typ := opts.Type
	if typ == "" {
		typ = journey.CurrentState
	}
	if !typ.Valid() {
		_, err := journey.ParseType(string(typ))
		return nil, fmt.Errorf("sheet: %w", err)
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
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
	comma := opts.Comma
	if comma == 0 {
		comma = detectComma(data)
	}
	maxErrors := opts.MaxErrors
	if maxErrors <= 0 {
		maxErrors = DefaultMaxErrors
	}
	title := opts.Title
	if strings.TrimSpace(title) == "" {
		title = DefaultTitle
	}
	j := &journey.Journey{SchemaVersion: journey.SchemaVersion, Title: title, Type: typ, Language: opts.Language}

	rd := csv.NewReader(bytes.NewReader(data))
	rd.Comma = comma
	rd.FieldsPerRecord = -1
	im := &importer{opts: opts, maxErrors: maxErrors, rd: rd, j: j,
		stages: map[string]*stageState{}, tpByID: map[uuid.UUID]*tpState{}, painIDs: map[uuid.UUID]int{}}
	if err := im.run(); err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if len(im.errs) > 0 {
		return nil, im.errs
	}
	// The journey id comes from the input and the options, as a decoded
	// document's comes from its bytes; FillIDs derives the others from it.
	seed := make([]byte, 0, len(data)+len(title)+len(opts.Language)+32)
	seed = append(seed, "sheet\x00"...)
	seed = append(seed, title...)
	seed = append(seed, 0)
	seed = append(seed, typ...)
	seed = append(seed, 0)
	seed = append(seed, opts.Language...)
	seed = append(seed, 0)
	seed = append(seed, data...)
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
	return j, nil
}

// detectComma picks the delimiter that occurs most often, outside quotes,
// in the first line: ',' (also on a tie or when none occurs), ';' or '\t'.
func detectComma(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(data) {
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
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
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
	rd        *csv.Reader
	j         *journey.Journey
	errs      Errors

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
	im.errs = append(im.errs, &Error{Line: line, Column: column, Err: sentinel, Detail: detail})
	if len(im.errs) >= im.maxErrors {
		im.errs = append(im.errs, &Error{Err: ErrTooManyErrors, Detail: fmt.Sprintf("stopped after %d problems", im.maxErrors)})
		return errStop
	}
	return nil
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
			if rows > 0 {
				return im.fail(0, "", ErrHeader, "no header row: expected a row naming columns such as "+strings.Join(Columns(), ","))
			}
			return im.fail(0, "", ErrHeader, "the input is empty: expected a header row such as "+strings.Join(Columns(), ","))
		}
		if err != nil {
			return im.syntax(err)
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
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return im.fail(pe.Line, "", ErrSyntax, fmt.Sprintf("%v (at character %d)", pe.Err, pe.Column))
	}
	return err
}

func (im *importer) readHeader(rec []string) error {
	im.header = rec
	for f := range im.col {
		im.col[f] = -1
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
			if err := im.fail(im.headerLine, name, ErrHeader, "unknown column (known: "+strings.Join(Columns(), ", ")+
				`; Vietnamese headers such as "giai đoạn", "điểm chạm", "kênh" work too)`); err != nil {
				return err
			}
			continue
		}
		if prev := im.col[f]; prev >= 0 {
			if err := im.fail(im.headerLine, name, ErrHeader, fmt.Sprintf("names the same column (%s) as %q", fieldNames[f], strings.TrimSpace(rec[prev]))); err != nil {
				return err
			}
			continue
		}
		im.col[f] = i
	}
	for _, f := range requiredFields {
		if im.col[f] < 0 {
			if err := im.fail(im.headerLine, "", ErrHeader, fmt.Sprintf("missing column %q (or %q)", fieldNames[f], vietnameseAlias(f))); err != nil {
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
		return im.fail(im.recLine, "", ErrRowLength, fmt.Sprintf("the row has %d cells, the header has %d", len(rec), len(im.header)))
	}
	for _, i := range im.unnamed {
		if strings.TrimSpace(rec[i]) != "" {
			line, _ := im.rd.FieldPos(i)
			if im.opts.AllowUnknownColumns {
				continue
			}
			if err := im.fail(line, "#"+strconv.Itoa(i+1), ErrHeader, fmt.Sprintf("cell %q is in a column without a header", rec[i])); err != nil {
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
		return uuid.Nil, false, im.failCell(f, docerr.ErrInvalid, fmt.Sprintf("%q is not a UUID", c))
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
			if err := im.failCell(fPhase, docerr.ErrEnum, enumDetail("phase", phaseCell, journey.Phases())); err != nil {
				return nil, err
			}
		}
		phase = p
	}
	if name == "" && im.cell(fStageID) == "" {
		if im.cur == nil {
			return nil, im.failCell(fStage, docerr.ErrRequired, "the first row must name its stage")
		}
		if phase != "" && phase != im.cur.s.Phase {
			return im.cur, im.failCell(fPhase, ErrConflict, fmt.Sprintf("stage %q has phase %s (line %d)", im.cur.s.Name, im.cur.s.Phase, im.cur.line))
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
			return nil, im.failCell(fStage, docerr.ErrRequired, "a new stage needs a name")
		}
		if phaseCell == "" {
			if err := im.failCell(fPhase, docerr.ErrRequired, fmt.Sprintf("stage %q needs a phase (before_purchase, during_purchase or after_purchase)", name)); err != nil {
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
			if err := im.failCell(fStage, ErrConflict, fmt.Sprintf("stage %s is named %q (line %d)", id, st.s.Name, st.line)); err != nil {
				return nil, err
			}
		}
		if phase != "" && phase != st.s.Phase {
			if err := im.failCell(fPhase, ErrConflict, fmt.Sprintf("stage %q has phase %s (line %d)", st.s.Name, st.s.Phase, st.line)); err != nil {
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
			return nil, im.failCell(fTouchpoint, docerr.ErrRequired, "the row has touchpoint or pain point cells but names no touchpoint")
		}
		tp = im.curTP
	case id != uuid.Nil:
		tp = im.tpByID[id]
		if tp != nil && tp.stage != st {
			return nil, im.failCell(fTouchpointID, ErrConflict, fmt.Sprintf("touchpoint %s belongs to stage %q (line %d)", id, tp.stage.s.Name, tp.line))
		}
		if tp != nil && name != "" && name != strings.TrimSpace(tp.t.Name) {
			if err := im.failCell(fTouchpoint, ErrConflict, fmt.Sprintf("touchpoint %s is named %q (line %d)", id, tp.t.Name, tp.line)); err != nil {
				return nil, err
			}
		}
	default:
		tp = st.tps["name:"+name]
	}
	if tp == nil {
		if name == "" {
			return nil, im.failCell(fTouchpoint, docerr.ErrRequired, "a new touchpoint needs a name")
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
			if err := im.failCell(fChannel, docerr.ErrRequired, fmt.Sprintf("touchpoint %q needs a channel", name)); err != nil {
				return nil, err
			}
		}
	}
	im.curTP = tp
	return tp, im.mergeTouchpoint(tp)
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
		return im.failCell(f, ErrConflict, fmt.Sprintf("touchpoint %q has %s %q (line %d)", tp.t.Name, fieldNames[f], current, tp.set[f]))
	}
	return nil
}

func (im *importer) mergeTouchpoint(tp *tpState) error {
	t := tp.t
	if c := im.cell(fChannel); c != "" {
		v, ok := lookup(channel.Channels(), channelAliases, c)
		if !ok {
			if err := im.failCell(fChannel, docerr.ErrEnum, enumDetail("channel", c, channel.Channels())); err != nil {
				return err
			}
		} else if err := im.setScalar(tp, fChannel, string(v), string(t.Channel), func() { t.Channel = v }); err != nil {
			return err
		}
	}
	if c := im.cell(fMode); c != "" {
		v, ok := lookup(channel.Modes(), modeAliases, c)
		if !ok {
			if err := im.failCell(fMode, docerr.ErrEnum, enumDetail("mode", c, channel.Modes())); err != nil {
				return err
			}
		} else if err := im.setScalar(tp, fMode, string(v), string(t.Mode), func() { t.Mode = v }); err != nil {
			return err
		}
	}
	if c := im.cell(fInitiator); c != "" {
		v, ok := lookup(touchpoint.Initiators(), initiatorAliases, c)
		if !ok {
			if err := im.failCell(fInitiator, docerr.ErrEnum, enumDetail("initiator", c, touchpoint.Initiators())); err != nil {
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
			if err := im.failCell(fEmotion, problem.Err, problem.Detail); err != nil {
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
			if err := im.failCell(fPainID, docerr.ErrDuplicateID, fmt.Sprintf("pain point %s is already on line %d", id, line)); err != nil {
				return err
			}
		}
		im.painIDs[id] = im.recLine
	}
	if strings.TrimSpace(p.Title) == "" {
		if err := im.failCell(fPain, docerr.ErrRequired, "a pain point needs a title"); err != nil {
			return err
		}
	}
	if c := im.cell(fPainCategory); c == "" {
		if err := im.failCell(fPainCategory, docerr.ErrRequired, "a pain point needs a category (financial, productivity, process or support)"); err != nil {
			return err
		}
	} else if v, ok := lookup(painpoint.Categories(), categoryAliases, c); ok {
		p.Category = v
	} else if err := im.failCell(fPainCategory, docerr.ErrEnum, enumDetail("pain point category", c, painpoint.Categories())); err != nil {
		return err
	}
	if c := im.cell(fPainSeverity); c == "" {
		if err := im.failCell(fPainSeverity, docerr.ErrRequired, "a pain point needs a severity (low, medium, high or critical)"); err != nil {
			return err
		}
	} else if v, ok := lookup(painpoint.Severities(), severityAliases, c); ok {
		p.Severity = v
	} else if err := im.failCell(fPainSeverity, docerr.ErrEnum, enumDetail("severity", c, painpoint.Severities())); err != nil {
		return err
	}
	tp.t.PainPoints = append(tp.t.PainPoints, p)
	return nil
}
