package analysis

import (
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/journeymap/journeymap/journey"
)

// lineWriter writes lines to w until the first error, which it keeps.
type lineWriter struct {
	w   io.Writer
	err error
}

// line writes the parts and a newline, every control character a terminal
// would obey (from the journey's names, titles and messages) escaped
// visibly (see internal/safetext).
func (lw *lineWriter) line(parts ...string) {
	if lw.err != nil {
		return
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(safetext.Escape(p))
	}
	b.WriteByte('\n')
	_, lw.err = io.WriteString(lw.w, b.String())
}

// WriteText writes the report for people in the language: the journey's
// title, the findings (path, severity, code and message), the friction of
// the journey with its factors, of each stage, and the hotspots. Finding
// codes and paths stay as they are, so a line can be searched for; the
// messages are in the language Analyze was asked for, so give both the
// same language. Names, titles and messages come from the document: every
// control character in them is written as a visible escape (\x1b), so a
// report printed to a terminal cannot command it.
func (r *Report) WriteText(w io.Writer, lang i18n.Language) error {
	return writeReportText(w, lang, r.title, slices.Values(r.Findings), len(r.Findings), &r.Friction)
}

// WriteText writes the analysis of j as Analyze(j, opts).WriteText(w,
// lang) would, in the language of the messages (see Options.Language),
// without keeping the report: the findings are found once to count them
// and again to write them, and only the stages' friction is kept, so the
// memory it takes does not grow with the number of touchpoints.
func WriteText(w io.Writer, j *journey.Journey, opts Options) error {
	if j == nil {
		j = &journey.Journey{}
	}
	lang := opts.language(j)
	fr := summarize(j, opts, lang.Words(), summary, false, nil, paths{})
	n := 0
	for range Findings(j, opts) {
		n++
	}
	return writeReportText(w, lang, j.Title, Findings(j, opts), n, &fr)
}

// writeReportText writes the report on the journey titled title: its n
// findings and its friction fr.
func writeReportText(w io.Writer, lang i18n.Language, title string, findings iter.Seq[Finding], n int, fr *Friction) error {
	wd, lw := lang.Words(), &lineWriter{w: w}
	rw := &wd.Report
	lw.line(title)
	lw.line()
	if n == 0 {
		lw.line(rw.NoFindings)
	} else {
		lw.line(rw.Findings(n))
		for f := range findings {
			if lw.err != nil {
				break
			}
			path := f.Path
			if path == "" {
				path = "(journey)"
			}
			lw.line("  ", path, ": ", wd.FindingSeverity(string(f.Severity)), " ", f.Code, ": ", f.Message)
		}
	}
	lw.line()
	lw.line(rw.Friction(fr.Score, fr.Points))
	for _, f := range fr.Factors {
		if f.Count > 0 {
			count := strconv.Itoa(f.Count)
			lw.line("  ", padRight(wd.Factor(f.Name), 20), " ", strings.Repeat(" ", max(0, 3-len(count))), count, "  ", rw.Points(f.Points))
		}
	}
	lw.line()
	lw.line(rw.Stages)
	for _, s := range fr.Stages {
		lw.line("  ", wd.Fixed(s.Score, 2), "  ", s.Name)
	}
	if len(fr.Hotspots) > 0 {
		lw.line()
		lw.line(rw.Hotspot)
		for _, h := range fr.Hotspots {
			lw.line("  ", wd.Fixed(h.Score, 2), "  ", h.Name, " (", h.Stage, ")")
		}
	}
	return lw.err
}

// padRight pads s with spaces to width characters (not bytes: every
// accented letter of Vietnamese takes two or three).
func padRight(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// WriteText writes the changes for people in the language, one line
// each: the stages (those unchanged with an unchanged friction left out),
// the touchpoints, the pain points resolved and introduced, and the
// journey's friction. Names and titles are quoted as written, with every
// control character escaped; the changed fields are the document's member
// names.
func (c *Changes) WriteText(w io.Writer, lang i18n.Language) error {
	wd, lw := lang.Words(), &lineWriter{w: w}
	dw := &wd.Diff
	delta := func(d Delta) string { return dw.Delta(d.Old, d.New, d.Change) }
	for _, s := range c.Stages {
		if s.Change == Unchanged && s.Friction.Change != nil && *s.Friction.Change == 0 {
			continue
		}
		emotion := ""
		if s.Emotion.Old != nil || s.Emotion.New != nil {
			emotion = delta(s.Emotion)
		}
		lw.line(dw.Stage(string(s.Change), strconv.Quote(s.Name), s.Fields, delta(s.Friction), emotion))
	}
	for _, t := range c.Touchpoints {
		lw.line(dw.Touchpoint(string(t.Change), strconv.Quote(t.Name), strconv.Quote(t.Stage), t.Fields))
	}
	for _, p := range c.PainPointsResolved {
		lw.line(dw.Resolved(strconv.Quote(p.Title), p.Severity, p.Category, strconv.Quote(p.Touchpoint)))
	}
	for _, p := range c.PainPointsIntroduced {
		lw.line(dw.Introduced(strconv.Quote(p.Title), p.Severity, p.Category, strconv.Quote(p.Touchpoint)))
	}
	lw.line(dw.Journey(delta(c.Friction)))
	return lw.err
}
