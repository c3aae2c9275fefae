package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestMain lets the test binary serve as the engines' child process.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "-child" {
		if err := run(os.Args[1:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSameCounts runs both engines on a small synthetic log, in every input
// order (journeymap's any order also spilled), and fails when any funnel
// step differs.
func TestSameCounts(t *testing.T) {
	for _, args := range [][]string{{"-order", "time"}, {"-order", "customer"}, {"-order", "any"}, {"-order", "any", "-memory", "64KiB"}} {
		order := strings.Join(args, " ")
		var out bytes.Buffer
		if err := run(append([]string{"-customers", "3000", "-steps", "5", "-repeat", "1"}, args...), &out); err != nil {
			t.Fatalf("%s order: %v\n%s", order, err, out.String())
		}
		if got := strings.Count(out.String(), "  ok\n"); got != 5+3 {
			t.Errorf("%s order: %d matching steps, want 8:\n%s", order, got, out.String())
		}
	}
}
