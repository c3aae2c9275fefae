package fuzztest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Go-side reading of Mermaid diagrams below follows the journey and
// flowchart grammar as mermaid 12.3.0 parses it (checked against it in
// Chromium by package e2e). The fuzzer cannot run a browser; this reading
// lets it find an escape that breaks a label in milliseconds, and the e2e
// tests confirm the same rules with the real Mermaid.

// entity is Mermaid's one working escape: "#" + decimal code point + ";".
var entity = regexp.MustCompile(`#(\d+);`)

// unescapeMermaid decodes the #NN; escapes of a label and reports text that
// would break or change the diagram: a character of raw outside an escape, a
// "#" that is not part of one, or a raw control character.
func unescapeMermaid(s, raw string) (string, error) {
	plain := entity.ReplaceAllString(s, "")
	if i := strings.IndexAny(plain, raw+"#"); i >= 0 {
		return "", fmt.Errorf("raw %q in label %q", plain[i], s)
	}
	for _, r := range plain {
		if r < 0x20 || r == 0x7f {
			return "", fmt.Errorf("raw control character %U in label %q", r, s)
		}
	}
	var err error
	out := entity.ReplaceAllStringFunc(s, func(m string) string {
		n, perr := strconv.Atoi(m[1 : len(m)-1])
		if perr != nil || n == 0 || n > utf8.MaxRune {
			err = fmt.Errorf("escape %s cannot be a character", m)
			return ""
		}
		return string(rune(n))
	})
	return out, err
}

// Characters that Mermaid reads as syntax when raw in a journey label, by
// place (";" breaks the parse and "%" starts a comment everywhere, ":" ends
// a section or task name and splits a task's data, "," splits actors), and
// in a double-quoted flowchart label (the closing quote). In a title a raw
// ":" is allowed when a space follows it (see textLabel).
const (
	textRaw  = ";%"
	nameRaw  = ";%:"
	actorRaw = ";%:,"
	flowRaw  = `"%`
)

// textLabel reads a title, accTitle or accDescr: Mermaid drops the last
// character of a line matching /style.*:\S*#.*;/, so a raw ":" must be
// followed by a space (or nothing) to be safe.
func textLabel(s string) (string, error) {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && i+1 < len(s) && s[i+1] != ' ' {
			return "", fmt.Errorf("raw ':' without a space after it in %q", s)
		}
	}
	return unescapeMermaid(s, textRaw)
}

// startsWithKeyword reports whether a task line would be read as a
// statement: "journey", "acctitle" or "accdescr" at its start, or "title" or
// "section" followed by white space, in any letter case (the jison lexer's
// rules; "Titles" or "Sections" are task names).
func startsWithKeyword(s string) bool {
	l := strings.ToLower(s)
	for _, k := range []string{"journey", "acctitle", "accdescr"} {
		if strings.HasPrefix(l, k) {
			return true
		}
	}
	for _, k := range []string{"title", "section"} {
		if strings.HasPrefix(l, k) && (len(l) == len(k) || unicode.IsSpace(rune(l[len(k)]))) {
			return true
		}
	}
	return false
}

// mmdTask is one task of a journey diagram as Mermaid reads it.
type mmdTask struct {
	section, name, score string
	actors               []string
}

// mmdJourney is a journey diagram as Mermaid reads it.
type mmdJourney struct {
	title, accTitle, accDescr string
	sections                  []string
	tasks                     []mmdTask
}

// readJourneyDiagram reads a journey diagram the way Mermaid's grammar does,
// failing where Mermaid would fail or silently change a label.
func readJourneyDiagram(text string) (*mmdJourney, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) == 0 || lines[0] != "journey" {
		return nil, errors.New("does not start with the journey line")
	}
	d := &mmdJourney{}
	section := ""
	for n, line := range lines[1:] {
		if strings.Contains(line, "%%") {
			return nil, fmt.Errorf("line %d: %%%% (comment or directive) in %q", n+2, line)
		}
		body := strings.TrimLeft(line, " ")
		label := func(prefix string) (string, error) {
			return textLabel(strings.TrimPrefix(body, prefix))
		}
		var err error
		switch {
		case len(d.sections) > 0 && (strings.HasPrefix(body, "title ") || strings.HasPrefix(body, "accTitle") || strings.HasPrefix(body, "accDescr")):
			// Our renderer writes these before any section: one here is a
			// task Mermaid would read as a statement.
			err = fmt.Errorf("task read as a statement: %q", line)
		case strings.HasPrefix(body, "title "):
			d.title, err = label("title ")
		case strings.HasPrefix(body, "accTitle: "):
			d.accTitle, err = label("accTitle: ")
		case strings.HasPrefix(body, "accDescr: "):
			d.accDescr, err = label("accDescr: ")
		case strings.HasPrefix(body, "section "):
			section, err = unescapeMermaid(strings.TrimPrefix(body, "section "), nameRaw)
			d.sections = append(d.sections, section)
		default:
			if startsWithKeyword(body) {
				return nil, fmt.Errorf("line %d: task starts with a keyword: %q", n+2, line)
			}
			parts := strings.SplitN(body, ":", 3)
			if len(parts) < 2 {
				return nil, fmt.Errorf("line %d: task without score: %q", n+2, line)
			}
			t := mmdTask{section: section, score: strings.TrimSpace(parts[1])}
			if t.name, err = unescapeMermaid(parts[0], nameRaw); err != nil {
				break
			}
			if len(parts) == 3 {
				for _, a := range strings.Split(parts[2], ",") {
					a = jsTrim(a)
					var actor string
					if actor, err = unescapeMermaid(a, actorRaw); err != nil {
						break
					}
					t.actors = append(t.actors, actor)
				}
			}
			d.tasks = append(d.tasks, t)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+2, err)
		}
	}
	return d, nil
}

// flowLabel matches a node or subgraph with a double-quoted label.
var flowLabel = regexp.MustCompile(`^\s*(?:subgraph )?([A-Za-z0-9_]+)\["(.*)"\]$`)

// readFlowchartLabels returns the labels of the nodes and subgraphs of a
// flowchart by id, failing where a label would break out of its quotes or
// hold a raw character Mermaid would read as syntax.
func readFlowchartLabels(text string) (map[string]string, error) {
	labels := map[string]string{}
	for n, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.Contains(line, "%%") {
			return nil, fmt.Errorf("line %d: %%%% in %q", n+1, line)
		}
		m := flowLabel.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		label, err := unescapeMermaid(m[2], flowRaw)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		labels[m[1]] = label
	}
	return labels, nil
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
