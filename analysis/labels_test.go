package analysis_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/analysis"
)

// TestTitlesAreComplete: every code, severity and factor the package reports
// has a title in English and in Vietnamese; the two differ, and neither is
// the bare name (a title for people, not a key).
func TestTitlesAreComplete(t *testing.T) {
	seen := map[string]map[string]string{"en": {}, "vi": {}}
	for _, lang := range []string{"en", "vi"} {
		for _, code := range analysis.Codes() {
			title, ok := analysis.CodeTitle(code, lang)
			assert.True(t, ok, "%s: %s", lang, code)
			assert.NotEmpty(t, title, "%s: %s", lang, code)
			assert.NotEqual(t, code, title, "%s: %s", lang, code)
			if other, dup := seen[lang][title]; dup {
				t.Errorf("%s: codes %s and %s share the title %q", lang, other, code, title)
			}
			seen[lang][title] = code
		}
		for _, s := range analysis.Severities() {
			assert.NotEqual(t, string(s), s.Title(lang), "%s: %s", lang, s)
			assert.NotEmpty(t, s.Title(lang))
		}
		for _, f := range analysis.FactorNames() {
			title := analysis.FactorTitle(f, lang)
			assert.NotEmpty(t, title, "%s: %s", lang, f)
			assert.NotEqual(t, f, title, "%s: %s", lang, f)
		}
	}
	for _, code := range analysis.Codes() {
		en, _ := analysis.CodeTitle(code, "en")
		vi, _ := analysis.CodeTitle(code, "vi")
		assert.NotEqual(t, en, vi, code)
	}
	for _, f := range analysis.FactorNames() {
		assert.NotEqual(t, analysis.FactorTitle(f, "en"), analysis.FactorTitle(f, "vi"), f)
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		lang, code, wantCode string
		severity             analysis.Severity
		wantSeverity         string
		factor, wantFactor   string
	}{
		{"", analysis.CodeNoOwner, "Touchpoint without an owner", analysis.Warning, "Warning", "channel_handoff", "channel hand-off"},
		{"en-GB", analysis.CodeBelowTarget, "Metric missing its target", analysis.Critical, "Critical", "pain.support", "support pain"},
		{"fr", analysis.CodeNoObjective, "Journey without an objective", analysis.Info, "Info", "drop_off", "drop-off"},
		{"vi", analysis.CodeNoOwner, "Điểm chạm chưa có người phụ trách", analysis.Warning, "Cảnh báo", "channel_handoff", "chuyển kênh"},
		{" VI_vn ", analysis.CodeBelowTarget, "Chỉ số chưa đạt mục tiêu", analysis.Critical, "Nghiêm trọng", "pain.support", "điểm đau hỗ trợ"},
	}
	for _, tt := range tests {
		got, ok := analysis.CodeTitle(tt.code, tt.lang)
		assert.True(t, ok)
		assert.Equal(t, tt.wantCode, got, "%q", tt.lang)
		assert.Equal(t, tt.wantSeverity, tt.severity.Title(tt.lang), "%q", tt.lang)
		assert.Equal(t, tt.wantFactor, analysis.FactorTitle(tt.factor, tt.lang), "%q", tt.lang)
	}
	// Names the package does not report come back as they are.
	got, ok := analysis.CodeTitle("custom.check", "vi")
	assert.False(t, ok)
	assert.Equal(t, "custom.check", got)
	assert.Equal(t, "odd", analysis.Severity("odd").Title("vi"))
	assert.Equal(t, "custom_factor", analysis.FactorTitle("custom_factor", "en"))
}

// A service that lists findings in its own interface can title them with the
// words of the HTML page, in the reader's language.
func ExampleCodeTitle() {
	f := analysis.Finding{Code: analysis.CodeNoOwner, Severity: analysis.Warning}
	for _, lang := range []string{"en", "vi"} {
		title, _ := analysis.CodeTitle(f.Code, lang)
		fmt.Printf("%s · %s\n", f.Severity.Title(lang), title)
	}
	fmt.Println(analysis.FactorTitle("channel_handoff", "vi"))
	// Output:
	// Warning · Touchpoint without an owner
	// Cảnh báo · Điểm chạm chưa có người phụ trách
	// chuyển kênh
}
