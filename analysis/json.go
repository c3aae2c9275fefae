package analysis

import (
	"bufio"
	"encoding/json"
	"io"
	"iter"
	"slices"

	"github.com/journeymap/journeymap/journey"
)

// WriteJSON writes the report as indented JSON (two spaces) followed by a
// newline: the bytes json.MarshalIndent(r, "", "  ") gives, plus "\n",
// written piece by piece, so a large journey's report never exists twice
// in memory, once as a value and once as text (the text of a report is
// some forty times the size of its journey's document).
func (r *Report) WriteJSON(w io.Writer) error {
	var findings iter.Seq[Finding]
	if r.Findings != nil {
		findings = slices.Values(r.Findings)
	}
	return writeReportJSON(w, findings, func(jw *jsonWriter) { r.Friction.writeJSON(jw, "  ") })
}

// WriteJSON writes the analysis of j as Analyze(j, opts).WriteJSON(w)
// would, byte for byte, without keeping the report: each finding is
// written as it is found, and each touchpoint's friction and emotion as it
// is measured, so the memory it takes does not grow with the journey
// beyond the stages' scores and the journey itself.
func WriteJSON(w io.Writer, j *journey.Journey, opts Options) error {
	if j == nil {
		j = &journey.Journey{}
	}
	return writeReportJSON(w, Findings(j, opts), func(jw *jsonWriter) { streamFrictionJSON(jw, "  ", j, opts) })
}

// streamFrictionJSON writes the friction of j as an object at the
// indentation prefix, as Friction.writeJSON writes it, measuring it twice:
// once for the journey's and stages' scores, which come first, then again
// for the touchpoints, written one by one.
func streamFrictionJSON(jw *jsonWriter, prefix string, j *journey.Journey, opts Options) {
	words := opts.language(j).Words()
	sum := summarize(j, opts, words, summary, false, nil, paths{})
	again := newFrictionWalk(j, opts, words, summary)
	in := prefix + "  "
	o := jw.object(prefix)
	o.field("score", sum.Score)
	o.field("points", sum.Points)
	o.field("factors", sum.Factors)
	o.field("pain", sum.Pain)
	o.key("stages")
	m := 0
	writeArray(jw, in, sum.Stages, func(sf StageFriction, p string) {
		for j.Stages[m] == nil {
			m++
		}
		s, i := j.Stages[m], m
		m++
		sf.Touchpoints = nil
		so := sf.writeHead(jw, p)
		so.key("touchpoints")
		writeSeq(jw, p+"  ", func(yield func(TouchpointFriction) bool) {
			stopped := false // the walk goes on for the next stages' sake
			again.stage(i, s, func(tf TouchpointFriction) {
				stopped = stopped || !yield(tf)
			})
		})
		so.end()
	})
	o.field("hotspots", sum.Hotspots)
	if sum.WeakestLink != nil {
		o.field("weakest_link", sum.WeakestLink)
	}
	o.key("pain_by_persona")
	writeValues(jw, in, sum.PainByPersona)
	o.key("emotion_curve")
	writeSeq(jw, in, emotionCurve(j, paths{}))
	o.key("persona_curves")
	writeArray(jw, in, append([]persona{}, curvePersonas(j)...), func(c persona, p string) {
		co := jw.object(p)
		co.field("path", c.path)
		co.field("id", c.id)
		co.field("name", c.name)
		co.key("points")
		writeSeq(jw, p+"  ", personaCurve(j, c.id, paths{}))
		co.end()
	})
	o.end()
}

// writeReportJSON writes a report of findings (null when nil) and the
// friction friction writes.
func writeReportJSON(w io.Writer, findings iter.Seq[Finding], friction func(*jsonWriter)) error {
	jw := newJSONWriter(w)
	o := jw.object("")
	o.key("findings")
	if findings == nil {
		jw.raw("null")
	} else {
		writeSeq(jw, "  ", findings)
	}
	o.key("friction")
	friction(jw)
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
	o := s.writeHead(jw, prefix)
	o.key("touchpoints")
	writeValues(jw, prefix+"  ", s.Touchpoints)
	o.end()
}

// writeHead writes the members of s before its touchpoints and returns the
// object, for the touchpoints and its end.
func (s *StageFriction) writeHead(jw *jsonWriter, prefix string) *jsonObject {
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
	return o
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

// writeSeq writes the values of seq as an array whose closing bracket is
// at the indentation prefix ("[]" when empty).
func writeSeq[T any](jw *jsonWriter, prefix string, seq iter.Seq[T]) {
	n := 0
	for v := range seq {
		if n == 0 {
			jw.raw("[")
		} else {
			jw.raw(",")
		}
		n++
		jw.raw("\n" + prefix + "  ")
		jw.value(v, prefix+"  ")
		if jw.err != nil {
			return
		}
	}
	if n == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("\n" + prefix + "]")
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
