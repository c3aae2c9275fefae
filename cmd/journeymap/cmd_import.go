package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/mermaidin"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/xlsx"
)

// maxImportedDocument is the largest document import writes: the size
// journey.Decode (and so validate, render, analyze) accepts by default.
const maxImportedDocument = 16 << 20

// importFormat names the input format of FILE: from -from, else from the
// file's extension (.mmd and .mermaid are Mermaid, .xlsx a workbook), else CSV.
func importFormat(from, name string) string {
	if from != "" {
		return from
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".mmd", ".mermaid":
		return "mermaid"
	case ".xlsx":
		return "xlsx"
	}
	return "csv"
}

func runImport(e *env, args []string) int {
	fs := newFlags(e, "import", "FILE.csv|FILE.xlsx|FILE.mmd",
		"Build a journey document from a spreadsheet (CSV or an Excel workbook) or a Mermaid\n"+
			"user-journey diagram.\n\n"+
			"A sheet has one row per touchpoint (or per touchpoint × pain point) with columns such as\n"+
			"stage, phase, touchpoint, channel, owner, emotion, actions, thoughts, feelings,\n"+
			"pain_category, pain_severity, pain. Headers and values may be English or Vietnamese\n"+
			"(giai đoạn, điểm chạm, kênh, cảm xúc, loại điểm đau, mức độ, ...; \"Ứng dụng di động\",\n"+
			"\"Zalo\", \"Shopee\"). The CSV written by \"journeymap render -format csv\" and the workbook\n"+
			"written by \"-format xlsx\" import back. Every bad row is reported by line and column.\n\n"+
			"A Mermaid diagram (.mmd) gives one stage per section, one touchpoint per task (score 1..5\n"+
			"is emotion -2..2) and one persona per actor; what a journey cannot hold is reported by line.")
	title := fs.String("title", "", "journey `title` (default: the sheet's title row or the diagram's title, else the file name)")
	typ := enumFlag(fs, "type", string(journey.CurrentState), "map `type`", typeNames()...)
	lang := fs.String("lang", "", "BCP 47 `language` of the text, e.g. vi (default: a sheet's header language)")
	from := enumFlag(fs, "from", "", "input `format` (default: from the extension: .xlsx, .mmd/.mermaid, else csv)", "csv", "xlsx", "mermaid")
	comma := enumFlag(fs, "comma", "", "CSV field `delimiter` (default: detected from the header)", ",", ";", "tab")
	sheetName := fs.String("sheet", "", "workbook `sheet` to read (default: the first)")
	ignore := fs.Bool("ignore-unknown-columns", false, "skip columns the importer does not know instead of failing")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	name := e.args[0]
	format := importFormat(from.value, name)
	if *sheetName != "" && format != "xlsx" {
		return usageError(e, errors.New("-sheet applies to workbooks (.xlsx or -from xlsx) only"))
	}
	if comma.value != "" && format != "csv" {
		return usageError(e, errors.New("-comma applies to CSV input only"))
	}
	var j *journey.Journey
	var ok bool
	defaultTitle := sheet.DefaultTitle
	switch format {
	case "mermaid":
		j, ok = e.importMermaid(name, mermaidin.Options{Title: *title, Type: journey.Type(typ.value), Language: *lang})
		defaultTitle = mermaidin.DefaultTitle
	case "xlsx":
		opts := sheet.Options{Title: *title, Type: journey.Type(typ.value), Language: *lang, AllowUnknownColumns: *ignore}
		j, ok = e.importWorkbook(name, *sheetName, opts)
	default:
		opts := sheet.Options{Title: *title, Type: journey.Type(typ.value), Language: *lang, AllowUnknownColumns: *ignore}
		switch comma.value {
		case "tab":
			opts.Comma = '\t'
		case ",", ";":
			opts.Comma = rune(comma.value[0])
		}
		j, ok = e.importSheet(name, opts)
	}
	if !ok {
		return exitInvalid
	}
	if *title == "" && j.Title == defaultTitle && name != "-" {
		j.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	data, err := marshalJourney(j)
	if err != nil {
		fmt.Fprintf(e.stderr, "journeymap import: %v\n", err)
		return exitInvalid
	}
	if len(data) > maxImportedDocument {
		fmt.Fprintf(e.stderr, "journeymap import: %s: the document would be %d bytes, more than the %d bytes (16 MiB) a document may have; split the input\n",
			displayName(name), len(data), maxImportedDocument)
		return exitInvalid
	}
	return e.write(*out, data)
}

// importMermaid reads a Mermaid journey diagram; problems are reported by line.
func (e *env) importMermaid(name string, opts mermaidin.Options) (*journey.Journey, bool) {
	r, ok := e.open(name)
	if !ok {
		return nil, false
	}
	defer r.Close()
	j, err := mermaidin.Import(r, opts)
	if err != nil {
		var list mermaidin.Errors
		if errors.As(err, &list) {
			for _, p := range list {
				fmt.Fprintf(e.stderr, "%s: %v\n", displayName(name), p)
			}
			if len(list) > 1 {
				fmt.Fprintf(e.stderr, "journeymap %s: %s: %d problems\n", e.name, displayName(name), len(list))
			}
			return nil, false
		}
		e.report(name, err)
		return nil, false
	}
	return j, true
}

// importWorkbook reads one sheet of an Excel workbook; problems are
// reported by sheet, row and column.
func (e *env) importWorkbook(name, sheetName string, opts sheet.Options) (*journey.Journey, bool) {
	r, ok := e.open(name)
	if !ok {
		return nil, false
	}
	defer r.Close()
	j, err := xlsx.Import(r, xlsx.Options{Sheet: sheetName, Options: opts})
	if err != nil {
		e.report(name, err)
		return nil, false
	}
	return j, true
}
