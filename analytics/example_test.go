package analytics_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
)

// shop is a small journey: browse and compare in Consideration, pay in Purchase.
func shop() *journey.Journey {
	j := &journey.Journey{SchemaVersion: 1, ID: uuid.MustParse("6f1c2a43-0000-4000-8000-000000000001"), Title: "Buying a phone online", Type: journey.CurrentState}
	consider := j.AddStage("Consideration", journey.BeforePurchase)
	consider.ID = uuid.MustParse("6f1c2a43-0000-4000-8000-000000000002")
	consider.AddTouchpoint("browse", channel.Website).ID = uuid.MustParse("6f1c2a43-0000-4000-8000-000000000003")
	consider.AddTouchpoint("compare", channel.Website).ID = uuid.MustParse("6f1c2a43-0000-4000-8000-000000000004")
	buy := j.AddStage("Purchase", journey.DuringPurchase)
	buy.ID = uuid.MustParse("6f1c2a43-0000-4000-8000-000000000005")
	buy.AddTouchpoint("pay", channel.Website).ID = uuid.MustParse("6f1c2a43-0000-4000-8000-000000000006")
	return j
}

const events = `customer_id,touchpoint,timestamp,outcome
ann,browse,2026-11-01T10:00:00Z,
bob,browse,2026-11-01T10:05:00Z,
ann,compare,2026-11-01T10:20:00Z,
cat,compare,2026-11-01T11:00:00Z,
bob,hotline,2026-11-01T11:30:00Z,
ann,pay,2026-11-01T12:00:00Z,failed
ann,pay,2026-11-01T12:05:00Z,ok
cat,pay,not a time,
`

func ExampleRun() {
	res, err := analytics.Run(shop(), strings.NewReader(events), "csv", analytics.Options{Window: 24 * time.Hour, MaxBadRows: analytics.MaxBadRows(1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Touchpoints {
		fmt.Printf("%-8s reached %d, drop-off %d\n", s.Name, s.Reached, s.DropOff)
	}
	// Quantiles come from histograms, within 0.4% of the exact value.
	fmt.Println("pay after compare:", res.Touchpoints[2].FromPrevious.Median.Round(time.Minute))
	fmt.Println("ad hoc:", res.Deviations.AdHoc[0].Key, "failing pay events:", res.Deviations.Touchpoints[2].Failing)
	fmt.Println("bad:", res.BadRows.Rows[0].Line, res.BadRows.Rows[0].Field)
	// Output:
	// browse   reached 2, drop-off 1
	// compare  reached 1, drop-off 0
	// pay      reached 1, drop-off 0
	// pay after compare: 1h40m0s
	// ad hoc: hotline failing pay events: 1
	// bad: 9 timestamp
}

func ExampleResult_WriteText() {
	res, _ := analytics.Run(shop(), strings.NewReader(events), "csv", analytics.Options{Source: "shop.csv", MaxBadRows: analytics.MaxBadRows(1)})
	res.WriteText(os.Stdout, i18n.English)
	// Output:
	// Funnel of "Buying a phone online" from shop.csv (window 720h)
	// 7 events, 3 customers, 1 bad row
	// Steps counted in order, other events allowed between steps.
	//
	//           Stage  reached  from previous  from start   drop-off  median time  p90 time  p95 time  p99 time
	//   Consideration        3         100.0%      100.0%  2 (66.7%)            -         -         -         -
	//        Purchase        1          33.3%       33.3%   0 (0.0%)           2h        2h        2h        2h
	//
	//   Touchpoint  reached  from previous  from start   drop-off  median time  p90 time  p95 time  p99 time
	//       browse        2         100.0%      100.0%  1 (50.0%)            -         -         -         -
	//      compare        1          50.0%       50.0%   0 (0.0%)          20m       20m       20m       20m
	//          pay        1         100.0%       50.0%   0 (0.0%)        1h40m     1h40m     1h40m     1h40m
	//
	// After dropping off (the next touchpoint of the customers who stopped at a step)
	//   browse → hotline (ad hoc) 1
	//
	// Time to convert from the previous step (customers per interval)
	//   compare: ≥17m 1
	//   pay: ≥1h8m 1
	//
	// Deviations
	//         Touchpoint  events  missing  irregular  failing  planned  emotion
	//             browse       2        1          0        0        -        -
	//            compare       2        0          0        0        -        -
	//                pay       2        0          0        1        -        -
	//   hotline (ad hoc)       1                            0                 -
	//
	// Customers: 0 as planned, 1 with ad-hoc touchpoints, 1 missing a touchpoint, 0 out of order, 1 with a failure
	//
	// Top variants (of 3)
	//          1  missing browse
	//          1  failing pay
	//          1  ad hoc
	//
	// Bad rows: 1 skipped
	//   line 9: timestamp: time "not a time": not a date and time (ISO 8601) nor a Unix time
}

// A Vietnamese team reads the same report in Vietnamese, the language
// i18n.Resolve picks from a -lang flag or the journey's own language; the
// journey's names and the events' keys stay as written.
func ExampleResult_WriteText_vietnamese() {
	res, _ := analytics.Run(shop(), strings.NewReader(events), "csv", analytics.Options{Source: "shop.csv", MaxBadRows: analytics.MaxBadRows(1)})
	res.WriteText(os.Stdout, i18n.Resolve("vi", ""))
	// Output:
	// Phễu chuyển đổi của "Buying a phone online" theo shop.csv (cửa sổ chuyển đổi 720 giờ)
	// 7 sự kiện, 3 khách hàng, 1 dòng lỗi
	// Các bước được tính theo thứ tự, cho phép sự kiện khác xen giữa các bước.
	//
	//            Bước  đạt tới  so với bước trước  so với ban đầu     rời bỏ  thời gian trung vị  thời gian p90  thời gian p95  thời gian p99
	//   Consideration        3             100,0%          100,0%  2 (66,7%)                   -              -              -              -
	//        Purchase        1              33,3%           33,3%   0 (0,0%)               2 giờ          2 giờ          2 giờ          2 giờ
	//
	//   Điểm chạm  đạt tới  so với bước trước  so với ban đầu     rời bỏ  thời gian trung vị  thời gian p90  thời gian p95  thời gian p99
	//      browse        2             100,0%          100,0%  1 (50,0%)                   -              -              -              -
	//     compare        1              50,0%           50,0%   0 (0,0%)             20 phút        20 phút        20 phút        20 phút
	//         pay        1             100,0%           50,0%   0 (0,0%)       1 giờ 40 phút  1 giờ 40 phút  1 giờ 40 phút  1 giờ 40 phút
	//
	// Sau khi rời bỏ (điểm chạm tiếp theo của khách hàng dừng lại ở một bước)
	//   browse → hotline (ngoài kế hoạch) 1
	//
	// Thời gian chuyển đổi từ bước trước (số khách hàng theo khoảng)
	//   compare: ≥17 phút 1
	//   pay: ≥1 giờ 8 phút 1
	//
	// Sai lệch so với kế hoạch
	//                  Điểm chạm  sự kiện  bỏ qua  sai thứ tự  thất bại  kế hoạch  cảm xúc
	//                     browse        2       1           0         0         -        -
	//                    compare        2       0           0         0         -        -
	//                        pay        2       0           0         1         -        -
	//   hotline (ngoài kế hoạch)        1                             0                  -
	//
	// Khách hàng: 0 đúng kế hoạch, 1 có điểm chạm ngoài kế hoạch, 1 bỏ qua một điểm chạm, 0 sai thứ tự, 1 gặp thất bại
	//
	// Các biến thể thường gặp nhất (trong 3 biến thể)
	//          1  bỏ qua browse
	//          1  thất bại pay
	//          1  ngoài kế hoạch
	//
	// Dòng lỗi: bỏ qua 1 dòng
	//   dòng 9: timestamp: time "not a time": not a date and time (ISO 8601) nor a Unix time
}

func ExampleOverlay() {
	res, _ := analytics.Run(shop(), strings.NewReader(events), "csv", analytics.Options{Source: "shop.csv", MaxBadRows: analytics.MaxBadRows(1)})
	j := analytics.Overlay(shop(), res)
	for _, m := range j.Stages[0].Touchpoints[0].Metrics {
		fmt.Println(m.Kind, m.Value, m.Unit, m.Source)
	}
	fmt.Println(len(analytics.Overlay(j, res).Stages[0].Touchpoints[0].Metrics), "metrics after a second overlay")
	fmt.Println(metric.DropOffRate)
	// Output:
	// count 2 customers shop.csv
	// conversion_rate 50 % shop.csv
	// drop_off_rate 50 % shop.csv
	// 3 metrics after a second overlay
	// drop_off_rate
}
