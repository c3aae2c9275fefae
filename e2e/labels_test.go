package e2e

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/journeymap/journeymap/journey"
)

// fieldText is one user-written text of a journey and where it is.
type fieldText struct {
	path string
	text string
}

// textFields lists every user-written text of j with its JSON path: the
// labels a reader of the HTML page must see.
func textFields(j *journey.Journey) []fieldText {
	var out []fieldText
	add := func(path, s string) {
		if s != "" {
			out = append(out, fieldText{path, s})
		}
	}
	list := func(path string, ss []string) {
		for i, s := range ss {
			add(fmt.Sprintf("%s[%d]", path, i), s)
		}
	}
	add("title", j.Title)
	add("description", j.Description)
	add("objective", j.Objective)
	add("owner", j.Owner)
	for i, p := range j.Personas {
		pp := fmt.Sprintf("personas[%d]", i)
		add(pp+".name", p.Name)
		add(pp+".description", p.Description)
		add(pp+".quote", p.Quote)
		if d := p.Demographics; d != nil {
			add(pp+".demographics.age_range", d.AgeRange)
			add(pp+".demographics.gender", d.Gender)
			add(pp+".demographics.income", d.Income)
			add(pp+".demographics.location", d.Location)
			add(pp+".demographics.occupation", d.Occupation)
		}
		list(pp+".goals", p.Goals)
		list(pp+".needs", p.Needs)
		list(pp+".frustrations", p.Frustrations)
		list(pp+".behaviors", p.Behaviors)
	}
	for i, s := range j.Stages {
		sp := fmt.Sprintf("stages[%d]", i)
		add(sp+".name", s.Name)
		add(sp+".description", s.Description)
		add(sp+".customer_goal", s.CustomerGoal)
		list(sp+".questions", s.Questions)
		for k, m := range s.Metrics {
			mp := fmt.Sprintf("%s.metrics[%d]", sp, k)
			add(mp+".name", m.Name)
			add(mp+".unit", m.Unit)
			add(mp+".source", m.Source)
		}
		for ti, tp := range s.Touchpoints {
			tpp := fmt.Sprintf("%s.touchpoints[%d]", sp, ti)
			add(tpp+".name", tp.Name)
			add(tpp+".description", tp.Description)
			add(tpp+".owner", tp.Owner)
			list(tpp+".actions", tp.Actions)
			list(tpp+".thoughts", tp.Thoughts)
			list(tpp+".feelings", tp.Feelings)
			list(tpp+".physical_evidence", tp.PhysicalEvidence)
			for k, m := range tp.Metrics {
				mp := fmt.Sprintf("%s.metrics[%d]", tpp, k)
				add(mp+".name", m.Name)
				add(mp+".unit", m.Unit)
				add(mp+".source", m.Source)
			}
			for k, sup := range tp.Supports {
				add(fmt.Sprintf("%s.supports[%d].description", tpp, k), sup.Description)
				add(fmt.Sprintf("%s.supports[%d].owner", tpp, k), sup.Owner)
			}
			for k, pp := range tp.PainPoints {
				ppp := fmt.Sprintf("%s.pain_points[%d]", tpp, k)
				add(ppp+".title", pp.Title)
				add(ppp+".description", pp.Description)
				add(ppp+".evidence", pp.Evidence)
			}
		}
	}
	for i, o := range j.Opportunities {
		op := fmt.Sprintf("opportunities[%d]", i)
		add(op+".title", o.Title)
		add(op+".description", o.Description)
		add(op+".owner", o.Owner)
	}
	return out
}

// visible is s as compared with a page's innerText: what an HTML parser keeps
// of it (see shown), with all white space removed, since the page wraps and
// collapses it.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, shown(s))
}
