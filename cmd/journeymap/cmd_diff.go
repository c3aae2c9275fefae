package main

import (
	"io"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/i18n"
)

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", "OLD NEW",
		"Compare two journeys, typically the current state and the future state: stages and\n"+
			"touchpoints added, removed or changed (matched by id, then by name), pain points\n"+
			"resolved and introduced, and the change of emotion and friction per stage.")
	format := enumFlag(fs, "format", "text", "output `format`", "text", "json")
	lang := enumFlag(fs, "lang", "", "`language` of the text (default: the language of OLD)", languages()...)
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 2, 2); !ok {
		return code
	}
	old, okOld := e.load(e.args[0])
	cur, okNew := e.load(e.args[1])
	if !okOld || !okNew {
		return exitInvalid
	}
	changes := analysis.Diff(old, cur)
	produce := func(w io.Writer) error { return changes.WriteText(w, i18n.Resolve(lang.value, old.Language)) }
	if format.value == "json" {
		produce = changes.WriteJSON
	}
	return e.writeTo(*out, produce)
}
