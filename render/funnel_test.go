package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		`<tr><th scope="row"><bdi>Awareness</bdi></th><td class="num">240</td><td class="num">100%</td><td class="num">43 (17.9%)</td>`,
		`<rect class="bar" width="240" height="14"/>`,
		`<tr><th scope="row"><bdi>Consideration</bdi></th><td class="num">197</td><td class="num">82.1%</td><td class="num">96 (48.7%)`,
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
		`<td class="num">76,5%</td>`, "đúng kế hoạch</li>",
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
