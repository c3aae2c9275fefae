package docerr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
)

func TestJoinIndexKey(t *testing.T) {
	assert.Equal(t, "stages[0].name", docerr.Join("stages[0]", "name"))
	assert.Equal(t, "stages[0]", docerr.Join("stages", "[0]"))
	assert.Equal(t, "name", docerr.Join("", "name"))
	assert.Equal(t, "stages", docerr.Join("stages", ""))
	assert.Equal(t, "stages[2]", docerr.Index("stages", 2))
	assert.Equal(t, `persona_emotions["a\"b"]`, docerr.Key("persona_emotions", `a"b`))
}

func TestListAddAllPrefixesAndUnwraps(t *testing.T) {
	var inner docerr.List
	inner.Add("title", docerr.ErrRequired, "required")
	inner.Add("severity", docerr.ErrEnum, "bad")
	var outer docerr.List
	outer.AddAll("stages[1].touchpoints[0].pain_points[2]", inner.Err())
	outer.AddAll("x", nil)
	outer.AddAll("stages[3]", docerr.New("[1]", docerr.ErrRange, "far"))
	outer.AddAll("personas[0]", errors.New("plain"))
	require.Len(t, outer, 4)
	assert.Equal(t, "stages[1].touchpoints[0].pain_points[2].title", outer[0].Path)
	assert.Equal(t, "stages[3][1]", outer[2].Path)
	assert.Equal(t, "personas[0]", outer[3].Path)
	err := outer.Err()
	assert.ErrorIs(t, err, docerr.ErrEnum)
	assert.ErrorIs(t, err, docerr.ErrRange)
	assert.NotErrorIs(t, err, docerr.ErrDuplicateID)
	assert.Equal(t, "stages[1].touchpoints[0].pain_points[2].title: required", outer[0].Error())
	var list docerr.List
	assert.Nil(t, list.Err(), "an empty list is no error")
}

func ExampleList() {
	var problems docerr.List
	problems.Add("stages[0].name", docerr.ErrRequired, "required, must not be blank")
	problems.Add("stages[0].touchpoints[1].emotion", docerr.ErrRange, "3 is outside -2..2")
	err := problems.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, docerr.ErrRange))
	// Output:
	// stages[0].name: required, must not be blank
	// stages[0].touchpoints[1].emotion: 3 is outside -2..2
	// true
}

func TestPositionOf(t *testing.T) {
	data := []byte("{\n  \"a\": 1,\n  x\n}")
	tests := []struct {
		name string
		off  int
		want docerr.Position
		text string
	}{
		{"the first byte is line 1, column 1", 0, docerr.Position{Line: 1, Column: 1, Offset: 0}, "line 1, column 1 (offset 0)"},
		{"a newline starts the next line", 2, docerr.Position{Line: 2, Column: 1, Offset: 2}, "line 2, column 1 (offset 2)"},
		{"columns count bytes", 14, docerr.Position{Line: 3, Column: 3, Offset: 14}, "line 3, column 3 (offset 14)"},
		{"an offset past the end is the end", 99, docerr.Position{Line: 4, Column: 2, Offset: int64(len(data))}, "line 4, column 2 (offset 17)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := docerr.PositionOf(data, tt.off)
			assert.Equal(t, tt.want, got)
			assert.True(t, got.IsValid())
			assert.Equal(t, tt.text, got.String())
		})
	}
	assert.False(t, docerr.Position{}.IsValid(), "the zero Position is unknown")
	assert.Equal(t, "", docerr.Position{}.String())
}

// A report of problems in another kind of input can embed Position and
// print places the same way.
func ExamplePosition() {
	type rowError struct {
		docerr.Position
		Reason string
	}
	e := rowError{Position: docerr.PositionOf([]byte("a,b\nc,\"d\n"), 6), Reason: "unclosed quote"}
	fmt.Println(e.Reason, "at", e.Position)
	// Output: unclosed quote at line 2, column 3 (offset 6)
}

func TestCollectorCountsPastItsCap(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		add     int
		listed  int // entries of the List, the counting one included
		omitted int
	}{
		{"nothing found is no error", 0, 0, 0, 0},
		{"under the default cap every problem is listed", 0, 100, 100, 0},
		{"past the default cap the rest is counted in one entry", 0, 1000, 101, 900},
		{"a set cap", 3, 5, 4, 2},
		{"a negative cap keeps everything", -1, 250, 250, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := docerr.Collector{Max: tt.max}
			for i := range tt.add {
				c.Add(docerr.Index("stages", i), docerr.ErrRequired, "required")
			}
			assert.Equal(t, tt.add, c.Len())
			if tt.add == 0 {
				assert.NoError(t, c.Err())
				return
			}
			l := c.List()
			assert.Len(t, l, tt.listed)
			assert.Equal(t, tt.omitted, l.Omitted())
			assert.Equal(t, tt.add, l.Count())
			if tt.omitted > 0 {
				var o *docerr.Omitted
				require.ErrorAs(t, l[len(l)-1], &o)
				assert.Equal(t, tt.omitted, o.N)
				assert.Equal(t, "", l[len(l)-1].Path, "the count belongs to the whole document")
				assert.Contains(t, l.Error(), fmt.Sprintf("and %d more problems", tt.omitted))
			}
		})
	}
}

func TestCollectorAddAllKeepsTheCountOfANestedList(t *testing.T) {
	inner := docerr.Collector{Max: 2}
	for range 5 {
		inner.Add("name", docerr.ErrRequired, "required")
	}
	var outer docerr.Collector
	outer.AddAll("personas[0]", inner.Err())
	l := outer.List()
	assert.Len(t, l, 3, "two problems, then one entry counting the inner list's other three")
	assert.Equal(t, 3, l.Omitted())
	assert.Equal(t, 5, l.Count())
	assert.Equal(t, "personas[0].name", l[0].Path)
}

func TestCollectorDoesNotAllocatePastItsCap(t *testing.T) {
	c := docerr.Collector{Max: 1}
	c.Add("a", docerr.ErrRequired, "required")
	allocs := testing.AllocsPerRun(1000, func() { c.Add("b", docerr.ErrRequired, "required") })
	assert.Zero(t, allocs, "a problem past the cap is counted, not built")
}
