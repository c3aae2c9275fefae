package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/journey"
)

// namedJourney is a journey under test with a name usable in file names.
type namedJourney struct {
	name    string
	example bool
	j       *journey.Journey
	funnel  *analytics.Result // measured on j, shown in its HTML page
}

// exampleJourneys decodes every example under examples/journeys.
func exampleJourneys(t *testing.T) []namedJourney {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "examples", "journeys", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no example journeys under examples/journeys")
	var out []namedJourney
	for _, f := range files {
		out = append(out, namedJourney{name: strings.TrimSuffix(filepath.Base(f), ".json"), example: true, j: readJourney(t, f)})
	}
	return out
}

// readJourney decodes the journey document at path.
func readJourney(t *testing.T, path string) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err, path)
	return j
}

// measuredJourneys returns each example journey that has an event log under
// examples/events (same base name) with the measured figures laid over it,
// as journeymap funnel -format html renders it.
func measuredJourneys(t *testing.T) []namedJourney {
	t.Helper()
	logs, err := filepath.Glob(filepath.Join(repoRoot, "examples", "events", "*.csv"))
	require.NoError(t, err)
	require.NotEmpty(t, logs, "no event logs under examples/events")
	var out []namedJourney
	for _, log := range logs {
		name := strings.TrimSuffix(filepath.Base(log), ".csv")
		j := readJourney(t, filepath.Join(repoRoot, "examples", "journeys", name+".json")) // the log's journey has its name
		f, err := os.Open(log)
		require.NoError(t, err)
		res, err := analytics.Run(j, f, "csv", analytics.Options{Source: filepath.Base(log)})
		f.Close()
		require.NoError(t, err, log)
		require.Zero(t, res.BadRows.Count, log)
		out = append(out, namedJourney{name: name + "-measured", example: true, j: analytics.Overlay(j, res), funnel: res})
	}
	return out
}

// hostileJourneys returns the journey carrying every hostile label at once,
// then one journey per corpus entry, so a failure names the entry.
func hostileJourneys() []namedJourney {
	out := []namedJourney{{name: "hostile-all", j: hostile.Journey()}}
	for _, e := range hostile.Entries() {
		out = append(out, namedJourney{name: "hostile-" + e.ID, j: hostile.JourneyFor(e.Text)})
	}
	return out
}

// allJourneys is every example then every hostile journey.
func allJourneys(t *testing.T) []namedJourney {
	return append(exampleJourneys(t), hostileJourneys()...)
}

// sameText asserts got == want and, when not, reports where they first differ
// (labels run to 100 KB, too long to print whole).
func sameText(t *testing.T, want, got string, format string, args ...any) bool {
	t.Helper()
	if want == got {
		return true
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(want[min(i, len(want)-1)]) {
		i--
	}
	from := max(0, i-20)
	clip := func(s string) string {
		if from >= len(s) {
			return ""
		}
		return s[from:min(len(s), i+40)]
	}
	t.Errorf("%s: differs at byte %d (want %d bytes, got %d)\n want …%q…\n  got …%q…",
		fmt.Sprintf(format, args...), i, len(want), len(got), clip(want), clip(got))
	return false
}
