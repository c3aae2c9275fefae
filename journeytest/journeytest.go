// Package journeytest helps teams test their own journey maps in Go tests:
// load a document, check it is valid, that it has no findings of the codes
// the team cares about, and that its friction stays below a budget.
//
//	func TestCheckoutJourney(t *testing.T) {
//		j := journeytest.Load(t, "testdata/checkout.json")
//		journeytest.Valid(t, j)
//		journeytest.NoFindings(t, j, "stage.no_touchpoints", "phase.uncovered")
//		journeytest.FrictionBelow(t, j, 0.4)
//	}
//
// Every helper accepts a testing.TB, marks itself as a helper, reports a
// failure with t.Errorf (Load with t.Fatalf, since nothing can follow it)
// naming the JSON path of each problem and why it matters, and returns
// whether the check passed. The package-level helpers analyse with the
// default analysis.Options; use a Checker to set them (for example Now, so
// review.overdue is checked).
package journeytest

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
)

// Checker runs the checks with the given analysis options.
type Checker struct {
	// Options are passed to analysis.Analyze.
	Options analysis.Options
}

// Load reads and decodes the journey document at path, stopping the test
// with t.Fatalf (naming the path and the JSON path of each problem) when it
// cannot be read or decoded.
func Load(t testing.TB, path string) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("journeytest: cannot read journey %s: %v", path, err)
		return nil
	}
	j, err := journey.Unmarshal(data)
	if err != nil {
		t.Fatalf("journeytest: %s is not a journey document:\n%s", path, indent(problems(err)))
		return nil
	}
	return j
}

// Valid checks that j passes validation, reporting every problem with its
// JSON path.
func Valid(t testing.TB, j *journey.Journey) bool {
	t.Helper()
	if j == nil {
		t.Errorf("journeytest: the journey is nil")
		return false
	}
	err := j.Validate()
	if err == nil {
		return true
	}
	lines := problems(err)
	t.Errorf("journeytest: journey %s is not valid (%s):\n%s", name(j), count(len(lines), "problem"), indent(lines))
	return false
}

// NoFindings checks that analysing j gives no finding with one of codes
// (no finding at all when no code is given).
func NoFindings(t testing.TB, j *journey.Journey, codes ...string) bool {
	t.Helper()
	return Checker{}.NoFindings(t, j, codes...)
}

// NoFindingsAtOrAbove checks that analysing j gives no finding of severity
// min or worse (analysis.Warning allows only info findings).
func NoFindingsAtOrAbove(t testing.TB, j *journey.Journey, min analysis.Severity) bool {
	t.Helper()
	return Checker{}.NoFindingsAtOrAbove(t, j, min)
}

// FrictionBelow checks that the journey's friction score is below max,
// explaining a failure by its factors and its worst stages and touchpoints.
func FrictionBelow(t testing.TB, j *journey.Journey, max float64) bool {
	t.Helper()
	return Checker{}.FrictionBelow(t, j, max)
}

// NoFindings is the package-level NoFindings with c's options.
func (c Checker) NoFindings(t testing.TB, j *journey.Journey, codes ...string) bool {
	t.Helper()
	if j == nil {
		t.Errorf("journeytest: the journey is nil")
		return false
	}
	for _, code := range codes {
		if !known(code) {
			t.Errorf("journeytest: %q is not a finding code; known codes: %s", code, strings.Join(analysis.Codes(), ", "))
			return false
		}
	}
	found := analysis.Analyze(j, c.Options).Filter(codes...)
	if len(found) == 0 {
		return true
	}
	what := "findings"
	if len(codes) > 0 {
		what = strings.Join(codes, ", ")
	}
	t.Errorf("journeytest: journey %s has %s (want no %s):\n%s", name(j), count(len(found), "finding"), what, indent(findingLines(found)))
	return false
}

// NoFindingsAtOrAbove is the package-level NoFindingsAtOrAbove with c's options.
func (c Checker) NoFindingsAtOrAbove(t testing.TB, j *journey.Journey, min analysis.Severity) bool {
	t.Helper()
	if j == nil {
		t.Errorf("journeytest: the journey is nil")
		return false
	}
	if !min.Valid() {
		t.Errorf("journeytest: severity %q is not info, warning or critical", string(min))
		return false
	}
	found := analysis.Analyze(j, c.Options).AtOrAbove(min)
	if len(found) == 0 {
		return true
	}
	t.Errorf("journeytest: journey %s has %s of severity %s or worse:\n%s", name(j), count(len(found), "finding"), min, indent(findingLines(found)))
	return false
}

// FrictionBelow is the package-level FrictionBelow with c's options.
func (c Checker) FrictionBelow(t testing.TB, j *journey.Journey, max float64) bool {
	t.Helper()
	if j == nil {
		t.Errorf("journeytest: the journey is nil")
		return false
	}
	fr := analysis.Analyze(j, c.Options).Friction
	if fr.Score < max {
		return true
	}
	var b strings.Builder
	b.WriteString("journeytest: journey " + name(j) + " has friction " + num(fr.Score) + ", not below " + num(max) + ".\n")
	if len(fr.Factors) > 0 {
		b.WriteString("  It comes from: " + factorText(fr.Factors) + ".\n")
	}
	worst := worstStages(fr.Stages, 3)
	if len(worst) > 0 {
		b.WriteString("  Worst stages:\n")
		for _, s := range worst {
			b.WriteString("    " + s.Path + " " + strconv.Quote(s.Name) + ": " + num(s.Score) + " (" + factorText(s.Factors) + ")\n")
		}
	}
	if len(fr.Hotspots) > 0 {
		b.WriteString("  Worst touchpoints:\n")
		for _, h := range fr.Hotspots {
			b.WriteString("    " + h.Path + " " + strconv.Quote(h.Name) + " in " + strconv.Quote(h.Stage) + ": " + num(h.Score) +
				" (" + factorText(h.Factors) + ")\n")
		}
	}
	t.Errorf("%s", strings.TrimRight(b.String(), "\n"))
	return false
}

func known(code string) bool {
	for _, c := range analysis.Codes() {
		if c == code {
			return true
		}
	}
	return false
}

// problems lists an error one problem a line, each "path: detail".
func problems(err error) []string {
	var l docerr.List
	if errors.As(err, &l) {
		out := make([]string, len(l))
		for i, e := range l {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

func findingLines(fs []analysis.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		path := f.Path
		if path == "" {
			path = "(journey)"
		}
		out[i] = path + " (" + f.Code + ", " + string(f.Severity) + "): " + f.Message
	}
	return out
}

func factorText(fs []analysis.Factor) string {
	if len(fs) == 0 {
		return "no factor"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Name + " " + num(f.Points)
		if f.Detail != "" {
			parts[i] += " [" + f.Detail + "]"
		}
	}
	return strings.Join(parts, ", ")
}

// worstStages returns up to n stages with friction, worst first (ties in journey order).
func worstStages(stages []analysis.StageFriction, n int) []analysis.StageFriction {
	var out []analysis.StageFriction
	for _, s := range stages {
		if s.Points <= 0 {
			continue
		}
		at := len(out)
		for at > 0 && out[at-1].Points < s.Points {
			at--
		}
		if at >= n {
			continue
		}
		out = append(out[:at], append([]analysis.StageFriction{s}, out[at:]...)...)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

func name(j *journey.Journey) string {
	if strings.TrimSpace(j.Title) == "" {
		return "(untitled)"
	}
	return strconv.Quote(j.Title)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

func indent(lines []string) string {
	return "  " + strings.Join(lines, "\n  ")
}
