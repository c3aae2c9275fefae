package analytics

import (
	"bytes"
	"errors"
	"testing"
)

// checkLines reads data with read through 1-byte and 64 KB reads, in tiny
// blocks, with the default and a tiny line limit, and checks that nothing
// panics and every line of the input is accounted for: as the header, an
// event, a bad row, a blank line, or a further line of a good multi-line
// record.
func checkLines(t *testing.T, data []byte, csv bool) {
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 64
	text := bytes.TrimPrefix(data, bom) // a byte order mark is no text
	lines := int64(bytes.Count(text, []byte{'\n'}))
	if len(text) > 0 && text[len(text)-1] != '\n' {
		lines++
	}
	for _, maxLine := range []int{0, 16} {
		for _, chunk := range []int{1, 64 << 10} {
			p, err := NewPlan(smallJourney(), Options{Workers: 2, MaxLineBytes: maxLine, MaxBadRows: MaxBadPercent(100)})
			if err != nil {
				t.Fatal(err)
			}
			var res *Result
			var st readStats
			if csv {
				res, st, err = p.readCSV(&chunkReader{data, chunk})
			} else {
				res, st, err = p.readNDJSON(&chunkReader{data, chunk})
			}
			var re *ReadError
			var row *RowError
			switch {
			case errors.As(err, &re):
				res = re.Result
			case csv && errors.As(err, &row) && row.Line == 1:
				continue // no usable header
			case errors.Is(err, ErrUTF16):
				continue // refused as a whole, by its first bytes
			case err != nil:
				t.Fatalf("max line %d, %d-byte reads: %v: %q", maxLine, chunk, err, data)
			}
			for _, b := range res.BadRows.Rows {
				if b.Line < 1 || b.Line > lines {
					t.Fatalf("bad row at line %d of %d: %q", b.Line, lines, data)
				}
			}
			got := st.header + res.Events + res.BadRows.Count + st.blank + st.cont
			if got != lines {
				t.Fatalf("max line %d, %d-byte reads: %d lines in, %d accounted for (header %d, events %d, bad %d %+v, blank %d, within records %d): %q",
					maxLine, chunk, lines, got, st.header, res.Events, res.BadRows.Count, res.BadRows.Rows, st.blank, st.cont, data)
			}
		}
	}
}

func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\n"))
	f.Add([]byte("customer_id,touchpoint,timestamp,outcome,emotion\r\n\"c\n1\",a1,1767225600,ok,1\nc2,\"\"\"\",1767225601,failed,-2\n\n"))
	f.Add([]byte("customer_id,touchpoint,timestamp\nc4,\"ad5c,2026-01-01T00:00:04Z\nc5,a1,1767225600\nc6,x\"y,1767225601\nc7,a1,1767225602"))
	f.Add([]byte("\ufeff\"customer_id\",touchpoint,\"time\nstamp\"\nc1,a1,1767225600\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkLines(t, data, true) })
}

func FuzzNDJSONReader(f *testing.F) {
	f.Add([]byte(`{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}` + "\n"))
	f.Add([]byte(`{"customer_id":"c\u00e9","touchpoint":"a1","timestamp":1767225600,"x":[1,{"y":null}]}` + "\n\n  \n" + `{"customer_id":"\ud800"}`))
	f.Add([]byte(`{"customer_id":"c1","customer_id":"c2"}` + "\r\n{\n" + `{"emotion":01}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkLines(t, data, false) })
}

// TestLinesAccountedOnSeeds runs the fuzz checks over hand-made edge cases.
func TestLinesAccountedOnSeeds(t *testing.T) {
	for _, in := range []string{
		"", "\n", "customer_id,touchpoint,timestamp", "customer_id,touchpoint,timestamp\n\n\n",
		"customer_id,touchpoint,timestamp\n\"",
		"customer_id,touchpoint,timestamp\n\"\n\n\"\n",
		"customer_id,touchpoint,timestamp\nc1,\"a\n1\",1767225600\n\"x\"y\n",
		"customer_id,touchpoint,timestamp\nc1,\"" + string(bytes.Repeat([]byte("a\n"), 40)) + "\",1767225600\n",
		"customer_id,touchpoint,timestamp\nc1,a1," + string(bytes.Repeat([]byte("9"), 300)) + "\nc1,a1,1767225600",
		"\"customer_id\n\",touchpoint,timestamp\nc1,a1,1767225600\n",
		"\xff\xfe", "\xef\xbb\xbf", "\xef\xbb\xbf\xff\xfe\n",
	} {
		checkLines(t, []byte(in), true)
		checkLines(t, []byte(in), false)
	}
}
