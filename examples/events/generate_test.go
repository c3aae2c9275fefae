package events_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

const (
	cvjJourney = "../journeys/cvj-vi.json"
	cvjEvents  = "cvj-vi.csv"
	customers  = 400
	// adHoc is a touchpoint the map does not plan: owners message the
	// roaster's founder on Facebook directly.
	adHoc = "Nhắn tin Facebook cá nhân cho chủ xưởng"
)

// surprises shift the measured emotion of a touchpoint away from the map's:
// the welcome email lands among promotions and the guide inside is a
// 40-page PDF, so customers feel worse about it than the team assumed.
var surprises = map[string]float64{
	"Nhận email chào mừng kèm cẩm nang": -1.5,
}

// random draws from PCG directly: its sequence is fixed by its definition,
// where math/rand/v2's helper methods may change between Go releases.
type random struct{ src *rand.PCG }

func (r random) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }
func (r random) intn(n int) int { return int(r.src.Uint64() % uint64(n)) }

type event struct {
	customer   string
	touchpoint string
	at         time.Time
	outcome    string
	emotion    string
}

// generate walks each customer through the journey's stages in order. A
// customer goes on to the next stage less often after a stage with pain
// points and negative emotion; within a stage they meet each touchpoint with
// a chance of 95% (at least one); a touchpoint with pain points sometimes
// fails, and a failure often ends the journey; about one customer in twenty
// also messages the founder (ad hoc), and a few meet two touchpoints out of
// order. Emotions, when given, scatter around the designed ones, except at
// the touchpoints of surprises, where customers feel otherwise than the map
// assumes.
func generate(j *journey.Journey) []byte {
	r := random{rand.NewPCG(20261001, 7)}
	zone := time.FixedZone("ICT", 7*3600)
	start := time.Date(2026, time.October, 1, 8, 0, 0, 0, zone)
	var events []event
	for c := 1; c <= customers; c++ {
		id := "kh" + strconv.Itoa(1000+c)
		at := start.Add(time.Duration(r.intn(30*24*60)) * time.Minute)
		emit := func(tp *touchpoint.Touchpoint, name string, failed bool) {
			e := event{customer: id, touchpoint: name, at: at}
			if failed {
				e.outcome = "failed"
			}
			if tp != nil && tp.Emotion != nil && r.float() < 0.45 {
				v := *tp.Emotion + surprises[tp.Name] + float64(r.intn(5)-2)*0.5
				v = math.Max(-2, math.Min(2, v))
				e.emotion = strconv.FormatFloat(v, 'f', -1, 64)
			}
			events = append(events, e)
			at = at.Add(time.Duration(60+r.intn(36*60)) * time.Minute)
		}
	stages:
		for si, s := range j.Stages {
			if si > 0 {
				prev := j.Stages[si-1]
				drop := 0.08
				for _, tp := range prev.Touchpoints {
					drop += 0.05 * float64(len(tp.PainPoints))
					if tp.Emotion != nil && *tp.Emotion < 0 {
						drop += 0.04 * -*tp.Emotion
					}
				}
				if r.float() < drop {
					break
				}
			}
			var met []*touchpoint.Touchpoint
			for _, tp := range s.Touchpoints {
				if r.float() < 0.95 {
					met = append(met, tp)
				}
			}
			if len(met) == 0 {
				met = append(met, s.Touchpoints[r.intn(len(s.Touchpoints))])
			}
			if len(met) > 1 && r.float() < 0.03 {
				met[0], met[1] = met[1], met[0]
			}
			for _, tp := range met {
				failed := len(tp.PainPoints) > 0 && r.float() < 0.1
				emit(tp, tp.Name, failed)
				if failed && r.float() < 0.5 {
					break stages
				}
			}
			if r.float() < 0.05/float64(len(j.Stages))*4 {
				emit(nil, adHoc, false)
			}
		}
	}
	sort.SliceStable(events, func(a, b int) bool { return events[a].at.Before(events[b].at) })
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"customer_id", "touchpoint", "timestamp", "outcome", "emotion"})
	for _, e := range events {
		_ = w.Write([]string{e.customer, e.touchpoint, e.at.Format(time.RFC3339), e.outcome, e.emotion})
	}
	w.Flush()
	return b.Bytes()
}

func loadCVJ(t *testing.T) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(cvjJourney)
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err)
	return j
}

// TestCVJEventsAreCurrent: the committed log is what the generator writes
// from the committed journey.
func TestCVJEventsAreCurrent(t *testing.T) {
	got := generate(loadCVJ(t))
	golden.Check(t, cvjEvents, got)
}

// TestCVJEventsTellTheMapsStory: measured against its journey, the log has
// no bad row, every planned touchpoint is met, customers drop off stage by
// stage, and the stages the map marks as painful lose the most.
func TestCVJEventsTellTheMapsStory(t *testing.T) {
	j := loadCVJ(t)
	f, err := os.Open(cvjEvents)
	require.NoError(t, err)
	defer f.Close()
	res, err := analytics.Run(j, f, "csv", analytics.Options{Source: cvjEvents})
	require.NoError(t, err)
	assert.Zero(t, res.BadRows.Count)
	assert.Equal(t, int64(customers), res.Customers)
	require.Len(t, res.Stages, len(j.Stages))
	for i, s := range res.Stages {
		assert.Positive(t, s.Reached, s.Name)
		if i > 0 {
			assert.LessOrEqual(t, s.Reached, res.Stages[i-1].Reached, s.Name)
		}
	}
	for _, tp := range res.Touchpoints {
		assert.Positive(t, tp.Reached, tp.Name)
	}
	d := res.Deviations
	assert.Positive(t, d.Customers.Conforming)
	assert.Positive(t, d.Customers.Failing)
	assert.Positive(t, d.Customers.Irregular)
	require.Len(t, d.AdHoc, 1)
	assert.Equal(t, adHoc, d.AdHoc[0].Key)

	// Customers feel the surprises' touchpoints otherwise than the map says,
	// and every other touchpoint within half a point of it.
	designed := map[string]float64{}
	for _, s := range j.Stages {
		for _, tp := range s.Touchpoints {
			if tp.Emotion != nil {
				designed[tp.Name] = *tp.Emotion
			}
		}
	}
	for _, tp := range d.Touchpoints {
		require.NotNil(t, tp.Emotion, tp.Name)
		gap := tp.Emotion.Mean - designed[tp.Name]
		if shift, ok := surprises[tp.Name]; ok {
			assert.InDelta(t, shift, gap, 0.25, tp.Name)
		} else {
			assert.Less(t, math.Abs(gap), 0.5, tp.Name)
		}
	}
}
