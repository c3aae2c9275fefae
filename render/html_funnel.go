package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/journeymap/journeymap/analytics"
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
	}
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
	pct := func(f float64) string { return string(appendWithUnit(wd, nil, math.Round(1000*f)/10, "%")) }
	d := r.Deviations.Customers
	fv := &funnelView{
		Source: r.Source, Customers: count(r.Customers), Events: count(r.Events), Window: wd.window(r.Window),
		Conforming: count(d.Conforming), AdHoc: count(d.AdHoc), Missing: count(d.Missing),
		Irregular: count(d.Irregular), Failing: count(d.Failing),
	}
	for _, s := range r.Stages {
		bar := 0.0
		if r.Customers > 0 {
			bar = math.Round(funnelBar * float64(s.Reached) / float64(r.Customers))
		}
		fv.Stages = append(fv.Stages, funnelStep{
			Name: s.Name, Reached: count(s.Reached), FromStart: pct(s.ConversionFromStart),
			DropOff: count(s.DropOff) + " (" + pct(s.DropOffRate) + ")", Bar: strconv.Itoa(int(bar)),
		})
	}
	// The stage that loses the largest share of its customers is where the
	// journey breaks; the first of equals is marked.
	worst := -1
	for i, s := range r.Stages {
		if s.DropOff > 0 && (worst < 0 || s.DropOffRate > r.Stages[worst].DropOffRate) {
			worst = i
		}
	}
	if worst >= 0 {
		fv.Stages[worst].Worst = true
	}
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
