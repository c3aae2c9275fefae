package analysis_test

import (
	"encoding/json"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

func TestDiffIdentical(t *testing.T) {
	c := analysis.Diff(clean(), clean())
	require.Len(t, c.Stages, 3)
	for _, s := range c.Stages {
		assert.Equal(t, analysis.Unchanged, s.Change, s.Name)
		assert.Empty(t, s.Fields)
		assert.Equal(t, 0.0, *s.Friction.Change)
	}
	assert.Empty(t, c.Touchpoints)
	assert.Empty(t, c.PainPointsResolved)
	assert.Empty(t, c.PainPointsIntroduced)
	assert.Equal(t, 0.0, *c.Friction.Change)
	// Unchanged stages are left out of the text. The clean journey's friction:
	// Discover (0 + 0.25 hand-off) ÷ 2 = 0.125; Buy (0 + 0.25 dip from 1 to 0) ÷ 2
	// = 0.125; Get help (0.5 medium pain + 0.25 hand-off) ÷ 2 = 0.375;
	// journey 0.625 ÷ 3 = 0.2083 points, score 0.2083 ÷ 1.2083 = 0.1724.
	assert.Equal(t, "journey friction 0.1724 → 0.1724 (0)\n", c.String())
}

func TestDiffStagesAndTouchpoints(t *testing.T) {
	old, new := clean(), clean()
	// Stage "Discover": renamed (same id). Stage "Buy": removed.
	new.Stages[0].Name = "Discovery"
	// Stage "Get help": new id, same name (matched by name): its FAQ
	// touchpoint loses its id but keeps its name; the hotline moves to a new
	// stage; a chat is added.
	help := new.Stages[2]
	help.ID = id(90)
	help.Touchpoints[0].ID = id(91)
	help.Touchpoints[0].Emotion = f(1)
	hotline := help.Touchpoints[1]
	help.Touchpoints = []*touchpoint.Touchpoint{help.Touchpoints[0], tp(92, "Chats with an agent", channel.Chat, 2)}
	recommend := &journey.Stage{ID: id(93), Name: "Recommend", Phase: journey.AfterPurchase, Touchpoints: []*touchpoint.Touchpoint{hotline}}
	new.Stages = []*journey.Stage{new.Stages[0], help, recommend}

	c := analysis.Diff(old, new)

	var stages []string
	for _, s := range c.Stages {
		stages = append(stages, string(s.Change)+" "+s.Name)
	}
	assert.Equal(t, []string{"changed Discovery", "changed Get help", "added Recommend", "removed Buy"}, stages)
	assert.Equal(t, []string{"name"}, c.Stages[0].Fields)
	assert.Equal(t, []string{"id", "touchpoints"}, c.Stages[1].Fields)
	assert.Equal(t, "stages[2]", c.Stages[1].OldPath)
	assert.Equal(t, "stages[1]", c.Stages[1].NewPath)
	assert.Nil(t, c.Stages[2].Friction.Old)
	assert.NotNil(t, c.Stages[2].Friction.New)
	assert.Nil(t, c.Stages[3].Friction.New)
	// Get help: emotion (0 + 1) / 2 = 0.5 before, (1 + 2) / 2 = 1.5 after.
	assert.Equal(t, 0.5, *c.Stages[1].Emotion.Old)
	assert.Equal(t, 1.5, *c.Stages[1].Emotion.New)
	assert.Equal(t, 1.0, *c.Stages[1].Emotion.Change)

	type row struct {
		change           analysis.Change
		name, stage      string
		oldPath, newPath string
		fields           []string
	}
	var got []row
	for _, tc := range c.Touchpoints {
		got = append(got, row{tc.Change, tc.Name, tc.Stage, tc.OldPath, tc.NewPath, tc.Fields})
	}
	assert.Equal(t, []row{
		{analysis.Changed, "Reads the FAQ", "Get help", "stages[2].touchpoints[0]", "stages[1].touchpoints[0]", []string{"id", "emotion"}},
		{analysis.Added, "Chats with an agent", "Get help", "", "stages[1].touchpoints[1]", nil},
		{analysis.Changed, "Calls the hotline", "Recommend", "stages[2].touchpoints[1]", "stages[2].touchpoints[0]", []string{"stage"}},
		{analysis.Removed, "Adds to cart", "Buy", "stages[1].touchpoints[0]", "", nil},
		{analysis.Removed, "Pays", "Buy", "stages[1].touchpoints[1]", "", nil},
	}, got)

	_, err := json.Marshal(c)
	require.NoError(t, err)
}

func TestDiffPainPoints(t *testing.T) {
	old, new := clean(), clean()
	faq := new.Stages[2].Touchpoints[0]
	// The FAQ pain is resolved; a pain with the same title but a new id is
	// the same pain (matched by title); a new pain is introduced.
	faq.PainPoints = nil
	old.Stages[0].Touchpoints[0].PainPoints = []*painpoint.PainPoint{{ID: id(60), Title: "Ad is vague", Category: painpoint.Process, Severity: painpoint.Low}}
	new.Stages[0].Touchpoints[0].PainPoints = []*painpoint.PainPoint{
		{ID: id(61), Title: " ad is VAGUE ", Category: painpoint.Process, Severity: painpoint.Low},
		{ID: id(62), Title: "Payment fails", Category: painpoint.Financial, Severity: painpoint.Critical},
	}
	c := analysis.Diff(old, new)
	require.Len(t, c.PainPointsResolved, 1)
	assert.Equal(t, analysis.PainPointRef{ID: id(30), Title: "FAQ does not answer", Category: "support", Severity: "medium",
		Path: "stages[2].touchpoints[0].pain_points[0]", Touchpoint: "Reads the FAQ"}, c.PainPointsResolved[0])
	require.Len(t, c.PainPointsIntroduced, 1)
	assert.Equal(t, id(62), c.PainPointsIntroduced[0].ID)
	assert.Equal(t, "stages[0].touchpoints[0].pain_points[1]", c.PainPointsIntroduced[0].Path)
	assert.Greater(t, *c.Friction.Change, 0.0, "a critical pain point raises friction")
}

func TestDiffNameFallbackStaysInStage(t *testing.T) {
	// Two stages each with a touchpoint named "Website", all ids new: each
	// matches the one in its own (name-matched) stage, so nothing moves.
	build := func(base uint64) *journey.Journey {
		return &journey.Journey{Stages: []*journey.Stage{
			{ID: id(base), Name: "A", Phase: journey.BeforePurchase, Touchpoints: []*touchpoint.Touchpoint{{ID: id(base + 1), Name: "Website", Channel: channel.Website}}},
			{ID: id(base + 2), Name: "B", Phase: journey.AfterPurchase, Touchpoints: []*touchpoint.Touchpoint{{ID: id(base + 3), Name: "Website", Channel: channel.Email}}},
		}}
	}
	c := analysis.Diff(build(100), build(200))
	require.Len(t, c.Touchpoints, 2)
	for _, tc := range c.Touchpoints {
		assert.Equal(t, analysis.Changed, tc.Change)
		assert.Equal(t, []string{"id"}, tc.Fields, "matched within its stage, not moved")
	}
}

func TestDiffOddJourneys(t *testing.T) {
	c := analysis.Diff(nil, clean())
	require.Len(t, c.Stages, 3)
	for _, s := range c.Stages {
		assert.Equal(t, analysis.Added, s.Change)
	}
	assert.Len(t, c.Touchpoints, 6)
	assert.Len(t, c.PainPointsIntroduced, 1)

	c = analysis.Diff(clean(), nil)
	assert.Len(t, c.PainPointsResolved, 1)

	odd := &journey.Journey{Stages: []*journey.Stage{nil, {Touchpoints: []*touchpoint.Touchpoint{nil, {PainPoints: []*painpoint.PainPoint{nil, {}}}}}}}
	c = analysis.Diff(odd, odd)
	_, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotEmpty(t, c.String())
	_ = analysis.Diff(odd, clean())
	_ = analysis.Diff(&journey.Journey{Stages: []*journey.Stage{{ID: uuid.Nil}, {ID: uuid.Nil}}}, odd)
}
