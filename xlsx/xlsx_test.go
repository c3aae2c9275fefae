package xlsx_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/internal/testkit/hostile"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/touchpoint"
	"github.com/journeymap/journeymap/xlsx"
)

// TestMain fails the run when a file under testdata/ is checked by no test.
func TestMain(m *testing.M) { golden.Main(m, "testdata") }

// projection keeps what the map sheet carries, as the CSV layout does.
func projection(j *journey.Journey) []*journey.Stage {
	var out []*journey.Stage
	for _, s := range j.Stages {
		ps := &journey.Stage{ID: s.ID, Name: s.Name, Phase: s.Phase}
		for _, t := range s.Touchpoints {
			pt := &touchpoint.Touchpoint{ID: t.ID, Name: t.Name, Channel: t.Channel, Mode: t.Mode,
				Initiator: t.Initiator, Owner: t.Owner, Emotion: t.Emotion,
				Actions: t.Actions, Thoughts: t.Thoughts, Feelings: t.Feelings}
			for _, p := range t.PainPoints {
				pt.PainPoints = append(pt.PainPoints, &painpoint.PainPoint{ID: p.ID, Title: p.Title,
					Description: p.Description, Category: p.Category, Severity: p.Severity, Evidence: p.Evidence})
			}
			ps.Touchpoints = append(ps.Touchpoints, pt)
		}
		out = append(out, ps)
	}
	return out
}

func examples(t *testing.T) map[string]*journey.Journey {
	t.Helper()
	files, err := filepath.Glob("../examples/journeys/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]*journey.Journey{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		j, err := journey.Unmarshal(data)
		require.NoError(t, err)
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = j
	}
	return out
}

func workbook(t *testing.T, j *journey.Journey, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, xlsx.Workbook{Language: lang}.Render(&b, j))
	return b.Bytes()
}

// oneLine keeps the list items a cell of one item per line can carry.
func oneLine(items []string) []string {
	var out []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" && !strings.ContainsAny(it, "\r\n") {
			out = append(out, it)
		}
	}
	return out
}

// lineItems drops the list items one line per item cannot carry.
func lineItems(j *journey.Journey) *journey.Journey {
	for _, tp := range j.Touchpoints() {
		tp.Actions, tp.Thoughts, tp.Feelings = oneLine(tp.Actions), oneLine(tp.Thoughts), oneLine(tp.Feelings)
	}
	for _, p := range j.Personas {
		p.Goals, p.Needs, p.Frustrations, p.Behaviors = oneLine(p.Goals), oneLine(p.Needs), oneLine(p.Frustrations), oneLine(p.Behaviors)
	}
	return j
}

// TestRoundTrip: document → workbook → document keeps every field the map
// sheet carries, in both languages, for the examples, the hostile corpus
// and random journeys.
func TestRoundTrip(t *testing.T) {
	js := examples(t)
	// Each hostile label in a journey of its own; a label longer than an
	// Excel cell holds is refused instead (TestLongTextIsRefused).
	for _, e := range hostile.Entries() {
		if len(e.Text) > 30000 {
			continue
		}
		if err := (xlsx.Workbook{}).Render(&bytes.Buffer{}, lineItems(hostile.JourneyFor(e.Text))); errors.Is(err, xlsx.ErrUnstorable) {
			t.Logf("hostile %s: refused: %.120v", e.ID, err)
			continue
		}
		js["hostile-"+e.ID] = lineItems(hostile.JourneyFor(e.Text))
	}
	for seed := range uint64(10) {
		j := lineItems(randjourney.New(seed))
		js["random-"+string(rune('a'+seed))] = j
	}
	for name, j := range js {
		for _, lang := range []string{"en", "vi"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				back, err := xlsx.Import(bytes.NewReader(workbook(t, j, lang)), xlsx.Options{})
				require.NoError(t, err)
				assert.Equal(t, asJSON(t, projection(j)), asJSON(t, projection(back)))
				if lang == "vi" {
					assert.Equal(t, "vi", back.Language, "Vietnamese headers record the language")
				}
			})
		}
	}
}

// TestHostileCellsStayText: a cell beginning with "=", "+", "-" or "@" is a
// text cell with no formula.
func TestHostileCellsStayText(t *testing.T) {
	j := journey.New("T", journey.CurrentState)
	s := j.AddStage("=HYPERLINK(\"http://x\",\"y\")", journey.BeforePurchase)
	for _, name := range []string{"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "'=1"} {
		tp := touchpoint.New(name, "website")
		tp.Owner = name
		s.Touchpoints = append(s.Touchpoints, &tp)
	}
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, j, "en")))
	require.NoError(t, err)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for r := 2; r <= len(rows); r++ {
		for _, col := range []string{"B", "E", "I"} {
			cell := col + string(rune('0'+r))
			formula, err := f.GetCellFormula(sheet, cell)
			require.NoError(t, err)
			assert.Empty(t, formula, "%s is a formula", cell)
			typ, err := f.GetCellType(sheet, cell)
			require.NoError(t, err)
			assert.Equal(t, excelize.CellTypeInlineString, typ, "%s is stored as text", cell)
		}
	}
	back, err := xlsx.Import(bytes.NewReader(workbook(t, j, "en")), xlsx.Options{})
	require.NoError(t, err)
	assert.Equal(t, projection(j), projection(back), "no apostrophe added or removed")
}

func TestControlCharactersAreRefused(t *testing.T) {
	for _, label := range []string{"a\x00b", "bell\x07", "\x1b[2J", "x\uffffy", "bad\xffutf8"} {
		j := journey.New("T", journey.CurrentState)
		j.AddStage("S", journey.BeforePurchase).Description = "x"
		tp := touchpoint.New(label, "website")
		j.Stages[0].Touchpoints = append(j.Stages[0].Touchpoints, &tp)
		err := xlsx.Workbook{}.Render(&bytes.Buffer{}, j)
		require.ErrorIs(t, err, xlsx.ErrUnstorable, "%q", label)
		assert.Contains(t, err.Error(), `row 2, column "touchpoint"`)
	}
}

func TestLongTextIsRefused(t *testing.T) {
	j := journey.New("T", journey.CurrentState)
	j.AddStage(strings.Repeat("x", xlsx.MaxCellChars+1), journey.BeforePurchase)
	err := xlsx.Workbook{}.Render(&bytes.Buffer{}, j)
	require.ErrorIs(t, err, xlsx.ErrCellTooLong)
	assert.Contains(t, err.Error(), `row 2, column "stage"`)
}

// TestWorkbookLayout: sheets, frozen header, widths, numbers.
func TestWorkbookLayout(t *testing.T) {
	j := examples(t)["cvj-vi"]
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, j, "")))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"Bản đồ", "Chân dung khách hàng", "Điểm đau", "Cơ hội cải thiện"}, f.GetSheetList(), "the document's language")
	panes, err := f.GetPanes("Bản đồ")
	require.NoError(t, err)
	assert.True(t, panes.Freeze, "header row frozen")
	assert.Equal(t, 1, panes.YSplit)
	w, err := f.GetColWidth("Bản đồ", "E")
	require.NoError(t, err)
	assert.Greater(t, w, 10.0, "touchpoint column sized to its text")
	assert.LessOrEqual(t, w, 62.0, "but not wider than 60 characters")
	typ, err := f.GetCellType("Bản đồ", "J2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeInlineString, typ, "emotion is a number")

	en, err := excelize.OpenReader(bytes.NewReader(workbook(t, j, "en")))
	require.NoError(t, err)
	defer en.Close()
	assert.Equal(t, []string{"Map", "Personas", "Pain points", "Opportunities"}, en.GetSheetList(), "Language overrides the document's")
}

// cellValues reads every sheet of a workbook as text.
func cellValues(t *testing.T, data []byte) map[string][][]string {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		out[s] = rows
	}
	return out
}

// TestGoldenWorkbooks compares the cell values of every example's workbook
// with testdata/NAME.LANG.cells.json (go test ./xlsx -update rewrites them).
func TestGoldenWorkbooks(t *testing.T) {
	for name, j := range examples(t) {
		for _, lang := range []string{"en", "vi"} {
			got, err := json.MarshalIndent(cellValues(t, workbook(t, j, lang)), "", " ")
			require.NoError(t, err)
			path := filepath.Join("testdata", name+"."+lang+".cells.json")
			golden.Check(t, path, append(got, '\n'))
		}
	}
}

// TestImportLayouts: a marketer's workbook — a merged title row, Vietnamese
// headers on another sheet, merged stage cells, brand names — imports.
func TestImportLayouts(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "Ghi chú"))
	require.NoError(t, f.SetCellStr("Ghi chú", "A1", "not the map"))
	_, err := f.NewSheet("Hành trình")
	require.NoError(t, err)
	rows := [][]any{
		{"Bản đồ hành trình – Cà phê"},
		{},
		{"Giai đoạn", "Giai đoạn mua hàng", "Điểm chạm", "Kênh", "Cảm xúc", "Hành động"},
		{"Nhận biết", "Trước khi mua hàng", "Quảng cáo", "Facebook", 1, "Xem video\nBấm thích"},
		{nil, nil, "Tìm kiếm", "Google", 0.5},
		{"Mua hàng", "Trong khi mua hàng", "Đặt hàng", "Shopee", -1},
	}
	for i, row := range rows {
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("Hành trình", axis, &row))
	}
	require.NoError(t, f.MergeCell("Hành trình", "A1", "F1"))
	require.NoError(t, f.MergeCell("Hành trình", "A4", "A5"))
	require.NoError(t, f.MergeCell("Hành trình", "B4", "B5"))
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))

	_, err = xlsx.Import(bytes.NewReader(b.Bytes()), xlsx.Options{})
	require.Error(t, err, "the first sheet is not the map")
	_, err = xlsx.Import(bytes.NewReader(b.Bytes()), xlsx.Options{Sheet: "Nope"})
	require.ErrorIs(t, err, xlsx.ErrNoSheet)
	assert.Contains(t, err.Error(), `"Ghi chú", "Hành trình"`, "the error lists the sheets")

	j, err := xlsx.Import(bytes.NewReader(b.Bytes()), xlsx.Options{Sheet: "Hành trình"})
	require.NoError(t, err)
	assert.Equal(t, "Bản đồ hành trình – Cà phê", j.Title, "merged title row")
	assert.Equal(t, "vi", j.Language)
	require.Len(t, j.Stages, 2)
	require.Len(t, j.Stages[0].Touchpoints, 2, "the merged stage cell continues down")
	assert.Equal(t, "social_media", string(j.Stages[0].Touchpoints[0].Channel))
	assert.Equal(t, "search", string(j.Stages[0].Touchpoints[1].Channel))
	assert.Equal(t, 0.5, *j.Stages[0].Touchpoints[1].Emotion)
	assert.Equal(t, []string{"Xem video", "Bấm thích"}, j.Stages[0].Touchpoints[0].Actions)
	assert.Equal(t, "marketplace", string(j.Stages[1].Touchpoints[0].Channel))
}

// TestImportErrorsNameSheetAndRow: problems name the sheet, the row and
// the column, in the sheet's language.
func TestImportErrorsNameSheetAndRow(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{
		{"Bước", "Giai đoạn mua hàng", "Điểm chạm", "Kênh", "Cảm xúc"},
		{"A", "Trước khi mua hàng", "Quảng cáo", "Bồ câu đưa thư", 7},
	} {
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("Sheet1", axis, &row))
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	_, err := xlsx.Import(&b, xlsx.Options{})
	var list sheet.Errors
	require.True(t, errors.As(err, &list), "%v", err)
	require.Len(t, list, 2)
	assert.Equal(t, `trang tính "Sheet1", hàng 2, cột "Kênh": "Bồ câu đưa thư" không phải là kênh hợp lệ (được phép: Trang web, Ứng dụng di động, Thư điện tử, Tin nhắn SMS, Trò chuyện trực tuyến, Điện thoại, Mạng xã hội, Tìm kiếm, Quảng cáo trực tuyến, Trang đánh giá, Sàn thương mại điện tử, Cửa hàng, Sự kiện, Ấn phẩm in, Thư gửi trực tiếp, Truyền miệng, Đối tác, Nhân viên, Kênh khác)`, list[0].Error())
	assert.Equal(t, `trang tính "Sheet1", hàng 2, cột "Cảm xúc": cảm xúc 7 nằm ngoài khoảng -2..2`, list[1].Error())
}

func TestImportRefusesWhatIsNotAWorkbook(t *testing.T) {
	_, err := xlsx.Import(strings.NewReader("stage,phase\n"), xlsx.Options{})
	assert.ErrorIs(t, err, xlsx.ErrWorkbook)
	_, err = xlsx.Import(bytes.NewReader(make([]byte, 100)), xlsx.Options{Options: sheet.Options{MaxBytes: 10}})
	assert.ErrorIs(t, err, sheet.ErrTooLarge)
}

func TestRenderNil(t *testing.T) {
	assert.ErrorIs(t, xlsx.Workbook{}.Render(&bytes.Buffer{}, nil), render.ErrNilJourney)
}

func asJSON(t *testing.T, v any) string {
	data, err := json.MarshalIndent(v, "", " ")
	require.NoError(t, err)
	return string(data)
}

func asJSONString(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(data)
}
