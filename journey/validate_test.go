package journey_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// validJourney builds a small journey with fixed ids that passes Validate:
// one persona, two stages, three touchpoints, two pain points, one opportunity.
func validJourney() *journey.Journey {
	id := func(n int) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte{byte(n)}) }
	j := &journey.Journey{SchemaVersion: 1, ID: id(0), Title: "Online checkout", Type: journey.CurrentState, Language: "vi-VN", ReviewEveryDays: 90}
	reviewed := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	j.ReviewedAt = &reviewed
	lan := persona.Persona{ID: id(1), Name: "Lan", PreferredChannels: []channel.Channel{channel.MobileApp, channel.Chat}}
	j.Personas = []*persona.Persona{&lan}

	s1 := &journey.Stage{ID: id(2), Name: "Awareness", Phase: journey.BeforePurchase}
	t1 := &touchpoint.Touchpoint{ID: id(3), Name: "Sees an ad", Channel: channel.SocialMedia, PersonaIDs: []uuid.UUID{id(1)}}
	t1.SetEmotion(1)
	t2 := &touchpoint.Touchpoint{ID: id(4), Name: "Reads reviews", Channel: channel.ReviewSite, PersonaEmotions: map[uuid.UUID]float64{id(1): -1}}
	t2.PainPoints = []*painpoint.PainPoint{{ID: id(5), Title: "Fake reviews", Category: painpoint.Process, Severity: painpoint.High, PersonaIDs: []uuid.UUID{id(1)}}}
	s1.Touchpoints = []*touchpoint.Touchpoint{t1, t2}
	s1.Metrics = []metric.Metric{metric.New("Reach", metric.Count, 12000).WithTarget(10000)}

	s2 := &journey.Stage{ID: id(6), Name: "Checkout", Phase: journey.DuringPurchase}
	t3 := &touchpoint.Touchpoint{ID: id(7), Name: "Pays", Channel: channel.Website,
		Supports: []touchpoint.Support{{Layer: touchpoint.Backstage, Kind: touchpoint.Technology, Description: "Payment gateway"}}}
	t3.PainPoints = []*painpoint.PainPoint{{ID: id(8), Title: "Surprise shipping fee", Category: painpoint.Financial, Severity: painpoint.Critical}}
	t3.Metrics = []metric.Metric{metric.New("Payment success", metric.ConversionRate, 0.91)}
	s2.Touchpoints = []*touchpoint.Touchpoint{t3}
	j.Stages = []*journey.Stage{s1, s2}

	j.Opportunities = []*journey.Opportunity{{ID: id(9), Title: "Show fees early", PainPointIDs: []uuid.UUID{id(8)}, TouchpointIDs: []uuid.UUID{id(7)}, Impact: 5, Effort: 2, Status: journey.Planned}}
	return j
}

func TestValidateAcceptsValidJourney(t *testing.T) {
	require.NoError(t, validJourney().Validate())
}

func TestValidateReportsEachRule(t *testing.T) {
	other := uuid.MustParse("0b9c6a55-1111-4a1a-8a1a-000000000001")
	tests := []struct {
		name     string
		mutate   func(j *journey.Journey)
		path     string
		sentinel error
	}{
		{"schema version missing", func(j *journey.Journey) { j.SchemaVersion = 0 }, "schema_version", docerr.ErrSchemaVersion},
		{"schema version newer", func(j *journey.Journey) { j.SchemaVersion = 2 }, "schema_version", docerr.ErrSchemaVersion},
		{"schema version negative", func(j *journey.Journey) { j.SchemaVersion = -1 }, "schema_version", docerr.ErrSchemaVersion},
		{"journey id nil", func(j *journey.Journey) { j.ID = uuid.Nil }, "id", docerr.ErrRequired},
		{"title blank", func(j *journey.Journey) { j.Title = " \t" }, "title", docerr.ErrRequired},
		{"type missing", func(j *journey.Journey) { j.Type = "" }, "type", docerr.ErrRequired},
		{"type unknown", func(j *journey.Journey) { j.Type = "wishful" }, "type", docerr.ErrEnum},
		{"language malformed", func(j *journey.Journey) { j.Language = "vi_VN" }, "language", docerr.ErrInvalid},
		{"language too short", func(j *journey.Journey) { j.Language = "v" }, "language", docerr.ErrInvalid},
		{"review every negative", func(j *journey.Journey) { j.ReviewEveryDays = -7 }, "review_every_days", docerr.ErrRange},
		{"review every above a century", func(j *journey.Journey) { j.ReviewEveryDays = journey.MaxReviewEveryDays + 1 }, "review_every_days", docerr.ErrRange},
		{"persona null", func(j *journey.Journey) { j.Personas = append(j.Personas, nil) }, "personas[1]", docerr.ErrRequired},
		{"persona name blank", func(j *journey.Journey) { j.Personas[0].Name = "" }, "personas[0].name", docerr.ErrRequired},
		{"persona lifecycle unknown", func(j *journey.Journey) { j.Personas[0].Lifecycle = "fan" }, "personas[0].lifecycle", docerr.ErrEnum},
		{"persona channel unknown", func(j *journey.Journey) { j.Personas[0].PreferredChannels[1] = "fax" }, "personas[0].preferred_channels[1]", docerr.ErrEnum},
		{"stage null", func(j *journey.Journey) { j.Stages = append(j.Stages, nil) }, "stages[2]", docerr.ErrRequired},
		{"stage name blank", func(j *journey.Journey) { j.Stages[1].Name = "" }, "stages[1].name", docerr.ErrRequired},
		{"stage phase missing", func(j *journey.Journey) { j.Stages[0].Phase = "" }, "stages[0].phase", docerr.ErrRequired},
		{"stage phase unknown", func(j *journey.Journey) { j.Stages[0].Phase = "later" }, "stages[0].phase", docerr.ErrEnum},
		{"stage id nil", func(j *journey.Journey) { j.Stages[0].ID = uuid.Nil }, "stages[0].id", docerr.ErrRequired},
		{"stage metric name blank", func(j *journey.Journey) { j.Stages[0].Metrics[0].Name = "" }, "stages[0].metrics[0].name", docerr.ErrRequired},
		{"stage metric kind unknown", func(j *journey.Journey) { j.Stages[0].Metrics[0].Kind = "vibes" }, "stages[0].metrics[0].kind", docerr.ErrEnum},
		{"metric value NaN", func(j *journey.Journey) { j.Stages[0].Metrics[0].Value = math.NaN() }, "stages[0].metrics[0].value", docerr.ErrRange},
		{"metric target infinite", func(j *journey.Journey) { inf := math.Inf(1); j.Stages[0].Metrics[0].Target = &inf }, "stages[0].metrics[0].target", docerr.ErrRange},
		{"metric value just above the range", func(j *journey.Journey) { j.Stages[0].Metrics[0].Value = math.Nextafter(metric.MaxValue, math.Inf(1)) }, "stages[0].metrics[0].value", docerr.ErrRange},
		{"metric value far below the range", func(j *journey.Journey) { j.Stages[0].Metrics[0].Value = -6.1e22 }, "stages[0].metrics[0].value", docerr.ErrRange},
		{"metric target above the range", func(j *journey.Journey) { big := 1e16; j.Stages[0].Metrics[0].Target = &big }, "stages[0].metrics[0].target", docerr.ErrRange},
		{"touchpoint metric value the largest float64", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Metrics[0].Value = math.MaxFloat64 }, "stages[1].touchpoints[0].metrics[0].value", docerr.ErrRange},
		{"metric better unknown", func(j *journey.Journey) { j.Stages[0].Metrics[0].Better = "sideways" }, "stages[0].metrics[0].better", docerr.ErrEnum},
		{"touchpoint null", func(j *journey.Journey) { j.Stages[0].Touchpoints[0] = nil }, "stages[0].touchpoints[0]", docerr.ErrRequired},
		{"touchpoint name blank", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].Name = "" }, "stages[0].touchpoints[1].name", docerr.ErrRequired},
		{"touchpoint channel missing", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Channel = "" }, "stages[1].touchpoints[0].channel", docerr.ErrRequired},
		{"touchpoint channel unknown", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Channel = "fax" }, "stages[1].touchpoints[0].channel", docerr.ErrEnum},
		{"touchpoint mode unknown", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Mode = "hybrid" }, "stages[1].touchpoints[0].mode", docerr.ErrEnum},
		{"touchpoint initiator unknown", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Initiator = "robot" }, "stages[1].touchpoints[0].initiator", docerr.ErrEnum},
		{"emotion above range", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].SetEmotion(2.5) }, "stages[0].touchpoints[0].emotion", docerr.ErrRange},
		{"emotion below range", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].SetEmotion(-3) }, "stages[0].touchpoints[0].emotion", docerr.ErrRange},
		{"emotion NaN", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].SetEmotion(math.NaN()) }, "stages[0].touchpoints[0].emotion", docerr.ErrRange},
		{"persona emotion out of range", func(j *journey.Journey) {
			tp := j.Stages[0].Touchpoints[1]
			for k := range tp.PersonaEmotions {
				tp.PersonaEmotions[k] = 9
			}
		}, `stages[0].touchpoints[1].persona_emotions["` + uuid.NewSHA1(uuid.NameSpaceOID, []byte{1}).String() + `"]`, docerr.ErrRange},
		{"support layer missing", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Supports[0].Layer = "" }, "stages[1].touchpoints[0].supports[0].layer", docerr.ErrRequired},
		{"support kind unknown", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Supports[0].Kind = "magic" }, "stages[1].touchpoints[0].supports[0].kind", docerr.ErrEnum},
		{"support description blank", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Supports[0].Description = "" }, "stages[1].touchpoints[0].supports[0].description", docerr.ErrRequired},
		{"touchpoint metric kind missing", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].Metrics[0].Kind = "" }, "stages[1].touchpoints[0].metrics[0].kind", docerr.ErrRequired},
		{"pain point null", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].PainPoints[0] = nil }, "stages[0].touchpoints[1].pain_points[0]", docerr.ErrRequired},
		{"pain point title blank", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].PainPoints[0].Title = "" }, "stages[1].touchpoints[0].pain_points[0].title", docerr.ErrRequired},
		{"pain point category unknown", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].PainPoints[0].Category = "emotional" }, "stages[1].touchpoints[0].pain_points[0].category", docerr.ErrEnum},
		{"pain point severity missing", func(j *journey.Journey) { j.Stages[1].Touchpoints[0].PainPoints[0].Severity = "" }, "stages[1].touchpoints[0].pain_points[0].severity", docerr.ErrRequired},
		{"pain point id nil", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].PainPoints[0].ID = uuid.Nil }, "stages[0].touchpoints[1].pain_points[0].id", docerr.ErrRequired},
		{"opportunity null", func(j *journey.Journey) { j.Opportunities = append(j.Opportunities, nil) }, "opportunities[1]", docerr.ErrRequired},
		{"opportunity title blank", func(j *journey.Journey) { j.Opportunities[0].Title = "" }, "opportunities[0].title", docerr.ErrRequired},
		{"opportunity status unknown", func(j *journey.Journey) { j.Opportunities[0].Status = "someday" }, "opportunities[0].status", docerr.ErrEnum},
		{"impact above range", func(j *journey.Journey) { j.Opportunities[0].Impact = 6 }, "opportunities[0].impact", docerr.ErrRange},
		{"effort below range", func(j *journey.Journey) { j.Opportunities[0].Effort = -1 }, "opportunities[0].effort", docerr.ErrRange},
		{"duplicate id stage vs persona", func(j *journey.Journey) { j.Stages[1].ID = j.Personas[0].ID }, "stages[1].id", docerr.ErrDuplicateID},
		{"duplicate id pain point vs touchpoint", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[1].PainPoints[0].ID = j.Stages[0].Touchpoints[0].ID
		}, "stages[0].touchpoints[1].pain_points[0].id", docerr.ErrDuplicateID},
		{"duplicate id opportunity vs journey", func(j *journey.Journey) { j.Opportunities[0].ID = j.ID }, "opportunities[0].id", docerr.ErrDuplicateID},
		{"touchpoint persona ref unknown", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].PersonaIDs[0] = other }, "stages[0].touchpoints[0].persona_ids[0]", docerr.ErrUnknownRef},
		{"persona emotion key unknown", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[1].PersonaEmotions = map[uuid.UUID]float64{other: 1}
		}, `stages[0].touchpoints[1].persona_emotions["` + other.String() + `"]`, docerr.ErrUnknownRef},
		{"pain point persona ref unknown", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].PainPoints[0].PersonaIDs[0] = other }, "stages[0].touchpoints[1].pain_points[0].persona_ids[0]", docerr.ErrUnknownRef},
		{"opportunity pain point ref unknown", func(j *journey.Journey) { j.Opportunities[0].PainPointIDs[0] = other }, "opportunities[0].pain_point_ids[0]", docerr.ErrUnknownRef},
		{"opportunity pain point ref to touchpoint", func(j *journey.Journey) {
			j.Opportunities[0].PainPointIDs[0] = j.Stages[0].Touchpoints[0].ID
		}, "opportunities[0].pain_point_ids[0]", docerr.ErrUnknownRef},
		{"opportunity touchpoint ref unknown", func(j *journey.Journey) { j.Opportunities[0].TouchpointIDs[0] = other }, "opportunities[0].touchpoint_ids[0]", docerr.ErrUnknownRef},
		{"touchpoint persona ref to stage", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].PersonaIDs[0] = j.Stages[0].ID }, "stages[0].touchpoints[0].persona_ids[0]", docerr.ErrUnknownRef},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := validJourney()
			tc.mutate(j)
			err := j.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.sentinel)
			var list docerr.List
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1, "exactly one problem expected, got:\n%v", err)
			assert.Equal(t, tc.path, list[0].Path)
			assert.ErrorIs(t, list[0], tc.sentinel)
			assert.Contains(t, err.Error(), tc.path, "the message names the place")
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	j := validJourney()
	j.Title = ""
	j.Stages[0].Touchpoints[0].SetEmotion(5)
	j.Stages[1].Touchpoints[0].PainPoints[0].Category = "emotional"
	j.Opportunities[0].Impact = 9
	err := j.Validate()
	var list docerr.List
	require.ErrorAs(t, err, &list)
	paths := make([]string, len(list))
	for i, e := range list {
		paths[i] = e.Path
	}
	assert.Equal(t, []string{
		"title",
		"stages[0].touchpoints[0].emotion",
		"stages[1].touchpoints[0].pain_points[0].category",
		"opportunities[0].impact",
	}, paths, "every problem, in document order")
	assert.True(t, errors.Is(err, docerr.ErrRequired) && errors.Is(err, docerr.ErrRange) && errors.Is(err, docerr.ErrEnum))
}

func TestValidateAcceptsBoundaries(t *testing.T) {
	j := validJourney()
	j.Stages[0].Touchpoints[0].SetEmotion(-2)
	j.Stages[0].Touchpoints[1].SetEmotion(2)
	j.Opportunities[0].Impact, j.Opportunities[0].Effort = 1, 5
	j.ReviewEveryDays = 1
	j.Language = "zh-Hant-TW"
	require.NoError(t, j.Validate())
	j.Language, j.ReviewEveryDays, j.Opportunities[0].Impact = "", 0, 0 // optional values left out
	require.NoError(t, j.Validate())
}

func TestValidateEnumErrorListsAllowedValues(t *testing.T) {
	j := validJourney()
	j.Stages[0].Phase = "later"
	err := j.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "before_purchase, during_purchase, after_purchase")
}

func TestLanguageTags(t *testing.T) {
	for tag, ok := range map[string]bool{
		"vi": true, "en-US": true, "sr-Latn-RS": true, "es-419": true, "vi-VN-x-hcm": true,
		"v": false, "vi_VN": false, "vi-": false, "-vi": false, "vi--VN": false, "tiếng": false,
		"en-verylongsubtag": false, "12": false,
	} {
		j := validJourney()
		j.Language = tag
		if ok {
			assert.NoError(t, j.Validate(), tag)
		} else {
			assert.ErrorIs(t, j.Validate(), docerr.ErrInvalid, tag)
		}
	}
}

func TestLeafValidateStandalone(t *testing.T) {
	p := persona.New("")
	err := p.Validate()
	var list docerr.List
	require.ErrorAs(t, err, &list)
	assert.Equal(t, "name", list[0].Path)

	pp := painpoint.New("Slow refunds", "", painpoint.Low)
	err = pp.Validate()
	require.ErrorAs(t, err, &list)
	assert.Equal(t, "category", list[0].Path)
	assert.ErrorIs(t, err, docerr.ErrRequired)

	ok := painpoint.New("Slow refunds", painpoint.Support, painpoint.Low)
	assert.NoError(t, ok.Validate())
}

func TestValidateReportsDanglingReferenceOfRemovedObject(t *testing.T) {
	j := validJourney()
	j.Stages[1].Touchpoints[0].PainPoints = nil // the opportunity still points at it
	err := j.Validate()
	var list docerr.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, "opportunities[0].pain_point_ids[0]", list[0].Path)
	assert.ErrorIs(t, err, docerr.ErrUnknownRef)
}
