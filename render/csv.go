package render

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
)

// CSVHeader is the header row of the CSV renderer, the layout the CSV
// importer reads.
var CSVHeader = []string{
	"stage_id", "stage", "phase", "touchpoint_id", "touchpoint", "channel", "mode", "initiator",
	"owner", "emotion", "actions", "thoughts", "feelings", "pain_point_id", "pain_category",
	"pain_severity", "pain", "pain_description", "pain_evidence",
}

// CSVHeaderFor returns the header row the CSV renderer writes for the
// language: Vietnamese headers ("Bước", "Điểm chạm", "Kênh", …) for "vi"
// and its regional variants, CSVHeader otherwise. The result is a fresh copy.
func CSVHeaderFor(language string) []string {
	h := append([]string(nil), CSVHeader...)
	if journey.IsVietnamese(language) {
		c := i18n.Vietnamese.Words()
		for i, f := range h {
			h[i] = c.Column(f)
		}
	}
	return h
}

// ErrCSVList is wrapped by the errors of the CSV renderer (and Tables) for a
// list item the one-item-per-line layout cannot carry: an empty or blank
// item, or one holding a line break.
var ErrCSVList = errors.New("render: list item a spreadsheet cell cannot carry")

// CSV renders a journey as comma-separated values for spreadsheets: the
// header row, then one row per touchpoint × pain point (a touchpoint with no
// pain point is one row with empty pain columns; a stage with no touchpoint
// is one row with empty touchpoint columns, so no stage is lost).
//
// Multi-valued cells (actions, thoughts, feelings) hold one item per line.
// Emotion is a plain number ("-1.5"), empty when not measured. Mode is
// written as the document holds it (empty means the channel's default).
//
// With Language "vi" the headers and the enumerated values (phase, channel,
// mode, initiator, pain category and severity) are written in Vietnamese,
// with the words the HTML page uses ("Trước khi mua hàng", "Ứng dụng di
// động"); the sheet importer reads both forms back. Any other Language
// writes CSVHeader and the document's own values.
//
// A text cell that a spreadsheet could run as a formula — starting with
// "=", "+", "-", "@", a tab or a carriage return — gets a leading "'". So
// that the importer can remove exactly the "'" added, a cell that already
// starts with "'" followed by one of those characters or by another "'"
// gets one too. Cells are written byte for byte (a "\r\n" inside a label
// stays "\r\n"; rows end with "\n", or "\r\n" with CRLF).
//
// What a CSV does not carry: everything outside the stages' rows (the
// journey's id, title, description, objective, owner, language, review
// dates, personas, opportunities, extensions), and of a stage its
// description, customer goal, questions and metrics; of a touchpoint its
// description, persona ids, persona emotions, metrics, supports, physical
// evidence and extensions; of a pain point its persona ids and extensions.
// The render refuses (ErrCSVList) a list item that is empty, blank or holds
// a line break, which one item per line cannot show.
//
// The zero value is ready to use.
type CSV struct {
	// CRLF ends rows with "\r\n" instead of "\n".
	CRLF bool
	// Language of the headers and enumerated values: "vi" for Vietnamese;
	// anything else (the default) writes the canonical layout.
	Language string
}

// Render writes the table to w.
func (c CSV) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	lang := ""
	if journey.IsVietnamese(c.Language) {
		lang = "vi"
	}
	if err := checkLists(j); err != nil {
		return err
	}
	end := "\n"
	if c.CRLF {
		end = "\r\n"
	}
	b := make([]byte, 0, 4096)
	flush := func() error {
		_, err := w.Write(b)
		b = b[:0]
		return err
	}
	b = appendCSVRow(b, CSVHeaderFor(lang), false, end)
	err := eachMapRow(j, lang, func(row []string) error {
		b = appendCSVRow(b, row, true, end)
		if len(b) >= 64<<10 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// appendCSVRow appends one record, each field quoted when it needs to be
// (a delimiter, quote or line break inside, or space at its start) with
// the content otherwise written as is, and text cells guarded.
func appendCSVRow(b []byte, row []string, guard bool, end string) []byte {
	for i, f := range row {
		if i > 0 {
			b = append(b, ',')
		}
		if guard && i != colEmotion {
			f = csvText(f)
		}
		if f == "" || !strings.ContainsAny(f, ",\"\r\n") && f[0] != ' ' && f[0] != '\t' && f != `\.` {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for k := 0; k < len(f); k++ {
			if f[k] == '"' {
				b = append(b, '"')
			}
			b = append(b, f[k])
		}
		b = append(b, '"')
	}
	return append(b, end...)
}

// The columns of the map table.
const (
	colTouchpointID = 3
	colEmotion      = 9
	colPainID       = 13
)

// csvText neutralises a text cell a spreadsheet would read as a formula by
// prefixing "'", and prefixes one to a cell whose own leading "'" the
// importer would otherwise take for that guard.
func csvText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	case '\'':
		if len(s) > 1 {
			switch s[1] {
			case '=', '+', '-', '@', '\t', '\r', '\'':
				return "'" + s
			}
		}
	}
	return s
}

// Table is one sheet of a spreadsheet export: a name, a header row, and rows
// of plain text cells (no formula guard: a writer that stores cells as text
// needs none, and the CSV renderer adds its own).
type Table struct {
	// Name is the sheet's name in the table's language, e.g. "Map" or "Bản đồ".
	Name string
	// Header names the columns.
	Header []string
	// Rows are the data rows, each as long as Header.
	Rows [][]string
}

// Tables returns a journey as the tables of a workbook, in the language
// ("vi" for Vietnamese headers and values, anything else for the canonical
// English layout): the map (the CSV renderer's layout), then the personas,
// the pain points with the stage and touchpoint they belong to, and the
// opportunities. List cells hold one item per line; an item such a cell
// cannot carry is an error wrapping ErrCSVList that names its path.
func Tables(j *journey.Journey, language string) ([]Table, error) {
	if j == nil {
		return nil, ErrNilJourney
	}
	lang := ""
	if journey.IsVietnamese(language) {
		lang = "vi"
	}
	m, err := mapTable(j, lang)
	if err != nil {
		return nil, err
	}
	var errs docerr.List
	wd := english
	if lang == "vi" {
		wd = languageWords[i18n.Vietnamese]
		m.Name = wd.MapSheet
	}
	// value writes an enumerated value: the code in the canonical layout,
	// the renderers' word in Vietnamese.
	value := func(code, word string) string {
		if lang == "vi" && code != "" {
			return word
		}
		return code
	}

	personas := Table{Name: "Personas", Header: []string{"id", "name", "description", "quote", "lifecycle", "age_range",
		"gender", "income", "location", "occupation", "goals", "needs", "frustrations", "behaviors", "preferred_channels"}}
	if lang == "vi" {
		personas.Name = wd.Personas
		personas.Header = []string{wd.ID, wd.Name, wd.Description, wd.Quote, wd.Lifecycle, wd.AgeRange, wd.Gender, wd.Income,
			wd.Location, wd.Occupation, wd.Goals, wd.Needs, wd.Frustrations, wd.Behaviors, wd.PreferredChannels}
	}
	for i, p := range j.Personas {
		if p == nil {
			continue
		}
		path := docerr.Index("personas", i)
		var d [5]string
		if p.Demographics != nil {
			d = [5]string{p.Demographics.AgeRange, p.Demographics.Gender, p.Demographics.Income, p.Demographics.Location, p.Demographics.Occupation}
		}
		chans := make([]string, len(p.PreferredChannels))
		for k, c := range p.PreferredChannels {
			chans[k] = value(string(c), wd.channel(string(c)))
		}
		personas.Rows = append(personas.Rows, []string{p.ID.String(), p.Name, p.Description, p.Quote,
			value(string(p.Lifecycle), wd.lifecycle(string(p.Lifecycle))), d[0], d[1], d[2], d[3], d[4],
			listCell(&errs, path+".goals", p.Goals), listCell(&errs, path+".needs", p.Needs),
			listCell(&errs, path+".frustrations", p.Frustrations), listCell(&errs, path+".behaviors", p.Behaviors),
			strings.Join(chans, "\n")})
	}

	pains := Table{Name: "Pain points", Header: []string{"stage", "touchpoint", "pain_point_id", "pain", "pain_category",
		"pain_severity", "pain_description", "pain_evidence", "personas"}}
	if lang == "vi" {
		pains.Name = wd.PainPoints
		c := i18n.Vietnamese.Words()
		pains.Header = []string{c.Column("stage"), c.Column("touchpoint"), c.Column("pain_point_id"), c.Column("pain"),
			c.Column("pain_category"), c.Column("pain_severity"), c.Column("pain_description"), c.Column("pain_evidence"), wd.Served}
	}
	names := map[uuid.UUID]string{}
	for _, p := range j.Personas {
		if p != nil {
			names[p.ID] = p.Name
		}
	}
	personaNames := func(ids []uuid.UUID) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			if n, ok := names[id]; ok {
				out[i] = n
			} else {
				out[i] = id.String()
			}
		}
		return strings.Join(out, "\n")
	}
	for s, t := range j.Touchpoints() {
		for _, p := range t.PainPoints {
			if p == nil {
				continue
			}
			pains.Rows = append(pains.Rows, []string{s.Name, t.Name, p.ID.String(), p.Title,
				value(string(p.Category), wd.category(string(p.Category))), value(string(p.Severity), wd.severity(string(p.Severity))),
				p.Description, p.Evidence, personaNames(p.PersonaIDs)})
		}
	}

	opps := Table{Name: "Opportunities", Header: []string{"id", "title", "description", "status", "impact", "effort", "owner",
		"pain_points", "touchpoints"}}
	if lang == "vi" {
		opps.Name = wd.Opportunities
		opps.Header = []string{wd.ID, wd.Name, wd.Description, wd.Status, wd.Impact, wd.Effort, wd.Owner, wd.PainPoints, wd.Touchpoints}
	}
	for _, o := range j.Opportunities {
		if o == nil {
			continue
		}
		var painTitles, tpNames []string
		for _, id := range o.PainPointIDs {
			if _, p := j.PainPoint(id); p != nil {
				painTitles = append(painTitles, p.Title)
			} else {
				painTitles = append(painTitles, id.String())
			}
		}
		for _, id := range o.TouchpointIDs {
			if _, t := j.Touchpoint(id); t != nil {
				tpNames = append(tpNames, t.Name)
			} else {
				tpNames = append(tpNames, id.String())
			}
		}
		number := func(n int) string {
			if n == 0 {
				return ""
			}
			return strconv.Itoa(n)
		}
		opps.Rows = append(opps.Rows, []string{o.ID.String(), o.Title, o.Description,
			value(string(o.Status), wd.status(string(o.Status))), number(o.Impact), number(o.Effort), o.Owner,
			strings.Join(painTitles, "\n"), strings.Join(tpNames, "\n")})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return []Table{m, personas, pains, opps}, nil
}

// mapTable is the CSV layout as a table, without the formula guard.
func mapTable(j *journey.Journey, lang string) (Table, error) {
	t := Table{Name: "Map", Header: CSVHeaderFor(lang)}
	if err := checkLists(j); err != nil {
		return t, err
	}
	err := eachMapRow(j, lang, func(row []string) error {
		t.Rows = append(t.Rows, append([]string(nil), row...))
		return nil
	})
	return t, err
}

// checkLists reports every list item of the touchpoints that one line per
// item cannot carry, before anything is written.
func checkLists(j *journey.Journey) error {
	var errs docerr.List
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		for ti, tp := range s.Touchpoints {
			if tp == nil {
				continue
			}
			path := docerr.Index(docerr.Join(docerr.Index("stages", si), "touchpoints"), ti)
			listCell(&errs, path+".actions", tp.Actions)
			listCell(&errs, path+".thoughts", tp.Thoughts)
			listCell(&errs, path+".feelings", tp.Feelings)
		}
	}
	return errs.Err()
}

// eachMapRow calls fn with each row of the CSV layout, in one buffer it
// reuses (fn must copy what it keeps), so a large journey streams.
func eachMapRow(j *journey.Journey, lang string, fn func([]string) error) error {
	wd := english
	if lang == "vi" {
		wd = languageWords[i18n.Vietnamese]
	}
	enum := func(code, w string) string {
		if lang == "vi" && code != "" {
			return w
		}
		return code
	}
	row := make([]string, len(CSVHeader))
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		stage := [3]string{s.ID.String(), s.Name, enum(string(s.Phase), wd.phase(string(s.Phase)))}
		wrote := false
		for _, tp := range s.Touchpoints {
			if tp == nil {
				continue
			}
			clear(row)
			copy(row, stage[:])
			row[colTouchpointID] = tp.ID.String()
			row[4] = tp.Name
			row[5] = enum(string(tp.Channel), wd.channel(string(tp.Channel)))
			row[6] = enum(string(tp.Mode), wd.mode(string(tp.Mode)))
			row[7] = enum(string(tp.Initiator), wd.initiator(string(tp.Initiator)))
			row[8] = tp.Owner
			if tp.Emotion != nil {
				row[colEmotion] = strconv.FormatFloat(*tp.Emotion, 'f', -1, 64)
			}
			row[10] = strings.Join(tp.Actions, "\n")
			row[11] = strings.Join(tp.Thoughts, "\n")
			row[12] = strings.Join(tp.Feelings, "\n")
			pains := 0
			for _, p := range tp.PainPoints {
				if p == nil {
					continue
				}
				row[colPainID] = p.ID.String()
				row[14] = enum(string(p.Category), wd.category(string(p.Category)))
				row[15] = enum(string(p.Severity), wd.severity(string(p.Severity)))
				row[16] = p.Title
				row[17] = p.Description
				row[18] = p.Evidence
				if err := fn(row); err != nil {
					return err
				}
				pains++
			}
			if pains == 0 {
				clear(row[colPainID:])
				if err := fn(row); err != nil {
					return err
				}
			}
			wrote = true
		}
		if !wrote {
			clear(row)
			copy(row, stage[:])
			if err := fn(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// listCell joins list items one per line; an item that one line cannot
// carry (empty, blank, or with a line break) is recorded in errs.
func listCell(errs *docerr.List, path string, items []string) string {
	for i, it := range items {
		switch {
		case strings.TrimSpace(it) == "":
			errs.Add(docerr.Index(path, i), ErrCSVList, "is empty; a spreadsheet cell holds one item per line and cannot show an empty one: remove it")
		case strings.ContainsAny(it, "\r\n"):
			errs.Add(docerr.Index(path, i), ErrCSVList, "holds a line break; a spreadsheet cell holds one item per line: write the item on one line or split it into two")
		}
	}
	return strings.Join(items, "\n")
}
