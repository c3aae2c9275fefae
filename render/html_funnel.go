package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/i18n"
)

// funnelView is a measured funnel (HTML.Funnel) in the page's words.
type (
	funnelView struct {
		Source, Customers, Events, Window string
		Stages                            []funnelStep
		Conforming, AdHoc, Missing        string
		Irregular, Failing                string
		AdHocTouchpoints                  []adHocView
		Feelings                          []feelingView // measured emotion away from the map's
		MoreFeelings                      string        // how many more gaps than listed; empty: none

		// Table is the stage funnel; Breakdown the stage funnel of each
		// breakdown value (nil without one); AfterDropOff the touchpoints
		// customers went to after dropping off; Times the time to convert
		// into each touchpoint.
		Table        stageTable
		Breakdown    *breakdownView
		AfterDropOff []afterView
		Times        []timeView
		Words        i18n.FunnelPageWords
	}
	// stageTable is a stage funnel table: W gives its headings.
	stageTable struct {
		W       *words
		Caption string
		Steps   []funnelStep
	}
	breakdownView struct {
		Title  string
		Groups []stageTable
		More   string // how many values are not shown; empty: none
	}
	// afterView is what the customers who dropped off at a touchpoint did next.
	afterView struct {
		Name, DroppedOff string
		Next             []nextView
		More             string // the next touchpoints not listed; empty: none
	}
	nextView struct {
		Name, Customers string
		AdHoc, None     bool
	}
	// timeView is the time to convert into a touchpoint: the quantiles and
	// the histogram, drawn as Bars and said in Alt.
	timeView struct {
		Name, Count, P50, P90, P95, P99 string
		Bars                            []binBar
		Alt                             string
	}
	binBar      struct{ X, Y, W, H string }
	feelingView struct {
		Touchpoint, Designed, Measured, Count, Gap string
		Better                                     bool // customers feel better than the map says
	}
	funnelStep struct {
		Name, Reached, FromStart, DropOff string
		Worst                             bool   // the largest drop-off rate of the funnel
		Bar                               string // the bar's width in pixels, of funnelBar for all customers
	}
	adHocView struct{ Key, Events, Failing string }
)

// funnelBar is the width in pixels of the bar of the first stage, which
// every customer reached.
const funnelBar = 240

// feelingGap is how far, in emotion points, the mean measured emotion of a
// touchpoint must be from the one the map gives it for the page to list it;
// the page lists the maxFeelings largest gaps and counts the others.
const (
	feelingGap  = 0.5
	maxFeelings = 10
)

// funnelViewOf gives a measured funnel in wd's words and numbers.
func funnelViewOf(wd *words, r *analytics.Result) *funnelView {
	count := func(n int64) string { return wd.number(float64(n)) }
	d := r.Deviations.Customers
	fv := &funnelView{
		Source: r.Source, Customers: count(r.Customers), Events: count(r.Events), Window: wd.window(r.Window),
		Conforming: count(d.Conforming), AdHoc: count(d.AdHoc), Missing: count(d.Missing),
		Irregular: count(d.Irregular), Failing: count(d.Failing),
	}
	fv.Stages = stageRows(wd, r.Stages, r.Customers)
	fv.Table = stageTable{W: wd, Steps: fv.Stages}
	fv.Words = wd.cat.Funnel.Page
	fv.Breakdown = breakdownOf(wd, r.Breakdown)
	fv.AfterDropOff = afterDropOff(wd, r.Touchpoints)
	fv.Times = timesToConvert(wd, r.Touchpoints)
	for _, a := range r.Deviations.AdHoc {
		fv.AdHocTouchpoints = append(fv.AdHocTouchpoints, adHocView{Key: a.Key, Events: count(a.Events), Failing: count(a.Failing)})
	}
	fv.Feelings = feelings(wd, r)
	if n := len(fv.Feelings) - maxFeelings; n > 0 {
		fv.Feelings = fv.Feelings[:maxFeelings]
		fv.MoreFeelings = wd.MoreFeelings(n)
	}
	return fv
}

// stageRows gives the rows of a stage funnel of customers customers.
func stageRows(wd *words, steps []analytics.Step, customers int64) []funnelStep {
	count := func(n int64) string { return wd.number(float64(n)) }
	pct := func(f float64) string { return string(appendWithUnit(wd, nil, math.Round(1000*f)/10, "%")) }
	rows := make([]funnelStep, 0, len(steps))
	for _, s := range steps {
		bar := 0.0
		if customers > 0 {
			bar = math.Round(funnelBar * float64(s.Reached) / float64(customers))
		}
		rows = append(rows, funnelStep{
			Name: s.Name, Reached: count(s.Reached), FromStart: pct(s.ConversionFromStart),
			DropOff: count(s.DropOff) + " (" + pct(s.DropOffRate) + ")", Bar: strconv.Itoa(int(bar)),
		})
	}
	// The stage that loses the largest share of its customers is where the
	// journey breaks; the first of equals is marked.
	worst := -1
	for i, s := range steps {
		if s.DropOff > 0 && (worst < 0 || s.DropOffRate > steps[worst].DropOffRate) {
			worst = i
		}
	}
	if worst >= 0 {
		rows[worst].Worst = true
	}
	return rows
}

// The page shows the stage funnels of the maxGroups breakdown values with
// the most customers, and the maxNext touchpoints most customers went to
// after dropping off at a touchpoint.
const (
	maxGroups = 10
	maxNext   = 3
)

// breakdownOf gives the stage funnel of each breakdown value, nil without
// a breakdown.
func breakdownOf(wd *words, b *analytics.Breakdown) *breakdownView {
	if b == nil || len(b.Groups) == 0 {
		return nil
	}
	fw := wd.cat.Funnel.Page
	bv := &breakdownView{Title: fw.Breakdown(b.Column)}
	for i, g := range b.Groups {
		if i == maxGroups {
			bv.More = wd.cat.Funnel.MoreGroups(len(b.Groups) - maxGroups)
			break
		}
		value := g.Value
		if value == "" {
			value = wd.cat.Funnel.EmptyValue
		}
		bv.Groups = append(bv.Groups, stageTable{W: wd, Caption: fw.Group(value, wd.number(float64(g.Customers))),
			Steps: stageRows(wd, g.Stages, g.Customers)})
	}
	return bv
}

// afterDropOff lists, for each touchpoint step where customers dropped
// off, the touchpoints most of them went to next.
func afterDropOff(wd *words, steps []analytics.Step) []afterView {
	var out []afterView
	for _, s := range steps {
		if len(s.AfterDropOff) == 0 {
			continue
		}
		av := afterView{Name: s.Name, DroppedOff: wd.number(float64(s.DropOff))}
		var rest int64
		for i, n := range s.AfterDropOff {
			if i >= maxNext {
				rest += n.Customers
				continue
			}
			av.Next = append(av.Next, nextView{Name: n.Name, Customers: wd.number(float64(n.Customers)), AdHoc: n.AdHoc, None: n.None})
		}
		if more := len(s.AfterDropOff) - maxNext; more > 0 {
			av.More = wd.cat.Funnel.Page.MoreNext(wd.number(float64(more)), wd.number(float64(rest)))
		}
		out = append(out, av)
	}
	return out
}

// The histogram of a step is drawn histW × histH pixels.
const (
	histW = 160
	histH = 40
)

// timesToConvert gives the time to convert into each touchpoint step that
// customers converted into: the quantiles, and the histogram (Bins[0]
// under one second, Bins[k] from 2^(k−1) to 2^k seconds) drawn and said.
// Every histogram is drawn over the same bins, from the first that holds
// a customer in any step to the last, so the rows compare.
func timesToConvert(wd *words, steps []analytics.Step) []timeView {
	fw := wd.cat.Funnel.Page
	first, last := -1, 0 // the bins drawn: first to last − 1
	for _, s := range steps {
		for k, n := range s.FromPrevious.Bins {
			if n > 0 && (first < 0 || k < first) {
				first = k
			}
		}
		last = max(last, len(s.FromPrevious.Bins))
	}
	var out []timeView
	for _, s := range steps {
		t := s.FromPrevious
		if t.Count == 0 {
			continue
		}
		tv := timeView{Name: s.Name, Count: wd.number(float64(t.Count)),
			P50: wd.duration(t.Median), P90: wd.duration(t.P90), P95: wd.duration(t.P95), P99: wd.duration(t.P99)}
		top := int64(0)
		for _, n := range t.Bins {
			top = max(top, n)
		}
		w := float64(histW) / float64(max(last-first, 1))
		var said []string
		for k, n := range t.Bins {
			if n == 0 {
				continue
			}
			h := math.Max(1, math.Round(histH*float64(n)/float64(top)))
			tv.Bars = append(tv.Bars, binBar{X: svgNum(w * float64(k-first)), Y: svgNum(histH - h), W: svgNum(math.Max(w-1, 1)), H: svgNum(h)})
			said = append(said, fw.Bin(binName(wd, k), wd.number(float64(n))))
		}
		tv.Alt = fw.Bins(said)
		out = append(out, tv)
	}
	return out
}

// binName names histogram bin k: under one second, or from 2^(k−1) to 2^k
// seconds.
func binName(wd *words, k int) string {
	fw := wd.cat.Funnel.Page
	if k == 0 {
		return fw.BinUnder(wd.cat.Duration(time.Second))
	}
	edge := func(e int) time.Duration { // 2^e seconds, at most Go's longest duration
		if e >= 33 {
			return time.Duration(math.MaxInt64)
		}
		return time.Duration(1) << e * time.Second
	}
	return fw.BinFrom(wd.cat.Duration(edge(k-1)), wd.cat.Duration(edge(k)))
}

// svgNum writes a coordinate with at most two decimals.
func svgNum(v float64) string { return strconv.FormatFloat(math.Round(100*v)/100, 'f', -1, 64) }

// feelings lists the touchpoints where customers' measured emotion is at
// least feelingGap away from the one the journey plans, the largest gap
// first (journey order among equals): where the map misjudges how the
// journey feels.
func feelings(wd *words, r *analytics.Result) []feelingView {
	type gap struct {
		t    analytics.TouchpointDeviations
		diff float64
	}
	var gaps []gap
	for _, t := range r.Deviations.Touchpoints {
		if t.PlannedEmotion == nil || t.Emotion == nil || t.Emotion.Count == 0 {
			continue
		}
		d := math.Round(100*(t.Emotion.Mean-*t.PlannedEmotion)) / 100
		if math.Abs(d) >= feelingGap {
			gaps = append(gaps, gap{t, d})
		}
	}
	slices.SortStableFunc(gaps, func(a, b gap) int { return cmp.Compare(math.Abs(b.diff), math.Abs(a.diff)) })
	out := make([]feelingView, len(gaps))
	for i, g := range gaps {
		sign := ""
		if g.diff > 0 {
			sign = "+"
		}
		out[i] = feelingView{
			Touchpoint: g.t.Name, Designed: wd.number(*g.t.PlannedEmotion), Measured: wd.number(math.Round(100*g.t.Emotion.Mean) / 100),
			Count: wd.number(float64(g.t.Emotion.Count)), Gap: sign + wd.number(g.diff), Better: g.diff > 0,
		}
	}
	return out
}

// window writes a conversion window in days when it is whole days, else in
// hours: "30 days", "36 giờ".
func (wd *words) window(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return string(appendWithUnit(wd, nil, float64(d/(24*time.Hour)), wd.Days))
	}
	return string(appendWithUnit(wd, nil, math.Round(100*d.Hours())/100, wd.Hours))
}
