package xlsx_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
	"github.com/journeymap/journeymap/xlsx"
)

// soffice returns LibreOffice's command, skipping the test when it is not
// installed (failing instead under JOURNEYMAP_E2E=1, as CI's .ci/office sets).
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err == nil {
		return path
	}
	msg := "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui, or run bash .ci/office"
	if os.Getenv("JOURNEYMAP_E2E") == "1" {
		t.Fatalf("%s (JOURNEYMAP_E2E=1 makes this a failure)", msg)
	}
	t.Skipf("%s (set JOURNEYMAP_E2E=1 to make this a failure)", msg)
	return ""
}

// withoutIDs is the map sheet's projection with ids cleared: a sheet
// without id columns gets ids derived from its bytes, which differ between
// a CSV and a workbook of the same cells.
func withoutIDs(j *journey.Journey) string {
	stages := projection(j)
	for _, s := range stages {
		s.ID = uuid.Nil
		for _, tp := range s.Touchpoints {
			tp.ID = uuid.Nil
			for _, p := range tp.PainPoints {
				p.ID = uuid.Nil
			}
		}
	}
	var b bytes.Buffer
	for _, s := range stages {
		b.WriteString(asJSONString(s))
	}
	return b.String()
}

// TestLibreOfficeWorkbooksImportLikeTheirCSV has LibreOffice Calc convert
// CSV sheets to .xlsx headless — the shipped marketer's sheet and every
// example journey's CSV in English and Vietnamese — and checks that each
// workbook imports to the same journey as its CSV.
func TestLibreOfficeWorkbooksImportLikeTheirCSV(t *testing.T) {
	office := soffice(t)
	dir := t.TempDir()
	type source struct {
		name  string
		comma string // LibreOffice's CSV filter code of the delimiter
	}
	var sources []source
	sheets, err := filepath.Glob("../examples/sheets/*.csv")
	require.NoError(t, err)
	require.NotEmpty(t, sheets)
	for _, s := range sheets {
		data, err := os.ReadFile(s)
		require.NoError(t, err)
		name := filepath.Base(s)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o600))
		comma := "44"
		if strings.Count(string(data), ";") > strings.Count(string(data), ",") {
			comma = "59"
		}
		sources = append(sources, source{name, comma})
	}
	for name, j := range examples(t) {
		for _, lang := range []string{"", "vi"} {
			var b bytes.Buffer
			require.NoError(t, render.CSV{Language: lang}.Render(&b, j))
			file := name + "." + lang + ".csv"
			require.NoError(t, os.WriteFile(filepath.Join(dir, file), b.Bytes(), 0o600))
			sources = append(sources, source{file, "44"})
		}
	}
	out := filepath.Join(dir, "out")
	profile := "file://" + filepath.Join(dir, "profile")
	for _, comma := range []string{"44", "59"} {
		var files []string
		for _, s := range sources {
			if s.comma == comma {
				files = append(files, filepath.Join(dir, s.name))
			}
		}
		// CSV filter: delimiter, '"' as quote, UTF-8 (76), from line 1,
		// default column formats; quoted cells as text, no special numbers.
		args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore",
			"--infilter=CSV:" + comma + ",34,76,1,,0,true,false", "--convert-to", "xlsx", "--outdir", out}, files...)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, office, args...)
		msg, err := cmd.CombinedOutput()
		cancel()
		require.NoError(t, err, "soffice: %s", msg)
	}
	for _, s := range sources {
		t.Run(s.name, func(t *testing.T) {
			csvFile, err := os.Open(filepath.Join(dir, s.name))
			require.NoError(t, err)
			defer csvFile.Close()
			want, err := sheet.Import(csvFile, sheet.Options{})
			require.NoError(t, err)
			book, err := os.Open(filepath.Join(out, strings.TrimSuffix(s.name, ".csv")+".xlsx"))
			require.NoError(t, err, "LibreOffice wrote no workbook")
			defer book.Close()
			got, err := xlsx.Import(book, xlsx.Options{})
			require.NoError(t, err)
			assert.Equal(t, want.Title, got.Title)
			assert.Equal(t, want.Language, got.Language)
			assert.Equal(t, withoutIDs(want), withoutIDs(got))
		})
	}
}
