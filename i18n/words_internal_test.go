package i18n

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// missing lists the words of v (a Words or one of its parts) that are
// empty: blank strings, nil functions, and nil or empty maps, by field path.
func missing(v reflect.Value, path string) []string {
	var out []string
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		p := path + "." + sf.Name
		switch f.Kind() {
		case reflect.String:
			if f.String() == "" {
				out = append(out, p)
			}
		case reflect.Func, reflect.Map:
			if f.IsNil() || (f.Kind() == reflect.Map && f.Len() == 0) {
				out = append(out, p)
			}
		case reflect.Struct:
			if sf.Name != "Format" {
				out = append(out, missing(f, p)...)
			}
		}
	}
	return out
}

// mapKeys returns the sorted keys of the map v, read through reflection
// (the maps are unexported fields).
func mapKeys(v reflect.Value) []string {
	var keys []string
	for _, k := range v.MapKeys() {
		keys = append(keys, k.String())
	}
	slices.Sort(keys)
	return keys
}

// TestEveryLanguageHasEveryWord: no word of any language is left empty,
// and every name (channel, phase, code, ...) one language gives, every
// language gives, so a page never falls back to a document value in one
// language only.
func TestEveryLanguageHasEveryWord(t *testing.T) {
	en := reflect.ValueOf(english)
	for _, lang := range Languages() {
		w := reflect.ValueOf(*lang.Words())
		assert.Empty(t, missing(w, string(lang)), "words %s leaves empty", lang)
		for i := range w.NumField() {
			if w.Field(i).Kind() != reflect.Map {
				continue
			}
			keys := mapKeys(w.Field(i))
			want := mapKeys(en.Field(i))
			assert.Equal(t, want, keys, "%s: %s names other values than English", lang, w.Type().Field(i).Name)
		}
	}
}

// TestMessagesAreComplete calls every message function of every language
// with the same facts: each gives a sentence, and no two languages give
// the same one (a forgotten translation copied from English).
func TestMessagesAreComplete(t *testing.T) {
	seen := map[string]Language{}
	for _, lang := range Languages() {
		w := lang.Words()
		assert.Empty(t, w.Funnel.Mode("sideways"), "%s: a mode it does not know is not said", lang)
		f := w.Findings
		for _, s := range []string{
			f.NoObjective, f.NoPersonas, f.PersonaUnserved(`"Lan"`), f.ChannelMissing(`"Lan"`, "store"),
			f.PhaseUncovered("after_purchase", 0), f.PhaseUncovered("after_purchase", 2),
			f.NoTouchpoints(`"S"`), f.SingleTouchpoint(`"S"`), f.TooManyTouchpoints(`"S"`, 9, 7),
			f.NoOwner(`"T"`), f.Unmeasured(`"T"`), f.NoBackstage(`"T"`), f.Unaddressed(`"P"`, "high", "process"),
			f.SupportWithoutContact(`"P"`, `"S"`), f.BelowTarget(`"M"`, 0.2, 0.25, "%", false),
			w.Details.Pain(SeverityCounts{Low: 1}), w.Details.Emotion(-1), w.Details.Dip(1, -1), w.Details.Handoff("website", "phone"),
			w.Details.OnRoutes("x", []string{`"Lan"`}),
			w.Report.Findings(2), w.Report.Friction(0.5, 1), w.Diff.Journey("0 → 1"),
			w.Funnel.Counts(1, 2, 3), w.Funnel.Variants(4), w.Funnel.Variant(nil, nil, nil, false),
			w.Funnel.Page.Breakdown("plan"), w.Funnel.Page.Group("gold", "3"),
			w.Funnel.Page.MoreNext("2", "5"), w.Funnel.Page.BinUnder("1s"), w.Funnel.Page.BinFrom("1s", "2s"),
			w.Funnel.Page.Bins([]string{"x: 1"}), w.Funnel.Page.AfterDropOff, w.Funnel.Page.TimeToConvert,
			w.Funnel.Mode("ordered"), w.Funnel.Mode("strict"), w.Funnel.Mode("any"),
			w.Funnel.Alternative("T"), w.Funnel.AdHoc("k"), w.Funnel.Route(`"Lan"`, 2), w.Funnel.RouteWithoutPersona(2),
			w.Funnel.Group("c", `"v"`, 2), w.Funnel.MoreGroups(2), w.Funnel.Folded(21),
			w.Funnel.BadRows(2), w.Funnel.Line(9), w.Funnel.More(2),
			w.Funnel.BadReason("out_of_order", 2), w.Funnel.BadReason("unheard_of", 2), w.Funnel.BadHint("out_of_order"),
			w.Funnel.Title("J", "s.csv", time.Hour), w.Funnel.Customers(1, 2, 3, 4, 5),
			w.Import.Place("Map", 2, true, "c"), w.Import.Place("", 3, false, ""), w.Import.Empty([]string{"stage"}),
			w.Import.NoHeader([]string{"stage"}), w.Import.Delimiter(';'), w.Import.TooLarge(20, 10), w.Import.TooMany(2),
			w.Import.LineTooLong(64), w.Import.Unclosed, w.Import.AfterQuote, w.Import.BareQuote,
			w.Import.UnknownColumn([]string{"stage"}), w.Import.SameColumn("stage", "x"), w.Import.MissingColumn("stage"),
			w.Import.RowLength(3, 2), w.Import.Unheaded("x"), w.Import.NotUUID("x"),
			w.Import.NotAllowed("x", "phase", []string{"a"}), w.Import.Allowed("phase", "before_purchase"),
			w.Import.NotNumber("x"), w.Import.OutOfRange(3), w.Import.FirstStage, w.Import.StageName,
			w.Import.StagePhase("S"), w.Import.StageNamed("id", "S", 2), w.Import.PhaseConflict("S", "after_purchase", 2),
			w.Import.NoTouchpoint, w.Import.TouchpointName, w.Import.TouchpointStage("id", "S", 2),
			w.Import.TouchpointNamed("id", "T", 2), w.Import.TouchpointChannel("T"), w.Import.ValueConflict("T", "channel", "email", 2),
			w.Import.PainID("id", 2), w.Import.PainTitle, w.Import.PainCategory, w.Import.PainLevel,
		} {
			assert.NotEmpty(t, s, lang)
			if other, ok := seen[s]; ok {
				assert.Fail(t, "the same sentence in two languages", "%s and %s: %q", other, lang, s)
			}
			seen[s] = lang
		}
	}
}

// TestTemplatesHaveEveryStage: every language names every stage of every
// template, so a journey scaffolded in any language has the same stages.
func TestTemplatesHaveEveryStage(t *testing.T) {
	for _, lang := range Languages() {
		w := lang.Words()
		for name, en := range english.templates {
			got, ok := w.Template(name)
			assert.True(t, ok, "%s: %s", lang, name)
			assert.Len(t, got.Stages, len(en.Stages), "%s: %s", lang, name)
			assert.NotContains(t, append(got.Stages, got.Title, got.Description), "", "%s: %s has a blank word", lang, name)
		}
	}
	tw, _ := English.Words().Template("inbound")
	tw.Stages[0] = "changed"
	again, _ := English.Words().Template("inbound")
	assert.Equal(t, "Attract", again.Stages[0], "Template returns a copy")
}
