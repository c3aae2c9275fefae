// Command journeymap validates, analyses, renders, scaffolds, compares and
// imports customer journey maps from the command line.
//
// Usage:
//
//	journeymap <command> [flags] [files]
//
// The commands:
//
//	validate   report every problem of every document
//	analyze    gap findings and friction scores (text or JSON; -fail-on for CI)
//	render     write a document as json, mermaid, mermaid-blueprint, html, markdown or csv
//	schema     print the JSON Schema of the document format
//	new        scaffold a document from a stage template
//	templates  list the stage templates
//	diff       compare two documents (current vs future state)
//	import     build a document from a spreadsheet saved as CSV
//	funnel     measure a journey against an event log (funnel, drop-off, deviations)
//	version    print the version
//
// Flags may come before or after the file arguments; "-" reads standard
// input; output goes to standard output unless -o FILE is given. The exit
// status is 0 on success, 1 when an input is invalid or a check fails, and
// 2 on wrong usage. Errors go to standard error and name the file and the
// JSON path (or the CSV line and column). Every command takes -h.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command runs with: its name, the standard streams, and
// (once parsed) its positional arguments.
type env struct {
	name   string
	args   []string
	help   func() // prints the command's usage to standard output
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	staged []staged // -o outputs waiting for the command to succeed (see write)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"validate", "report every problem of every document", runValidate},
		{"analyze", "gap findings and friction scores (text or JSON; -fail-on for CI)", runAnalyze},
		{"render", "write a document in another format (json, mermaid, html, markdown, csv, ...)", runRender},
		{"schema", "print the JSON Schema of the document format", runSchema},
		{"new", "scaffold a document from a stage template", runNew},
		{"templates", "list the stage templates", runTemplates},
		{"diff", "compare two documents (current vs future state)", runDiff},
		{"import", "build a document from a spreadsheet saved as CSV", runImport},
		{"funnel", "measure a journey against an event log", runFunnel},
		{"version", "print the version", runVersion},
	}
}

// run is the whole program: it parses args (without the program name),
// runs the command and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			e := &env{name: c.name, stdin: stdin, stdout: stdout, stderr: stderr}
			return e.finish(c.run(e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "journeymap: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "journeymap: customer journey maps from the command line\n\nUsage:\n\n  journeymap <command> [flags] [files]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nFlags may come before or after files; \"-\" reads standard input; -o FILE writes a file.\n"+
		"Exit status: 0 success, 1 invalid input or failed check, 2 wrong usage.\n"+
		"Run \"journeymap <command> -h\" for a command's flags.\n")
}

// version returns the module version the binary was built from, or
// "(devel)" for a build from a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "", "Print the journeymap version and the document schema_version it reads and writes.")
	if code, ok := parse(e, fs, args, 0, 0); !ok {
		return code
	}
	goVersion := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
	}
	fmt.Fprintf(e.stdout, "journeymap %s (schema_version %d, %s)\n", version(), journey.SchemaVersion, strings.TrimSpace(goVersion))
	return exitOK
}
