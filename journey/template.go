package journey

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/safetext"
)

// Template is a ready set of stages from the source articles, with names in
// English and Vietnamese and the purchase phase of each stage.
type Template struct {
	// Name is the template's key, e.g. "inbound".
	Name string
	// Title is the template's English title, e.g. "Inbound marketing".
	Title string
	// TitleVI is the template's Vietnamese title.
	TitleVI string
	// Description says when to use it.
	Description string
	// Stages in journey order.
	Stages []TemplateStage
}

// TemplateStage is one stage of a template.
type TemplateStage struct {
	// Name is the English stage name.
	Name string
	// NameVI is the Vietnamese stage name.
	NameVI string
	// Phase is the purchase phase the stage belongs to.
	Phase Phase
}

// The template names.
const (
	TemplatePurchaseTimeline     = "purchase_timeline"
	TemplateClassic              = "classic"
	TemplateInbound              = "inbound"
	TemplateCustomerValueJourney = "customer_value_journey"
	TemplateB2B                  = "b2b"
)

// Templates returns the built-in stage templates: purchase timeline (3),
// classic (5), inbound (4), customer value journey (8) and B2B (5). The
// result is a fresh copy the caller may change.
func Templates() []Template {
	return []Template{
		{
			Name: TemplatePurchaseTimeline, Title: "Purchase timeline", TitleVI: "Dòng thời gian mua hàng",
			Description: "The three phases every journey passes through: before, during and after purchase.",
			Stages: []TemplateStage{
				{"Before purchase", "Trước khi mua hàng", BeforePurchase},
				{"During purchase", "Trong khi mua hàng", DuringPurchase},
				{"After purchase", "Sau khi mua hàng", AfterPurchase},
			},
		},
		{
			Name: TemplateClassic, Title: "Classic funnel", TitleVI: "Phễu cổ điển",
			Description: "Awareness to advocacy: the common marketing funnel.",
			Stages: []TemplateStage{
				{"Awareness", "Nhận biết", BeforePurchase},
				{"Consideration", "Cân nhắc", BeforePurchase},
				{"Purchase", "Mua hàng", DuringPurchase},
				{"Retention", "Giữ chân", AfterPurchase},
				{"Advocacy", "Ủng hộ", AfterPurchase},
			},
		},
		{
			Name: TemplateInbound, Title: "Inbound marketing", TitleVI: "Inbound marketing",
			Description: "Attract, convert, close, delight: strangers become visitors, leads, customers and promoters.",
			Stages: []TemplateStage{
				{"Attract", "Thu hút", BeforePurchase},
				{"Convert", "Chuyển đổi", BeforePurchase},
				{"Close", "Chốt đơn hàng", DuringPurchase},
				{"Delight", "Hài lòng", AfterPurchase},
			},
		},
		{
			Name: TemplateCustomerValueJourney, Title: "Customer value journey", TitleVI: "Hành trình giá trị khách hàng",
			Description: "Eight stages from first awareness to promoting the brand, with value given at each step.",
			Stages: []TemplateStage{
				{"Aware", "Nhận thức", BeforePurchase},
				{"Engage", "Gắn kết", BeforePurchase},
				{"Subscribe", "Đăng ký", BeforePurchase},
				{"Convert", "Chuyển đổi", DuringPurchase},
				{"Excite", "Hứng thú", AfterPurchase},
				{"Ascend", "Nâng cấp giá trị", AfterPurchase},
				{"Advocate", "Ủng hộ", AfterPurchase},
				{"Promote", "Quảng bá", AfterPurchase},
			},
		},
		{
			Name: TemplateB2B, Title: "B2B purchase", TitleVI: "Mua hàng B2B",
			Description: "How a business buys: research, compare, doubt, hesitate, decide. Add after-purchase stages for onboarding and renewal.",
			Stages: []TemplateStage{
				{"Research", "Nghiên cứu", BeforePurchase},
				{"Compare", "So sánh", BeforePurchase},
				{"Doubt", "Nghi ngờ", BeforePurchase},
				{"Hesitate", "Do dự", BeforePurchase},
				{"Decide", "Quyết định", DuringPurchase},
			},
		},
	}
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

// StageName returns the stage's name in lang: Vietnamese for "vi" tags,
// English otherwise.
func (s TemplateStage) StageName(lang string) string {
	if IsVietnamese(lang) {
		return s.NameVI
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
