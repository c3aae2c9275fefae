package journey_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
)

func TestTemplatesMatchTheArticles(t *testing.T) {
	tests := []struct {
		name   string
		en, vi []string
		phases []journey.Phase
	}{
		{journey.TemplatePurchaseTimeline,
			[]string{"Before purchase", "During purchase", "After purchase"},
			[]string{"Trước khi mua hàng", "Trong khi mua hàng", "Sau khi mua hàng"},
			[]journey.Phase{journey.BeforePurchase, journey.DuringPurchase, journey.AfterPurchase}},
		{journey.TemplateClassic,
			[]string{"Awareness", "Consideration", "Purchase", "Retention", "Advocacy"},
			[]string{"Nhận biết", "Cân nhắc", "Mua hàng", "Giữ chân", "Ủng hộ"},
			[]journey.Phase{journey.BeforePurchase, journey.BeforePurchase, journey.DuringPurchase, journey.AfterPurchase, journey.AfterPurchase}},
		{journey.TemplateInbound,
			[]string{"Attract", "Convert", "Close", "Delight"},
			[]string{"Thu hút", "Chuyển đổi", "Chốt đơn hàng", "Hài lòng"},
			[]journey.Phase{journey.BeforePurchase, journey.BeforePurchase, journey.DuringPurchase, journey.AfterPurchase}},
		{journey.TemplateCustomerValueJourney,
			[]string{"Aware", "Engage", "Subscribe", "Convert", "Excite", "Ascend", "Advocate", "Promote"},
			[]string{"Nhận thức", "Gắn kết", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp giá trị", "Ủng hộ", "Quảng bá"},
			[]journey.Phase{journey.BeforePurchase, journey.BeforePurchase, journey.BeforePurchase, journey.DuringPurchase, journey.AfterPurchase, journey.AfterPurchase, journey.AfterPurchase, journey.AfterPurchase}},
		{journey.TemplateB2B,
			[]string{"Research", "Compare", "Doubt", "Hesitate", "Decide"},
			[]string{"Nghiên cứu", "So sánh", "Nghi ngờ", "Do dự", "Quyết định"},
			[]journey.Phase{journey.BeforePurchase, journey.BeforePurchase, journey.BeforePurchase, journey.BeforePurchase, journey.DuringPurchase}},
	}
	require.Len(t, journey.Templates(), len(tests))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for lang, want := range map[string][]string{"en": tc.en, "": tc.en, "vi": tc.vi, "vi-VN": tc.vi} {
				j, err := journey.FromTemplate(tc.name, "T", journey.CurrentState, lang)
				require.NoError(t, err)
				require.NoError(t, j.Validate(), "a scaffold is a valid document")
				var names []string
				var phases []journey.Phase
				for _, s := range j.Stages {
					names = append(names, s.Name)
					phases = append(phases, s.Phase)
				}
				assert.Equal(t, want, names, "lang %q", lang)
				assert.Equal(t, tc.phases, phases)
				assert.Equal(t, lang, j.Language)
			}
		})
	}
}

func TestTemplateByName(t *testing.T) {
	tpl, err := journey.TemplateByName("INBOUND")
	require.NoError(t, err)
	assert.Equal(t, "Inbound marketing", tpl.Title)
	assert.Equal(t, "Inbound marketing", tpl.TitleIn("fr"), "a language without words reads English")
	classic, err := journey.TemplateByName(journey.TemplateClassic)
	require.NoError(t, err)
	assert.Equal(t, "Phễu cổ điển", classic.TitleIn("vi-VN"), "the title in the catalog's Vietnamese")
	assert.Equal(t, "Ủng hộ", classic.Stages[4].StageName("vi"))
	assert.Equal(t, "Own", journey.TemplateStage{Name: "Own"}.StageName("vi"), "a stage not from Templates keeps its Name")

	_, err = journey.TemplateByName("aida")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"aida"`)
	assert.Contains(t, err.Error(), "purchase_timeline, classic, inbound, customer_value_journey, b2b")
}

func TestTemplatesAreCopies(t *testing.T) {
	a := journey.Templates()
	a[0].Stages[0].Name = "changed"
	assert.Equal(t, "Before purchase", journey.Templates()[0].Stages[0].Name)
}

func TestStagePhasesNeverGoBackwards(t *testing.T) {
	for _, tpl := range journey.Templates() {
		for i := 1; i < len(tpl.Stages); i++ {
			assert.GreaterOrEqual(t, tpl.Stages[i].Phase.Order(), tpl.Stages[i-1].Phase.Order(), "%s stage %d", tpl.Name, i)
		}
	}
}

func TestIsVietnamese(t *testing.T) {
	for _, tag := range []string{"vi", "VI", "vi-VN", "vi_VN", " vi-VN "} {
		assert.True(t, journey.IsVietnamese(tag), tag)
	}
	for _, tag := range []string{"", "en", "en-US", "fr", "vie", "vi2", "zh-vi", "-vi", "v"} {
		assert.False(t, journey.IsVietnamese(tag), tag)
	}
}
