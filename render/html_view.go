package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
)

// The view model: everything the template shows, computed in Go beforehand
// so the template only walks plain strings and slices. Each struct lists
// its fields in the order the template reads them.
type (
	htmlView struct {
		words                         *words       // selects the template
		RunningHead                   template.CSS // the title as a CSS string, for printed pages
		Title, Description, Type      string
		Objective, Owner              string
		Reviewed, ReviewEvery         string
		WeakestLink                   *linkView
		Personas                      []personaView
		Canvas                        canvasView
		Funnel                        *funnelView
		Hotspots                      []hotspotView
		Findings                      []findingGroup
		Opportunities                 []oppView
		HasPersonaCurves              bool
		Legend                        []legendView
		PainDetails                   []painView
		HasFunnelBadges               bool
		FunnelSource                  string
		StageCount, TouchpointCount   string
		ChannelCount, Online, Offline string
		CriticalPains, Friction       string
		HasCritical                   bool
	}
	linkView struct{ Text, Href string }
	// personaView has a field per fact and list, not a list of labelled
	// entries, so the template writes each label as static text.
	personaView struct {
		ID                                        string
		Name, Lifecycle, Quote, Description       string
		HasFacts                                  bool
		Age, Gender, Income, Location, Occupation string
		Goals, Needs, Frustrations, Behaviors     []string
		Channels                                  []string
		Marker                                    string // the legend sample of the persona's curve, if any
	}
	factView struct{ Label, Value string }
	oppView  struct {
		ID                                                string
		Title, Description, Status, Impact, Effort, Owner string
		PainPoints, Touchpoints                           []linkView
	}
	// findingGroup holds the findings of one code, so the page says once
	// what they have in common ("Warning · Metric missing its target") and
	// then lists where and what.
	findingGroup struct {
		Critical, Warning, Info bool
		Severity                string // shown as written when none of the above
		Title, Code             string // Title ends with the count; Code is empty when Title is the code itself
		Rows                    []findingRow
	}
	findingRow struct {
		Place   linkView
		Message string
	}
	hotspotView struct {
		Rank, Stage    string
		Touchpoint     linkView
		Score, Factors string
	}
	legendView struct {
		Name, Class, Dash, Marker string
	}
)

// cssString writes s as a quoted CSS string in which every character but
// ASCII letters, digits and spaces and non-ASCII letters is a hexadecimal
// escape ("\\3c " for "<"), so no text can end the string, the rule or the
// style element. html/template would take a CSS string for a URL and refuse
// a title with a colon, so the page writes this one itself.
func cssString(s string) template.CSS {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ',
			r >= 0xA0 && unicode.IsPrint(r) && !unicode.Is(unicode.Bidi_Control, r):
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, '\\')
			b = strconv.AppendInt(b, int64(r), 16)
			b = append(b, ' ')
		}
	}
	b = append(b, '"')
	return template.CSS(b) // every byte above is escaped or safe in a CSS string
}

// friction writes a friction score for people the one way the page writes
// it everywhere: two decimals in the page's language ("0.84", "0,84").
func (wd *words) friction(f float64) string { return wd.number(math.Round(100*f) / 100) }

// percent writes a rate in [0, 1] as a per cent with one decimal: "36.4%".
func (wd *words) percent(f float64) string {
	return string(appendWithUnit(wd, nil, math.Round(1000*f)/10, "%"))
}

func (h HTML) view(j *journey.Journey) *htmlView {
	wd := h.words(j)
	v := &htmlView{
		words: wd, Title: j.Title, Description: j.Description, Type: wd.typ(string(j.Type)),
		Objective: j.Objective, Owner: j.Owner, Reviewed: wd.NotReviewed,
	}
	v.RunningHead = cssString(j.Title)
	if j.ReviewedAt != nil {
		v.Reviewed = wd.cat.Date(j.ReviewedAt.UTC())
	}
	if j.ReviewEveryDays > 0 {
		v.ReviewEvery = wd.ReviewEvery(j.ReviewEveryDays)
	}
	names := personaNames(j)
	for i, p := range j.Personas {
		if p == nil {
			continue
		}
		pv := personaView{ID: "persona-" + strconv.Itoa(i), Name: p.Name, Description: p.Description, Quote: p.Quote}
		if p.Lifecycle != "" {
			pv.Lifecycle = wd.lifecycle(string(p.Lifecycle))
		}
		if d := p.Demographics; d != nil {
			pv.Age, pv.Gender, pv.Income, pv.Location, pv.Occupation = d.AgeRange, d.Gender, d.Income, d.Location, d.Occupation
			pv.HasFacts = d.AgeRange+d.Gender+d.Income+d.Location+d.Occupation != ""
		}
		pv.Goals, pv.Needs, pv.Frustrations, pv.Behaviors = p.Goals, p.Needs, p.Frustrations, p.Behaviors
		for _, c := range p.PreferredChannels {
			pv.Channels = append(pv.Channels, wd.channel(string(c)))
		}
		v.Personas = append(v.Personas, pv)
	}

	idx := indexJourney(j)
	hot := map[uuid.UUID]analysis.Hotspot{}
	if r := h.Report; r != nil {
		v.Findings = findingGroups(wd, idx, r.Findings)
		for _, hs := range r.Friction.Hotspots {
			hot[hs.ID] = hs
			factors := make([]string, len(hs.Factors))
			for i, f := range hs.Factors {
				factors[i] = wd.cat.Factor(f.Name)
			}
			v.Hotspots = append(v.Hotspots, hotspotView{
				Rank: strconv.Itoa(hs.Rank), Stage: hs.Stage,
				Touchpoint: linkView{Text: hs.Name, Href: idx.anchor(hs.Path)},
				Score:      wd.friction(hs.Score), Factors: strings.Join(factors, ", "),
			})
		}
		v.Friction = wd.friction(r.Friction.Score)
		if wl := r.Friction.WeakestLink; wl != nil {
			v.WeakestLink = &linkView{Text: wl.Name, Href: idx.anchor(wl.Path)}
		}
	}
	if h.Funnel != nil {
		v.Funnel = funnelViewOf(wd, h.Funnel)
	}

	v.Canvas = buildCanvas(wd, j, names, hot, h.Funnel)
	v.Legend = v.Canvas.legend
	v.PainDetails = v.Canvas.details
	for i := range v.Personas {
		for _, l := range v.Legend {
			if l.Name == v.Personas[i].Name {
				v.Personas[i].Marker = l.Marker
			}
		}
	}
	v.Opportunities = opportunities(wd, j, idx)
	v.summary(j)
	return v
}

// summary counts what the first screen shows about the whole journey: the
// touchpoints online and offline, and the channels they use.
func (v *htmlView) summary(j *journey.Journey) {
	wd := v.words
	count := func(n int) string { return wd.number(float64(n)) }
	stages, tps, critical, online, offline := 0, 0, 0, 0, 0
	channels := map[channel.Channel]bool{}
	for _, s := range j.Stages {
		if s == nil {
			continue
		}
		stages++
		for _, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			tps++
			channels[t.Channel] = true
			if t.EffectiveMode() == channel.Offline {
				offline++
			} else {
				online++
			}
			for _, p := range t.PainPoints {
				if p != nil && p.Severity == painpoint.Critical {
					critical++
				}
			}
		}
	}
	v.StageCount, v.TouchpointCount, v.CriticalPains = count(stages), count(tps), count(critical)
	v.HasCritical = critical > 0
	v.ChannelCount, v.Online, v.Offline = count(len(channels)), count(online), count(offline)
}

// opportunities lists the journey's opportunities with links to the pain
// points and touchpoints they address.
func opportunities(wd *words, j *journey.Journey, idx *journeyIndex) []oppView {
	var out []oppView
	for i, o := range j.Opportunities {
		if o == nil {
			continue
		}
		ov := oppView{
			ID:    "opp-" + strconv.Itoa(i),
			Title: o.Title, Description: o.Description, Owner: o.Owner,
			Status: wd.status(string(o.Status)), Impact: mdScore(o.Impact), Effort: mdScore(o.Effort),
		}
		if o.Status == "" {
			ov.Status = wd.status(string(journey.Idea))
		}
		for _, id := range o.PainPointIDs {
			if at, ok := idx.pains[id]; ok {
				ov.PainPoints = append(ov.PainPoints, linkView{Text: at.name, Href: "#" + at.anchor})
			} else {
				ov.PainPoints = append(ov.PainPoints, linkView{Text: id.String()})
			}
		}
		for _, id := range o.TouchpointIDs {
			if at, ok := idx.tps[id]; ok {
				ov.Touchpoints = append(ov.Touchpoints, linkView{Text: at.name, Href: "#" + at.anchor})
			} else {
				ov.Touchpoints = append(ov.Touchpoints, linkView{Text: id.String()})
			}
		}
		out = append(out, ov)
	}
	return out
}
