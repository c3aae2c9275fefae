package fuzztest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Go-side Mermaid reading must itself catch what breaks Mermaid, or the
// fuzz targets built on it could never fail.
func TestReadJourneyDiagram(t *testing.T) {
	ok := "journey\n    title A #58; B\n    accTitle: A #58; B\n    section S#35;1\n        Pay#58; now: 4: Lan#44; Mai, Bob\n"
	d, err := readJourneyDiagram(ok)
	require.NoError(t, err)
	assert.Equal(t, "A : B", d.title)
	assert.Equal(t, []string{"S#1"}, d.sections)
	require.Len(t, d.tasks, 1)
	assert.Equal(t, mmdTask{section: "S#1", name: "Pay: now", score: "4", actors: []string{"Lan, Mai", "Bob"}}, d.tasks[0])

	for name, text := range map[string]string{
		"semicolon":     "journey\n    section a;b\n",
		"raw colon":     "journey\n    section S\n        Pay: now: 3: Me\n",
		"raw hash":      "journey\n    title #1 deal\n",
		"percent":       "journey\n    title 50% off\n",
		"directive":     "journey\n    %%{init: {}}%%\n",
		"keyword task":  "journey\n    section S\n        title x: 3: Me\n",
		"control":       "journey\n    title a\x07b\n",
		"no journey":    "flowchart\n",
		"task no score": "journey\n    section S\n        lonely\n",
		"bad escape":    "journey\n    title #0;\n",
		"comma actor":   "journey\n    section S\n        t: 3: A#44; B, C:D\n",
	} {
		_, err := readJourneyDiagram(text)
		assert.Error(t, err, name)
	}
}

func TestReadFlowchartLabels(t *testing.T) {
	labels, err := readFlowchartLabels("flowchart TB\n    subgraph customer[\"Customer\"]\n        t0[\"a #34;b#34; #37;\"]\n    end\n")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"customer": "Customer", "t0": `a "b" %`}, labels)
	for name, text := range map[string]string{
		"quote":   "flowchart TB\n    t0[\"a \"b\"\"]\n",
		"comment": "flowchart TB\n    t0[\"50%% off\"]\n",
		"hash":    "flowchart TB\n    t0[\"#1\"]\n",
	} {
		_, err := readFlowchartLabels(text)
		assert.Error(t, err, name)
	}
}
