package render

import (
	"time"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/internal/numfmt"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// words holds every built-in word of the human-readable renderers in one language.
type words struct {
	Lang string       // BCP 47 tag written to the lang attribute
	num  numfmt.Style // how numbers are written for people
	date string       // the layout of a date for people: ISO in English, day first in Vietnamese

	JourneyMap, MapType, Objective, Owner, LastReview, ReviewEvery, NotReviewed, Description string
	Personas, Quote, Lifecycle, AgeRange, Gender, Income, Location, Occupation               string
	Goals, Needs, Frustrations, Behaviors, PreferredChannels                                 string
	Map, MapCaption, Phase, Stage, CustomerGoal, Questions, Touchpoint, Touchpoints          string
	Channel, Mode, Initiator, Actions, Thoughts, Feelings, Emotion, EmotionCurve             string
	EmotionCurveAlt, EmotionScale, AllCustomers, NotMeasured, PainPoints, Category, Severity string
	Evidence, Opportunities, Status, Impact, Effort, Metrics, StageMetrics, Value, Target    string
	TargetMet, TargetMissed, NoTarget, Source, Higher, Lower, PhysicalEvidence               string
	CustomerActions, SupportLayers, Kind, Findings, Hotspots, Friction, Hotspot, Path, Code  string
	Served, AllPersonas, None, Stages, Unit, OtherLayers, ReviewCycle, Layer, FactorList     string

	// The measured funnel (HTML.Funnel).
	Measured, MeasuredFrom, CustomersWord, EventsWord, WindowWord, Days, Hours string
	Reached, FromStart, DropOff, FunnelBars, Deviations, AsPlanned, WithAdHoc  string
	MissingOne, OutOfOrder, WithFailure, AdHocTouchpoints, EventCount, Failed  string
	WorstDropOff, FeelingsCaption, InTheMap, MeasuredEmotion, Difference       string
	FeelBetter, FeelWorse, MoreFeelings                                        string

	// The canvas and the first screen.
	WholeJourney, Positive, Negative, Neutral, Conversion, MedianTime, Minutes string
	LineInteraction, LineVisibility, LineInternal, Continued, Page, Summary    string
	CriticalPains, WeakestLink, ChannelsWord, OnlineWord, OfflineWord, OfWord  string
	PersonaDetails, StageDetails, EmotionZones, SkipToMap, CanvasLabel, PageOf string
	PainDetails                                                                string

	Types       map[journey.Type]string
	Phases      map[journey.Phase]string
	Statuses    map[journey.Status]string
	Channels    map[channel.Channel]string
	Modes       map[channel.Mode]string
	Initiators  map[touchpoint.Initiator]string
	Layers      map[touchpoint.Layer]string
	Kinds       map[touchpoint.SupportKind]string
	Categories  map[painpoint.Category]string
	Severities  map[painpoint.Severity]string
	Lifecycles  map[persona.Lifecycle]string
	MetricKinds map[metric.Kind]string
	// Levels names the finding severities (info, warning, critical) for the
	// template; finding codes and friction factors are named by package
	// analysis (CodeTitle, FactorTitle), so the page and a service that shows
	// findings in its own interface use the same words.
	Levels map[string]string
}

// levels returns the finding severities' names in the language.
func levels(lang string) map[string]string {
	m := make(map[string]string, 3)
	for _, s := range analysis.Severities() {
		m[string(s)] = s.Title(lang)
	}
	return m
}

// wordsFor returns the words of the language tag: Vietnamese for "vi" and
// its regional variants ("vi-VN", "vi_VN"; see journey.IsVietnamese),
// English for everything else.
func wordsFor(tag string) *words {
	if journey.IsVietnamese(tag) {
		return &vietnamese
	}
	return &english
}

// word returns the translation of v from m, or v itself when m does not know
// it (an invalid enum value is shown as written, never dropped).
func word[K ~string](m map[K]string, v K) string {
	if w, ok := m[v]; ok {
		return w
	}
	return string(v)
}

var english = words{
	Lang:       "en",
	num:        numfmt.English,
	date:       time.DateOnly,
	JourneyMap: "Customer journey map", MapType: "Map type", Objective: "Objective", Owner: "Owner",
	LastReview: "Last review", ReviewEvery: "Review every %d days", NotReviewed: "not reviewed yet",
	Description: "Description",
	Personas:    "Personas", Quote: "Quote", Lifecycle: "Lifecycle", AgeRange: "Age", Gender: "Gender",
	Income: "Income", Location: "Location", Occupation: "Occupation",
	Goals: "Goals", Needs: "Needs", Frustrations: "Frustrations", Behaviors: "Behaviours",
	PreferredChannels: "Preferred channels",
	Map:               "Journey map", MapCaption: "The journey by phase and stage: one column per touchpoint",
	Phase: "Phase", Stage: "Stage", CustomerGoal: "Customer goal", Questions: "Questions",
	Touchpoint: "Touchpoint", Touchpoints: "Touchpoints",
	Channel: "Channel", Mode: "Mode", Initiator: "Started by", Actions: "Customer actions",
	Thoughts: "Thoughts", Feelings: "Feelings", Emotion: "Emotion", EmotionCurve: "Emotion curve",
	EmotionCurveAlt: "Emotion curve over %s touchpoints; the scores are listed in the Emotion row.",
	EmotionScale:    "Scale: −2 very negative, 0 neutral, +2 very positive",
	AllCustomers:    "All customers", NotMeasured: "not measured",
	PainPoints: "Pain points", Category: "Category", Severity: "Severity",
	Evidence: "Evidence", Opportunities: "Opportunities", Status: "Status", Impact: "Impact",
	Effort: "Effort", Metrics: "Metrics", StageMetrics: "Stage metrics", Value: "Value", Target: "Target",
	TargetMet: "target met", TargetMissed: "target missed", NoTarget: "no target", Source: "Source",
	Higher: "higher is better", Lower: "lower is better",
	PhysicalEvidence: "Physical evidence",
	CustomerActions:  "Customer actions", SupportLayers: "Service blueprint", Kind: "Kind",
	FactorList: "Why", Findings: "Findings", Hotspots: "Friction hotspots", Friction: "Friction", Hotspot: "Hotspot",
	Path: "Where", Code: "Code",
	Served: "Personas", AllPersonas: "all personas", None: "none", Stages: "Stages",
	Unit: "Unit", OtherLayers: "Other layers", ReviewCycle: "Review cycle", Layer: "Layer",
	Types: map[journey.Type]string{
		journey.CurrentState: "Current state", journey.FutureState: "Future state",
		journey.DayInTheLife: "Day in the life", journey.ServiceBlueprint: "Service blueprint",
	},
	Phases: map[journey.Phase]string{
		journey.BeforePurchase: "Before purchase", journey.DuringPurchase: "During purchase",
		journey.AfterPurchase: "After purchase",
	},
	Statuses: map[journey.Status]string{
		journey.Idea: "Idea", journey.Planned: "Planned", journey.InProgress: "In progress", journey.Done: "Done",
	},
	Channels: map[channel.Channel]string{
		channel.Website: "Website", channel.MobileApp: "Mobile app", channel.Email: "Email",
		channel.SMS: "SMS", channel.Chat: "Chat", channel.Phone: "Phone",
		channel.SocialMedia: "Social media", channel.Search: "Search", channel.OnlineAds: "Online ads",
		channel.ReviewSite: "Review site", channel.Marketplace: "Marketplace", channel.Store: "Store",
		channel.Event: "Event", channel.Print: "Print", channel.DirectMail: "Direct mail",
		channel.WordOfMouth: "Word of mouth", channel.Partner: "Partner", channel.Staff: "Staff",
		channel.Other: "Other",
	},
	Modes: map[channel.Mode]string{channel.Online: "online", channel.Offline: "offline"},
	Initiators: map[touchpoint.Initiator]string{
		touchpoint.ByCustomer: "customer", touchpoint.ByCompany: "company", touchpoint.ByThirdParty: "third party",
	},
	Layers: map[touchpoint.Layer]string{
		touchpoint.Frontstage: "Frontstage", touchpoint.Backstage: "Backstage",
		touchpoint.SupportProcess: "Support processes",
	},
	Kinds: map[touchpoint.SupportKind]string{
		touchpoint.People: "people", touchpoint.Technology: "technology",
		touchpoint.Policy: "policy", touchpoint.Process: "process",
	},
	Categories: map[painpoint.Category]string{
		painpoint.Financial: "Financial", painpoint.Productivity: "Productivity",
		painpoint.Process: "Process", painpoint.Support: "Support",
	},
	Severities: map[painpoint.Severity]string{
		painpoint.Low: "Low", painpoint.Medium: "Medium", painpoint.High: "High", painpoint.Critical: "Critical",
	},
	Lifecycles: map[persona.Lifecycle]string{
		persona.Stranger: "Stranger", persona.Visitor: "Visitor", persona.Lead: "Lead",
		persona.Customer: "Customer", persona.Promoter: "Promoter",
	},
	MetricKinds: map[metric.Kind]string{
		metric.ConversionRate: "conversion rate", metric.DropOffRate: "drop-off rate",
		metric.BounceRate: "bounce rate", metric.CSAT: "CSAT", metric.NPS: "NPS", metric.CES: "CES",
		metric.Duration: "duration", metric.Count: "count", metric.Custom: "custom",
	},
	Measured: "Measured funnel", MeasuredFrom: "Measured from", CustomersWord: "customers",
	EventsWord: "events", WindowWord: "conversion window", Days: "days", Hours: "hours",
	Reached: "Reached", FromStart: "From start", DropOff: "Drop-off", FunnelBars: "Share of customers who reached the stage",
	Deviations: "Customers against the plan", AsPlanned: "as planned", WithAdHoc: "with touchpoints not in the map",
	MissingOne: "skipped a planned touchpoint", OutOfOrder: "out of order", WithFailure: "with a failed touchpoint",
	AdHocTouchpoints: "Touchpoints customers used that the map does not plan", EventCount: "Events", Failed: "Failed",
	WorstDropOff: "largest drop-off", FeelingsCaption: "Where customers feel different from the map (emotion −2..+2)",
	InTheMap: "In the map", MeasuredEmotion: "Measured", Difference: "Difference",
	FeelBetter: "better than the map", FeelWorse: "worse than the map",
	MoreFeelings: "… and %d more touchpoints half a point or more away from the map.",
	Levels:       levels("en"),
	WholeJourney: "The whole journey", Positive: "positive", Negative: "negative", Neutral: "neutral",
	Conversion: "Conversion", MedianTime: "Median time", Minutes: "min",
	LineInteraction: "Line of interaction", LineVisibility: "Line of visibility",
	LineInternal: "Line of internal interaction", Continued: "continued", Page: "Page", Summary: "At a glance",
	CriticalPains: "Critical pain points", WeakestLink: "Weakest link", ChannelsWord: "Channels",
	OnlineWord: "online", OfflineWord: "offline", OfWord: "of",
	PersonaDetails: "Personas in detail", StageDetails: "About the stage",
	EmotionZones: "Above the line: positive; below: negative (−2 to +2)",
	SkipToMap:    "Skip to the map", CanvasLabel: "Journey map canvas", PageOf: "Page %s",
	PainDetails: "Pain points in detail",
}

var vietnamese = words{
	Lang:       "vi",
	num:        numfmt.Vietnamese,
	date:       "02/01/2006",
	JourneyMap: "Bản đồ hành trình khách hàng", MapType: "Loại bản đồ", Objective: "Mục tiêu",
	Owner: "Người phụ trách", LastReview: "Lần xem xét gần nhất", ReviewEvery: "Xem xét lại mỗi %d ngày",
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
	EmotionCurveAlt: "Đường cảm xúc qua %s điểm chạm; điểm số được liệt kê ở hàng Cảm xúc.",
	EmotionScale:    "Thang điểm: −2 rất tiêu cực, 0 trung lập, +2 rất tích cực",
	AllCustomers:    "Tất cả khách hàng", NotMeasured: "chưa đo",
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
	Types: map[journey.Type]string{
		journey.CurrentState: "Hiện trạng", journey.FutureState: "Trạng thái tương lai",
		journey.DayInTheLife: "Một ngày trong cuộc sống", journey.ServiceBlueprint: "Bản thiết kế dịch vụ",
	},
	Phases: map[journey.Phase]string{
		journey.BeforePurchase: "Trước khi mua hàng", journey.DuringPurchase: "Trong khi mua hàng",
		journey.AfterPurchase: "Sau khi mua hàng",
	},
	Statuses: map[journey.Status]string{
		journey.Idea: "Ý tưởng", journey.Planned: "Đã lên kế hoạch", journey.InProgress: "Đang thực hiện",
		journey.Done: "Hoàn thành",
	},
	Channels: map[channel.Channel]string{
		channel.Website: "Trang web", channel.MobileApp: "Ứng dụng di động", channel.Email: "Thư điện tử",
		channel.SMS: "Tin nhắn SMS", channel.Chat: "Trò chuyện trực tuyến", channel.Phone: "Điện thoại",
		channel.SocialMedia: "Mạng xã hội", channel.Search: "Tìm kiếm", channel.OnlineAds: "Quảng cáo trực tuyến",
		channel.ReviewSite: "Trang đánh giá", channel.Marketplace: "Sàn thương mại điện tử",
		channel.Store: "Cửa hàng", channel.Event: "Sự kiện", channel.Print: "Ấn phẩm in",
		channel.DirectMail: "Thư gửi trực tiếp", channel.WordOfMouth: "Truyền miệng", channel.Partner: "Đối tác",
		channel.Staff: "Nhân viên", channel.Other: "Khác",
	},
	Modes: map[channel.Mode]string{channel.Online: "trực tuyến", channel.Offline: "trực tiếp"},
	Initiators: map[touchpoint.Initiator]string{
		touchpoint.ByCustomer: "khách hàng", touchpoint.ByCompany: "doanh nghiệp", touchpoint.ByThirdParty: "bên thứ ba",
	},
	Layers: map[touchpoint.Layer]string{
		touchpoint.Frontstage: "Tiền cảnh", touchpoint.Backstage: "Hậu cảnh",
		touchpoint.SupportProcess: "Quy trình hỗ trợ",
	},
	Kinds: map[touchpoint.SupportKind]string{
		touchpoint.People: "con người", touchpoint.Technology: "công nghệ",
		touchpoint.Policy: "chính sách", touchpoint.Process: "quy trình",
	},
	Categories: map[painpoint.Category]string{
		painpoint.Financial: "Tài chính", painpoint.Productivity: "Năng suất",
		painpoint.Process: "Quy trình", painpoint.Support: "Hỗ trợ",
	},
	Severities: map[painpoint.Severity]string{
		painpoint.Low: "Thấp", painpoint.Medium: "Trung bình", painpoint.High: "Cao", painpoint.Critical: "Nghiêm trọng",
	},
	Lifecycles: map[persona.Lifecycle]string{
		persona.Stranger: "Người lạ", persona.Visitor: "Khách truy cập", persona.Lead: "Khách hàng tiềm năng",
		persona.Customer: "Khách hàng", persona.Promoter: "Người ủng hộ",
	},
	MetricKinds: map[metric.Kind]string{
		metric.ConversionRate: "tỷ lệ chuyển đổi", metric.DropOffRate: "tỷ lệ rời bỏ",
		metric.BounceRate: "tỷ lệ thoát", metric.CSAT: "mức độ hài lòng (CSAT)",
		metric.NPS: "chỉ số khách hàng giới thiệu (NPS)", metric.CES: "điểm nỗ lực của khách hàng (CES)",
		metric.Duration: "thời gian", metric.Count: "số lượng", metric.Custom: "tùy chỉnh",
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
	MoreFeelings: "… và %d điểm chạm khác lệch từ nửa điểm trở lên so với bản đồ.",
	Levels:       levels("vi"),
	WholeJourney: "Toàn bộ hành trình", Positive: "tích cực", Negative: "tiêu cực", Neutral: "trung lập",
	Conversion: "Chuyển đổi", MedianTime: "Thời gian trung vị", Minutes: "phút",
	LineInteraction: "Đường tương tác", LineVisibility: "Đường hiển thị",
	LineInternal: "Đường tương tác nội bộ", Continued: "tiếp theo", Page: "Trang", Summary: "Tóm tắt",
	CriticalPains: "Điểm đau nghiêm trọng", WeakestLink: "Mắt xích yếu nhất", ChannelsWord: "Kênh",
	OnlineWord: "trực tuyến", OfflineWord: "trực tiếp", OfWord: "trên",
	PersonaDetails: "Chi tiết chân dung khách hàng", StageDetails: "Về bước này",
	EmotionZones: "Trên đường giữa: tích cực; dưới: tiêu cực (−2 đến +2)",
	SkipToMap:    "Chuyển đến bản đồ", CanvasLabel: "Khung bản đồ hành trình", PageOf: "Trang %s",
	PainDetails: "Chi tiết điểm đau",
}
