package strictjson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/strictjson"
)

func stdMarshal(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	require.NoError(t, e.Encode(v))
	return strings.TrimSuffix(b.String(), "\n")
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99999e-7, 1e-7, 1e20, 1e21, 123456789e15,
		math.MaxFloat64, math.SmallestNonzeroFloat64, -2, 2, 0.5, 1.0 / 3, 100, 1e-320}
	r := rand.New(rand.NewPCG(1, 1))
	for range 20000 {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			values = append(values, f)
		}
		values = append(values, r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, f := range values {
		assert.Equal(t, stdMarshal(t, f), string(strictjson.AppendFloat(nil, f)), "%v", f)
	}
}

func TestStringEscapingMatchesEncodingJSON(t *testing.T) {
	strs := []string{"", "plain", `"quoted" \ back`, "\b\f\n\r\t\x00\x01\x1f\x7f", "<script>&</script>", "\u2028\u2029",
		"Tiếng Việt có dấu", "emoji 😀👍🏽🇻🇳", "\ufeffbom", "日本語"}
	r := rand.New(rand.NewPCG(2, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(20) {
			switch r.IntN(4) {
			case 0:
				b.WriteByte(byte(r.IntN(128)))
			case 1:
				b.WriteRune(rune(0x80 + r.IntN(0x800)))
			case 2:
				b.WriteRune(rune(0x2000 + r.IntN(0x40)))
			default:
				b.WriteRune(rune(r.IntN(utf8.MaxRune)))
			}
		}
		strs = append(strs, strings.ToValidUTF8(b.String(), ""))
	}
	for _, s := range strs {
		w := strictjson.NewWriter("")
		w.String(s)
		got, err := w.Bytes()
		require.NoError(t, err)
		assert.Equal(t, stdMarshal(t, s), string(got), "%q", s)

		// And the decoder reads back the same text.
		d, err := strictjson.NewDecoder(got, strictjson.Options{})
		require.NoError(t, err)
		back, ok := d.ReadString()
		require.True(t, ok, "%v", d.Err())
		assert.Equal(t, s, back)
	}
}

func TestWriterLayoutMatchesIndent(t *testing.T) {
	for _, indent := range []string{"", "  ", "\t"} {
		w := strictjson.NewWriter(indent)
		w.BeginObject()
		w.Member("a")
		w.Int(1)
		w.Member("empty_obj")
		w.BeginObject()
		w.EndObject()
		w.Member("empty_arr")
		w.BeginArray()
		w.EndArray()
		w.Member("list")
		w.BeginArray()
		for i := range 3 {
			w.Elem()
			w.BeginObject()
			w.Member("i")
			w.Int(i)
			w.OptString("s", "x")
			w.OptString("omitted", "")
			w.EndObject()
		}
		w.EndArray()
		w.Strings("strs", []string{"a", "b"})
		w.Strings("none", nil)
		w.EndObject()
		got, err := w.Bytes()
		require.NoError(t, err)
		want := `{"a":1,"empty_obj":{},"empty_arr":[],"list":[{"i":0,"s":"x"},{"i":1,"s":"x"},{"i":2,"s":"x"}],"strs":["a","b"]}`
		if indent != "" {
			var b bytes.Buffer
			require.NoError(t, json.Indent(&b, []byte(want), "", indent))
			want = b.String()
		}
		assert.Equal(t, want, string(got))
	}
}

func TestWriterErrorsNamePath(t *testing.T) {
	w := strictjson.NewWriter("")
	w.BeginObject()
	w.Member("list")
	w.BeginArray()
	w.Elem()
	w.Float(1)
	w.Elem()
	w.Float(math.NaN())
	w.Elem()
	w.String("bad\xff") // after the first error, ignored
	w.EndArray()
	w.EndObject()
	_, err := w.Bytes()
	require.Error(t, err)
	assert.ErrorIs(t, err, docerr.ErrRange)
	assert.True(t, strings.HasPrefix(err.Error(), "list[1]: "), err.Error())
	assert.True(t, w.Failed())
}

// valid reports whether the decoder accepts data as one value (skipping it).
func valid(data []byte, maxDepth int) error {
	d, err := strictjson.NewDecoder(data, strictjson.Options{MaxDepth: maxDepth})
	if err != nil {
		return err
	}
	d.Skip()
	d.Finish()
	return d.Err()
}

func TestSyntaxAgreesWithEncodingJSON(t *testing.T) {
	inputs := []string{
		`0`, `-0`, `01`, `-`, `1.`, `.5`, `1e`, `1e+`, `1E-5`, `1.5e3`, `-1.0e-0`, `+1`, `0x10`, `1_000`, `NaN`, `Infinity`,
		`""`, `"a`, `"\u00e9"`, `"\u00"`, `"\q"`, `"\/"`, "\"\t\"", `"\ud83d\ude00"`,
		`true`, `tru`, `false`, `null`, `nul`, `[]`, `[1,]`, `[,1]`, `[1 2]`, `{}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`,
		`{"a":{"b":[1,{"c":null}]}}`, `  [ 1 , 2 ]  `, `[1] [2]`, `{"a":1}}`, `'a'`, ``, ` `,
	}
	for _, in := range inputs {
		err := valid([]byte(in), 0)
		assert.Equal(t, json.Valid([]byte(in)), err == nil, "%q: %v", in, err)
	}
}

// FuzzSyntax checks that the decoder accepts exactly what encoding/json
// accepts, except for what it rejects on purpose: duplicate keys are not
// checked by Skip, so the differences are unpaired surrogate escapes
// (rejected here, replaced by encoding/json) and nesting beyond the limit.
func FuzzSyntax(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":"c"}]}`, `"\ud83d\ude00"`, `-1.5e-3`, `[true,false,null]`, `{"a":"\u00e9"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := valid(data, 1000)
		std := json.Valid(data)
		if bytes.HasPrefix(data, []byte("\ufeff")) {
			std = json.Valid(data[3:]) // a byte order mark is skipped on purpose
		}
		if err == nil && !std {
			t.Fatalf("accepted what encoding/json rejects: %q", data)
		}
		if err != nil && std && !errors.Is(err, docerr.ErrInvalidUTF8) {
			t.Fatalf("rejected what encoding/json accepts: %q: %v", data, err)
		}
	})
}

func TestDepthLimit(t *testing.T) {
	nest := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	assert.NoError(t, valid(nest(64), 0))
	assert.ErrorIs(t, valid(nest(65), 0), docerr.ErrTooDeep)
	assert.NoError(t, valid(nest(3), 3))
	assert.ErrorIs(t, valid(nest(4), 3), docerr.ErrTooDeep)
	assert.ErrorIs(t, valid(nest(100000), 0), docerr.ErrTooDeep, "deep input must not exhaust the stack")
}

func TestSizeLimit(t *testing.T) {
	_, err := strictjson.NewDecoder(make([]byte, 11), strictjson.Options{MaxBytes: 10})
	assert.ErrorIs(t, err, docerr.ErrTooLarge)
	_, err = strictjson.NewDecoder(make([]byte, 10), strictjson.Options{MaxBytes: 10})
	assert.NoError(t, err)
	data, err := strictjson.ReadAll(strings.NewReader(strings.Repeat("x", 100)), strictjson.Options{MaxBytes: 10})
	assert.Nil(t, data)
	assert.ErrorIs(t, err, docerr.ErrTooLarge)
}

func TestRawObject(t *testing.T) {
	tests := []struct {
		in       string
		sentinel error
		path     string
	}{
		{` { "a" : [ 1.50 , "\u00e9" ] } `, nil, ""},
		{`{"a":1,"b":{"a":1}}`, nil, ""},
		{`{"a":1,"\u0061":2}`, docerr.ErrDuplicateKey, `["a"]`},
		{`{"x":[{"k":1,"k":2}]}`, docerr.ErrDuplicateKey, `["x"][0]["k"]`},
		{`[1]`, docerr.ErrType, ""},
		{`null`, docerr.ErrType, ""},
		{`{"a":}`, docerr.ErrSyntax, `["a"]`},
	}
	for _, tc := range tests {
		err := strictjson.CheckObject([]byte(tc.in), 64)
		if tc.sentinel == nil {
			assert.NoError(t, err, tc.in)
			continue
		}
		require.Error(t, err, tc.in)
		assert.ErrorIs(t, err, tc.sentinel, tc.in)
		var e *docerr.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, tc.path, e.Path, tc.in)
	}

	// ReadRawObject keeps the exact bytes and does not alias the input.
	in := []byte(`{"ext": { "z" : [1.50] } }`)
	d, err := strictjson.NewDecoder(in, strictjson.Options{})
	require.NoError(t, err)
	require.True(t, d.BeginObject())
	require.True(t, d.NextKey())
	raw, ok := d.ReadRawObject()
	require.True(t, ok)
	assert.False(t, d.NextKey())
	d.EndObject()
	d.Finish()
	require.NoError(t, d.Err())
	in[10] = 'X'
	assert.Equal(t, `{ "z" : [1.50] }`, string(raw))
}

func TestNumbers(t *testing.T) {
	floats := map[string]float64{"0": 0, "-1.5": -1.5, "1e2": 100, "123456789012345678": 123456789012345678, "1E-2": 0.01}
	for in, want := range floats {
		d, _ := strictjson.NewDecoder([]byte(in), strictjson.Options{})
		got, ok := d.ReadFloat()
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	d, _ := strictjson.NewDecoder([]byte("-0"), strictjson.Options{})
	z, _ := d.ReadFloat()
	assert.True(t, math.Signbit(z), "-0 keeps its sign")

	for in, sentinel := range map[string]error{"1e400": docerr.ErrType, "1.5": docerr.ErrType, "1e2": docerr.ErrType, "99999999999999999999": docerr.ErrRange, `"1"`: docerr.ErrType} {
		d, _ := strictjson.NewDecoder([]byte(in), strictjson.Options{})
		_, ok := d.ReadInt()
		assert.False(t, ok, in)
		assert.ErrorIs(t, d.Err(), sentinel, in)
	}
	d, _ = strictjson.NewDecoder([]byte("-1e400"), strictjson.Options{})
	_, ok := d.ReadFloat()
	assert.False(t, ok)
	assert.ErrorIs(t, d.Err(), docerr.ErrRange)

	d, _ = strictjson.NewDecoder([]byte("-42"), strictjson.Options{})
	n, ok := d.ReadInt()
	assert.True(t, ok)
	assert.Equal(t, -42, n)
	d.Finish()
	assert.NoError(t, d.Err())
}

func TestSyntaxErrorPosition(t *testing.T) {
	d, _ := strictjson.NewDecoder([]byte("{\n  \"a\": [1,\n  x]}"), strictjson.Options{})
	d.Skip()
	err := d.Err()
	require.Error(t, err)
	assert.ErrorIs(t, err, docerr.ErrSyntax)
	assert.Contains(t, err.Error(), "line 3, column 3")
	assert.True(t, strings.HasPrefix(err.Error(), `["a"][1]: invalid character 'x'`), err.Error())
}

func TestDuplicateMembersAndUnknown(t *testing.T) {
	d, _ := strictjson.NewDecoder([]byte(`{"a":1,"b":2,"a":{"deep":[1]},"c":3}`), strictjson.Options{})
	require.True(t, d.BeginObject())
	var seen uint64
	var a []float64
	for d.NextKey() {
		switch string(d.Key()) {
		case "a":
			if d.Once(&seen, 1) {
				v, _ := d.ReadFloat()
				a = append(a, v)
			}
		case "b":
			if d.Once(&seen, 2) {
				d.Skip()
			}
		default:
			d.Unknown()
		}
	}
	d.EndObject()
	d.Finish()
	assert.Equal(t, []float64{1}, a)
	var list docerr.List
	require.ErrorAs(t, d.Err(), &list)
	require.Len(t, list, 2)
	assert.Equal(t, "a", list[0].Path)
	assert.ErrorIs(t, list[0], docerr.ErrDuplicateKey)
	assert.Equal(t, "c", list[1].Path)
	assert.ErrorIs(t, list[1], docerr.ErrUnknownField)
}

func TestTimeKeepsTheInstant(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("", 7*3600)),
		time.Date(2026, 11, 23, 9, 30, 0, 5, time.UTC),
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 3600+61)), // an offset with seconds
	} {
		w := strictjson.NewWriter("")
		w.Time(tm)
		out, err := w.Bytes()
		require.NoError(t, err)
		d, err := strictjson.NewDecoder(out, strictjson.Options{})
		require.NoError(t, err)
		back, ok := d.ReadTime()
		require.True(t, ok, string(out))
		assert.True(t, tm.Equal(back), "%s read back as %s", tm, back)
	}
}
