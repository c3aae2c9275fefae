package i18n

import (
	"strconv"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/numfmt"
)

// The Vietnamese words. Vietnamese writes dates day first (31/10/2026),
// a decimal comma and a dot between thousands (1.234,5).

var viFormat = Format{num: numfmt.Vietnamese, date: "02/01/2006", hours: "giờ", minutes: "phút", seconds: "giây"}

var viPhases = map[string]string{
	"before_purchase": "trước khi mua hàng", "during_purchase": "trong khi mua hàng", "after_purchase": "sau khi mua hàng",
}

var viWhyPhase = map[string]string{
	"before_purchase": "không có gì giúp khách hàng khám phá, tìm kiếm và so sánh trước khi mua.",
	"during_purchase": "bản đồ bỏ trống đúng lúc khách hàng lựa chọn, thanh toán và nhận hàng.",
	"after_purchase":  "khách hàng bị lãng quên sau khi mua (sử dụng, hỗ trợ, gắn bó lâu dài, ủng hộ thương hiệu).",
}

var viSeverities = map[string]string{"low": "thấp", "medium": "trung bình", "high": "cao", "critical": "nghiêm trọng"}

var viCategories = map[string]string{
	"financial": "tài chính", "productivity": "năng suất", "process": "quy trình", "support": "hỗ trợ",
}

var viChannels = map[string]string{
	"website": "trang web", "mobile_app": "ứng dụng di động", "email": "thư điện tử",
	"sms": "tin nhắn SMS", "chat": "trò chuyện trực tuyến", "phone": "điện thoại",
	"social_media": "mạng xã hội", "search": "tìm kiếm", "online_ads": "quảng cáo trực tuyến",
	"review_site": "trang đánh giá", "marketplace": "sàn thương mại điện tử", "store": "cửa hàng",
	"event": "sự kiện", "print": "ấn phẩm in", "direct_mail": "thư gửi trực tiếp",
	"word_of_mouth": "truyền miệng", "partner": "đối tác", "staff": "nhân viên",
	"other": "kênh khác", // alone in a sentence: "từ trang web sang kênh khác"
}

var viStageChange = map[string]string{"added": "bước được thêm", "removed": "bước bị bỏ", "changed": "bước thay đổi", "unchanged": "bước giữ nguyên"}

var viTouchpointChange = map[string]string{"added": "điểm chạm được thêm", "removed": "điểm chạm bị bỏ", "changed": "điểm chạm thay đổi", "unchanged": "điểm chạm giữ nguyên"}

// viPain writes a pain point's severity and category: "mức độ cao, loại quy trình".
func viPain(sev, cat string) string {
	return "mức độ " + name(viSeverities, sev) + ", loại " + name(viCategories, cat)
}

var viModes = map[string]string{"online": "trực tuyến", "offline": "trực tiếp"}

var viInitiators = map[string]string{"customer": "khách hàng", "company": "doanh nghiệp", "third_party": "bên thứ ba"}

// viColumns are the headings of the spreadsheet layout, as a sheet
// written in Vietnamese carries them (the page's words: a stage is a
// "bước", a phase a "giai đoạn mua hàng").
var viColumns = map[string]string{
	"stage_id": "Mã bước", "stage": "Bước", "phase": "Giai đoạn mua hàng", "touchpoint_id": "Mã điểm chạm",
	"touchpoint": "Điểm chạm", "channel": "Kênh", "mode": "Hình thức", "initiator": "Bên khởi xướng",
	"owner": "Người phụ trách", "emotion": "Cảm xúc", "actions": "Hành động của khách hàng", "thoughts": "Suy nghĩ",
	"feelings": "Cảm nhận", "pain_point_id": "Mã điểm đau", "pain_category": "Loại điểm đau", "pain_severity": "Mức độ",
	"pain": "Điểm đau", "pain_description": "Mô tả điểm đau", "pain_evidence": "Bằng chứng",
}

// viHeadings names the columns of fields as a Vietnamese sheet heads them.
func viHeadings(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = name(viColumns, f)
	}
	return out
}

// viCell writes value of kind as the renderers write it in a Vietnamese
// cell: a phase, channel, category or severity capitalised.
func viCell(kind, value string) string {
	switch kind {
	case "phase":
		return Title(name(viPhases, value))
	case "channel":
		return Title(channelName(viChannels, value))
	case "mode":
		return name(viModes, value)
	case "initiator":
		return name(viInitiators, value)
	case "category":
		return Title(name(viCategories, value))
	case "severity":
		return Title(name(viSeverities, value))
	}
	return value
}

func viInt(n int) string { return viFormat.Int(int64(n)) }

var vietnamese = Words{
	Format:     viFormat,
	channels:   viChannels,
	phases:     viPhases,
	types:      map[string]string{"current_state": "hiện trạng", "future_state": "trạng thái tương lai", "day_in_the_life": "một ngày trong cuộc sống", "service_blueprint": "bản thiết kế dịch vụ"},
	statuses:   map[string]string{"idea": "ý tưởng", "planned": "đã lên kế hoạch", "in_progress": "đang thực hiện", "done": "hoàn thành"},
	modes:      viModes,
	initiators: viInitiators,
	layers:     map[string]string{"frontstage": "tiền cảnh", "backstage": "hậu cảnh", "support_process": "quy trình hỗ trợ"},
	kinds:      map[string]string{"people": "con người", "technology": "công nghệ", "policy": "chính sách", "process": "quy trình"},
	categories: viCategories,
	severities: viSeverities,
	lifecycles: map[string]string{"stranger": "người lạ", "visitor": "khách truy cập", "lead": "khách hàng tiềm năng", "customer": "khách hàng", "promoter": "người ủng hộ"},
	metricKinds: map[string]string{
		"conversion_rate": "tỷ lệ chuyển đổi", "drop_off_rate": "tỷ lệ rời bỏ", "bounce_rate": "tỷ lệ thoát",
		"csat": "mức độ hài lòng (CSAT)", "nps": "chỉ số khách hàng giới thiệu (NPS)", "ces": "điểm nỗ lực của khách hàng (CES)",
		"duration": "thời gian", "count": "số lượng", "custom": "tùy chỉnh",
	},
	columns:           viColumns,
	findingSeverities: map[string]string{"info": "thông tin", "warning": "cảnh báo", "critical": "nghiêm trọng"},
	codes: map[string]string{
		"journey.no_objective":              "Hành trình chưa có mục tiêu",
		"journey.no_personas":               "Hành trình chưa có chân dung khách hàng",
		"review.overdue":                    "Đã quá hạn xem xét lại",
		"phase.uncovered":                   "Giai đoạn chưa được bao phủ",
		"persona.unserved":                  "Chân dung khách hàng chưa được điểm chạm nào phục vụ",
		"persona.channel_missing":           "Kênh ưa thích mà hành trình không dùng đến",
		"stage.no_touchpoints":              "Bước chưa có điểm chạm",
		"stage.single_touchpoint":           "Bước chỉ có một điểm chạm",
		"stage.too_many_touchpoints":        "Bước có quá nhiều điểm chạm",
		"touchpoint.no_owner":               "Điểm chạm chưa có người phụ trách",
		"touchpoint.unmeasured":             "Điểm chạm chưa được chấm điểm hay đo lường",
		"blueprint.no_backstage":            "Điểm chạm thiếu hỗ trợ hậu cảnh",
		"painpoint.unaddressed":             "Điểm đau chưa có cơ hội cải thiện nào",
		"painpoint.support_without_contact": "Điểm đau về hỗ trợ ở bước không có kênh liên hệ",
		"metric.below_target":               "Chỉ số chưa đạt mục tiêu",
	},
	factors: map[string]string{
		"pain.financial": "điểm đau tài chính", "pain.productivity": "điểm đau năng suất",
		"pain.process": "điểm đau quy trình", "pain.support": "điểm đau hỗ trợ", "pain.other": "điểm đau khác",
		"negative_emotion": "cảm xúc tiêu cực", "emotion_dip": "cảm xúc đi xuống",
		"channel_handoff": "chuyển kênh", "missed_target": "chưa đạt mục tiêu", "drop_off": "khách rời bỏ",
	},

	templates: map[string]TemplateWords{
		"purchase_timeline": {"Dòng thời gian mua hàng",
			"Ba giai đoạn mà mọi hành trình đều đi qua: trước, trong và sau khi mua hàng.",
			[]string{"Trước khi mua hàng", "Trong khi mua hàng", "Sau khi mua hàng"}},
		"classic": {"Phễu cổ điển", "Từ nhận biết đến ủng hộ: phễu marketing quen thuộc.",
			[]string{"Nhận biết", "Cân nhắc", "Mua hàng", "Giữ chân", "Ủng hộ"}},
		"inbound": {"Inbound marketing",
			"Thu hút, chuyển đổi, chốt đơn hàng, làm hài lòng: người lạ trở thành khách truy cập, khách hàng tiềm năng, khách hàng và người ủng hộ.",
			[]string{"Thu hút", "Chuyển đổi", "Chốt đơn hàng", "Hài lòng"}},
		"customer_value_journey": {"Hành trình giá trị khách hàng",
			"Tám bước từ lần đầu biết đến thương hiệu tới khi quảng bá thương hiệu, mỗi bước đều mang lại giá trị cho khách hàng.",
			[]string{"Nhận thức", "Gắn kết", "Đăng ký", "Chuyển đổi", "Hứng thú", "Nâng cấp giá trị", "Ủng hộ", "Quảng bá"}},
		"b2b": {"Mua hàng B2B",
			"Cách một doanh nghiệp mua hàng: nghiên cứu, so sánh, nghi ngờ, do dự, quyết định. Hãy thêm các bước sau mua hàng cho việc triển khai và gia hạn.",
			[]string{"Nghiên cứu", "So sánh", "Nghi ngờ", "Do dự", "Quyết định"}},
	},

	Unnamed: func(n int) string { return "#" + strconv.Itoa(n) + " (chưa đặt tên)" },

	Findings: FindingWords{
		NoObjective: "Hành trình chưa có mục tiêu: hãy ghi rõ nhóm muốn tìm hiểu hay thay đổi điều gì với bản đồ này, để mọi người đều hiểu bản đồ như nhau.",
		NoPersonas:  "Hành trình chưa nêu chân dung khách hàng nào: hãy cho biết đây là hành trình của ai, để các điểm chạm và điểm đau được đánh giá từ góc nhìn của một khách hàng thực.",
		ReviewOverdue: func(reviewed, due time.Time, every, late int) string {
			return "Bản đồ được xem xét lần gần nhất vào ngày " + viFormat.Date(reviewed) +
				" và cần được xem xét lại mỗi " + viInt(every) + " ngày: hạn xem xét lại là ngày " +
				viFormat.Date(due) + " (đã trễ " + viInt(late) +
				" ngày). Hãy đối chiếu bản đồ với những gì khách hàng đang làm hôm nay."
		},
		PhaseUncovered: func(phase string, stages int) string {
			if stages == 0 {
				return "Không có điểm chạm nào ở giai đoạn " + name(viPhases, phase) + ": " + viWhyPhase[phase]
			}
			return "Giai đoạn " + name(viPhases, phase) + " có " + viInt(stages) + " bước nhưng không có điểm chạm nào: " + viWhyPhase[phase]
		},
		PersonaUnserved: func(p string) string {
			return "Không có điểm chạm nào phục vụ chân dung khách hàng " + p +
				": hành trình không hề gặp họ. Hãy thêm điểm chạm dành cho họ hoặc thêm họ vào danh sách chân dung khách hàng mà một điểm chạm phục vụ (persona_ids)."
		},
		ChannelMissing: func(p, c string) string {
			return "Kênh ưa thích của chân dung khách hàng " + p + " là " + channelName(viChannels, c) + ", nhưng không có điểm chạm nào của hành trình dùng kênh này."
		},
		NoTouchpoints: func(s string) string {
			return "Bước " + s + " chưa có điểm chạm nào: ở đây khách hàng không gặp điều gì từ thương hiệu. Hãy thêm điểm chạm còn thiếu."
		},
		SingleTouchpoint: func(s string) string {
			return "Bước " + s + " chỉ có một điểm chạm: nếu điểm chạm này trục trặc, khách hàng không còn nơi nào khác để tìm đến và có thể chuyển sang đối thủ cạnh tranh."
		},
		TooManyTouchpoints: func(s string, n, most int) string {
			return "Bước " + s + " có " + viInt(n) + " điểm chạm (nhiều hơn " + viInt(most) +
				"): lộ trình rối rắm đối với khách hàng. Hãy cân nhắc gộp hoặc bỏ bớt một số điểm chạm."
		},
		NoOwner: func(t string) string {
			return "Điểm chạm " + t + " chưa có người phụ trách: không ai trong doanh nghiệp chịu trách nhiệm về điểm chạm này."
		},
		Unmeasured: func(t string) string {
			return "Điểm chạm " + t + " chưa được đo lường: không có điểm cảm xúc cũng không có chỉ số nào, nên không ai biết khách hàng trải qua điểm chạm này ra sao."
		},
		NoBackstage: func(t string) string {
			return "Điểm chạm " + t + " không cho thấy điều gì ở phía sau: hãy thêm phần việc hậu cảnh hoặc quy trình hỗ trợ giúp điểm chạm này diễn ra."
		},
		Unaddressed: func(p, sev, cat string) string {
			return "Điểm đau " + p + " (" + viPain(sev, cat) + ") chưa được cơ hội cải thiện nào giải quyết."
		},
		SupportWithoutContact: func(p, s string) string {
			return "Khách hàng bị mắc kẹt ở điểm đau " + p + ", nhưng bước " + s +
				" không có cách nào để liên hệ với một người thật (trò chuyện trực tuyến, điện thoại, thư điện tử, cửa hàng hay nhân viên)."
		},
		BelowTarget: func(m string, value, target float64, unit string, lower bool) string {
			dir := "càng cao càng tốt"
			if lower {
				dir = "càng thấp càng tốt"
			}
			return "Chỉ số " + m + " đang ở mức " + viFormat.WithUnit(value, unit) + ", chưa đạt mục tiêu " +
				viFormat.WithUnit(target, unit) + " (" + dir + ")."
		},
	},

	Details: DetailWords{
		Pain: func(c SeverityCounts) string {
			return severityCounts(c, [5]string{"nghiêm trọng", "cao", "trung bình", "thấp", "chưa rõ mức độ"})
		},
		Emotion: func(e float64) string { return "cảm xúc " + viFormat.Number(e) },
		Dip: func(from, to float64) string {
			return "cảm xúc giảm từ " + viFormat.Number(from) + " xuống " + viFormat.Number(to)
		},
		Handoff: func(from, to string) string {
			return "từ " + channelName(viChannels, from) + " sang " + channelName(viChannels, to)
		},
		OnRoutes: func(detail string, personas []string) string {
			return detail + " (trên lộ trình của " + strings.Join(personas, ", ") + ")"
		},
	},

	Report: ReportWords{
		NoFindings: "Không có phát hiện nào.",
		Findings:   func(n int) string { return "Phát hiện (" + viInt(n) + "):" },
		Friction: func(score, points float64) string {
			return "Ma sát: " + viFormat.Fixed(score, 2) + " (" + viFormat.Fixed(points, 2) + " điểm)"
		},
		Points:  func(p float64) string { return viFormat.Fixed(p, 2) + " điểm" },
		Stages:  "Các bước:",
		Hotspot: "Điểm nóng:",
	},

	Diff: DiffWords{
		Stage: func(change, n string, fields []string, friction, emotion string) string {
			s := name(viStageChange, change) + ": " + n + fieldList(fields) + "; ma sát " + friction
			if emotion != "" {
				s += "; cảm xúc " + emotion
			}
			return s
		},
		Touchpoint: func(change, n, stage string, fields []string) string {
			return name(viTouchpointChange, change) + ": " + n + " ở bước " + stage + fieldList(fields)
		},
		Resolved: func(title, sev, cat, tp string) string {
			return "điểm đau đã được giải quyết: " + title + " (" + viPain(sev, cat) + ") tại điểm chạm " + tp
		},
		Introduced: func(title, sev, cat, tp string) string {
			return "điểm đau mới phát sinh: " + title + " (" + viPain(sev, cat) + ") tại điểm chạm " + tp
		},
		Journey: func(friction string) string { return "ma sát của hành trình " + friction },
		Delta:   enDelta(viFormat, "không có"),
	},

	Page: PageWords{
		JourneyMap: "Bản đồ hành trình khách hàng", MapType: "Loại bản đồ", Objective: "Mục tiêu",
		Owner: "Người phụ trách", LastReview: "Lần xem xét gần nhất",
		NotReviewed: "chưa được xem xét", Description: "Mô tả",
		Personas: "Chân dung khách hàng", Quote: "Câu nói", Lifecycle: "Vòng đời", AgeRange: "Độ tuổi",
		Gender: "Giới tính", Income: "Thu nhập", Location: "Nơi sống", Occupation: "Nghề nghiệp",
		Goals: "Mục tiêu", Needs: "Nhu cầu", Frustrations: "Vấn đề gặp phải", Behaviors: "Hành vi mua hàng",
		PreferredChannels: "Kênh ưa thích",
		Map:               "Bản đồ hành trình", MapCaption: "Hành trình theo giai đoạn mua hàng và bước: mỗi cột là một điểm chạm",
		Phase: "Giai đoạn mua hàng", Stage: "Bước", CustomerGoal: "Mục tiêu của khách hàng",
		Questions: "Câu hỏi", Touchpoint: "Điểm chạm", Touchpoints: "Điểm chạm",
		Channel: "Kênh", Mode: "Hình thức", Initiator: "Bên khởi xướng", Actions: "Hành động của khách hàng",
		Thoughts: "Suy nghĩ", Feelings: "Cảm nhận", Emotion: "Cảm xúc", EmotionCurve: "Đường cảm xúc",
		EmotionScale: "Thang điểm: −2 rất tiêu cực, 0 trung lập, +2 rất tích cực",
		AllCustomers: "Tất cả khách hàng", NotMeasured: "chưa đo",
		PainPoints: "Điểm đau", Category: "Loại", Severity: "Mức độ",
		Evidence: "Bằng chứng", Opportunities: "Cơ hội cải thiện", Status: "Trạng thái", Impact: "Tác động",
		Effort: "Công sức", Metrics: "Chỉ số", StageMetrics: "Chỉ số của bước", Value: "Giá trị", Target: "Mục tiêu",
		TargetMet: "đạt mục tiêu", TargetMissed: "chưa đạt mục tiêu", NoTarget: "không có mục tiêu",
		Source: "Nguồn", Higher: "càng cao càng tốt", Lower: "càng thấp càng tốt",
		PhysicalEvidence: "Bằng chứng hữu hình",
		CustomerActions:  "Hành động của khách hàng", SupportLayers: "Bản thiết kế dịch vụ", Kind: "Loại",
		FactorList: "Nguyên nhân", Findings: "Phát hiện", Hotspots: "Điểm nóng ma sát", Friction: "Ma sát", Hotspot: "Điểm nóng",
		Path: "Vị trí", Code: "Mã",
		Served: "Chân dung", AllPersonas: "tất cả chân dung", None: "không có", Stages: "Các bước",
		Unit: "Đơn vị", OtherLayers: "Lớp khác", ReviewCycle: "Chu kỳ xem xét", Layer: "Lớp",
		ReviewEvery: func(days int) string { return "Xem xét lại mỗi " + viInt(days) + " ngày" },
		EmotionCurveAlt: func(n int) string {
			return "Đường cảm xúc qua " + viInt(n) + " điểm chạm; điểm số được liệt kê ở hàng Cảm xúc."
		},
		Measured: "Phễu đo thực tế", MeasuredFrom: "Đo từ", CustomersWord: "khách hàng",
		EventsWord: "sự kiện", WindowWord: "cửa sổ chuyển đổi", Days: "ngày", Hours: "giờ",
		Reached: "Đến được", FromStart: "So với ban đầu", DropOff: "Rời bỏ", FunnelBars: "Tỷ lệ khách hàng đến được bước này",
		Deviations: "Khách hàng so với kế hoạch", AsPlanned: "đúng kế hoạch", WithAdHoc: "dùng điểm chạm ngoài bản đồ",
		MissingOne: "bỏ qua một điểm chạm trong kế hoạch", OutOfOrder: "sai thứ tự", WithFailure: "gặp một điểm chạm thất bại",
		AdHocTouchpoints: "Điểm chạm khách hàng dùng mà bản đồ không có", EventCount: "Sự kiện", Failed: "Thất bại",
		WorstDropOff: "rời bỏ nhiều nhất", FeelingsCaption: "Nơi khách hàng cảm thấy khác với bản đồ (cảm xúc −2..+2)",
		InTheMap: "Trên bản đồ", MeasuredEmotion: "Đo được", Difference: "Chênh lệch",
		FeelBetter: "tốt hơn bản đồ", FeelWorse: "tệ hơn bản đồ",
		MoreFeelings: func(n int) string {
			return "… và " + viInt(n) + " điểm chạm khác lệch từ nửa điểm trở lên so với bản đồ."
		},
		WholeJourney: "Toàn bộ hành trình", Positive: "tích cực", Negative: "tiêu cực", Neutral: "trung lập",
		Conversion: "Chuyển đổi", MedianTime: "Thời gian trung vị", Minutes: "phút",
		LineInteraction: "Đường tương tác", LineVisibility: "Đường hiển thị",
		LineInternal: "Đường tương tác nội bộ", Continued: "tiếp theo", Page: "Trang", Summary: "Tóm tắt",
		CriticalPains: "Điểm đau nghiêm trọng", WeakestLink: "Mắt xích yếu nhất", ChannelsWord: "Kênh",
		OnlineWord: "trực tuyến", OfflineWord: "trực tiếp",
		PersonaDetails: "Chi tiết chân dung khách hàng", StageDetails: "Về bước này",
		EmotionZones: "Trên đường giữa: tích cực; dưới: tiêu cực (−2 đến +2)",
		CanvasLabel:  "Khung bản đồ hành trình", PainDetails: "Chi tiết điểm đau",
		MapSheet: "Bản đồ", ID: "Mã", Name: "Tên",
	},

	Funnel: FunnelWords{
		Title: func(title, source string, window time.Duration) string {
			return "Phễu chuyển đổi của " + strconv.Quote(title) + " theo " + source + " (cửa sổ chuyển đổi " + viFormat.Duration(window) + ")"
		},
		Counts: func(events, customers, bad int64) string {
			return viFormat.Int(events) + " sự kiện, " + viFormat.Int(customers) + " khách hàng, " + viFormat.Int(bad) + " dòng lỗi"
		},
		Mode: func(mode string) string {
			return map[string]string{
				"ordered": "Các bước được tính theo thứ tự, cho phép sự kiện khác xen giữa các bước.",
				"strict":  "Các bước được tính theo đúng thứ tự, không có điểm chạm kế hoạch nào khác xen giữa.",
				"any":     "Các bước được tính theo thứ tự bất kỳ.",
			}[mode]
		},
		Stage: "Bước", Touchpoint: "Điểm chạm",
		Reached: "đạt tới", FromPrevious: "so với bước trước", FromStart: "so với ban đầu", DropOff: "rời bỏ",
		Median: "thời gian trung vị", P90: "thời gian p90", P95: "thời gian p95", P99: "thời gian p99",
		Deviations: "Sai lệch so với kế hoạch",
		Events:     "sự kiện", Missing: "bỏ qua", Irregular: "sai thứ tự", Failing: "thất bại", Emotion: "cảm xúc", Planned: "kế hoạch",
		Alternative:   func(n string) string { return "hoặc " + n },
		AdHoc:         func(key string) string { return key + " (ngoài kế hoạch)" },
		AfterDropOff:  "Sau khi rời bỏ (điểm chạm tiếp theo của khách hàng dừng lại ở một bước)",
		Nothing:       "không có gì thêm",
		TimeToConvert: "Thời gian chuyển đổi từ bước trước (số khách hàng theo khoảng)",
		Route: func(p string, n int64) string {
			return "Lộ trình của " + p + ": " + viFormat.Int(n) + " khách hàng"
		},
		RouteWithoutPersona: func(n int64) string {
			return "Lộ trình của khách hàng không rõ chân dung: " + viFormat.Int(n) + " khách hàng"
		},
		Group: func(column, value string, n int64) string {
			return "Theo " + column + ": " + value + ", " + viFormat.Int(n) + " khách hàng"
		},
		EmptyValue: "(trống)",
		MoreGroups: func(n int) string { return "… và " + viInt(n) + " giá trị khác" },
		Customers: func(conforming, adHoc, missing, irregular, failing int64) string {
			return "Khách hàng: " + viFormat.Int(conforming) + " đúng kế hoạch, " + viFormat.Int(adHoc) + " có điểm chạm ngoài kế hoạch, " +
				viFormat.Int(missing) + " bỏ qua một điểm chạm, " + viFormat.Int(irregular) + " sai thứ tự, " +
				viFormat.Int(failing) + " gặp thất bại"
		},
		Variants: func(n int) string {
			return "Các biến thể thường gặp nhất (trong " + viInt(n) + " biến thể)"
		},
		Variant: func(missing, irregular, failing []string, adHoc bool) string {
			return variant([3]string{"bỏ qua", "sai thứ tự", "thất bại"}, "ngoài kế hoạch", "đúng kế hoạch", missing, irregular, failing, adHoc)
		},
		Folded:  func(n int) string { return "các điểm chạm từ thứ " + strconv.Itoa(n) + " trở đi" },
		BadRows: func(n int64) string { return "Dòng lỗi: bỏ qua " + viFormat.Int(n) + " dòng" },
		Line:    func(n int64) string { return "dòng " + strconv.FormatInt(n, 10) },
		More:    func(n int64) string { return "… và " + viFormat.Int(n) + " dòng khác" },
		Page:    viFunnelPage,
		BadReason: func(reason string, n int64) string {
			what := "không dùng được"
			if r, ok := viBadReasons[reason]; ok {
				what = r[0]
			}
			return viFormat.Int(n) + " dòng " + what
		},
		BadHint: func(reason string) string { return viBadReasons[reason][1] },
	},

	Import: ImportWords{
		Place: place("trang tính ", "hàng ", "dòng ", "cột "),
		Empty: func(fields []string) string {
			return "tệp trống: cần một hàng tiêu đề như " + strings.Join(viHeadings(fields), ", ")
		},
		NoHeader: func(fields []string) string {
			return "không có hàng tiêu đề: cần một hàng nêu tên các cột như " + strings.Join(viHeadings(fields), ", ")
		},
		Delimiter: func(guessed rune) string {
			return "không có hàng nào ở đầu tệp nêu tên các cột đã biết khi phân tách bằng dấu phẩy, dấu chấm phẩy hay tab, nên dấu phân tách được đoán là " +
				map[rune]string{',': "dấu phẩy", ';': "dấu chấm phẩy", '\t': "tab"}[guessed] +
				": nếu tệp dùng dấu khác, hãy chỉ rõ (journeymap import -comma, Options.Comma)"
		},
		TooLarge: func(size, most int) string {
			return "hành trình sẽ có " + viInt(size) + " byte JSON, nhiều hơn " + viInt(most) +
				" byte mà một tài liệu được phép có (MaxDocumentBytes): hãy chia nhỏ bảng tính"
		},
		TooMany: func(n int) string { return "dừng lại sau " + viInt(n) + " lỗi" },
		LineTooLong: func(most int) string {
			return "dòng dài hơn " + viInt(most) + " byte (giới hạn một dòng của bảng tính)"
		},
		Unclosed:   "dấu ngoặc kép mở một ô ở đây không bao giờ được đóng, nên phần còn lại của tệp sẽ thành một ô",
		AfterQuote: "ô trong ngoặc kép còn tiếp sau dấu ngoặc đóng (trong ô có ngoặc kép, hãy viết dấu ngoặc kép thành \"\")",
		BareQuote:  "dấu ngoặc kép nằm trong một ô không bắt đầu bằng ngoặc kép (hãy đặt cả ô trong ngoặc kép và viết dấu ngoặc kép thành \"\")",
		UnknownColumn: func(fields []string) string {
			return "cột không xác định (các cột đã biết: " + strings.Join(viHeadings(fields), ", ") +
				"; tiêu đề tiếng Anh như stage, touchpoint, channel cũng được)"
		},
		SameColumn: func(field, other string) string {
			return "trùng cột (" + name(viColumns, field) + ") với " + strconv.Quote(other)
		},
		MissingColumn: func(field string) string {
			return "thiếu cột " + strconv.Quote(name(viColumns, field)) + " (hoặc " + strconv.Quote(field) + ")"
		},
		RowLength: func(cells, header int) string {
			return "hàng có " + viInt(cells) + " ô, hàng tiêu đề có " + viInt(header) + " ô"
		},
		Unheaded: func(cell string) string {
			return "ô " + strconv.Quote(cell) + " nằm trong một cột không có tiêu đề"
		},
		NotUUID: func(cell string) string { return strconv.Quote(cell) + " không phải là một UUID" },
		NotAllowed: func(cell, kind string, allowed []string) string {
			what := map[string]string{"phase": "giai đoạn mua hàng", "channel": "kênh", "mode": "hình thức",
				"initiator": "bên khởi xướng", "category": "loại điểm đau", "severity": "mức độ"}[kind]
			return strconv.Quote(cell) + " không phải là " + what + " hợp lệ (được phép: " + strings.Join(allowed, ", ") + ")"
		},
		Allowed:   viCell,
		NotNumber: func(cell string) string { return strconv.Quote(cell) + " không phải là một số" },
		OutOfRange: func(e float64) string {
			return "cảm xúc " + viFormat.Number(e) + " nằm ngoài khoảng -2..2"
		},
		FirstStage: "hàng đầu tiên phải nêu tên bước",
		StageName:  "bước mới cần có tên",
		StagePhase: func(stage string) string {
			return "bước " + strconv.Quote(stage) + " cần có giai đoạn mua hàng (trước khi mua hàng, trong khi mua hàng hoặc sau khi mua hàng)"
		},
		StageNamed: func(id, n string, line int) string {
			return "bước " + id + " có tên " + strconv.Quote(n) + " (dòng " + strconv.Itoa(line) + ")"
		},
		PhaseConflict: func(stage, phase string, line int) string {
			return "bước " + strconv.Quote(stage) + " có giai đoạn mua hàng " + viCell("phase", phase) + " (dòng " + strconv.Itoa(line) + ")"
		},
		NoTouchpoint:   "hàng có ô của điểm chạm hoặc điểm đau nhưng không nêu tên điểm chạm",
		TouchpointName: "điểm chạm mới cần có tên",
		TouchpointStage: func(id, stage string, line int) string {
			return "điểm chạm " + id + " thuộc bước " + strconv.Quote(stage) + " (dòng " + strconv.Itoa(line) + ")"
		},
		TouchpointNamed: func(id, n string, line int) string {
			return "điểm chạm " + id + " có tên " + strconv.Quote(n) + " (dòng " + strconv.Itoa(line) + ")"
		},
		TouchpointChannel: func(tp string) string { return "điểm chạm " + strconv.Quote(tp) + " cần có kênh" },
		ValueConflict: func(tp, field, value string, line int) string {
			return "điểm chạm " + strconv.Quote(tp) + " có " + name(viColumns, field) + " là " + strconv.Quote(value) + " (dòng " + strconv.Itoa(line) + ")"
		},
		PainID: func(id string, line int) string {
			return "điểm đau " + id + " đã có ở dòng " + strconv.Itoa(line)
		},
		PainTitle:    "điểm đau cần có tên",
		PainCategory: "điểm đau cần có loại (tài chính, năng suất, quy trình hoặc hỗ trợ)",
		PainLevel:    "điểm đau cần có mức độ (thấp, trung bình, cao hoặc nghiêm trọng)",
	},

	Overlay: OverlayWords{
		Reached:    "Số khách hàng đến được (đo thực tế)",
		Conversion: "Tỷ lệ chuyển sang bước sau (đo thực tế)",
		DropOff:    "Tỷ lệ rời bỏ (đo thực tế)",
		Duration:   "Thời gian trung vị từ bước trước (đo thực tế)",
		Customers:  "khách hàng", Seconds: "giây", Minutes: "phút", Hours: "giờ", Days: "ngày",
	},
}

// viFunnelPage is the Vietnamese of the HTML page's funnel section.
var viFunnelPage = FunnelPageWords{
	Breakdown: func(column string) string { return "Phễu theo " + column },
	Group: func(value, customers string) string {
		return value + ": " + customers + " khách hàng"
	},
	AfterDropOff: "Khách hàng đi đâu sau khi rời bỏ (điểm chạm khác đầu tiên họ dùng tiếp theo)",
	DroppedOff:   "Rời bỏ", Next: "Đi tiếp đến",
	Nothing: "không có sự kiện nào nữa", AdHoc: "ngoài bản đồ",
	MoreNext:      func(n, customers string) string { return n + " điểm chạm khác: " + customers + " khách hàng" },
	TimeToConvert: "Thời gian chuyển đổi từ điểm chạm trước",
	Converted:     "Khách hàng", Median: "Trung vị", P90: "Phân vị 90", P95: "Phân vị 95", P99: "Phân vị 99",
	Histogram: "Phân bố",
	BinUnder:  func(hi string) string { return "dưới " + hi },
	BinFrom:   func(lo, hi string) string { return "từ " + lo + " đến " + hi },
	Bins: func(bins []string) string {
		return "Khách hàng theo thời gian chuyển đổi: " + strings.Join(bins, "; ") + "."
	},
	Bin: func(bin, customers string) string { return bin + ": " + customers },
}

// viBadReasons describe the rows of each bad-row reason, after a count,
// and what to do about them.
var viBadReasons = map[string][2]string{
	"out_of_order":     {"sai thứ tự thời gian", "dữ liệu không được sắp xếp theo thời gian; hãy dùng -order any"},
	"bad_time":         {"có thời gian không đúng dạng nào được chấp nhận", "với dạng thời gian khác, hãy cho biết mẫu của nó bằng -time-layout"},
	"ambiguous_time":   {"có thời gian không rõ nghĩa", "hãy cho biết đơn vị của thời gian Unix bằng -time-unit, hoặc ghi thời gian kèm độ lệch múi giờ"},
	"too_long":         {"dài hơn giới hạn của một dòng", "hãy tìm dấu ngoặc kép chưa đóng, hoặc tăng -max-line"},
	"unclosed_quote":   {"có dấu ngoặc kép chưa đóng", "trường mở bằng dấu ngoặc kép phải kết thúc bằng dấu ngoặc kép"},
	"csv_syntax":       {"có dấu ngoặc kép lạc chỗ", "hãy đặt trong ngoặc kép trường có chứa dấu ngoặc kép, và viết đôi dấu ngoặc kép bên trong"},
	"field_count":      {"có số trường khác với dòng tiêu đề", "mỗi dòng cần có số trường bằng dòng tiêu đề"},
	"json_syntax":      {"không phải một đối tượng JSON", "hãy viết mỗi dòng một đối tượng JSON"},
	"duplicate_key":    {"có một trường lặp lại", "mỗi trường chỉ ghi một lần trên một dòng"},
	"invalid_utf8":     {"không phải UTF-8", "hãy chuyển tệp sang UTF-8"},
	"wrong_type":       {"có giá trị sai kiểu", "mã và thời gian là chuỗi hoặc số, cảm xúc là số"},
	"empty_customer":   {"thiếu mã khách hàng", "hãy kiểm tra cột khách hàng (-columns customer=...)"},
	"empty_touchpoint": {"thiếu điểm chạm", "hãy kiểm tra cột điểm chạm (-columns touchpoint=...)"},
	"bad_outcome":      {"có kết quả khác ok và failed", "hãy để trống kết quả khi không có"},
	"bad_emotion":      {"có cảm xúc không phải số trong khoảng -2..2", "hãy ghi cảm xúc bằng số thập phân từ -2 đến 2"},
	"unknown_persona":  {"có chân dung khách hàng không có trong hành trình", "hãy gọi chân dung khách hàng của hành trình bằng mã hoặc tên riêng của nó"},
	"no_header":        {"không có dòng tiêu đề", "dòng đầu tiên phải ghi tên các cột"},
}
