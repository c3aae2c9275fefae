package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/touchpoint"
)

// Markdown renders a journey as CommonMark with GitHub tables, for READMEs
// and wikis: a title with the map's facts, the personas, one heading per
// stage with a table of its touchpoints and a table of its pain points, and
// the opportunities.
//
// User text is escaped (EscapeMarkdown) so it cannot create markup: no
// heading, list, link, image, emphasis, code, HTML or table cell can come
// from a label. The zero value is ready to use.
type Markdown struct {
	// Language selects the built-in words ("en" or "vi"); empty means the
	// journey's own language.
	Language string
}

// Render writes the document to w.
func (m Markdown) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	wd := wordsFor(m.Language, j.Language)
	var b strings.Builder
	md := EscapeMarkdown

	b.WriteString("# ")
	b.WriteString(md(j.Title))
	b.WriteString("\n\n")
	fact := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", name, value)
		}
	}
	fact(wd.MapType, md(wd.typ(string(j.Type))))
	fact(wd.Objective, md(j.Objective))
	fact(wd.Owner, md(j.Owner))
	if j.ReviewedAt != nil {
		fact(wd.LastReview, wd.cat.Date(j.ReviewedAt.UTC()))
	}
	if j.ReviewEveryDays > 0 {
		fact(wd.ReviewCycle, wd.ReviewEvery(j.ReviewEveryDays))
	}
	if j.Description != "" {
		b.WriteString("\n")
		b.WriteString(md(j.Description))
		b.WriteString("\n")
	}

	if len(j.Personas) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", wd.Personas)
		for _, p := range j.Personas {
			if p == nil {
				continue
			}
			fmt.Fprintf(&b, "\n### %s\n\n", md(p.Name))
			if p.Quote != "" {
				fmt.Fprintf(&b, "> %s\n\n", md(p.Quote))
			}
			if p.Description != "" {
				fmt.Fprintf(&b, "%s\n\n", md(p.Description))
			}
			if p.Lifecycle != "" {
				fact(wd.Lifecycle, md(wd.lifecycle(string(p.Lifecycle))))
			}
			if d := p.Demographics; d != nil {
				fact(wd.AgeRange, md(d.AgeRange))
				fact(wd.Gender, md(d.Gender))
				fact(wd.Income, md(d.Income))
				fact(wd.Location, md(d.Location))
				fact(wd.Occupation, md(d.Occupation))
			}
			fact(wd.Goals, mdList(p.Goals))
			fact(wd.Needs, mdList(p.Needs))
			fact(wd.Frustrations, mdList(p.Frustrations))
			fact(wd.Behaviors, mdList(p.Behaviors))
			var chans []string
			for _, c := range p.PreferredChannels {
				chans = append(chans, md(wd.channel(string(c))))
			}
			fact(wd.PreferredChannels, strings.Join(chans, ", "))
		}
	}

	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", md(s.Name))
		fact(wd.Phase, md(wd.phase(string(s.Phase))))
		fact(wd.CustomerGoal, md(s.CustomerGoal))
		fact(wd.Questions, mdList(s.Questions))
		fact(wd.StageMetrics, mdMetrics(wd, s.Metrics))
		if s.Description != "" {
			fmt.Fprintf(&b, "\n%s\n", md(s.Description))
		}
		if len(s.Touchpoints) > 0 {
			fmt.Fprintf(&b, "\n### %s\n\n| %s | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|\n",
				wd.Touchpoints, wd.Touchpoint, wd.Channel, wd.Mode, wd.Emotion, wd.Actions, wd.Thoughts, wd.Feelings, wd.Metrics)
			for _, t := range s.Touchpoints {
				if t == nil {
					continue
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
					md(t.Name), md(wd.channel(string(t.Channel))), md(wd.mode(string(t.EffectiveMode()))),
					mdEmotion(wd, t), mdList(t.Actions), mdList(t.Thoughts), mdList(t.Feelings), mdMetrics(wd, t.Metrics))
			}
		}
		pains := false
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			for _, p := range t.PainPoints {
				if p == nil {
					continue
				}
				if !pains {
					fmt.Fprintf(&b, "\n### %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
						wd.PainPoints, wd.Touchpoint, wd.PainPoints, wd.Category, wd.Severity, wd.Description, wd.Evidence)
					pains = true
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", md(t.Name), md(p.Title),
					md(wd.category(string(p.Category))), md(wd.severity(string(p.Severity))), md(p.Description), md(p.Evidence))
			}
		}
		if sup := mdSupports(wd, s.Touchpoints); sup != "" {
			fmt.Fprintf(&b, "\n### %s\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n%s",
				wd.SupportLayers, wd.Touchpoint, wd.Layer,
				wd.Kind, wd.Description, wd.Owner, sup)
		}
	}

	if len(j.Opportunities) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
			wd.Opportunities, wd.Opportunities, wd.Status, wd.Impact, wd.Effort, wd.Owner, wd.Description)
		for _, o := range j.Opportunities {
			if o == nil {
				continue
			}
			status := o.Status
			if status == "" {
				status = journey.Idea
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", md(o.Title), md(wd.status(string(status))),
				mdScore(o.Impact), mdScore(o.Effort), md(o.Owner), md(o.Description))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdSupports(wd *words, tps []*touchpoint.Touchpoint) string {
	var b strings.Builder
	for _, t := range tps {
		if t == nil {
			continue
		}
		for _, s := range t.Supports {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", EscapeMarkdown(t.Name), EscapeMarkdown(wd.layer(string(s.Layer))),
				EscapeMarkdown(wd.kind(string(s.Kind))), EscapeMarkdown(s.Description), EscapeMarkdown(s.Owner))
		}
	}
	return b.String()
}

func mdScore(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func mdEmotion(wd *words, t *touchpoint.Touchpoint) string {
	if t.Emotion == nil {
		return wd.NotMeasured
	}
	return wd.number(*t.Emotion)
}

func mdMetrics(wd *words, ms []metric.Metric) string {
	items := make([]string, 0, len(ms))
	for _, m := range ms {
		items = append(items, EscapeMarkdown(metricText(wd, m)))
	}
	return strings.Join(items, "<br>")
}

// mdList escapes each item and joins them with line breaks.
func mdList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = EscapeMarkdown(s)
	}
	return strings.Join(out, "<br>")
}

// EscapeMarkdown returns s as Markdown text that renders as exactly s and
// creates no markup: ASCII punctuation that can start markup is
// backslash-escaped ("\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~",
// "&", "!"), a first character that could open a block ("-", "+", "=", a
// number followed by "." or ")") is escaped, spaces and tabs at either end
// are written as character references so they are not trimmed or read as
// indentation, and line breaks become "<br>", so text stays inside its
// heading, paragraph or table cell.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	digits := 0 // leading digits seen so far, -1 once past them
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString("<br>")
		case c == '\n':
			b.WriteString("<br>")
		case (c == ' ' || c == '\t') && (i == 0 || i == len(s)-1):
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteByte(';')
		case strings.IndexByte("\\`*_[]<>#|~&!", c) >= 0,
			i == 0 && strings.IndexByte("-+=", c) >= 0,
			digits > 0 && (c == '.' || c == ')'):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		if digits >= 0 && c >= '0' && c <= '9' {
			digits++
		} else {
			digits = -1
		}
	}
	return b.String()
}
