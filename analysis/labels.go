package analysis

import "github.com/journeymap/journeymap/journey"

// Titles for people of the stable names this package reports: finding
// codes, severities and friction factors. A Vietnamese language tag (see
// journey.IsVietnamese) gives Vietnamese, anything else English. They are
// the words the HTML page and the CLI use, so a service that shows findings
// in its own interface can use the same ones.

// labels are the titles in one language.
type labels struct {
	severities map[Severity]string
	codes      map[string]string
	factors    map[string]string
}

func labelsFor(language string) *labels {
	if journey.IsVietnamese(language) {
		return &vietnameseLabels
	}
	return &englishLabels
}

// Title returns the severity's name for people in the language: "Warning",
// or "Cảnh báo" in Vietnamese. A severity this package does not define is
// returned as it is.
func (s Severity) Title(language string) string {
	if t, ok := labelsFor(language).severities[s]; ok {
		return t
	}
	return string(s)
}

// CodeTitle returns a short title for people of a finding code, in the
// language: "Touchpoint without an owner", or "Điểm chạm chưa có người phụ
// trách" in Vietnamese. ok is false for a code this package does not report;
// the code itself is returned then.
func CodeTitle(code, language string) (title string, ok bool) {
	if t, ok := labelsFor(language).codes[code]; ok {
		return t, true
	}
	return code, false
}

// FactorTitle returns the name for people of a friction factor (see
// FactorNames), in the language: "support pain", or "điểm đau hỗ trợ" in
// Vietnamese. A name this package does not report is returned as it is.
func FactorTitle(name, language string) string {
	if t, ok := labelsFor(language).factors[name]; ok {
		return t
	}
	return name
}

var englishLabels = labels{
	severities: map[Severity]string{Info: "Info", Warning: "Warning", Critical: "Critical"},
	codes: map[string]string{
		CodeNoObjective:           "Journey without an objective",
		CodeNoPersonas:            "Journey without personas",
		CodeReviewOverdue:         "Review overdue",
		CodePhaseUncovered:        "Purchase phase not covered",
		CodePersonaUnserved:       "Persona no touchpoint serves",
		CodeChannelMissing:        "Preferred channel the journey never uses",
		CodeNoTouchpoints:         "Stage without touchpoints",
		CodeSingleTouchpoint:      "Stage with a single touchpoint",
		CodeTooManyTouchpoints:    "Stage with too many touchpoints",
		CodeNoOwner:               "Touchpoint without an owner",
		CodeUnmeasured:            "Touchpoint neither scored nor measured",
		CodeNoBackstage:           "Touchpoint without backstage support",
		CodeUnaddressed:           "Pain point no opportunity addresses",
		CodeSupportWithoutContact: "Support pain point in a stage without a contact channel",
		CodeBelowTarget:           "Metric missing its target",
	},
	factors: map[string]string{
		"pain.financial": "financial pain", "pain.productivity": "productivity pain",
		"pain.process": "process pain", "pain.support": "support pain", "pain.other": "other pain",
		"negative_emotion": "negative emotion", "emotion_dip": "emotion dip",
		"channel_handoff": "channel hand-off", "missed_target": "missed target", "drop_off": "drop-off",
	},
}

var vietnameseLabels = labels{
	severities: map[Severity]string{Info: "Thông tin", Warning: "Cảnh báo", Critical: "Nghiêm trọng"},
	codes: map[string]string{
		CodeNoObjective:           "Hành trình chưa có mục tiêu",
		CodeNoPersonas:            "Hành trình chưa có chân dung khách hàng",
		CodeReviewOverdue:         "Đã quá hạn xem xét lại",
		CodePhaseUncovered:        "Giai đoạn mua hàng chưa được bao phủ",
		CodePersonaUnserved:       "Chân dung khách hàng chưa được điểm chạm nào phục vụ",
		CodeChannelMissing:        "Kênh ưa thích mà hành trình không dùng đến",
		CodeNoTouchpoints:         "Bước chưa có điểm chạm",
		CodeSingleTouchpoint:      "Bước chỉ có một điểm chạm",
		CodeTooManyTouchpoints:    "Bước có quá nhiều điểm chạm",
		CodeNoOwner:               "Điểm chạm chưa có người phụ trách",
		CodeUnmeasured:            "Điểm chạm chưa được chấm điểm hay đo lường",
		CodeNoBackstage:           "Điểm chạm thiếu hỗ trợ hậu cảnh",
		CodeUnaddressed:           "Điểm đau chưa có cơ hội cải thiện nào",
		CodeSupportWithoutContact: "Điểm đau về hỗ trợ ở bước không có kênh liên hệ",
		CodeBelowTarget:           "Chỉ số chưa đạt mục tiêu",
	},
	factors: map[string]string{
		"pain.financial": "điểm đau tài chính", "pain.productivity": "điểm đau năng suất",
		"pain.process": "điểm đau quy trình", "pain.support": "điểm đau hỗ trợ", "pain.other": "điểm đau khác",
		"negative_emotion": "cảm xúc tiêu cực", "emotion_dip": "cảm xúc đi xuống",
		"channel_handoff": "chuyển kênh", "missed_target": "chưa đạt mục tiêu", "drop_off": "khách rời bỏ",
	},
}
