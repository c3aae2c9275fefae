package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The self-tests feed the node scripts hand-written inputs with known defects,
// proving that each check can fail: a checker that never reports anything
// would pass every real test below.

func TestSelfMermaidCheckReportsWhatMermaidUnderstood(t *testing.T) {
	requireClients(t, true)
	diagrams := []mermaidDiagram{
		{Name: "escaped", Text: "journey\n  title My #35;1 day#58; fun\n  section Go to work\n" +
			"    Make tea#58; hot: 5: Me, Cat#44; Dog\n    Sit down #60;b#62;: 1: Me\n"},
		{Name: "raw-colon", Text: "journey\n  title T\n  section S\n    Pay: now: 3: Me\n"},
		{Name: "directive", Text: "%%{init: {'theme':'dark'}}%%\njourney\n  title T\n  section S\n    a: 3: Me\n"},
		{Name: "parse-error", Text: "journey\n  title T\n  section S;x\n    a: 3: Me\n"},
		{Name: "flowchart", Text: "flowchart LR\n  subgraph s1[\"Stage #58; one\"]\n    n1[\"Touch #60;script#62;\"]\n  end\n"},
	}
	var out mermaidOutput
	runNode(t, "mermaid-check.mjs", map[string]any{"diagrams": diagrams}, &out)
	require.Len(t, out.Results, len(diagrams))
	assert.Empty(t, out.Requests)
	assert.Empty(t, out.Dialogs)

	escaped := out.Results[0]
	require.Empty(t, escaped.Error)
	require.NotNil(t, escaped.Journey)
	assert.Equal(t, "journey", escaped.Type)
	assert.Empty(t, escaped.Config)
	assert.False(t, escaped.ConfigChanged)
	assert.Equal(t, "My #1 day: fun", escaped.Journey.Title)
	assert.Equal(t, []string{"Go to work"}, escaped.Journey.Sections)
	require.Len(t, escaped.Journey.Tasks, 2)
	assert.Equal(t, mmdTask{Section: "Go to work", Task: "Make tea: hot", Score: float64(5), People: []string{"Me", "Cat, Dog"}}, escaped.Journey.Tasks[0])
	assert.Equal(t, "Sit down <b>", escaped.Journey.Tasks[1].Task)

	// A raw ":" silently changes the task: Mermaid reads "Pay" with score " now".
	raw := out.Results[1]
	require.Empty(t, raw.Error)
	require.Len(t, raw.Journey.Tasks, 1)
	assert.Equal(t, "Pay", raw.Journey.Tasks[0].Task)

	directive := out.Results[2]
	assert.Equal(t, map[string]any{"theme": "dark"}, directive.Config)
	assert.True(t, directive.ConfigChanged)

	assert.Contains(t, out.Results[3].Error, "Parse error")

	flow := out.Results[4]
	require.Empty(t, flow.Error)
	require.NotNil(t, flow.Flowchart)
	assert.Equal(t, []mmdNode{{ID: "n1", Label: "Touch <script>", LabelType: "string"}}, flow.Flowchart.Nodes)
	assert.Equal(t, []mmdSubgraph{{ID: "s1", Title: "Stage : one", Nodes: []string{"n1"}}}, flow.Flowchart.Subgraphs)
}

func TestSelfHTMLCheckDetectsScriptsRequestsAndViolations(t *testing.T) {
	requireClients(t, true)
	good := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body><main><h1>Journey &lt;script&gt;alert(1)&lt;/script&gt;</h1><p>Mua hàng 🛒</p></main></body></html>`
	bad := `<!doctype html><html><head><meta charset="utf-8"></head><body><h1>x</h1>
<img src="x.png" onerror="window.__pwned=1;alert(1)"><script>console.log('hi')</script>
<a href="javascript:alert(2)">click</a><div style="background:url(https://evil.example/bg.png)">z</div></body></html>`
	var out htmlOutput
	runNode(t, "html-check.mjs", htmlManifest{Pages: []htmlPage{
		{Name: "good", File: writeTemp(t, "good.html", []byte(good))},
		{Name: "bad", File: writeTemp(t, "bad.html", []byte(bad))},
	}}, &out)
	require.Len(t, out.Results, 2)

	g := out.Results[0]
	require.Empty(t, g.Error)
	assert.Empty(t, g.Scripts)
	assert.Empty(t, g.Requests)
	assert.Empty(t, g.Dialogs)
	assert.Empty(t, g.Risky)
	assert.Empty(t, g.Violations)
	assert.False(t, g.Pwned)
	assert.Contains(t, g.Text, "Journey <script>alert(1)</script>")
	assert.Contains(t, g.Text, "Mua hàng 🛒")

	b := out.Results[1]
	require.Empty(t, b.Error)
	assert.Len(t, b.Scripts, 2, "the inline script and the onerror handler")
	assert.True(t, b.Pwned)
	assert.Equal(t, []string{"alert: 1"}, b.Dialogs)
	assert.ElementsMatch(t, []string{"http://journeymap.invalid/x.png", "https://evil.example/bg.png"}, b.Requests)
	assert.Contains(t, b.Risky, "element <script>")
	assert.Contains(t, b.Risky, "a href=javascript:alert(2)")
	var ids []string
	for _, v := range b.Violations {
		ids = append(ids, v.ID)
	}
	assert.Subset(t, ids, []string{"document-title", "html-has-lang", "image-alt"})
}

func TestSelfSchemaCheckAcceptsAndRejects(t *testing.T) {
	requireClients(t, false)
	schema := writeTemp(t, "s.json", []byte(`{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
"properties":{"id":{"type":"string","format":"uuid"},"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}`))
	ok := writeTemp(t, "ok.json", []byte(`{"n":1,"id":"123e4567-e89b-12d3-a456-426614174000"}`))
	badFormat := writeTemp(t, "bad.json", []byte(`{"n":1,"id":"not-a-uuid"}`))
	notJSON := writeTemp(t, "broken.json", []byte(`{"n":`))
	var out schemaOutput
	runNode(t, "schema-check.mjs", map[string]any{
		"schemas": map[string]string{"s": schema},
		"files":   []schemaFile{{ok, "s"}, {badFormat, "s"}, {notJSON, "s"}},
	}, &out)
	require.Empty(t, out.CompileErrors)
	require.Len(t, out.Results, 3)
	assert.True(t, out.Results[0].Valid, out.Results[0].Errors)
	assert.False(t, out.Results[1].Valid)
	assert.Equal(t, []schemaError{{Path: "/id", Message: `must match format "uuid" {"format":"uuid"}`}}, out.Results[1].Errors)
	assert.False(t, out.Results[2].Valid)

	// Strict mode refuses a schema with an unknown keyword.
	loose := writeTemp(t, "loose.json", []byte(`{"type":"object","colour":"red"}`))
	runNode(t, "schema-check.mjs", map[string]any{"schemas": map[string]string{"loose": loose}, "files": []schemaFile{}}, &out)
	assert.Contains(t, out.CompileErrors["loose"], "strict mode")
}
