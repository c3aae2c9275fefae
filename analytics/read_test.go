package analytics

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

func TestReadersEqualInMemory(t *testing.T) {
	defer func(n int) { blockSize = n }(blockSize)
	for _, order := range []Order{TimeOrdered, Grouped} {
		syn := NewSynthetic(SyntheticConfig{Seed: 7, Customers: 1000, Steps: 6, DropOff: 0.2, Noise: 0.08, Order: order})
		var csvBuf, ndBuf bytes.Buffer
		require.NoError(t, syn.WriteCSV(&csvBuf))
		require.NoError(t, syn.WriteNDJSON(&ndBuf))
		for _, workers := range []int{1, 2} {
			p, err := NewPlan(syn.Journey, Options{Order: order, Workers: workers})
			require.NoError(t, err)
			want, err := p.Analyze(syn.Events())
			require.NoError(t, err)
			assert.Positive(t, want.Touchpoints[5].Reached)
			assert.Positive(t, want.Deviations.Customers.Irregular)
			fast, err := p.AnalyzeRecords(syn.Records(p))
			require.NoError(t, err)
			assert.Equal(t, canonical(t, want), canonical(t, fast), "records, order %v", order)
			for _, bs := range []int{1 << 20, 150} {
				blockSize = bs
				got, err := p.ReadCSV(bytes.NewReader(csvBuf.Bytes()))
				require.NoError(t, err)
				assert.Equal(t, canonical(t, want), canonical(t, got), "csv, order %v, workers %d, block %d", order, workers, bs)
				got, err = p.ReadNDJSON(bytes.NewReader(ndBuf.Bytes()))
				require.NoError(t, err)
				assert.Equal(t, canonical(t, want), canonical(t, got), "ndjson, order %v, workers %d, block %d", order, workers, bs)
			}
			blockSize = 1 << 20
		}
	}
}

// smallJourney has stages A (touchpoints a1, a2) and B (b1).
func smallJourney() *journey.Journey {
	id := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)) }
	return &journey.Journey{SchemaVersion: 1, ID: id("j"), Title: "Small", Type: journey.CurrentState, Stages: []*journey.Stage{
		{ID: id("A"), Name: "A", Phase: journey.BeforePurchase, Touchpoints: []*touchpoint.Touchpoint{
			{ID: id("a1"), Name: "a1", Channel: channel.Website}, {ID: id("a2"), Name: "a2", Channel: channel.Email}}},
		{ID: id("B"), Name: "B", Phase: journey.DuringPurchase, Touchpoints: []*touchpoint.Touchpoint{
			{ID: id("b1"), Name: "b1", Channel: channel.Store}}},
	}}
}

func TestCSVBadRows(t *testing.T) {
	const in = "customer_id,touchpoint,timestamp,outcome,emotion\r\n" + // 1
		"c1,a1,2026-01-01T00:00:00Z,ok,1\r\n" + // 2
		"c1,a2,yesterday,,\n" + // 3 bad time
		",a2,2026-01-01T00:01:00Z,,\n" + // 4 empty customer
		"c1,a2,2026-01-01T00:01:00Z,maybe,\n" + // 5 bad outcome
		"c1,a2,2026-01-01T00:01:00Z,,2.5\n" + // 6 emotion out of range
		"c1,a2,2026-01-01T00:01:00Z\n" + // 7 too few fields
		"\n" + // 8 blank, ignored
		"\"c2\",\"a\"\"1\",2026-01-01T00:02:00Z,,\n" + // 9 quoted, ad hoc key a"1
		"c2,\"b\n1\",2026-01-01T00:02:00Z,failed,\n" + // 10-11 multi-line quoted key
		"c2,a1,2025-12-31T00:00:00Z,,\n" + // 12 out of time order
		"c2,a\"1,2026-01-01T00:03:00Z,,\n" + // 13 bare quote
		"c2,,2026-01-01T00:03:00Z,,\n" + // 14 empty touchpoint
		"c2,b1,1767225900,failed,-0.5\n" // 15 unix seconds = 2026-01-01T00:05:00Z
	p, err := NewPlan(smallJourney(), Options{Workers: 2, Order: TimeOrdered, MaxBadRows: MaxBadPercent(100)})
	require.NoError(t, err)
	res, err := p.ReadCSV(strings.NewReader(in))
	require.NoError(t, err)
	type bad struct {
		line  int64
		field string
	}
	var got []bad
	for _, b := range res.BadRows.Rows {
		got = append(got, bad{b.Line, b.Field})
	}
	assert.Equal(t, []bad{{3, "timestamp"}, {4, "customer_id"}, {5, "outcome"}, {6, "emotion"}, {7, ""}, {12, "time"}, {13, ""}, {14, "touchpoint"}}, got)
	assert.Equal(t, int64(8), res.BadRows.Count)
	assert.Equal(t, int64(4), res.Events)
	assert.Equal(t, int64(2), res.Customers)
	require.Len(t, res.Deviations.AdHoc, 2)
	assert.Equal(t, `a"1`, res.Deviations.AdHoc[0].Key)
	assert.Equal(t, "b\n1", res.Deviations.AdHoc[1].Key)
	assert.Equal(t, int64(1), res.Deviations.AdHoc[1].Failing)
	b1 := res.Deviations.Touchpoints[2]
	assert.Equal(t, int64(1), b1.Failing)
	assert.Equal(t, int64(-500), b1.Emotion.SumMilli)
	assert.Equal(t, int64(1), res.Deviations.Touchpoints[0].Missing+res.Deviations.Touchpoints[1].Missing-1, "c2 skipped a1 and a2 before b1")
	assert.Contains(t, res.BadRows.Rows[0].Message, `"yesterday"`)

	pf, err := NewPlan(smallJourney(), Options{BadRows: Fatal})
	require.NoError(t, err)
	_, err = pf.ReadCSV(strings.NewReader(in))
	var re *RowError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, int64(3), re.Line)
	assert.Equal(t, "timestamp", re.Field)
	assert.ErrorIs(t, err, ErrBadRow)
	assert.ErrorContains(t, err, "line 3: timestamp:")
}

func TestCSVHeaderAndOrderErrors(t *testing.T) {
	p, err := NewPlan(smallJourney(), Options{Columns: Columns{Customer: "user"}})
	require.NoError(t, err)
	_, err = p.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\n"))
	assert.ErrorContains(t, err, `line 1: header lacks the column "user" (header: "customer_id", "touchpoint", "timestamp")`)
	_, err = p.ReadCSV(strings.NewReader(""))
	assert.ErrorContains(t, err, "no header row")
	res, err := p.ReadCSV(strings.NewReader("\ufefftimestamp,touchpoint,user\n2026-01-01T00:00:00Z,a1,u\n"))
	require.NoError(t, err)
	assert.Equal(t, int64(1), res.Touchpoints[0].Reached)

	g, err := NewPlan(smallJourney(), Options{Order: Grouped})
	require.NoError(t, err)
	_, err = g.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp\nb,a1,2026-01-01T00:00:00Z\na,a1,2026-01-01T00:00:00Z\nb,a2,2026-01-01T00:00:00Z\n"))
	assert.ErrorIs(t, err, ErrNotGrouped, "b comes back after a")
	assert.ErrorContains(t, err, "line 4")
	_, err = Run(smallJourney(), strings.NewReader(""), "xml", Options{})
	assert.ErrorContains(t, err, `unknown event format "xml"`)
}

func TestNDJSONBadRows(t *testing.T) {
	const in = `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","extra":[1,{"x":2}]}
{"customer_id":"c1","touchpoint":"a2","timestamp":1767225660.5,"outcome":null,"emotion":null}
not json
{"customer_id":"c1","touchpoint":"b1","timestamp":"2026-01-01T00:02:00Z","emotion":"high"}
{"customer_id":42,"touchpoint":"b1","timestamp":"2026-01-01T00:02:00Z","outcome":"ok"}
{"customer_id":"c1","touchpoint":"b1","timestamp":true}

{"customer_id":"c1","touchpoint":"b1","timestamp":"2026-01-01T00:03:00+07:00"}
`
	res, err := Run(smallJourney(), strings.NewReader(in), "ndjson", Options{Order: TimeOrdered, MaxBadRows: MaxBadRows(4)})
	require.NoError(t, err)
	var lines []int64
	for _, b := range res.BadRows.Rows {
		lines = append(lines, b.Line)
	}
	assert.Equal(t, []int64{3, 4, 6, 8}, lines, "%+v", res.BadRows.Rows)
	assert.Equal(t, "emotion", res.BadRows.Rows[1].Field)
	assert.Contains(t, res.BadRows.Rows[3].Message, "before an earlier event", "+07:00 is seven hours earlier")
	assert.Equal(t, int64(3), res.Events)
	assert.Equal(t, int64(2), res.Customers)
	assert.Equal(t, []int64{1, 1, 0}, []int64{res.Touchpoints[0].Reached, res.Touchpoints[1].Reached, res.Touchpoints[2].Reached})
	assert.InEpsilon(t, float64(60500*time.Millisecond), float64(res.Touchpoints[1].FromPrevious.Median), 1.0/256)
}

func TestPlanKeysAndErrors(t *testing.T) {
	j := smallJourney()
	a2 := j.Stages[0].Touchpoints[1].ID
	p, err := NewPlan(j, Options{Keys: map[string]uuid.UUID{"email_open": a2}})
	require.NoError(t, err)
	assert.Equal(t, int32(1), p.Touch("email_open"))
	assert.Equal(t, int32(1), p.Touch(a2.String()))
	assert.Equal(t, int32(2), p.Touch("b1"))
	assert.Equal(t, int32(3), p.Touch("nope"))
	assert.Equal(t, int32(3), p.Touch("nope"))
	_, err = NewPlan(j, Options{Keys: map[string]uuid.UUID{"x": uuid.Nil}})
	assert.ErrorContains(t, err, `key "x"`)
	_, err = NewPlan(&journey.Journey{}, Options{})
	assert.ErrorIs(t, err, ErrNoTouchpoints)
	_, err = NewPlan(j, Options{Window: -time.Hour})
	assert.Error(t, err)
	dup := smallJourney()
	dup.Stages[1].Touchpoints[0].ID = dup.Stages[0].Touchpoints[0].ID
	_, err = NewPlan(dup, Options{})
	assert.ErrorContains(t, err, "appears twice")
	same := smallJourney()
	same.Stages[1].Touchpoints[0].Name = "a1"
	ps, err := NewPlan(same, Options{})
	require.NoError(t, err)
	assert.Equal(t, int32(3), ps.Touch("a1"), "an ambiguous name is ad hoc")

	_, err = p.Resolve(Event{Customer: "c", Touchpoint: "b1", Time: time.Now(), Emotion: new(3.0)})
	assert.EqualError(t, err, "emotion: emotion 3 is outside -2..2")
	_, err = p.Resolve(Event{Touchpoint: "b1"})
	assert.Error(t, err)
	when := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := p.AnalyzeSlice([]Event{{Customer: "c", Touchpoint: "", Time: when}, {Customer: "c", Touchpoint: "a1", Time: when}, {Customer: "c", Touchpoint: "a1"}})
	require.NoError(t, err)
	assert.Equal(t, int64(2), res.BadRows.Count)
	assert.Equal(t, int64(1), res.BadRows.Rows[0].Line)
	assert.Equal(t, "line 3: time: time 0001-01-01T00:00:00Z is outside the years 1678..2261", (&RowError{Line: 3, Field: res.BadRows.Rows[1].Field, Err: errors.New(res.BadRows.Rows[1].Message)}).Error())
	pf, err := NewPlan(j, Options{BadRows: Fatal})
	require.NoError(t, err)
	_, err = pf.AnalyzeSlice([]Event{{Customer: "c", Touchpoint: "a1", Time: when}, {Customer: "", Touchpoint: "a1", Time: when}})
	assert.ErrorContains(t, err, "line 2: customer: empty customer id")
}

func TestMergeMismatch(t *testing.T) {
	p1, _ := NewPlan(smallJourney(), Options{})
	p2, _ := NewPlan(smallJourney(), Options{Window: time.Hour})
	r1, err := p1.AnalyzeSlice(nil)
	require.NoError(t, err)
	r2, err := p2.AnalyzeSlice(nil)
	require.NoError(t, err)
	_, err = Merge(r1, r2)
	assert.ErrorIs(t, err, ErrMismatch)
	_, err = Merge()
	assert.ErrorIs(t, err, ErrMismatch)
}

func TestGroupedRecordsNotAscending(t *testing.T) {
	defer func(n int) { parallelMin = n }(parallelMin)
	parallelMin = 1
	for _, w := range []int{1, 2} {
		p, err := NewPlan(smallJourney(), Options{Order: Grouped, Workers: w})
		require.NoError(t, err)
		_, err = p.AnalyzeRecords([]Record{{Customer: 2}, {Customer: 2}, {Customer: 1}, {Customer: 2}})
		assert.ErrorIs(t, err, ErrNotGrouped, "customer 2 comes back")
		assert.ErrorContains(t, err, "line 4")
	}
	defer func(b int) { passTableBytes = b }(passTableBytes)
	passTableBytes = 64
	recs := []Record{{Customer: 1, Time: 5}, {Customer: 2, Time: 6}, {Customer: 3, Time: 4}, {Customer: 4, Time: 1}, {Customer: 5, Time: 2}, {Customer: 6, Time: 0}}
	for _, w := range []int{1, 2, 3} {
		p, err := NewPlan(smallJourney(), Options{Workers: w, BadRows: Fatal, Order: TimeOrdered})
		require.NoError(t, err)
		_, err = p.AnalyzeRecords(recs)
		assert.ErrorContains(t, err, "line 3: time", "workers %d", w)
		p, err = NewPlan(smallJourney(), Options{Workers: w, Order: TimeOrdered})
		require.NoError(t, err)
		res, err := p.AnalyzeRecords(recs)
		require.NoError(t, err)
		var lines []int64
		for _, b := range res.BadRows.Rows {
			lines = append(lines, b.Line)
		}
		assert.Equal(t, []int64{3, 4, 5, 6}, lines, "each bad row once, workers %d", w)
	}
}
