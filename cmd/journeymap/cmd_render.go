package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

func runRender(e *env, args []string) int {
	formats := registry("").Formats()
	fs := newFlags(e, "render", "FILE",
		"Render a journey document with any registered renderer. The document is validated first.")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats, ", ")+" (required)")
	lang := enumFlag(fs, "lang", "", "`language` of the built-in words (default: the document's language)", "en", "vi")
	out := outputFlag(fs)
	if code, ok := parse(e, fs, args, 1, 1); !ok {
		return code
	}
	reg := registry(lang.value)
	if *format == "" {
		return usageError(e, errors.New("-format is required ("+strings.Join(formats, ", ")+")"))
	}
	if _, ok := reg.Lookup(*format); !ok {
		return usageError(e, fmt.Errorf("unknown format %q (registered: %s)", *format, strings.Join(formats, ", ")))
	}
	j, ok := e.load(e.args[0])
	if !ok {
		return exitInvalid
	}
	var b bytes.Buffer
	if err := reg.Render(&b, *format, j); err != nil {
		e.report(e.args[0], err)
		return exitInvalid
	}
	return e.write(*out, b.Bytes())
}
