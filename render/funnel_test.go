package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// measured reads an example journey and its event log and returns the
// journey with the measured figures laid over it, and the result.
func measured(t *testing.T, name string) (*journey.Journey, *analytics.Result) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "journeys", name+".json"))
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err)
	f, err := os.Open(filepath.Join("..", "examples", "events", name+".csv"))
	require.NoError(t, err)
	defer f.Close()
	res, err := analytics.Run(j, f, "csv", analytics.Options{Source: name + ".csv"})
	require.NoError(t, err)
	return analytics.Overlay(j, res), res
}

// TestGoldenMeasured: an example with its event log, as journeymap funnel
// -format html renders it (the other logs are checked by TestHTMLFunnel).
func TestGoldenMeasured(t *testing.T) {
	j, res := measured(t, "ecommerce-current")
	h := render.HTML{Funnel: res}.WithReport(j, analysis.Options{})
	out := renderHTML(t, h, j)
	golden.Check(t, "testdata/golden/measured-ecommerce-current.html", out)
	parsePage(t, out)
	assert.Equal(t, string(out), string(renderHTML(t, h, j)), "deterministic")
}

func TestHTMLFunnel(t *testing.T) {
	j, res := measured(t, "ecommerce-current")
	out := string(renderHTML(t, render.HTML{Funnel: res}, j))
	for _, want := range []string{
		`<h2 id="funnel">Measured funnel</h2>`,
		"Measured from <bdi>ecommerce-current.csv</bdi>: 240 customers, 1,987 events; conversion window 30 days.",
		// Awareness: every customer, the full bar; Consideration: 197 of 240.
		`<tr><th scope="row"><bdi>Awareness</bdi></th><td class="num"><span class="lbl">Reached: </span>240</td><td class="num"><span class="lbl">From start: </span>100%</td><td class="num"><span class="lbl">Drop-off: </span>43 (17.9%)</td>`,
		`<rect class="bar" width="240" height="14"/>`,
		`<tr><th scope="row"><bdi>Consideration</bdi></th><td class="num"><span class="lbl">Reached: </span>197</td><td class="num"><span class="lbl">From start: </span>82.1%</td><td class="num"><span class="lbl">Drop-off: </span>96 (48.7%)`,
		`<rect class="bar" width="197" height="14"/>`,
		// Consideration loses the largest share (48.7%): where the journey breaks.
		`96 (48.7%) <span class="worst">largest drop-off</span>`,
		"<li>145 as planned</li>", "<li>47 with touchpoints not in the map</li>", "<li>14 with a failed touchpoint</li>",
		"<caption>Touchpoints customers used that the map does not plan</caption>",
		`<tr><td><bdi>Visits the Facebook fan page</bdi></td><td class="num">57</td><td class="num">0</td></tr>`,
		// The map gives checkout -0.5; the 9 customers who scored it gave 1 on average.
		"<caption>Where customers feel different from the map (emotion −2..&#43;2)</caption>",
		`<tr><td><bdi>Fills in the checkout form and pays by MoMo</bdi></td><td class="num">-0.5</td><td class="num">1 <span class="answers">(n = 9)</span></td><td class="num">&#43;1.5 better than the map</td></tr>`,
		`<td class="num">-1 worse than the map</td>`,
		// 16 touchpoints are half a point or more away: the 10 largest are listed.
		`<p class="meta">… and 6 more touchpoints half a point or more away from the map.</p>`,
	} {
		assert.Contains(t, out, want)
	}
	assert.Equal(t, 1, strings.Count(out, `class="worst"`), "one stage is marked")
	assert.Equal(t, 10, strings.Count(out, " than the map</td></tr>"), "the ten largest gaps")
	assert.Less(t, strings.Index(out, `id="map"`), strings.Index(out, `id="funnel"`), "after the map")
	assert.NotContains(t, string(renderHTML(t, render.HTML{}, j)), `id="funnel"`, "only when a funnel is given")

	vj, vres := measured(t, "cvj-vi")
	vi := string(renderHTML(t, render.HTML{Funnel: vres}, vj))
	for _, want := range []string{
		`<h2 id="funnel">Phễu đo thực tế</h2>`,
		"Đo từ <bdi>cvj-vi.csv</bdi>: 400 khách hàng, 3.813 sự kiện; cửa sổ chuyển đổi 30 ngày.",
		`<span class="lbl">So với ban đầu: </span>76,5%</td>`, "đúng kế hoạch</li>",
		`43 (29,5%) <span class="worst">rời bỏ nhiều nhất</span>`,
		"<caption>Điểm chạm khách hàng dùng mà bản đồ không có</caption>",
		"<bdi>Nhắn tin Facebook cá nhân cho chủ xưởng</bdi>",
		`Số khách hàng đến được (đo thực tế) <b>400 khách hàng</b>`,
		`<tr><td><bdi>Nhận email chào mừng kèm cẩm nang</bdi></td><td class="num">1</td><td class="num">-0,49 <span class="answers">(n = 109)</span></td><td class="num">-1,49 tệ hơn bản đồ</td></tr>`,
	} {
		assert.Contains(t, vi, want)
	}
	assert.Equal(t, 1, strings.Count(vi, "bản đồ</td></tr>"), "only the surprise is half a point or more away")
}

// TestHTMLFunnelFeelings: a touchpoint is listed from half a point away
// from the map's emotion, largest gap first; one without a measured or a
// designed emotion never is.
func TestHTMLFunnelFeelings(t *testing.T) {
	j, res := measured(t, "ecommerce-current")
	r := *res
	r.Deviations.Touchpoints = append([]analytics.TouchpointDeviations(nil), res.Deviations.Touchpoints...)
	designed := func(i int) float64 { return *r.Deviations.Touchpoints[i].PlannedEmotion }
	for i := range r.Deviations.Touchpoints {
		r.Deviations.Touchpoints[i].Emotion = &analytics.Emotion{Count: 3, Mean: designed(i)} // as the map says
	}
	r.Deviations.Touchpoints[0].Emotion = &analytics.Emotion{Count: 3, Mean: designed(0) + 0.49}
	r.Deviations.Touchpoints[1].Emotion = &analytics.Emotion{Count: 3, Mean: designed(1) - 0.5}
	r.Deviations.Touchpoints[2].Emotion = &analytics.Emotion{Count: 3, Mean: designed(2) + 1.25}
	r.Deviations.Touchpoints[3].Emotion = nil
	r.Deviations.Touchpoints[4].Emotion = &analytics.Emotion{Count: 3, Mean: designed(4) + 1.5}
	r.Deviations.Touchpoints[4].PlannedEmotion = nil // the map gives none: nothing to compare
	out := string(renderHTML(t, render.HTML{Funnel: &r}, j))
	names := func(i int) string { return "<tr><td><bdi>" + r.Deviations.Touchpoints[i].Name + "</bdi></td>" }
	second, third := strings.Index(out, names(1)), strings.Index(out, names(2))
	assert.Positive(t, second, "half a point away is listed")
	assert.Positive(t, third)
	assert.Less(t, third, second, "the larger gap first")
	assert.NotContains(t, out, names(0), "0.49 away is not listed")
	assert.NotContains(t, out, names(3))
	assert.NotContains(t, out, names(4))

	for i := range r.Deviations.Touchpoints {
		r.Deviations.Touchpoints[i].Emotion = nil
	}
	assert.NotContains(t, string(renderHTML(t, render.HTML{Funnel: &r}, j)), "feel different", "no measured emotion, no table")
}

func TestHTMLFunnelWindow(t *testing.T) {
	j, res := measured(t, "ecommerce-current")
	res.Window = 36 * time.Hour
	assert.Contains(t, string(renderHTML(t, render.HTML{Funnel: res}, j)), "conversion window 36 hours.")
	res.Window = 90 * time.Minute
	assert.Contains(t, string(renderHTML(t, render.HTML{Funnel: res, Language: "vi"}, j)), "cửa sổ chuyển đổi 1,5 giờ.")
}

// TestHTMLFunnelHostile: the event log's own texts (its name, the keys of
// touchpoints the map does not plan) and the stage names in a result are
// user text: shown as text, never as markup.
func TestHTMLFunnelHostile(t *testing.T) {
	j, res := measured(t, "ecommerce-current")
	for _, e := range hostile.Entries() {
		r := *res
		r.Source = e.Text
		r.Stages = append([]analytics.Step(nil), res.Stages...)
		r.Stages[0].Name = e.Text
		r.Deviations.AdHoc = []analytics.AdHocTouchpoint{{Key: e.Text, Events: 1}}
		p := parsePage(t, renderHTML(t, render.HTML{Funnel: &r}, j))
		n := 0
		for _, s := range p.texts {
			if s == htmlNormal(e.Text) {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, 3, "%s: the source, the stage and the ad-hoc key are shown as text", e.ID)
	}
}

// tableRows finds, in the page out, the table whose caption starts with
// caption and returns the text of each body row's cells; nil when there is
// no such table.
func tableRows(t *testing.T, out []byte, caption string) [][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	require.NoError(t, err)
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "li" && b.Len() > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(text(c))
		}
		return b.String()
	}
	var found *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.Data == "caption" && strings.HasPrefix(text(n), caption) {
			found = n.Parent
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if found == nil {
		return nil
	}
	var rows [][]string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && n.Parent.Data == "tbody" {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					cells = append(cells, strings.Join(strings.Fields(text(c)), " "))
				}
			}
			rows = append(rows, cells)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(found)
	return rows
}

// sectionResult is a measured result with a breakdown, customers who went
// elsewhere after dropping off and times to convert, all known by hand.
func sectionResult(t *testing.T) (*journey.Journey, *analytics.Result) {
	j, res := measured(t, "ecommerce-current")
	r := *res
	stages := func(customers, second int64) []analytics.Step {
		return []analytics.Step{
			{Name: "Awareness", Reached: customers, ConversionFromStart: 1, DropOff: customers - second, DropOffRate: float64(customers-second) / float64(customers)},
			{Name: "Purchase", Reached: second, ConversionFromStart: float64(second) / float64(customers)},
		}
	}
	r.Breakdown = &analytics.Breakdown{Column: "plan", Groups: []analytics.BreakdownGroup{
		{Value: "gold", Customers: 1200, Stages: stages(1200, 300)},
		{Value: "", Customers: 40, Stages: stages(40, 10)},
	}}
	for i := range 11 { // 13 values: 10 shown
		r.Breakdown.Groups = append(r.Breakdown.Groups, analytics.BreakdownGroup{Value: "v" + string(rune('a'+i)), Customers: 2, Stages: stages(2, 1)})
	}
	r.Touchpoints = []analytics.Step{
		{Name: "Sees the ad", Reached: 100, DropOff: 9, AfterDropOff: []analytics.NextTouchpoint{
			{Name: "Visits the shop", Customers: 4}, {None: true, Customers: 2}, {Name: "fan page", AdHoc: true, Customers: 1},
			{Name: "Calls", Customers: 1}, {Name: "Writes", Customers: 1},
		}},
		{Name: "Visits the shop", Reached: 91, FromPrevious: analytics.Timing{Count: 91, Median: 90 * time.Minute, P90: 3 * time.Hour,
			P95: 30 * time.Hour, P99: 72 * time.Hour, Bins: []int64{0, 0, 3, 0, 88}}},
		{Name: "Never reached", Reached: 0},
	}
	return j, &r
}

// TestHTMLFunnelSections: the page shows the funnel per breakdown value,
// where customers went after dropping off and the time to convert with
// its histogram, with the numbers of the result in the page's words.
func TestHTMLFunnelSections(t *testing.T) {
	j, r := sectionResult(t)
	out := renderHTML(t, render.HTML{Funnel: r}, j)
	parsePage(t, out) // only the elements and attributes the page writes
	s := string(out)

	// Breakdown: the ten values with the most customers, as the result
	// orders them, each a stage funnel of its own customers.
	assert.Contains(t, s, "<h3>Funnel by plan</h3>")
	gold := tableRows(t, out, "gold: 1,200 customers")
	assert.Equal(t, [][]string{
		{"Awareness", "Reached: 1,200", "From start: 100%", "Drop-off: 900 (75%) largest drop-off", ""},
		{"Purchase", "Reached: 300", "From start: 25%", "Drop-off: 0 (0%)", ""},
	}, gold)
	assert.Contains(t, s, `<rect class="bar" width="60" height="14"/>`, "gold's purchase bar: 300 of its 1,200 customers")
	assert.NotNil(t, tableRows(t, out, "(none): 40 customers"), "customers without a value")
	assert.NotNil(t, tableRows(t, out, "vh: 2 customers"), "the tenth value")
	assert.Nil(t, tableRows(t, out, "vi: 2 customers"), "the eleventh is not shown")
	assert.Contains(t, s, `<p class="meta">… and 3 more values</p>`)

	// After drop-off: the three touchpoints most customers went to, then
	// the rest counted.
	assert.Equal(t, [][]string{
		{"Sees the ad", "Dropped off: 9", "Went next: Visits the shop: 4 | no further event: 2 | fan page (not in the map): 1 | 2 more: 2 customers"},
	}, tableRows(t, out, "Where customers went after dropping off"))

	// Time to convert: only the touchpoints customers converted into; the
	// quantiles as durations, the histogram drawn from the first bin that
	// holds a customer (2 to 4 s) and said in words.
	times := tableRows(t, out, "Time to convert from the previous touchpoint")
	require.Len(t, times, 1)
	assert.Equal(t, []string{"Visits the shop", "Customers: 91", "Median: 1.5 hours", "90th percentile: 3 hours",
		"95th percentile: 30 hours", "99th percentile: 3 days",
		"Distribution: Customers by time to convert: 2s to 4s: 3; 8s to 16s: 88."}, times[0])
	assert.Contains(t, s, `<rect class="bar" x="0" y="39" width="52.33" height="1"/><rect class="bar" x="106.67" y="0" width="52.33" height="40"/>`,
		"3 customers of 88 at least a pixel high; the bins 2 s to 16 s, a third of the width each")
}

// TestHTMLFunnelSectionsVietnamese: the sections' words and numbers in
// Vietnamese.
func TestHTMLFunnelSectionsVietnamese(t *testing.T) {
	j, r := sectionResult(t)
	out := renderHTML(t, render.HTML{Funnel: r, Language: "vi"}, j)
	s := string(out)
	assert.Contains(t, s, "<h3>Phễu theo plan</h3>")
	assert.NotNil(t, tableRows(t, out, "gold: 1.200 khách hàng"))
	assert.NotNil(t, tableRows(t, out, "(trống): 40 khách hàng"))
	assert.Equal(t, [][]string{
		{"Sees the ad", "Rời bỏ: 9", "Đi tiếp đến: Visits the shop: 4 | không có sự kiện nào nữa: 2 | fan page (ngoài bản đồ): 1 | 2 điểm chạm khác: 2 khách hàng"},
	}, tableRows(t, out, "Khách hàng đi đâu sau khi rời bỏ"))
	times := tableRows(t, out, "Thời gian chuyển đổi")
	require.Len(t, times, 1)
	assert.Equal(t, "Trung vị: 1,5 giờ", times[0][2])
	assert.Contains(t, times[0][6], "từ 2 giây đến 4 giây: 3")
}

// TestHTMLFunnelSectionsAbsent: a result without a breakdown, drop-offs or
// converted customers shows none of the sections.
func TestHTMLFunnelSectionsAbsent(t *testing.T) {
	j, r := sectionResult(t)
	r.Breakdown = nil
	r.Touchpoints = []analytics.Step{{Name: "Sees the ad", Reached: 3}}
	out := renderHTML(t, render.HTML{Funnel: r}, j)
	assert.NotContains(t, string(out), "Funnel by")
	assert.Nil(t, tableRows(t, out, "Where customers went"))
	assert.Nil(t, tableRows(t, out, "Time to convert"))
}
