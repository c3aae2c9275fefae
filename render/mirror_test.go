package render_test

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file mirrors what Mermaid 12 does to diagram text, so tests can read
// our output back the way Mermaid will:
//
//  1. encodeEntities (mermaidAPI): a line matching /style.*:\S*#.*;/ or
//     /classDef.*:\S*#.*;/ loses its last character; then every /#\w+;/ becomes
//     a marker: "ﬂ°°" + digits + "¶ß" for /^\+?\d+$/, else "ﬂ°" + name + "¶ß".
//  2. The jison lexer reads the marked text (labels end at "#", ";", ":" or a
//     newline; a statement starting with a keyword is read as that keyword).
//  3. decodeEntities on the rendered SVG: "ﬂ°°" → "&#", "ﬂ°" → "&", "¶ß" → ";".
//  4. The browser parses the SVG string as HTML: character references are
//     resolved (as html.UnescapeString does: 0x80–0x9F through Windows-1252,
//     NUL to U+FFFD), a raw "<" followed by a letter, "/", "!" or "?" starts
//     markup, and a raw NUL becomes U+FFFD.

var (
	mmdStyleRe    = regexp.MustCompile(`style.*:\S*#.*;`)
	mmdClassDefRe = regexp.MustCompile(`classDef.*:\S*#.*;`)
	mmdEntityRe   = regexp.MustCompile(`#\w+;`)
	mmdIntRe      = regexp.MustCompile(`^\+?\d+$`)
	mmdTagRe      = regexp.MustCompile(`<[A-Za-z/!?]`)
	mmdDecoder    = strings.NewReplacer("ﬂ°°", "&#", "ﬂ°", "&", "¶ß", ";")
)

// mermaidEncode is step 1 on a whole diagram.
func mermaidEncode(text string) string {
	cut := func(s string) string { return s[:len(s)-1] }
	text = mmdStyleRe.ReplaceAllStringFunc(text, cut)
	text = mmdClassDefRe.ReplaceAllStringFunc(text, cut)
	return mmdEntityRe.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		if mmdIntRe.MatchString(inner) {
			return "ﬂ°°" + inner + "¶ß"
		}
		return "ﬂ°" + inner + "¶ß"
	})
}

// mermaidLabel is steps 3 and 4 on one label as the lexer produced it.
func mermaidLabel(marked string) (string, error) {
	s := mmdDecoder.Replace(marked)
	// jison applies the three replacements one after the other over the whole
	// text; strings.Replacer is single-pass, so run the sequential form too and
	// insist both agree (they differ only on overlapping user text).
	seq := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(marked, "ﬂ°°", "&#"), "ﬂ°", "&"), "¶ß", ";")
	if seq != s {
		return "", fmt.Errorf("marker sequences overlap in %q", marked)
	}
	if loc := mmdTagRe.FindStringIndex(s); loc != nil {
		return "", fmt.Errorf("raw markup at %d in %q", loc[0], s)
	}
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	return html.UnescapeString(s), nil
}

// mermaidVisible is the text Mermaid can show for label: NUL cannot be
// carried by HTML, so it becomes U+FFFD (documented on EscapeMermaid).
func mermaidVisible(label string) string { return strings.ReplaceAll(label, "\x00", "\uFFFD") }

// journeyDiagram is what Mermaid's journey parser understood.
type journeyDiagram struct {
	Title, AccTitle, AccDescr string
	Sections                  []mmdSection
}

type mmdSection struct {
	Name  string
	Tasks []mmdTask
}

type mmdTask struct {
	Name   string
	Score  int
	Actors []string
}

var mmdKeywordRe = regexp.MustCompile(`(?i)^(journey|title\s|section\s|acctitle|accdescr|%%|#)`)

// parseJourney reads a journey diagram the way Mermaid's lexer and journeyDb
// do, for the statements our renderer writes, and fails on anything the
// lexer would read differently from what we meant.
func parseJourney(text string) (*journeyDiagram, error) {
	d := &journeyDiagram{}
	lines := strings.Split(mermaidEncode(text), "\n")
	if lines[0] != "journey" {
		return nil, fmt.Errorf("first line %q", lines[0])
	}
	label := func(s, forbidden string) (string, error) {
		if s == "" {
			return "", fmt.Errorf("empty label")
		}
		if strings.ContainsAny(s, forbidden) {
			return "", fmt.Errorf("label %q holds one of %q", s, forbidden)
		}
		return mermaidLabel(s)
	}
	for n, line := range lines[1:] {
		trimmed := strings.TrimLeft(line, " ")
		var err error
		switch {
		case trimmed == "":
		case strings.HasPrefix(trimmed, "%%"):
			if strings.HasPrefix(trimmed, "%%{") {
				err = fmt.Errorf("directive")
			}
		case strings.HasPrefix(trimmed, "title "):
			d.Title, err = label(trimmed[6:], "#;")
		case strings.HasPrefix(trimmed, "accTitle: "):
			d.AccTitle, err = label(trimmed[10:], "#;")
		case strings.HasPrefix(trimmed, "accDescr: "):
			d.AccDescr, err = label(trimmed[10:], "#;")
		case strings.HasPrefix(trimmed, "section "):
			var name string
			name, err = label(trimmed[8:], "#:;")
			d.Sections = append(d.Sections, mmdSection{Name: name})
		default:
			if mmdKeywordRe.MatchString(trimmed) {
				err = fmt.Errorf("task starts with a keyword: %q", trimmed)
				break
			}
			if len(d.Sections) == 0 {
				err = fmt.Errorf("task outside a section")
				break
			}
			parts := strings.Split(trimmed, ":")
			if len(parts) < 2 || len(parts) > 3 {
				err = fmt.Errorf("task %q has %d parts", trimmed, len(parts))
				break
			}
			var t mmdTask
			if t.Name, err = label(parts[0], "#;"); err != nil {
				break
			}
			if t.Score, err = strconv.Atoi(strings.TrimSpace(parts[1])); err != nil {
				break
			}
			if len(parts) == 3 {
				for _, a := range strings.Split(parts[2], ",") {
					var actor string
					if actor, err = label(jsTrim(a), "#;"); err != nil {
						break
					}
					t.Actors = append(t.Actors, actor)
				}
			}
			s := &d.Sections[len(d.Sections)-1]
			s.Tasks = append(s.Tasks, t)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+2, err)
		}
	}
	return d, nil
}

// flowchart is what Mermaid's flowchart parser understood of our blueprint.
type flowchart struct {
	AccTitle, AccDescr string
	Lanes              []flowLane
	Links              []string
}

type flowLane struct {
	ID, Title string
	Nodes     []flowNode
}

type flowNode struct{ ID, Label string }

var (
	flowNodeRe = regexp.MustCompile(`^([A-Za-z0-9_]+)\["([^"]+)"\]$`)
	flowLaneRe = regexp.MustCompile(`^subgraph ([A-Za-z0-9_]+)\["([^"]+)"\]$`)
	flowLinkRe = regexp.MustCompile(`^[A-Za-z0-9_]+ (-->|-\.-) [A-Za-z0-9_]+$`)
)

func parseFlowchart(text string) (*flowchart, error) {
	f := &flowchart{}
	lines := strings.Split(mermaidEncode(text), "\n")
	if !strings.HasPrefix(lines[0], "flowchart ") {
		return nil, fmt.Errorf("first line %q", lines[0])
	}
	var lane *flowLane
	for n, line := range lines[1:] {
		t := jsTrim(line)
		var err error
		switch {
		case t == "":
		case strings.HasPrefix(t, "accTitle: "):
			f.AccTitle, err = mermaidLabel(t[10:])
		case strings.HasPrefix(t, "accDescr: "):
			f.AccDescr, err = mermaidLabel(t[10:])
		case flowLaneRe.MatchString(t):
			m := flowLaneRe.FindStringSubmatch(t)
			f.Lanes = append(f.Lanes, flowLane{ID: m[1]})
			lane = &f.Lanes[len(f.Lanes)-1]
			lane.Title, err = mermaidLabel(m[2])
		case t == "direction LR":
		case t == "end":
			lane = nil
		case flowNodeRe.MatchString(t):
			if lane == nil {
				err = fmt.Errorf("node outside a lane")
				break
			}
			m := flowNodeRe.FindStringSubmatch(t)
			node := flowNode{ID: m[1]}
			node.Label, err = mermaidLabel(m[2])
			lane.Nodes = append(lane.Nodes, node)
		case flowLinkRe.MatchString(t):
			f.Links = append(f.Links, t)
		default:
			err = fmt.Errorf("unexpected statement %q", t)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+2, err)
		}
	}
	return f, nil
}

// jsTrim trims s as JavaScript's String.prototype.trim does, which is what
// Mermaid applies to actor names: ECMAScript WhiteSpace (tab, VT, FF, space,
// U+00A0, U+FEFF and the Zs category) and LineTerminator (LF, CR, U+2028,
// U+2029). It differs from strings.TrimSpace, which also trims U+0085 and
// keeps U+FEFF.
func jsTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '\t', '\v', '\f', ' ', '\u00a0', '\ufeff', '\n', '\r', '\u2028', '\u2029':
			return true
		}
		return unicode.Is(unicode.Zs, r)
	})
}
