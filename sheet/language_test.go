package sheet_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/touchpoint"
)

// everyValue is a journey using every phase, channel, mode, initiator, pain
// category and severity.
func everyValue() *journey.Journey {
	j := journey.New("Every value", journey.CurrentState)
	phases := journey.Phases()
	for i, ph := range phases {
		s := j.AddStage("Stage "+string(ph), ph)
		for k, c := range channel.Channels() {
			if k%len(phases) != i {
				continue
			}
			tp := touchpoint.New("Touchpoint "+string(c), c)
			tp.Mode = channel.Modes()[k%len(channel.Modes())]
			tp.Initiator = touchpoint.Initiators()[k%len(touchpoint.Initiators())]
			for m, cat := range painpoint.Categories() {
				p := painpoint.New("Pain "+string(cat), cat, painpoint.Severities()[(k+m)%len(painpoint.Severities())])
				tp.PainPoints = append(tp.PainPoints, &p)
			}
			s.Touchpoints = append(s.Touchpoints, &tp)
		}
	}
	return j
}

// TestEveryPrintedWordImportsBack renders a journey using every value in
// English and Vietnamese and imports it: each word journeymap prints for a
// value reads back as that value. Then every word package i18n has for a value,
// as printed, upper-cased and without diacritics, is accepted on its own.
func TestEveryPrintedWordImportsBack(t *testing.T) {
	j := everyValue()
	for _, lang := range []string{"", "vi"} {
		var b bytes.Buffer
		require.NoError(t, render.CSV{Language: lang}.Render(&b, j))
		back, err := sheet.Import(&b, sheet.Options{})
		require.NoError(t, err, "language %q", lang)
		assert.Equal(t, csvProjection(j), csvProjection(back), "language %q", lang)
	}
	w := printedWords()
	header := "stage,phase,touchpoint,channel,mode,initiator,pain,pain_category,pain_severity\n"
	row := func(phase, ch, mode, init, cat, sev string) string {
		return "S,\"" + phase + "\",T,\"" + ch + "\",\"" + mode + "\",\"" + init + "\",P,\"" + cat + "\",\"" + sev + "\"\n"
	}
	check := func(why, input string, want func(*journey.Journey) bool) {
		t.Helper()
		got, err := sheet.Import(strings.NewReader(header+input), sheet.Options{})
		if assert.NoError(t, err, why) {
			assert.True(t, want(got), why)
		}
	}
	variants := func(s string) []string {
		return []string{s, strings.ToUpper(s), strings.NewReplacer("ư", "u", "ơ", "o", "ộ", "o", "ố", "o", "ử", "u", "ụ", "u", "ạ", "a", "à", "a", "á", "a", "ả", "a", "ấ", "a", "ậ", "a", "ầ", "a", "ê", "e", "ế", "e", "ệ", "e", "ì", "i", "í", "i", "ị", "i", "ò", "o", "ó", "o", "ỗ", "o", "ờ", "o", "ớ", "o", "ợ", "o", "ù", "u", "ú", "u", "ừ", "u", "ứ", "u", "ữ", "u", "ự", "u", "ỳ", "y", "ý", "y", "đ", "d", "Đ", "D", "Ấ", "A", "Ứ", "U", "Ý", "Y", "Ư", "U", "Ó", "O", "Ò", "O", "Ò", "O").Replace(s)}
	}
	for ph, words := range w.Phases {
		for _, word := range words {
			for _, v := range variants(word) {
				check("phase "+v, row(v, "web", "", "", "process", "low"), func(j *journey.Journey) bool { return j.Stages[0].Phase == ph })
			}
		}
	}
	for c, words := range w.Channels {
		for _, word := range words {
			for _, v := range variants(word) {
				check("channel "+v, row("before", v, "", "", "process", "low"), func(j *journey.Journey) bool { return j.Stages[0].Touchpoints[0].Channel == c })
			}
		}
	}
	for m, words := range w.Modes {
		for _, word := range words {
			check("mode "+word, row("before", "web", word, "", "process", "low"), func(j *journey.Journey) bool { return j.Stages[0].Touchpoints[0].Mode == m })
		}
	}
	for i, words := range w.Initiators {
		for _, word := range words {
			check("initiator "+word, row("before", "web", "", word, "process", "low"), func(j *journey.Journey) bool { return j.Stages[0].Touchpoints[0].Initiator == i })
		}
	}
	for c, words := range w.Categories {
		for _, word := range words {
			check("category "+word, row("before", "web", "", "", word, "low"), func(j *journey.Journey) bool { return j.Stages[0].Touchpoints[0].PainPoints[0].Category == c })
		}
	}
	for s, words := range w.Severities {
		for _, word := range words {
			check("severity "+word, row("before", "web", "", "", "process", word), func(j *journey.Journey) bool { return j.Stages[0].Touchpoints[0].PainPoints[0].Severity == s })
		}
	}
}

// TestChannelWordsPeopleWrite: the words of the issue that were refused,
// the analysis' forms and brand names, in both languages.
func TestChannelWordsPeopleWrite(t *testing.T) {
	tests := []struct {
		cell string
		want channel.Channel
	}{
		{"Ứng dụng di động", channel.MobileApp}, {"Tin nhắn SMS", channel.SMS}, {"Trò chuyện trực tuyến", channel.Chat},
		{"Ấn phẩm in", channel.Print}, {"Thư gửi trực tiếp", channel.DirectMail},
		{"kênh khác", channel.Other}, {"mobile app", channel.MobileApp}, {"Social media", channel.SocialMedia},
		{"Facebook", channel.SocialMedia}, {"ZALO", channel.SocialMedia}, {"TikTok", channel.SocialMedia},
		{"Instagram", channel.SocialMedia}, {"YouTube", channel.SocialMedia},
		{"Shopee", channel.Marketplace}, {"Lazada", channel.Marketplace}, {"Tiki", channel.Marketplace},
		{"Amazon", channel.Marketplace}, {"TikTok Shop", channel.Marketplace},
		{"Google", channel.Search}, {"Cốc Cốc", channel.Search}, {"Google Ads", channel.OnlineAds},
		{"Messenger", channel.Chat}, {"Zalo OA", channel.Chat}, {"Foody", channel.ReviewSite},
	}
	for _, tt := range tests {
		j, err := sheet.Import(strings.NewReader("stage,phase,touchpoint,channel\nS,before,T,"+tt.cell+"\n"), sheet.Options{})
		if assert.NoError(t, err, tt.cell) {
			assert.Equal(t, tt.want, j.Stages[0].Touchpoints[0].Channel, tt.cell)
		}
	}
}

// TestDelimiterDetection: the header row decides, not the first line.
func TestDelimiterDetection(t *testing.T) {
	tests := []struct{ why, input string }{
		{"an unpadded title line above a ';' header",
			"Hành trình khách hàng, quý 3\nGiai đoạn;Giai đoạn mua hàng;Điểm chạm;Kênh\nNhận biết;Trước khi mua hàng;Quảng cáo, video;Facebook\n"},
		{"a title with more commas than the header has semicolons",
			"Map, v2, draft, final, really\nstage;phase;touchpoint;channel\nA;before;Ad, print;print\n"},
		{"a tab-separated sheet under a note", "note: exported\nstage\tphase\ttouchpoint\tchannel\nA\tbefore\tAd\tprint\n"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			j, err := sheet.Import(strings.NewReader(tt.input), sheet.Options{})
			require.NoError(t, err)
			require.Len(t, j.Stages, 1)
			require.Len(t, j.Stages[0].Touchpoints, 1)
			assert.Contains(t, []string{"Quảng cáo, video", "Ad, print", "Ad"}, j.Stages[0].Touchpoints[0].Name)
		})
	}
	_, err := sheet.Import(strings.NewReader("title\nfoo|bar|baz\n1|2|3\n"), sheet.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-comma", "an undecidable delimiter names the flag")
	assert.Contains(t, err.Error(), "Options.Comma")
}

// TestHeaderLanguage: Vietnamese headers record "vi" and make the errors
// Vietnamese, allowed values included; English headers leave the language
// empty; Options.Language wins.
func TestHeaderLanguage(t *testing.T) {
	vi := "Bước,Giai đoạn mua hàng,Điểm chạm,Kênh\nA,Trước khi mua hàng,Quảng cáo,Zalo\n"
	j, err := sheet.Import(strings.NewReader(vi), sheet.Options{})
	require.NoError(t, err)
	assert.Equal(t, "vi", j.Language)
	j, err = sheet.Import(strings.NewReader(vi), sheet.Options{Language: "vi-VN"})
	require.NoError(t, err)
	assert.Equal(t, "vi-VN", j.Language, "the option wins")
	j, err = sheet.Import(strings.NewReader("stage,phase,touchpoint,channel\nA,before,Ad,web\n"), sheet.Options{})
	require.NoError(t, err)
	assert.Empty(t, j.Language)

	_, err = sheet.Import(strings.NewReader("Bước,Giai đoạn mua hàng,Điểm chạm,Kênh\nA,Sớm,Quảng cáo,Bồ câu\n"), sheet.Options{})
	var list sheet.Errors
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 2)
	assert.Equal(t, `dòng 2, cột "Giai đoạn mua hàng": "Sớm" không phải là giai đoạn mua hàng hợp lệ (được phép: Trước khi mua hàng, Trong khi mua hàng, Sau khi mua hàng)`, list[0].Error())
	assert.Contains(t, list[1].Error(), `dòng 2, cột "Kênh": "Bồ câu" không phải là kênh hợp lệ (được phép: Trang web, Ứng dụng di động,`)
	assert.Equal(t, "vi", list[0].Language)

	_, err = sheet.Import(strings.NewReader("Bước,Điểm chạm\nA,B\n"), sheet.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `dòng 1: thiếu cột "Giai đoạn mua hàng" (hoặc "phase")`)
}

func TestImportRows(t *testing.T) {
	rows := [][]string{
		{"Map"},
		{},
		{"stage", "phase", "touchpoint", "channel", "emotion"},
		{"A", "before", "'=SUM(1)", "web", "1"},
		{"", "", "Call", "phone", "x"},
	}
	_, err := sheet.ImportRows(rows, sheet.Options{})
	require.Error(t, err)
	assert.Equal(t, `row 5, column "emotion": "x" is not a number`, err.Error(), "rows, not lines")
	rows[4][4] = "-1"
	j, err := sheet.ImportRows(rows, sheet.Options{})
	require.NoError(t, err)
	assert.Equal(t, "Map", j.Title)
	assert.Equal(t, "=SUM(1)", j.Stages[0].Touchpoints[0].Name, "a CSV's formula mark is removed")
}

// printedWords lists, for each enumerated value a sheet carries, the words
// every language of package i18n prints for it, as a name in a sentence
// and capitalised as a table cell.
func printedWords() (w struct {
	Phases     map[journey.Phase][]string
	Channels   map[channel.Channel][]string
	Modes      map[channel.Mode][]string
	Initiators map[touchpoint.Initiator][]string
	Categories map[painpoint.Category][]string
	Severities map[painpoint.Severity][]string
}) {
	w.Phases, w.Channels, w.Modes = map[journey.Phase][]string{}, map[channel.Channel][]string{}, map[channel.Mode][]string{}
	w.Initiators, w.Categories = map[touchpoint.Initiator][]string{}, map[painpoint.Category][]string{}
	w.Severities = map[painpoint.Severity][]string{}
	for _, l := range i18n.Languages() {
		c := l.Words()
		addWords(w.Phases, journey.Phases(), c.Phase)
		addWords(w.Channels, channel.Channels(), c.Channel)
		addWords(w.Modes, channel.Modes(), c.Mode)
		addWords(w.Initiators, touchpoint.Initiators(), c.Initiator)
		addWords(w.Categories, painpoint.Categories(), c.Category)
		addWords(w.Severities, painpoint.Severities(), c.Severity)
	}
	return w
}

func addWords[E ~string](dst map[E][]string, values []E, name func(string) string) {
	for _, v := range values {
		dst[v] = append(dst[v], name(string(v)), i18n.Title(name(string(v))))
	}
}
