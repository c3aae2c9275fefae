package parquetevents_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/analytics/parquetevents"
)

// event is a row as a warehouse exports it: its own column names (one in
// another case), times as TIMESTAMP(millisecond), an optional outcome.
type event struct {
	Customer string   `parquet:"User_ID"`
	Event    string   `parquet:"event"`
	TS       int64    `parquet:"ts,timestamp(millisecond)"`
	Status   *string  `parquet:"status,optional"`
	Score    *float64 `parquet:"score,optional"`
	Other    float64  `parquet:"other"`
}

func synthetic(t *testing.T) (*analytics.Synthetic, []byte) {
	t.Helper()
	syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: 3, Customers: 400, Steps: 5, DropOff: 0.2, Noise: 0.1})
	var rows []event
	for e := range syn.Events() {
		ev := event{Customer: e.Customer, Event: e.Touchpoint, TS: e.Time.UnixMilli(), Other: 1}
		ev.Score = e.Emotion
		if o := e.Outcome.String(); o != "" {
			ev.Status = &o
		}
		rows = append(rows, ev)
	}
	var buf bytes.Buffer
	require.NoError(t, parquet.Write(&buf, rows))
	return syn, buf.Bytes()
}

var columns = analytics.Columns{Customer: "user_id", Touchpoint: "event", Time: "ts", Outcome: "status", Emotion: "score"}

func jsonOf(t *testing.T, r *analytics.Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

// sameResult compares two results as JSON, showing only where they part.
func sameResult(t *testing.T, want, got *analytics.Result, msg string) {
	t.Helper()
	w, g := jsonOf(t, want), jsonOf(t, got)
	if w == g {
		return
	}
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	from := max(0, i-80)
	t.Errorf("%s: results differ at byte %d:\nwant …%s\ngot  …%s", msg, i, w[from:min(len(w), i+80)], g[from:min(len(g), i+80)])
}

// TestRoundTrip: a generated log written as Parquet, plain and gzipped,
// from a file or a stream, gives the Result of the same events in memory.
func TestRoundTrip(t *testing.T) {
	syn, data := synthetic(t)
	p, err := analytics.NewPlan(syn.Journey, analytics.Options{Columns: columns})
	require.NoError(t, err)
	want, err := p.Analyze(syn.Events())
	require.NoError(t, err)
	require.Positive(t, want.Events)

	got, err := parquetevents.Read(p, bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	sameResult(t, want, got, "from a file")

	got, err = parquetevents.ReadStream(p, bytes.NewReader(data))
	require.NoError(t, err)
	sameResult(t, want, got, "from a stream")

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	got, err = parquetevents.ReadStream(p, &gz)
	require.NoError(t, err)
	sameResult(t, want, got, "gzip-compressed")
}

func TestErrors(t *testing.T) {
	syn, data := synthetic(t)
	tests := []struct {
		name    string
		cols    analytics.Columns
		data    []byte
		wantErr string
	}{
		{"a missing column is named, with the columns there are", analytics.Columns{Customer: "who", Touchpoint: "event", Time: "ts"}, data,
			`header lacks the column "who" (columns: "User_ID", "event", "ts", "status", "score", "other")`},
		{"not Parquet", columns, []byte("customer_id,touchpoint,timestamp\n"), "not a Parquet file"},
		{"a float column as the time gives bad rows, then no event", analytics.Columns{Customer: "user_id", Touchpoint: "event", Time: "other"}, data,
			"no usable event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := analytics.NewPlan(syn.Journey, analytics.Options{Columns: tt.cols})
			require.NoError(t, err)
			_, err = parquetevents.Read(p, bytes.NewReader(tt.data), int64(len(tt.data)))
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}

// TestUnixIntegers: integer times are Unix times whose unit is told by
// their digits, or by TimeFormat.Unit.
func TestUnixIntegers(t *testing.T) {
	type row struct {
		C  string `parquet:"customer_id"`
		T  string `parquet:"touchpoint"`
		TS int64  `parquet:"timestamp"`
	}
	rows := []row{{"c1", "a", 1767225600000}, {"c1", "b", 1767225660000}}
	var buf bytes.Buffer
	require.NoError(t, parquet.Write(&buf, rows))
	syn := analytics.NewSynthetic(analytics.SyntheticConfig{Seed: 1, Customers: 1, Steps: 2})
	for _, unit := range []analytics.TimeUnit{analytics.UnitAuto, analytics.Milliseconds} {
		p, err := analytics.NewPlan(syn.Journey, analytics.Options{Time: analytics.TimeFormat{Unit: unit}})
		require.NoError(t, err)
		res, err := parquetevents.Read(p, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err, "unit %q", unit)
		assert.Equal(t, int64(2), res.Events)
	}
	p, err := analytics.NewPlan(syn.Journey, analytics.Options{Time: analytics.TimeFormat{Unit: analytics.Seconds}})
	require.NoError(t, err)
	_, err = parquetevents.Read(p, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	assert.ErrorIs(t, err, analytics.ErrNoEvents, "milliseconds read as seconds are far beyond 2261")
}
