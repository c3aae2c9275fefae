package journey

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/safetext"
)

// Template is a ready set of stages from the source articles: the purchase
// phase of each stage, and the words for people (title, description, stage
// names) from the catalog of package i18n, in every language it speaks.
type Template struct {
	// Name is the template's key, e.g. "inbound".
	Name string
	// Title is the template's English title, e.g. "Inbound marketing";
	// TitleIn gives it in another language.
	Title string
	// Description says in English when to use it.
	Description string
	// Stages in journey order.
	Stages []TemplateStage
}

// TemplateStage is one stage of a template.
type TemplateStage struct {
	// Name is the English stage name; StageName gives it in another language.
	Name string
	// Phase is the purchase phase the stage belongs to.
	Phase Phase

	template string // the template's key, to find the stage's words
	index    int    // the stage's place in the template
}

// The template names.
const (
	TemplatePurchaseTimeline     = "purchase_timeline"
	TemplateClassic              = "classic"
	TemplateInbound              = "inbound"
	TemplateCustomerValueJourney = "customer_value_journey"
	TemplateB2B                  = "b2b"
)

// templatePhases are the templates, in the order Templates lists them, and
// the phase of each stage; their words are in package i18n.
var templatePhases = []struct {
	name   string
	phases []Phase
}{
	{TemplatePurchaseTimeline, []Phase{BeforePurchase, DuringPurchase, AfterPurchase}},
	{TemplateClassic, []Phase{BeforePurchase, BeforePurchase, DuringPurchase, AfterPurchase, AfterPurchase}},
	{TemplateInbound, []Phase{BeforePurchase, BeforePurchase, DuringPurchase, AfterPurchase}},
	{TemplateCustomerValueJourney, []Phase{BeforePurchase, BeforePurchase, BeforePurchase, DuringPurchase,
		AfterPurchase, AfterPurchase, AfterPurchase, AfterPurchase}},
	{TemplateB2B, []Phase{BeforePurchase, BeforePurchase, BeforePurchase, BeforePurchase, DuringPurchase}},
}

// Templates returns the built-in stage templates: purchase timeline (3),
// classic (5), inbound (4), customer value journey (8) and B2B (5). The
// result is a fresh copy the caller may change.
func Templates() []Template {
	en := i18n.English.Words()
	out := make([]Template, len(templatePhases))
	for i, tp := range templatePhases {
		w, _ := en.Template(tp.name)
		t := Template{Name: tp.name, Title: w.Title, Description: w.Description, Stages: make([]TemplateStage, len(tp.phases))}
		for k, ph := range tp.phases {
			t.Stages[k] = TemplateStage{Name: w.Stages[k], Phase: ph, template: tp.name, index: k}
		}
		out[i] = t
	}
	return out
}

// TitleIn returns the template's title in the language of the BCP 47 tag
// lang (i18n.Resolve): "Phễu cổ điển" for "vi"; English for a language
// journeymap does not speak.
func (t Template) TitleIn(lang string) string {
	if w, ok := i18n.Resolve(lang, "").Words().Template(t.Name); ok {
		return w.Title
	}
	return t.Title
}

// TemplateByName returns the template called name (case-insensitive), or
// an error that lists the known names.
func TemplateByName(name string) (Template, error) {
	names := make([]string, 0, 5)
	for _, t := range Templates() {
		if strings.EqualFold(t.Name, name) {
			return t, nil
		}
		names = append(names, t.Name)
	}
	return Template{}, fmt.Errorf("journey: unknown template %s (known: %s)", safetext.Quote(name), strings.Join(names, ", "))
}

// IsVietnamese reports whether the BCP 47 tag lang is Vietnamese: "vi", or
// a "vi-…" tag ("vi-VN"), also written "vi_VN", in any case, spaces around
// it ignored. It asks i18n.Parse, the one place tags are read; new code
// should call i18n.Resolve, which also applies the rule "explicit, else
// the document's language, else English".
func IsVietnamese(lang string) bool {
	l, _ := i18n.Parse(lang)
	return l == i18n.Vietnamese
}

// StageName returns the stage's name in the language of the BCP 47 tag
// lang (i18n.Resolve): "Nhận biết" for "vi"; English for a language
// journeymap does not speak, and Name for a stage not from Templates.
func (s TemplateStage) StageName(lang string) string {
	if w, ok := i18n.Resolve(lang, "").Words().Template(s.template); ok && s.index < len(w.Stages) {
		return w.Stages[s.index]
	}
	return s.Name
}

// Apply appends the template's stages to j, named in j.Language, each with a
// fresh random id and its phase, and returns the new stages.
func (t Template) Apply(j *Journey) []*Stage {
	added := make([]*Stage, 0, len(t.Stages))
	for _, ts := range t.Stages {
		added = append(added, j.AddStage(ts.StageName(j.Language), ts.Phase))
	}
	return added
}

// FromTemplate returns a new journey of type typ titled title, in language
// lang (a BCP 47 tag such as "en" or "vi"; empty means English), with the
// stages of the named template.
func FromTemplate(name, title string, typ Type, lang string) (*Journey, error) {
	t, err := TemplateByName(name)
	if err != nil {
		return nil, err
	}
	j := New(title, typ)
	j.Language = lang
	t.Apply(j)
	return j, nil
}
