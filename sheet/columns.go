package sheet

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
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
	fStageID:         {"stage id", "mã giai đoạn"},
	fStage:           {"stage name", "giai đoạn", "tên giai đoạn"},
	fPhase:           {"purchase phase", "giai đoạn mua", "giai đoạn mua hàng", "pha"},
	fTouchpointID:    {"touchpoint id", "mã điểm chạm"},
	fTouchpoint:      {"touchpoint name", "touch point", "điểm chạm", "tên điểm chạm"},
	fChannel:         {"kênh", "kênh tương tác"},
	fMode:            {"online/offline", "hình thức"},
	fInitiator:       {"initiated by", "người khởi tạo", "bên khởi xướng"},
	fOwner:           {"chủ sở hữu", "người phụ trách", "phụ trách"},
	fEmotion:         {"emotion score", "cảm xúc", "điểm cảm xúc"},
	fActions:         {"action", "hành động"},
	fThoughts:        {"thought", "suy nghĩ"},
	fFeelings:        {"feeling", "cảm nhận"},
	fPainID:          {"pain point id", "mã điểm đau"},
	fPainCategory:    {"pain point category", "category", "loại điểm đau", "phân loại điểm đau"},
	fPainSeverity:    {"pain point severity", "severity", "mức độ", "mức độ nghiêm trọng"},
	fPain:            {"pain point", "pain title", "điểm đau"},
	fPainDescription: {"pain point description", "mô tả điểm đau"},
	fPainEvidence:    {"pain point evidence", "evidence", "bằng chứng", "nguồn dữ liệu"},
}

// headerIsVietnamese marks the folded headers that are Vietnamese: the
// renderer's and the aliases written with Vietnamese letters.
var headerIsVietnamese = map[string]bool{}

var headerIndex = func() map[string]field {
	m := make(map[string]field)
	add := func(name string, f field) {
		n := normalizeHeader(name)
		if prev, ok := m[n]; ok && prev != f {
			aliasConflicts = append(aliasConflicts, fmt.Sprintf("header %q: %s or %s", name, fieldNames[prev], fieldNames[f]))
		}
		m[n] = f
		for _, r := range name {
			if r >= utf8.RuneSelf {
				headerIsVietnamese[n] = true
				break
			}
		}
	}
	for f := range numFields {
		add(fieldNames[f], f)
		add(viHeaders[f], f)
		for _, a := range aliases[f] {
			add(a, f)
		}
	}
	return m
}()

// normalizeHeader folds a header cell for lookup: no byte order mark, no
// surrounding space, lower case without Vietnamese diacritics, "_" and "-"
// as spaces, runs of space as one.
func normalizeHeader(s string) string {
	s = fold(strings.TrimPrefix(s, "\ufeff"))
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
