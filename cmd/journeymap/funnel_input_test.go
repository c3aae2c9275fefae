package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	adTouch  = "Sees a Facebook carousel ad for the new Sải Bước running line"
	smsTouch = "Gets SMS updates from the courier"
)

// exportLog is a log as a warehouse exports it: its own column names, the
// PostgreSQL/DuckDB timestamp form, rows in time order.
func exportLog(rows int) string {
	var b strings.Builder
	b.WriteString("user_id,event,ts,plan\n")
	for i := range rows {
		fmt.Fprintf(&b, "u%d,%s,2026-11-01 10:%02d:%02d,pro\n", i%7, adTouch, i/60%60, i%60)
	}
	return b.String()
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func funnelEvents(t *testing.T, r result) float64 {
	t.Helper()
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &res), r.stderr)
	return res["events"].(float64)
}

func TestFunnelInputFlags(t *testing.T) {
	cols := "customer=user_id,touchpoint=event,time=ts,segment=plan"
	plain := writeTemp(t, "export.csv", exportLog(50))
	dir := t.TempDir()
	gz := filepath.Join(dir, "export.csv.gz")
	require.NoError(t, os.WriteFile(gz, gzipped(t, exportLog(50)), 0o644))
	ndjson := writeTemp(t, "e.jsonl", `{"USER_ID":"u1","event":"`+adTouch+`","ts":1793527200000}`+"\n")
	local := writeTemp(t, "local.csv", "customer_id,touchpoint,timestamp\nu1,"+adTouch+",2026-11-01 17:00\nu1,"+smsTouch+",2026-11-01 17:30\n")
	layout := writeTemp(t, "layout.csv", "customer_id,touchpoint,timestamp\nu1,"+adTouch+",01/11/2026 17:00\n")

	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		events float64
		stderr string
	}{
		{"-columns maps a warehouse export", "", []string{"-events", plain, "-columns", cols}, exitOK, 50, ""},
		{"without -columns the header is listed", "", []string{"-events", plain}, exitInvalid, 0,
			`header lacks the column "customer_id", "touchpoint", "timestamp" (header: "user_id", "event", "ts", "plan")`},
		{"a .gz file", "", []string{"-events", gz, "-columns", cols}, exitOK, 50, ""},
		{"gzip on standard input, told by its magic bytes", string(gzipped(t, exportLog(50))), []string{"-events", "-", "-columns", cols}, exitOK, 50, ""},
		{"NDJSON, milliseconds told by their digits, columns without case", "", []string{"-events", ndjson, "-columns", cols}, exitOK, 1, ""},
		{"-time-unit s reads the milliseconds as seconds: no usable row", "", []string{"-events", ndjson, "-columns", cols, "-time-unit", "s"}, exitInvalid, 0,
			"no usable event in 1 row"},
		{"-tz reads times without an offset", "", []string{"-events", local, "-tz", "Asia/Ho_Chi_Minh"}, exitOK, 2, ""},
		{"-time-layout", "", []string{"-events", layout, "-time-layout", "02/01/2006 15:04"}, exitOK, 1, ""},
		{"a bad -tz is a usage error", "", []string{"-events", local, "-tz", "Mars/Olympus"}, exitUsage, 0, `-tz "Mars/Olympus" is not a time zone`},
		{"a bad -columns is a usage error", "", []string{"-events", local, "-columns", "who=x"}, exitUsage, 0, `-columns: columns: unknown field "who"`},
		{"a bad -max-bad-rows is a usage error", "", []string{"-events", local, "-max-bad-rows", "lots"}, exitUsage, 0, "-max-bad-rows"},
		{"a bad -max-line is a usage error", "", []string{"-events", local, "-max-line", "1PB"}, exitUsage, 0, "-max-line"},
		{"a bad -time-unit is a usage error", "", []string{"-events", local, "-time-unit", "h"}, exitUsage, 0, "-time-unit"},
	}
	for _, tt := range tests {
		args := append([]string{"funnel", "-format", "json", "-journey", current}, tt.args...)
		r := cli(t, tt.stdin, args...)
		assert.Equal(t, tt.code, r.code, "%s: %s", tt.name, r.stderr)
		if tt.code == exitOK {
			assert.Equal(t, tt.events, funnelEvents(t, r), tt.name)
		} else {
			assert.Empty(t, r.stdout, "%s: no output when the command fails", tt.name)
		}
		assert.Contains(t, r.stderr, tt.stderr, tt.name)
	}
}

func TestFunnelBadRowLimit(t *testing.T) {
	// 150 rows out of time order among 300, then one with a stray quote.
	var b strings.Builder
	b.WriteString("customer_id,touchpoint,timestamp\n")
	for i := range 300 {
		ts := 1793527200 + i
		if i%2 == 1 {
			ts = 1793527100 // before every row above it
		}
		fmt.Fprintf(&b, "c%d,%s,%d\n", i, adTouch, ts)
	}
	b.WriteString("c9,\"" + adTouch + ",1793527999\n")
	log := writeTemp(t, "shuffled.csv", b.String())
	out := filepath.Join(t.TempDir(), "out.json")
	require.NoError(t, os.WriteFile(out, []byte("previous"), 0o644))

	r := cli(t, "", "funnel", "-format", "json", "-order", "time", "-journey", current, "-events", log, "-o", out)
	assert.Equal(t, exitInvalid, r.code, "151 of 301 rows are bad, more than 1%")
	assert.Contains(t, r.stderr, "shuffled.csv: line 3, column \"time\": event at")
	assert.Contains(t, r.stderr, "shuffled.csv: and 51 more bad rows\n", "100 listed, the rest counted")
	assert.Contains(t, r.stderr, "shuffled.csv: 150 rows out of time order: the input is not time-ordered; use -order any\n")
	assert.Contains(t, r.stderr, "shuffled.csv: 1 row with a quote that is not closed: ")
	assert.Contains(t, r.stderr, "151 of 301 rows are bad, more than -max-bad-rows 1% allows")
	prev, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "previous", string(prev), "the output is not written when the read fails")

	r = cli(t, "", "funnel", "-format", "json", "-order", "time", "-journey", current, "-events", log, "-max-bad-rows", "60%")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, float64(150), funnelEvents(t, r))
	assert.Contains(t, r.stderr, "151 bad rows skipped")

	clean := writeTemp(t, "clean.csv", "customer_id,touchpoint,timestamp\nc1,"+adTouch+",1793527200\n")
	for _, strict := range [][]string{{"-strict"}, {"-max-bad-rows", "0"}} {
		args := append([]string{"funnel", "-journey", current, "-events", log}, strict...)
		assert.Equal(t, exitInvalid, cli(t, "", args...).code, "%v", strict)
		args = append([]string{"funnel", "-journey", current, "-events", clean}, strict...)
		assert.Equal(t, exitOK, cli(t, "", args...).code, "%v", strict)
	}
	r = cli(t, "", "funnel", "-journey", current, "-events", log, "-max-line", "40")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "longer than the line limit: look for a quote that is not closed, or raise -max-line")

	empty := writeTemp(t, "empty.csv", "customer_id,touchpoint,timestamp\n")
	r = cli(t, "", "funnel", "-journey", current, "-events", empty)
	assert.Equal(t, exitInvalid, r.code, "an empty log is not a funnel")
	assert.Contains(t, r.stderr, "no usable event in 0 rows")
}

func TestFunnelParquet(t *testing.T) {
	type row struct {
		User  string `parquet:"user_id"`
		Event string `parquet:"event"`
		TS    int64  `parquet:"ts,timestamp(millisecond)"`
	}
	rows := []row{{"u1", adTouch, 1793527200000}, {"u1", smsTouch, 1793527260000}, {"u2", adTouch, 1793527300000}}
	var buf bytes.Buffer
	require.NoError(t, parquet.Write(&buf, rows))
	file := filepath.Join(t.TempDir(), "events.parquet")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
	gz := file + ".gz"
	require.NoError(t, os.WriteFile(gz, gzipped(t, buf.String()), 0o644))
	cols := "customer=user_id,touchpoint=event,time=ts"
	for _, tt := range []struct {
		name, stdin string
		args        []string
	}{
		{"a .parquet file", "", []string{"-events", file}},
		{"a .parquet.gz file", "", []string{"-events", gz}},
		{"Parquet on standard input", buf.String(), []string{"-events", "-", "-events-format", "parquet"}},
	} {
		args := append([]string{"funnel", "-format", "json", "-journey", current, "-columns", cols}, tt.args...)
		r := cli(t, tt.stdin, args...)
		require.Equal(t, exitOK, r.code, "%s: %s", tt.name, r.stderr)
		assert.Equal(t, float64(3), funnelEvents(t, r), tt.name)
	}
	r := cli(t, "", "funnel", "-journey", current, "-events", file)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, `header lacks the column "customer_id", "touchpoint", "timestamp" (columns: "user_id", "event", "ts")`)
	assert.Contains(t, r.stderr, "name the columns with -columns")
	notParquet := writeTemp(t, "x.parquet", "customer_id,touchpoint,timestamp\n")
	r = cli(t, "", "funnel", "-journey", current, "-events", notParquet)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "not a Parquet file")
}
