// Package analysis reads a customer journey map the way a CX team would and
// returns what it finds as data: gaps (findings), friction scores, pain point
// counts, the emotion curve, and the differences between two versions of a map
// (typically the current state against the future state).
//
// Nothing here returns an error or panics: a journey that fails validation,
// has nil entries or empty stages is analysed as far as it goes. Nothing here
// reads the wall clock: the date used for review.overdue is Options.Now.
//
// # Findings
//
// Analyze returns findings, each with a stable code, a severity (info,
// warning, critical), the JSON path of the object concerned (in document
// names, e.g. "stages[2].touchpoints[0]"; for something missing from the
// journey itself, the member where it belongs: "objective", "personas",
// "stages", "reviewed_at"), the id of that object (for a metric, which has no
// id, the id of the stage or touchpoint holding it) and a message in plain
// words. Findings come in document order: the journey, its personas, then
// each stage followed by its touchpoints (each followed by its pain points and
// metrics) and the stage's own metrics.
//
//	code                               severity  raised when
//	journey.no_objective               warning   the journey has no objective
//	journey.no_personas                warning   the journey names no persona
//	review.overdue                     warning   reviewed_at + review_every_days is before Options.Now
//	phase.uncovered                    warning   no touchpoint before or during purchase
//	                                   critical  no touchpoint after purchase (the customer is forgotten after the sale)
//	persona.unserved                   critical  no touchpoint serves the persona (empty persona_ids serves everyone)
//	persona.channel_missing            info      a preferred channel of the persona is used by no touchpoint
//	stage.no_touchpoints               warning   a stage has no touchpoint
//	stage.single_touchpoint            info      a stage has one touchpoint: nowhere else to turn
//	stage.too_many_touchpoints         warning   a stage has more than Options.MaxTouchpoints (default 7)
//	touchpoint.no_owner                warning   nobody inside the company owns the touchpoint
//	touchpoint.unmeasured              info      the touchpoint has no emotion score and no metric
//	blueprint.no_backstage             warning   service blueprint only: a touchpoint with no backstage or support-process support
//	painpoint.unaddressed              warning   no opportunity refers to the pain point (critical when the pain point is critical)
//	painpoint.support_without_contact  warning   a support pain point in a stage with no chat, phone, email, store or staff touchpoint
//	metric.below_target                warning   a metric misses its target, in the metric's better direction
//
// # Language
//
// The messages are in the language Options.Language asks for, else in the
// journey's own language member, else in English (i18n.Resolve decides,
// for this package as for the renderers and the command): Vietnamese for
// "vi" or any "vi-…" or "vi_…" tag, in any case ("vi-VN", "VI", "vi_VN").
// The language changes only the words: each finding's Message and each
// friction factor's Detail ("1 cao" for "1 high", "cảm xúc giảm từ 1 xuống
// -1" for "emotion falls from 1 to -1"), with the channels, phases,
// severities and categories named in that language. Codes, paths, ids,
// severities, factor names and numbers stay the same, and the journey's own
// names and titles are quoted as written. The words are those of package
// i18n, one catalog per language.
//
// To show findings in an interface of one's own, CodeTitle, Severity.Title
// and FactorTitle name codes, severities and factors for people in either
// language, with the words of the HTML page ("Touchpoint without an owner",
// "Điểm chạm chưa có người phụ trách").
//
// # Friction
//
// Friction says how hard the journey is for the customer, from 0 (smooth) to
// 1 (very hard), for every touchpoint, every stage and the journey. It is
// counted in friction points, then turned into a score:
//
//	score = points / (points + HalfPoints)        HalfPoints defaults to 1
//
// so 1 point gives 0.5, 3 points 0.75, 9 points 0.9; the score never reaches 1
// and more points always mean a higher score.
//
// A touchpoint's points are the sum of these factors (default weights in
// brackets; every weight is in Options.Weights):
//
//   - pain.financial, pain.productivity, pain.process, pain.support: for each
//     pain point, its severity weight (low 0.25, medium 0.5, high 1,
//     critical 2) times its category weight (1 for every category).
//   - negative_emotion: when the touchpoint's emotion e is below 0,
//     NegativeEmotion [1] × (−e ÷ 2); −2 gives 1 point, −1 half a point.
//   - emotion_dip: when the emotion falls from the previous measured
//     touchpoint on a route (across stages, see Routes below),
//     EmotionDip [1] × (fall ÷ 4); a fall from +2 to −2 gives 1 point,
//     from +1 to 0 a quarter.
//   - channel_handoff: when the previous touchpoint on a route is on
//     another channel (the customer is handed from the website to the
//     phone), Handoff [0.25] points.
//   - missed_target: for each metric that misses its target (respecting its
//     better direction), MissedTarget [0.5] points.
//   - drop_off: for each drop_off_rate metric without a target (one with a
//     target counts as missed_target instead), DropOff [1] × the share of
//     customers who leave (a value above 1 or with unit "%" is read as a
//     percentage).
//
// The emotion of a touchpoint is its emotion score or, when it has none, the
// mean of its persona_emotions; a touchpoint with neither is not measured and
// adds no emotion factor.
//
// # Routes
//
// The emotion dip and the channel hand-off compare a touchpoint with the
// one before it on the routes of the journey's personas, the same routes
// the event analytics measures funnels on (journey.Journey.Routes):
//
//   - A touchpoint whose persona_ids name some of the journey's personas
//     serves those only, and is on their routes only; one with no
//     persona_ids (or naming every persona) serves every persona.
//   - The route of a persona is the touchpoints that serve it, in journey
//     order. A journey without personas has one route: every touchpoint,
//     in document order. A touchpoint whose persona_ids name none of the
//     journey's personas (which validation rejects) is on no route.
//   - So touchpoints serving different personas at the same point are
//     alternatives, not neighbours: in examples/journeys/ecommerce-current.json
//     "Watches a TikTok review" (Tuấn) and "Hears about the shop from a
//     friend" (Minh Anh) are not compared with each other, and the Google
//     search after them is compared with each: with the TikTok review on
//     Tuấn's route and with the friend's word on Minh Anh's.
//   - A pair of neighbours counts once, however many routes it is on: a
//     touchpoint counts one emotion_dip, with its points, for each distinct
//     touchpoint before it on its routes from which the emotion falls, and
//     one channel_handoff for each on another channel. Where routes meet,
//     a touchpoint can so have more than one of each (Factor.Count).
//   - The Detail names the personas on whose routes a pair lies when that
//     is not every route the touchpoint is on ("emotion falls from 1 to 0
//     (on the route of "Tuấn"); emotion falls from 1.5 to 0 (on the route
//     of "Minh Anh")"), the pairs in journey order of the touchpoint
//     before, joined by "; ".
//
// When no touchpoint serves only some personas, every route is the
// journey order and the results are those of comparing each touchpoint with
// the one before it in the document.
//
// A stage's points are the mean of its touchpoints' points plus the
// missed_target and drop_off points of the stage's own metrics. The journey's
// points are the mean of its stages' points. The factors of a stage and of the
// journey are the factors below them averaged the same way, so a score's
// factors always add up to its points.
//
// Worked example: a phone call with one high process pain point (1 point)
// and emotion −1 (1 × 1 ÷ 2 = 0.5 point), right after a website touchpoint
// at emotion +1 (a fall of 2: 1 × 2 ÷ 4 = 0.5 point; a hand-off from website
// to phone: 0.25 point), has 2.25 points and friction 2.25 ÷ 3.25 = 0.69.
// If the stage has that call and one smooth touchpoint (0 points), the stage
// has (2.25 + 0) ÷ 2 = 1.125 points and friction 1.125 ÷ 2.125 = 0.53.
//
// The report also counts pain points by category for the journey, each stage
// and each persona (a pain point with no persona_ids is felt by every persona
// its touchpoint serves), ranks the hotspots (the touchpoints with the most
// friction, Options.Hotspots of them, default 5), names the weakest link (the
// worst touchpoint on the path) and draws the emotion curve, for the journey
// and for each persona that has its own persona_emotions.
//
// # Reports for people and for machines
//
// Report.WriteText writes a report for people and Report.WriteJSON the
// indented JSON of json.MarshalIndent, streamed. A journey too large to
// hold its whole report beside it (the report of a 16 MiB document holds
// millions of findings) is written with WriteText(w, j, opts) or
// WriteJSON(w, j, opts), which give the same bytes without keeping the
// report, and its findings are counted or filtered with Findings, which
// yields them one at a time. The text writers escape every control
// character of the document's text (a journey title can hold an escape
// sequence that would command a terminal).
//
// # Diff
//
// Diff compares two journeys: stages and touchpoints added, removed and
// changed (matched by id, falling back to name), pain points resolved and
// introduced, and the change in emotion and friction per stage.
// Changes.WriteText and Changes.WriteJSON write them for people and as
// JSON.
package analysis
