package build

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRewriteStrings(t *testing.T) {
	in, err := json.Marshal(map[string]string{"a": "<b> & \\u003c \u00a0\ufeff\u2028 tài"})
	require.NoError(t, err)
	got := string(rewriteStrings(in))
	assert.Equal(t, `{"a":"<b> & \\u003c \u00a0\ufeff\u2028 tài"}`, got)
	var back map[string]string
	require.NoError(t, json.Unmarshal([]byte(got), &back))
	assert.Equal(t, "<b> & \\u003c \u00a0\ufeff\u2028 tài", back["a"], "the text is unchanged")
}

// expectedKeys returns every key a catalog must hold: each document type,
// each of its properties by JSON name, each enum type and each enum value.
func expectedKeys(t *testing.T) []string {
	t.Helper()
	var keys []string
	for _, st := range StructTypes() {
		keys = append(keys, st.Name())
		for i := range st.NumField() {
			f := st.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			require.NotEmpty(t, name, "%s.%s has no json name", st, f.Name)
			if name != "-" {
				keys = append(keys, st.Name()+"."+name)
			}
		}
	}
	for _, et := range EnumTypes() {
		keys = append(keys, et.Name())
		for _, v := range EnumValues(et) {
			keys = append(keys, et.Name()+"."+v)
		}
	}
	slices.Sort(keys)
	return keys
}

func TestCatalogsCoverExactlyTheDocument(t *testing.T) {
	want := expectedKeys(t)
	for _, c := range catalogs {
		var got []string
		for k, txt := range c.texts {
			got = append(got, k)
			assert.NotEmpty(t, txt.title, "%s %s: title", c.lang, k)
			assert.NotEmpty(t, txt.description, "%s %s: description", c.lang, k)
			assert.True(t, strings.HasSuffix(txt.description, "."), "%s %s: a description is a sentence: %q", c.lang, k, txt.description)
			assert.Equal(t, strings.TrimSpace(txt.title), txt.title, "%s %s", c.lang, k)
		}
		slices.Sort(got)
		assert.Equal(t, want, got, "%s: the catalog must name every type, property, enum and value, and nothing else", c.lang)
		for k := range c.examples {
			assert.Contains(t, want, k, "%s: examples for an unknown key", c.lang)
		}
	}
	for k := range numberExamples {
		assert.Contains(t, want, k, "number examples for an unknown key")
	}
	for k := range defaults {
		assert.Contains(t, want, k, "a default for an unknown key")
	}
}

// A Vietnamese text is not an English one left untranslated.
func TestVietnameseIsTranslated(t *testing.T) {
	for k, en := range english.texts {
		vi := vietnamese.texts[k]
		assert.NotEqual(t, en.title, vi.title, "%s: Vietnamese title is the English one", k)
		assert.NotEqual(t, en.description, vi.description, "%s: Vietnamese description is the English one", k)
	}
}

func TestWordsForUnknownLanguage(t *testing.T) {
	_, err := wordsFor("fr")
	assert.ErrorContains(t, err, `no schema in language "fr" (have en, vi)`)
	_, err = Reflect(reflect.TypeFor[struct{}](), "fr", true)
	assert.Error(t, err)
}
