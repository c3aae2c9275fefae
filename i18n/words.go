package i18n

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Words is the catalog of one language: every word journeymap writes for
// people. The names of enumerations are looked up by the document's value
// (Channel("mobile_app") is "mobile app"); the messages are functions of
// the facts they state, given as data (names already quoted by the caller,
// numbers as numbers), so each language writes them in its own word order.
//
// Names are in the case they take inside a sentence ("mobile app",
// "before purchase"); a heading or a table cell capitalises them with Title.
type Words struct {
	// Format writes numbers, per cents, dates and durations.
	Format

	// Names of the document's enumerations and of the analysis' stable
	// names, by value: see the methods.
	channels, phases, types, statuses, modes, initiators, layers, kinds map[string]string
	categories, severities, lifecycles, metricKinds, columns            map[string]string
	findingSeverities, codes, factors                                   map[string]string
	// templates are the stage templates' words, by template name.
	templates map[string]TemplateWords

	// Unnamed describes an object with a blank name by its place: "#3 (no name)".
	Unnamed func(n int) string

	// Findings are the messages of the analysis' findings.
	Findings FindingWords
	// Details are the details of friction factors.
	Details DetailWords
	// Report is the analysis report as text (journeymap analyze).
	Report ReportWords
	// Diff is the comparison of two journeys as text (journeymap diff).
	Diff DiffWords
	// Page is the HTML and Markdown pages.
	Page PageWords
	// Funnel is the event analytics' result as text (journeymap funnel).
	Funnel FunnelWords
	// Overlay names the measured metrics laid over a journey.
	Overlay OverlayWords
	// Import is the problems of a spreadsheet import (package sheet).
	Import ImportWords
}

// TemplateWords are the words of one stage template (package journey): its
// title, when to use it, and the names of its stages in order.
type TemplateWords struct {
	Title, Description string
	Stages             []string
}

// SeverityCounts counts pain points by severity.
type SeverityCounts struct {
	// Unknown counts pain points whose severity is not one of the four
	// (only in a journey that fails validation).
	Unknown, Low, Medium, High, Critical int
}

// FindingWords are the messages of the analysis' findings, one per code.
// Names and titles are passed quoted (or as Unnamed describes them);
// channels, phases, severities and categories as the document's values.
type FindingWords struct {
	NoObjective, NoPersonas string
	ReviewOverdue           func(reviewed, due time.Time, everyDays, lateDays int) string
	// PhaseUncovered: no touchpoint in the phase, which has stages stages.
	PhaseUncovered        func(phase string, stages int) string
	PersonaUnserved       func(persona string) string
	ChannelMissing        func(persona, channel string) string
	NoTouchpoints         func(stage string) string
	SingleTouchpoint      func(stage string) string
	TooManyTouchpoints    func(stage string, touchpoints, most int) string
	NoOwner               func(touchpoint string) string
	Unmeasured            func(touchpoint string) string
	NoBackstage           func(touchpoint string) string
	Unaddressed           func(pain, severity, category string) string
	SupportWithoutContact func(pain, stage string) string
	// BelowTarget: metric is at value, missing its target; lower tells
	// which way is better.
	BelowTarget func(metric string, value, target float64, unit string, lower bool) string
}

// DetailWords are the details of friction factors.
type DetailWords struct {
	// Pain says how many pain points of each severity, the worst first.
	Pain func(SeverityCounts) string
	// Emotion is a touchpoint's negative emotion.
	Emotion func(emotion float64) string
	// Dip is a fall of emotion from the previous measured touchpoint.
	Dip func(from, to float64) string
	// Handoff is a change of channel (the document's values).
	Handoff func(from, to string) string
	// OnRoutes says that a dip or hand-off (detail) occurs on the routes of
	// the personas named (quoted names) only.
	OnRoutes func(detail string, personas []string) string
}

// ReportWords are the analysis report as text.
type ReportWords struct {
	NoFindings string
	// Findings heads the list of n findings.
	Findings func(n int) string
	// Friction is the journey's friction line.
	Friction func(score, points float64) string
	// Points is a number of friction points.
	Points          func(points float64) string
	Stages, Hotspot string
}

// DiffWords are the comparison of two journeys as text. A change is
// "added", "removed", "changed" or "unchanged"; fields are the document's
// member names; old and new numbers are nil when absent on that side.
type DiffWords struct {
	Stage      func(change, name string, fields []string, friction, emotion string) string
	Touchpoint func(change, name, stage string, fields []string) string
	Resolved   func(title, severity, category, touchpoint string) string
	Introduced func(title, severity, category, touchpoint string) string
	Journey    func(friction string) string
	// Delta is a value before and after, and its change when both exist.
	Delta func(old, new, change *float64) string
}

// PageWords are the headings and labels of the HTML and Markdown pages.
type PageWords struct {
	JourneyMap, MapType, Objective, Owner, LastReview, NotReviewed, Description             string
	Personas, Quote, Lifecycle, AgeRange, Gender, Income, Location, Occupation              string
	Goals, Needs, Frustrations, Behaviors, PreferredChannels                                string
	Map, MapCaption, Phase, Stage, CustomerGoal, Questions, Touchpoint, Touchpoints         string
	Channel, Mode, Initiator, Actions, Thoughts, Feelings, Emotion, EmotionCurve            string
	EmotionScale, AllCustomers, NotMeasured, PainPoints, Category, Severity                 string
	Evidence, Opportunities, Status, Impact, Effort, Metrics, StageMetrics, Value, Target   string
	TargetMet, TargetMissed, NoTarget, Source, Higher, Lower, PhysicalEvidence              string
	CustomerActions, SupportLayers, Kind, Findings, Hotspots, Friction, Hotspot, Path, Code string
	Served, AllPersonas, None, Stages, Unit, OtherLayers, ReviewCycle, Layer, FactorList    string
	// ReviewEvery is the review cycle of days days.
	ReviewEvery func(days int) string
	// EmotionCurveAlt describes the emotion curve over n touchpoints.
	EmotionCurveAlt func(n int) string

	// The measured funnel.
	Measured, MeasuredFrom, CustomersWord, EventsWord, WindowWord, Days, Hours string
	Reached, FromStart, DropOff, FunnelBars, Deviations, AsPlanned, WithAdHoc  string
	MissingOne, OutOfOrder, WithFailure, AdHocTouchpoints, EventCount, Failed  string
	WorstDropOff, FeelingsCaption, InTheMap, MeasuredEmotion, Difference       string
	FeelBetter, FeelWorse                                                      string
	// MoreFeelings counts the n touchpoints left out of the emotion gaps.
	MoreFeelings func(n int) string

	// The canvas and the first screen.
	WholeJourney, Positive, Negative, Neutral, Conversion, MedianTime, Minutes string
	LineInteraction, LineVisibility, LineInternal, Continued, Page, Summary    string
	CriticalPains, WeakestLink, ChannelsWord, OnlineWord, OfflineWord          string
	PersonaDetails, StageDetails, EmotionZones, CanvasLabel, PainDetails       string

	// The workbook: the name of the map's sheet, and the headings of the
	// id and name columns of the other sheets.
	MapSheet, ID, Name string
}

// FunnelWords are the event analytics' result as text. Names of
// touchpoints, personas and columns are passed as written (the caller
// keeps them on one line); counts as numbers.
type FunnelWords struct {
	// Title heads the report: the journey's title (to quote), the events'
	// source and the conversion window.
	Title func(title, source string, window time.Duration) string
	// Counts counts events, customers and bad rows.
	Counts func(events, customers, badRows int64) string
	// Mode says how the steps were counted, by the mode's name ("ordered",
	// "strict" or "any"); "" for a mode it does not know.
	Mode func(mode string) string
	// Column headings of the funnels and the deviations.
	Stage, Touchpoint, Reached, FromPrevious, FromStart, DropOff string
	Median, P90, P95, P99                                        string
	Deviations, Events, Missing, Irregular, Failing              string
	Planned, Emotion                                             string
	// Alternative names a touchpoint that is an alternative of the step
	// above it ("or Hears about the shop").
	Alternative func(name string) string
	// AdHoc names a touchpoint the plan does not have, by its key in the
	// events ("hotline (ad hoc)").
	AdHoc func(key string) string
	// AfterDropOff heads the next touchpoints of the customers who stopped
	// at a step; Nothing stands for no next touchpoint.
	AfterDropOff, Nothing string
	// TimeToConvert heads the customers counted per interval of time from
	// the previous step.
	TimeToConvert string
	// Route heads the funnel of a persona's customers;
	// RouteWithoutPersona that of the customers without a persona.
	Route               func(persona string, customers int64) string
	RouteWithoutPersona func(customers int64) string
	// Group heads the funnel of the customers with one value of the
	// breakdown column: value is quoted, or EmptyValue for no value.
	// MoreGroups counts the n values not shown.
	Group      func(column, value string, customers int64) string
	EmptyValue string
	MoreGroups func(n int) string
	// Customers counts customers by how they deviate from the plan.
	Customers func(conforming, adHoc, missing, irregular, failing int64) string
	// Variants heads the most frequent of n variants.
	Variants func(n int) string
	// Variant says how a variant deviates from the plan (names of
	// touchpoints); none: as planned.
	Variant func(missing, irregular, failing []string, adHoc bool) string
	// Folded names the touchpoints from position n on, counted as one.
	Folded func(n int) string
	// BadRows heads the n bad rows skipped; Line places one; More counts
	// the n not listed.
	BadRows func(n int64) string
	Line    func(n int64) string
	More    func(n int64) string
	// BadReason counts the n bad rows of one reason, by its code (an
	// analytics.Reason such as "out_of_order"): "12 rows out of time
	// order"; a code it does not know gets a general sentence.
	BadReason func(reason string, n int64) string
	// BadHint says what to do about rows of one reason, naming the
	// command's flags where one helps; "" for a code it does not know.
	BadHint func(reason string) string

	// Page is the funnel's section of the HTML page.
	Page FunnelPageWords
}

// FunnelPageWords are the words of the HTML page's funnel section
// (render.HTML{Funnel}) beyond the stage funnel: the funnels per
// breakdown value, what customers did after dropping off and the time to
// convert. Numbers and durations come formatted.
type FunnelPageWords struct {
	// Breakdown heads the funnels per value of column (as the data names it).
	Breakdown func(column string) string
	// Group captions the funnel of the customers with value (as the data
	// spells it, or FunnelWords.EmptyValue); FunnelWords.MoreGroups counts
	// the values not shown.
	Group func(value, customers string) string
	// AfterDropOff captions the table of what customers did next after
	// dropping off at a touchpoint; DroppedOff and Next head its columns.
	AfterDropOff, DroppedOff, Next string
	// Nothing: the customers had no further event; AdHoc marks a
	// touchpoint the map does not plan.
	Nothing, AdHoc string
	// MoreNext counts the customers who went to the n touchpoints not listed.
	MoreNext func(n, customers string) string
	// TimeToConvert captions the table of the time from the previous
	// touchpoint; Converted heads the customers timed, Median, P90, P95 and
	// P99 the quantiles and Histogram the chart.
	TimeToConvert, Converted, Median, P90, P95, P99, Histogram string
	// BinUnder names the histogram's first bin (durations under hi),
	// BinFrom the others (durations from lo to under hi).
	BinUnder func(hi string) string
	BinFrom  func(lo, hi string) string
	// Bins says a histogram in words: each bin and its customers.
	Bins func(bins []string) string
	// Bin is one bin and the customers in it.
	Bin func(bin, customers string) string
}

// OverlayWords name the measured metrics laid over a journey and their
// units. They become part of the document.
type OverlayWords struct {
	Reached, Conversion, DropOff, Duration   string
	Customers, Seconds, Minutes, Hours, Days string
}

// ImportWords are the problems of a spreadsheet import, each a function of
// its facts. Cells, names and ids are passed as they are (the message
// quotes them); columns by their field name ("stage_id"), which the
// language names with Column; enumerated values by the document's value.
type ImportWords struct {
	// Place says where a problem is, before its message: the workbook
	// sheet ("" for CSV), the line (0 for none; a workbook's row when row
	// is true) and the column's header ("" for none); "" when none is known.
	Place func(sheet string, line int, row bool, column string) string
	// Empty and NoHeader: the input has no rows, or none naming the
	// columns (the fields the format knows, in their order).
	Empty, NoHeader func(fields []string) string
	// Delimiter: no header row was found with the delimiter guessed, one
	// of ',', ';' and '\t'.
	Delimiter func(guessed rune) string
	// TooLarge: the journey would be size bytes of JSON, more than most.
	TooLarge func(size, most int) string
	// TooMany: reading stopped after n problems.
	TooMany func(n int) string
	// LineTooLong: a line is longer than most bytes.
	LineTooLong func(most int) string
	// Quotes: a quoted cell never closed, text after a closing quote, a
	// quote inside a cell that does not start with one.
	Unclosed, AfterQuote, BareQuote string
	// UnknownColumn: a header the format does not know (fields as for NoHeader).
	UnknownColumn func(fields []string) string
	// SameColumn: a header names the column of field, as the header other did.
	SameColumn func(field, other string) string
	// MissingColumn: no header names the column of field.
	MissingColumn func(field string) string
	// RowLength: a row of cells cells under a header of header cells.
	RowLength func(cells, header int) string
	// Unheaded: a cell in a column without a header.
	Unheaded func(cell string) string
	// NotUUID: a cell that should hold an id.
	NotUUID func(cell string) string
	// NotAllowed: a cell that is not a value of kind ("phase", "channel",
	// "mode", "initiator", "category" or "severity"); allowed lists the
	// values, as the language writes them in a cell.
	NotAllowed func(cell, kind string, allowed []string) string
	// Allowed writes an allowed value of kind in a cell, for NotAllowed.
	Allowed func(kind, value string) string
	// NotNumber and OutOfRange: an emotion cell.
	NotNumber  func(cell string) string
	OutOfRange func(emotion float64) string
	// A stage: the first row names none, a new one has no name or no
	// phase, an id already named otherwise on line, a phase already given
	// otherwise on line.
	FirstStage, StageName string
	StagePhase            func(stage string) string
	StageNamed            func(id, name string, line int) string
	PhaseConflict         func(stage, phase string, line int) string
	// A touchpoint: cells but no name, an id of another stage or named
	// otherwise on line, a new one without a name or a channel, a value of
	// field given otherwise on line.
	NoTouchpoint, TouchpointName string
	TouchpointStage              func(id, stage string, line int) string
	TouchpointNamed              func(id, name string, line int) string
	TouchpointChannel            func(touchpoint string) string
	ValueConflict                func(touchpoint, field, value string, line int) string
	// A pain point: an id already on line, no title, no category, no severity.
	PainID                             func(id string, line int) string
	PainTitle, PainCategory, PainLevel string
}

// place returns an ImportWords.Place with the words that come before a
// sheet's name, a row's and a line's number and a column's header:
// `sheet "Map", row 7, column "emotion"`.
func place(sheetWord, rowWord, lineWord, columnWord string) func(sheet string, line int, row bool, column string) string {
	return func(sheet string, line int, row bool, column string) string {
		var parts []string
		if sheet != "" {
			parts = append(parts, sheetWord+strconv.Quote(sheet))
		}
		if line > 0 {
			w := lineWord
			if row {
				w = rowWord
			}
			parts = append(parts, w+strconv.Itoa(line))
		}
		if column != "" {
			parts = append(parts, columnWord+strconv.Quote(column))
		}
		return strings.Join(parts, ", ")
	}
}

// name looks v up in m; a value the language does not name is written as it is.
func name(m map[string]string, v string) string {
	if s, ok := m[v]; ok {
		return s
	}
	return v
}

// Channel names a channel ("mobile_app": "mobile app"); a channel the
// language does not name is written with its underscores as spaces.
func (w *Words) Channel(c string) string { return channelName(w.channels, c) }

// channelName looks channel c up in m, or writes it with its underscores as spaces.
func channelName(m map[string]string, c string) string {
	if s, ok := m[c]; ok {
		return s
	}
	return strings.ReplaceAll(c, "_", " ")
}

// Phase names a purchase phase ("before_purchase": "before purchase").
func (w *Words) Phase(p string) string { return name(w.phases, p) }

// Type names a map type ("current_state": "current state").
func (w *Words) Type(t string) string { return name(w.types, t) }

// Status names an opportunity's status.
func (w *Words) Status(s string) string { return name(w.statuses, s) }

// Mode names a touchpoint's mode (online, offline).
func (w *Words) Mode(m string) string { return name(w.modes, m) }

// Initiator names who starts a touchpoint.
func (w *Words) Initiator(i string) string { return name(w.initiators, i) }

// Layer names a service blueprint layer.
func (w *Words) Layer(l string) string { return name(w.layers, l) }

// Kind names a kind of support (people, technology, policy, process).
func (w *Words) Kind(k string) string { return name(w.kinds, k) }

// Category names a pain point category ("financial").
func (w *Words) Category(c string) string { return name(w.categories, c) }

// Severity names a pain point severity ("high").
func (w *Words) Severity(s string) string { return name(w.severities, s) }

// Lifecycle names a persona's lifecycle status.
func (w *Words) Lifecycle(l string) string { return name(w.lifecycles, l) }

// MetricKind names a kind of metric ("conversion_rate": "conversion rate").
func (w *Words) MetricKind(k string) string { return name(w.metricKinds, k) }

// Column names a column of the spreadsheet format by its field ("stage_id").
func (w *Words) Column(field string) string { return name(w.columns, field) }

// FindingSeverity names a finding's severity ("warning").
func (w *Words) FindingSeverity(s string) string { return name(w.findingSeverities, s) }

// Code titles a finding code ("touchpoint.no_owner": "touchpoint without an
// owner"); ok is false for a code the language does not name, which is
// returned as it is.
func (w *Words) Code(code string) (title string, ok bool) {
	title, ok = w.codes[code]
	if !ok {
		return code, false
	}
	return title, true
}

// Template returns the words of the stage template called name
// ("inbound"), a copy the caller may change; ok is false for a template
// the language has no words for.
func (w *Words) Template(name string) (words TemplateWords, ok bool) {
	t, ok := w.templates[name]
	t.Stages = slices.Clone(t.Stages)
	return t, ok
}

// Factor names a friction factor ("pain.support": "support pain").
func (w *Words) Factor(f string) string { return name(w.factors, f) }

// Title returns s with its first letter in upper case, for a heading or a
// table cell: Title("mobile app") is "Mobile app".
func Title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
