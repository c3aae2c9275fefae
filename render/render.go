// Package render turns a journey into documents people and programs read:
// canonical JSON, Mermaid diagrams (a user-journey diagram and a service
// blueprint flowchart), one self-contained HTML page, Markdown and CSV.
//
// A renderer is a value satisfying the one-method Renderer interface; its
// options are plain struct fields whose zero value works:
//
//	err := render.HTML{Language: "vi"}.Render(w, j)
//
// Renderers never modify the journey and are safe for concurrent use. Every
// user-written label is escaped for the target format, so no label can add
// markup, change a diagram or run code in a reader's program.
//
// A Registry looks renderers up by format name. Default returns a fresh
// registry holding the built-in formats; add your own with Register. There
// is no global registration and no package-level mutable state.
package render

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/journeymap/journeymap/journey"
)

// Renderer writes a journey to w in one format.
//
// Implementations must not modify j and must be safe for concurrent use.
type Renderer interface {
	Render(w io.Writer, j *journey.Journey) error
}

// RendererFunc adapts an ordinary function to the Renderer interface.
type RendererFunc func(w io.Writer, j *journey.Journey) error

// Render calls f(w, j).
func (f RendererFunc) Render(w io.Writer, j *journey.Journey) error { return f(w, j) }

// ErrUnknownFormat is returned by Registry.Render for a format name that is
// not registered.
var ErrUnknownFormat = errors.New("render: unknown format")

// ErrNilJourney is returned by the built-in renderers when given a nil journey.
var ErrNilJourney = errors.New("render: nil journey")

// Registry maps format names to renderers. The zero value is an empty
// registry ready to use; Default returns one holding the built-in formats.
// A Registry is safe for concurrent use and must not be copied after first use.
type Registry struct {
	mu        sync.RWMutex
	renderers map[string]Renderer
}

// Default returns a new registry holding the built-in renderers with their
// default options: "json", "mermaid", "mermaid-blueprint", "html",
// "markdown" and "csv". Each call returns a fresh registry, so changing it
// affects nobody else.
func Default() *Registry {
	r := &Registry{}
	r.Register("json", JSON{})
	r.Register("mermaid", Mermaid{})
	r.Register("mermaid-blueprint", MermaidBlueprint{})
	r.Register("html", HTML{})
	r.Register("markdown", Markdown{})
	r.Register("csv", CSV{})
	return r
}

// Register adds renderer under name, replacing any renderer registered
// under that name before. Registering a nil renderer removes the name.
func (r *Registry) Register(name string, renderer Renderer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if renderer == nil {
		delete(r.renderers, name)
		return
	}
	if r.renderers == nil {
		r.renderers = make(map[string]Renderer)
	}
	r.renderers[name] = renderer
}

// Lookup returns the renderer registered under name.
func (r *Registry) Lookup(name string) (Renderer, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	renderer, ok := r.renderers[name]
	return renderer, ok
}

// Formats returns the registered format names in sorted order.
func (r *Registry) Formats() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, len(r.renderers))
	for name := range r.renderers {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Render renders j to w in the named format. An unregistered name is an
// error wrapping ErrUnknownFormat that lists the registered ones.
func (r *Registry) Render(w io.Writer, format string, j *journey.Journey) error {
	renderer, ok := r.Lookup(format)
	if !ok {
		return fmt.Errorf("%w %q (registered: %s)", ErrUnknownFormat, format, strings.Join(r.Formats(), ", "))
	}
	return renderer.Render(w, j)
}
