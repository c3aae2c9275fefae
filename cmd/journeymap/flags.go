package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags returns the flag set of a command whose usage line is
// "journeymap name argsUsage" followed by about and the flags.
func newFlags(e *env, name, argsUsage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // the flag package calls it on every error; help is printed by parse
	e.help = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: journeymap %s", name)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprint(w, " [flags]")
		}
		if argsUsage != "" {
			fmt.Fprint(w, " "+argsUsage)
		}
		fmt.Fprintf(w, "\n\n%s\n", about)
		if hasFlags {
			fmt.Fprint(w, "\nFlags (before or after the files):\n")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	}
	return fs
}

// parse parses args into fs, allowing flags before, between and after the
// positional arguments ("--" ends the flags; "-" is a positional argument
// meaning standard input). It checks that there are between min and max
// positional arguments (max < 0: no limit). On -h it prints the usage to
// standard output and returns (0, false); on a usage error it prints the
// problem to standard error and returns (2, false).
func parse(e *env, fs *flag.FlagSet, args []string, min, max int) (code int, ok bool) {
	pos, err := interleave(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		e.help()
		return exitOK, false
	}
	if err == nil {
		switch {
		case len(pos) < min && min == max:
			err = fmt.Errorf("want %d file argument%s, got %d", min, plural(min), len(pos))
		case len(pos) < min:
			err = fmt.Errorf("want at least %d file argument%s, got %d", min, plural(min), len(pos))
		case max >= 0 && len(pos) > max:
			err = fmt.Errorf("want at most %d file argument%s, got %d (%s)", max, plural(max), len(pos), strings.Join(pos, " "))
		}
	}
	if err != nil {
		return usageError(e, err), false
	}
	e.args = pos
	return exitOK, true
}

// usageError reports wrong usage and returns exit status 2.
func usageError(e *env, err error) int {
	fmt.Fprintf(e.stderr, "journeymap %s: %v\nRun \"journeymap %s -h\" for usage.\n", e.name, err, e.name)
	return exitUsage
}

// interleave parses flags anywhere in args and returns the positional
// arguments in order.
func interleave(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
