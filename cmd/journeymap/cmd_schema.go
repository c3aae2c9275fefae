package main

import (
	"bytes"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "",
		"Print the JSON Schema (draft 2020-12) of the journey document.")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	data := schema.Journey()
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
