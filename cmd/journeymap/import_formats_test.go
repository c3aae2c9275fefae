package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
)

// TestImportMermaid: a .mmd file imports by its extension, problems name
// the line, and render -format mermaid of the result imports to the same
// document.
func TestImportMermaid(t *testing.T) {
	dir := t.TempDir()
	mmd := filepath.Join(dir, "day.mmd")
	require.NoError(t, os.WriteFile(mmd, []byte("journey\n  title My day\n  section Awareness\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n"), 0o600))
	doc := filepath.Join(dir, "day.json")
	r := cli(t, "", "import", "-o", doc, mmd)
	require.Equal(t, exitOK, r.code, r.stderr)
	j := readDoc(t, doc)
	assert.Equal(t, "My day", j.Title)
	assert.Equal(t, journey.BeforePurchase, j.Stages[0].Phase)

	again := cli(t, "", "render", "-format", "mermaid", doc)
	require.Equal(t, exitOK, again.code, again.stderr)
	r2 := cli(t, again.stdout, "import", "-from", "mermaid", "-")
	require.Equal(t, exitOK, r2.code, r2.stderr)
	first, err := os.ReadFile(doc)
	require.NoError(t, err)
	assert.Equal(t, string(first), r2.stdout, "import → render → import is the identity")

	bad := filepath.Join(dir, "bad.mmd")
	require.NoError(t, os.WriteFile(bad, []byte("journey\nsection S\n  a: 7: Me\n  b; 3\n"), 0o600))
	r = cli(t, "", "import", bad)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "bad.mmd: line 4: \";\" is not allowed")

	r = cli(t, "", "import", "-sheet", "x", mmd)
	assert.Equal(t, exitUsage, r.code, "-sheet is for workbooks")
}

// TestImportAndRenderWorkbook: render -format xlsx writes a workbook that
// import reads back to the same stages; -sheet picks a sheet.
func TestImportAndRenderWorkbook(t *testing.T) {
	dir := t.TempDir()
	src := "../../examples/journeys/cvj-vi.json"
	r := cli(t, "", "render", "-format", "xlsx", src)
	require.Equal(t, exitOK, r.code, r.stderr)
	book := filepath.Join(dir, "map.xlsx")
	require.NoError(t, os.WriteFile(book, []byte(r.stdout), 0o600))
	r = cli(t, "", "import", book)
	require.Equal(t, exitOK, r.code, r.stderr)
	j, err := journey.Unmarshal([]byte(r.stdout))
	require.NoError(t, err)
	orig := readDoc(t, src)
	require.Len(t, j.Stages, len(orig.Stages))
	for i := range orig.Stages {
		assert.Equal(t, orig.Stages[i].Name, j.Stages[i].Name)
	}
	assert.Equal(t, "vi", j.Language)

	r = cli(t, "", "import", "-sheet", "Nope", book)
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, `no such sheet "Nope"`)
}

// TestRenderCSVVietnamese: -lang vi writes Vietnamese headers and values
// that import back, and the document records the language.
func TestRenderCSVVietnamese(t *testing.T) {
	r := cli(t, "", "render", "-format", "csv", "-lang", "vi", "../../examples/journeys/ecommerce-current.json")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "Mã bước,Bước,Giai đoạn mua hàng,"), r.stdout[:80])
	back := cli(t, r.stdout, "import", "-")
	require.Equal(t, exitOK, back.code, back.stderr)
	j, err := journey.Unmarshal([]byte(back.stdout))
	require.NoError(t, err)
	assert.Equal(t, "vi", j.Language)
}

// TestImportRefusesADocumentTooLargeToRead: a sheet whose document would be
// over 16 MiB is an error naming the limit, not a file validate refuses.
func TestImportRefusesADocumentTooLargeToRead(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("stage,phase,touchpoint,channel\n")
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "S,before,%d,web\n", i)
	}
	r := cli(t, b.String(), "import", "-")
	assert.Equal(t, exitInvalid, r.code)
	assert.Contains(t, r.stderr, "16777216 bytes")
	assert.Empty(t, r.stdout)
}

func readDoc(t *testing.T, path string) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err)
	return j
}
