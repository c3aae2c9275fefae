package analysis_test

import (
	"fmt"
	"os"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
)

// checkout builds a small current-state journey: a product page and a
// checkout where the shipping fee appears late.
func checkout() *journey.Journey {
	j := journey.New("Buying a phone online", journey.CurrentState)
	j.Objective = "Find where buyers give up"
	browse := j.AddStage("Browse", journey.BeforePurchase)
	page := browse.AddTouchpoint("Reads the product page", channel.Website)
	page.Owner = "Web team"
	page.SetEmotion(1)
	buy := j.AddStage("Buy", journey.DuringPurchase)
	cart := buy.AddTouchpoint("Sees the shipping fee in the cart", channel.Website)
	cart.Owner = "Web team"
	cart.SetEmotion(-1)
	cart.AddPainPoint(painpoint.New("Shipping fee shown only at checkout", painpoint.Financial, painpoint.High))
	hotline := buy.AddTouchpoint("Calls to ask about the fee", channel.Phone)
	hotline.SetEmotion(-2)
	return j
}

func ExampleAnalyze() {
	r := analysis.Analyze(checkout(), analysis.Options{})
	for _, f := range r.Findings {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	fmt.Printf("journey friction %.2f\n", r.Friction.Score)
	for _, s := range r.Friction.Stages {
		fmt.Printf("%s %.2f\n", s.Name, s.Score)
	}
	w := r.Friction.WeakestLink
	fmt.Printf("weakest link: %s (%.2f)\n", w.Name, w.Score)
	for _, f := range w.Factors {
		fmt.Printf("  %s %.2f %s\n", f.Name, f.Points, f.Detail)
	}
	// Output:
	// warning journey.no_personas personas
	// critical phase.uncovered stages
	// info stage.single_touchpoint stages[0]
	// warning painpoint.unaddressed stages[1].touchpoints[0].pain_points[0]
	// warning touchpoint.no_owner stages[1].touchpoints[1]
	// journey friction 0.47
	// Browse 0.00
	// Buy 0.64
	// weakest link: Sees the shipping fee in the cart (0.67)
	//   pain.financial 1.00 1 high
	//   negative_emotion 0.50 emotion -1
	//   emotion_dip 0.50 emotion falls from 1 to -1
}

func ExampleDiff() {
	current := checkout()
	future := checkout()
	// Same ids (a copy), so the stages and touchpoints match by id.
	future.ID = current.ID
	for i, s := range future.Stages {
		s.ID = current.Stages[i].ID
		for k, t := range s.Touchpoints {
			t.ID = current.Stages[i].Touchpoints[k].ID
		}
	}
	// The future state shows the fee on the product page: no pain, no call.
	cart := future.Stages[1].Touchpoints[0]
	cart.PainPoints = nil
	cart.SetEmotion(1)
	future.Stages[1].Touchpoints = future.Stages[1].Touchpoints[:1]

	changes := analysis.Diff(current, future)
	fmt.Print(changes)
	fmt.Println()
	fmt.Print(changes.Text("vi")) // the same in Vietnamese
	// Output:
	// stage changed: "Buy" (touchpoints); friction 0.6364 → 0 (-0.6364); emotion -1.5 → 1 (+2.5)
	// touchpoint changed: "Sees the shipping fee in the cart" in "Buy" (emotion, pain_points)
	// touchpoint removed: "Calls to ask about the fee" in "Buy"
	// pain point resolved: "Shipping fee shown only at checkout" (high financial) at "Sees the shipping fee in the cart"
	// journey friction 0.4667 → 0 (-0.4667)
	//
	// bước thay đổi: "Buy" (touchpoints); ma sát 0,6364 → 0 (-0,6364); cảm xúc -1,5 → 1 (+2,5)
	// điểm chạm thay đổi: "Sees the shipping fee in the cart" ở bước "Buy" (emotion, pain_points)
	// điểm chạm bị bỏ: "Calls to ask about the fee" ở bước "Buy"
	// điểm đau đã được giải quyết: "Shipping fee shown only at checkout" (mức độ cao, loại tài chính) tại điểm chạm "Sees the shipping fee in the cart"
	// ma sát của hành trình 0,4667 → 0 (-0,4667)
}

// Options.Language gives the messages in Vietnamese, for a team that writes
// its maps in Vietnamese; codes, paths and factor names stay the same.
func ExampleOptions_language() {
	j := journey.New("Mua điện thoại trực tuyến", journey.CurrentState)
	j.Objective = "Tìm ra nơi người mua bỏ cuộc"
	browse := j.AddStage("Tìm hiểu", journey.BeforePurchase)
	page := browse.AddTouchpoint("Đọc trang sản phẩm", channel.Website)
	page.Owner = "Nhóm web"
	page.SetEmotion(1)
	buy := j.AddStage("Mua hàng", journey.DuringPurchase)
	cart := buy.AddTouchpoint("Thấy phí giao hàng trong giỏ", channel.Website)
	cart.Owner = "Nhóm web"
	cart.SetEmotion(-1)
	cart.AddPainPoint(painpoint.New("Phí giao hàng chỉ hiện lúc thanh toán", painpoint.Financial, painpoint.High))
	hotline := buy.AddTouchpoint("Gọi hỏi về phí giao hàng", channel.Phone)
	hotline.SetEmotion(-2)

	r := analysis.Analyze(j, analysis.Options{Language: "vi-VN"})
	for _, f := range r.Findings {
		fmt.Println(f.Code + ": " + f.Message)
	}
	for _, f := range r.Friction.WeakestLink.Factors {
		fmt.Printf("%s: %s\n", f.Name, f.Detail)
	}
	// Output:
	// journey.no_personas: Hành trình chưa nêu chân dung khách hàng nào: hãy cho biết đây là hành trình của ai, để các điểm chạm và điểm đau được đánh giá từ góc nhìn của một khách hàng thực.
	// phase.uncovered: Không có điểm chạm nào ở giai đoạn sau khi mua hàng: khách hàng bị lãng quên sau khi mua (sử dụng, hỗ trợ, gắn bó lâu dài, ủng hộ thương hiệu).
	// stage.single_touchpoint: Bước "Tìm hiểu" chỉ có một điểm chạm: nếu điểm chạm này trục trặc, khách hàng không còn nơi nào khác để tìm đến và có thể chuyển sang đối thủ cạnh tranh.
	// painpoint.unaddressed: Điểm đau "Phí giao hàng chỉ hiện lúc thanh toán" (mức độ cao, loại tài chính) chưa được cơ hội cải thiện nào giải quyết.
	// touchpoint.no_owner: Điểm chạm "Gọi hỏi về phí giao hàng" chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này.
	// pain.financial: 1 cao
	// negative_emotion: cảm xúc -1
	// emotion_dip: cảm xúc giảm từ 1 xuống -1
}

// ExampleReport_WriteText prints a report for people, in Vietnamese: the
// headings, severities, factor names and decimal commas follow the
// language; codes and paths stay as they are.
func ExampleReport_WriteText() {
	r := analysis.Analyze(checkout(), analysis.Options{Language: "vi"})
	if err := r.WriteText(os.Stdout, i18n.Vietnamese); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Buying a phone online
	//
	// Phát hiện (5):
	//   personas: cảnh báo journey.no_personas: Hành trình chưa nêu chân dung khách hàng nào: hãy cho biết đây là hành trình của ai, để các điểm chạm và điểm đau được đánh giá từ góc nhìn của một khách hàng thực.
	//   stages: nghiêm trọng phase.uncovered: Không có điểm chạm nào ở giai đoạn sau khi mua hàng: khách hàng bị lãng quên sau khi mua (sử dụng, hỗ trợ, gắn bó lâu dài, ủng hộ thương hiệu).
	//   stages[0]: thông tin stage.single_touchpoint: Bước "Browse" chỉ có một điểm chạm: nếu điểm chạm này trục trặc, khách hàng không còn nơi nào khác để tìm đến và có thể chuyển sang đối thủ cạnh tranh.
	//   stages[1].touchpoints[0].pain_points[0]: cảnh báo painpoint.unaddressed: Điểm đau "Shipping fee shown only at checkout" (mức độ cao, loại tài chính) chưa được cơ hội cải thiện nào giải quyết.
	//   stages[1].touchpoints[1]: cảnh báo touchpoint.no_owner: Điểm chạm "Calls to ask about the fee" chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này.
	//
	// Ma sát: 0,47 (0,88 điểm)
	//   điểm đau tài chính     1  0,25 điểm
	//   cảm xúc tiêu cực       2  0,38 điểm
	//   cảm xúc đi xuống       2  0,19 điểm
	//   chuyển kênh            1  0,06 điểm
	//
	// Các bước:
	//   0,00  Browse
	//   0,64  Buy
	//
	// Điểm nóng:
	//   0,67  Sees the shipping fee in the cart (Buy)
	//   0,60  Calls to ask about the fee (Buy)
}

// ExampleFindings counts the critical findings of a journey without
// keeping them (see also WriteJSON, which streams a whole report).
func ExampleFindings() {
	n := 0
	for f := range analysis.Findings(checkout(), analysis.Options{}) {
		if f.Severity == analysis.Critical {
			n++
		}
	}
	fmt.Println(n, "critical findings")
	// Output: 1 critical findings
}
