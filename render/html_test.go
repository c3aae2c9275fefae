package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// The elements and attributes the HTML renderer writes; anything else in a
// page came from user text.
var (
	htmlElements = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true,
		"h1": true, "dl": true, "dt": true, "dd": true, "p": true, "main": true, "section": true, "div": true,
		"article": true, "h2": true, "h3": true, "h4": true, "blockquote": true, "ul": true, "li": true,
		"table": true, "caption": true, "colgroup": true, "col": true, "thead": true, "tr": true, "th": true,
		"tbody": true, "td": true, "span": true, "bdi": true, "svg": true, "line": true, "text": true,
		"path": true, "circle": true, "rect": true, "symbol": true, "defs": true, "use": true, "g": true,
		"q": true, "a": true, "b": true,
	}
	htmlAttributes = map[string]bool{
		"lang": true, "charset": true, "name": true, "content": true, "http-equiv": true, "class": true,
		"id": true, "role": true, "aria-labelledby": true, "aria-hidden": true, "tabindex": true,
		"colspan": true, "scope": true, "width": true, "height": true, "viewbox": true, "x1": true,
		"x2": true, "y1": true, "y2": true, "x": true, "y": true, "d": true, "cx": true, "cy": true,
		"r": true, "stroke-dasharray": true, "focusable": true, "href": true, "transform": true, "aria-label": true, "rx": true,
	}
)

// runningHead finds the content of the printed pages' running head: a CSS
// string with no raw quote or backslash other than an escape.
var runningHead = regexp.MustCompile(`@top-left\{content:"((?:[^"\\\n]|\\.)*)"`)

// htmlNormal is the text a browser shows for s: the HTML parser turns CR and
// CRLF into LF and NUL into U+FFFD.
func htmlNormal(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

type page struct {
	texts  []string
	styles []string
	metas  int
}

// parsePage parses out and fails on any element or attribute the renderer
// does not write, on javascript:, on event handlers and on style attributes.
func parsePage(t *testing.T, out []byte) *page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	require.NoError(t, err)
	p := &page{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			assert.True(t, htmlElements[n.Data], "unexpected element <%s>", n.Data)
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				assert.True(t, htmlAttributes[key], "unexpected attribute %s on <%s>", a.Key, n.Data)
				assert.False(t, strings.HasPrefix(key, "on"), "event handler %s", a.Key)
				assert.NotContains(t, strings.ToLower(a.Val), "javascript:")
			}
			switch n.Data {
			case "style":
				if n.FirstChild != nil {
					// The journey's title is the printed pages' running head, a CSS
					// string escaped by html/template: the rest is ours alone.
					css := n.FirstChild.Data
					m := runningHead.FindStringSubmatchIndex(css)
					if assert.NotNil(t, m, "the print style has a running head") {
						head := css[m[2]:m[3]]
						assert.NotContains(t, head, "<", "a CSS string never holds <")
						assert.NotContains(t, head, "\n", "nor a raw line break")
						css = css[:m[2]] + css[m[3]:]
					}
					p.styles = append(p.styles, css)
				}
			case "meta":
				p.metas++
			}
		case html.TextNode:
			p.texts = append(p.texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

func renderHTML(t *testing.T, r render.HTML, j *journey.Journey) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, r.Render(&buf, j))
	return buf.Bytes()
}

func TestHTMLHostile(t *testing.T) {
	empty := map[string]*page{}
	for _, lang := range []string{"en", "vi"} {
		empty[lang] = parsePage(t, renderHTML(t, render.HTML{Language: lang}, &journey.Journey{Title: "x", Type: journey.CurrentState}))
		require.Len(t, empty[lang].styles, 1)
	}
	check := func(t *testing.T, p *page, lang string) {
		assert.Equal(t, empty[lang].styles, p.styles, "the style sheet is ours alone")
		assert.Equal(t, empty[lang].metas, p.metas)
	}

	j := hostile.Journey()
	for _, lang := range []string{"en", "vi"} {
		p := parsePage(t, renderHTML(t, render.HTML{Language: lang}, j))
		check(t, p, lang)
		all := strings.Join(p.texts, "\x02")
		for _, e := range hostile.Entries() {
			assert.True(t, strings.Contains(all, htmlNormal(e.Text)), "%s is not shown as text (%s)", e.ID, lang)
		}
	}

	for i, e := range hostile.Entries() {
		for _, lang := range []string{[]string{"en", "vi"}[i%2]} {
			j := hostile.JourneyFor(e.Text)
			p := parsePage(t, renderHTML(t, render.HTML{Language: lang}, j))
			check(t, p, lang)
			n := 0
			for _, s := range p.texts {
				if s == htmlNormal(e.Text) {
					n++
				}
			}
			// 3 stages × (stage name, questions, touchpoint, description, actions,
			// thoughts, feelings, pain title, ...) and more: far beyond 40 exact copies.
			assert.GreaterOrEqual(t, n, 40, "%s (%s): only %d exact text copies", e.ID, lang, n)
		}
	}
}

func TestHTMLContent(t *testing.T) {
	j := fixture()
	page := render.HTML{}.WithReport(j, analysis.Options{})
	out := string(renderHTML(t, page, j))
	for _, want := range []string{
		`<html lang="en">`, "Service blueprint", "Find why first orders are abandoned at checkout",
		"Growth team", "2026-10-15", "Review every 90 days",
		// The first screen's summary, with the weakest link linked to its card.
		"<li>Stages: <b>3</b></li>", "<li>Touchpoints: <b>4</b> (4 online, 0 offline)</li>", "<li>Channels: <b>4</b></li>",
		`<li class="alert">Critical pain points: <b>1</b></li>`,
		`<li>Weakest link: <a href="#tp-1-0"><bdi>Checkout in the app</bdi></a></li>`,
		"<li>Friction: <b>0.56</b></li>",
		"Before purchase", "During purchase", "After purchase",
		// Severity and category in words beside their colour and icon.
		`<span class="tag s">High</span><span class="tag"><svg class="ico" aria-hidden="true"><use href="#cat-financial"/></svg>Financial</span>`,
		`<span class="tag s">Critical</span>`,
		// A channel's icon always comes with its name.
		`<use href="#ch-mobile_app"/></svg>Mobile app</span>`,
		"target missed", "target met", "not measured",
		"Frontstage", "Backstage", "Support processes", "Fee calculator",
		"Line of interaction", "Line of visibility", "Line of internal interaction",
		"Friction hotspots", "Findings", "Hotspot 1 · Friction 0.84",
		`<td class="num">0.84</td>`,
		`<span class="lvl-warning">Warning</span> · Touchpoint without an owner (2) <span class="code">touchpoint.no_owner</span>`,
		// Findings name their place in words and link to it.
		`<a href="#tp-1-1"><bdi>Order › Asks chat about slots</bdi></a>`,
		`<b>−1.5</b> negative`, `Ad click-through <b>2.1%</b><span class="g">✗ Target 3% · target missed</span>`,
		"Show the shipping fee on the product page",
		// A pain card is its severity, category and title; the rest is in the details, linked both ways.
		`<a class="t" href="#pd-1-0-0"><bdi>Shipping cost shown only at checkout</bdi></a>`,
		`<tr id="pd-1-1-0"><td><a href="#pain-1-1-0"><bdi>Chat answers after 10 minutes</bdi></a></td><td><bdi>Order › Asks chat about slots</bdi></td><td></td><td></td><td><bdi>Minh</bdi></td></tr>`,
		`@top-left{content:"Grocery delivery\3a  first order"`,
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "http://")
	assert.NotContains(t, out, "https://")

	vi := string(renderHTML(t, render.HTML{Language: "vi-VN"}.WithReport(j, analysis.Options{}), j))
	for _, want := range []string{
		`<html lang="vi">`, "Bản thiết kế dịch vụ", "Trước khi mua hàng", "Cao</span>", "Tài chính</span>",
		"Điểm đau", "chưa đạt mục tiêu", "Tiền cảnh", "Hậu cảnh", "Quy trình hỗ trợ", "Đường hiển thị",
		"Cảnh báo</span> · Điểm chạm chưa có người phụ trách (2)",
		// Numbers as Vietnamese write them: a decimal comma, the per cent sign
		// on the number, in the map and in the findings alike.
		"<b>−1,5</b> tiêu cực", "Ad click-through <b>2,1%</b>", "<li>Ma sát: <b>0,56</b></li>",
		"đang ở mức 2,1%, chưa đạt mục tiêu 3%",
	} {
		assert.Contains(t, vi, want)
	}
	given := &analysis.Report{Findings: []analysis.Finding{{Code: "custom.code", Severity: analysis.Warning, Path: "stages[0]", Message: "given by the caller"}}}
	custom := string(renderHTML(t, render.HTML{Report: given}, j))
	assert.Contains(t, custom, "given by the caller")
	assert.Contains(t, custom, `<a href="#st-0"><bdi>Discover</bdi></a>`, "a stage's finding links to its band")
	assert.NotContains(t, custom, "Friction hotspots", "the given report has no hotspots")
	none := string(renderHTML(t, render.HTML{}, j))
	assert.NotContains(t, none, "Friction hotspots", "no report, no analysis: the renderer never runs it")
	assert.NotContains(t, none, "Hotspot 1")
	assert.NotContains(t, none, "Weakest link")
}

func TestHTMLLanguageFromDocument(t *testing.T) {
	j := fixture()
	j.Language = "vi"
	assert.Contains(t, string(renderHTML(t, render.HTML{}, j)), `<html lang="vi">`)
	assert.Contains(t, string(renderHTML(t, render.HTML{Language: "en"}, j)), `<html lang="en">`)
}
