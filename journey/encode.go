package journey

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/strictjson"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// Marshal returns the canonical compact encoding of j:
//
//   - members in the order of the document format (the struct order);
//   - optional members left out when empty (never null, never []), nil
//     ids left out;
//   - persona_emotions keys sorted;
//   - extensions written byte-for-byte as decoded;
//   - strings escaped as encoding/json does, but without HTML escaping
//     (U+2028 and U+2029 are escaped, other non-ASCII is kept as UTF-8);
//   - numbers formatted as encoding/json formats float64.
//
// Decoding the output and encoding again gives the same bytes. A
// schema_version of 0 is written as SchemaVersion (a journey built in Go
// without New); any other version than SchemaVersion, an invalid enum value
// (an empty required one included), NaN or infinity, invalid UTF-8, a nil
// entry in a list, or extensions that are not one valid JSON object are an
// error naming the JSON path.
func Marshal(j *Journey) ([]byte, error) { return MarshalIndent(j, "") }

// MarshalIndent is Marshal with each level indented by indent, in the
// layout of json.MarshalIndent(j, "", indent). Extensions stay verbatim.
func MarshalIndent(j *Journey, indent string) ([]byte, error) {
	w := strictjson.NewWriter(indent)
	defer w.Release()
	encodeJourney(w, j)
	return w.Bytes()
}

// Encode writes the canonical encoding of j to w, indented by indent (""
// for compact), followed by a newline.
func Encode(w io.Writer, j *Journey, indent string) error {
	data, err := MarshalIndent(j, indent)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// MarshalJSON implements json.Marshaler with the canonical encoding (see
// Marshal). encoding/json compacts what it gets and, by default, escapes
// <, > and & in strings; use Marshal for the canonical bytes.
func (j Journey) MarshalJSON() ([]byte, error) { return Marshal(&j) }

func encodeJourney(w *strictjson.Writer, j *Journey) {
	w.BeginObject()
	w.Member("schema_version")
	switch j.SchemaVersion {
	case 0, SchemaVersion:
		w.Int(SchemaVersion)
	default:
		w.Fail(docerr.ErrSchemaVersion, fmt.Sprintf("schema_version %d cannot be written: this library writes version %d", j.SchemaVersion, SchemaVersion))
	}
	if j.ID != uuid.Nil {
		w.Member("id")
		w.UUID(j.ID)
	}
	w.Member("title")
	w.String(j.Title)
	w.OptString("description", j.Description)
	strictjson.Enum(w, "type", j.Type)
	w.OptString("objective", j.Objective)
	w.OptString("language", j.Language)
	w.OptString("owner", j.Owner)
	if j.ReviewedAt != nil {
		w.Member("reviewed_at")
		w.Time(*j.ReviewedAt)
	}
	if j.ReviewEveryDays != 0 {
		w.Member("review_every_days")
		w.Int(j.ReviewEveryDays)
	}
	if len(j.Personas) > 0 {
		w.Member("personas")
		w.BeginArray()
		for _, p := range j.Personas {
			w.Elem()
			if p == nil {
				nilEntry(w)
				break
			}
			persona.EncodeObject(w, p)
		}
		w.EndArray()
	}
	if len(j.Stages) > 0 {
		w.Member("stages")
		w.BeginArray()
		for _, s := range j.Stages {
			w.Elem()
			if s == nil {
				nilEntry(w)
				break
			}
			encodeStage(w, s)
		}
		w.EndArray()
	}
	if len(j.Opportunities) > 0 {
		w.Member("opportunities")
		w.BeginArray()
		for _, o := range j.Opportunities {
			w.Elem()
			if o == nil {
				nilEntry(w)
				break
			}
			encodeOpportunity(w, o)
		}
		w.EndArray()
	}
	w.Extensions(j.Extensions)
	w.EndObject()
}

func nilEntry(w *strictjson.Writer) {
	w.Fail(docerr.ErrRequired, "nil entry cannot be written (the format has no null)")
}

func encodeStage(w *strictjson.Writer, s *Stage) {
	w.BeginObject()
	if s.ID != uuid.Nil {
		w.Member("id")
		w.UUID(s.ID)
	}
	w.Member("name")
	w.String(s.Name)
	w.OptString("description", s.Description)
	strictjson.Enum(w, "phase", s.Phase)
	w.OptString("customer_goal", s.CustomerGoal)
	w.Strings("questions", s.Questions)
	if len(s.Touchpoints) > 0 {
		w.Member("touchpoints")
		w.BeginArray()
		for _, t := range s.Touchpoints {
			w.Elem()
			if t == nil {
				nilEntry(w)
				break
			}
			encodeTouchpoint(w, t)
		}
		w.EndArray()
	}
	encodeMetrics(w, s.Metrics)
	w.Extensions(s.Extensions)
	w.EndObject()
}

func encodeTouchpoint(w *strictjson.Writer, t *touchpoint.Touchpoint) {
	w.BeginObject()
	if t.ID != uuid.Nil {
		w.Member("id")
		w.UUID(t.ID)
	}
	w.Member("name")
	w.String(t.Name)
	w.OptString("description", t.Description)
	strictjson.Enum(w, "channel", t.Channel)
	if t.Mode != "" {
		strictjson.Enum(w, "mode", t.Mode)
	}
	if t.Initiator != "" {
		strictjson.Enum(w, "initiator", t.Initiator)
	}
	w.OptString("owner", t.Owner)
	w.UUIDs("persona_ids", t.PersonaIDs)
	w.Strings("actions", t.Actions)
	w.Strings("thoughts", t.Thoughts)
	w.Strings("feelings", t.Feelings)
	if t.Emotion != nil {
		w.Member("emotion")
		w.Float(*t.Emotion)
	}
	if len(t.PersonaEmotions) > 0 {
		keys := make([]uuid.UUID, 0, len(t.PersonaEmotions))
		for id := range t.PersonaEmotions {
			keys = append(keys, id)
		}
		slices.SortFunc(keys, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
		w.Member("persona_emotions")
		w.BeginMap()
		var kb [36]byte
		for _, id := range keys {
			w.Member(string(strictjson.AppendUUID(kb[:0], id)))
			w.Float(t.PersonaEmotions[id])
		}
		w.EndObject()
	}
	if len(t.PainPoints) > 0 {
		w.Member("pain_points")
		w.BeginArray()
		for _, p := range t.PainPoints {
			w.Elem()
			if p == nil {
				nilEntry(w)
				break
			}
			painpoint.EncodeObject(w, p)
		}
		w.EndArray()
	}
	encodeMetrics(w, t.Metrics)
	if len(t.Supports) > 0 {
		w.Member("supports")
		w.BeginArray()
		for i := range t.Supports {
			s := &t.Supports[i]
			w.Elem()
			w.BeginObject()
			strictjson.Enum(w, "layer", s.Layer)
			strictjson.Enum(w, "kind", s.Kind)
			w.Member("description")
			w.String(s.Description)
			w.OptString("owner", s.Owner)
			w.Extensions(s.Extensions)
			w.EndObject()
		}
		w.EndArray()
	}
	w.Strings("physical_evidence", t.PhysicalEvidence)
	w.Extensions(t.Extensions)
	w.EndObject()
}

func encodeMetrics(w *strictjson.Writer, list []metric.Metric) {
	if len(list) == 0 {
		return
	}
	w.Member("metrics")
	w.BeginArray()
	for i := range list {
		m := &list[i]
		w.Elem()
		w.BeginObject()
		w.Member("name")
		w.String(m.Name)
		strictjson.Enum(w, "kind", m.Kind)
		w.Member("value")
		w.Float(m.Value)
		if m.Target != nil {
			w.Member("target")
			w.Float(*m.Target)
		}
		w.OptString("unit", m.Unit)
		if m.Better != "" {
			strictjson.Enum(w, "better", m.Better)
		}
		w.OptString("source", m.Source)
		w.Extensions(m.Extensions)
		w.EndObject()
	}
	w.EndArray()
}

func encodeOpportunity(w *strictjson.Writer, o *Opportunity) {
	w.BeginObject()
	if o.ID != uuid.Nil {
		w.Member("id")
		w.UUID(o.ID)
	}
	w.Member("title")
	w.String(o.Title)
	w.OptString("description", o.Description)
	w.UUIDs("pain_point_ids", o.PainPointIDs)
	w.UUIDs("touchpoint_ids", o.TouchpointIDs)
	w.OptString("owner", o.Owner)
	if o.Status != "" {
		strictjson.Enum(w, "status", o.Status)
	}
	if o.Impact != 0 {
		w.Member("impact")
		w.Int(o.Impact)
	}
	if o.Effort != 0 {
		w.Member("effort")
		w.Int(o.Effort)
	}
	w.Extensions(o.Extensions)
	w.EndObject()
}
