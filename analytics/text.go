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
	"github.com/journeymap/journeymap/journey"
)

// TopVariants is the number of variants WriteText shows.
const TopVariants = 10

// textWords are the words of the text report in one language.
type textWords struct {
	title                                                  string // the journey's title, the source, the window
	counts                                                 string // events, customers, bad rows
	row, rows                                              string
	stage, touchpoint                                      string
	reached, fromPrevious, fromStart, dropOff, median, p90 string
	deviations                                             string
	events, missing, irregular, failing, emotion, adHoc    string
	planned                                                string // the journey's emotion, before the measured one
	customers                                              string
	variants                                               string
	asPlanned, adHocVariant, foldedTouchpoints             string
	badRows, line, more                                    string
	p95, p99                                               string
	modes                                                  [3]string // the order modes, by Mode
	modeLine                                               string
	or                                                     string // before an alternative step
	afterDropOff, nothing                                  string
	timeToConvert                                          string
	personaFunnel, noPersona                               string
	breakdown, emptyValue, moreGroups                      string
	lang                                                   i18n.Language // numbers, per cents and durations
}

var englishText = textWords{
	title:  "Funnel of %q from %s (window %s)\n",
	counts: "%s events, %s customers, %s bad %s\n",
	row:    "row", rows: "rows",
	stage: "Stage", touchpoint: "Touchpoint",
	reached: "reached", fromPrevious: "from previous", fromStart: "from start", dropOff: "drop-off",
	median: "median time", p90: "p90 time",
	deviations: "Deviations",
	events:     "events", missing: "missing", irregular: "irregular", failing: "failing", emotion: "emotion", planned: "planned",
	adHoc:             "ad hoc",
	customers:         "Customers: %s as planned, %s with ad-hoc touchpoints, %s missing a touchpoint, %s out of order, %s with a failure\n",
	variants:          "Top variants (of %s)\n",
	asPlanned:         "as planned",
	adHocVariant:      "ad hoc",
	foldedTouchpoints: "touchpoints %d+",
	badRows:           "Bad rows: %s skipped\n",
	line:              "line",
	more:              "… and %s more\n",
	p95:               "p95 time", p99: "p99 time",
	modes:         [3]string{"in order, other events allowed between steps", "in strict order, no other planned touchpoint between steps", "in any order"},
	modeLine:      "Steps counted %s.\n",
	or:            "or ",
	afterDropOff:  "After dropping off (the next touchpoint of the customers who stopped at a step)\n",
	nothing:       "nothing more",
	timeToConvert: "Time to convert from the previous step (customers per interval)\n",
	personaFunnel: "Route of %s: %s customers\n",
	noPersona:     "customers without a persona",
	breakdown:     "By %s: %s, %s customers\n",
	emptyValue:    "(none)",
	moreGroups:    "… and %s more values\n",
	lang:          i18n.English,
}

var vietnameseText = textWords{
	title:  "Phễu chuyển đổi của %q theo %s (cửa sổ chuyển đổi %s)\n",
	counts: "%s sự kiện, %s khách hàng, %s %s lỗi\n",
	row:    "dòng", rows: "dòng",
	stage: "Bước", touchpoint: "Điểm chạm",
	reached: "đạt tới", fromPrevious: "so với bước trước", fromStart: "so với ban đầu", dropOff: "rời bỏ",
	median: "thời gian trung vị", p90: "thời gian p90",
	deviations: "Sai lệch so với kế hoạch",
	events:     "sự kiện", missing: "bỏ qua", irregular: "sai thứ tự", failing: "thất bại", emotion: "cảm xúc", planned: "kế hoạch",
	adHoc:             "ngoài kế hoạch",
	customers:         "Khách hàng: %s đúng kế hoạch, %s có điểm chạm ngoài kế hoạch, %s bỏ qua một điểm chạm, %s sai thứ tự, %s gặp thất bại\n",
	variants:          "Các biến thể thường gặp nhất (trong %s biến thể)\n",
	asPlanned:         "đúng kế hoạch",
	adHocVariant:      "ngoài kế hoạch",
	foldedTouchpoints: "các điểm chạm từ thứ %d trở đi",
	badRows:           "Dòng lỗi: bỏ qua %s dòng\n",
	line:              "dòng",
	more:              "… và %s dòng khác\n",
	p95:               "thời gian p95", p99: "thời gian p99",
	modes:         [3]string{"theo thứ tự, cho phép sự kiện khác xen giữa các bước", "theo đúng thứ tự, không có điểm chạm kế hoạch nào khác xen giữa", "theo thứ tự bất kỳ"},
	modeLine:      "Các bước được tính %s.\n",
	or:            "hoặc ",
	afterDropOff:  "Sau khi rời bỏ (điểm chạm tiếp theo của khách hàng dừng lại ở một bước)\n",
	nothing:       "không có gì thêm",
	timeToConvert: "Thời gian chuyển đổi từ bước trước (số khách hàng theo khoảng)\n",
	personaFunnel: "Lộ trình của %s: %s khách hàng\n",
	noPersona:     "khách hàng không rõ chân dung",
	breakdown:     "Theo %s: %s, %s khách hàng\n",
	emptyValue:    "(trống)",
	moreGroups:    "… và %s giá trị khác\n",
	lang:          i18n.Vietnamese,
}

// TopGroups is the number of breakdown values WriteText shows.
const TopGroups = 10

// topNext is the number of next touchpoints WriteText shows per step.
const topNext = 3

// WriteText writes the result for people, in English: both funnels, the
// deviations per touchpoint, ad-hoc touchpoints, customers by deviation, the
// top variants and the bad rows.
func (r *Result) WriteText(w io.Writer) error { return r.writeText(w, &englishText) }

// WriteTextIn writes the result for people like WriteText, in the language:
// Vietnamese for "vi" and its regional tags (see journey.IsVietnamese), with
// decimal commas; English for any other tag. The journey's names, the
// events' keys and the bad rows' error messages are written as they are.
func (r *Result) WriteTextIn(w io.Writer, language string) error {
	if journey.IsVietnamese(language) {
		return r.writeText(w, &vietnameseText)
	}
	return r.writeText(w, &englishText)
}

func (r *Result) writeText(w io.Writer, wd *textWords) error {
	ew, f := &errWriter{w: w}, wd.lang.Words()
	ew.printf(wd.title, r.Title, oneLine(r.Source), f.Duration(r.Window))
	ew.printf(wd.counts, f.Int(r.Events), f.Int(r.Customers), f.Int(r.BadRows.Count), plural(r.BadRows.Count, wd.row, wd.rows))
	if m := int(r.Mode); m >= 0 && m < len(wd.modes) {
		ew.printf(wd.modeLine, wd.modes[m])
	}
	writeFunnel(ew, wd, wd.stage, r.Stages)
	writeFunnel(ew, wd, wd.touchpoint, r.Touchpoints)
	writeAfterDropOff(ew, wd, r.Touchpoints)
	writeTimeToConvert(ew, wd, r.Touchpoints)
	for _, pf := range r.Personas {
		name := oneLine(pf.Name)
		if pf.ID == uuid.Nil {
			name = wd.noPersona
		}
		ew.printf("\n"+wd.personaFunnel, name, f.Int(pf.Customers))
		writeFunnel(ew, wd, wd.touchpoint, pf.Touchpoints)
	}
	if b := r.Breakdown; b != nil {
		for i, g := range b.Groups {
			if i == TopGroups {
				ew.printf("\n"+wd.moreGroups, f.Int(int64(len(b.Groups)-TopGroups)))
				break
			}
			v := strconv.Quote(g.Value) // escapes every control character
			if g.Value == "" {
				v = wd.emptyValue
			}
			ew.printf("\n"+wd.breakdown, oneLine(b.Column), v, f.Int(g.Customers))
			writeFunnel(ew, wd, wd.touchpoint, g.Touchpoints)
		}
	}

	d := r.Deviations
	ew.printf("\n%s\n", wd.deviations)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", wd.touchpoint, wd.events, wd.missing, wd.irregular, wd.failing, wd.planned, wd.emotion)
	for _, t := range d.Touchpoints {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", oneLine(t.Name), f.Int(t.Events), f.Int(t.Missing), f.Int(t.Irregular), f.Int(t.Failing),
			wd.plannedText(t.PlannedEmotion), wd.emotionText(t.Emotion))
	}
	for _, a := range d.AdHoc {
		fmt.Fprintf(tw, "%s (%s)\t%s\t\t\t%s\t\t%s\t\n", oneLine(a.Key), wd.adHoc, f.Int(a.Events), f.Int(a.Failing), wd.emotionText(a.Emotion))
	}
	tw.Flush()
	c := d.Customers
	ew.printf("\n"+wd.customers, f.Int(c.Conforming), f.Int(c.AdHoc), f.Int(c.Missing), f.Int(c.Irregular), f.Int(c.Failing))
	if len(d.Variants) > 0 {
		ew.printf("\n"+wd.variants, f.Int(int64(len(d.Variants))))
		// A variant's Pattern is English; other languages say it from its parts.
		folded := ""
		if len(d.Touchpoints) > foldPos {
			folded = fmt.Sprintf(englishText.foldedTouchpoints, foldPos+1)
		}
		for i, v := range d.Variants {
			if i == TopVariants {
				break
			}
			pattern := v.Pattern
			if wd != &englishText {
				pattern = wd.pattern(&v, folded)
			}
			ew.printf("%10s  %s\n", f.Int(v.Customers), oneLine(pattern))
		}
	}
	if r.BadRows.Count > 0 {
		ew.printf("\n"+wd.badRows, f.Int(r.BadRows.Count))
		for _, b := range r.BadRows.Rows {
			if b.Field != "" {
				ew.printf("  %s %d: %s: %s\n", wd.line, b.Line, oneLine(b.Field), oneLine(b.Message))
			} else {
				ew.printf("  %s %d: %s\n", wd.line, b.Line, oneLine(b.Message))
			}
		}
		if n := r.BadRows.Count - int64(len(r.BadRows.Rows)); n > 0 {
			ew.printf(wd.more, f.Int(n))
		}
	}
	return ew.err
}

// pattern says a variant in wd's words; in English it is the variant's
// Pattern. folded is the English name of the touchpoints past the fold, when
// the plan has that many and wd is not English: the last name of a list may
// be it, and is then said in wd's words.
func (wd *textWords) pattern(v *Variant, folded string) string {
	var parts []string
	add := func(kind string, names []string) {
		if len(names) == 0 {
			return
		}
		if folded != "" && names[len(names)-1] == folded {
			names = append(slices.Clone(names[:len(names)-1]), fmt.Sprintf(wd.foldedTouchpoints, foldPos+1))
		}
		parts = append(parts, kind+" "+strings.Join(names, ", "))
	}
	add(wd.missing, v.Missing)
	add(wd.irregular, v.Irregular)
	add(wd.failing, v.Failing)
	if v.AdHoc {
		parts = append(parts, wd.adHocVariant)
	}
	if len(parts) == 0 {
		return wd.asPlanned
	}
	return strings.Join(parts, "; ")
}

func writeFunnel(ew *errWriter, wd *textWords, kind string, steps []Step) {
	ew.printf("\n")
	f := wd.lang.Words()
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", kind, wd.reached, wd.fromPrevious, wd.fromStart, wd.dropOff, wd.median, wd.p90, wd.p95, wd.p99)
	for i, s := range steps {
		name := oneLine(s.Name)
		if i > 0 && s.RouteStep == steps[i-1].RouteStep {
			name = wd.or + name // an alternative of the step above
		}
		t := s.FromPrevious
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s (%s)\t%s\t%s\t%s\t%s\t\n", name, f.Int(s.Reached),
			f.Percent(s.ConversionFromPrevious, 1), f.Percent(s.ConversionFromStart, 1), f.Int(s.DropOff), f.Percent(s.DropOffRate, 1),
			wd.timing(t, t.Median), wd.timing(t, t.P90), wd.timing(t, t.P95), wd.timing(t, t.P99))
	}
	tw.Flush()
}

// writeAfterDropOff lists, per step with drop-off, the most common next
// touchpoints of the customers who stopped there.
func writeAfterDropOff(ew *errWriter, wd *textWords, steps []Step) {
	header := false
	for _, s := range steps {
		if len(s.AfterDropOff) == 0 {
			continue
		}
		if !header {
			ew.printf("\n%s", wd.afterDropOff)
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
				name = wd.nothing
			case n.AdHoc:
				name += " (" + wd.adHoc + ")"
			}
			parts = append(parts, name+" "+wd.lang.Words().Int(n.Customers))
		}
		if more := len(s.AfterDropOff) - topNext; more > 0 {
			parts = append(parts, "…")
		}
		ew.printf("  %s → %s\n", oneLine(s.Name), strings.Join(parts, ", "))
	}
}

// writeTimeToConvert writes each step's chart bins that hold customers,
// labelled by their lower edge: "≥1m4s 12" holds 64 to 127 seconds.
func writeTimeToConvert(ew *errWriter, wd *textWords, steps []Step) {
	header := false
	for _, s := range steps {
		if len(s.FromPrevious.Bins) == 0 {
			continue
		}
		if !header {
			ew.printf("\n%s", wd.timeToConvert)
			header = true
		}
		var parts []string
		for k, n := range s.FromPrevious.Bins {
			if n == 0 {
				continue
			}
			parts = append(parts, wd.binLabel(k)+" "+wd.lang.Words().Int(n))
		}
		ew.printf("  %s: %s\n", oneLine(s.Name), strings.Join(parts, ", "))
	}
}

// binLabel names chart bin k by its lower edge, rounded as the i18n
// formatter rounds durations: "<1s" for bin 0, "≥8s", "≥1h8m" (2¹² s =
// 1h8m16s).
func (wd *textWords) binLabel(k int) string {
	f := wd.lang.Words()
	if k == 0 {
		return "<" + f.Duration(time.Second)
	}
	return "≥" + f.Duration(time.Duration(1)<<(k-1)*time.Second)
}

// timing writes d, a figure of t, as a duration; "-" when t counts no customer.
func (wd *textWords) timing(t Timing, d time.Duration) string {
	if t.Count == 0 {
		return "-"
	}
	return wd.lang.Words().Duration(d)
}

func (wd *textWords) emotionText(e *Emotion) string {
	if e == nil {
		return "-"
	}
	return wd.lang.Words().Signed(e.Mean, 2)
}

// plannedText writes the journey's emotion of a touchpoint like a measured
// one, "-" when the journey gives none.
func (wd *textWords) plannedText(e *float64) string {
	if e == nil {
		return "-"
	}
	return wd.lang.Words().Signed(*e, 2)
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

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
