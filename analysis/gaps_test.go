package analysis_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

func TestCleanJourneyHasNoFinding(t *testing.T) {
	j := clean()
	require.NoError(t, j.Validate())
	r := analysis.Analyze(j, analysis.Options{Now: inTime})
	assert.Empty(t, r.Findings)
}

// TestFindingRaised changes the clean journey so that it must raise exactly
// the finding under test, and checks its code, severity, path and id.
func TestFindingRaised(t *testing.T) {
	tests := []struct {
		name   string
		change func(j *journey.Journey)
		opts   analysis.Options
		code   string
		sev    analysis.Severity
		path   string
		id     uuid.UUID
	}{
		{"no objective", func(j *journey.Journey) { j.Objective = "  " }, analysis.Options{},
			analysis.CodeNoObjective, analysis.Warning, "objective", id(100)},
		{"no personas", func(j *journey.Journey) {
			j.Personas = nil
			for _, s := range j.Stages { // keep persona.* quiet: nothing names a persona
				for _, t := range s.Touchpoints {
					t.PersonaIDs = nil
				}
			}
		}, analysis.Options{}, analysis.CodeNoPersonas, analysis.Warning, "personas", id(100)},
		{"review overdue", func(*journey.Journey) {}, analysis.Options{Now: reviewed.AddDate(0, 0, 31)},
			analysis.CodeReviewOverdue, analysis.Warning, "reviewed_at", id(100)},
		{"before purchase uncovered", func(j *journey.Journey) { j.Stages[0].Phase = journey.DuringPurchase },
			analysis.Options{}, analysis.CodePhaseUncovered, analysis.Warning, "stages", id(100)},
		{"during purchase uncovered", func(j *journey.Journey) { j.Stages[1].Phase = journey.BeforePurchase },
			analysis.Options{}, analysis.CodePhaseUncovered, analysis.Warning, "stages", id(100)},
		{"after purchase uncovered: forgotten after the sale", func(j *journey.Journey) { j.Stages[2].Phase = journey.DuringPurchase },
			analysis.Options{}, analysis.CodePhaseUncovered, analysis.Critical, "stages", id(100)},
		{"persona unserved", func(j *journey.Journey) {
			for _, s := range j.Stages {
				for _, t := range s.Touchpoints {
					t.PersonaIDs = []uuid.UUID{id(2)}
				}
			}
			j.Personas = append(j.Personas, clean().Personas[0])
			j.Personas[1].ID = id(2)
		}, analysis.Options{}, analysis.CodePersonaUnserved, analysis.Critical, "personas[0]", id(1)},
		{"preferred channel missing", func(j *journey.Journey) {
			j.Personas[0].PreferredChannels = append(j.Personas[0].PreferredChannels, channel.Chat)
		}, analysis.Options{}, analysis.CodeChannelMissing, analysis.Info, "personas[0].preferred_channels[2]", id(1)},
		{"stage without touchpoints", func(j *journey.Journey) {
			j.Stages = append(j.Stages, &journey.Stage{ID: id(13), Name: "Recommend", Phase: journey.AfterPurchase})
		}, analysis.Options{}, analysis.CodeNoTouchpoints, analysis.Warning, "stages[3]", id(13)},
		{"stage with one touchpoint", func(j *journey.Journey) { j.Stages[0].Touchpoints = j.Stages[0].Touchpoints[:1] },
			analysis.Options{}, analysis.CodeSingleTouchpoint, analysis.Info, "stages[0]", id(10)},
		{"stage with too many touchpoints", func(j *journey.Journey) {
			for n := range 6 {
				j.Stages[1].Touchpoints = append(j.Stages[1].Touchpoints, tp(uint64(50+n), "Step", channel.Website, 1))
			}
		}, analysis.Options{}, analysis.CodeTooManyTouchpoints, analysis.Warning, "stages[1]", id(11)},
		{"too many by a custom threshold", func(j *journey.Journey) {
			j.Stages[0].Touchpoints = append(j.Stages[0].Touchpoints, tp(50, "Asks a friend", channel.SocialMedia, 1))
		}, analysis.Options{MaxTouchpoints: 2},
			analysis.CodeTooManyTouchpoints, analysis.Warning, "stages[0]", id(10)},
		{"touchpoint without owner", func(j *journey.Journey) { j.Stages[1].Touchpoints[1].Owner = "" },
			analysis.Options{}, analysis.CodeNoOwner, analysis.Warning, "stages[1].touchpoints[1]", id(23)},
		{"touchpoint unmeasured", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].Emotion = nil },
			analysis.Options{}, analysis.CodeUnmeasured, analysis.Info, "stages[0].touchpoints[1]", id(21)},
		{"blueprint without backstage", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Supports[0].Layer = touchpoint.Frontstage
		}, analysis.Options{}, analysis.CodeNoBackstage, analysis.Warning, "stages[2].touchpoints[1]", id(25)},
		{"pain point unaddressed", func(j *journey.Journey) { j.Opportunities = nil },
			analysis.Options{}, analysis.CodeUnaddressed, analysis.Warning, "stages[2].touchpoints[0].pain_points[0]", id(30)},
		{"critical pain point unaddressed", func(j *journey.Journey) {
			j.Opportunities[0].PainPointIDs = nil
			j.Stages[2].Touchpoints[0].PainPoints[0].Severity = painpoint.Critical
		}, analysis.Options{}, analysis.CodeUnaddressed, analysis.Critical, "stages[2].touchpoints[0].pain_points[0]", id(30)},
		{"support pain without a contact channel", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Channel = channel.Website
			j.Personas[0].PreferredChannels = j.Personas[0].PreferredChannels[:1]
		}, analysis.Options{}, analysis.CodeSupportWithoutContact, analysis.Warning, "stages[2].touchpoints[0].pain_points[0]", id(30)},
		{"stage metric below target (higher is better)", func(j *journey.Journey) {
			j.Stages[1].Metrics[0].Value = 0.2
		}, analysis.Options{}, analysis.CodeBelowTarget, analysis.Warning, "stages[1].metrics[0]", id(11)},
		{"touchpoint metric above target (lower is better)", func(j *journey.Journey) {
			j.Stages[1].Touchpoints[1].Metrics = []metric.Metric{metric.New("Drop-off", metric.DropOffRate, 0.5).WithTarget(0.3)}
		}, analysis.Options{}, analysis.CodeBelowTarget, analysis.Warning, "stages[1].touchpoints[1].metrics[0]", id(23)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := clean()
			tc.change(j)
			if tc.opts.Now.IsZero() && tc.code != analysis.CodeReviewOverdue {
				tc.opts.Now = inTime
			}
			r := analysis.Analyze(j, tc.opts)
			require.Len(t, r.Findings, 1, "findings: %v", r.Findings)
			got := r.Findings[0]
			assert.Equal(t, tc.code, got.Code)
			assert.Equal(t, tc.sev, got.Severity)
			assert.Equal(t, tc.path, got.Path)
			assert.Equal(t, tc.id, got.ID)
			assert.NotEmpty(t, got.Message)
		})
	}
}

// TestFindingNotRaised covers the edges where a finding must stay quiet.
func TestFindingNotRaised(t *testing.T) {
	tests := []struct {
		name   string
		change func(j *journey.Journey)
		opts   analysis.Options
		code   string
	}{
		{"review due exactly now is not overdue", func(*journey.Journey) {}, analysis.Options{Now: reviewed.AddDate(0, 0, 30)}, analysis.CodeReviewOverdue},
		{"zero Now skips the review check", func(*journey.Journey) {}, analysis.Options{}, analysis.CodeReviewOverdue},
		{"no review interval", func(j *journey.Journey) { j.ReviewEveryDays = 0 }, analysis.Options{Now: reviewed.AddDate(1, 0, 0)}, analysis.CodeReviewOverdue},
		{"phase with stages is covered by one touchpoint", func(j *journey.Journey) { j.Stages[2].Touchpoints = j.Stages[2].Touchpoints[1:] }, analysis.Options{}, analysis.CodePhaseUncovered},
		{"empty persona_ids serves everyone", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].PersonaIDs = nil }, analysis.Options{}, analysis.CodePersonaUnserved},
		{"persona named by one touchpoint is served", func(j *journey.Journey) {
			for _, s := range j.Stages {
				for _, t := range s.Touchpoints {
					t.PersonaIDs = []uuid.UUID{id(9)}
				}
			}
			j.Stages[1].Touchpoints[0].PersonaIDs = []uuid.UUID{id(9), id(1)}
		}, analysis.Options{}, analysis.CodePersonaUnserved},
		{"exactly the maximum touchpoints", func(j *journey.Journey) {
			for n := range 5 {
				j.Stages[1].Touchpoints = append(j.Stages[1].Touchpoints, tp(uint64(50+n), "Step", channel.Website, 1))
			}
		}, analysis.Options{}, analysis.CodeTooManyTouchpoints},
		{"metric alone measures a touchpoint", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[1].Emotion = nil
			j.Stages[0].Touchpoints[1].Metrics = []metric.Metric{metric.New("Visits", metric.Count, 1200)}
		}, analysis.Options{}, analysis.CodeUnmeasured},
		{"persona emotions alone measure a touchpoint", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[1].Emotion = nil
			j.Stages[0].Touchpoints[1].PersonaEmotions = map[uuid.UUID]float64{id(1): -1}
		}, analysis.Options{}, analysis.CodeUnmeasured},
		{"support process counts as behind the scenes", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Supports[0].Layer = touchpoint.SupportProcess
		}, analysis.Options{}, analysis.CodeNoBackstage},
		{"no backstage needed outside a blueprint", func(j *journey.Journey) {
			j.Type = journey.CurrentState
			j.Stages[2].Touchpoints[1].Supports = nil
		}, analysis.Options{}, analysis.CodeNoBackstage},
		{"non-support pain without contact", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Channel = channel.Website
			j.Stages[2].Touchpoints[0].PainPoints[0].Category = painpoint.Process
		}, analysis.Options{}, analysis.CodeSupportWithoutContact},
		{"chat is a contact channel", func(j *journey.Journey) { j.Stages[2].Touchpoints[1].Channel = channel.Chat }, analysis.Options{}, analysis.CodeSupportWithoutContact},
		{"lower is better and below target", func(j *journey.Journey) {
			j.Stages[1].Metrics[0] = metric.New("Effort", metric.CES, 2).WithTarget(3)
		}, analysis.Options{}, analysis.CodeBelowTarget},
		{"explicit better overrides the kind", func(j *journey.Journey) {
			m := metric.New("Time on the help page", metric.Duration, 90).WithTarget(60)
			m.Better = metric.Higher
			j.Stages[1].Metrics[0] = m
		}, analysis.Options{}, analysis.CodeBelowTarget},
		{"metric without target", func(j *journey.Journey) { j.Stages[1].Metrics[0].Target = nil }, analysis.Options{}, analysis.CodeBelowTarget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := clean()
			tc.change(j)
			if tc.opts.Now.IsZero() && tc.code != analysis.CodeReviewOverdue {
				tc.opts.Now = inTime
			}
			r := analysis.Analyze(j, tc.opts)
			assert.False(t, r.Has(tc.code), "findings: %v", r.Findings)
		})
	}
}

func TestEveryCodeIsTested(t *testing.T) {
	// Each code appears in TestFindingRaised; this guards the Codes list itself.
	assert.Len(t, analysis.Codes(), 15)
	seen := map[string]bool{}
	for _, c := range analysis.Codes() {
		assert.False(t, seen[c], "duplicate code %s", c)
		seen[c] = true
	}
}

func TestReviewOverdueMessage(t *testing.T) {
	r := analysis.Analyze(clean(), analysis.Options{Now: time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)})
	require.True(t, r.Has(analysis.CodeReviewOverdue))
	assert.Equal(t, "The map was last reviewed on 2026-10-01 and should be reviewed every 30 days: the review was due on 2026-10-31 (5 days ago). Check it against what customers do today.",
		r.Filter(analysis.CodeReviewOverdue)[0].Message)
}

func TestFindingsInDocumentOrder(t *testing.T) {
	j := clean()
	j.Objective = ""
	j.Stages[0].Touchpoints[0].Owner = ""
	j.Stages[2].Touchpoints[1].Owner = ""
	j.Stages[1].Metrics[0].Value = 0
	j.Stages[0].Touchpoints = append(j.Stages[0].Touchpoints, nil)
	r := analysis.Analyze(j, analysis.Options{Now: inTime})
	var paths []string
	for _, f := range r.Findings {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"objective", "stages[0].touchpoints[0]", "stages[1].metrics[0]", "stages[2].touchpoints[1]"}, paths)
}

func TestSeverities(t *testing.T) {
	assert.Equal(t, []analysis.Severity{analysis.Info, analysis.Warning, analysis.Critical}, analysis.Severities())
	for i, s := range analysis.Severities() {
		assert.Equal(t, i+1, s.Rank())
		assert.True(t, s.Valid())
	}
	assert.False(t, analysis.Severity("fatal").Valid())
}

func TestReportFilters(t *testing.T) {
	j := clean()
	j.Objective = ""                                      // warning
	j.Stages[0].Touchpoints = j.Stages[0].Touchpoints[:1] // info: single touchpoint
	j.Stages[2].Phase = journey.DuringPurchase            // critical: after purchase uncovered
	r := analysis.Analyze(j, analysis.Options{Now: inTime})
	codes := func(fs []analysis.Finding) []string {
		out := []string{}
		for _, f := range fs {
			out = append(out, f.Code)
		}
		return out
	}
	assert.Equal(t, []string{analysis.CodeNoObjective, analysis.CodePhaseUncovered, analysis.CodeSingleTouchpoint}, codes(r.Findings))
	assert.Equal(t, []string{analysis.CodeNoObjective, analysis.CodePhaseUncovered}, codes(r.AtOrAbove(analysis.Warning)))
	assert.Equal(t, []string{analysis.CodePhaseUncovered}, codes(r.AtOrAbove(analysis.Critical)))
	assert.Len(t, r.AtOrAbove(analysis.Info), 3)
	assert.Equal(t, []string{analysis.CodeSingleTouchpoint}, codes(r.Filter(analysis.CodeSingleTouchpoint, "no.such_code")))
	assert.Len(t, r.Filter(), 3)
	assert.Equal(t, "objective: warning journey.no_objective: "+r.Findings[0].Message, r.Findings[0].String())
	assert.Equal(t, "(journey): info x: m", analysis.Finding{Code: "x", Severity: analysis.Info, Message: "m"}.String())
}

// TestMessagesWriteNumbersForPeople checks that large and fractional values
// read as people write them in each language, never with an exponent
// (strconv's 'g' format wrote 250000000 as 2.5e+08).
func TestMessagesWriteNumbersForPeople(t *testing.T) {
	j := clean()
	revenue := metric.New("Monthly revenue", metric.Custom, 187500000.5).WithTarget(250000000)
	revenue.Unit = "VND"
	j.Stages[1].Metrics = []metric.Metric{revenue}
	for _, tc := range []struct{ lang, want string }{
		{"", `Metric "Monthly revenue" is 187,500,000.5 VND, missing its target of 250,000,000 VND (higher is better).`},
		{"vi", `Chỉ số "Monthly revenue" đang ở mức 187.500.000,5 VND, chưa đạt mục tiêu 250.000.000 VND (càng cao càng tốt).`},
	} {
		var got []string
		for _, f := range analysis.Analyze(j, analysis.Options{Language: tc.lang}).Findings {
			if f.Code == analysis.CodeBelowTarget {
				got = append(got, f.Message)
			}
		}
		assert.Equal(t, []string{tc.want}, got, "language %q", tc.lang)
	}
}

// TestMessagesGroupCounts: counts in messages are grouped like every other
// number of the language ("1,200 touchpoints", "1.200 điểm chạm"), as the
// one formatter of package i18n writes them; they were written bare
// ("1200") beside grouped metric values.
func TestMessagesGroupCounts(t *testing.T) {
	j := clean()
	for n := range 1200 {
		j.Stages[0].Touchpoints = append(j.Stages[0].Touchpoints, tp(uint64(1000+n), "More", channel.Website, 1))
	}
	for _, tc := range []struct{ lang, want string }{
		{"", `has 1,202 touchpoints (more than 7)`},
		{"vi", `có 1.202 điểm chạm (nhiều hơn 7)`},
	} {
		r := analysis.Analyze(j, analysis.Options{Now: inTime, Language: tc.lang})
		require.True(t, r.Has(analysis.CodeTooManyTouchpoints))
		assert.Contains(t, r.Filter(analysis.CodeTooManyTouchpoints)[0].Message, tc.want, "language %q", tc.lang)
	}
}
