package main

import (
	"fmt"
	"time"
)

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", "FILE...",
		"Decode every document strictly and validate it, reporting every problem of every file\n"+
			"with its JSON path. Exit status 1 when any document is invalid.")
	if code, ok := parse(e, fs, args, 1, -1); !ok {
		return code
	}
	code := exitOK
	for _, name := range e.args {
		if _, ok := e.load(name); !ok {
			code = exitInvalid
			continue
		}
		fmt.Fprintf(e.stdout, "%s: valid\n", displayName(name))
	}
	return code
}

func parseNow(e *env, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		usageError(e, fmt.Errorf("-now %q is not an RFC 3339 time such as 2026-11-23T09:00:00Z", s))
		return time.Time{}, false
	}
	return t, true
}
