package journey_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
)

// doc wraps members into a journey with the required root members.
func doc(members string) string {
	if members != "" {
		members = "," + members
	}
	return `{"schema_version":1,"title":"T","type":"current_state"` + members + `}`
}

// deepStage is a stage nested down to a pain point, with extra text in each.
func deepStage(tp, pp string) string {
	return doc(`"stages":[{"name":"S","phase":"before_purchase"},{"name":"S2","phase":"during_purchase","touchpoints":[` +
		`{"name":"T0","channel":"website"},{"name":"T1","channel":"store"` + tp + `,"pain_points":[{"title":"P0","category":"process","severity":"low"},` +
		`{"title":"P1","category":"support","severity":"high"` + pp + `}]}]}]`)
}

func TestDecodeRejections(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		path     string
		sentinel error
		detail   string // a part of the message
	}{
		{"unknown field at root", doc(`"colour":"red"`), "colour", docerr.ErrUnknownField, `unknown field "colour"`},
		{"unknown field deep", deepStage("", `,"sev":"x"`), "stages[1].touchpoints[1].pain_points[1].sev", docerr.ErrUnknownField, "sev"},
		{"unknown field in support", deepStage(`,"supports":[{"layer":"backstage","kind":"people","description":"d","who":1}]`, ""), "stages[1].touchpoints[1].supports[0].who", docerr.ErrUnknownField, ""},
		{"unknown field in metric", doc(`"stages":[{"name":"S","phase":"after_purchase","metrics":[{"name":"m","kind":"nps","value":1,"x":2}]}]`), "stages[0].metrics[0].x", docerr.ErrUnknownField, ""},
		{"unknown field in demographics", doc(`"personas":[{"name":"P","demographics":{"age":3}}]`), "personas[0].demographics.age", docerr.ErrUnknownField, ""},
		{"odd unknown key is quoted", doc(`"a.b":1`), `["a.b"]`, docerr.ErrUnknownField, ""},
		{"duplicate key at root", doc(`"title":"again"`), "title", docerr.ErrDuplicateKey, `duplicate key "title"`},
		{"duplicate key deep", deepStage("", `,"severity":"low"`), "stages[1].touchpoints[1].pain_points[1].severity", docerr.ErrDuplicateKey, ""},
		{"duplicate key escaped", doc(`"titl\u0065":"again"`), "title", docerr.ErrDuplicateKey, ""},
		{"duplicate key in extensions", doc(`"extensions":{"a":{"b":1,"c":2,"b":3}}`), `extensions["a"]["b"]`, docerr.ErrDuplicateKey, ""},
		{"duplicate persona emotion", deepStage(`,"persona_emotions":{"6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f":1,"6F1C1B3E-8A4E-4C3B-9A3E-1D2C3B4A5E6F":2}`, ""), `stages[1].touchpoints[1].persona_emotions["6F1C1B3E-8A4E-4C3B-9A3E-1D2C3B4A5E6F"]`, docerr.ErrDuplicateKey, ""},
		{"trailing data", doc("") + ` {}`, "", docerr.ErrTrailingData, "line 1"},
		{"trailing garbage", doc("") + "x", "", docerr.ErrTrailingData, ""},
		{"invalid UTF-8", doc(`"owner":"a` + "\xff" + `b"`), "owner", docerr.ErrInvalidUTF8, ""},
		{"invalid UTF-8 in extensions", doc(`"extensions":{"k":"` + "\xc3\x28" + `"}`), `extensions["k"]`, docerr.ErrInvalidUTF8, ""},
		{"invalid UTF-8 in key", doc(`"` + "\xe2\x82" + `":1`), "", docerr.ErrInvalidUTF8, ""},
		{"unpaired surrogate", doc(`"owner":"\ud83d x"`), "owner", docerr.ErrInvalidUTF8, "surrogate"},
		{"too deep", doc(`"extensions":{"a":` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`), `extensions["a"]` + strings.Repeat("[0]", 62), docerr.ErrTooDeep, "64"},
		{"wrong type string for number", deepStage(`,"emotion":"high"`, ""), "stages[1].touchpoints[1].emotion", docerr.ErrType, "expected a number, got a string"},
		{"wrong type number for string", doc(`"owner":5`), "owner", docerr.ErrType, "expected a string, got a number"},
		{"wrong type object for array", doc(`"stages":{}`), "stages", docerr.ErrType, "expected an array, got an object"},
		{"wrong type array element", doc(`"stages":[{"name":"S","phase":"before_purchase","questions":["a",2]}]`), "stages[0].questions[1]", docerr.ErrType, ""},
		{"wrong type root", `[]`, "", docerr.ErrType, "expected an object"},
		{"fraction for integer", doc(`"review_every_days":1.5`), "review_every_days", docerr.ErrType, "integer"},
		{"extensions not an object", doc(`"extensions":[1]`), "extensions", docerr.ErrType, ""},
		{"null at root member", doc(`"description":null`), "description", docerr.ErrType, "null is not allowed"},
		{"null in list", doc(`"stages":[null]`), "stages[0]", docerr.ErrType, "null"},
		{"null extensions", doc(`"extensions":null`), "extensions", docerr.ErrType, "null"},
		{"null emotion", deepStage(`,"emotion":null`, ""), "stages[1].touchpoints[1].emotion", docerr.ErrType, "null"},
		{"bad enum lists allowed", strings.Replace(deepStage("", ""), `"support"`, `"legal"`, 1), "stages[1].touchpoints[1].pain_points[1].category", docerr.ErrEnum, "financial, productivity, process, support"},
		{"bad channel", doc(`"stages":[{"name":"S","phase":"before_purchase","touchpoints":[{"name":"t","channel":"fax"}]}]`), "stages[0].touchpoints[0].channel", docerr.ErrEnum, "website"},
		{"bad phase", doc(`"stages":[{"name":"S","phase":"later"}]`), "stages[0].phase", docerr.ErrEnum, "before_purchase, during_purchase, after_purchase"},
		{"bad type", `{"schema_version":1,"title":"T","type":"map"}`, "type", docerr.ErrEnum, "current_state"},
		{"bad preferred channel", doc(`"personas":[{"name":"P","preferred_channels":["web"]}]`), "personas[0].preferred_channels[0]", docerr.ErrEnum, ""},
		{"bad uuid", doc(`"id":"not-a-uuid"`), "id", docerr.ErrInvalid, "not-a-uuid"},
		{"uuid without dashes", doc(`"id":"6f1c1b3e8a4e4c3b9a3e1d2c3b4a5e6f"`), "id", docerr.ErrInvalid, ""},
		{"nil uuid", doc(`"id":"00000000-0000-0000-0000-000000000000"`), "id", docerr.ErrInvalid, "nil UUID"},
		{"bad uuid reference", doc(`"opportunities":[{"title":"O","pain_point_ids":["6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f","x"]}]`), "opportunities[0].pain_point_ids[1]", docerr.ErrInvalid, ""},
		{"bad persona emotion key", deepStage(`,"persona_emotions":{"lan":1}`, ""), `stages[1].touchpoints[1].persona_emotions["lan"]`, docerr.ErrInvalid, ""},
		{"bad time", doc(`"reviewed_at":"2026-11-23 10:00"`), "reviewed_at", docerr.ErrInvalid, "RFC 3339"},
		{"bad time no zone", doc(`"reviewed_at":"2026-11-23T10:00:00"`), "reviewed_at", docerr.ErrInvalid, ""},
		{"explicit zero impact", doc(`"opportunities":[{"title":"O","impact":0}]`), "opportunities[0].impact", docerr.ErrRange, "impact 0"},
		{"explicit zero effort", doc(`"opportunities":[{"title":"O","effort":0}]`), "opportunities[0].effort", docerr.ErrRange, ""},
		{"explicit zero review days", doc(`"review_every_days":0`), "review_every_days", docerr.ErrRange, "must be 1..36500"},
		{"number beyond float64", deepStage(`,"emotion":1e999`, ""), "stages[1].touchpoints[1].emotion", docerr.ErrRange, ""},
		{"integer beyond int", doc(`"review_every_days":99999999999999999999`), "review_every_days", docerr.ErrRange, ""},
		{"metric value beyond float64", doc(`"stages":[{"name":"S","phase":"before_purchase","metrics":[{"name":"m","kind":"count","value":1e400}]}]`), "stages[0].metrics[0].value", docerr.ErrRange, "1e400"},
		{"missing metric value", doc(`"stages":[{"name":"S","phase":"before_purchase","metrics":[{"name":"m","kind":"nps"}]}]`), "stages[0].metrics[0].value", docerr.ErrRequired, "value"},
		{"missing schema_version", `{"title":"T","type":"current_state"}`, "schema_version", docerr.ErrSchemaVersion, "required"},
		{"zero schema_version", `{"schema_version":0,"title":"T","type":"current_state"}`, "schema_version", docerr.ErrSchemaVersion, "not supported"},
		{"syntax missing colon", `{"schema_version" 1}`, "", docerr.ErrSyntax, "':'"},
		{"syntax trailing comma", `{"schema_version":1,}`, "", docerr.ErrSyntax, ""},
		{"syntax trailing comma in array", doc(`"stages":[{"name":"S","phase":"before_purchase"},]`), "stages[1]", docerr.ErrSyntax, ""},
		{"syntax truncated", `{"schema_version":1,"title":"T`, "title", docerr.ErrSyntax, "end of input"},
		{"syntax leading zero", doc(`"review_every_days":01`), "review_every_days", docerr.ErrSyntax, ""},
		{"syntax control character", doc(`"owner":"a` + "\n" + `"`), "owner", docerr.ErrSyntax, ""},
		{"syntax bad escape", doc(`"owner":"\x"`), "owner", docerr.ErrSyntax, "escape"},
		{"syntax bad literal in extensions", doc(`"extensions":{"a":tru}`), `extensions["a"]`, docerr.ErrSyntax, ""},
		{"empty input", ``, "", docerr.ErrSyntax, "end of input"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j, err := journey.Unmarshal([]byte(tc.in))
			require.Error(t, err)
			assert.Nil(t, j)
			assert.ErrorIs(t, err, tc.sentinel)
			var list docerr.List
			require.ErrorAs(t, err, &list)
			found := false
			for _, e := range list {
				if e.Path == tc.path && errors.Is(e, tc.sentinel) {
					found = true
					assert.Contains(t, e.Error(), tc.detail)
				}
			}
			assert.True(t, found, "no %v at %q in:\n%v", tc.sentinel, tc.path, err)
		})
	}
}

func TestDecodeCollectsManyProblems(t *testing.T) {
	in := doc(`"colour":1,"owner":2,"stages":[{"name":"S","phase":"soon","touchpoints":[{"name":"t","channel":"fax","emotion":"x"}]}]`)
	_, err := journey.Unmarshal([]byte(in))
	var list docerr.List
	require.ErrorAs(t, err, &list)
	var paths []string
	for _, e := range list {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"colour", "owner", "stages[0].phase", "stages[0].touchpoints[0].channel", "stages[0].touchpoints[0].emotion"}, paths)
}

func TestDecodeCapsTheProblemsItLists(t *testing.T) {
	in := doc(`"extensions":{}` + strings.Repeat(`,"x":1`, 500))
	tests := []struct {
		name   string
		max    int
		listed int // entries, the counting one included
	}{
		{"the default lists 100 and counts the other 400 in one more entry", 0, 101},
		{"a smaller cap lists fewer", 10, 11},
		{"a cap above the count lists every problem and no counting entry", 1000, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journey.UnmarshalOptions([]byte(in), journey.DecodeOptions{MaxProblems: tt.max})
			var list docerr.List
			require.ErrorAs(t, err, &list)
			assert.Len(t, list, tt.listed)
			assert.Equal(t, 500, list.Count(), "every problem is counted")
			if tt.listed < 500 {
				var more *docerr.Omitted
				require.ErrorAs(t, list[len(list)-1], &more)
				assert.Equal(t, 500-(tt.listed-1), more.N)
			}
		})
	}
}

func TestDecodeNewerSchemaVersion(t *testing.T) {
	// Unknown members and values are expected in a newer document: only the version is reported.
	in := `{"title":"T","type":"journey_v2_type","colour":1,"schema_version":2,"stages":[{"new":true}]}`
	_, err := journey.Unmarshal([]byte(in))
	require.Error(t, err)
	var list docerr.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.ErrorIs(t, list[0], docerr.ErrSchemaVersion)
	assert.Equal(t, "schema_version", list[0].Path)
	assert.Contains(t, list[0].Error(), "newer")
	assert.Contains(t, list[0].Error(), "supports (1)")
}

func TestDecodeTooLarge(t *testing.T) {
	in := []byte(doc(`"description":"` + strings.Repeat("a", 200) + `"`))
	opts := journey.DecodeOptions{MaxBytes: 100}

	_, err := journey.UnmarshalOptions(in, opts)
	assert.ErrorIs(t, err, docerr.ErrTooLarge)

	// Decode reads at most MaxBytes+1 bytes.
	r := &countingReader{r: bytes.NewReader(append(in, make([]byte, 1<<20)...))}
	_, err = journey.Decode(r, opts)
	assert.ErrorIs(t, err, docerr.ErrTooLarge)
	assert.LessOrEqual(t, r.n, 101+512, "Decode must stop reading past the limit")

	// At the limit it is fine.
	small := []byte(doc(""))
	_, err = journey.Decode(bytes.NewReader(small), journey.DecodeOptions{MaxBytes: int64(len(small))})
	assert.NoError(t, err)
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := journey.Decode(iotest.ErrReader(boom), journey.DecodeOptions{})
	assert.ErrorIs(t, err, boom)
}

func TestDecodeMaxDepthOption(t *testing.T) {
	in := []byte(doc(`"extensions":{"a":{"b":{}}}`)) // depth 4
	_, err := journey.UnmarshalOptions(in, journey.DecodeOptions{MaxDepth: 4})
	assert.NoError(t, err)
	_, err = journey.UnmarshalOptions(in, journey.DecodeOptions{MaxDepth: 3})
	assert.ErrorIs(t, err, docerr.ErrTooDeep)
}

func TestDecodeAccepts(t *testing.T) {
	// Escapes, white space and member order are free; extensions are kept verbatim.
	in := " \n\t{ \"type\" : \"future_state\", \"t\\u0069tle\":\"Caf\\u00e9 \\ud83d\\ude00\",\r\n\"schema_version\":1," +
		`"extensions" : { "z": [ 1.50 , "x" ], "a" : { } } }` + "\n"
	j, err := journey.Unmarshal([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, "Café 😀", j.Title)
	assert.Equal(t, journey.FutureState, j.Type)
	assert.Equal(t, `{ "z": [ 1.50 , "x" ], "a" : { } }`, string(j.Extensions))
	out, err := journey.Marshal(j)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"extensions":{ "z": [ 1.50 , "x" ], "a" : { } }}`)
}

// metricDoc is a journey with one stage metric of the given value and target.
func metricDoc(value, target string) string {
	return doc(`"stages":[{"name":"S","phase":"before_purchase","metrics":[{"name":"m","kind":"custom","value":` + value + `,"target":` + target + `}]}]`)
}

// Decoding reads any number a float64 holds; Validate holds the format's
// ranges, naming the path and the range.
func TestValidateBoundsDecodedNumbers(t *testing.T) {
	tests := []struct {
		why    string
		in     string
		path   string
		detail string
	}{
		{"a metric value one above the range", metricDoc("1000000000000001", "1"), "stages[0].metrics[0].value", "1.000000000000001e+15 is outside -1e+15..1e+15"},
		{"a metric value with a huge exponent", metricDoc("6.1e22", "1"), "stages[0].metrics[0].value", "6.1e+22 is outside -1e+15..1e+15"},
		{"a metric value just below the range", metricDoc("-1000000000000000.2", "1"), "stages[0].metrics[0].value", "is outside -1e+15..1e+15"},
		{"a metric target below the range", metricDoc("1", "-1e16"), "stages[0].metrics[0].target", "-1e+16 is outside -1e+15..1e+15"},
		{"a metric target near the largest float64", metricDoc("1", "1.7e308"), "stages[0].metrics[0].target", "is outside -1e+15..1e+15"},
		{"review_every_days above a century", doc(`"review_every_days":36501`), "review_every_days", "36501 is outside 1..36500 (days)"},
		{"review_every_days far beyond", doc(`"review_every_days":9223372036854775807`), "review_every_days", "is outside 1..36500 (days)"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			j, err := journey.Unmarshal([]byte(tc.in))
			require.NoError(t, err, "decoding checks form, not ranges")
			err = j.Validate()
			var list docerr.List
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1, "%v", err)
			assert.Equal(t, tc.path, list[0].Path)
			assert.ErrorIs(t, list[0], docerr.ErrRange)
			assert.Contains(t, list[0].Error(), tc.detail)
		})
	}
}

func TestDecodeAcceptsTheBoundsOfNumbers(t *testing.T) {
	tests := []struct {
		why          string
		in           string
		value, other float64 // metric value and target, or review_every_days in value
	}{
		{"the metric range's ends, in integer syntax", metricDoc("1000000000000000", "-1000000000000000"), 1e15, -1e15},
		{"the metric range's ends, in exponent syntax", metricDoc("1e15", "-1E+15"), 1e15, -1e15},
		{"just inside the metric range, exact as a float64", metricDoc("999999999999999", "-999999999999999.9"), 999_999_999_999_999, -999_999_999_999_999.9},
		{"the review cycle's upper end", doc(`"review_every_days":36500`), journey.MaxReviewEveryDays, 0},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			j, err := journey.Unmarshal([]byte(tc.in))
			require.NoError(t, err)
			require.NoError(t, j.Validate())
			if len(j.Stages) == 0 {
				assert.Equal(t, int(tc.value), j.ReviewEveryDays)
				return
			}
			m := j.Stages[0].Metrics[0]
			assert.Equal(t, tc.value, m.Value)
			require.NotNil(t, m.Target)
			assert.Equal(t, tc.other, *m.Target)
		})
	}
}

func TestDecodeDoesNotAliasInput(t *testing.T) {
	in := []byte(doc(`"extensions":{"k":"v"},"stages":[{"name":"S","phase":"before_purchase","extensions":{"a":1}}]`))
	j, err := journey.Unmarshal(in)
	require.NoError(t, err)
	for i := range in {
		in[i] = ' '
	}
	assert.Equal(t, `{"k":"v"}`, string(j.Extensions))
	assert.Equal(t, `{"a":1}`, string(j.Stages[0].Extensions))
	assert.Equal(t, "T", j.Title)
}

func TestDecodeFillsIDsDeterministically(t *testing.T) {
	in := []byte(doc(`"personas":[{"name":"P"}],"stages":[{"name":"S","phase":"before_purchase","touchpoints":[{"name":"t","channel":"email","pain_points":[{"title":"p","category":"financial","severity":"low"}]}]},` +
		`{"id":"6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f","name":"S2","phase":"after_purchase"}],"opportunities":[{"title":"O"}]`))
	a, err := journey.Unmarshal(in)
	require.NoError(t, err)
	b, err := journey.Unmarshal(append([]byte(nil), in...))
	require.NoError(t, err)
	ea, err := journey.Marshal(a)
	require.NoError(t, err)
	eb, err := journey.Marshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(ea), string(eb), "same bytes, same ids")
	require.NoError(t, a.Validate())

	// The documented rule.
	assert.Equal(t, uuid.NewSHA1(journey.Namespace(), in), a.ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("personas[0]")), a.Personas[0].ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("stages[0]")), a.Stages[0].ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("stages[0].touchpoints[0]")), a.Stages[0].Touchpoints[0].ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("stages[0].touchpoints[0].pain_points[0]")), a.Stages[0].Touchpoints[0].PainPoints[0].ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("opportunities[0]")), a.Opportunities[0].ID)
	assert.Equal(t, uuid.MustParse("6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f"), a.Stages[1].ID, "given ids are kept")

	// Other bytes give another journey id; a given journey id drives the children.
	c, err := journey.Unmarshal(append(in[:len(in)-1:len(in)-1], ` }`...))
	require.NoError(t, err)
	assert.NotEqual(t, a.ID, c.ID)
	withID := []byte(`{"schema_version":1,"id":"0a0b0c0d-0e0f-4000-8000-000000000001","title":"T","type":"current_state","stages":[{"name":"S","phase":"before_purchase"}]}`)
	d, err := journey.Unmarshal(withID)
	require.NoError(t, err)
	assert.Equal(t, uuid.NewSHA1(uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001"), []byte("stages[0]")), d.Stages[0].ID)
}

func TestFillIDs(t *testing.T) {
	build := func() *journey.Journey {
		j := &journey.Journey{SchemaVersion: 1, Title: "Go-built", Type: journey.CurrentState}
		j.Stages = append(j.Stages, &journey.Stage{Name: "S", Phase: journey.BeforePurchase})
		j.Opportunities = append(j.Opportunities, &journey.Opportunity{Title: "O"})
		return j
	}
	a, b := build(), build()
	a.FillIDs()
	b.FillIDs()
	assert.NotEqual(t, uuid.Nil, a.ID)
	assert.Equal(t, a.ID, b.ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("stages[0]")), a.Stages[0].ID)
	assert.Equal(t, uuid.NewSHA1(a.ID, []byte("opportunities[0]")), a.Opportunities[0].ID)
	require.NoError(t, a.Validate())

	// Existing ids are kept.
	c := build()
	c.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001")
	keep := uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000002")
	c.Stages[0].ID = keep
	c.FillIDs()
	assert.Equal(t, keep, c.Stages[0].ID)
	assert.Equal(t, uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001"), c.ID)
}
