package analytics

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/safetext"
)

// TopVariants is the number of variants WriteText shows.
const TopVariants = 10

// TopGroups is the number of breakdown values WriteText shows.
const TopGroups = 10

// topNext is the number of next touchpoints WriteText shows per step.
const topNext = 3

// WriteText writes the result for people in the language: both funnels, the
// next touchpoints after a drop-off, the time to convert, the funnels per
// persona and per breakdown value, the deviations per touchpoint, ad-hoc
// touchpoints, customers by deviation, the top variants and the bad rows.
// Every word comes from the language's catalog (package i18n) and every
// number from its formatter: "1,987" and "34.6%" in English, "1.987" and
// "34,6%" in Vietnamese, durations in words ("41 giờ 40 phút"). Pick the
// language with i18n.Resolve(explicit, journey's language). The journey's
// names, the events' keys and the bad rows' error messages are written as
// they are, on one line, every control character a visible escape.
func (r *Result) WriteText(w io.Writer, lang i18n.Language) error {
	t := newTextWriter(w, lang)
	t.write(r)
	return t.ew.err
}

// newTextWriter returns a textWriter writing to w in the language.
func newTextWriter(w io.Writer, lang i18n.Language) *textWriter {
	wd := lang.Words()
	return &textWriter{ew: &errWriter{w: w}, wd: wd, fw: &wd.Funnel}
}

// textWriter writes a Result in the words of one language.
type textWriter struct {
	ew *errWriter
	wd *i18n.Words
	fw *i18n.FunnelWords
}

// line writes s and a newline.
func (t *textWriter) line(s string) { io.WriteString(t.ew, s+"\n") }

func (t *textWriter) write(r *Result) {
	fw := t.fw
	t.line(fw.Title(r.Title, oneLine(r.Source), r.Window))
	t.line(fw.Counts(r.Events, r.Customers, r.BadRows.Count))
	if r.Mode >= InOrder && r.Mode <= AnyOrder {
		if s := fw.Mode(r.Mode.String()); s != "" {
			t.line(s)
		}
	}
	t.funnel(fw.Stage, r.Stages)
	t.funnel(fw.Touchpoint, r.Touchpoints)
	t.afterDropOff(r.Touchpoints)
	t.timeToConvert(r.Touchpoints)
	for _, pf := range r.Personas {
		t.line("")
		if pf.ID == uuid.Nil {
			t.line(fw.RouteWithoutPersona(pf.Customers))
		} else {
			t.line(fw.Route(oneLine(pf.Name), pf.Customers))
		}
		t.funnel(fw.Touchpoint, pf.Touchpoints)
	}
	if b := r.Breakdown; b != nil {
		for i, g := range b.Groups {
			t.line("")
			if i == TopGroups {
				t.line(fw.MoreGroups(len(b.Groups) - TopGroups))
				break
			}
			v := strconv.Quote(g.Value) // escapes every control character
			if g.Value == "" {
				v = fw.EmptyValue
			}
			t.line(fw.Group(oneLine(b.Column), v, g.Customers))
			t.funnel(fw.Touchpoint, g.Touchpoints)
		}
	}
	t.deviations(&r.Deviations)
	t.badRows(&r.BadRows)
}

// funnel writes the table of steps, headed by kind (stage or touchpoint).
func (t *textWriter) funnel(kind string, steps []Step) {
	fw, f := t.fw, t.wd
	t.line("")
	tw := tabwriter.NewWriter(t.ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	row(tw, kind, fw.Reached, fw.FromPrevious, fw.FromStart, fw.DropOff, fw.Median, fw.P90, fw.P95, fw.P99)
	for i, s := range steps {
		name := oneLine(s.Name)
		if i > 0 && s.RouteStep == steps[i-1].RouteStep {
			name = fw.Alternative(name)
		}
		d := s.FromPrevious
		row(tw, name, f.Int(s.Reached), f.Percent(s.ConversionFromPrevious, 1), f.Percent(s.ConversionFromStart, 1),
			f.Int(s.DropOff)+" ("+f.Percent(s.DropOffRate, 1)+")",
			t.timing(d, d.Median), t.timing(d, d.P90), t.timing(d, d.P95), t.timing(d, d.P99))
	}
	tw.Flush()
}

// row writes one row of a table: its cells, each ended by a tab.
func row(tw io.Writer, cells ...string) {
	io.WriteString(tw, strings.Join(cells, "\t")+"\t\n")
}

// afterDropOff lists, per step with drop-off, the most common next
// touchpoints of the customers who stopped there.
func (t *textWriter) afterDropOff(steps []Step) {
	header := false
	for _, s := range steps {
		if len(s.AfterDropOff) == 0 {
			continue
		}
		if !header {
			t.line("")
			t.line(t.fw.AfterDropOff)
			header = true
		}
		var parts []string
		for i, n := range s.AfterDropOff {
			if i == topNext {
				break
			}
			name := oneLine(n.Name)
			switch {
			case n.None:
				name = t.fw.Nothing
			case n.AdHoc:
				name = t.fw.AdHoc(name)
			}
			parts = append(parts, name+" "+t.wd.Int(n.Customers))
		}
		if len(s.AfterDropOff) > topNext {
			parts = append(parts, "…")
		}
		t.line("  " + oneLine(s.Name) + " → " + strings.Join(parts, ", "))
	}
}

// timeToConvert writes each step's chart bins that hold customers,
// labelled by their lower edge: "≥1m4s 12" holds 64 to 127 seconds.
func (t *textWriter) timeToConvert(steps []Step) {
	header := false
	for _, s := range steps {
		if len(s.FromPrevious.Bins) == 0 {
			continue
		}
		if !header {
			t.line("")
			t.line(t.fw.TimeToConvert)
			header = true
		}
		var parts []string
		for k, n := range s.FromPrevious.Bins {
			if n != 0 {
				parts = append(parts, t.binLabel(k)+" "+t.wd.Int(n))
			}
		}
		t.line("  " + oneLine(s.Name) + ": " + strings.Join(parts, ", "))
	}
}

// deviations writes the deviations per touchpoint, the customers by
// deviation and the top variants.
func (t *textWriter) deviations(d *Deviations) {
	fw, f := t.fw, t.wd
	t.line("")
	t.line(fw.Deviations)
	tw := tabwriter.NewWriter(t.ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	row(tw, fw.Touchpoint, fw.Events, fw.Missing, fw.Irregular, fw.Failing, fw.Planned, fw.Emotion)
	for _, tp := range d.Touchpoints {
		row(tw, oneLine(tp.Name), f.Int(tp.Events), f.Int(tp.Missing), f.Int(tp.Irregular), f.Int(tp.Failing),
			t.planned(tp.PlannedEmotion), t.emotion(tp.Emotion))
	}
	for _, a := range d.AdHoc {
		row(tw, fw.AdHoc(oneLine(a.Key)), f.Int(a.Events), "", "", f.Int(a.Failing), "", t.emotion(a.Emotion))
	}
	tw.Flush()
	c := d.Customers
	t.line("")
	t.line(fw.Customers(c.Conforming, c.AdHoc, c.Missing, c.Irregular, c.Failing))
	if len(d.Variants) == 0 {
		return
	}
	t.line("")
	t.line(fw.Variants(len(d.Variants)))
	for i := range d.Variants {
		if i == TopVariants {
			break
		}
		v := &d.Variants[i]
		t.line(fmt.Sprintf("%10s  %s", f.Int(v.Customers), oneLine(t.variant(v, len(d.Touchpoints) > foldPos))))
	}
}

// variant says how v deviates from the plan. Its lists name the
// touchpoints past the fold in English (they are data, see Variant); when
// the plan has that many touchpoints (folds), the last name of a list may be
// that one, and is then said in the writer's words.
func (t *textWriter) variant(v *Variant, folds bool) string {
	if !folds {
		return t.fw.Variant(v.Missing, v.Irregular, v.Failing, v.AdHoc)
	}
	english, ours := foldedName(), t.fw.Folded(foldPos+1)
	say := func(names []string) []string {
		if n := len(names); n > 0 && names[n-1] == english {
			return append(slices.Clone(names[:n-1]), ours)
		}
		return names
	}
	return t.fw.Variant(say(v.Missing), say(v.Irregular), say(v.Failing), v.AdHoc)
}

// foldedName is the name a Variant's lists give the touchpoints past the
// fold, counted as one: "touchpoints 21+".
func foldedName() string { return i18n.English.Words().Funnel.Folded(foldPos + 1) }

// badRows writes how many rows were skipped, the ones kept and, when
// that is not all of them or they are of more than one kind, how many
// there are of each reason.
func (t *textWriter) badRows(b *BadRows) {
	if b.Count == 0 {
		return
	}
	t.line("")
	t.line(t.fw.BadRows(b.Count))
	for _, r := range b.Rows {
		if r.Field != "" {
			t.line("  " + t.fw.Line(r.Line) + ": " + oneLine(r.Field) + ": " + oneLine(r.Message))
		} else {
			t.line("  " + t.fw.Line(r.Line) + ": " + oneLine(r.Message))
		}
	}
	if n := b.Count - int64(len(b.Rows)); n > 0 {
		t.line(t.fw.More(n))
	}
	if len(b.Reasons) > 1 || b.Count > int64(len(b.Rows)) {
		for _, rc := range b.Reasons {
			t.line("  " + t.fw.BadReason(string(rc.Reason), rc.Count))
		}
	}
}

// binLabel names chart bin k by its lower edge, rounded as the i18n
// formatter rounds durations: "<1s" for bin 0, "≥8s", "≥1h8m" (2¹² s =
// 1h8m16s).
func (t *textWriter) binLabel(k int) string {
	if k == 0 {
		return "<" + t.wd.Duration(time.Second)
	}
	return "≥" + t.wd.Duration(time.Duration(1)<<(k-1)*time.Second)
}

// timing writes d, a figure of tm, as a duration; "-" when tm counts no
// customer.
func (t *textWriter) timing(tm Timing, d time.Duration) string {
	if tm.Count == 0 {
		return "-"
	}
	return t.wd.Duration(d)
}

// emotion writes a measured mean emotion with a sign and two decimals, "-"
// when none was measured.
func (t *textWriter) emotion(e *Emotion) string {
	if e == nil {
		return "-"
	}
	return t.wd.Signed(e.Mean, 2)
}

// planned writes the journey's emotion of a touchpoint like a measured
// one, "-" when the journey gives none.
func (t *textWriter) planned(e *float64) string {
	if e == nil {
		return "-"
	}
	return t.wd.Signed(*e, 2)
}

// oneLine keeps user text on one line, free of tab-writer control bytes and
// safe in a terminal (safetext.Escape).
func oneLine(s string) string {
	return safetext.Escape(strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s))
}

// errWriter writes to w until the first error, which it keeps.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
