package painpoint_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/painpoint"
)

const full = `{"id":"6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f","title":"Phí ship ẩn","description":"Chỉ thấy ở bước cuối","category":"financial",` +
	`"severity":"critical","persona_ids":["0a0b0c0d-0e0f-4000-8000-000000000001"],"evidence":"12 phỏng vấn","extensions":{"jira" : "CX-12"}}`

func TestRoundTrip(t *testing.T) {
	p, err := painpoint.Unmarshal([]byte(full))
	require.NoError(t, err)
	require.NoError(t, p.Validate())
	assert.Equal(t, painpoint.Financial, p.Category)
	assert.Equal(t, painpoint.Critical, p.Severity)

	out, err := painpoint.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, full, string(out))

	var std painpoint.PainPoint
	require.NoError(t, json.Unmarshal(out, &std))
	assert.Equal(t, *p, std)

	indented, err := painpoint.MarshalIndent(p, "\t")
	require.NoError(t, err)
	back, err := painpoint.Unmarshal(indented)
	require.NoError(t, err)
	assert.Equal(t, p, back)

	viaJSON, err := json.Marshal(*p)
	require.NoError(t, err)
	assert.JSONEq(t, full, string(viaJSON))
}

func TestFilledID(t *testing.T) {
	in := []byte(`{"title":"t","category":"process","severity":"low"}`)
	a, err := painpoint.Unmarshal(in)
	require.NoError(t, err)
	assert.Equal(t, uuid.NewSHA1(painpoint.Namespace(), in), a.ID)
	b, err := painpoint.Decode(strings.NewReader(string(in)), painpoint.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, a.ID, b.ID)
}

func TestDecodeRejections(t *testing.T) {
	tests := []struct {
		in       string
		path     string
		sentinel error
	}{
		{`{"title":"t","category":"legal","severity":"low"}`, "category", docerr.ErrEnum},
		{`{"title":"t","category":"process","severity":"urgent"}`, "severity", docerr.ErrEnum},
		{`{"title":"t","severity":"low","severity":"high"}`, "severity", docerr.ErrDuplicateKey},
		{`{"title":"t","cost":1}`, "cost", docerr.ErrUnknownField},
		{`{"title":"t","persona_ids":["x"]}`, "persona_ids[0]", docerr.ErrInvalid},
		{`{"title":"t","persona_ids":[null]}`, "persona_ids[0]", docerr.ErrType},
		{`{"title":7}`, "title", docerr.ErrType},
		{`{"title":"t"}x`, "", docerr.ErrTrailingData},
		{`{"title":"t","extensions":{"a":1,"a":1}}`, `extensions["a"]`, docerr.ErrDuplicateKey},
	}
	for _, tc := range tests {
		p, err := painpoint.Unmarshal([]byte(tc.in))
		assert.Nil(t, p)
		var list docerr.List
		require.ErrorAs(t, err, &list, tc.in)
		found := false
		for _, e := range list {
			found = found || (e.Path == tc.path && errors.Is(e, tc.sentinel))
		}
		assert.True(t, found, "%s: want %v at %q, got %v", tc.in, tc.sentinel, tc.path, err)
	}
	_, err := painpoint.UnmarshalOptions([]byte(full), painpoint.DecodeOptions{MaxBytes: 10})
	assert.ErrorIs(t, err, docerr.ErrTooLarge)
}

func TestEncodeRejections(t *testing.T) {
	_, err := painpoint.Marshal(&painpoint.PainPoint{Title: "t", Category: painpoint.Process})
	assert.ErrorIs(t, err, docerr.ErrEnum)
	assert.True(t, strings.HasPrefix(err.Error(), "severity: "), err.Error())
	_, err = painpoint.Marshal(&painpoint.PainPoint{Title: "bad\xff", Category: painpoint.Process, Severity: painpoint.Low})
	assert.ErrorIs(t, err, docerr.ErrInvalidUTF8)
}

func TestClone(t *testing.T) {
	p, err := painpoint.Unmarshal([]byte(full))
	require.NoError(t, err)
	c := p.Clone()
	assert.Equal(t, p, c)
	c.PersonaIDs[0] = uuid.Nil
	c.Extensions[0] = '['
	out, err := painpoint.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, full, string(out))
	var nilP *painpoint.PainPoint
	assert.Nil(t, nilP.Clone())
}
