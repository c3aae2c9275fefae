package analytics

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/journeymap/journeymap/persona"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunkReader returns at most n bytes per Read, as a pipe does.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(len(p), c.n, len(c.data))
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}

// readers gives the same bytes as a whole, in 1-byte and in 64 KB reads.
var readers = []struct {
	name string
	make func([]byte) io.Reader
}{
	{"whole", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"1-byte reads", func(b []byte) io.Reader { return &chunkReader{b, 1} }},
	{"64 KB reads", func(b []byte) io.Reader { return &chunkReader{b, 64 << 10} }},
}

// csvLog writes a header and n good time-ordered rows of smallJourney;
// edit may replace row i (1-based, line i+1).
func csvLog(n int, edit func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString("customer_id,touchpoint,timestamp\n")
	for i := 1; i <= n; i++ {
		if edit != nil {
			if s := edit(i); s != "" {
				b.WriteString(s)
				continue
			}
		}
		fmt.Fprintf(&b, "c%d,a1,%d\n", i%97, 1767225600+i)
	}
	return b.Bytes()
}

func badLines(res *Result) map[int64]Reason {
	m := map[int64]Reason{}
	for _, r := range res.BadRows.Rows {
		m[r.Line] = r.Reason
	}
	return m
}

// TestStrayQuoteIsOneBadRow is issue 15 item 2: a quote that never closes
// used to swallow every row after it into one bad row. Now it is one bad
// row at the line where it starts, and every other row is counted.
func TestStrayQuoteIsOneBadRow(t *testing.T) {
	defer func(n int) { blockSize = n }(blockSize)
	const n = 20000
	stray := func(at int) func(int) string {
		return func(i int) string {
			if i == at {
				return "c4,\"ad5c0e,2026-01-01T00:00:04Z\n"
			}
			return ""
		}
	}
	tests := []struct {
		name    string
		in      []byte
		maxLine int
		bad     map[int64]Reason
	}{
		{"the quote never closes before the end of the input", csvLog(n, stray(10001)), 0,
			map[int64]Reason{10002: ReasonUnclosedQuote}},
		{"the quote never closes within the line limit", csvLog(n, stray(10001)), 4096,
			map[int64]Reason{10002: ReasonUnclosedQuote}},
		{"a later stray quote closes the field", csvLog(n, func(i int) string {
			switch i {
			case 10001:
				return "c4,\"ad5c0e,2026-01-01T00:00:04Z\n"
			case 10051:
				return "c9,x\"y,1767235651\n"
			}
			return ""
		}), 0, map[int64]Reason{10002: ReasonCSVSyntax, 10052: ReasonCSVSyntax}},
		{"a stray quote on the last line", csvLog(n, stray(n)), 0, map[int64]Reason{n + 1: ReasonUnclosedQuote}},
	}
	for _, tt := range tests {
		for _, bs := range []int{1 << 20, 4096} {
			for _, rd := range readers[1:] {
				for _, workers := range []int{1, 2} {
					blockSize = bs
					p, err := NewPlan(smallJourney(), Options{Workers: workers, MaxLineBytes: tt.maxLine, MaxBadRows: MaxBadRows(10)})
					require.NoError(t, err)
					res, st, err := p.readCSV(rd.make(tt.in))
					require.NoError(t, err, tt.name)
					where := fmt.Sprintf("%s, block %d, %s, workers %d", tt.name, bs, rd.name, workers)
					assert.Equal(t, tt.bad, badLines(res), where)
					assert.Equal(t, int64(n-len(tt.bad)), res.Events, where)
					assert.Equal(t, int64(n+1), 1+res.Events+res.BadRows.Count+st.blank+st.cont, "every line accounted for: %s", where)
				}
			}
		}
	}
}

// TestLongLinesAreBoundedAndLinear is issue 15 item 3: a line longer than
// the limit is a bad row named by its line, skipped without being kept,
// and reading it allocates the same whatever its length, from a pipe as
// from memory (the old reader grew and rescanned its buffer on every read).
func TestLongLinesAreBoundedAndLinear(t *testing.T) {
	for _, size := range []int{8 << 20, 32 << 20} {
		for _, ndjson := range []bool{false, true} {
			var in bytes.Buffer
			good := `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}`
			if !ndjson {
				in.WriteString("customer_id,touchpoint,timestamp\n")
				good = "c1,a1,2026-01-01T00:00:00Z"
			}
			in.WriteString(good + "\n")
			in.Write(bytes.Repeat([]byte{'x'}, size))
			in.WriteString("\n" + good + "\n")
			p, err := NewPlan(smallJourney(), Options{MaxBadRows: MaxBadRows(1)})
			require.NoError(t, err)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var res *Result
			if ndjson {
				res, err = p.ReadNDJSON(&chunkReader{in.Bytes(), 64 << 10})
			} else {
				res, err = p.ReadCSV(&chunkReader{in.Bytes(), 64 << 10})
			}
			runtime.ReadMemStats(&after)
			require.NoError(t, err)
			line := int64(3)
			if ndjson {
				line = 2
			}
			assert.Equal(t, map[int64]Reason{line: ReasonTooLong}, badLines(res), "size %d ndjson %v", size, ndjson)
			assert.Equal(t, int64(2), res.Events)
			assert.Contains(t, res.BadRows.Rows[0].Message, "longer than 1048576 bytes")
			alloc := after.TotalAlloc - before.TotalAlloc
			assert.Less(t, alloc, uint64(16<<20), "a %d MB line allocates %d bytes", size>>20, alloc)
		}
	}
}

// TestMaxLineBytes: the limit is configurable, and a header above it is an
// error that names line 1.
func TestMaxLineBytes(t *testing.T) {
	p, err := NewPlan(smallJourney(), Options{MaxLineBytes: 40, MaxBadRows: MaxBadRows(5)})
	require.NoError(t, err)
	res, err := p.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp\nc1,a1,2026-01-01T00:00:00Z\nc1,a1,2026-01-01T00:00:00.000000001Z,,,,,\nc2,\"a\nb\",2026-01-01T00:00:01Z\n"))
	require.NoError(t, err)
	assert.Equal(t, map[int64]Reason{3: ReasonTooLong}, badLines(res), "the 41-byte row")
	assert.Equal(t, int64(2), res.Events, "the quoted line end is within the limit")
	_, err = p.ReadCSV(strings.NewReader(strings.Repeat("h", 41) + "\nc1,a1,1767225600\n"))
	assert.ErrorContains(t, err, "line 1: header longer than 40 bytes")
	_, err = p.ReadCSV(strings.NewReader(strings.Repeat("h", 100)))
	assert.ErrorContains(t, err, "line 1: header longer than 40 bytes")
}

// TestStrictRows is issue 15 item 9: what the readers once let through.
func TestStrictRows(t *testing.T) {
	long := strings.Repeat("9", 1_000_000)
	tests := []struct {
		format, row string
		reason      Reason
		msg         string
		why         string
	}{
		{"ndjson", `{"customer_id":"c1","customer_id":"c2","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}`, ReasonDuplicateKey, `duplicate key "customer_id"`, "the last duplicate used to win"},
		{"ndjson", `{"customer_id":"c1","Customer_ID":"c2","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}`, ReasonDuplicateKey, `two members name the column "customer_id"`, "columns match without case, so both would"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","x":1,"x":2}`, ReasonDuplicateKey, `duplicate key "x"`, "unmapped members too, as the document decoder"},
		{"ndjson", `{"customer_id":"\ud800","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}`, ReasonJSONSyntax, `half of a UTF-16 pair`, "a lone surrogate"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","x":"\udc00\ud800"}`, ReasonJSONSyntax, `half of a UTF-16 pair`, "reversed surrogates in any member"},
		{"ndjson", "{\"customer_id\":\"c\xff\",\"touchpoint\":\"a1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}", ReasonInvalidUTF8, "not valid UTF-8", "invalid UTF-8"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","x":"\q"}`, ReasonJSONSyntax, "invalid escape", "an escape JSON does not have"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"} {}`, ReasonJSONSyntax, "text after the object", "two values on a line"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","emotion":01}`, ReasonJSONSyntax, "looking for ',' or '}'", "a leading zero"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","emotion":"1"}`, ReasonWrongType, "want a number", "an emotion as a string"},
		{"ndjson", `{"customer_id":["c1"],"touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}`, ReasonWrongType, "want a string or a number", "an id as a list"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z","x":` + strings.Repeat("[", 65) + strings.Repeat("]", 65) + `}`, ReasonJSONSyntax, "deeper than 64", "nesting is bounded"},
		{"ndjson", `{"customer_id":"c1","touchpoint":"a1","timestamp":` + long + `}`, ReasonBadTime, `(+999920 bytes)`, "a 1,000,000-digit number is quoted briefly"},
		{"csv", "c\xff,a1,2026-01-01T00:00:00Z,", ReasonInvalidUTF8, "not valid UTF-8", "invalid UTF-8 in an id"},
		{"csv", "c1,a\xc3,2026-01-01T00:00:00Z,", ReasonInvalidUTF8, "not valid UTF-8", "a cut UTF-8 sequence in a touchpoint"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,0x1p0", ReasonBadEmotion, "not a decimal number", "Go's hexadecimal floats"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,0_1", ReasonBadEmotion, "not a decimal number", "Go's digit separators"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,.5", ReasonBadEmotion, "not a decimal number", "a leading dot"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,+1", ReasonBadEmotion, "not a decimal number", "a plus sign"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,Inf", ReasonBadEmotion, "not a decimal number", "infinity"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z," + long, ReasonBadEmotion, `(+999920 bytes)`, "a 1,000,000-digit emotion is quoted briefly"},
		{"csv", "c1,a1,2026-01-01T00:00:00Z,1e5", ReasonBadEmotion, "outside -2..2", "an exponent is a decimal number"},
	}
	for _, tt := range tests {
		p, err := NewPlan(smallJourney(), Options{MaxBadRows: MaxBadRows(1), MaxLineBytes: 2 << 20})
		require.NoError(t, err)
		var res *Result
		if tt.format == "csv" {
			res, err = p.ReadCSV(strings.NewReader("customer_id,touchpoint,timestamp,emotion\nc0,a1,2026-01-01T00:00:00Z,\n" + tt.row + "\n"))
		} else {
			res, err = p.ReadNDJSON(strings.NewReader(`{"customer_id":"c0","touchpoint":"a1","timestamp":"2026-01-01T00:00:00Z"}` + "\n" + tt.row + "\n"))
		}
		require.NoError(t, err, tt.why)
		if assert.Len(t, res.BadRows.Rows, 1, tt.why) {
			b := res.BadRows.Rows[0]
			assert.Equal(t, tt.reason, b.Reason, tt.why)
			assert.Contains(t, b.Message, tt.msg, tt.why)
			assert.Less(t, len(b.Message), 300, "%s: the message quotes little of the input", tt.why)
		}
	}
}

func TestHeaderColumns(t *testing.T) {
	tests := []struct {
		header string
		cols   Columns
		err    string
		why    string
	}{
		{"User_ID,EVENT,Ts", Columns{Customer: "user_id", Touchpoint: "event", Time: "ts"}, "", "names match without case"},
		{"customer_id,touchpoint,timestamp,Customer_ID", Columns{}, `header has the column "Customer_ID" twice`, "a column twice is an error"},
		{"a,b,a", Columns{Customer: "b", Touchpoint: "b", Time: "b"}, `header has the column "a" twice`, "even one not mapped"},
		{"user,touchpoint,when", Columns{}, `header lacks the column "customer_id", "timestamp" (header: "user", "touchpoint", "when")`, "the error lists the header"},
	}
	for _, tt := range tests {
		p, err := NewPlan(smallJourney(), Options{Columns: tt.cols})
		require.NoError(t, err)
		res, err := p.ReadCSV(strings.NewReader(tt.header + "\nc1,a1,1767225600\n"))
		if tt.err == "" {
			require.NoError(t, err, tt.why)
			assert.Equal(t, int64(1), res.Events, tt.why)
			continue
		}
		assert.ErrorContains(t, err, "line 1: "+tt.err, tt.why)
	}
}

func TestParseColumns(t *testing.T) {
	c, err := ParseColumns("customer=user_id,touchpoint=event,time=ts,outcome=status,emotion=score,segment=plan,persona=role,breakdown=country")
	require.NoError(t, err)
	assert.Equal(t, Columns{Customer: "user_id", Touchpoint: "event", Time: "ts", Outcome: "status", Emotion: "score", Segment: "plan", Persona: "role", Breakdown: "country"}, c)
	c, err = ParseColumns("timestamp=when")
	require.NoError(t, err)
	assert.Equal(t, "when", c.Time, "timestamp is taken for time")
	for in, want := range map[string]string{
		"customer":               `"customer" is not field=column`,
		"who=user":               `unknown field "who"`,
		"time=a,time=b":          "field time mapped twice",
		"customer=":              "is not field=column",
		"customer=a,,time=b":     `"" is not field=column`,
		"customer=a,time=b,\x1b": `"\x1b" is not field=column`,
	} {
		_, err := ParseColumns(in)
		assert.ErrorContains(t, err, want, in)
	}
}

// TestExtraColumns: persona, segment and a breakdown column reach the rows,
// and a persona the journey lacks makes the row bad.
func TestExtraColumns(t *testing.T) {
	j := smallJourney()
	j.Personas = []*persona.Persona{{ID: uuid.NewSHA1(uuid.NameSpaceOID, []byte("minh")), Name: "Minh Anh"}}
	p, err := NewPlan(j, Options{Columns: Columns{Breakdown: "country"}})
	require.NoError(t, err)
	var row Row
	row[FieldCustomer], row[FieldTouchpoint], row[FieldTime] = []byte("c1"), []byte("a1"), []byte("1767225600")
	row[FieldPersona], row[FieldSegment], row[FieldBreakdown] = []byte("Minh Anh"), []byte("pro"), []byte("VN")
	var r prow
	p.makeRow(&r, 2, &row, false)
	require.Nil(t, r.err)
	assert.Equal(t, "VN", p.segment(r.rec.Breakdown), "the breakdown column names the group")
	assert.Equal(t, int16(1), r.rec.Persona, "Minh Anh is the first persona")
	row[FieldPersona] = []byte("Nobody")
	p.makeRow(&r, 2, &row, false)
	require.NotNil(t, r.err)
	assert.Equal(t, ReasonUnknownPersona, r.err.Reason)
	row[FieldPersona] = nil
	r = prow{}
	row[FieldSegment] = []byte("\xff")
	p.makeRow(&r, 2, &row, false)
	require.NotNil(t, r.err)
	assert.Equal(t, "segment", r.err.Field)
	assert.Equal(t, ReasonInvalidUTF8, r.err.Reason)

	rows := [][]string{{"customer_id", "touchpoint", "timestamp", "Persona", "segment", "country"}, {"c1", "a1", "1767225600", "Minh Anh", "pro", "VN"}}
	var csvIn strings.Builder
	for _, r := range rows {
		csvIn.WriteString(strings.Join(r, ",") + "\n")
	}
	fr := newFramer(strings.NewReader(csvIn.String()), true, 0)
	h, err := fr.header()
	require.NoError(t, err)
	ix, err := columnIndex(strings.Split(string(h), ","), &p.opts.Columns)
	require.NoError(t, err)
	assert.Equal(t, [NumFields]int{0, 1, 2, -1, -1, 3, 4, 5}, ix)
}

func TestBadRowLimit(t *testing.T) {
	tests := []struct {
		limit     BadRowLimit
		good, bad int
		err       error
		why       string
	}{
		{BadRowLimit{}, 99, 1, nil, "the default is 1%: 1 of 100"},
		{BadRowLimit{}, 98, 2, ErrTooManyBadRows, "2 of 100 is more than 1%"},
		{MaxBadRows(0), 100, 0, nil, "strict and clean"},
		{MaxBadRows(0), 99, 1, ErrTooManyBadRows, "strict: one is too many"},
		{MaxBadRows(3), 1, 3, nil, "a number of rows"},
		{MaxBadPercent(50), 1, 1, nil, "half"},
		{MaxBadPercent(100), 0, 5, ErrNoEvents, "no usable row always fails"},
		{MaxBadPercent(100), 0, 0, ErrNoEvents, "an empty log fails too"},
	}
	for _, tt := range tests {
		in := csvLog(tt.good+tt.bad, func(i int) string {
			if i <= tt.bad {
				return "c1,a1,soon\n"
			}
			return ""
		})
		p, err := NewPlan(smallJourney(), Options{MaxBadRows: tt.limit})
		require.NoError(t, err)
		res, err := p.ReadCSV(bytes.NewReader(in))
		if tt.err == nil {
			require.NoError(t, err, tt.why)
			assert.Equal(t, int64(tt.bad), res.BadRows.Count, tt.why)
			continue
		}
		assert.ErrorIs(t, err, tt.err, tt.why)
		var re *ReadError
		if assert.ErrorAs(t, err, &re, tt.why) {
			assert.Equal(t, int64(tt.bad), re.Result.BadRows.Count, "the result still lists the bad rows: %s", tt.why)
			assert.Equal(t, []ReasonCount(nil), nilIfNoReasons(re.Result.BadRows.Reasons, tt.bad), tt.why)
		}
	}
	for in, want := range map[string]string{"1%": "1%", "0.5%": "0.5%", "0": "0", "250": "250"} {
		l, err := ParseBadRowLimit(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, l.String())
	}
	for _, in := range []string{"", "-1", "1.5", "101%", "x%", "%", "0x1p0%", ".5%"} {
		_, err := ParseBadRowLimit(in)
		assert.Error(t, err, in)
	}
	assert.Equal(t, "1%", BadRowLimit{}.String(), "the zero value is the default")
}

// nilIfNoReasons checks the reasons of n bad times, returning nil when right.
func nilIfNoReasons(rs []ReasonCount, n int) []ReasonCount {
	if n == 0 && len(rs) == 0 || len(rs) == 1 && rs[0] == (ReasonCount{ReasonBadTime, int64(n)}) {
		return nil
	}
	return rs
}

// TestReasonsCountBeyondTheList: rows past the listed ones are still
// counted by reason, and merged results add their counts.
func TestReasonsCountBeyondTheList(t *testing.T) {
	in := csvLog(300, func(i int) string {
		switch {
		case i%3 == 0:
			return "c1,a1,soon\n"
		case i%3 == 1 && i > 1:
			return "c1,a1,1767225600\n" // before the rows already read
		}
		return ""
	})
	p, err := NewPlan(smallJourney(), Options{Order: TimeOrdered, MaxBadRows: MaxBadPercent(100), MaxBadRowsReported: 10})
	require.NoError(t, err)
	res, err := p.ReadCSV(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Len(t, res.BadRows.Rows, 10)
	assert.Equal(t, []ReasonCount{{ReasonBadTime, 100}, {ReasonOutOfOrder, 99}}, res.BadRows.Reasons)
	m, err := Merge(res, res)
	require.NoError(t, err)
	assert.Equal(t, []ReasonCount{{ReasonBadTime, 200}, {ReasonOutOfOrder, 198}}, m.BadRows.Reasons)
}

func TestGzipInputs(t *testing.T) {
	syn := NewSynthetic(SyntheticConfig{Seed: 4, Customers: 300, Steps: 4, DropOff: 0.2, Noise: 0.1})
	var csvBuf, ndBuf bytes.Buffer
	require.NoError(t, syn.WriteCSV(&csvBuf))
	require.NoError(t, syn.WriteNDJSON(&ndBuf))
	gz := func(b []byte) []byte {
		var out bytes.Buffer
		w := gzip.NewWriter(&out)
		_, err := w.Write(b)
		require.NoError(t, err)
		require.NoError(t, w.Close())
		return out.Bytes()
	}
	p, err := NewPlan(syn.Journey, Options{})
	require.NoError(t, err)
	want, err := p.Analyze(syn.Events())
	require.NoError(t, err)
	for _, rd := range readers {
		got, err := p.ReadCSV(rd.make(gz(csvBuf.Bytes())))
		require.NoError(t, err, rd.name)
		assert.Equal(t, canonical(t, want), canonical(t, got), "csv.gz, %s", rd.name)
		got, err = p.ReadNDJSON(rd.make(gz(ndBuf.Bytes())))
		require.NoError(t, err, rd.name)
		assert.Equal(t, canonical(t, want), canonical(t, got), "ndjson.gz, %s", rd.name)
	}
	broken := gz(csvBuf.Bytes())
	broken = broken[:len(broken)-10]
	_, err = p.ReadCSV(bytes.NewReader(broken))
	assert.ErrorContains(t, err, "reading events: unexpected EOF", "a cut gzip stream is an error, not a short log")

	for name, want := range map[string][2]any{"e.csv": {"csv", false}, "E.CSV.GZ": {"csv", true}, "e.jsonl": {"ndjson", false},
		"e.ndjson.gz": {"ndjson", true}, "e.parquet": {"parquet", false}, "e.txt": {"", false}, "-": {"", false}} {
		f, z := FormatOf(name)
		assert.Equal(t, want, [2]any{f, z}, name)
	}
}

func TestUTF16IsNamed(t *testing.T) {
	p, err := NewPlan(smallJourney(), Options{})
	require.NoError(t, err)
	for _, in := range []string{"\xff\xfec\x00u\x00", "\xfe\xff\x00c\x00u"} {
		_, err = p.ReadCSV(strings.NewReader(in))
		assert.ErrorIs(t, err, ErrUTF16)
		_, err = p.ReadNDJSON(strings.NewReader(in))
		assert.ErrorIs(t, err, ErrUTF16)
	}
}
