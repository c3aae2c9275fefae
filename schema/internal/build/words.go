package build

import (
	"fmt"
	"slices"
	"strings"
)

// text is what people read of one node of a schema in one language.
type text struct {
	title, description string
}

// words is one language's catalog of titles, descriptions and examples.
// Descriptions are written for the people who fill in a form, never taken
// from Go doc comments: they name no Go identifier.
type words struct {
	lang     string
	texts    map[string]text
	examples map[string][]any
}

// catalogs holds every language the schemas are published in, English first.
var catalogs = []*words{&english, &vietnamese}

// Languages returns the tags of the languages the schemas are published in,
// English ("en") first.
func Languages() []string {
	out := make([]string, len(catalogs))
	for i, c := range catalogs {
		out[i] = c.lang
	}
	return out
}

// wordsFor returns the catalog of lang ("" is English).
func wordsFor(lang string) (*words, error) {
	if lang == "" {
		return &english, nil
	}
	for _, c := range catalogs {
		if c.lang == lang {
			return c, nil
		}
	}
	return nil, fmt.Errorf("schema: no schema in language %q (have %s)", lang, strings.Join(Languages(), ", "))
}

// text returns the entry for key, or an error naming the key and language so
// a new field cannot reach the schema without words for people.
func (w *words) text(key string) (text, error) {
	t, ok := w.texts[key]
	if !ok || t.title == "" || t.description == "" {
		return text{}, fmt.Errorf("schema: no %s title and description for %q: add them to words_%s.go", w.lang, key, w.lang)
	}
	return t, nil
}

// examplesFor returns the examples of key: the language's own, else the
// language-neutral ones.
func (w *words) examplesFor(key string) []any {
	if e, ok := w.examples[key]; ok {
		return slices.Clone(e)
	}
	return slices.Clone(numberExamples[key])
}

// numberExamples are examples that read the same in every language.
var numberExamples = map[string][]any{
	"Journey.review_every_days":   {90},
	"Opportunity.impact":          {4},
	"Opportunity.effort":          {2},
	"Touchpoint.emotion":          {-1.5, 1},
	"Touchpoint.persona_emotions": {map[string]any{"4d39c3d1-522b-50c7-a6c8-520afcff79a6": -2}},
	"Metric.value":                {0.62, 45},
	"Metric.target":               {0.75},
}

// defaults are the values the decoder gives a member that is left out, where
// that value is fixed (a default that depends on another member, such as a
// touchpoint's mode, is described instead).
var defaults = map[string]any{
	"Journey.schema_version": 1,
	"Opportunity.status":     "idea",
}
