package sheet_test

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/sheet"
)

// A sheet as a Vietnamese marketing team keeps it: Vietnamese headers and
// values, the stage cell filled once for its rows.
func ExampleImport() {
	csv := `Giai đoạn,Giai đoạn mua,Điểm chạm,Kênh,Cảm xúc,Loại điểm đau,Mức độ,Điểm đau
Nhận thức,Trước khi mua hàng,Xem video TikTok,Mạng xã hội,1,,,
,,Quảng cáo Google,Quảng cáo,-1,Năng suất,Cao,Trang tải chậm
Chuyển đổi,Trong khi mua hàng,Đặt hàng trên website,Website,-0.5,Tài chính,Trung bình,Phí giao hàng cao
`
	j, err := sheet.Import(strings.NewReader(csv), sheet.Options{Title: "Cà phê Mộc Sơn", Language: "vi"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for s, t := range j.Touchpoints() {
		fmt.Printf("%s (%s) / %s [%s] %v\n", s.Name, s.Phase, t.Name, t.Channel, *t.Emotion)
		for _, p := range t.PainPoints {
			fmt.Printf("  pain: %s (%s, %s)\n", p.Title, p.Category, p.Severity)
		}
	}
	// Output:
	// Nhận thức (before_purchase) / Xem video TikTok [social_media] 1
	// Nhận thức (before_purchase) / Quảng cáo Google [online_ads] -1
	//   pain: Trang tải chậm (productivity, high)
	// Chuyển đổi (during_purchase) / Đặt hàng trên website [website] -0.5
	//   pain: Phí giao hàng cao (financial, medium)
}

// Every problem of a sheet is reported at once, by line and column.
func ExampleImport_errors() {
	csv := `stage,phase,touchpoint,channel,emotion,pain_category,pain_severity,pain
Aware,before_purchase,Ad,online_ads,abc,,,
Buy,during_purchase,Cart,website,-1,money,high,Hidden fee
`
	_, err := sheet.Import(strings.NewReader(csv), sheet.Options{})
	fmt.Println(err)
	// Output:
	// line 2, column "emotion": "abc" is not a number
	// line 3, column "pain_category": "money" is not a pain point category (allowed: financial, productivity, process, support)
}

// A Vietnamese sheet records its language, and its problems are reported
// in Vietnamese with the allowed values as the sheet writes them. Brand
// names are channels.
func ExampleImport_vietnamese() {
	csv := `Bước;Giai đoạn mua hàng;Điểm chạm;Kênh
Nhận biết;Trước khi mua hàng;Xem quảng cáo;Facebook
Mua hàng;Trong khi mua hàng;Đặt hàng;Shopee
`
	j, err := sheet.Import(strings.NewReader(csv), sheet.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Language, j.Stages[0].Touchpoints[0].Channel, j.Stages[1].Touchpoints[0].Channel)
	_, err = sheet.Import(strings.NewReader("Bước;Giai đoạn mua hàng;Điểm chạm;Kênh\nA;Sớm;B;Zalo\n"), sheet.Options{})
	fmt.Println(err)
	// Output:
	// vi social_media marketplace
	// dòng 2, cột "Giai đoạn mua hàng": "Sớm" không phải là giai đoạn mua hàng hợp lệ (được phép: Trước khi mua hàng, Trong khi mua hàng, Sau khi mua hàng)
}

// A sheet already split into cells, such as a workbook's: errors name rows.
func ExampleImportRows() {
	rows := [][]string{
		{"stage", "phase", "touchpoint", "channel", "emotion"},
		{"Aware", "before", "Ad", "Google Ads", "1"},
		{"", "", "Video", "YouTube", "2"},
	}
	j, err := sheet.ImportRows(rows, sheet.Options{Title: "From a workbook"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range j.Touchpoints() {
		fmt.Println(t.Name, t.Channel, *t.Emotion)
	}
	// Output:
	// Ad online_ads 1
	// Video social_media 2
}
