package sheet_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/touchpoint"
)

func importString(t *testing.T, s string, opts sheet.Options) *journey.Journey {
	t.Helper()
	j, err := sheet.Import(strings.NewReader(s), opts)
	require.NoError(t, err)
	return j
}

func f(v float64) *float64 { return &v }

func TestImportLayouts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		check func(t *testing.T, j *journey.Journey)
	}{
		{
			name: "renderer layout",
			input: "stage_id,stage,phase,touchpoint_id,touchpoint,channel,mode,initiator,owner,emotion,actions,thoughts,feelings,pain_point_id,pain_category,pain_severity,pain,pain_description,pain_evidence\n" +
				"1b4e28ba-2fa1-41d2-883f-0016d3cca427,Awareness,before_purchase,2b4e28ba-2fa1-41d2-883f-0016d3cca427,Sees an ad,online_ads,,company,Marketing,0.5,\"Scrolls\nTaps\",Nice,Curious,,,,,,\n" +
				"1b4e28ba-2fa1-41d2-883f-0016d3cca427,Awareness,before_purchase,3b4e28ba-2fa1-41d2-883f-0016d3cca427,Checkout,website,online,customer,Web,-1.5,,,,4b4e28ba-2fa1-41d2-883f-0016d3cca427,financial,high,Hidden fee,Shown late,Survey 2026\n" +
				"1b4e28ba-2fa1-41d2-883f-0016d3cca427,Awareness,before_purchase,3b4e28ba-2fa1-41d2-883f-0016d3cca427,Checkout,website,online,customer,Web,-1.5,,,,5b4e28ba-2fa1-41d2-883f-0016d3cca427,process,low,Long form,,\n" +
				"6b4e28ba-2fa1-41d2-883f-0016d3cca427,Loyalty,after_purchase,,,,,,,,,,,,,,,,\n",
			check: func(t *testing.T, j *journey.Journey) {
				require.Len(t, j.Stages, 2)
				s := j.Stages[0]
				assert.Equal(t, uuid.MustParse("1b4e28ba-2fa1-41d2-883f-0016d3cca427"), s.ID)
				assert.Equal(t, journey.BeforePurchase, s.Phase)
				require.Len(t, s.Touchpoints, 2)
				ad := s.Touchpoints[0]
				assert.Equal(t, channel.OnlineAds, ad.Channel)
				assert.Equal(t, channel.Mode(""), ad.Mode)
				assert.Equal(t, touchpoint.ByCompany, ad.Initiator)
				assert.Equal(t, []string{"Scrolls", "Taps"}, ad.Actions)
				assert.Equal(t, f(0.5), ad.Emotion)
				co := s.Touchpoints[1]
				assert.Equal(t, f(-1.5), co.Emotion)
				require.Len(t, co.PainPoints, 2)
				assert.Equal(t, painpoint.Financial, co.PainPoints[0].Category)
				assert.Equal(t, "Survey 2026", co.PainPoints[0].Evidence)
				assert.Equal(t, painpoint.Low, co.PainPoints[1].Severity)
				assert.Empty(t, j.Stages[1].Touchpoints, "a stage row without touchpoint keeps the stage")
			},
		},
		{
			name: "Vietnamese headers and values, semicolons, BOM, decimal comma, merged cells",
			input: "\ufeffGiai đoạn;Giai đoạn mua;Điểm chạm;Kênh;Chủ sở hữu;Cảm xúc;Hành động;Suy nghĩ;Cảm nhận;Loại điểm đau;Mức độ;Điểm đau\n" +
				"Nhận thức;Trước khi mua hàng;Xem video TikTok;Mạng xã hội;Nhóm nội dung;1,5;Xem hết video;Hay quá;Tò mò;;;\n" +
				";;Quảng cáo Google;quảng cáo;Nhóm quảng cáo;-1;;;;Năng suất;Cao;Trang tải chậm\n" +
				";;;;;;;;;Tài chính;trung bình;Phí giao hàng cao\n" +
				"Chuyển đổi;Trong khi mua hàng;Cửa hàng;cửa hàng;;2;;;;hỗ trợ;nghiêm trọng;Không ai tư vấn\n",
			check: func(t *testing.T, j *journey.Journey) {
				require.Len(t, j.Stages, 2)
				assert.Equal(t, "Nhận thức", j.Stages[0].Name)
				assert.Equal(t, journey.BeforePurchase, j.Stages[0].Phase)
				assert.Equal(t, journey.DuringPurchase, j.Stages[1].Phase)
				tps := j.Stages[0].Touchpoints
				require.Len(t, tps, 2)
				assert.Equal(t, channel.SocialMedia, tps[0].Channel)
				assert.Equal(t, f(1.5), tps[0].Emotion)
				assert.Equal(t, channel.OnlineAds, tps[1].Channel)
				require.Len(t, tps[1].PainPoints, 2, "the merged row adds a second pain point to the touchpoint above")
				assert.Equal(t, painpoint.Productivity, tps[1].PainPoints[0].Category)
				assert.Equal(t, painpoint.High, tps[1].PainPoints[0].Severity)
				assert.Equal(t, painpoint.Financial, tps[1].PainPoints[1].Category)
				assert.Equal(t, painpoint.Medium, tps[1].PainPoints[1].Severity)
				store := j.Stages[1].Touchpoints[0]
				assert.Equal(t, channel.Store, store.Channel)
				assert.Equal(t, painpoint.Support, store.PainPoints[0].Category)
				assert.Equal(t, painpoint.Critical, store.PainPoints[0].Severity)
			},
		},
		{
			name: "decomposed (NFD) Vietnamese and Vietnamese typed without accents",
			input: "Giai \u0111oa\u0323n,Giai \u0111oa\u0323n mua,\u0110ie\u0302\u0309m cha\u0323m,Ke\u0302nh,Loa\u0323i \u0111ie\u0302\u0309m \u0111au,Mu\u031b\u0301c \u0111o\u0323\u0302,\u0110ie\u0302\u0309m \u0111au\n" +
				"Nha\u0323\u0302n thu\u031b\u0301c,Tru\u031bo\u031b\u0301c khi mua ha\u0300ng,Xem video,Ma\u0323ng xa\u0303 ho\u0323\u0302i,Ta\u0300i chi\u0301nh,Nghie\u0302m tro\u0323ng,Phi\u0301 cao\n" +
				"chuyen doi,trong khi mua hang,Dat hang,cua hang,quy trinh,trung binh,Cho lau\n",
			check: func(t *testing.T, j *journey.Journey) {
				require.Len(t, j.Stages, 2)
				assert.Equal(t, journey.BeforePurchase, j.Stages[0].Phase)
				p := j.Stages[0].Touchpoints[0].PainPoints[0]
				assert.Equal(t, painpoint.Financial, p.Category)
				assert.Equal(t, painpoint.Critical, p.Severity)
				assert.Equal(t, channel.SocialMedia, j.Stages[0].Touchpoints[0].Channel)
				assert.Equal(t, journey.DuringPurchase, j.Stages[1].Phase)
				assert.Equal(t, channel.Store, j.Stages[1].Touchpoints[0].Channel)
				assert.Equal(t, painpoint.Process, j.Stages[1].Touchpoints[0].PainPoints[0].Category)
				assert.Equal(t, painpoint.Medium, j.Stages[1].Touchpoints[0].PainPoints[0].Severity)
			},
		},
		{
			name: "loose English headers, any case, one action per row, tabs",
			input: "  Stage Name \tPurchase Phase\tTouch-Point\tCHANNEL\tAction\tPain Point Category\tSeverity\tPain Point\n" +
				"Research\tBefore purchase\tReads blog\tWeb\tReads the article\t\t\t\n" +
				"Research\tbefore\tReads blog\twebsite\tDownloads the checklist\tproductivity\tmedium\tLong article\n",
			check: func(t *testing.T, j *journey.Journey) {
				require.Len(t, j.Stages, 1)
				require.Len(t, j.Stages[0].Touchpoints, 1, "rows with the same touchpoint name are one touchpoint")
				tp := j.Stages[0].Touchpoints[0]
				assert.Equal(t, channel.Website, tp.Channel)
				assert.Equal(t, []string{"Reads the article", "Downloads the checklist"}, tp.Actions)
				require.Len(t, tp.PainPoints, 1)
			},
		},
		{
			name: "formula guard removed, other quotes kept",
			input: "stage,phase,touchpoint,channel,actions,owner\n" +
				"'=Stage,before_purchase,'-5% banner,website,\"'+1 click\nsecond\",'Team's owner\n",
			check: func(t *testing.T, j *journey.Journey) {
				assert.Equal(t, "=Stage", j.Stages[0].Name)
				tp := j.Stages[0].Touchpoints[0]
				assert.Equal(t, "-5% banner", tp.Name)
				assert.Equal(t, []string{"+1 click", "second"}, tp.Actions)
				assert.Equal(t, "'Team's owner", tp.Owner)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := importString(t, tt.input, sheet.Options{})
			assert.NoError(t, j.Validate())
			tt.check(t, j)
		})
	}
}

func TestImportOptions(t *testing.T) {
	in := "stage,phase,touchpoint,channel\nAware,before_purchase,Ad,online_ads\n"
	j := importString(t, in, sheet.Options{})
	assert.Equal(t, sheet.DefaultTitle, j.Title)
	assert.Equal(t, journey.CurrentState, j.Type)
	assert.Empty(t, j.Language)

	j = importString(t, in, sheet.Options{Title: "Hành trình", Type: journey.FutureState, Language: "vi"})
	assert.Equal(t, "Hành trình", j.Title)
	assert.Equal(t, journey.FutureState, j.Type)
	assert.Equal(t, "vi", j.Language)

	_, err := sheet.Import(strings.NewReader(in), sheet.Options{Type: "map"})
	assert.ErrorContains(t, err, `"map"`)

	_, err = sheet.Import(strings.NewReader(in), sheet.Options{Language: "not a tag"})
	assert.ErrorIs(t, err, docerr.ErrInvalid, "the imported journey is validated")

	_, err = sheet.Import(strings.NewReader(in), sheet.Options{MaxBytes: 10})
	assert.ErrorIs(t, err, sheet.ErrTooLarge)

	withNote := "stage,phase,touchpoint,channel,Ghi chú\nAware,before_purchase,Ad,online_ads,xem lại\n"
	_, err = sheet.Import(strings.NewReader(withNote), sheet.Options{})
	assert.ErrorIs(t, err, sheet.ErrHeader)
	assert.ErrorContains(t, err, `line 1, column "Ghi chú": unknown column`)
	j = importString(t, withNote, sheet.Options{AllowUnknownColumns: true})
	assert.Len(t, j.Stages, 1)

	semicolonWithComma := "stage;phase;touchpoint;channel;emotion\nA, B;before_purchase;Ad;online_ads;-0,5\n"
	j = importString(t, semicolonWithComma, sheet.Options{Comma: ';'})
	assert.Equal(t, "A, B", j.Stages[0].Name)
	assert.Equal(t, f(-0.5), j.Stages[0].Touchpoints[0].Emotion)
}

func TestImportPreamble(t *testing.T) {
	in := "Bản đồ hành trình khách hàng – Mộc Sơn,,,\n,,,\n,Cập nhật 10/2026,,\nstage,phase,touchpoint,channel\nA,before,Ad,website\n"
	j := importString(t, in, sheet.Options{})
	assert.Equal(t, "Bản đồ hành trình khách hàng – Mộc Sơn", j.Title)
	assert.Equal(t, "Cập nhật 10/2026", j.Description)
	assert.Len(t, j.Stages, 1)

	j = importString(t, in, sheet.Options{Title: "Given"})
	assert.Equal(t, "Given", j.Title)
	assert.Equal(t, "Bản đồ hành trình khách hàng – Mộc Sơn\nCập nhật 10/2026", j.Description, "nothing above the header is dropped")

	_, err := sheet.Import(strings.NewReader("Title\nNote\n"), sheet.Options{})
	assert.ErrorContains(t, err, "no header row")
	_, err = sheet.Import(strings.NewReader("Title\nstage,phase,touchpoint,kênh,ghi chú\nA,before,Ad,web,x\n"), sheet.Options{})
	assert.ErrorContains(t, err, `line 2, column "ghi chú": unknown column`, "the header's own line is reported")
}

func TestImportIsDeterministic(t *testing.T) {
	in := "stage,phase,touchpoint,channel,pain,pain_category,pain_severity\nA,before_purchase,Ad,online_ads,Slow,productivity,low\n"
	a := importString(t, in, sheet.Options{})
	b := importString(t, in, sheet.Options{})
	assert.Equal(t, a, b, "ids are filled from the content, not at random")
	assert.NotEqual(t, uuid.Nil, a.Stages[0].Touchpoints[0].PainPoints[0].ID)
}

// TestImportReportsEveryProblem: all problems of a sheet come back at once,
// each naming its line and column, each wrapping a sentinel.
func TestImportReportsEveryProblem(t *testing.T) {
	in := "stage,phase,touchpoint,channel,emotion,pain_category,pain_severity,pain,pain_point_id\n" + // line 1
		"Aware,before_purchase,Ad,online_ads,abc,,,,\n" + // 2: emotion not a number
		"Aware,before_purchase,Blog,website,3,,,,\n" + // 3: emotion out of range
		"Aware,sometime,Video,telepathy,,,,,\n" + // 4: phase conflicts/unknown, channel unknown
		"Aware,before_purchase,Ad,online_ads\n" + // 5: ragged
		"Buy,during_purchase,Cart,website,,money,high,Fee,not-a-uuid\n" + // 6: category unknown, bad uuid
		"Buy,during_purchase,Cart,website,,financial,,,\n" + // 7: severity and title missing
		"Buy,during_purchase,Cart,email,,,,,\n" + // 8: channel conflicts with line 6
		"Care,,Call,phone,,,,,\n" + // 9: new stage needs a phase
		",,,,1,,,,\n" + // 10: touchpoint cells, continues Call: fine? no: emotion on Call sets it
		"Pay,after_purchase,,,,,,,\n" + // 11: fine (stage only)
		",,,,,support,low,Nobody answers,\n" // 12: pain without touchpoint in stage Pay
	_, err := sheet.Import(strings.NewReader(in), sheet.Options{})
	require.Error(t, err)
	var list sheet.Errors
	require.True(t, errors.As(err, &list))
	want := []struct {
		msg      string
		sentinel error
	}{
		{`line 2, column "emotion": "abc" is not a number`, docerr.ErrType},
		{`line 3, column "emotion": emotion 3 is outside -2..2`, docerr.ErrRange},
		{`line 4, column "phase": "sometime" is not a phase (allowed: before_purchase, during_purchase, after_purchase)`, docerr.ErrEnum},
		{`line 4, column "channel": "telepathy" is not a channel (allowed: website,`, docerr.ErrEnum},
		{`line 5: the row has 4 cells, the header has 9`, sheet.ErrRowLength},
		{`line 6, column "pain_point_id": "not-a-uuid" is not a UUID`, docerr.ErrInvalid},
		{`line 6, column "pain_category": "money" is not a pain point category (allowed: financial, productivity, process, support)`, docerr.ErrEnum},
		{`line 7, column "pain": a pain point needs a title`, docerr.ErrRequired},
		{`line 7, column "pain_severity": a pain point needs a severity`, docerr.ErrRequired},
		{`line 8, column "channel": touchpoint "Cart" has channel "website" (line 6)`, sheet.ErrConflict},
		{`line 9, column "phase": stage "Care" needs a phase`, docerr.ErrRequired},
		{`line 12, column "touchpoint": the row has touchpoint or pain point cells but names no touchpoint`, docerr.ErrRequired},
	}
	require.Len(t, list, len(want), "%v", err)
	for i, w := range want {
		assert.Contains(t, list[i].Error(), w.msg, "problem %d", i)
		assert.ErrorIs(t, list[i], w.sentinel, "problem %d: %v", i, list[i])
	}
	assert.Equal(t, 2, list[0].Line)
	assert.Equal(t, "emotion", list[0].Column)
}

func TestImportRejectsUnreadableInput(t *testing.T) {
	tests := []struct {
		name, input string
		sentinel    error
		msg         string
	}{
		{"empty", "", sheet.ErrHeader, "the input is empty"},
		{"missing columns", "stage,touchpoint\nA,B\n", sheet.ErrHeader, `line 1: missing column "phase" (or "Giai đoạn mua hàng")`},
		{"missing touchpoint column", "stage,phase,channel\nA,before,store\n", sheet.ErrHeader, `line 1: missing column "touchpoint" (or "Điểm chạm")`},
		{"duplicate column", "stage,giai đoạn,phase,touchpoint,channel\n", sheet.ErrHeader, `line 1, column "giai đoạn": names the same column (stage) as "stage"`},
		{"data under an empty header", "stage,phase,touchpoint,channel,\nA,before,B,website,x\n", sheet.ErrHeader, `line 2, column "#5": cell "x" is in a column without a header`},
		{"utf-16", "\xff\xfes\x00", docerr.ErrInvalidUTF8, "UTF-16"},
		{"latin-1", "stage,phase,touchpoint,channel\nA,before,Caf\xe9,store\n", docerr.ErrInvalidUTF8, "line 2: the text is not UTF-8"},
		{"stray quote", "stage,phase,touchpoint,channel\nA,before,B \"x\" y,store\nC,after,D,store\n", sheet.ErrSyntax, "line 2: a quote inside a cell that does not start with one"},
		{"unclosed quote names the line it opens on", "stage,phase,touchpoint,channel\nA,before,Ad,store\nB,after,\"Call\n\nC,after,D,store\n", sheet.ErrSyntax, "line 3: the quote that opens a cell here is never closed"},
		{"a line over the limit", "stage,phase,touchpoint,channel\nA,before," + strings.Repeat("x", 3000) + ",store\n", sheet.ErrTooLarge, "line 2: the line is longer than 1,024 bytes"},
		{"first row without stage", "stage,phase,touchpoint,channel\n,,Ad,website\n", docerr.ErrRequired, `line 2, column "stage": the first row must name its stage`},
		{"touchpoint without channel", "stage,phase,touchpoint,channel\nA,before,Ad,\n", docerr.ErrRequired, `line 2, column "channel": touchpoint "Ad" needs a channel`},
		{"duplicate pain id", "stage,phase,touchpoint,channel,pain_point_id,pain,pain_category,pain_severity\n" +
			"A,before,Ad,website,4b4e28ba-2fa1-41d2-883f-0016d3cca427,X,process,low\n" +
			"A,before,Ad,website,4b4e28ba-2fa1-41d2-883f-0016d3cca427,Y,process,low\n", docerr.ErrDuplicateID, `line 3, column "pain_point_id": pain point 4b4e28ba-2fa1-41d2-883f-0016d3cca427 is already on line 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := sheet.Import(strings.NewReader(tt.input), sheet.Options{MaxLineBytes: 1024})
			assert.Nil(t, j)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestImportStopsAfterMaxErrors(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("stage,phase,touchpoint,channel,emotion\n")
	for range 50 {
		b.WriteString("A,before,Ad,website,x\n")
	}
	_, err := sheet.Import(&b, sheet.Options{MaxErrors: 10})
	var list sheet.Errors
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 11)
	assert.ErrorIs(t, list[10], sheet.ErrTooManyErrors)
}

func TestImportTestdataSheets(t *testing.T) {
	files, err := filepath.Glob("testdata/*.csv")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			j, err := sheet.Import(bytes.NewReader(data), sheet.Options{Language: "vi"})
			require.NoError(t, err)
			assert.NoError(t, j.Validate())
			assert.NotEmpty(t, j.Stages)
		})
	}
}
