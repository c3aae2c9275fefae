package i18n

import (
	"strconv"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/numfmt"
)

// The English words.

var enFormat = Format{num: numfmt.English, date: time.DateOnly}

// enCount writes "1 day", "3 days", "1,987 customers".
func enCount[N int | int64](n N, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return enFormat.Int(int64(n)) + " " + word + "s"
}

// enPhases name the phases as adjectives: "the before-purchase phase".
var enPhases = map[string]string{
	"before_purchase": "before-purchase", "during_purchase": "during-purchase", "after_purchase": "after-purchase",
}

var enWhyPhase = map[string]string{
	"before_purchase": "nothing helps the customer discover, search and compare before buying.",
	"during_purchase": "nothing is mapped where the customer chooses, pays and receives.",
	"after_purchase":  "the customer is forgotten after the sale (use, support, loyalty, advocacy).",
}

var enSeverities = map[string]string{"low": "low", "medium": "medium", "high": "high", "critical": "critical"}

var enCategories = map[string]string{
	"financial": "financial", "productivity": "productivity", "process": "process", "support": "support",
}

var enChannels = map[string]string{
	"website": "website", "mobile_app": "mobile app", "email": "email", "sms": "SMS", "chat": "chat",
	"phone": "phone", "social_media": "social media", "search": "search", "online_ads": "online ads",
	"review_site": "review site", "marketplace": "marketplace", "store": "store", "event": "event",
	"print": "print", "direct_mail": "direct mail", "word_of_mouth": "word of mouth", "partner": "partner",
	"staff": "staff", "other": "other",
}

// enDelta writes a value before and after: "0.5 → 0.6 (+0.1)".
func enDelta(f Format, none string) func(old, new, change *float64) string {
	return func(old, new, change *float64) string {
		side := func(v *float64) string {
			if v == nil {
				return none
			}
			return f.Number(*v)
		}
		s := side(old) + " → " + side(new)
		if change != nil {
			sign := ""
			if *change > 0 {
				sign = "+"
			}
			s += " (" + sign + f.Number(*change) + ")"
		}
		return s
	}
}

// fieldList writes the changed members " (name, phase)", or nothing.
func fieldList(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	return " (" + strings.Join(fields, ", ") + ")"
}

var english = Words{
	Format:     enFormat,
	channels:   enChannels,
	phases:     map[string]string{"before_purchase": "before purchase", "during_purchase": "during purchase", "after_purchase": "after purchase"},
	types:      map[string]string{"current_state": "current state", "future_state": "future state", "day_in_the_life": "day in the life", "service_blueprint": "service blueprint"},
	statuses:   map[string]string{"idea": "idea", "planned": "planned", "in_progress": "in progress", "done": "done"},
	modes:      map[string]string{"online": "online", "offline": "offline"},
	initiators: map[string]string{"customer": "customer", "company": "company", "third_party": "third party"},
	layers:     map[string]string{"frontstage": "frontstage", "backstage": "backstage", "support_process": "support processes"},
	kinds:      map[string]string{"people": "people", "technology": "technology", "policy": "policy", "process": "process"},
	categories: enCategories,
	severities: enSeverities,
	lifecycles: map[string]string{"stranger": "stranger", "visitor": "visitor", "lead": "lead", "customer": "customer", "promoter": "promoter"},
	metricKinds: map[string]string{
		"conversion_rate": "conversion rate", "drop_off_rate": "drop-off rate", "bounce_rate": "bounce rate",
		"csat": "CSAT", "nps": "NPS", "ces": "CES", "duration": "duration", "count": "count", "custom": "custom",
	},
	columns: map[string]string{
		"stage_id": "stage_id", "stage": "stage", "phase": "phase", "touchpoint_id": "touchpoint_id",
		"touchpoint": "touchpoint", "channel": "channel", "mode": "mode", "initiator": "initiator", "owner": "owner",
		"emotion": "emotion", "actions": "actions", "thoughts": "thoughts", "feelings": "feelings",
		"pain_point_id": "pain_point_id", "pain_category": "pain_category", "pain_severity": "pain_severity",
		"pain": "pain", "pain_description": "pain_description", "pain_evidence": "pain_evidence",
	},
	findingSeverities: map[string]string{"info": "info", "warning": "warning", "critical": "critical"},
	codes: map[string]string{
		"journey.no_objective":              "Journey without an objective",
		"journey.no_personas":               "Journey without personas",
		"review.overdue":                    "Review overdue",
		"phase.uncovered":                   "Phase not covered",
		"persona.unserved":                  "Persona no touchpoint serves",
		"persona.channel_missing":           "Preferred channel the journey never uses",
		"stage.no_touchpoints":              "Stage without touchpoints",
		"stage.single_touchpoint":           "Stage with a single touchpoint",
		"stage.too_many_touchpoints":        "Stage with too many touchpoints",
		"touchpoint.no_owner":               "Touchpoint without an owner",
		"touchpoint.unmeasured":             "Touchpoint neither scored nor measured",
		"blueprint.no_backstage":            "Touchpoint without backstage support",
		"painpoint.unaddressed":             "Pain point no opportunity addresses",
		"painpoint.support_without_contact": "Support pain point in a stage without a contact channel",
		"metric.below_target":               "Metric missing its target",
	},
	factors: map[string]string{
		"pain.financial": "financial pain", "pain.productivity": "productivity pain",
		"pain.process": "process pain", "pain.support": "support pain", "pain.other": "other pain",
		"negative_emotion": "negative emotion", "emotion_dip": "emotion dip",
		"channel_handoff": "channel hand-off", "missed_target": "missed target", "drop_off": "drop-off",
	},

	templates: map[string]TemplateWords{
		"purchase_timeline": {"Purchase timeline",
			"The three phases every journey passes through: before, during and after purchase.",
			[]string{"Before purchase", "During purchase", "After purchase"}},
		"classic": {"Classic funnel", "Awareness to advocacy: the common marketing funnel.",
			[]string{"Awareness", "Consideration", "Purchase", "Retention", "Advocacy"}},
		"inbound": {"Inbound marketing",
			"Attract, convert, close, delight: strangers become visitors, leads, customers and promoters.",
			[]string{"Attract", "Convert", "Close", "Delight"}},
		"customer_value_journey": {"Customer value journey",
			"Eight stages from first awareness to promoting the brand, with value given at each step.",
			[]string{"Aware", "Engage", "Subscribe", "Convert", "Excite", "Ascend", "Advocate", "Promote"}},
		"b2b": {"B2B purchase",
			"How a business buys: research, compare, doubt, hesitate, decide. Add after-purchase stages for onboarding and renewal.",
			[]string{"Research", "Compare", "Doubt", "Hesitate", "Decide"}},
	},

	Unnamed: func(n int) string { return "#" + strconv.Itoa(n) + " (no name)" },

	Findings: FindingWords{
		NoObjective: "The journey has no objective: write down what the team wants to learn or change with this map, so everyone reads it the same way.",
		NoPersonas:  "The journey names no persona: say whose journey this is, so touchpoints and pain points are judged from a real customer's point of view.",
		ReviewOverdue: func(reviewed, due time.Time, every, late int) string {
			return "The map was last reviewed on " + enFormat.Date(reviewed) + " and should be reviewed every " +
				enCount(every, "day") + ": the review was due on " + enFormat.Date(due) +
				" (" + enCount(late, "day") + " ago). Check it against what customers do today."
		},
		PhaseUncovered: func(phase string, stages int) string {
			if stages == 0 {
				return "No touchpoint covers the " + name(enPhases, phase) + " phase: " + enWhyPhase[phase]
			}
			return "The " + name(enPhases, phase) + " phase has " + enCount(stages, "stage") + " but no touchpoint: " + enWhyPhase[phase]
		},
		PersonaUnserved: func(p string) string {
			return "No touchpoint serves persona " + p + ": the journey never meets them. Add touchpoints for them or list them in a touchpoint's persona_ids."
		},
		ChannelMissing: func(p, c string) string {
			return "Persona " + p + " prefers " + channelName(enChannels, c) + ", but no touchpoint of the journey uses it."
		},
		NoTouchpoints: func(s string) string {
			return "Stage " + s + " has no touchpoint: the customer meets nothing from the brand here. Add the touchpoint that is missing."
		},
		SingleTouchpoint: func(s string) string {
			return "Stage " + s + " has a single touchpoint: if it fails, the customer has nowhere else to turn and may go to a competitor."
		},
		TooManyTouchpoints: func(s string, n, most int) string {
			return "Stage " + s + " has " + enFormat.Int(int64(n)) + " touchpoints (more than " + enFormat.Int(int64(most)) +
				"): a confusing route for the customer. Consider merging or removing some."
		},
		NoOwner: func(t string) string {
			return "Touchpoint " + t + " has no owner: nobody inside the company is responsible for it."
		},
		Unmeasured: func(t string) string {
			return "Touchpoint " + t + " is unmeasured: it has no emotion score and no metric, so nobody knows how it goes for the customer."
		},
		NoBackstage: func(t string) string {
			return "Touchpoint " + t + " shows nothing behind the scenes: add the backstage work or support process that makes it happen."
		},
		Unaddressed: func(p, sev, cat string) string {
			return "Pain point " + p + " (" + name(enSeverities, sev) + " " + name(enCategories, cat) + " pain) is not addressed by any opportunity."
		},
		SupportWithoutContact: func(p, s string) string {
			return "Customers get stuck at " + p + ", but stage " + s + " offers no way to reach a person (chat, phone, email, store or staff)."
		},
		BelowTarget: func(m string, value, target float64, unit string, lower bool) string {
			dir := "higher is better"
			if lower {
				dir = "lower is better"
			}
			return "Metric " + m + " is " + enFormat.WithUnit(value, unit) + ", missing its target of " +
				enFormat.WithUnit(target, unit) + " (" + dir + ")."
		},
	},

	Details: DetailWords{
		Pain: func(c SeverityCounts) string {
			return severityCounts(c, [5]string{"critical", "high", "medium", "low", "of unknown severity"})
		},
		Emotion: func(e float64) string { return "emotion " + enFormat.Number(e) },
		Dip: func(from, to float64) string {
			return "emotion falls from " + enFormat.Number(from) + " to " + enFormat.Number(to)
		},
		Handoff: func(from, to string) string {
			return "from " + channelName(enChannels, from) + " to " + channelName(enChannels, to)
		},
		OnRoutes: func(detail string, personas []string) string {
			return detail + " (on the route of " + strings.Join(personas, ", ") + ")"
		},
	},

	Report: ReportWords{
		NoFindings: "No findings.",
		Findings:   func(n int) string { return "Findings (" + enFormat.Int(int64(n)) + "):" },
		Friction: func(score, points float64) string {
			return "Friction: " + enFormat.Fixed(score, 2) + " (" + enFormat.Fixed(points, 2) + " points)"
		},
		Points:  func(p float64) string { return enFormat.Fixed(p, 2) + " points" },
		Stages:  "Stages:",
		Hotspot: "Hotspots:",
	},

	Diff: DiffWords{
		Stage: func(change, name string, fields []string, friction, emotion string) string {
			s := "stage " + change + ": " + name + fieldList(fields) + "; friction " + friction
			if emotion != "" {
				s += "; emotion " + emotion
			}
			return s
		},
		Touchpoint: func(change, name, stage string, fields []string) string {
			return "touchpoint " + change + ": " + name + " in " + stage + fieldList(fields)
		},
		Resolved: func(title, sev, cat, tp string) string {
			return "pain point resolved: " + title + " (" + name(enSeverities, sev) + " " + name(enCategories, cat) + ") at " + tp
		},
		Introduced: func(title, sev, cat, tp string) string {
			return "pain point introduced: " + title + " (" + name(enSeverities, sev) + " " + name(enCategories, cat) + ") at " + tp
		},
		Journey: func(friction string) string { return "journey friction " + friction },
		Delta:   enDelta(enFormat, "none"),
	},

	Page: PageWords{
		JourneyMap: "Customer journey map", MapType: "Map type", Objective: "Objective", Owner: "Owner",
		LastReview: "Last review", NotReviewed: "not reviewed yet", Description: "Description",
		Personas: "Personas", Quote: "Quote", Lifecycle: "Lifecycle", AgeRange: "Age", Gender: "Gender",
		Income: "Income", Location: "Location", Occupation: "Occupation",
		Goals: "Goals", Needs: "Needs", Frustrations: "Frustrations", Behaviors: "Behaviours",
		PreferredChannels: "Preferred channels",
		Map:               "Journey map", MapCaption: "The journey by phase and stage: one column per touchpoint",
		Phase: "Phase", Stage: "Stage", CustomerGoal: "Customer goal", Questions: "Questions",
		Touchpoint: "Touchpoint", Touchpoints: "Touchpoints",
		Channel: "Channel", Mode: "Mode", Initiator: "Started by", Actions: "Customer actions",
		Thoughts: "Thoughts", Feelings: "Feelings", Emotion: "Emotion", EmotionCurve: "Emotion curve",
		EmotionScale: "Scale: −2 very negative, 0 neutral, +2 very positive",
		AllCustomers: "All customers", NotMeasured: "not measured",
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
		ReviewEvery: func(days int) string { return "Review every " + enFormat.Int(int64(days)) + " days" },
		EmotionCurveAlt: func(n int) string {
			return "Emotion curve over " + enFormat.Int(int64(n)) + " touchpoints; the scores are listed in the Emotion row."
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
		MoreFeelings: func(n int) string {
			return "… and " + enFormat.Int(int64(n)) + " more touchpoints half a point or more away from the map."
		},
		WholeJourney: "The whole journey", Positive: "positive", Negative: "negative", Neutral: "neutral",
		Conversion: "Conversion", MedianTime: "Median time", Minutes: "min",
		LineInteraction: "Line of interaction", LineVisibility: "Line of visibility",
		LineInternal: "Line of internal interaction", Continued: "continued", Page: "Page", Summary: "At a glance",
		CriticalPains: "Critical pain points", WeakestLink: "Weakest link", ChannelsWord: "Channels",
		OnlineWord: "online", OfflineWord: "offline",
		PersonaDetails: "Personas in detail", StageDetails: "About the stage",
		EmotionZones: "Above the line: positive; below: negative (−2 to +2)",
		CanvasLabel:  "Journey map canvas", PainDetails: "Pain points in detail",
		MapSheet: "Map", ID: "ID", Name: "Name",
	},

	Funnel: FunnelWords{
		Title: func(title, source string, window time.Duration) string {
			return "Funnel of " + strconv.Quote(title) + " from " + source + " (window " + enFormat.Duration(window) + ")"
		},
		Counts: func(events, customers, bad int64) string {
			rows := "rows"
			if bad == 1 {
				rows = "row"
			}
			return enFormat.Int(events) + " events, " + enFormat.Int(customers) + " customers, " + enFormat.Int(bad) + " bad " + rows
		},
		Mode: func(mode string) string {
			return map[string]string{
				"ordered": "Steps counted in order, other events allowed between steps.",
				"strict":  "Steps counted in strict order, no other planned touchpoint between steps.",
				"any":     "Steps counted in any order.",
			}[mode]
		},
		Stage: "Stage", Touchpoint: "Touchpoint",
		Reached: "reached", FromPrevious: "from previous", FromStart: "from start", DropOff: "drop-off",
		Median: "median time", P90: "p90 time", P95: "p95 time", P99: "p99 time",
		Deviations: "Deviations",
		Events:     "events", Missing: "missing", Irregular: "irregular", Failing: "failing", Emotion: "emotion", Planned: "planned",
		Alternative:   func(n string) string { return "or " + n },
		AdHoc:         func(key string) string { return key + " (ad hoc)" },
		AfterDropOff:  "After dropping off (the next touchpoint of the customers who stopped at a step)",
		Nothing:       "nothing more",
		TimeToConvert: "Time to convert from the previous step (customers per interval)",
		Route: func(p string, n int64) string {
			return "Route of " + p + ": " + enCount(n, "customer")
		},
		RouteWithoutPersona: func(n int64) string {
			return "Route of customers without a persona: " + enCount(n, "customer")
		},
		Group: func(column, value string, n int64) string {
			return "By " + column + ": " + value + ", " + enCount(n, "customer")
		},
		EmptyValue: "(none)",
		MoreGroups: func(n int) string { return "… and " + enFormat.Int(int64(n)) + " more values" },
		Customers: func(conforming, adHoc, missing, irregular, failing int64) string {
			return "Customers: " + enFormat.Int(conforming) + " as planned, " + enFormat.Int(adHoc) + " with ad-hoc touchpoints, " +
				enFormat.Int(missing) + " missing a touchpoint, " + enFormat.Int(irregular) + " out of order, " +
				enFormat.Int(failing) + " with a failure"
		},
		Variants: func(n int) string { return "Top variants (of " + enFormat.Int(int64(n)) + ")" },
		Variant: func(missing, irregular, failing []string, adHoc bool) string {
			return variant([3]string{"missing", "irregular", "failing"}, "ad hoc", "as planned", missing, irregular, failing, adHoc)
		},
		Folded:  func(n int) string { return "touchpoints " + strconv.Itoa(n) + "+" },
		BadRows: func(n int64) string { return "Bad rows: " + enFormat.Int(n) + " skipped" },
		Line:    func(n int64) string { return "line " + strconv.FormatInt(n, 10) },
		More:    func(n int64) string { return "… and " + enFormat.Int(n) + " more" },
		Page:    enFunnelPage,
		BadReason: func(reason string, n int64) string {
			what := "that cannot be used"
			if r, ok := enBadReasons[reason]; ok {
				what = r[0]
			}
			rows := " rows "
			if n == 1 {
				rows = " row "
			}
			return enFormat.Int(n) + rows + what
		},
		BadHint: func(reason string) string { return enBadReasons[reason][1] },
	},

	Import: ImportWords{
		Place: place("sheet ", "row ", "line ", "column "),
		Empty: func(fields []string) string {
			return "the input is empty: expected a header row such as " + strings.Join(fields, ",")
		},
		NoHeader: func(fields []string) string {
			return "no header row: expected a row naming columns such as " + strings.Join(fields, ",")
		},
		Delimiter: func(guessed rune) string {
			return "no row near the top names known columns with a comma, a semicolon or a tab between them, so the delimiter was guessed as " +
				map[rune]string{',': "a comma", ';': "a semicolon", '\t': "a tab"}[guessed] +
				": if the sheet uses another one, give it (journeymap import -comma, Options.Comma)"
		},
		TooLarge: func(size, most int) string {
			return "the journey would be " + enFormat.Int(int64(size)) + " bytes of JSON, more than the " + enFormat.Int(int64(most)) +
				" bytes a document may have (MaxDocumentBytes): split the sheet"
		},
		TooMany: func(n int) string { return "stopped after " + enFormat.Int(int64(n)) + " problems" },
		LineTooLong: func(most int) string {
			return "the line is longer than " + enFormat.Int(int64(most)) + " bytes (the limit of a sheet's line)"
		},
		Unclosed:   "the quote that opens a cell here is never closed, so the rest of the file would be one cell",
		AfterQuote: "a quoted cell goes on after its closing quote (write a quote inside a quoted cell as \"\")",
		BareQuote:  "a quote inside a cell that does not start with one (quote the whole cell and double the quote)",
		UnknownColumn: func(fields []string) string {
			return "unknown column (known: " + strings.Join(fields, ", ") + `; Vietnamese headers such as "giai đoạn", "điểm chạm", "kênh" work too)`
		},
		SameColumn: func(field, other string) string {
			return "names the same column (" + field + ") as " + strconv.Quote(other)
		},
		MissingColumn: func(field string) string {
			return "missing column " + strconv.Quote(field) + " (or " + strconv.Quote(name(viColumns, field)) + ")"
		},
		RowLength: func(cells, header int) string {
			return "the row has " + enFormat.Int(int64(cells)) + " cells, the header has " + enFormat.Int(int64(header))
		},
		Unheaded: func(cell string) string { return "cell " + strconv.Quote(cell) + " is in a column without a header" },
		NotUUID:  func(cell string) string { return strconv.Quote(cell) + " is not a UUID" },
		NotAllowed: func(cell, kind string, allowed []string) string {
			what := map[string]string{"phase": "a phase", "channel": "a channel", "mode": "a mode",
				"initiator": "an initiator", "category": "a pain point category", "severity": "a severity"}[kind]
			return strconv.Quote(cell) + " is not " + what + " (allowed: " + strings.Join(allowed, ", ") + ")"
		},
		Allowed:   func(kind, value string) string { return value },
		NotNumber: func(cell string) string { return strconv.Quote(cell) + " is not a number" },
		OutOfRange: func(e float64) string {
			return "emotion " + enFormat.Number(e) + " is outside -2..2"
		},
		FirstStage: "the first row must name its stage",
		StageName:  "a new stage needs a name",
		StagePhase: func(stage string) string {
			return "stage " + strconv.Quote(stage) + " needs a phase (before_purchase, during_purchase or after_purchase)"
		},
		StageNamed: func(id, n string, line int) string {
			return "stage " + id + " is named " + strconv.Quote(n) + " (line " + strconv.Itoa(line) + ")"
		},
		PhaseConflict: func(stage, phase string, line int) string {
			return "stage " + strconv.Quote(stage) + " has phase " + phase + " (line " + strconv.Itoa(line) + ")"
		},
		NoTouchpoint:   "the row has touchpoint or pain point cells but names no touchpoint",
		TouchpointName: "a new touchpoint needs a name",
		TouchpointStage: func(id, stage string, line int) string {
			return "touchpoint " + id + " belongs to stage " + strconv.Quote(stage) + " (line " + strconv.Itoa(line) + ")"
		},
		TouchpointNamed: func(id, n string, line int) string {
			return "touchpoint " + id + " is named " + strconv.Quote(n) + " (line " + strconv.Itoa(line) + ")"
		},
		TouchpointChannel: func(tp string) string { return "touchpoint " + strconv.Quote(tp) + " needs a channel" },
		ValueConflict: func(tp, field, value string, line int) string {
			return "touchpoint " + strconv.Quote(tp) + " has " + field + " " + strconv.Quote(value) + " (line " + strconv.Itoa(line) + ")"
		},
		PainID: func(id string, line int) string {
			return "pain point " + id + " is already on line " + strconv.Itoa(line)
		},
		PainTitle:    "a pain point needs a title",
		PainCategory: "a pain point needs a category (financial, productivity, process or support)",
		PainLevel:    "a pain point needs a severity (low, medium, high or critical)",
	},

	Overlay: OverlayWords{
		Reached:    "Customers reached (measured)",
		Conversion: "Conversion to next step (measured)",
		DropOff:    "Drop-off (measured)",
		Duration:   "Median time from previous step (measured)",
		Customers:  "customers", Seconds: "s", Minutes: "min", Hours: "h", Days: "days",
	},
}

// severityCounts writes counts by severity, the worst first, with the
// words of critical, high, medium, low and unknown: "1 critical, 2 low".
func severityCounts(c SeverityCounts, words [5]string) string {
	var parts []string
	for i, n := range [5]int{c.Critical, c.High, c.Medium, c.Low, c.Unknown} {
		if n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+words[i])
		}
	}
	return strings.Join(parts, ", ")
}

// variant writes how a variant deviates from the plan: each kind of
// deviation (missing, irregular, failing) followed by its touchpoints, then
// adHoc's word; asPlanned when there is none.
func variant(kinds [3]string, adHocWord, asPlanned string, missing, irregular, failing []string, adHoc bool) string {
	var parts []string
	for i, names := range [3][]string{missing, irregular, failing} {
		if len(names) > 0 {
			parts = append(parts, kinds[i]+" "+strings.Join(names, ", "))
		}
	}
	if adHoc {
		parts = append(parts, adHocWord)
	}
	if len(parts) == 0 {
		return asPlanned
	}
	return strings.Join(parts, "; ")
}

// enFunnelPage is the English of the HTML page's funnel section.
var enFunnelPage = FunnelPageWords{
	Breakdown: func(column string) string { return "Funnel by " + column },
	Group: func(value, customers string) string {
		return value + ": " + customers + " customers"
	},
	AfterDropOff: "Where customers went after dropping off (the first other touchpoint they used next)",
	DroppedOff:   "Dropped off", Next: "Went next",
	Nothing: "no further event", AdHoc: "not in the map",
	MoreNext:      func(n, customers string) string { return n + " more: " + customers + " customers" },
	TimeToConvert: "Time to convert from the previous touchpoint",
	Converted:     "Customers", Median: "Median", P90: "90th percentile", P95: "95th percentile", P99: "99th percentile",
	Histogram: "Distribution",
	BinUnder:  func(hi string) string { return "under " + hi },
	BinFrom:   func(lo, hi string) string { return lo + " to " + hi },
	Bins:      func(bins []string) string { return "Customers by time to convert: " + strings.Join(bins, "; ") + "." },
	Bin:       func(bin, customers string) string { return bin + ": " + customers },
}

// enBadReasons describe the rows of each bad-row reason, after a count,
// and what to do about them.
var enBadReasons = map[string][2]string{
	"out_of_order":     {"out of time order", "the input is not time-ordered; use -order any"},
	"bad_time":         {"with a time in no accepted form", "for another form of time, give its layout with -time-layout"},
	"ambiguous_time":   {"with an ambiguous time", "give the unit of Unix times with -time-unit, or times with an offset"},
	"too_long":         {"longer than the line limit", "look for a quote that is not closed, or raise -max-line"},
	"unclosed_quote":   {"with a quote that is not closed", "a field opened with a quote must end with one"},
	"csv_syntax":       {"with a stray quote", "quote a field that holds a quote, and double the quote inside"},
	"field_count":      {"with the wrong number of fields", "every row needs as many fields as the header"},
	"json_syntax":      {"that are not one JSON object", "write one JSON object per line"},
	"duplicate_key":    {"with a member twice", "give each member once per line"},
	"invalid_utf8":     {"that are not UTF-8", "convert the file to UTF-8"},
	"wrong_type":       {"with a value of the wrong type", "ids and times are strings or numbers, the emotion a number"},
	"empty_customer":   {"without a customer id", "check the customer column (-columns customer=...)"},
	"empty_touchpoint": {"without a touchpoint", "check the touchpoint column (-columns touchpoint=...)"},
	"bad_outcome":      {"with an outcome other than ok or failed", "leave the outcome empty when there is none"},
	"bad_emotion":      {"with an emotion that is not a number in -2..2", "write emotions as decimal numbers from -2 to 2"},
	"unknown_persona":  {"with a persona not in the journey", "name a persona of the journey by its id or unique name"},
	"no_header":        {"without a header", "the first line must name the columns"},
}
