package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/sheet"
)

func runImport(e *env, args []string) int {
	fs := newFlags(e, "import", "FILE.csv",
		"Build a journey document from a spreadsheet saved as CSV: one row per touchpoint (or per\n"+
			"touchpoint × pain point) with columns such as stage, phase, touchpoint, channel, owner,\n"+
			"emotion, actions, thoughts, feelings, pain_category, pain_severity, pain. Headers may be\n"+
			"English or Vietnamese (giai đoạn, điểm chạm, kênh, cảm xúc, loại điểm đau, mức độ, ...).\n"+
			"The CSV written by \"journeymap render -format csv\" imports back. Every bad row is\n"+
			"reported by line and column.")
	title := fs.String("title", "", "journey `title` (default: the sheet's title row above the header, else the file name)")
	typ := enumFlag(fs, "type", string(journey.CurrentState), "map `type`", typeNames()...)
	lang := fs.String("lang", "", "BCP 47 `language` of the sheet's text, e.g. vi")
	comma := enumFlag(fs, "comma", "", "field `delimiter` (default: detected from the header)", ",", ";", "tab")
	ignore := fs.Bool("ignore-unknown-columns", false, "skip columns the importer does not know instead of failing")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	name := e.args[0]
	opts := sheet.Options{Title: *title, Type: journey.Type(typ.value), Language: *lang, AllowUnknownColumns: *ignore}
	switch comma.value {
	case "tab":
		opts.Comma = '\t'
	case ",", ";":
		opts.Comma = rune(comma.value[0])
	}
	j, ok := e.importSheet(name, opts)
	if !ok {
		return exitInvalid
	}
	if *title == "" && j.Title == sheet.DefaultTitle && name != "-" {
		j.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	data, err := marshalJourney(j)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap import: %v\n", err)
		return exitInvalid
	}
	return e.write(*out, data)
}
