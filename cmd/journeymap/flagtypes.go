package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
)

// oneOf is a string flag restricted to a set of values.
type oneOf struct {
	value   string
	allowed []string
}

func (o *oneOf) String() string { return o.value }

func (o *oneOf) Set(s string) error {
	if !slices.Contains(o.allowed, s) {
		return fmt.Errorf("%q is not one of %s", s, strings.Join(o.allowed, ", "))
	}
	o.value = s
	return nil
}

func enumFlag(fs *flag.FlagSet, name, def, usage string, allowed ...string) *oneOf {
	o := &oneOf{value: def, allowed: allowed}
	fs.Var(o, name, usage+" ("+strings.Join(allowed, "|")+")")
	return o
}

func outputFlag(fs *flag.FlagSet) *string {
	return fs.String("o", "", "write the output to `FILE` instead of standard output")
}
