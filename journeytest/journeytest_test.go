package journeytest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journeytest"
	"github.com/journeymap/journeymap/painpoint"
)

// fakeTB records failures instead of failing the real test, so the helpers'
// failures can be asserted. Fatalf stops the calling goroutine like the real one.
type fakeTB struct {
	testing.TB
	errors  []string
	fatals  []string
	helpers int
}

func (f *fakeTB) Helper() { f.helpers++ }

func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

// run calls fn with a fresh fakeTB on its own goroutine (Fatalf ends it).
func run(fn func(tb testing.TB)) *fakeTB {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f
}

// failed returns the single failure message, failing t when there is not exactly one.
func (f *fakeTB) failed(t *testing.T) string {
	t.Helper()
	all := append(append([]string{}, f.errors...), f.fatals...)
	require.Len(t, all, 1, "failures: %q", all)
	return all[0]
}

// smooth loads a valid journey whose only warning is its unaddressed pain
// point, with low friction.
func smooth(t *testing.T) *journey.Journey {
	t.Helper()
	return journeytest.Load(t, filepath.Join("testdata", "checkout.json"))
}

func TestLoad(t *testing.T) {
	f := run(func(tb testing.TB) {
		j := journeytest.Load(tb, filepath.Join("testdata", "checkout.json"))
		assert.Equal(t, "Buying a phone online", j.Title)
	})
	assert.Empty(t, f.errors)
	assert.Empty(t, f.fatals)
	assert.Positive(t, f.helpers)

	f = run(func(tb testing.TB) {
		journeytest.Load(tb, filepath.Join("testdata", "missing.json"))
		t.Error("Load must stop the test when the file is missing")
	})
	assert.Contains(t, f.failed(t), "testdata/missing.json")

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"schema_version":1,"title":"T","type":"current_state","stages":[{"name":"S","phase":"before_purchase","colour":"red"}]}`), 0o644))
	f = run(func(tb testing.TB) {
		journeytest.Load(tb, bad)
		t.Error("Load must stop the test when the document does not decode")
	})
	msg := f.failed(t)
	assert.Contains(t, msg, bad)
	assert.Contains(t, msg, "stages[0].colour")
}

func TestValid(t *testing.T) {
	j := smooth(t)
	f := run(func(tb testing.TB) { assert.True(t, journeytest.Valid(tb, j)) })
	assert.Empty(t, f.errors)

	j.Stages[1].Name = " "
	j.Stages[0].Touchpoints[1].SetEmotion(5)
	f = run(func(tb testing.TB) { assert.False(t, journeytest.Valid(tb, j)) })
	msg := f.failed(t)
	assert.Contains(t, msg, `journey "Buying a phone online" is not valid (2 problems)`)
	assert.Contains(t, msg, "stages[0].touchpoints[1].emotion")
	assert.Contains(t, msg, "stages[1].name")

	f = run(func(tb testing.TB) { assert.False(t, journeytest.Valid(tb, nil)) })
	assert.Contains(t, f.failed(t), "nil")
}

func TestNoFindings(t *testing.T) {
	j := smooth(t)
	// The pain point has no opportunity: painpoint.unaddressed is there.
	f := run(func(tb testing.TB) {
		assert.True(t, journeytest.NoFindings(tb, j, analysis.CodeNoTouchpoints, analysis.CodeNoOwner))
	})
	assert.Empty(t, f.errors)

	j.AddStage("Get help", journey.AfterPurchase)
	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindings(tb, j, analysis.CodeNoTouchpoints)) })
	msg := f.failed(t)
	assert.Contains(t, msg, "has 1 finding (want no stage.no_touchpoints)")
	assert.Contains(t, msg, `stages[3] (stage.no_touchpoints, warning): Stage "Get help" has no touchpoint`)

	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindings(tb, j)) })
	msg = f.failed(t)
	assert.Contains(t, msg, "stage.no_touchpoints")
	assert.Contains(t, msg, "stages[1].touchpoints[0].pain_points[0] (painpoint.unaddressed, warning)")

	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindings(tb, j, "stage.missing")) })
	assert.Contains(t, f.failed(t), `"stage.missing" is not a finding code`)

	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindings(tb, nil)) })
	assert.Contains(t, f.failed(t), "nil")
}

func TestNoFindingsAtOrAbove(t *testing.T) {
	j := smooth(t)
	j.AddOpportunity("Show the fee on the product page", j.Stages[1].Touchpoints[0].PainPoints[0])
	// Every pain point addressed: no warning or critical finding is left.
	f := run(func(tb testing.TB) { assert.True(t, journeytest.NoFindingsAtOrAbove(tb, j, analysis.Warning)) })
	assert.Empty(t, f.errors)

	j.Stages[1].Touchpoints[0].PainPoints[0].Severity = painpoint.Critical
	j.Opportunities = nil
	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindingsAtOrAbove(tb, j, analysis.Critical)) })
	msg := f.failed(t)
	assert.Contains(t, msg, "1 finding of severity critical or worse")
	assert.Contains(t, msg, "stages[1].touchpoints[0].pain_points[0] (painpoint.unaddressed, critical)")

	f = run(func(tb testing.TB) { assert.False(t, journeytest.NoFindingsAtOrAbove(tb, j, "fatal")) })
	assert.Contains(t, f.failed(t), `severity "fatal"`)
}

func TestFrictionBelow(t *testing.T) {
	j := smooth(t)
	f := run(func(tb testing.TB) { assert.True(t, journeytest.FrictionBelow(tb, j, 0.4)) })
	assert.Empty(t, f.errors)

	// Checkout gets a critical process pain and a phone call in despair.
	cart := j.Stages[1].Touchpoints[0]
	cart.AddPainPoint(painpoint.New("Voucher code rejected", painpoint.Process, painpoint.Critical))
	call := j.Stages[1].AddTouchpoint("Calls the hotline", channel.Phone)
	call.SetEmotion(-2)
	f = run(func(tb testing.TB) { assert.False(t, journeytest.FrictionBelow(tb, j, 0.4)) })
	msg := f.failed(t)
	assert.Contains(t, msg, `journey "Buying a phone online" has friction 0.4331, not below 0.4.`)
	assert.Contains(t, msg, "It comes from: pain.financial")
	assert.Contains(t, msg, `stages[1] "Buy"`)
	assert.Contains(t, msg, `stages[1].touchpoints[0] "Sees the shipping fee in the cart" in "Buy"`)
	assert.Contains(t, msg, "pain.process 2 [1 critical]")

	f = run(func(tb testing.TB) { assert.False(t, journeytest.FrictionBelow(tb, nil, 1)) })
	assert.Contains(t, f.failed(t), "nil")
}

func TestCheckerOptions(t *testing.T) {
	j := smooth(t)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	j.ReviewedAt, j.ReviewEveryDays = &at, 30
	late := journeytest.Checker{Options: analysis.Options{Now: at.AddDate(0, 2, 0)}}
	f := run(func(tb testing.TB) { assert.False(t, late.NoFindings(tb, j, analysis.CodeReviewOverdue)) })
	assert.Contains(t, f.failed(t), "reviewed_at (review.overdue, warning)")
	f = run(func(tb testing.TB) { assert.True(t, journeytest.NoFindings(tb, j, analysis.CodeReviewOverdue)) })
	assert.Empty(t, f.errors, "without Now the review is not checked")
}
