package main

import (
	"bytes"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "",
		"Print the JSON Schema (draft 2020-12) of the journey document, or of a persona or a\n"+
			"pain point on its own, with titles, descriptions and examples in English or\n"+
			"Vietnamese (the constraints are the same in both).")
	doc := enumFlag(fs, "for", "journey", "the `document` described", schema.Names()...)
	lang := enumFlag(fs, "lang", "en", "`language` of the titles, descriptions and examples", schema.Languages()...)
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	data, err := schema.Lookup(doc.String(), lang.String())
	if err != nil {
		return usageError(e, err) // unreachable: the flags allow only published names
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	return e.write(*out, data)
}

func typeNames() []string {
	var names []string
	for _, t := range journey.Types() {
		names = append(names, string(t))
	}
	return names
}

func templateNames() []string {
	var names []string
	for _, t := range journey.Templates() {
		names = append(names, t.Name)
	}
	return names
}
