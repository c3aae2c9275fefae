package analytics_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/analytics"
	"github.com/journeymap/journeymap/i18n"
)

// TestReasonsAreListedAndWorded: Reasons lists every Reason constant the
// package declares (read from its source, so a new one cannot be
// forgotten), and every language words each of them (but ReasonOther)
// with its own sentence and a hint, not the general fallback.
func TestReasonsAreListedAndWorded(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "badrows.go", nil, 0)
	require.NoError(t, err)
	var declared []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Reason" {
				continue
			}
			for _, v := range vs.Values {
				s, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				require.NoError(t, err)
				declared = append(declared, s)
			}
		}
	}
	var listed []string
	for _, r := range analytics.Reasons() {
		listed = append(listed, string(r))
	}
	assert.Equal(t, declared, listed)

	for _, lang := range i18n.Languages() {
		fw := lang.Words().Funnel
		general := fw.BadReason("no such reason", 3)
		for _, r := range analytics.Reasons() {
			if r == analytics.ReasonOther {
				assert.Equal(t, general, fw.BadReason(string(r), 3), "%s: %s is the general case", lang, r)
				continue
			}
			assert.NotEqual(t, general, fw.BadReason(string(r), 3), "%s: %s has its own words", lang, r)
			assert.NotEmpty(t, fw.BadHint(string(r)), "%s: %s has a hint", lang, r)
		}
	}
}
