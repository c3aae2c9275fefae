package teamci_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journeytest"
)

// journeyFiles are the maps under test: every document in the folder, so a
// new file is checked as soon as it is added.
const journeyFiles = "../journeys/*.json"

// frictionBudget is the most friction the team accepts on any map, and
// futureBudget the most a future-state design may have.
const (
	frictionBudget = 0.7
	futureBudget   = 0.4
)

// reviewDate is the day review.overdue is checked against. A team's CI
// would use time.Now(), so a map nobody revisited in review_every_days
// fails the build; a fixed date keeps this example's result stable.
var reviewDate = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

// structural are the gaps the team never accepts, whatever their severity.
var structural = []string{
	analysis.CodeNoObjective,
	analysis.CodeNoPersonas,
	analysis.CodePhaseUncovered,
	analysis.CodeNoTouchpoints,
	analysis.CodePersonaUnserved,
	analysis.CodeUnaddressed,
}

func TestJourneyMaps(t *testing.T) {
	files, err := filepath.Glob(journeyFiles)
	if err != nil || len(files) == 0 {
		t.Fatalf("no journey files match %s (%v)", journeyFiles, err)
	}
	checker := journeytest.Checker{Options: analysis.Options{Now: reviewDate}}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			j := journeytest.Load(t, file)
			if !journeytest.Valid(t, j) {
				return
			}
			journeytest.NoFindings(t, j, structural...)
			journeytest.NoFindingsAtOrAbove(t, j, analysis.Critical)
			checker.NoFindings(t, j, analysis.CodeReviewOverdue)
			budget := frictionBudget
			if j.Type == journey.FutureState {
				budget = futureBudget
			}
			journeytest.FrictionBelow(t, j, budget)
		})
	}
}
