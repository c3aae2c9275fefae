package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// CSVHeader is the header row of the CSV renderer, the layout the CSV
// importer reads.
var CSVHeader = []string{
	"stage_id", "stage", "phase", "touchpoint_id", "touchpoint", "channel", "mode", "initiator",
	"owner", "emotion", "actions", "thoughts", "feelings", "pain_point_id", "pain_category",
	"pain_severity", "pain", "pain_description", "pain_evidence",
}

// CSV renders a journey as comma-separated values for spreadsheets: the
// CSVHeader row, then one row per touchpoint × pain point (a touchpoint with
// no pain point is one row with empty pain columns; a stage with no
// touchpoint is one row with empty touchpoint columns, so no stage is lost).
//
// Multi-valued cells (actions, thoughts, feelings) hold one item per line.
// Emotion is a plain number, empty when not measured. Mode is written as the
// document holds it (empty means the channel's default). A text cell that a
// spreadsheet could run as a formula — starting with "=", "+", "-", "@", a
// tab or a carriage return — gets a leading "'", which the importer removes.
// The zero value is ready to use.
type CSV struct {
	// CRLF ends rows with "\r\n" instead of "\n".
	CRLF bool
}

// Render writes the table to w.
func (c CSV) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = c.CRLF
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		stage := [3]string{s.ID.String(), csvText(s.Name), csvText(string(s.Phase))}
		wrote := false
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			fillTouchpoint(row, stage, t)
			pains := 0
			for _, p := range t.PainPoints {
				if p == nil {
					continue
				}
				fillPain(row, p)
				if err := cw.Write(row); err != nil {
					return err
				}
				pains++
			}
			if pains == 0 {
				clear(row[13:])
				if err := cw.Write(row); err != nil {
					return err
				}
			}
			wrote = true
		}
		if !wrote {
			clear(row)
			copy(row, stage[:])
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func fillTouchpoint(row []string, stage [3]string, t *touchpoint.Touchpoint) {
	copy(row, stage[:])
	row[3] = t.ID.String()
	row[4] = csvText(t.Name)
	row[5] = csvText(string(t.Channel))
	row[6] = csvText(string(t.Mode))
	row[7] = csvText(string(t.Initiator))
	row[8] = csvText(t.Owner)
	row[9] = ""
	if t.Emotion != nil {
		row[9] = strconv.FormatFloat(*t.Emotion, 'f', -1, 64)
	}
	row[10] = csvText(strings.Join(t.Actions, "\n"))
	row[11] = csvText(strings.Join(t.Thoughts, "\n"))
	row[12] = csvText(strings.Join(t.Feelings, "\n"))
}

func fillPain(row []string, p *painpoint.PainPoint) {
	row[13] = p.ID.String()
	row[14] = csvText(string(p.Category))
	row[15] = csvText(string(p.Severity))
	row[16] = csvText(p.Title)
	row[17] = csvText(p.Description)
	row[18] = csvText(p.Evidence)
}

// csvText neutralises a text cell a spreadsheet would read as a formula by
// prefixing "'".
func csvText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
