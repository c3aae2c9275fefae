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
