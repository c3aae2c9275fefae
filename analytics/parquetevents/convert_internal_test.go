package parquetevents

import (
	"bytes"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConverters: each column type is written as the text the analytics
// readers take: TIMESTAMP in each unit (UTC or local), DATE, INT96 (Spark),
// numbers and booleans.
func TestConverters(t *testing.T) {
	type row struct {
		Milli int64            `parquet:"milli,timestamp(millisecond)"`
		Micro int64            `parquet:"micro,timestamp(microsecond)"`
		Nano  int64            `parquet:"nano,timestamp(nanosecond)"`
		Day   int32            `parquet:"day,date"`
		When  time.Time        `parquet:"when"`
		Float float32          `parquet:"float"`
		Dbl   float64          `parquet:"dbl"`
		Int   int32            `parquet:"int"`
		Long  int64            `parquet:"long"`
		Bool  bool             `parquet:"bool"`
		Text  string           `parquet:"text"`
		Spark deprecated.Int96 `parquet:"spark"`
	}
	at := time.Date(2026, 11, 1, 10, 0, 0, 123456789, time.UTC)
	// INT96: nanoseconds of the day, then the Julian day.
	ns := uint64(10*3600e9 + 123456789)
	spark := deprecated.Int96{uint32(ns), uint32(ns >> 32), uint32(2440588 + at.Unix()/86400)}
	var buf bytes.Buffer
	require.NoError(t, parquet.Write(&buf, []row{{at.UnixMilli(), at.UnixMicro(), at.UnixNano(), int32(at.Unix() / 86400), at, -1.5, 0.25, 42, 1793527200123, true, "Minh Anh", spark}}))
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	want := map[string]string{
		"milli": "2026-11-01T10:00:00.123000000Z",
		"micro": "2026-11-01T10:00:00.123456000Z",
		"nano":  "2026-11-01T10:00:00.123456789Z",
		"day":   "2026-11-01",
		"when":  "2026-11-01T10:00:00.123456789Z",
		"float": "-1.5",
		"dbl":   "0.25",
		"int":   "42",
		"long":  "1793527200123",
		"bool":  "true",
		"text":  "Minh Anh",
		"spark": "2026-11-01T10:00:00.123456789Z",
	}
	rows := make([]parquet.Row, 1)
	n, _ := f.RowGroups()[0].Rows().ReadRows(rows)
	require.Equal(t, 1, n)
	checked := 0
	for i, field := range f.Schema().Fields() {
		w, ok := want[field.Name()]
		if !ok {
			continue
		}
		checked++
		conv, err := converter(field)
		require.NoError(t, err, field.Name())
		assert.Equal(t, w, string(conv(nil, rows[0][i])), field.Name())
	}
	assert.Equal(t, len(want), checked, "every column written was read")
	assert.Equal(t, "2026-11-01T10:00:00.000000000", string(appendTime(nil, at.Truncate(time.Second).UnixNano(), false)), "a local time has no Z")
}
