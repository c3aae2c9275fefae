package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/sheet"
)

func TestQuickstartWritesEveryFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out bytes.Buffer
	require.NoError(t, run(dir, &out))

	assert.Contains(t, out.String(), "Buying a phone online: friction ")
	assert.Contains(t, out.String(), "hotspot ")
	for _, format := range render.Default().Formats() {
		assert.Contains(t, out.String(), "wrote "+filepath.Join(dir, "journey"+extensions[format]), format)
	}

	data, err := os.ReadFile(filepath.Join(dir, "journey.json"))
	require.NoError(t, err)
	j, err := journey.Unmarshal(data)
	require.NoError(t, err)
	require.NoError(t, j.Validate())
	assert.Equal(t, build().Title, j.Title)
	assert.Len(t, j.Stages, 4)

	mermaid, err := os.ReadFile(filepath.Join(dir, "journey.mmd"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(mermaid), "journey\n"), "%q", mermaid)

	page, err := os.ReadFile(filepath.Join(dir, "journey.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "Shipping fee shown only at the end")

	csv, err := os.ReadFile(filepath.Join(dir, "journey.csv"))
	require.NoError(t, err)
	back, err := sheet.Import(bytes.NewReader(csv), sheet.Options{})
	require.NoError(t, err)
	assert.Len(t, back.Stages, 4)
}

func TestQuickstartReportsUnwritableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	assert.Error(t, run(filepath.Join(file, "sub"), &bytes.Buffer{}))
}
