// Command gen regenerates the schema package's generated files: the JSON
// Schema documents and comments_gen.go, the Go doc comments they are
// described with. Run it with go generate ./schema; it finds the module root
// itself, because comments can only be read from there.
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
	if err := os.Chdir(root); err != nil {
		return err
	}
	c, err := build.Extract(build.Roots()...)
	if err != nil {
		return err
	}
	src, err := build.GoSource("schema", "comments", c)
	if err != nil {
		return err
	}
	files, err := build.Publish(c)
	if err != nil {
		return err
	}
	files["comments_gen.go"] = src
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(root, "schema", name), data, 0o644); err != nil {
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
