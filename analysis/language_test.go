package analysis_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analysis"
)

// TestLanguageTags: "vi" and its regional tags, in any case and with either
// separator, give Vietnamese; any other tag, empty included, gives the
// English messages.
func TestLanguageTags(t *testing.T) {
	j := clean()
	j.Objective = ""
	en := analysis.Analyze(j, analysis.Options{Now: inTime})
	require.Len(t, en.Findings, 1)
	const vi = "Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người cùng hiểu bản đồ theo một cách."
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
