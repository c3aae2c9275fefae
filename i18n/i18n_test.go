package i18n_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/i18n"
)

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		explicit, document string
		want               i18n.Language
		why                string
	}{
		{"", "", i18n.English, "nothing asked, nothing in the document: English"},
		{"", "vi", i18n.Vietnamese, "the document's language when nothing is asked"},
		{"", "vi-VN", i18n.Vietnamese, "a regional tag is its language"},
		{"", " VI_vn ", i18n.Vietnamese, "any case, an underscore, spaces around"},
		{"en", "vi", i18n.English, "the explicit choice wins over the document"},
		{"vi", "en", i18n.Vietnamese, "the explicit choice wins over the document"},
		{"  ", "vi", i18n.Vietnamese, "a blank choice is no choice"},
		{"fr", "vi", i18n.English, "a language without words gives English, not the document's"},
		{"", "vietnamese", i18n.English, "not a tag for Vietnamese"},
		{"", "v", i18n.English, "too short"},
		{"", "en-GB", i18n.English, "English"},
	} {
		assert.Equal(t, tc.want, i18n.Resolve(tc.explicit, tc.document), "%q, %q: %s", tc.explicit, tc.document, tc.why)
	}
	lang, ok := i18n.Parse("fr")
	assert.False(t, ok, "French is not spoken")
	assert.Equal(t, i18n.English, lang)
	lang, ok = i18n.Parse("vi-VN")
	assert.True(t, ok)
	assert.Equal(t, i18n.Vietnamese, lang)
	assert.Equal(t, []i18n.Language{i18n.English, i18n.Vietnamese}, i18n.Languages())
	assert.Same(t, i18n.English.Words(), i18n.Language("xx").Words(), "an unknown language reads English")
}

func TestFormat(t *testing.T) {
	en, vi := i18n.English.Words(), i18n.Vietnamese.Words()
	day := time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		got, want, why string
	}{
		{en.Number(1234567.5), "1,234,567.5", "grouped by thousands"},
		{vi.Number(1234567.5), "1.234.567,5", "dot between thousands, decimal comma"},
		{en.Number(250000000), "250,000,000", "never an exponent"},
		{en.Number(-0.25), "-0.25", "no group below a thousand"},
		{en.Int(1987), "1,987", "integers are grouped like every number"},
		{vi.Int(1987), "1.987", "the Vietnamese funnel wrote 1987 beside 120.000"},
		{vi.Int(-120000), "-120.000", "negative"},
		{en.Fixed(0.5, 2), "0.50", "fixed decimals"},
		{vi.Fixed(1234.5, 2), "1.234,50", "fixed decimals, grouped"},
		{en.Fixed(2.5, 0), "2", "no decimals: rounded half to even as strconv does"},
		{en.Signed(0.5, 2), "+0.50", "a sign always"},
		{vi.Signed(-1.25, 2), "-1,25", "a negative keeps its own sign"},
		{en.Percent(0.3456, 1), "34.6%", "a share as a per cent"},
		{vi.Percent(1, 1), "100,0%", "Vietnamese decimal comma"},
		{en.WithUnit(36, "%"), "36%", "the per cent sign sticks"},
		{vi.WithUnit(120000, "người/tháng"), "120.000 người/tháng", "other units after a space"},
		{en.Date(day), "2026-10-31", "ISO dates in English"},
		{vi.Date(day), "31/10/2026", "day first in Vietnamese"},
		{en.Duration(150 * time.Hour), "150h", "zero minutes dropped"},
		{en.Duration(41*time.Hour + 40*time.Minute), "41h40m", "Go's notation in English"},
		{vi.Duration(41*time.Hour + 40*time.Minute), "41 giờ 40 phút", "words in Vietnamese"},
		{vi.Duration(1500 * time.Millisecond), "1,5 giây", "decimal comma in durations"},
		{vi.Duration(1234 * time.Hour), "1.234 giờ", "grouped hours"},
		{en.Number(math.Inf(1)), "+Inf", "infinities as strconv writes them"},
		{i18n.Title("mobile app"), "Mobile app", "a heading's capital"},
		{i18n.Title("ứng dụng"), "Ứng dụng", "a capital with a diacritic"},
		{i18n.Title(""), "", "nothing to capitalise"},
	} {
		assert.Equal(t, tc.want, tc.got, tc.why)
	}
}

// TestDuration: durations for people, rounded to a unit of at most 2% of
// them, in Go's notation in English and in words in Vietnamese.
func TestDuration(t *testing.T) {
	en, vi := i18n.English.Words(), i18n.Vietnamese.Words()
	for _, tc := range []struct {
		d      time.Duration
		en, vi string
		why    string
	}{
		{62 * time.Hour, "62h", "62 giờ", "zero minutes dropped"},
		{41*time.Hour + 40*time.Minute, "41h40m", "41 giờ 40 phút", "hours and minutes"},
		{20 * time.Minute, "20m", "20 phút", "zero seconds dropped"},
		{90 * time.Second, "1m30s", "1 phút 30 giây", "minutes and seconds"},
		{10 * time.Second, "10s", "10 giây", "seconds"},
		{1500 * time.Millisecond, "1.5s", "1,5 giây", "a decimal mark"},
		{250 * time.Microsecond, "250µs", "250 µs", "a unit without a word is written as Go writes it"},
		{0, "0s", "0 giây", "nothing"},
		{720 * time.Hour, "720h", "720 giờ", "a month's window"},
		{41*time.Hour + 40*time.Minute + 7*time.Second, "41h40m", "41 giờ 40 phút", "rounded to 2%"},
	} {
		assert.Equal(t, tc.en, en.Duration(tc.d), "%v: %s", tc.d, tc.why)
		assert.Equal(t, tc.vi, vi.Duration(tc.d), "%v: %s", tc.d, tc.why)
	}
}

func TestNames(t *testing.T) {
	en, vi := i18n.English.Words(), i18n.Vietnamese.Words()
	assert.Equal(t, "mobile app", en.Channel("mobile_app"))
	assert.Equal(t, "kênh lạ", vi.Channel("kênh_lạ"), "an unknown channel is written with spaces")
	assert.Equal(t, "someday", en.Phase("someday"), "an unknown value is written as it is")
	title, ok := vi.Code("touchpoint.no_owner")
	assert.True(t, ok)
	assert.Equal(t, "Điểm chạm chưa có người phụ trách", title)
	title, ok = en.Code("made.up")
	assert.False(t, ok)
	assert.Equal(t, "made.up", title)
	assert.Equal(t, "support pain", en.Factor("pain.support"))
	assert.Equal(t, "cảnh báo", vi.FindingSeverity("warning"))
	assert.Equal(t, "Bước", vi.Column("stage"), "a stage is a bước, as on the page")
}

// ExampleResolve picks the language of a page: the reader's choice, else
// the document's language, else English.
func ExampleResolve() {
	lang := i18n.Resolve("", "vi-VN")
	w := lang.Words()
	fmt.Println(lang, i18n.Title(w.Channel("mobile_app")), w.Number(120000.5))
	// Output: vi Ứng dụng di động 120.000,5
}
