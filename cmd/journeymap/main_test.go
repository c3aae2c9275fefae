package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/journey"
)

// TestMain fails the run when a file under testdata/ is checked by no test
// (go test -update rewrites them all).
func TestMain(m *testing.M) { golden.Main(m, "testdata") }

const (
	examples   = "../../examples/journeys/"
	current    = examples + "ecommerce-current.json"
	future     = examples + "ecommerce-future.json"
	b2b        = examples + "b2b-saas.json"
	cvj        = examples + "cvj-vi.json"
	eventsFile = "../../examples/events/ecommerce-current.csv"
)

type result struct {
	code           int
	stdout, stderr string
}

// cli runs the command in-process with stdin as standard input.
func cli(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestTopLevel(t *testing.T) {
	r := cli(t, "")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "Commands:")

	r = cli(t, "", "help")
	assert.Equal(t, exitOK, r.code)
	for _, c := range commands() {
		assert.Contains(t, r.stdout, "  "+c.name+" ")
	}

	r = cli(t, "", "frobnicate")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `unknown command "frobnicate"`)

	r = cli(t, "", "version")
	assert.Equal(t, exitOK, r.code)
	assert.Regexp(t, `^journeymap \S+ \(schema_version 1, go\S+\)\n$`, r.stdout)
	assert.Equal(t, exitUsage, cli(t, "", "version", "extra").code)
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		for _, h := range []string{"-h", "-help", "--help"} {
			r := cli(t, "", c.name, h)
			assert.Equal(t, exitOK, r.code, "%s %s", c.name, h)
			assert.True(t, strings.HasPrefix(r.stdout, "Usage: journeymap "+c.name), "%s %s: %q", c.name, h, r.stdout)
			assert.Empty(t, r.stderr)
		}
		r := cli(t, "", c.name, "-no-such-flag")
		assert.Equal(t, exitUsage, r.code, c.name)
		assert.Contains(t, r.stderr, "journeymap "+c.name+": flag provided but not defined: -no-such-flag")
	}
	golden.CheckString(t, "testdata/"+"help-render.txt", cli(t, "", "render", "-h").stdout)
	golden.CheckString(t, "testdata/"+"help-import.txt", cli(t, "", "import", "-h").stdout)
}

func TestValidate(t *testing.T) {
	files, err := filepath.Glob(examples + "*.json")
	require.NoError(t, err)
	r := cli(t, "", append([]string{"validate"}, files...)...)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, len(files), strings.Count(r.stdout, ": valid\n"))

	data, err := os.ReadFile(current)
	require.NoError(t, err)
	r = cli(t, string(data), "validate", "-")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, "<stdin>: valid\n", r.stdout)

	invalid := writeTemp(t, "invalid.json", `{"schema_version":1,"title":"Shop","type":"current_state",
 "stages":[{"name":"Buy","phase":"during_purchase","touchpoints":[
  {"name":"Cart","channel":"website","emotion":3,"pain_points":[{"title":" ","category":"financial","severity":"high"}]}]}],
 "opportunities":[{"title":"Fix","pain_point_ids":["7d444840-9dc0-41c4-a3a2-8f6a1d9a5a1e"]}]}`)
	badJSON := writeTemp(t, "bad.json", "{\"schema_version\": 1,\n \"title\": \"x\",\n \"type\": }")
	unknown := writeTemp(t, "unknown.json", `{"schema_version":1,"title":"x","type":"current_state","colour":"red"}`)
	r = cli(t, "", "validate", current, invalid, "missing.json", badJSON, unknown)
	assert.Equal(t, exitInvalid, r.code)
	assert.Equal(t, "../../examples/journeys/ecommerce-current.json: valid\n", r.stdout, "valid files are still reported")
	stderr := strings.ReplaceAll(r.stderr, filepath.Dir(invalid), "TMP")
	stderr = strings.ReplaceAll(stderr, filepath.Dir(badJSON), "TMP")
	stderr = strings.ReplaceAll(stderr, filepath.Dir(unknown), "TMP")
	assert.Contains(t, stderr, "TMP/invalid.json: stages[0].touchpoints[0].emotion: ")
	assert.Contains(t, stderr, "TMP/invalid.json: stages[0].touchpoints[0].pain_points[0].title: ")
	assert.Contains(t, stderr, "TMP/invalid.json: opportunities[0].pain_point_ids[0]: ")
	assert.Contains(t, stderr, "journeymap validate: missing.json: no such file\n")
	assert.Contains(t, stderr, "TMP/bad.json: ")
	assert.Contains(t, stderr, "line 3")
	assert.Contains(t, stderr, `TMP/unknown.json: colour: unknown field "colour"`)
	golden.CheckString(t, "testdata/"+"validate-errors.txt", stderr)

	assert.Equal(t, exitUsage, cli(t, "", "validate").code)

	r = cli(t, "", "validate", "testdata")
	assert.Equal(t, exitInvalid, r.code)
	assert.Equal(t, "journeymap validate: testdata: is a directory\n", r.stderr)

	huge := `{"title":"` + strings.Repeat("x", 17<<20) + `"}`
	r = cli(t, huge, "validate", "-")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "<stdin>: document is larger than the limit")
}

func TestAnalyze(t *testing.T) {
	r := cli(t, "", "analyze", b2b)
	assert.Equal(t, exitOK, r.code, r.stderr)
	golden.CheckString(t, "testdata/"+"analyze-b2b.txt", r.stdout)

	// A Vietnamese team reads the whole text report in Vietnamese: headings,
	// severities, factor names and decimal commas; codes and paths stay.
	r = cli(t, "", "analyze", "-lang", "vi", cvj)
	assert.Equal(t, exitOK, r.code, r.stderr)
	golden.CheckString(t, "testdata/"+"analyze-cvj-vi.txt", r.stdout)
	for _, english := range []string{"Findings", "Friction", " points", "Stages", "Hotspots", "warning ", "pain."} {
		assert.NotContains(t, r.stdout, english)
	}
	assert.NotRegexp(t, `\b0\.\d\d\b`, r.stdout, "scores have decimal commas")
	// A Vietnamese document is reported in Vietnamese without asking, as
	// render does; -lang en asks for English.
	assert.Equal(t, r.stdout, cli(t, "", "analyze", cvj).stdout)
	en := cli(t, "", "analyze", "-lang", "en", cvj).stdout
	assert.Contains(t, en, "Findings (17):")
	assert.Contains(t, en, "has no owner")
	assert.Contains(t, r.stdout, "\n  điểm đau hỗ trợ        2  0,09 điểm\n", "columns align by letters, not bytes")

	// Flags after the file, JSON for machines.
	r = cli(t, "", "analyze", current, "-format", "json")
	require.Equal(t, exitOK, r.code, r.stderr)
	var rep struct {
		Findings []map[string]any `json:"findings"`
		Friction map[string]any   `json:"friction"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.NotEmpty(t, rep.Findings)
	for _, key := range []string{"code", "severity", "path", "id", "message"} {
		assert.Contains(t, rep.Findings[0], key)
	}
	assert.Contains(t, rep.Friction, "score")

	// -lang vi writes the messages in Vietnamese; codes and paths stay.
	r = cli(t, "", "analyze", "-lang", "vi", "-format", "json", b2b)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"code": "touchpoint.no_owner"`)
	assert.Contains(t, r.stdout, "chưa có người phụ trách")
	assert.NotContains(t, r.stdout, "has no owner")
	r = cli(t, "", "analyze", "-lang", "fr", b2b)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "-lang")

	// -fail-on makes it a CI gate; every example has warnings (missed targets) but is not empty.
	r = cli(t, "", "analyze", "-fail-on", "warning", current)
	assert.Equal(t, exitInvalid, r.code)
	assert.Regexp(t, `ecommerce-current.json: \d+ findings at or above warning`, r.stderr)
	assert.NotEmpty(t, r.stdout, "the report is still printed")

	empty := writeTemp(t, "empty.json", `{"schema_version":1,"title":"Empty","type":"current_state"}`)
	r = cli(t, "", "analyze", "-fail-on", "critical", empty)
	assert.Equal(t, exitInvalid, r.code, "an empty journey has critical gaps")
	r = cli(t, "", "analyze", "-fail-on", "critical", current)
	assert.Equal(t, exitOK, r.code, r.stderr)

	// -now checks review dates: reviewed 2026-10-20 every 90 days.
	before := cli(t, "", "analyze", "-now", "2026-11-01T00:00:00Z", current).stdout
	after := cli(t, "", "analyze", "-now", "2027-06-01T00:00:00Z", current).stdout
	assert.NotContains(t, before, "review.overdue")
	assert.Contains(t, after, "review.overdue")

	r = cli(t, "", "analyze", "-now", "yesterday", current)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "RFC 3339")
	assert.Equal(t, exitUsage, cli(t, "", "analyze", "-format", "xml", current).code)
	assert.Equal(t, exitUsage, cli(t, "", "analyze", current, b2b).code)
	assert.Equal(t, exitInvalid, cli(t, "", "analyze", "missing.json").code)
}

func TestRender(t *testing.T) {
	checks := map[string]string{
		"json":              `{"schema_version":1,`,
		"mermaid":           "journey\n",
		"mermaid-blueprint": "flowchart",
		"html":              "<html",
		"markdown":          "# Buying running shoes",
		"csv":               "stage_id,stage,phase,",
	}
	for format, want := range checks {
		r := cli(t, "", "render", "-format", format, current)
		assert.Equal(t, exitOK, r.code, "%s: %s", format, r.stderr)
		assert.Contains(t, r.stdout, want, format)
	}

	out := filepath.Join(t.TempDir(), "journey.html")
	r := cli(t, "", "render", current, "-o", out, "-format", "html")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(page), "Sải Bước")

	en := cli(t, "", "render", "-format", "markdown", cvj, "-lang", "en").stdout
	vi := cli(t, "", "render", "-format", "markdown", cvj).stdout
	assert.NotEqual(t, en, vi, "-lang changes the built-in words")

	r = cli(t, "", "render", "-format", "docx", current)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `unknown format "docx" (registered: csv, html, json, markdown, mermaid, mermaid-blueprint, pdf, png, xlsx)`)
	r = cli(t, "", "render", current)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "-format is required")
	assert.Equal(t, exitUsage, cli(t, "", "render", "-format", "html", "-lang", "fr", current).code)

	invalid := writeTemp(t, "bad.json", `{"schema_version":2,"title":"x","type":"current_state"}`)
	r = cli(t, "", "render", "-format", "html", invalid)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "bad.json: schema_version: ")
	assert.Empty(t, r.stdout)

	r = cli(t, "", "render", "-format", "html", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.html"), current)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "journeymap render: -o ")
}

func TestSchema(t *testing.T) {
	r := cli(t, "", "schema")
	require.Equal(t, exitOK, r.code)
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &s))
	assert.Contains(t, s, "$schema")
	out := filepath.Join(t.TempDir(), "journey.schema.json")
	assert.Equal(t, exitOK, cli(t, "", "schema", "-o", out).code)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, r.stdout, string(data))
	assert.Equal(t, exitUsage, cli(t, "", "schema", "extra.json").code)
}

func TestNewAndTemplates(t *testing.T) {
	r := cli(t, "", "templates")
	require.Equal(t, exitOK, r.code)
	for _, tmpl := range journey.Templates() {
		assert.Contains(t, r.stdout, tmpl.Name)
	}
	golden.CheckString(t, "testdata/"+"templates-vi.txt", cli(t, "", "templates", "-lang", "vi").stdout)

	r = cli(t, "", "new", "-template", "customer_value_journey", "-title", "Hành trình Mộc Sơn", "-lang", "vi", "-type", "future_state")
	require.Equal(t, exitOK, r.code, r.stderr)
	j, err := journey.Unmarshal([]byte(r.stdout))
	require.NoError(t, err)
	require.NoError(t, j.Validate())
	assert.Equal(t, journey.FutureState, j.Type)
	require.Len(t, j.Stages, 8)
	assert.Equal(t, "Nhận thức", j.Stages[0].Name)
	assert.Equal(t, r.stdout, cli(t, "", "new", "-template", "customer_value_journey", "-title", "Hành trình Mộc Sơn", "-lang", "vi", "-type", "future_state").stdout,
		"the same flags give the same document")
	golden.CheckString(t, "testdata/"+"new-b2b.json", cli(t, "", "new", "-template", "b2b", "-title", "Buying a CRM").stdout)

	// The scaffold validates and round-trips through the other commands.
	out := filepath.Join(t.TempDir(), "new.json")
	require.Equal(t, exitOK, cli(t, "", "new", "-template", "classic", "-title", "Shop", "-o", out).code)
	assert.Equal(t, exitOK, cli(t, "", "validate", out).code)

	r = cli(t, "", "new", "-template", "funnel", "-title", "x")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "purchase_timeline, classic, inbound, customer_value_journey, b2b")
	assert.Equal(t, exitUsage, cli(t, "", "new", "-template", "b2b").code)
	assert.Equal(t, exitUsage, cli(t, "", "new", "-title", "x").code)
	assert.Equal(t, exitUsage, cli(t, "", "new", "-template", "b2b", "-title", "x", "-type", "someday").code)
}

func TestDiff(t *testing.T) {
	r := cli(t, "", "diff", current, future)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "pain point resolved")
	assert.Contains(t, r.stdout, "journey friction ")
	golden.CheckString(t, "testdata/"+"diff-ecommerce.txt", r.stdout)

	r = cli(t, "", "diff", "-lang", "vi", current, future)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "điểm đau đã được giải quyết: ")
	assert.Contains(t, r.stdout, "ma sát của hành trình 0,6143 → 0,341 (-0,2733)")
	assert.NotContains(t, r.stdout, "pain point")

	r = cli(t, "", "diff", "-format", "json", current, future)
	require.Equal(t, exitOK, r.code, r.stderr)
	var changes map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &changes))
	assert.NotEmpty(t, changes)

	assert.Equal(t, exitUsage, cli(t, "", "diff", current).code)
	r = cli(t, "", "diff", current, "missing.json")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "missing.json: no such file")
}

func TestImport(t *testing.T) {
	sheetFile := "../../sheet/testdata/cvj-excel-vi.csv"
	r := cli(t, "", "import", "-lang", "vi", sheetFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	j, err := journey.Unmarshal([]byte(r.stdout))
	require.NoError(t, err)
	require.NoError(t, j.Validate())
	assert.Equal(t, "cvj-excel-vi", j.Title, "the title defaults to the file name")
	assert.Equal(t, "vi", j.Language)

	r = cli(t, "", "import", "../../examples/sheets/cvj-excel-vi.csv")
	require.Equal(t, exitOK, r.code, r.stderr)
	j, err = journey.Unmarshal([]byte(r.stdout))
	require.NoError(t, err)
	assert.Equal(t, "Bản đồ hành trình khách hàng – Cà phê Mộc Sơn", j.Title, "the sheet's own title row")
	assert.Equal(t, "Cập nhật 31/10/2026, Phòng Marketing", j.Description)

	bad := writeTemp(t, "bad.csv", "stage,phase,touchpoint,channel,emotion,pain_category,pain_severity,pain\n"+
		"Aware,before_purchase,Ad,online_ads,abc,,,\n"+
		"Buy,during_purchase,Cart,website,-1,money,high,Hidden fee\n"+
		"Buy,during_purchase,Pay\n")
	r = cli(t, "", "import", bad)
	assert.Equal(t, exitInvalid, r.code)
	assert.Empty(t, r.stdout)
	stderr := strings.ReplaceAll(r.stderr, filepath.Dir(bad), "TMP")
	assert.Equal(t, `TMP/bad.csv: line 2, column "emotion": "abc" is not a number
TMP/bad.csv: line 3, column "pain_category": "money" is not a pain point category (allowed: financial, productivity, process, support)
TMP/bad.csv: line 4: the row has 3 cells, the header has 8
journeymap import: TMP/bad.csv: 3 problems
`, stderr)

	r = cli(t, "stage;phase;touchpoint;channel\nA;before;Ad;website\n", "import", "-", "-title", "From stdin", "-type", "future_state")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"title": "From stdin"`)
	assert.Contains(t, r.stdout, `"type": "future_state"`)

	withNote := writeTemp(t, "note.csv", "stage,phase,touchpoint,channel,note\nA,before,Ad,website,x\n")
	assert.Equal(t, exitInvalid, cli(t, "", "import", withNote).code)
	assert.Equal(t, exitOK, cli(t, "", "import", "-ignore-unknown-columns", withNote).code)
	assert.Equal(t, exitInvalid, cli(t, "", "import", "missing.csv").code)
	assert.Equal(t, exitUsage, cli(t, "", "import").code)
}

// TestImportRoundTrip: render -format csv, import, render -format csv again:
// the same table, and the same stages, touchpoints and pain points.
func TestImportRoundTrip(t *testing.T) {
	files, err := filepath.Glob(examples + "*.json")
	require.NoError(t, err)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			dir := t.TempDir()
			csv1 := filepath.Join(dir, "1.csv")
			imported := filepath.Join(dir, "imported.json")
			require.Equal(t, exitOK, cli(t, "", "render", "-format", "csv", "-o", csv1, name).code)
			r := cli(t, "", "import", "-o", imported, csv1)
			require.Equal(t, exitOK, r.code, r.stderr)
			r = cli(t, "", "render", "-format", "csv", imported)
			require.Equal(t, exitOK, r.code, r.stderr)
			want, err := os.ReadFile(csv1)
			require.NoError(t, err)
			assert.Equal(t, string(want), r.stdout)
		})
	}
}

func TestFunnel(t *testing.T) {
	r := cli(t, "", "funnel", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "240 customers")
	golden.CheckString(t, "testdata/"+"funnel-ecommerce.txt", r.stdout)

	// -lang vi: the report in Vietnamese, the journey's names as written.
	r = cli(t, "", "funnel", "-lang", "vi", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	golden.CheckString(t, "testdata/"+"funnel-ecommerce-vi.txt", r.stdout)
	assert.Contains(t, r.stdout, "1.987 sự kiện, 240 khách hàng, 0 dòng lỗi", "grouped like 120.000 on the page")
	assert.Contains(t, r.stdout, "Sees a Facebook carousel ad for the new Sải Bước running line")
	for _, english := range []string{"Funnel of", "reached", "Deviations", "Customers:", "as planned", "missing ", "(ad hoc)", "100.0%"} {
		assert.NotContains(t, r.stdout, english)
	}
	r = cli(t, "", "funnel", "-lang", "vi", "-format", "html", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `<html lang="vi">`)
	assert.Equal(t, exitUsage, cli(t, "", "funnel", "-lang", "fr", "-journey", current, "-events", eventsFile).code)

	// A Vietnamese journey is measured in Vietnamese without asking.
	r = cli(t, "", "funnel", "-journey", cvj, "-events", "../../examples/events/cvj-vi.csv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "400 khách hàng, 0 dòng lỗi")
	assert.Contains(t, r.stdout, "Nhắn tin Facebook cá nhân cho chủ xưởng (ngoài kế hoạch)")
	r = cli(t, "", "funnel", "-format", "html", "-journey", cvj, "-events", "../../examples/events/cvj-vi.csv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `<html lang="vi">`)
	assert.Contains(t, r.stdout, `<h2 id="funnel">Phễu đo thực tế</h2>`, "the measured funnel")
	assert.Contains(t, r.stdout, "Số khách hàng đến được (đo thực tế)", "the measured figures in the map")

	r = cli(t, "", "funnel", "-format", "json", "-window", "48h", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, r.code, r.stderr)
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &res))
	assert.EqualValues(t, 48*3600*1e9, res["window_ns"])

	events, err := os.ReadFile(eventsFile)
	require.NoError(t, err)
	r = cli(t, string(events), "funnel", "-format", "html", "-journey", current, "-events", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "<html")

	assert.Equal(t, exitUsage, cli(t, "", "funnel", "-journey", current).code)
	assert.Equal(t, exitUsage, cli(t, "", "funnel", "-journey", current, "-events", eventsFile, "-window", "-1h").code)
	assert.Equal(t, exitUsage, cli(t, "", "funnel", "-journey", current, "-events", eventsFile, "-format", "pdf").code)
	bad := writeTemp(t, "bad.csv", "customer_id,touchpoint,timestamp\nann,Gets SMS updates from the courier,2026-11-01T10:00:00Z\nbob,Gets SMS updates from the courier,soon\n")
	r = cli(t, "", "funnel", "-journey", current, "-events", bad, "-max-bad-rows", "1")
	assert.Equal(t, exitOK, r.code, "bad rows are skipped and listed")
	assert.Contains(t, r.stderr, `bad.csv: 1 bad row skipped`)
	assert.Contains(t, r.stderr, `bad.csv: line 3, column "timestamp": `)
	assert.Equal(t, exitInvalid, cli(t, "", "funnel", "-strict", "-journey", current, "-events", bad).code)
	noColumn := writeTemp(t, "nocol.csv", "who,touchpoint,timestamp\na,b,c\n")
	r = cli(t, "", "funnel", "-journey", current, "-events", noColumn)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, `nocol.csv: line 1: header lacks the column "customer_id"`)

	r = cli(t, "", "funnel", "-journey", current, "-events", "missing.csv")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "missing.csv: no such file")
}

func TestInterleavedFlags(t *testing.T) {
	tests := [][]string{
		{"render", "-format", "mermaid", current},
		{"render", current, "-format", "mermaid"},
		{"render", "-format=mermaid", current},
		{"render", "-format", "mermaid", "--", current},
	}
	want := cli(t, "", tests[0]...).stdout
	require.NotEmpty(t, want)
	for _, args := range tests {
		r := cli(t, "", args...)
		assert.Equal(t, exitOK, r.code, "%v: %s", args, r.stderr)
		assert.Equal(t, want, r.stdout, "%v", args)
	}
	// After "--" a name starting with "-" is a file, not a flag.
	r := cli(t, "", "validate", "--", "-weird.json")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "-weird.json: no such file")
}

func TestFunnelGroupedOrder(t *testing.T) {
	data, err := os.ReadFile(eventsFile)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	rows := slices.Clone(lines[1:])
	slices.SortStableFunc(rows, func(a, b string) int { // by customer id, keeping time order within
		return strings.Compare(strings.SplitN(a, ",", 2)[0], strings.SplitN(b, ",", 2)[0])
	})
	grouped := writeTemp(t, "grouped.csv", lines[0]+"\n"+strings.Join(rows, "\n")+"\n")

	want := cli(t, "", "funnel", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, want.code, want.stderr)
	got := cli(t, "", "funnel", "-order", "grouped", "-journey", current, "-events", grouped)
	require.Equal(t, exitOK, got.code, got.stderr)
	assert.Empty(t, got.stderr, "a customer-sorted file read as grouped has no bad rows")
	assert.Equal(t, strings.ReplaceAll(want.stdout, "ecommerce-current.csv", "grouped.csv"), got.stdout,
		"the same events give the same funnel in either order")

	timeOrder := cli(t, "", "funnel", "-order", "time", "-journey", current, "-events", grouped)
	assert.Contains(t, timeOrder.stderr, "bad row", "a customer-sorted file read in time order is reported, not silently miscounted")
	assert.Equal(t, exitUsage, cli(t, "", "funnel", "-order", "random", "-journey", current, "-events", grouped).code)
}

// TestFunnelMeasureFlags: -order, -memory, -mode, -by and -window.
func TestFunnelMeasureFlags(t *testing.T) {
	data, err := os.ReadFile(eventsFile)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	rows := slices.Clone(lines[1:])
	slices.Reverse(rows) // neither time nor customer order
	reversed := writeTemp(t, "ecommerce-current.csv", lines[0]+"\n"+strings.Join(rows, "\n")+"\n")

	want := cli(t, "", "funnel", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, want.code, want.stderr)
	for _, args := range [][]string{
		{},                  // any order is the default
		{"-order", "any"},   // said
		{"-memory", "1KiB"}, // spilled to temporary files
		{"-window", "30d"},  // the default window in days
		{"-memory", "64MB"}, // decimal units
		{"-order", "any", "-window", "720h"},
	} {
		got := cli(t, "", append(append([]string{"funnel"}, args...), "-journey", current, "-events", reversed)...)
		require.Equal(t, exitOK, got.code, "%v: %s", args, got.stderr)
		assert.Empty(t, got.stderr, "%v", args)
		assert.Equal(t, want.stdout, got.stdout, "%v: a reversed log gives the same funnel", args)
	}

	strict := cli(t, "", "funnel", "-mode", "strict", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, strict.code, strict.stderr)
	assert.Contains(t, strict.stdout, "in strict order")
	assert.NotEqual(t, want.stdout, strict.stdout, "strict order counts fewer conversions")
	anyOrder := cli(t, "", "funnel", "-mode", "any", "-format", "json", "-journey", current, "-events", eventsFile)
	require.Equal(t, exitOK, anyOrder.code, anyOrder.stderr)
	assert.Contains(t, anyOrder.stdout, `"mode": "any"`)

	withChannel := writeTemp(t, "by.csv", "customer_id,touchpoint,timestamp,plan\n"+
		"a,Sees a Facebook carousel ad for the new Sải Bước running line,2026-10-01T11:17:00Z,pro\n"+
		"b,Sees a Facebook carousel ad for the new Sải Bước running line,2026-10-01T11:17:00Z,free\n"+
		"b,Watches a TikTok review by a running coach,2026-10-01T12:17:00Z,free\n")
	by := cli(t, "", "funnel", "-by", "plan", "-format", "json", "-journey", current, "-events", withChannel)
	require.Equal(t, exitOK, by.code, by.stderr)
	var res struct {
		Breakdown struct {
			Column string
			Groups []struct {
				Value     string
				Customers int
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(by.stdout), &res))
	assert.Equal(t, "plan", res.Breakdown.Column)
	assert.Len(t, res.Breakdown.Groups, 2)
	r := cli(t, "", "funnel", "-by", "nope", "-journey", current, "-events", withChannel)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, `header lacks the breakdown column "nope"`)

	for _, bad := range [][]string{
		{"-window", "0d"}, {"-window", "-1h"}, {"-window", "d"}, {"-window", "1.5d"}, {"-window", "99999999999d"},
		{"-memory", "0"}, {"-memory", "lots"}, {"-memory", "-5MiB"}, {"-mode", "loose"}, {"-order", "random"},
	} {
		r := cli(t, "", append(append([]string{"funnel"}, bad...), "-journey", current, "-events", eventsFile)...)
		assert.Equal(t, exitUsage, r.code, "%v", bad)
		assert.Contains(t, r.stderr, bad[0], "%v: the error names the flag", bad)
	}
}
