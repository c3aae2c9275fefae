package analysis

import (
	"strconv"
	"time"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/numfmt"
	"github.com/journeymap/journeymap/journey"
)

// words are the texts of the findings' messages and of the friction
// factors' details in one language. A message is built from its parts with
// the user's text (names, titles, numbers) between them, in the order the
// English sentence has them, so both languages share the code and the
// caches that build them.
type words struct {
	noName string       // after "#3" when a name is blank
	num    numfmt.Style // how numbers are written

	noObjective, noPersonas          string
	personaUnserved                  [2]string // before and after the persona's name
	channelMissing                   [3]string // around the persona's name and the channel
	reviewOverdue                    func(reviewed, due time.Time, every, late int) string
	phaseUncovered, phaseStages      func(phase string, stages int, why string) string
	phases, whyPhase                 [3]string // by Phase.Order
	noTouchpoints, singleTouchpoint  [2]string // around the stage's name
	tooManyTouchpoints               [4]string // around the name, the count and the maximum
	noOwner, unmeasured, noBackstage [2]string // around the touchpoint's name
	supportWithoutContact            [3]string // around the pain point's title and the stage's name
	unaddressed                      [4]string // around the title, the severity and the category
	belowTarget                      [4]string // around the name, the value and the target
	higher, lower                    string    // the better direction of a metric

	// severities by painpoint.Severity.Rank() (0: unknown, written as is by
	// messages); categories by pain factor (fPainOther: written as is).
	severities [5]string
	categories [fPainOther]string
	// channels names the channels in messages and details; a channel it
	// does not name is written with its underscores as spaces.
	channels map[channel.Channel]string

	// Factor details: severities counts by rank (see severityWords),
	// "emotion −1", "emotion falls from 1 to −1", "from website to phone".
	detailSeverities [5]string
	emotion          string
	dipFrom, dipTo   string
	handFrom, handTo string
}

// words returns the words of the language of o.Language.
func (o Options) words() *words {
	if journey.IsVietnamese(o.Language) {
		return &vietnamese
	}
	return &english
}

// channelName returns the channel's name in w.
func (w *words) channelName(c string) string {
	if s, ok := w.channels[channel.Channel(c)]; ok {
		return s
	}
	return channelText(c)
}

var english = words{
	num:         numfmt.English,
	noName:      " (no name)",
	noObjective: "The journey has no objective: write down what the team wants to learn or change with this map, so everyone reads it the same way.",
	noPersonas:  "The journey names no persona: say whose journey this is, so touchpoints and pain points are judged from a real customer's point of view.",
	personaUnserved: [2]string{"No touchpoint serves persona ",
		": the journey never meets them. Add touchpoints for them or list them in a touchpoint's persona_ids."},
	channelMissing: [3]string{"Persona ", " prefers ", ", but no touchpoint of the journey uses it."},
	reviewOverdue: func(reviewed, due time.Time, every, late int) string {
		return "The map was last reviewed on " + reviewed.Format(time.DateOnly) + " and should be reviewed every " +
			plural(every, "day") + ": the review was due on " + due.Format(time.DateOnly) +
			" (" + plural(late, "day") + " ago). Check it against what customers do today."
	},
	phaseUncovered: func(phase string, _ int, why string) string {
		return "No touchpoint covers the " + phase + " phase: " + why
	},
	phaseStages: func(phase string, n int, why string) string {
		return "The " + phase + " phase has " + plural(n, "stage") + " but no touchpoint: " + why
	},
	phases: [3]string{"before-purchase", "during-purchase", "after-purchase"},
	whyPhase: [3]string{
		"nothing helps the customer discover, search and compare before buying.",
		"nothing is mapped where the customer chooses, pays and receives.",
		"the customer is forgotten after the sale (use, support, loyalty, advocacy).",
	},
	noTouchpoints: [2]string{"Stage ",
		" has no touchpoint: the customer meets nothing from the brand here. Add the touchpoint that is missing."},
	singleTouchpoint: [2]string{"Stage ",
		" has a single touchpoint: if it fails, the customer has nowhere else to turn and may go to a competitor."},
	tooManyTouchpoints: [4]string{"Stage ", " has ", " touchpoints (more than ",
		"): a confusing route for the customer. Consider merging or removing some."},
	noOwner: [2]string{"Touchpoint ", " has no owner: nobody inside the company is responsible for it."},
	unmeasured: [2]string{"Touchpoint ",
		" is unmeasured: it has no emotion score and no metric, so nobody knows how it goes for the customer."},
	noBackstage: [2]string{"Touchpoint ",
		" shows nothing behind the scenes: add the backstage work or support process that makes it happen."},
	supportWithoutContact: [3]string{"Customers get stuck at ", ", but stage ",
		" offers no way to reach a person (chat, phone, email, store or staff)."},
	unaddressed: [4]string{"Pain point ", " (", " ", " pain) is not addressed by any opportunity."},
	belowTarget: [4]string{"Metric ", " is ", ", missing its target of ", " ("},
	higher:      "higher is better).",
	lower:       "lower is better).",
	severities:  [5]string{"", "low", "medium", "high", "critical"},
	categories:  [fPainOther]string{"financial", "productivity", "process", "support"},

	detailSeverities: [5]string{"of unknown severity", "low", "medium", "high", "critical"},
	emotion:          "emotion ",
	dipFrom:          "emotion falls from ",
	dipTo:            " to ",
	handFrom:         "from ",
	handTo:           " to ",
}

var vietnamese = words{
	num:         numfmt.Vietnamese,
	noName:      " (chưa đặt tên)",
	noObjective: "Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người đều hiểu bản đồ như nhau.",
	noPersonas:  "Hành trình chưa nêu chân dung khách hàng nào: hãy cho biết đây là hành trình của ai, để các điểm chạm và điểm đau được đánh giá từ góc nhìn của một khách hàng thực.",
	personaUnserved: [2]string{"Không có điểm chạm nào phục vụ chân dung khách hàng ",
		": hành trình không hề gặp họ. Hãy thêm điểm chạm dành cho họ hoặc thêm họ vào danh sách chân dung khách hàng mà một điểm chạm phục vụ (persona_ids)."},
	channelMissing: [3]string{"Kênh ưa thích của chân dung khách hàng ", " là ", ", nhưng không có điểm chạm nào của hành trình dùng kênh này."},
	reviewOverdue: func(reviewed, due time.Time, every, late int) string {
		// Vietnamese writes dates day first: 31/10/2026.
		return "Bản đồ được xem xét lần gần nhất vào ngày " + reviewed.Format("02/01/2006") +
			" và cần được xem xét lại mỗi " + strconv.Itoa(every) + " ngày: hạn xem xét lại là ngày " +
			due.Format("02/01/2006") + " (đã trễ " + strconv.Itoa(late) +
			" ngày). Hãy đối chiếu bản đồ với những gì khách hàng đang làm hôm nay."
	},
	phaseUncovered: func(phase string, _ int, why string) string {
		return "Không có điểm chạm nào ở giai đoạn " + phase + ": " + why
	},
	phaseStages: func(phase string, n int, why string) string {
		return "Giai đoạn " + phase + " có " + strconv.Itoa(n) + " bước nhưng không có điểm chạm nào: " + why
	},
	phases: [3]string{"trước khi mua hàng", "trong khi mua hàng", "sau khi mua hàng"},
	whyPhase: [3]string{
		"không có gì giúp khách hàng khám phá, tìm kiếm và so sánh trước khi mua.",
		"bản đồ bỏ trống đúng lúc khách hàng lựa chọn, thanh toán và nhận hàng.",
		"khách hàng bị lãng quên sau khi mua (sử dụng, hỗ trợ, gắn bó lâu dài, ủng hộ thương hiệu).",
	},
	noTouchpoints: [2]string{"Bước ",
		" chưa có điểm chạm nào: ở đây khách hàng không gặp điều gì từ thương hiệu. Hãy thêm điểm chạm còn thiếu."},
	singleTouchpoint: [2]string{"Bước ",
		" chỉ có một điểm chạm: nếu điểm chạm này trục trặc, khách hàng không còn nơi nào khác để tìm đến và có thể chuyển sang đối thủ cạnh tranh."},
	tooManyTouchpoints: [4]string{"Bước ", " có ", " điểm chạm (nhiều hơn ",
		"): lộ trình rối rắm đối với khách hàng. Hãy cân nhắc gộp hoặc bỏ bớt một số điểm chạm."},
	noOwner: [2]string{"Điểm chạm ", " chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này."},
	unmeasured: [2]string{"Điểm chạm ",
		" chưa được đo lường: không có điểm cảm xúc cũng không có chỉ số nào, nên không ai biết khách hàng trải qua điểm chạm này ra sao."},
	noBackstage: [2]string{"Điểm chạm ",
		" không cho thấy điều gì ở phía sau: hãy thêm phần việc hậu cảnh hoặc quy trình hỗ trợ giúp điểm chạm này diễn ra."},
	supportWithoutContact: [3]string{"Khách hàng bị mắc kẹt ở điểm đau ", ", nhưng bước ",
		" không có cách nào để liên hệ với một người thật (trò chuyện trực tuyến, điện thoại, thư điện tử, cửa hàng hay nhân viên)."},
	unaddressed: [4]string{"Điểm đau ", " (mức độ ", ", loại ", ") chưa được cơ hội cải thiện nào giải quyết."},
	belowTarget: [4]string{"Chỉ số ", " đang ở mức ", ", chưa đạt mục tiêu ", " ("},
	higher:      "càng cao càng tốt).",
	lower:       "càng thấp càng tốt).",
	severities:  [5]string{"", "thấp", "trung bình", "cao", "nghiêm trọng"},
	categories:  [fPainOther]string{"tài chính", "năng suất", "quy trình", "hỗ trợ"},
	channels: map[channel.Channel]string{
		channel.Website: "trang web", channel.MobileApp: "ứng dụng di động", channel.Email: "thư điện tử",
		channel.SMS: "tin nhắn SMS", channel.Chat: "trò chuyện trực tuyến", channel.Phone: "điện thoại",
		channel.SocialMedia: "mạng xã hội", channel.Search: "tìm kiếm", channel.OnlineAds: "quảng cáo trực tuyến",
		channel.ReviewSite: "trang đánh giá", channel.Marketplace: "sàn thương mại điện tử", channel.Store: "cửa hàng",
		channel.Event: "sự kiện", channel.Print: "ấn phẩm in", channel.DirectMail: "thư gửi trực tiếp",
		channel.WordOfMouth: "truyền miệng", channel.Partner: "đối tác", channel.Staff: "nhân viên",
		channel.Other: "kênh khác", // alone in a sentence: "từ trang web sang kênh khác"
	},

	detailSeverities: [5]string{"chưa rõ mức độ", "thấp", "trung bình", "cao", "nghiêm trọng"},
	emotion:          "cảm xúc ",
	dipFrom:          "cảm xúc giảm từ ",
	dipTo:            " xuống ",
	handFrom:         "từ ",
	handTo:           " sang ",
}

// phaseWords returns the phase's name in w.
func (w *words) phaseWords(p journey.Phase) string {
	if o := p.Order(); o >= 0 {
		return w.phases[o]
	}
	return strconv.Quote(string(p))
}
