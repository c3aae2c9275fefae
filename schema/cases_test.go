package schema_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Ids of the base documents.
const (
	journeyID     = "11111111-1111-4111-8111-111111111111"
	personaID     = "22222222-2222-4222-8222-222222222222"
	stageID       = "33333333-3333-4333-8333-333333333333"
	touchpointID  = "44444444-4444-4444-8444-444444444444"
	painPointID   = "55555555-5555-4555-8555-555555555555"
	opportunityID = "66666666-6666-4666-8666-666666666666"
)

// baseJourney is a small valid journey using every object of the format;
// each invalid case breaks one thing in it.
var baseJourney = `{
  "schema_version": 1,
  "id": "` + journeyID + `",
  "title": "Buying a phone online",
  "description": "From the first search to the first week of use.",
  "type": "service_blueprint",
  "objective": "Find why buyers abandon the cart.",
  "language": "vi-VN",
  "owner": "CX team",
  "reviewed_at": "2026-10-01T09:30:00+07:00",
  "review_every_days": 90,
  "personas": [{
    "id": "` + personaID + `",
    "name": "Busy parent Lan",
    "lifecycle": "lead",
    "demographics": {"age_range": "25-34", "location": "Hà Nội"},
    "goals": ["A phone that lasts"],
    "preferred_channels": ["mobile_app", "store"],
    "extensions": {"crm": {"segment": "A", "score": null}}
  }],
  "stages": [{
    "id": "` + stageID + `",
    "name": "Checkout",
    "phase": "during_purchase",
    "questions": ["How much is shipping?"],
    "touchpoints": [{
      "id": "` + touchpointID + `",
      "name": "Pays in the app",
      "channel": "mobile_app",
      "mode": "online",
      "initiator": "customer",
      "persona_ids": ["` + personaID + `"],
      "actions": ["Taps Pay"],
      "emotion": -1.5,
      "persona_emotions": {"` + personaID + `": -2},
      "pain_points": [{
        "id": "` + painPointID + `",
        "title": "Shipping cost shown late",
        "category": "financial",
        "severity": "high",
        "persona_ids": ["` + personaID + `"],
        "evidence": "Support tickets, October"
      }],
      "metrics": [{"name": "Payment success", "kind": "conversion_rate", "value": 0.92, "target": 0.97, "unit": "ratio", "better": "higher"}],
      "supports": [{"layer": "backstage", "kind": "technology", "description": "Payment gateway", "owner": "Platform"}],
      "physical_evidence": ["Receipt email"]
    }],
    "metrics": [{"name": "Cart abandonment", "kind": "drop_off_rate", "value": 0.4}]
  }],
  "opportunities": [{
    "id": "` + opportunityID + `",
    "title": "Show shipping cost on the product page",
    "pain_point_ids": ["` + painPointID + `"],
    "touchpoint_ids": ["` + touchpointID + `"],
    "status": "planned",
    "impact": 4,
    "effort": 2
  }],
  "extensions": {"editor": {"zoom": 1.5}}
}`

// basePersona and basePainPoint are valid documents of the other schemas.
var (
	basePersona = `{"id": "` + personaID + `", "name": "Busy parent Lan", "lifecycle": "customer",
  "demographics": {"occupation": "teacher"}, "preferred_channels": ["phone"]}`
	basePainPoint = `{"id": "` + painPointID + `", "title": "Long queue", "category": "productivity",
  "severity": "medium", "persona_ids": ["` + personaID + `"]}`
)

// invalidCase is one document that the schema and the library must both
// reject. It is written to testdata/invalid so that other validators (ajv in
// e2e) run the same table.
type invalidCase struct {
	// Name is the file name without ".json", "<schema>-<what>".
	Name string `json:"file"`
	// Schema is the schema that applies: journey, persona or painpoint.
	Schema string `json:"schema"`
	// At is the JSON pointer of the value (or, for a missing or extra
	// member, the object) at fault.
	At string `json:"at"`
	// Reason says what is wrong.
	Reason string `json:"reason"`
	// Disagreement, when set, names a case the library's decoder accepts
	// although the schema rejects it, and why.
	Disagreement string `json:"disagreement,omitempty"`

	doc func() any
}

// edit returns a document built from base with f applied.
func edit(base string, f func(doc map[string]any)) func() any {
	return func() any {
		var doc map[string]any
		if err := json.Unmarshal([]byte(base), &doc); err != nil {
			panic(err)
		}
		f(doc)
		return doc
	}
}

// set sets the value at JSON pointer p (whose parent must exist) in doc.
func set(p string, v any) func(map[string]any) {
	return func(doc map[string]any) {
		parent, last := walk(doc, p)
		switch c := parent.(type) {
		case map[string]any:
			c[last] = v
		case []any:
			i, _ := strconv.Atoi(last)
			c[i] = v
		}
	}
}

// del removes the member at JSON pointer p from doc.
func del(p string) func(map[string]any) {
	return func(doc map[string]any) {
		parent, last := walk(doc, p)
		delete(parent.(map[string]any), last)
	}
}

func walk(doc map[string]any, p string) (parent any, last string) {
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	var cur any = doc
	for _, part := range parts[:len(parts)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[part]
		case []any:
			i, _ := strconv.Atoi(part)
			cur = c[i]
		}
	}
	return cur, parts[len(parts)-1]
}

const (
	tp  = "/stages/0/touchpoints/0"
	pp  = tp + "/pain_points/0"
	opp = "/opportunities/0"
	per = "/personas/0"
)

// invalidCases is the table of documents that must be rejected.
func invalidCases() []invalidCase {
	j := func(name, at, reason string, f func(map[string]any)) invalidCase {
		return invalidCase{Name: "journey-" + name, Schema: "journey", At: at, Reason: reason, doc: edit(baseJourney, f)}
	}
	wrongEnum := func(name, at, value string) invalidCase {
		return j(name, at, fmt.Sprintf("%q is not an allowed value", value), set(at, value))
	}
	cases := []invalidCase{
		wrongEnum("type-unknown", "/type", "current"),
		wrongEnum("phase-unknown", "/stages/0/phase", "checkout"),
		wrongEnum("channel-unknown", tp+"/channel", "tiktok"),
		wrongEnum("channel-wrong-case", tp+"/channel", "Website"),
		wrongEnum("mode-unknown", tp+"/mode", "hybrid"),
		wrongEnum("initiator-unknown", tp+"/initiator", "robot"),
		wrongEnum("severity-unknown", pp+"/severity", "blocker"),
		wrongEnum("category-unknown", pp+"/category", "emotional"),
		wrongEnum("metric-kind-unknown", tp+"/metrics/0/kind", "ctr"),
		wrongEnum("metric-better-unknown", tp+"/metrics/0/better", "up"),
		wrongEnum("support-layer-unknown", tp+"/supports/0/layer", "onstage"),
		wrongEnum("support-kind-unknown", tp+"/supports/0/kind", "money"),
		wrongEnum("lifecycle-unknown", per+"/lifecycle", "fan"),
		wrongEnum("preferred-channel-unknown", per+"/preferred_channels/1", "fax"),
		wrongEnum("status-unknown", opp+"/status", "won't do"),
		wrongEnum("status-empty", opp+"/status", ""),

		j("emotion-above-range", tp+"/emotion", "emotion 2.5 is above 2", set(tp+"/emotion", 2.5)),
		j("emotion-below-range", tp+"/emotion", "emotion -3 is below -2", set(tp+"/emotion", -3)),
		j("persona-emotion-out-of-range", tp+"/persona_emotions/"+personaID, "persona emotion 3 is above 2", set(tp+"/persona_emotions/"+personaID, 3)),
		j("persona-emotion-key-not-uuid", tp+"/persona_emotions", "persona_emotions key is not a uuid", set(tp+"/persona_emotions", map[string]any{"lan": 1})),
		j("persona-emotion-not-number", tp+"/persona_emotions/"+personaID, "persona emotion is a string", set(tp+"/persona_emotions/"+personaID, "-1")),
		j("impact-above-range", opp+"/impact", "impact 6 is above 5", set(opp+"/impact", 6)),
		j("effort-zero", opp+"/effort", "effort 0 is below 1 (absent means not estimated)", set(opp+"/effort", 0)),
		j("impact-fraction", opp+"/impact", "impact 2.5 is not an integer", set(opp+"/impact", 2.5)),
		j("review-every-days-zero", "/review_every_days", "review_every_days 0 is below 1", set("/review_every_days", 0)),
		j("review-every-days-negative", "/review_every_days", "review_every_days -7 is below 1", set("/review_every_days", -7)),
		j("review-every-days-above-range", "/review_every_days", "review_every_days 36501 is above 36500 (a century)", set("/review_every_days", 36501)),
		j("review-every-days-beyond-int64", "/review_every_days", "review_every_days 2^63 is above 36500 (and beyond Go's int)", set("/review_every_days", json.Number("9223372036854775808"))),
		j("metric-value-above-range", tp+"/metrics/0/value", "metric value 1e15+1 is above 1e15", set(tp+"/metrics/0/value", json.Number("1000000000000001"))),
		j("metric-value-below-range", "/stages/0/metrics/0/value", "metric value -1e16 is below -1e15", set("/stages/0/metrics/0/value", json.Number("-1e16"))),
		j("metric-target-above-range", tp+"/metrics/0/target", "metric target 6.1e22 is above 1e15", set(tp+"/metrics/0/target", json.Number("6.1e22"))),
		j("metric-target-largest-float64", tp+"/metrics/0/target", "metric target is the largest float64, far above 1e15", set(tp+"/metrics/0/target", json.Number("1.7976931348623157e308"))),
		j("schema-version-2", "/schema_version", "schema_version 2 is not supported", set("/schema_version", 2)),
		j("schema-version-string", "/schema_version", "schema_version is a string", set("/schema_version", "1")),

		j("schema-version-missing", "", "schema_version is required", del("/schema_version")),
		j("title-missing", "", "title is required", del("/title")),
		j("type-missing", "", "type is required", del("/type")),
		j("title-empty", "/title", "title is empty", set("/title", "")),
		j("title-blank", "/title", "title is only spaces and a tab", set("/title", " \t ")),
		j("title-blank-unicode", "/title", "title is only a no-break space, an ideographic space and a line separator", set("/title", "\u00a0\u3000\u2028")),
		j("persona-name-missing", per, "persona name is required", del(per+"/name")),
		j("stage-name-blank", "/stages/0/name", "stage name is blank", set("/stages/0/name", "\n")),
		j("stage-phase-missing", "/stages/0", "stage phase is required", del("/stages/0/phase")),
		j("touchpoint-name-missing", tp, "touchpoint name is required", del(tp+"/name")),
		j("touchpoint-channel-missing", tp, "touchpoint channel is required", del(tp+"/channel")),
		j("pain-point-title-blank", pp+"/title", "pain point title is blank", set(pp+"/title", "   ")),
		j("pain-point-severity-missing", pp, "pain point severity is required", del(pp+"/severity")),
		j("support-description-missing", tp+"/supports/0", "support description is required", del(tp+"/supports/0/description")),
		j("metric-value-missing", "/stages/0/metrics/0", "metric value is required", del("/stages/0/metrics/0/value")),
		j("metric-name-blank", "/stages/0/metrics/0/name", "metric name is blank", set("/stages/0/metrics/0/name", " ")),
		j("opportunity-title-missing", opp, "opportunity title is required", del(opp+"/title")),

		j("extra-field-root", "", "unknown member at the root", set("/colour", "blue")),
		j("extra-field-persona", per, "unknown member in a persona", set(per+"/age", 35)),
		j("extra-field-demographics", per+"/demographics", "unknown member in demographics", set(per+"/demographics/city", "Huế")),
		j("extra-field-stage", "/stages/0", "unknown member in a stage", set("/stages/0/order", 1)),
		j("extra-field-touchpoint", tp, "misspelt member in a touchpoint", set(tp+"/painpoints", []any{})),
		j("extra-field-pain-point", pp, "unknown member in a pain point", set(pp+"/score", 3)),
		j("extra-field-metric", tp+"/metrics/0", "unknown member in a metric", set(tp+"/metrics/0/goal", 1)),
		j("extra-field-support", tp+"/supports/0", "unknown member in a support", set(tp+"/supports/0/cost", 1)),
		j("extra-field-opportunity", opp, "unknown member in an opportunity", set(opp+"/votes", 3)),

		j("id-not-uuid", "/id", "id is not a uuid", set("/id", "journey-1")),
		j("id-empty", "/id", "id is an empty string", set("/id", "")),
		j("id-number", "/id", "id is a number", set("/id", 42)),
		j("id-nil", "/id", "id is the nil UUID", set("/id", "00000000-0000-0000-0000-000000000000")),
		j("persona-emotion-key-nil", tp+"/persona_emotions", "persona_emotions key is the nil UUID", set(tp+"/persona_emotions", map[string]any{"00000000-0000-0000-0000-000000000000": 1})),
		j("persona-ids-not-uuid", tp+"/persona_ids/0", "persona id is not a uuid", set(tp+"/persona_ids/0", "lan")),
		j("pain-point-ids-not-uuid", opp+"/pain_point_ids/0", "pain point id has a short group", set(opp+"/pain_point_ids/0", "55555555-5555-4555-8555-55555555555")),
		j("id-urn", "/id", "id in urn:uuid: form (uuid.Parse reads it; the format has only the 36-character form)", set("/id", "urn:uuid:"+journeyID)),
		j("id-braced", "/id", "id in {braced} form", set("/id", "{"+journeyID+"}")),
		j("id-no-hyphens", "/id", "id as 32 hex digits", set("/id", strings.ReplaceAll(journeyID, "-", ""))),

		j("stages-null", "/stages", "stages is null", set("/stages", nil)),
		j("stage-entry-null", "/stages/0", "a stage is null", set("/stages/0", nil)),
		j("questions-null", "/stages/0/questions", "questions is null", set("/stages/0/questions", nil)),
		j("description-null", "/description", "description is null", set("/description", nil)),
		j("emotion-null", tp+"/emotion", "emotion is null", set(tp+"/emotion", nil)),
		j("demographics-null", per+"/demographics", "demographics is null", set(per+"/demographics", nil)),
		j("extensions-null", "/extensions", "extensions is null", set("/extensions", nil)),
		j("extensions-array", "/extensions", "extensions is not an object", set("/extensions", []any{1})),
		j("metric-target-null", tp+"/metrics/0/target", "metric target is null", set(tp+"/metrics/0/target", nil)),

		j("title-number", "/title", "title is a number", set("/title", 7)),
		j("questions-not-strings", "/stages/0/questions/0", "a question is a number", set("/stages/0/questions/0", 1)),
		j("stages-object", "/stages", "stages is an object, not a list", set("/stages", map[string]any{})),
		j("emotion-string", tp+"/emotion", "emotion is a string", set(tp+"/emotion", "-1")),
		j("reviewed-at-not-time", "/reviewed_at", "reviewed_at is not a time", set("/reviewed_at", "yesterday")),
		j("reviewed-at-lower-case", "/reviewed_at", "reviewed_at uses lower-case t and z, which Go does not read", set("/reviewed_at", "2026-10-01t09:30:00z")),
		j("reviewed-at-no-zone", "/reviewed_at", "reviewed_at has no time zone", set("/reviewed_at", "2026-10-01T09:30:00")),
		j("reviewed-at-space", "/reviewed_at", "reviewed_at separates date and time with a space", set("/reviewed_at", "2026-10-01 09:30:00Z")),
		j("reviewed-at-offset-without-colon", "/reviewed_at", "reviewed_at writes its offset as +0700", set("/reviewed_at", "2026-10-01T09:30:00+0700")),
		j("reviewed-at-leap-second", "/reviewed_at", "reviewed_at has a leap second, which Go does not read", set("/reviewed_at", "2026-12-31T23:59:60Z")),
		j("reviewed-at-february-30", "/reviewed_at", "reviewed_at is February 30", set("/reviewed_at", "2026-02-30T09:30:00Z")),
		j("metric-value-beyond-float64", "/stages/0/metrics/0/value", "metric value 1e400 does not fit a float64", set("/stages/0/metrics/0/value", json.Number("1e400"))),
		j("language-underscore", "/language", "language vi_VN is not a BCP 47 tag", set("/language", "vi_VN")),
		j("language-one-letter", "/language", "language v is too short", set("/language", "v")),
		{Name: "journey-not-object", Schema: "journey", At: "", Reason: "the document is a list", doc: func() any { return []any{} }},

		{Name: "persona-name-missing", Schema: "persona", At: "", Reason: "name is required", doc: edit(basePersona, del("/name"))},
		{Name: "persona-extra-field", Schema: "persona", At: "", Reason: "unknown member", doc: edit(basePersona, set("/nickname", "Lan"))},
		{Name: "persona-channel-unknown", Schema: "persona", At: "/preferred_channels/0", Reason: `"fax" is not a channel`, doc: edit(basePersona, set("/preferred_channels/0", "fax"))},
		{Name: "persona-id-not-uuid", Schema: "persona", At: "/id", Reason: "id is not a uuid", doc: edit(basePersona, set("/id", "p1"))},
		{Name: "persona-goals-null", Schema: "persona", At: "/goals", Reason: "goals is null", doc: edit(basePersona, set("/goals", nil))},
		{Name: "painpoint-category-unknown", Schema: "painpoint", At: "/category", Reason: `"emotional" is not a category`, doc: edit(basePainPoint, set("/category", "emotional"))},
		{Name: "painpoint-severity-missing", Schema: "painpoint", At: "", Reason: "severity is required", doc: edit(basePainPoint, del("/severity"))},
		{Name: "painpoint-title-blank", Schema: "painpoint", At: "/title", Reason: "title is blank", doc: edit(basePainPoint, set("/title", "\t"))},
		{Name: "painpoint-extra-field", Schema: "painpoint", At: "", Reason: "unknown member", doc: edit(basePainPoint, set("/impact", 3))},
	}
	return cases
}

// caseFile returns the committed form of c's document.
func caseFile(t *testing.T, c invalidCase) []byte {
	b, err := json.MarshalIndent(c.doc(), "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}
