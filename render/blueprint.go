package render

import (
	"io"
	"strconv"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/touchpoint"
)

// MermaidBlueprint renders a journey as a Mermaid flowchart drawn as a
// service blueprint: one lane (subgraph) per layer — customer actions (one
// node per touchpoint, in journey order, linked by arrows), frontstage,
// backstage and support processes (one node per support, linked to its
// touchpoint by a dotted line). A layer with no supports gets no lane.
// The journey title and description become accTitle and accDescr.
//
// Node and lane identifiers are generated (t0, t0s1, ...), never taken from
// user text; every label is a double-quoted string with what Mermaid would misread
// escaped as EscapeMermaid does (commas and keywords stay as written).
// The zero value is ready to use.
type MermaidBlueprint struct {
	// Language selects the lane titles' language ("en" or "vi"); empty means
	// the journey's own language.
	Language string
	// Direction is the flowchart direction of the whole chart: "TB" (the
	// default, lanes stacked top to bottom) or "LR".
	Direction string
}

// laneIDs are the generated subgraph identifiers of the support layers.
var laneIDs = map[touchpoint.Layer]string{
	touchpoint.Frontstage:     "frontstage",
	touchpoint.Backstage:      "backstage",
	touchpoint.SupportProcess: "support_process",
}

// Render writes the flowchart to w.
func (m MermaidBlueprint) Render(w io.Writer, j *journey.Journey) error {
	if j == nil {
		return ErrNilJourney
	}
	wd := wordsFor(m.Language, j.Language)
	dir := "TB"
	if m.Direction == "LR" {
		dir = "LR"
	}

	var errs docerr.List
	b := make([]byte, 0, 4096)
	b = append(b, "flowchart "...)
	b = append(b, dir...)
	b = append(b, '\n')
	if j.Title != "" {
		b = append(b, "    accTitle: "...)
		b = appendMermaidIn(b, j.Title, inQuotes)
		b = append(b, '\n')
	}
	if j.Description != "" {
		b = append(b, "    accDescr: "...)
		b = appendMermaidIn(b, j.Description, inQuotes)
		b = append(b, '\n')
	}

	type tpRef struct {
		path string
		t    *touchpoint.Touchpoint
	}
	var tps []tpRef
	for si, s := range j.Stages {
		if s == nil {
			continue
		}
		for ti, t := range s.Touchpoints {
			if t != nil {
				tps = append(tps, tpRef{docerr.Index(docerr.Join(docerr.Index("stages", si), "touchpoints"), ti), t})
			}
		}
	}

	b = appendLaneStart(b, "customer", wd.CustomerActions)
	for i, r := range tps {
		b = append(b, "        "...)
		b = appendNodeID(b, i, -1)
		b = append(b, `["`...)
		b = appendLabel(b, &errs, docerr.Join(r.path, "name"), r.t.Name, inQuotes)
		b = append(b, "\"]\n"...)
	}
	b = append(b, "    end\n"...)

	for _, layer := range touchpoint.Layers() {
		open := false
		for i, r := range tps {
			for k, s := range r.t.Supports {
				if s.Layer != layer {
					continue
				}
				if !open {
					b = appendLaneStart(b, laneIDs[layer], wd.layer(string(layer)))
					open = true
				}
				b = append(b, "        "...)
				b = appendNodeID(b, i, k)
				b = append(b, `["`...)
				b = appendLabel(b, &errs, docerr.Join(docerr.Index(docerr.Join(r.path, "supports"), k), "description"), s.Description, inQuotes)
				b = append(b, "\"]\n"...)
			}
		}
		if open {
			b = append(b, "    end\n"...)
		}
	}
	// Supports with a layer outside the three known ones are still drawn, in
	// a lane of their own, never dropped.
	open := false
	for i, r := range tps {
		for k, s := range r.t.Supports {
			if _, known := laneIDs[s.Layer]; known {
				continue
			}
			if !open {
				b = appendLaneStart(b, "other_layer", wd.OtherLayers)
				open = true
			}
			b = append(b, "        "...)
			b = appendNodeID(b, i, k)
			b = append(b, `["`...)
			b = appendLabel(b, &errs, docerr.Join(docerr.Index(docerr.Join(r.path, "supports"), k), "description"), s.Description, inQuotes)
			b = append(b, "\"]\n"...)
		}
	}
	if open {
		b = append(b, "    end\n"...)
	}

	for i := 1; i < len(tps); i++ {
		b = append(b, "    "...)
		b = appendNodeID(b, i-1, -1)
		b = append(b, " --> "...)
		b = appendNodeID(b, i, -1)
		b = append(b, '\n')
	}
	for i, r := range tps {
		for k := range r.t.Supports {
			b = append(b, "    "...)
			b = appendNodeID(b, i, -1)
			b = append(b, " -.- "...)
			b = appendNodeID(b, i, k)
			b = append(b, '\n')
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

func appendLaneStart(b []byte, id, title string) []byte {
	b = append(b, "    subgraph "...)
	b = append(b, id...)
	b = append(b, `["`...)
	b = appendMermaidIn(b, title, inQuotes)
	b = append(b, "\"]\n        direction LR\n"...)
	return b
}

// appendNodeID writes the generated id of touchpoint i ("t3") or of its
// support k ("t3s1"); k < 0 means the touchpoint itself.
func appendNodeID(b []byte, i, k int) []byte {
	b = append(b, 't')
	b = strconv.AppendInt(b, int64(i), 10)
	if k >= 0 {
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(k), 10)
	}
	return b
}
