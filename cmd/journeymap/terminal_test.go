package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextOutputIsTerminalSafe: a document whose title and names hold
// escape sequences (retitle the window, clear the screen) is analysed and
// compared as text without a single control byte reaching the terminal.
func TestTextOutputIsTerminalSafe(t *testing.T) {
	const title = `T\u001b]0;pwned\u0007\u001b[2J`
	doc := `{"schema_version":1,"title":"` + title + `","type":"current_state","stages":[` +
		`{"name":"S\u001b[31m","phase":"before_purchase","touchpoints":[` +
		`{"name":"A\u009b2J","channel":"website","emotion":-2},{"name":"B\u202e","channel":"phone","emotion":1}]}]}`
	path := writeTemp(t, "hostile.json", doc)
	for _, args := range [][]string{
		{"analyze", path},
		{"analyze", "-lang", "vi", path},
		{"diff", current, path},
		{"diff", "-lang", "vi", path, current},
	} {
		r := cli(t, "", args...)
		require.Equal(t, exitOK, r.code, "%v: %s", args, r.stderr)
		for _, c := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
			assert.NotContains(t, r.stdout, c, "%v: %q reaches the terminal", args, c)
		}
		if args[0] == "analyze" {
			assert.True(t, strings.HasPrefix(r.stdout, `T\x1b]0;pwned\x07\x1b[2J`+"\n"), "%v: the title, escaped: %q", args, r.stdout)
			assert.Contains(t, r.stdout, `S\x1b[31m`, "a stage name, escaped")
			assert.Contains(t, r.stdout, `A\u009b2J`, "a hotspot's name, escaped")
		}
	}
}
