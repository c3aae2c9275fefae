package journey_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// problemsOf returns the docerr.List of err.
func problemsOf(t *testing.T, err error) docerr.List {
	t.Helper()
	var list docerr.List
	require.ErrorAs(t, err, &list)
	return list
}

func TestSyntaxErrorsCarryTheirPosition(t *testing.T) {
	prefix := strings.TrimSuffix(doc(""), "}") + `,"extensions":`
	deep := prefix + strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70) + "}"
	deepAt := len(prefix) + 63*len(`{"a":`) + 1
	tests := []struct {
		name     string
		in       string
		sentinel error
		want     docerr.Position
	}{
		{"a bad character on the third line", "{\n\"schema_version\":1,\n\"title\":x}", docerr.ErrSyntax, docerr.Position{Line: 3, Column: 9, Offset: 30}},
		{"the end of the input", `{"title":"T"`, docerr.ErrSyntax, docerr.Position{Line: 1, Column: 13, Offset: 12}},
		{"data after the document", doc("") + "\n  x", docerr.ErrTrailingData, docerr.Position{Line: 2, Column: 3, Offset: int64(len(doc(""))) + 3}},
		{"invalid UTF-8 in a string", "{\"title\":\"a\xffb\"}", docerr.ErrInvalidUTF8, docerr.Position{Line: 1, Column: 12, Offset: 11}},
		// The root is level 1 and extensions level 2, so the 64th brace inside
		// extensions opens level 65: the position is just after it.
		{"nesting too deep", deep, docerr.ErrTooDeep, docerr.Position{Line: 1, Column: deepAt + 1, Offset: int64(deepAt)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journey.Unmarshal([]byte(tt.in))
			list := problemsOf(t, err)
			e := list[len(list)-1]
			assert.ErrorIs(t, e, tt.sentinel)
			assert.Equal(t, tt.want, e.Pos)
			if tt.sentinel != docerr.ErrTooDeep {
				assert.Contains(t, e.Detail, tt.want.String(), "the message says the same place")
			}
		})
	}
}

func TestByteOrderMarkIsSkipped(t *testing.T) {
	plain := []byte(doc(`"stages":[{"name":"S","phase":"before_purchase"}]`))
	withBOM := append([]byte("\ufeff"), plain...)
	a, err := journey.Unmarshal(plain)
	require.NoError(t, err)
	b, err := journey.Unmarshal(withBOM)
	require.NoError(t, err, "a UTF-8 byte order mark is not a syntax error")
	assert.Equal(t, a.ID, b.ID, "the same document gets the same ids with or without the mark")
	assert.Equal(t, a.Stages[0].ID, b.Stages[0].ID)

	_, err = journey.Unmarshal(append([]byte("\ufeff"), `{"title":x}`...))
	e := problemsOf(t, err)[0]
	assert.Equal(t, docerr.Position{Line: 1, Column: 13, Offset: 12}, e.Pos, "positions count the mark's bytes")
}

func utf16Bytes(s string, bigEndian, mark bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if mark {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestUTF16AndUTF32AreNamed(t *testing.T) {
	d := doc("")
	utf32le := make([]byte, 0, 4*len(d))
	for _, c := range []byte(d) {
		utf32le = append(utf32le, c, 0, 0, 0)
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-16 little-endian with a mark, as Windows tools write", utf16Bytes(d, false, true), "UTF-16 (little-endian, with a byte order mark)"},
		{"UTF-16 big-endian with a mark", utf16Bytes(d, true, true), "UTF-16 (big-endian, with a byte order mark)"},
		{"UTF-16 little-endian without a mark", utf16Bytes(d, false, false), "UTF-16 (little-endian)"},
		{"UTF-16 big-endian without a mark", utf16Bytes(d, true, false), "UTF-16 (big-endian)"},
		{"UTF-32 little-endian without a mark", utf32le, "UTF-32 (little-endian)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journey.Unmarshal(tt.in)
			list := problemsOf(t, err)
			require.Len(t, list, 1)
			assert.ErrorIs(t, list[0], docerr.ErrInvalidUTF8)
			assert.Contains(t, list[0].Error(), tt.want)
			assert.Contains(t, list[0].Error(), "UTF-8 only")
		})
	}
}

func TestErrorsQuoteInputBriefly(t *testing.T) {
	long := strings.Repeat("7", 1_000_000)
	nul := "k\x00" + strings.Repeat("é", 10_000)
	tests := []struct {
		name string
		in   string
		has  string // a part the message must have
	}{
		{"a million-digit integer", doc(`"review_every_days":` + long + `.5`), `expected an integer, got 7777`},
		{"a million-digit float out of range", doc(`"stages":[{"name":"S","phase":"before_purchase","metrics":[{"name":"m","kind":"count","value":` + long + `e999}]}]`), "out of the range of a float64"},
		{"an unknown member with a NUL byte", doc(`"` + strings.ReplaceAll(nul, "\x00", `\u0000`) + `":1`), `unknown field "k\x00éé`},
		{"a long enum value", doc(`"stages":[{"name":"S","phase":"` + strings.Repeat("x", 10_000) + `"}]`), `phase "xxxx`},
		{"a long UUID", doc(`"id":"` + strings.Repeat("a", 10_000) + `"`), `invalid UUID "aaaa`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journey.Unmarshal([]byte(tt.in))
			msg := problemsOf(t, err)[0].Error()
			assert.Contains(t, msg, tt.has)
			assert.Less(t, len(msg), 1000, "the path and the detail each quote at most %d characters of input", safetext.MaxQuote)
			assert.NotContains(t, msg, "\x00", "control characters are escaped")
		})
	}
}

// emptyStages is the document of issue 15: n empty stages, two problems each.
func emptyStages(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"schema_version":1,"title":"T","type":"current_state","stages":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("{}")
	}
	b.WriteString("]}")
	return b.Bytes()
}

func TestValidateCapsTheProblemsItLists(t *testing.T) {
	j, err := journey.Unmarshal(emptyStages(20_000))
	require.NoError(t, err, "empty stages are well-formed")
	tests := []struct {
		name   string
		opts   journey.ValidateOptions
		listed int
	}{
		{"the default lists 100 and counts the rest", journey.ValidateOptions{}, 101},
		{"a set cap", journey.ValidateOptions{MaxProblems: 5}, 6},
		{"a negative cap lists every problem", journey.ValidateOptions{MaxProblems: -1}, 40_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := problemsOf(t, j.ValidateWith(tt.opts))
			assert.Len(t, list, tt.listed)
			assert.Equal(t, 40_000, list.Count(), "a name and a phase missing in each stage")
			assert.Equal(t, "stages[0].name", list[0].Path)
		})
	}
	assert.Len(t, problemsOf(t, j.Validate()), 101, "Validate is ValidateWith the defaults")
}

// The problems past the cap cost no memory: past the cap neither the
// problems nor their paths are built, so validating ten times as many empty
// stages (two problems each) allocates about as much in total: the id
// index and the 100 listed problems.
func TestValidateDoesNotAllocatePerProblemPastTheCap(t *testing.T) {
	allocs := func(n int) float64 {
		j, err := journey.Unmarshal(emptyStages(n))
		require.NoError(t, err)
		return testing.AllocsPerRun(3, func() { _ = j.Validate() })
	}
	small, large := allocs(2_000), allocs(20_000)
	assert.Less(t, large, 1000.0, "allocations for 20,000 stages and 40,000 problems")
	assert.Less(t, large, 2*small, "allocations do not grow with the number of problems")
}

func TestDecodeAllocationsAreLinearInStages(t *testing.T) {
	perStage := func(n int) float64 {
		data := emptyStages(n)
		return testing.AllocsPerRun(3, func() { _, _ = journey.Unmarshal(data) }) / float64(n)
	}
	small, large := perStage(2_000), perStage(20_000)
	assert.Less(t, large, 5.0, "allocations per empty stage")
	assert.InDelta(t, small, large, 0.5)
}

func ExampleJourney_ValidateWith() {
	j := journey.New("Checkout", journey.CurrentState)
	for range 5 {
		j.AddStage("", "") // no name, no phase: two problems each
	}
	err := j.ValidateWith(journey.ValidateOptions{MaxProblems: 3})
	fmt.Println(err)
	// Output:
	// stages[0].name: required, must not be blank
	// stages[0].phase: required
	// stages[1].name: required, must not be blank
	// and 7 more problems (not listed)
}

func TestEveryDecodeProblemCarriesItsPosition(t *testing.T) {
	in := "{\"schema_version\":1,\"title\":\"T\",\"type\":\"current_state\",\n" +
		"\"colour\":1,\n" +
		"\"stages\":[{\"name\":\"S\",\"phase\":\"soon\",\"metrics\":[{\"name\":\"m\",\"kind\":\"count\"}]}]}"
	_, err := journey.Unmarshal([]byte(in))
	list := problemsOf(t, err)
	second := strings.Index(in, "\n") + 1
	third := strings.LastIndex(in, "\n") + 1
	tests := []struct {
		why  string
		path string
		off  int
	}{
		{"an unknown member is placed at its key", "colour", second},
		{"a bad value is placed where it starts", "stages[0].phase", third + strings.Index(in[third:], `"soon"`)},
		{"a missing member is placed at the closing brace", "stages[0].metrics[0].value", third + strings.Index(in[third:], `}]}]}`)},
	}
	require.Len(t, list, len(tests))
	for i, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.path, list[i].Path)
			assert.Equal(t, docerr.PositionOf([]byte(in), tt.off), list[i].Pos)
		})
	}
}

// A journey, persona or pain point inside a caller's own struct decodes
// through encoding/json as strictly as on its own.
func TestEmbeddedDocumentsDecodeStrictly(t *testing.T) {
	type envelope struct {
		Journey   *journey.Journey     `json:"journey"`
		Persona   *persona.Persona     `json:"persona"`
		PainPoint *painpoint.PainPoint `json:"pain_point"`
	}
	good := `{"journey":` + doc("") + `,"persona":{"name":"Lan"},"pain_point":{"title":"P","category":"process","severity":"low"}}`
	var e envelope
	require.NoError(t, json.Unmarshal([]byte(good), &e))
	assert.NotEqual(t, uuid.Nil, e.Journey.ID, "ids are filled as Unmarshal fills them")
	assert.NotEqual(t, uuid.Nil, e.Persona.ID)
	assert.NotEqual(t, uuid.Nil, e.PainPoint.ID)

	tests := []struct {
		name string
		in   string
	}{
		{"an unknown member of the journey", `{"journey":` + doc(`"colour":1`) + `}`},
		{"an unknown member of the persona", `{"persona":{"name":"Lan","colour":1}}`},
		{"a duplicate key in the pain point", `{"pain_point":{"title":"P","title":"Q","category":"process","severity":"low"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e envelope
			err := json.Unmarshal([]byte(tt.in), &e)
			require.Error(t, err)
			var list docerr.List
			assert.ErrorAs(t, err, &list, "the strict decoder's problems come through")
		})
	}
}
