package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/schema"
)

func TestSchemaForAndLang(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		name  string
		lang  string
		title string
		why   string
	}{
		{nil, "journey", "en", "Customer journey map", "the journey in English by default"},
		{[]string{"-for", "persona"}, "persona", "en", "Persona", "a persona on its own"},
		{[]string{"-for", "painpoint", "-lang", "vi"}, "painpoint", "vi", "Điểm đau", "a pain point in Vietnamese"},
		{[]string{"-lang", "vi"}, "journey", "vi", "Bản đồ hành trình khách hàng", "the journey in Vietnamese"},
	} {
		r := cli(t, "", append([]string{"schema"}, tt.args...)...)
		require.Equal(t, exitOK, r.code, "%s: %s", tt.why, r.stderr)
		want, err := schema.Lookup(tt.name, tt.lang)
		require.NoError(t, err)
		assert.Equal(t, string(want), r.stdout, tt.why)
		var s map[string]any
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &s))
		assert.Equal(t, tt.title, s["title"], tt.why)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-for", "stage"}, `"stage"`},
		{[]string{"-lang", "fr"}, `"fr"`},
	} {
		r := cli(t, "", append([]string{"schema"}, tt.args...)...)
		assert.Equal(t, exitUsage, r.code, tt.args)
		assert.Contains(t, r.stderr, tt.want, tt.args)
		assert.Empty(t, r.stdout)
	}
}
