package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/journey"
)

func runNew(e *env, args []string) int {
	fs := newFlags(e, "new", "",
		"Scaffold a journey document from a stage template (see \"journeymap templates\").\n"+
			"Ids are derived from the content, so the same flags give the same document.")
	tmpl := fs.String("template", "", "stage `template`: "+strings.Join(templateNames(), ", ")+" (required)")
	title := fs.String("title", "", "journey `title` (required)")
	typ := enumFlag(fs, "type", string(journey.CurrentState), "map `type`", typeNames()...)
	lang := enumFlag(fs, "lang", "en", "`language` of the stage names", languages()...)
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	if *tmpl == "" {
		return usageError(e, errors.New("-template is required ("+strings.Join(templateNames(), ", ")+")"))
	}
	if strings.TrimSpace(*title) == "" {
		return usageError(e, errors.New("-title is required"))
	}
	j, err := journey.FromTemplate(*tmpl, *title, journey.Type(typ.value), lang.value)
	if err != nil {
		return usageError(e, err)
	}
	j.ID = uuid.Nil
	for _, s := range j.Stages {
		s.ID = uuid.Nil
	}
	j.FillIDs()
	data, err := marshalJourney(j)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap new: %v\n", err)
		return exitInvalid
	}
	return e.write(*out, data)
}

func runTemplates(e *env, args []string) int {
	fs := newFlags(e, "templates", "", "List the stage templates \"journeymap new -template\" accepts.")
	lang := enumFlag(fs, "lang", "en", "`language` of the names", languages()...)
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	var b bytes.Buffer
	for _, t := range journey.Templates() {
		title := t.TitleIn(lang.value)
		names := make([]string, len(t.Stages))
		for i, s := range t.Stages {
			names[i] = s.StageName(lang.value)
		}
		fmt.Fprintf(&b, "%-22s %s (%d stages)\n%-22s %s\n", t.Name, title, len(t.Stages), "", strings.Join(names, " → "))
	}
	return e.write("", b.Bytes())
}
