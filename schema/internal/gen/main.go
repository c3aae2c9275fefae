// Command gen regenerates the schema package's generated files: the JSON
// Schema documents, in English and in every other language of the catalogs.
// Run it with go generate ./schema; it finds the module root itself.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/journeymap/journeymap/schema/internal/build"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	files, err := build.Publish()
	if err != nil {
		return err
	}
	for name, data := range files {
		path := filepath.Join(root, "schema", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleRoot returns the nearest directory at or above the working directory
// holding a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
