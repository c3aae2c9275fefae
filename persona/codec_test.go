package persona_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/persona"
)

const full = `{"id":"6f1c1b3e-8a4e-4c3b-9a3e-1d2c3b4a5e6f","name":"Lan","description":"Mẹ bận rộn","quote":"Nhanh lên!","lifecycle":"lead",` +
	`"demographics":{"age_range":"25-34","gender":"nữ","income":"15-25 triệu","location":"Hà Nội","occupation":"kế toán","extensions":{"k": 1}},` +
	`"goals":["g"],"needs":["n"],"frustrations":["f"],"behaviors":["b"],"preferred_channels":["chat","store"],"extensions":{ "x" : [true] }}`

func TestRoundTrip(t *testing.T) {
	p, err := persona.Unmarshal([]byte(full))
	require.NoError(t, err)
	require.NoError(t, p.Validate())
	assert.Equal(t, "Lan", p.Name)
	assert.Equal(t, persona.Lead, p.Lifecycle)
	assert.Equal(t, []channel.Channel{channel.Chat, channel.Store}, p.PreferredChannels)
	assert.Equal(t, `{"k": 1}`, string(p.Demographics.Extensions))

	out, err := persona.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, full, string(out), "members in document order, extensions verbatim")

	var std persona.Persona
	require.NoError(t, json.Unmarshal(out, &std))
	assert.Equal(t, *p, std, "encoding/json reads the same values")

	indented, err := persona.MarshalIndent(p, "  ")
	require.NoError(t, err)
	back, err := persona.Unmarshal(indented)
	require.NoError(t, err)
	assert.Equal(t, p, back)

	viaJSON, err := json.Marshal(*p)
	require.NoError(t, err)
	assert.JSONEq(t, full, string(viaJSON))
}

func TestFilledID(t *testing.T) {
	in := []byte(`{"name":"Minh"}`)
	a, err := persona.Unmarshal(in)
	require.NoError(t, err)
	b, err := persona.Unmarshal(in)
	require.NoError(t, err)
	assert.Equal(t, a.ID, b.ID)
	assert.Equal(t, uuid.NewSHA1(persona.Namespace(), in), a.ID)
	out, err := persona.Marshal(&persona.Persona{Name: "no id"})
	require.NoError(t, err)
	assert.Equal(t, `{"name":"no id"}`, string(out), "a nil id is left out")
}

func TestDecodeRejections(t *testing.T) {
	tests := []struct {
		in       string
		path     string
		sentinel error
	}{
		{`{"name":"a","age":3}`, "age", docerr.ErrUnknownField},
		{`{"name":"a","name":"b"}`, "name", docerr.ErrDuplicateKey},
		{`{"name":"a","demographics":{"gender":"x","gender":"y"}}`, "demographics.gender", docerr.ErrDuplicateKey},
		{`{"name":"a","demographics":{"height":1}}`, "demographics.height", docerr.ErrUnknownField},
		{`{"name":"a","lifecycle":"fan"}`, "lifecycle", docerr.ErrEnum},
		{`{"name":"a","preferred_channels":["chat","fax"]}`, "preferred_channels[1]", docerr.ErrEnum},
		{`{"name":null}`, "name", docerr.ErrType},
		{`{"name":"a","goals":"g"}`, "goals", docerr.ErrType},
		{`{"name":"a","id":"x"}`, "id", docerr.ErrInvalid},
		{`{"name":"a"} {}`, "", docerr.ErrTrailingData},
		{`{"name":"` + "\xff" + `"}`, "name", docerr.ErrInvalidUTF8},
		{`{"name":"a","extensions":` + strings.Repeat("[", 80) + strings.Repeat("]", 80) + `}`, "extensions", docerr.ErrType},
		{`{"name":"a","extensions":{"a":` + strings.Repeat("[", 80) + strings.Repeat("]", 80) + `}}`, `extensions["a"]` + strings.Repeat("[0]", 62), docerr.ErrTooDeep},
		{`{"name":"a"`, "", docerr.ErrSyntax},
	}
	for _, tc := range tests {
		p, err := persona.Unmarshal([]byte(tc.in))
		assert.Nil(t, p)
		var list docerr.List
		require.ErrorAs(t, err, &list, tc.in)
		found := false
		for _, e := range list {
			found = found || (e.Path == tc.path && errors.Is(e, tc.sentinel))
		}
		assert.True(t, found, "%s: want %v at %q, got %v", tc.in, tc.sentinel, tc.path, err)
	}
	_, err := persona.Decode(strings.NewReader(full), persona.DecodeOptions{MaxBytes: 20})
	assert.ErrorIs(t, err, docerr.ErrTooLarge)
	p, err := persona.Decode(strings.NewReader(full), persona.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "Lan", p.Name)
}

func TestEncodeRejections(t *testing.T) {
	_, err := persona.Marshal(&persona.Persona{Name: "a", Lifecycle: "fan"})
	assert.ErrorIs(t, err, docerr.ErrEnum)
	assert.True(t, strings.HasPrefix(err.Error(), "lifecycle: "), err.Error())
	_, err = persona.Marshal(&persona.Persona{Name: "a", PreferredChannels: []channel.Channel{"fax"}})
	assert.True(t, strings.HasPrefix(err.Error(), "preferred_channels[0]: "), err.Error())
	_, err = persona.Marshal(&persona.Persona{Name: "a", Demographics: &persona.Demographics{Extensions: []byte("{")}})
	assert.ErrorIs(t, err, docerr.ErrSyntax)
	assert.True(t, strings.HasPrefix(err.Error(), "demographics.extensions: "), err.Error())
}

func TestClone(t *testing.T) {
	p, err := persona.Unmarshal([]byte(full))
	require.NoError(t, err)
	before, err := persona.Marshal(p)
	require.NoError(t, err)
	c := p.Clone()
	assert.Equal(t, p, c)
	c.Goals[0], c.Needs[0], c.Frustrations[0], c.Behaviors[0] = "x", "x", "x", "x"
	c.PreferredChannels[0] = channel.Email
	c.Demographics.Location = "x"
	c.Demographics.Extensions[1] = ' '
	c.Extensions[1] = '\n'
	after, err := persona.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	var nilP *persona.Persona
	assert.Nil(t, nilP.Clone())
}
