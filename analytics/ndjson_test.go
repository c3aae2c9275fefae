package analytics

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNDJSONAgreesWithEncodingJSON feeds random lines, well and badly
// formed, to the line parser: every line encoding/json rejects is a bad
// row, and every line the parser takes decodes with encoding/json to the
// same values.
func TestNDJSONAgreesWithEncodingJSON(t *testing.T) {
	keys := []string{`"customer_id"`, `"touchpoint"`, `"timestamp"`, `"outcome"`, `"emotion"`, `"extra"`, `"caf\u00e9"`, `"time\"stamp"`, `"x"`, `"Touchpoint"`}
	values := []string{`"c1"`, `"a1"`, `"b1"`, `"2026-01-01T00:00:00Z"`, `"ok"`, `"failed"`, `1.5`, `-0.5`, `3`, `1767225600`, `1767225600.25`,
		`null`, `true`, `false`, `[1]`, `{"x":1}`, `"a\"b"`, `"\u00e9t\u00e9"`, "\"\xff\"", `01`, `1.`, `-`, `1e5`, `2E-1`, "\"tab\there\"", `""`, `nul`, `truex`,
		`"\ud83d\ude00"`, `"\ud83d"`, `{"a":1,"a":2}`, `[1,]`, `"\u00"`}
	ws := []string{"", " ", "\t", "  "}
	n := ndjsonParser{maxLine: DefaultMaxLineBytes}
	for f := range NumFields {
		n.names[f] = Columns{}.withDefaults().Name(f)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	took := 0
	for range 6000 {
		var b strings.Builder
		b.WriteString(pick(ws) + "{" + pick(ws))
		for k := range rng.IntN(6) {
			if k > 0 {
				b.WriteString(pick(ws) + "," + pick(ws))
			}
			b.WriteString(pick(keys) + pick(ws) + ":" + pick(ws) + pick(values))
		}
		b.WriteString(pick(ws) + "}")
		line := b.String()
		switch rng.IntN(12) { // break the syntax now and then
		case 0:
			line = strings.Replace(line, ":", "", 1)
		case 1:
			line = strings.Replace(line, "}", ",}", 1)
		case 2:
			line += "x"
		case 3:
			line = line[:rng.IntN(len(line)+1)]
		}
		var row Row
		err := n.object([]byte(line), &row)
		if !json.Valid([]byte(line)) {
			require.NotNil(t, err, "encoding/json rejects %q", line)
			continue
		}
		if err != nil {
			continue // stricter: duplicates, surrogates, types
		}
		took++
		var obj map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(line), &obj), line)
		for f := range NumFields {
			var raw json.RawMessage
			ok := false
			for k, v := range obj {
				if strings.EqualFold(k, n.names[f]) {
					raw, ok = v, true
				}
			}
			if !ok || string(raw) == "null" {
				assert.Empty(t, row[f], "%s in %q", n.names[f], line)
				continue
			}
			want := string(raw)
			if raw[0] == '"' {
				require.NoError(t, json.Unmarshal(raw, &want), line)
			}
			assert.Equal(t, want, string(row[f]), "%s in %q", n.names[f], line)
		}
	}
	assert.Greater(t, took, 600, "a good share of the lines are taken")
}

func TestNDJSONLineDoesNotAllocate(t *testing.T) {
	n := ndjsonParser{maxLine: DefaultMaxLineBytes}
	for f := range NumFields {
		n.names[f] = Columns{}.withDefaults().Name(f)
	}
	line := []byte(`{"customer_id":"c00012345","touchpoint":"t3","timestamp":"2026-01-01T00:00:00Z","outcome":"ok","emotion":-1.5,"other":[1,{"x":true}]}`)
	var row Row
	allocs := testing.AllocsPerRun(100, func() {
		row = Row{}
		require.Nil(t, n.object(line, &row))
	})
	assert.Zero(t, allocs, "a line without escapes is read in place")
}
