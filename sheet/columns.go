package sheet

import (
	"strings"
	"unicode"
)

// field is one column the importer understands.
type field int

// The fields, in the order of the CSV renderer's header (render.CSVHeader).
const (
	fStageID field = iota
	fStage
	fPhase
	fTouchpointID
	fTouchpoint
	fChannel
	fMode
	fInitiator
	fOwner
	fEmotion
	fActions
	fThoughts
	fFeelings
	fPainID
	fPainCategory
	fPainSeverity
	fPain
	fPainDescription
	fPainEvidence
	numFields
)

// Columns returns the canonical column names in the order the CSV renderer
// writes them: the layout Import reads without any alias.
func Columns() []string {
	out := make([]string, numFields)
	for f := range numFields {
		out[f] = fieldNames[f]
	}
	return out
}

var fieldNames = [numFields]string{
	"stage_id", "stage", "phase", "touchpoint_id", "touchpoint", "channel", "mode", "initiator",
	"owner", "emotion", "actions", "thoughts", "feelings", "pain_point_id", "pain_category",
	"pain_severity", "pain", "pain_description", "pain_evidence",
}

// aliases are the other header texts accepted for each field, in English
// and Vietnamese (with and without diacritics). They are compared after
// normalizeHeader, so case, surrounding space and "_"/"-" do not matter.
var aliases = [numFields][]string{
	fStageID:         {"stage id", "mã giai đoạn", "ma giai doan"},
	fStage:           {"stage name", "giai đoạn", "giai doan", "tên giai đoạn", "ten giai doan"},
	fPhase:           {"purchase phase", "giai đoạn mua", "giai doan mua", "giai đoạn mua hàng", "giai doan mua hang", "pha"},
	fTouchpointID:    {"touchpoint id", "mã điểm chạm", "ma diem cham"},
	fTouchpoint:      {"touchpoint name", "touch point", "điểm chạm", "diem cham", "tên điểm chạm", "ten diem cham"},
	fChannel:         {"kênh", "kenh", "kênh tương tác", "kenh tuong tac"},
	fMode:            {"online/offline", "hình thức", "hinh thuc"},
	fInitiator:       {"initiated by", "người khởi tạo", "nguoi khoi tao", "bên khởi xướng", "ben khoi xuong"},
	fOwner:           {"chủ sở hữu", "chu so huu", "người phụ trách", "nguoi phu trach", "phụ trách", "phu trach"},
	fEmotion:         {"emotion score", "cảm xúc", "cam xuc", "điểm cảm xúc", "diem cam xuc"},
	fActions:         {"action", "hành động", "hanh dong"},
	fThoughts:        {"thought", "suy nghĩ", "suy nghi"},
	fFeelings:        {"feeling", "cảm nhận", "cam nhan"},
	fPainID:          {"pain point id", "mã điểm đau", "ma diem dau"},
	fPainCategory:    {"pain point category", "category", "loại điểm đau", "loai diem dau", "phân loại điểm đau", "phan loai diem dau"},
	fPainSeverity:    {"pain point severity", "severity", "mức độ", "muc do", "mức độ nghiêm trọng", "muc do nghiem trong"},
	fPain:            {"pain point", "pain title", "điểm đau", "diem dau"},
	fPainDescription: {"pain point description", "mô tả điểm đau", "mo ta diem dau"},
	fPainEvidence:    {"pain point evidence", "evidence", "bằng chứng", "bang chung", "nguồn dữ liệu", "nguon du lieu"},
}

var headerIndex = func() map[string]field {
	m := make(map[string]field)
	for f := range numFields {
		m[normalizeHeader(fieldNames[f])] = f
		for _, a := range aliases[f] {
			m[normalizeHeader(a)] = f
		}
	}
	return m
}()

// normalizeHeader folds a header cell for lookup: no byte order mark, no
// surrounding space, lower case, "_" and "-" as spaces, runs of space as one.
func normalizeHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
