package analysis_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// TestLanguageTags: "vi" and its regional tags, in any case and with either
// separator, give Vietnamese; any other tag, empty included, gives the
// English messages.
func TestLanguageTags(t *testing.T) {
	j := clean()
	j.Objective = ""
	en := analysis.Analyze(j, analysis.Options{Now: inTime})
	require.Len(t, en.Findings, 1)
	const vi = "Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người đều hiểu bản đồ như nhau."
	for _, tag := range []string{"vi", "VI", "Vi", "vi-VN", "vi_VN", "VI-vn", " vi-VN "} {
		r := analysis.Analyze(j, analysis.Options{Now: inTime, Language: tag})
		require.Len(t, r.Findings, 1, tag)
		assert.Equal(t, vi, r.Findings[0].Message, "%q", tag)
	}
	for _, tag := range []string{"", "en", "en-US", "fr", "vie", "vi2", "v", "zh-vi", "-vi"} {
		r := analysis.Analyze(j, analysis.Options{Now: inTime, Language: tag})
		assert.Equal(t, en, r, "%q", tag)
	}
}

// TestLanguageDefaultsToTheJourneys: without Options.Language the messages
// are in the journey's own language; Options.Language wins over it; a
// journey in a language journeymap does not speak is analysed in English.
func TestLanguageDefaultsToTheJourneys(t *testing.T) {
	const vi = "Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người đều hiểu bản đồ như nhau."
	en := analysis.Analyze(func() *journey.Journey { j := clean(); j.Objective = ""; return j }(), analysis.Options{Now: inTime})
	for _, tc := range []struct {
		journey, option, want, why string
	}{
		{"vi-VN", "", vi, "the journey's language when the caller asks for none"},
		{"vi", "en", en.Findings[0].Message, "the caller's choice wins"},
		{"en", "vi", vi, "the caller's choice wins"},
		{"fr", "", en.Findings[0].Message, "a language without words gives English"},
	} {
		j := clean()
		j.Objective, j.Language = "", tc.journey
		r := analysis.Analyze(j, analysis.Options{Now: inTime, Language: tc.option})
		require.Len(t, r.Findings, 1)
		assert.Equal(t, tc.want, r.Findings[0].Message, tc.why)
	}
}

// vietnameseClean is the clean journey with Vietnamese names, as a
// Vietnamese team writes it.
func vietnameseClean() *journey.Journey {
	j := clean()
	j.Title, j.Objective = "Mua điện thoại trực tuyến", "Tìm ra nơi người mua bỏ cuộc"
	for i, name := range []string{"Khám phá", "Mua hàng", "Nhận hỗ trợ"} {
		j.Stages[i].Name = name
	}
	for k, name := range []string{"Thấy quảng cáo", "Đọc đánh giá", "Thêm vào giỏ hàng", "Thanh toán", "Đọc mục Hỏi đáp", "Gọi tổng đài"} {
		j.Stages[k/2].Touchpoints[k%2].Name = name
	}
	j.Stages[1].Metrics[0].Name = "Tỷ lệ chuyển đổi khi thanh toán"
	j.Stages[2].Touchpoints[0].PainPoints[0].Title = "Mục Hỏi đáp không trả lời được"
	j.Opportunities[0].Title = "Viết lại mục Hỏi đáp"
	return j
}

// englishWords are words of the English messages that no Vietnamese
// message may keep (the journey's names are Vietnamese, and persona_ids is
// the document's member name).
var englishWords = []string{
	"touchpoint", "stage", "pain", "persona ", "owner", "metric", "better", "target", "phase",
	"customer", "journey", "objective", "review", "opportunit", "channel", "no name", "purchase",
	" the ", " is ", " has ", " no ", " and ", " or ", "website", "phone", "financial", "support",
	"medium", "critical", "high", "low",
}

// TestVietnameseMessages raises each finding (every code, both variants of
// phase.uncovered and both directions of metric.below_target) on the
// Vietnamese clean journey and checks its Vietnamese message exactly, and
// that it names its object, keeps no English word and is valid UTF-8 of
// precomposed letters.
func TestVietnameseMessages(t *testing.T) {
	const (
		lan   = `"Lan"`
		faq   = `"Mục Hỏi đáp không trả lời được"`
		help  = `"Nhận hỗ trợ"`
		buy   = `"Mua hàng"`
		after = "khách hàng bị lãng quên sau khi mua (sử dụng, hỗ trợ, gắn bó lâu dài, ủng hộ thương hiệu)."
	)
	tests := []struct {
		name   string
		change func(j *journey.Journey)
		now    time.Time
		code   string
		object string // the quoted name the message must contain, if any
		want   string
	}{
		{"no objective", func(j *journey.Journey) { j.Objective = "" }, inTime, analysis.CodeNoObjective, "",
			"Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người đều hiểu bản đồ như nhau."},
		{"no personas", func(j *journey.Journey) { j.Personas = nil }, inTime, analysis.CodeNoPersonas, "",
			"Hành trình chưa nêu chân dung khách hàng nào: hãy cho biết đây là hành trình của ai, để các điểm chạm và điểm đau được đánh giá từ góc nhìn của một khách hàng thực."},
		{"review overdue", func(*journey.Journey) {}, reviewed.AddDate(0, 0, 35), analysis.CodeReviewOverdue, "",
			"Bản đồ được xem xét lần gần nhất vào ngày 01/10/2026 và cần được xem xét lại mỗi 30 ngày: hạn xem xét lại là ngày 31/10/2026 (đã trễ 5 ngày). Hãy đối chiếu bản đồ với những gì khách hàng đang làm hôm nay."},
		{"before purchase uncovered", func(j *journey.Journey) { j.Stages[0].Phase = journey.DuringPurchase }, inTime, analysis.CodePhaseUncovered, "",
			"Không có điểm chạm nào ở giai đoạn trước khi mua hàng: không có gì giúp khách hàng khám phá, tìm kiếm và so sánh trước khi mua."},
		{"during purchase uncovered", func(j *journey.Journey) { j.Stages[1].Phase = journey.BeforePurchase }, inTime, analysis.CodePhaseUncovered, "",
			"Không có điểm chạm nào ở giai đoạn trong khi mua hàng: bản đồ bỏ trống đúng lúc khách hàng lựa chọn, thanh toán và nhận hàng."},
		{"after purchase uncovered", func(j *journey.Journey) { j.Stages[2].Phase = journey.DuringPurchase }, inTime, analysis.CodePhaseUncovered, "",
			"Không có điểm chạm nào ở giai đoạn sau khi mua hàng: " + after},
		{"after purchase stage without touchpoints", func(j *journey.Journey) { j.Stages[2].Touchpoints = nil }, inTime, analysis.CodePhaseUncovered, "",
			"Giai đoạn sau khi mua hàng có 1 bước nhưng không có điểm chạm nào: " + after},
		{"persona unserved", func(j *journey.Journey) {
			for _, s := range j.Stages {
				for _, t := range s.Touchpoints {
					t.PersonaIDs = []uuid.UUID{id(2)}
				}
			}
			j.Personas = append(j.Personas, &persona.Persona{ID: id(2), Name: "Minh"})
		}, inTime, analysis.CodePersonaUnserved, lan,
			"Không có điểm chạm nào phục vụ chân dung khách hàng \"Lan\": hành trình không hề gặp họ. Hãy thêm điểm chạm dành cho họ hoặc thêm họ vào danh sách chân dung khách hàng mà một điểm chạm phục vụ (persona_ids)."},
		{"preferred channel missing", func(j *journey.Journey) {
			j.Personas[0].PreferredChannels = append(j.Personas[0].PreferredChannels, channel.Chat)
		}, inTime, analysis.CodeChannelMissing, lan,
			"Kênh ưa thích của chân dung khách hàng \"Lan\" là trò chuyện trực tuyến, nhưng không có điểm chạm nào của hành trình dùng kênh này."},
		{"stage without touchpoints", func(j *journey.Journey) {
			j.Stages = append(j.Stages, &journey.Stage{ID: id(13), Name: "Giới thiệu cho bạn bè", Phase: journey.AfterPurchase})
		}, inTime, analysis.CodeNoTouchpoints, `"Giới thiệu cho bạn bè"`,
			"Bước \"Giới thiệu cho bạn bè\" chưa có điểm chạm nào: ở đây khách hàng không gặp điều gì từ thương hiệu. Hãy thêm điểm chạm còn thiếu."},
		{"stage with one touchpoint", func(j *journey.Journey) { j.Stages[0].Touchpoints = j.Stages[0].Touchpoints[:1] }, inTime,
			analysis.CodeSingleTouchpoint, `"Khám phá"`,
			"Bước \"Khám phá\" chỉ có một điểm chạm: nếu điểm chạm này trục trặc, khách hàng không còn nơi nào khác để tìm đến và có thể chuyển sang đối thủ cạnh tranh."},
		{"stage with too many touchpoints", func(j *journey.Journey) {
			for n := range 6 {
				j.Stages[1].Touchpoints = append(j.Stages[1].Touchpoints, tp(uint64(50+n), "Bước phụ", channel.Website, 1))
			}
		}, inTime, analysis.CodeTooManyTouchpoints, buy,
			"Bước \"Mua hàng\" có 8 điểm chạm (nhiều hơn 7): lộ trình rối rắm đối với khách hàng. Hãy cân nhắc gộp hoặc bỏ bớt một số điểm chạm."},
		{"touchpoint without owner", func(j *journey.Journey) { j.Stages[1].Touchpoints[1].Owner = "" }, inTime,
			analysis.CodeNoOwner, `"Thanh toán"`,
			"Điểm chạm \"Thanh toán\" chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này."},
		{"touchpoint without a name or owner", func(j *journey.Journey) {
			j.Stages[1].Touchpoints[1].Owner, j.Stages[1].Touchpoints[1].Name = "", " "
		}, inTime, analysis.CodeNoOwner, "#2 (chưa đặt tên)",
			"Điểm chạm #2 (chưa đặt tên) chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này."},
		{"touchpoint unmeasured", func(j *journey.Journey) { j.Stages[0].Touchpoints[1].Emotion = nil }, inTime,
			analysis.CodeUnmeasured, `"Đọc đánh giá"`,
			"Điểm chạm \"Đọc đánh giá\" chưa được đo lường: không có điểm cảm xúc cũng không có chỉ số nào, nên không ai biết khách hàng trải qua điểm chạm này ra sao."},
		{"blueprint without backstage", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Supports[0].Layer = touchpoint.Frontstage
		}, inTime, analysis.CodeNoBackstage, `"Gọi tổng đài"`,
			"Điểm chạm \"Gọi tổng đài\" không cho thấy điều gì ở phía sau: hãy thêm phần việc hậu cảnh hoặc quy trình hỗ trợ giúp điểm chạm này diễn ra."},
		{"pain point unaddressed", func(j *journey.Journey) { j.Opportunities = nil }, inTime, analysis.CodeUnaddressed, faq,
			"Điểm đau " + faq + " (mức độ trung bình, loại hỗ trợ) chưa được cơ hội cải thiện nào giải quyết."},
		{"critical financial pain point unaddressed", func(j *journey.Journey) {
			j.Opportunities = nil
			p := j.Stages[2].Touchpoints[0].PainPoints[0]
			p.Severity, p.Category = painpoint.Critical, painpoint.Financial
		}, inTime, analysis.CodeUnaddressed, faq,
			"Điểm đau " + faq + " (mức độ nghiêm trọng, loại tài chính) chưa được cơ hội cải thiện nào giải quyết."},
		{"support pain without a contact channel", func(j *journey.Journey) {
			j.Stages[2].Touchpoints[1].Channel = channel.Website
			j.Personas[0].PreferredChannels = j.Personas[0].PreferredChannels[:1]
		}, inTime, analysis.CodeSupportWithoutContact, help,
			"Khách hàng bị mắc kẹt ở điểm đau " + faq + ", nhưng bước " + help + " không có cách nào để liên hệ với một người thật (trò chuyện trực tuyến, điện thoại, thư điện tử, cửa hàng hay nhân viên)."},
		{"metric below target (higher is better)", func(j *journey.Journey) {
			j.Stages[1].Metrics[0].Value, j.Stages[1].Metrics[0].Unit = 20, "%"
			*j.Stages[1].Metrics[0].Target = 30
		}, inTime, analysis.CodeBelowTarget, `"Tỷ lệ chuyển đổi khi thanh toán"`,
			"Chỉ số \"Tỷ lệ chuyển đổi khi thanh toán\" đang ở mức 20%, chưa đạt mục tiêu 30% (càng cao càng tốt)."},
		{"metric above target (lower is better)", func(j *journey.Journey) {
			m := metric.New("Thời gian chờ", metric.Duration, 4.5).WithTarget(2)
			m.Unit = "phút"
			j.Stages[1].Touchpoints[1].Metrics = []metric.Metric{m}
		}, inTime, analysis.CodeBelowTarget, `"Thời gian chờ"`,
			"Chỉ số \"Thời gian chờ\" đang ở mức 4,5 phút, chưa đạt mục tiêu 2 phút (càng thấp càng tốt)."},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := vietnameseClean()
			require.Empty(t, analysis.Analyze(j, analysis.Options{Now: inTime}).Findings)
			tc.change(j)
			r := analysis.Analyze(j, analysis.Options{Now: tc.now, Language: "vi"})
			got := r.Filter(tc.code)
			require.Len(t, got, 1, "findings: %v", r.Findings)
			covered[tc.code] = true
			msg := got[0].Message
			assert.Equal(t, tc.want, msg)
			assert.Contains(t, msg, tc.object)
			assertVietnamese(t, msg)
			// Everything but the message is as in English.
			en := analysis.Analyze(j, analysis.Options{Now: tc.now})
			require.Len(t, en.Findings, len(r.Findings))
			for k, f := range r.Findings {
				e := en.Findings[k]
				assert.NotEqual(t, e.Message, f.Message)
				e.Message = f.Message
				assert.Equal(t, e, f)
			}
		})
	}
	for _, c := range analysis.Codes() {
		assert.True(t, covered[c], "no Vietnamese message tested for %s", c)
	}
}

// assertVietnamese checks that msg is valid UTF-8 of precomposed letters
// (no combining diacritic) and keeps none of the englishWords.
func assertVietnamese(t *testing.T, msg string) {
	t.Helper()
	assert.True(t, utf8.ValidString(msg), "%q", msg)
	assert.False(t, strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x300 && r <= 0x36f }), "combining mark in %q", msg)
	lower := strings.ToLower(msg)
	for _, w := range englishWords {
		assert.NotContains(t, lower, w, "English word in %q", msg)
	}
}

// TestVietnameseOddJourney: a journey that fails validation (unknown
// severity, category and channel, blank names) is analysed in Vietnamese
// too, the unknown values written as they are.
func TestVietnameseOddJourney(t *testing.T) {
	j := &journey.Journey{Stages: []*journey.Stage{{Phase: journey.AfterPurchase, Touchpoints: []*touchpoint.Touchpoint{
		{Channel: "pigeon_post", Emotion: f(1)},
		{Channel: channel.Phone, Emotion: f(-2), PainPoints: []*painpoint.PainPoint{nil, {Category: "cosmic", Severity: "apocalyptic"}}},
	}}}}
	r := analysis.Analyze(j, analysis.Options{Language: "vi"})
	got := r.Filter(analysis.CodeUnaddressed)
	require.Len(t, got, 1)
	assert.Equal(t, "Điểm đau #2 (chưa đặt tên) (mức độ apocalyptic, loại cosmic) chưa được cơ hội cải thiện nào giải quyết.", got[0].Message)
	factors := map[string]string{}
	for _, f := range r.Friction.Stages[0].Touchpoints[1].Factors {
		factors[f.Name] = f.Detail
	}
	assert.Equal(t, map[string]string{
		"pain.other": "1 chưa rõ mức độ", "negative_emotion": "cảm xúc -2",
		"emotion_dip": "cảm xúc giảm từ 1 xuống -2", "channel_handoff": "từ pigeon post sang điện thoại",
	}, factors)
	for _, f := range r.Findings {
		assertVietnamese(t, unquoted(f.Message))
	}
}
