package render

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// canvasJourney has two stages: the first with two touchpoints (one with two
// pain points that one opportunity addresses together with the touchpoint
// itself), the second with none.
func canvasJourney() *journey.Journey {
	j := journey.New("Canvas", journey.CurrentState)
	j.AddPersona(persona.Persona{Name: "Lan"})
	s := j.AddStage("Buy", journey.DuringPurchase)
	a := s.AddTouchpoint("Reads the page", channel.Website)
	a.SetEmotion(1)
	b := s.AddTouchpoint("Pays", channel.MobileApp)
	b.SetEmotion(-2)
	fee := b.AddPainPoint(painpoint.New("Fee shown late", painpoint.Financial, painpoint.High))
	slow := b.AddPainPoint(painpoint.New("Slow form", painpoint.Productivity, painpoint.Low))
	o := j.AddOpportunity("Show the fee early", fee, slow)
	o.TouchpointIDs = append(o.TouchpointIDs, b.ID)
	j.AddStage("Keep", journey.AfterPurchase)
	return j
}

func TestCanvasEachOpportunityOnce(t *testing.T) {
	j := canvasJourney()
	cv := buildCanvas(english, j, personaNames(j), nil, nil)
	cols := cv.Sheets[0].Pages[0].Cols
	require.Len(t, cols, 3, "two touchpoints and the empty stage")
	assert.Equal(t, []string{"Show the fee early"}, cols[1].Opps,
		"linked to the touchpoint and to both its pain points: listed once")
}

func TestCanvasLeavesOutEmptyRows(t *testing.T) {
	j := canvasJourney()
	cv := buildCanvas(english, j, personaNames(j), nil, nil)
	assert.False(t, cv.HasDescription, "no touchpoint has a description")
	assert.False(t, cv.HasThoughts)
	assert.False(t, cv.HasLayers, "no supports and not a blueprint")
	assert.True(t, cv.HasEmotion)
	assert.True(t, cv.HasPains)
	assert.Equal(t, 3+3, cv.Rows, "phase, stage, touchpoint + emotion, pains, opportunities")

	j.Stages[0].Touchpoints[0].Description = "The product page"
	j.Type = journey.ServiceBlueprint
	cv = buildCanvas(english, j, personaNames(j), nil, nil)
	assert.True(t, cv.HasDescription)
	assert.True(t, cv.HasLayers, "a blueprint always shows its lanes")
	assert.Equal(t, 3+4+6, cv.Rows, "three lanes and three lines more")
}

func TestCanvasEmotionAllCustomersOnTop(t *testing.T) {
	j := canvasJourney()
	lan := j.Personas[0].ID
	j.Stages[0].Touchpoints[0].PersonaEmotions = map[uuid.UUID]float64{lan: 2}
	j.Stages[0].Touchpoints[1].PersonaEmotions = map[uuid.UUID]float64{lan: -1}
	cv := buildCanvas(english, j, personaNames(j), nil, nil)
	cols := cv.Sheets[0].Pages[0].Cols
	first, second := cols[0].Emo, cols[1].Emo
	require.Len(t, first.Lines, 2)
	assert.Equal(t, "l-p0", first.Lines[0].Class, "the persona line first")
	assert.Equal(t, "l-all", first.Lines[1].Class, "all customers drawn last, on top")
	// The halves meet: the first column ends where the second begins.
	end := first.Lines[1].D[strings.LastIndex(first.Lines[1].D, " ")+1:]
	start := strings.Fields(second.Lines[1].D)[1]
	assert.Equal(t, end, start, "the curve is continuous across columns")
	assert.Equal(t, "+1", first.Value)
	assert.Equal(t, english.Positive, first.Mood)
	assert.Equal(t, "−2", second.Value)
	assert.Equal(t, "M-5 6 Q0 1 5 6", second.Face.Mouth, "a sad face below the line")
	assert.True(t, cols[2].Emo.None, "the empty stage has no emotion")
	require.Len(t, cv.legend, 2)
	assert.Equal(t, []string{english.AllCustomers, "Lan"}, []string{cv.legend[0].Name, cv.legend[1].Name})
	assert.NotEmpty(t, cv.legend[1].Marker, "a persona is told apart by its marker as well as colour")
	assert.NotEmpty(t, cv.legend[1].Dash, "and by its dash")
}

func TestCanvasPages(t *testing.T) {
	j := journey.New("Wide", journey.CurrentState)
	for range 3 {
		s := j.AddStage("Stage", journey.BeforePurchase)
		for range 4 {
			s.AddTouchpoint("Touchpoint", channel.Email)
		}
	}
	cv := buildCanvas(english, j, nil, nil, nil)
	require.Len(t, cv.Sheets, 2, "12 columns: an A3 sheet of 8 and one of 4")
	assert.Len(t, cv.Sheets[0].Pages, 2)
	assert.Len(t, cv.Sheets[1].Pages, 1)
	second := cv.Sheets[0].Pages[1]
	assert.True(t, second.Second, "its row labels are hidden on A3")
	assert.True(t, second.Cols[0].StageStart, "this page starts with a stage")
	assert.False(t, second.Cols[0].StageCont)
	assert.True(t, second.Cols[0].PhaseCont, "but not with the phase: it is named again on paper")
}

func TestChannelIconsCoverEveryChannel(t *testing.T) {
	for _, c := range channel.Channels() {
		icon := channelIcon(c)
		assert.Contains(t, htmlSource, `<symbol id="`+icon+`"`, "channel %s has an icon", c)
		assert.NotEqual(t, string(c), english.channel(string(c)), "and a name")
	}
	assert.Equal(t, "ch-other", channelIcon("telepathy"), "an unknown channel gets the icon of other")
}

func TestPlaceNamesInWords(t *testing.T) {
	j := canvasJourney()
	j.Stages[0].Touchpoints[0].Metrics = nil
	idx := indexJourney(j)
	for _, tc := range []struct{ path, text, href string }{
		{"", english.WholeJourney, "#top"},
		{"objective", english.WholeJourney + " › objective", "#top"},
		{"stages[0]", "Buy", "#st-0"},
		{"stages[0].touchpoints[1]", "Buy › Pays", "#tp-0-1"},
		{"stages[0].touchpoints[1].pain_points[0]", "Buy › Pays › Fee shown late", "#pain-0-1-0"},
		{"stages[0].touchpoints[1].owner", "Buy › Pays › owner", "#tp-0-1"},
		{"stages[0].touchpoints[9]", "Buy › touchpoints[9]", "#st-0"},
		{"personas[0]", "Lan", "#persona-0"},
		{"opportunities[0].impact", "Show the fee early › impact", "#opp-0"},
	} {
		got := idx.place(english, tc.path)
		assert.Equal(t, linkView{tc.text, tc.href}, got, tc.path)
	}
	assert.Equal(t, "#tp-0-1", idx.anchor("stages[0].touchpoints[1]"))
	assert.Empty(t, idx.anchor("stages[7].touchpoints[1]"), "a path naming nothing has no link")
}

func TestSummaryAndFriction(t *testing.T) {
	j := canvasJourney()
	v := HTML{}.WithReport(j, analysis.Options{}).view(j)
	assert.Equal(t, "2", v.StageCount)
	assert.Equal(t, "2", v.TouchpointCount)
	assert.Equal(t, "2", v.ChannelCount)
	assert.Equal(t, "2", v.Online)
	assert.Equal(t, "0", v.Offline)
	assert.False(t, v.HasCritical)
	require.NotNil(t, v.WeakestLink)
	assert.Equal(t, "Pays", v.WeakestLink.Text)
	assert.Equal(t, "0.84", english.friction(0.8431), "friction: two decimals, everywhere on the page")
	assert.Equal(t, "0,84", vietnamese.friction(0.8431))
}

func TestCSSString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain title 2026", `"Plain title 2026"`},
		{`a"b</style><script>`, `"a\22 b\3c \2f style\3e \3c script\3e "`},
		{"Sải Bước: x", `"Sải Bước\3a  x"`},
		{"line\nbreak\\", `"line\a break\5c "`},
		{"\u202Eevil", `"\202e evil"`},
	} {
		assert.Equal(t, tc.want, string(cssString(tc.in)), tc.in)
	}
}
