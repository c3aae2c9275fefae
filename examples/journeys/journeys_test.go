// Package journeys_test checks the example documents users learn from: each
// decodes strictly, validates, is in canonical form, and shows every part of
// the format the README promises (personas with demographics, 15+ touchpoints
// online and offline, pain points of all four categories with evidence,
// metrics with targets, opportunities, extensions).
package journeys_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
)

var wantFiles = []string{
	"b2b-saas.json",
	"cvj-vi.json",
	"day-in-the-life.json",
	"ecommerce-current.json",
	"ecommerce-future.json",
	"restaurant-blueprint.json",
}

func load(t *testing.T, name string) (*journey.Journey, []byte) {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err, "%s does not decode", name)
	return j, data
}

func TestExampleSetIsComplete(t *testing.T) {
	files, err := filepath.Glob("*.json")
	require.NoError(t, err)
	assert.Equal(t, wantFiles, files)
}

func TestExamplesAreValidAndCanonical(t *testing.T) {
	for _, name := range wantFiles {
		t.Run(name, func(t *testing.T) {
			j, _ := load(t, name)
			assert.NoError(t, j.Validate())
			canon, err := journey.MarshalIndent(j, "  ")
			require.NoError(t, err)
			// The example is its own golden file: it must already be in
			// canonical indented form (journey.MarshalIndent(j, "  ") plus a
			// newline); go test -update rewrites it so.
			golden.Check(t, name, append(canon, '\n'))
		})
	}
}

func TestExamplesShowTheWholeFormat(t *testing.T) {
	for _, name := range wantFiles {
		t.Run(name, func(t *testing.T) {
			j, _ := load(t, name)
			assert.Equal(t, journey.SchemaVersion, j.SchemaVersion)
			assert.NotEmpty(t, j.Objective, "objective")
			assert.NotEmpty(t, j.Owner, "owner")
			assert.NotNil(t, j.ReviewedAt, "reviewed_at")
			assert.Positive(t, j.ReviewEveryDays, "review_every_days")
			assert.NotEmpty(t, j.Extensions, "journey extensions")

			require.NotEmpty(t, j.Personas)
			for _, p := range j.Personas {
				assert.NotNil(t, p.Demographics, "%s demographics", p.Name)
				for what, list := range map[string][]string{"goals": p.Goals, "needs": p.Needs, "frustrations": p.Frustrations, "behaviors": p.Behaviors} {
					assert.NotEmpty(t, list, "%s %s", p.Name, what)
				}
				assert.NotEmpty(t, p.PreferredChannels, "%s preferred_channels", p.Name)
				assert.NotEmpty(t, p.Quote, "%s quote", p.Name)
			}

			touchpoints, emotions, personaEmotions := 0, 0, 0
			modes := map[channel.Mode]bool{}
			categories := map[painpoint.Category]bool{}
			kinds := map[metric.Kind]bool{}
			targets := 0
			countMetric := func(m metric.Metric) {
				kinds[m.Kind] = true
				if m.Target != nil {
					targets++
				}
			}
			for _, s := range j.Stages {
				for _, m := range s.Metrics {
					countMetric(m)
				}
			}
			for s, tp := range j.Touchpoints() {
				touchpoints++
				modes[tp.EffectiveMode()] = true
				if tp.Emotion != nil {
					emotions++
				}
				personaEmotions += len(tp.PersonaEmotions)
				for _, p := range tp.PainPoints {
					categories[p.Category] = true
					assert.NotEmpty(t, p.Evidence, "pain point %q in stage %q has no evidence", p.Title, s.Name)
				}
				for _, m := range tp.Metrics {
					countMetric(m)
				}
				if j.Type == journey.ServiceBlueprint {
					layers := map[string]bool{}
					for _, sup := range tp.Supports {
						layers[string(sup.Layer)] = true
					}
					assert.Len(t, layers, 3, "blueprint touchpoint %q needs frontstage, backstage and support_process supports", tp.Name)
				}
			}
			assert.GreaterOrEqual(t, touchpoints, 15, "touchpoints")
			assert.Equal(t, touchpoints, emotions, "every touchpoint has an emotion")
			assert.Positive(t, personaEmotions, "some persona_emotions")
			assert.True(t, modes[channel.Online] && modes[channel.Offline], "touchpoints online and offline: %v", modes)
			assert.Len(t, categories, 4, "pain point categories: %v", categories)
			for _, k := range []metric.Kind{metric.ConversionRate, metric.DropOffRate, metric.CSAT, metric.NPS, metric.CES, metric.Duration, metric.Count} {
				assert.True(t, kinds[k], "metric kind %s", k)
			}
			assert.GreaterOrEqual(t, targets, 5, "metrics with targets")

			require.NotEmpty(t, j.Opportunities)
			for _, o := range j.Opportunities {
				assert.NotEmpty(t, o.PainPointIDs, "opportunity %q pain_point_ids", o.Title)
				assert.NotEmpty(t, o.TouchpointIDs, "opportunity %q touchpoint_ids", o.Title)
				assert.Positive(t, o.Impact, "opportunity %q impact", o.Title)
				assert.Positive(t, o.Effort, "opportunity %q effort", o.Title)
			}
		})
	}
}

// ids returns every id in j with where it was seen.
func ids(j *journey.Journey) map[uuid.UUID]string {
	out := map[uuid.UUID]string{j.ID: "journey"}
	for _, p := range j.Personas {
		out[p.ID] = "persona " + p.Name
	}
	for _, s := range j.Stages {
		out[s.ID] = "stage " + s.Name
	}
	for _, tp := range j.Touchpoints() {
		out[tp.ID] = "touchpoint " + tp.Name
	}
	for _, p := range j.PainPoints() {
		out[p.ID] = "pain point " + p.Title
	}
	for _, o := range j.Opportunities {
		out[o.ID] = "opportunity " + o.Title
	}
	return out
}

// TestIDsAreUniqueAcrossExamples: ids are only shared between the e-commerce
// current and future states, where the same persona, stage, touchpoint or
// pain point appears in both (that is what makes their diff meaningful).
func TestIDsAreUniqueAcrossExamples(t *testing.T) {
	seen := map[uuid.UUID]string{}
	for _, name := range wantFiles {
		j, _ := load(t, name)
		for id, what := range ids(j) {
			if prev, ok := seen[id]; ok {
				pair := prev[:9] == "ecommerce" && name[:9] == "ecommerce" && what != "journey"
				assert.True(t, pair, "id %s used by %s and %s (%s)", id, prev, name, what)
				continue
			}
			seen[id] = name
		}
	}
}

func TestFutureStateSharesIDsWithCurrentState(t *testing.T) {
	cur, _ := load(t, "ecommerce-current.json")
	fut, _ := load(t, "ecommerce-future.json")
	assert.NotEqual(t, cur.ID, fut.ID)
	require.Len(t, fut.Stages, len(cur.Stages))
	for i := range cur.Stages {
		assert.Equal(t, cur.Stages[i].ID, fut.Stages[i].ID, "stage %d", i)
	}
	for i := range cur.Personas {
		assert.Equal(t, cur.Personas[i].ID, fut.Personas[i].ID, "persona %d", i)
	}
	shared := 0
	for _, tp := range fut.Touchpoints() {
		if _, c := cur.Touchpoint(tp.ID); c != nil {
			shared++
		}
	}
	assert.GreaterOrEqual(t, shared, 15, "touchpoints kept from the current state")
}
