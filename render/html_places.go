package render

import (
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/journey"
)

// journeyIndex finds the things of a journey by id and by JSON path, so
// findings, hotspots and opportunities name their place in words and link
// to it on the map. Anchors are built from positions, never from user text:
// "st-1" (a stage), "tp-1-4" (a touchpoint), "pain-1-4-0" (a pain point),
// "persona-0", "opp-2".
type journeyIndex struct {
	j     *journey.Journey
	tps   map[uuid.UUID]named // the first touchpoint with an id wins, as in j.Touchpoint
	pains map[uuid.UUID]named // the first pain point with an id wins, as in j.PainPoint
}

type named struct{ name, anchor string }

func indexJourney(j *journey.Journey) *journeyIndex {
	x := &journeyIndex{j: j, tps: map[uuid.UUID]named{}, pains: map[uuid.UUID]named{}}
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		for ti, t := range s.Touchpoints {
			if t == nil {
				continue
			}
			if _, ok := x.tps[t.ID]; !ok {
				x.tps[t.ID] = named{t.Name, tpAnchor(si, ti)}
			}
			for pi, p := range t.PainPoints {
				if p == nil {
					continue
				}
				if _, ok := x.pains[p.ID]; !ok {
					x.pains[p.ID] = named{p.Title, painAnchor(si, ti, pi)}
				}
			}
		}
	}
	return x
}

func tpAnchor(si, ti int) string { return "tp-" + strconv.Itoa(si) + "-" + strconv.Itoa(ti) }
func painAnchor(si, ti, pi int) string {
	return "pain-" + strconv.Itoa(si) + "-" + strconv.Itoa(ti) + "-" + strconv.Itoa(pi)
}

// step is one element of a JSON path: a member name and, for an array
// element, its index (-1 when none).
type step struct {
	name  string
	index int
}

// parsePath splits "stages[1].touchpoints[4].metrics[0]" into its steps;
// anything it cannot read ends the walk, so a path written by someone else
// still yields the place as far as it is understood.
func parsePath(path string) []step {
	if path == "" {
		return nil
	}
	var out []step
	for part := range strings.SplitSeq(path, ".") {
		st := step{name: part, index: -1}
		if open := strings.IndexByte(part, '['); open > 0 && strings.HasSuffix(part, "]") {
			n, err := strconv.Atoi(part[open+1 : len(part)-1])
			if err != nil || n < 0 {
				out = append(out, step{name: part, index: -1})
				return out
			}
			st = step{name: part[:open], index: n}
		}
		out = append(out, st)
	}
	return out
}

// place names the object at path in words ("Consideration › Reads the
// product page › Bounce rate") with a link to it on the page; an unknown
// member is written as its JSON name, and a path naming nothing on the
// page has no link.
func (x *journeyIndex) place(wd *words, path string) linkView {
	steps := parsePath(path)
	if len(steps) == 0 {
		return linkView{Text: wd.WholeJourney, Href: "#top"}
	}
	var parts []string
	href := ""
	j := x.j
	si, ti := -1, -1
	rest := steps
	unknown := func() {
		for _, st := range rest {
			if st.index >= 0 {
				parts = append(parts, st.name+"["+strconv.Itoa(st.index)+"]")
			} else {
				parts = append(parts, strings.ReplaceAll(st.name, "_", " "))
			}
		}
		rest = nil
	}
	for len(rest) > 0 {
		st := rest[0]
		switch {
		case st.name == "stages" && si < 0 && st.index >= 0 && st.index < len(j.Stages) && j.Stages[st.index] != nil:
			si = st.index
			parts = append(parts, j.Stages[si].Name)
			href = "#st-" + strconv.Itoa(si)
		case st.name == "touchpoints" && si >= 0 && ti < 0 && st.index >= 0 && st.index < len(j.Stages[si].Touchpoints) && j.Stages[si].Touchpoints[st.index] != nil:
			ti = st.index
			parts = append(parts, j.Stages[si].Touchpoints[ti].Name)
			href = "#" + tpAnchor(si, ti)
		case st.name == "pain_points" && ti >= 0:
			pps := j.Stages[si].Touchpoints[ti].PainPoints
			if st.index < 0 || st.index >= len(pps) || pps[st.index] == nil {
				unknown()
				continue
			}
			parts = append(parts, pps[st.index].Title)
			href = "#" + painAnchor(si, ti, st.index)
		case st.name == "metrics" && si >= 0:
			ms := j.Stages[si].Metrics
			if ti >= 0 {
				ms = j.Stages[si].Touchpoints[ti].Metrics
			}
			if st.index < 0 || st.index >= len(ms) {
				unknown()
				continue
			}
			parts = append(parts, ms[st.index].Name)
		case st.name == "personas" && si < 0 && st.index >= 0 && st.index < len(j.Personas) && j.Personas[st.index] != nil:
			parts = append(parts, j.Personas[st.index].Name)
			href = "#persona-" + strconv.Itoa(st.index)
		case st.name == "opportunities" && si < 0 && st.index >= 0 && st.index < len(j.Opportunities) && j.Opportunities[st.index] != nil:
			parts = append(parts, j.Opportunities[st.index].Title)
			href = "#opp-" + strconv.Itoa(st.index)
		default:
			if len(parts) == 0 {
				parts = append(parts, wd.WholeJourney)
				href = "#top"
			}
			unknown()
			continue
		}
		rest = rest[1:]
	}
	return linkView{Text: strings.Join(parts, " › "), Href: href}
}

// anchor returns the link to the touchpoint or stage at path, or "".
func (x *journeyIndex) anchor(path string) string {
	var si, ti int
	steps := parsePath(path)
	if len(steps) >= 1 && steps[0].name == "stages" && steps[0].index >= 0 {
		si = steps[0].index
		if si >= len(x.j.Stages) || x.j.Stages[si] == nil {
			return ""
		}
		if len(steps) >= 2 && steps[1].name == "touchpoints" && steps[1].index >= 0 {
			ti = steps[1].index
			if ti < len(x.j.Stages[si].Touchpoints) && x.j.Stages[si].Touchpoints[ti] != nil {
				return "#" + tpAnchor(si, ti)
			}
			return ""
		}
		return "#st-" + strconv.Itoa(si)
	}
	return ""
}
