package render

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
)

// codeOrder ranks the finding codes in the order package analysis reports
// them; a code it does not know (a report built by the caller) comes after.
var codeOrder = func() map[string]int {
	m := map[string]int{}
	for i, c := range analysis.Codes() {
		m[c] = i
	}
	return m
}()

// findingGroups groups findings by severity and code: the most severe
// first, then in the order of analysis.Codes, any other code in the order
// it first appears; within a group the findings keep their order.
func findingGroups(wd *words, idx *journeyIndex, findings []analysis.Finding) []findingGroup {
	type key struct {
		sev  analysis.Severity
		code string
	}
	at := map[key]int{}
	var groups []findingGroup
	var keys []key
	for _, f := range findings {
		k := key{f.Severity, f.Code}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			g := findingGroup{
				Critical: f.Severity == analysis.Critical, Warning: f.Severity == analysis.Warning,
				Info: f.Severity == analysis.Info, Severity: string(f.Severity), Title: f.Code,
			}
			if title, known := wd.cat.Code(f.Code); known {
				g.Title, g.Code = title, f.Code
			}
			groups = append(groups, g)
			keys = append(keys, k)
		}
		groups[i].Rows = append(groups[i].Rows, findingRow{idx.place(wd, f.Path), f.Message})
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	rank := func(k key) int {
		if r, ok := codeOrder[k.code]; ok {
			return r
		}
		return len(codeOrder)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := keys[b].sev.Rank() - keys[a].sev.Rank(); d != 0 {
			return d
		}
		return rank(keys[a]) - rank(keys[b])
	})
	sorted := make([]findingGroup, len(groups))
	for i, k := range order {
		sorted[i] = groups[k]
		sorted[i].Title += " (" + strconv.Itoa(len(groups[k].Rows)) + ")"
	}
	return sorted
}

func nameOr(names map[uuid.UUID]string, id uuid.UUID) string {
	if n, ok := names[id]; ok {
		return n
	}
	return id.String()
}

func sortedIDs(m map[uuid.UUID]float64) []uuid.UUID {
	ids := make([]uuid.UUID, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return ids
}
