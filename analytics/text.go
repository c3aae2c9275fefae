package analytics

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// TopVariants is the number of variants WriteText shows.
const TopVariants = 10

// WriteText writes the result for people: both funnels, the deviations per
// touchpoint, ad-hoc touchpoints, customers by deviation, the top variants
// and the bad rows.
func (r *Result) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("Funnel of %q from %s (window %s)\n", r.Title, r.Source, fmtDuration(r.Window))
	ew.printf("%d events, %d customers, %d bad %s\n", r.Events, r.Customers, r.BadRows.Count, plural(r.BadRows.Count, "row", "rows"))
	writeFunnel(ew, "Stage", r.Stages)
	writeFunnel(ew, "Touchpoint", r.Touchpoints)

	d := r.Deviations
	ew.printf("\nDeviations\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "Touchpoint\tevents\tmissing\tirregular\tfailing\temotion\t\n")
	for _, t := range d.Touchpoints {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t\n", oneLine(t.Name), t.Events, t.Missing, t.Irregular, t.Failing, fmtEmotion(t.Emotion))
	}
	for _, a := range d.AdHoc {
		fmt.Fprintf(tw, "%s (ad hoc)\t%d\t\t\t%d\t%s\t\n", oneLine(a.Key), a.Events, a.Failing, fmtEmotion(a.Emotion))
	}
	tw.Flush()
	c := d.Customers
	ew.printf("\nCustomers: %d as planned, %d with ad-hoc touchpoints, %d missing a touchpoint, %d out of order, %d with a failure\n",
		c.Conforming, c.AdHoc, c.Missing, c.Irregular, c.Failing)
	if len(d.Variants) > 0 {
		ew.printf("\nTop variants (of %d)\n", len(d.Variants))
		for i, v := range d.Variants {
			if i == TopVariants {
				break
			}
			ew.printf("%10d  %s\n", v.Customers, oneLine(v.Pattern))
		}
	}
	if r.BadRows.Count > 0 {
		ew.printf("\nBad rows: %d skipped\n", r.BadRows.Count)
		for _, b := range r.BadRows.Rows {
			if b.Field != "" {
				ew.printf("  line %d: %s: %s\n", b.Line, oneLine(b.Field), oneLine(b.Message))
			} else {
				ew.printf("  line %d: %s\n", b.Line, oneLine(b.Message))
			}
		}
		if n := r.BadRows.Count - int64(len(r.BadRows.Rows)); n > 0 {
			ew.printf("  … and %d more\n", n)
		}
	}
	return ew.err
}

func writeFunnel(ew *errWriter, kind string, steps []Step) {
	ew.printf("\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\treached\tfrom previous\tfrom start\tdrop-off\tmedian time\tp90 time\t\n", kind)
	for _, s := range steps {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d (%s)\t%s\t%s\t\n", oneLine(s.Name), s.Reached,
			pct(s.ConversionFromPrevious), pct(s.ConversionFromStart), s.DropOff, pct(s.DropOffRate),
			timing(s.FromPrevious, s.FromPrevious.Median), timing(s.FromPrevious, s.FromPrevious.P90))
	}
	tw.Flush()
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

func timing(t Timing, d time.Duration) string {
	if t.Count == 0 {
		return "-"
	}
	return fmtDuration(d)
}

// fmtDuration rounds d to a unit of at most 2% of it (a power of ten of
// nanoseconds, seconds and minutes, or an hour), so histogram midpoints print
// as the round figures they stand for.
func fmtDuration(d time.Duration) string {
	units := []time.Duration{time.Hour, 10 * time.Minute, time.Minute, 10 * time.Second, time.Second,
		100 * time.Millisecond, 10 * time.Millisecond, time.Millisecond, 100 * time.Microsecond,
		10 * time.Microsecond, time.Microsecond, 100, 10}
	for _, u := range units {
		if u <= d/50 {
			return d.Round(u).String()
		}
	}
	return d.String()
}

func fmtEmotion(e *Emotion) string {
	if e == nil {
		return "-"
	}
	return fmt.Sprintf("%+.2f", e.Mean)
}

// oneLine keeps user text on one line and free of tab-writer control bytes.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
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
