package analysis

import (
	"bufio"
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON (two spaces) followed by a
// newline: the bytes json.MarshalIndent(r, "", "  ") gives, plus "\n",
// written piece by piece, so a large journey's report never exists twice
// in memory, once as a value and once as text (the text of a report is
// some forty times the size of its journey's document).
func (r *Report) WriteJSON(w io.Writer) error {
	jw := newJSONWriter(w)
	o := jw.object("")
	o.key("findings")
	writeValues(jw, "  ", r.Findings)
	o.key("friction")
	r.Friction.writeJSON(jw, "  ")
	o.end()
	jw.raw("\n")
	return jw.flush()
}

// writeJSON writes fr as an object at the indentation prefix.
func (fr *Friction) writeJSON(jw *jsonWriter, prefix string) {
	o := jw.object(prefix)
	in := prefix + "  "
	o.field("score", fr.Score)
	o.field("points", fr.Points)
	o.field("factors", fr.Factors)
	o.field("pain", fr.Pain)
	o.key("stages")
	writeArray(jw, in, fr.Stages, func(s StageFriction, p string) { s.writeJSON(jw, p) })
	o.field("hotspots", fr.Hotspots)
	if fr.WeakestLink != nil {
		o.field("weakest_link", fr.WeakestLink)
	}
	o.key("pain_by_persona")
	writeValues(jw, in, fr.PainByPersona)
	o.key("emotion_curve")
	writeValues(jw, in, fr.EmotionCurve)
	o.key("persona_curves")
	writeArray(jw, in, fr.PersonaCurves, func(c PersonaCurve, p string) {
		co := jw.object(p)
		co.field("path", c.Path)
		co.field("id", c.ID)
		co.field("name", c.Name)
		co.key("points")
		writeValues(jw, p+"  ", c.Points)
		co.end()
	})
	o.end()
}

// writeJSON writes s as an object at the indentation prefix.
func (s *StageFriction) writeJSON(jw *jsonWriter, prefix string) {
	o := jw.object(prefix)
	o.field("path", s.Path)
	o.field("id", s.ID)
	o.field("name", s.Name)
	o.field("phase", s.Phase)
	o.field("score", s.Score)
	o.field("points", s.Points)
	o.field("factors", s.Factors)
	o.field("pain", s.Pain)
	if s.Emotion != nil {
		o.field("emotion", s.Emotion)
	}
	o.key("touchpoints")
	writeValues(jw, prefix+"  ", s.Touchpoints)
	o.end()
}

// WriteJSON writes the changes as indented JSON (two spaces) followed by a
// newline, as json.MarshalIndent(c, "", "  ") and "\n" would, piece by
// piece (see Report.WriteJSON).
func (c *Changes) WriteJSON(w io.Writer) error {
	jw := newJSONWriter(w)
	o := jw.object("")
	o.key("stages")
	writeValues(jw, "  ", c.Stages)
	o.key("touchpoints")
	writeValues(jw, "  ", c.Touchpoints)
	o.key("pain_points_resolved")
	writeValues(jw, "  ", c.PainPointsResolved)
	o.key("pain_points_introduced")
	writeValues(jw, "  ", c.PainPointsIntroduced)
	o.field("friction", c.Friction)
	o.end()
	jw.raw("\n")
	return jw.flush()
}

// jsonWriter writes indented JSON in pieces, keeping the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter { return &jsonWriter{w: bufio.NewWriter(w)} }

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v as json.MarshalIndent writes it at the indentation prefix.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	data, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		jw.err = err
		return
	}
	_, jw.err = jw.w.Write(data)
}

func (jw *jsonWriter) flush() error {
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonObject writes the members of an object at an indentation prefix.
type jsonObject struct {
	jw     *jsonWriter
	prefix string
	n      int
}

// object starts an object whose closing brace is at the indentation prefix.
func (jw *jsonWriter) object(prefix string) *jsonObject {
	jw.raw("{")
	return &jsonObject{jw: jw, prefix: prefix}
}

// key starts the member name; its value is written next.
func (o *jsonObject) key(name string) {
	if o.n > 0 {
		o.jw.raw(",")
	}
	o.n++
	o.jw.raw("\n" + o.prefix + "  \"" + name + "\": ")
}

// field writes the member name and its value.
func (o *jsonObject) field(name string, v any) {
	o.key(name)
	o.jw.value(v, o.prefix+"  ")
}

// end closes the object.
func (o *jsonObject) end() {
	if o.n > 0 {
		o.jw.raw("\n" + o.prefix)
	}
	o.jw.raw("}")
}

// writeValues writes list as an array of values (see writeArray).
func writeValues[T any](jw *jsonWriter, prefix string, list []T) {
	writeArray(jw, prefix, list, func(v T, p string) { jw.value(v, p) })
}

// writeArray writes the elements of list, one by one with each, as an
// array whose closing bracket is at the indentation prefix ("[]" when
// empty, as encoding/json writes an empty slice; "null" when nil).
func writeArray[T any](jw *jsonWriter, prefix string, list []T, each func(v T, prefix string)) {
	if list == nil {
		jw.raw("null")
		return
	}
	if len(list) == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("[")
	for i, v := range list {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n" + prefix + "  ")
		each(v, prefix+"  ")
		if jw.err != nil {
			return
		}
	}
	jw.raw("\n" + prefix + "]")
}
