package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestSameCounts runs both engines on a small synthetic log, in both input
// orders, and fails when any funnel step differs.
func TestSameCounts(t *testing.T) {
	for _, order := range []string{"time", "grouped"} {
		var out bytes.Buffer
		if err := run([]string{"-customers", "3000", "-steps", "5", "-repeat", "1", "-order", order}, &out); err != nil {
			t.Fatalf("%s order: %v\n%s", order, err, out.String())
		}
		if got := strings.Count(out.String(), "  ok\n"); got != 5+3 {
			t.Errorf("%s order: %d matching steps, want 8:\n%s", order, got, out.String())
		}
	}
}
