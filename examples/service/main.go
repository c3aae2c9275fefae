// Service is a small net/http service that embeds journeymap: it stores
// journeys in memory, accepts documents by POST (size-limited, strictly
// decoded, validated) and serves each journey as JSON, Mermaid and HTML,
// plus the JSON Schema front ends validate against.
//
//	go run ./examples/service -addr localhost:8080
//
//	POST /journeys                  store a document: 201 {"id": …}, Location: /journeys/{id};
//	                                400 malformed JSON, 413 too large, 415 not JSON, 409 id taken,
//	                                422 {"errors":[{"path","message"}]} when the document is invalid
//	GET  /journeys                  [{"id","title","type"}] in the order stored
//	GET  /journeys/{id}             the canonical JSON document
//	GET  /journeys/{id}/mermaid     a Mermaid journey diagram
//	GET  /journeys/{id}/html        a self-contained HTML page (?lang=vi for Vietnamese words)
//	GET  /journeys/{id}/findings    the gap findings and the friction score as JSON, each finding
//	                                with a title for people (?lang=en|vi, default the document's
//	                                language; ?now=RFC3339 checks review dates)
//	GET  /schema.json               the JSON Schema of the document
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"log"
	"mime"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/schema"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	srv := &http.Server{
		Addr:              *addr,
		Handler:           NewServer(Options{}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	log.Printf("journeymap service listening on http://%s", *addr)
	log.Fatal(srv.ListenAndServe())
}

// DefaultMaxBytes is the largest document accepted when Options.MaxBytes is zero.
const DefaultMaxBytes = 1 << 20

// Options configure the server. The zero value accepts documents up to
// DefaultMaxBytes.
type Options struct {
	// MaxBytes is the largest request body accepted.
	MaxBytes int64
}

// Server is the HTTP handler with its in-memory store.
type Server struct {
	mux      *http.ServeMux
	maxBytes int64

	mu       sync.RWMutex
	journeys map[uuid.UUID]*journey.Journey
	order    []uuid.UUID
}

// NewServer returns a server with an empty store.
func NewServer(opts Options) *Server {
	s := &Server{mux: http.NewServeMux(), maxBytes: opts.MaxBytes, journeys: map[uuid.UUID]*journey.Journey{}}
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	s.mux.HandleFunc("POST /journeys", s.create)
	s.mux.HandleFunc("GET /journeys", s.list)
	s.mux.HandleFunc("GET /journeys/{id}", s.render("json"))
	s.mux.HandleFunc("GET /journeys/{id}/mermaid", s.render("mermaid"))
	s.mux.HandleFunc("GET /journeys/{id}/html", s.render("html"))
	s.mux.HandleFunc("GET /journeys/{id}/findings", s.findings)
	s.mux.HandleFunc("GET /schema.json", serveSchema)
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

// Problem is one entry of an error response: the JSON path of the value
// concerned ("" for the whole document) and what is wrong.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// ErrorResponse is the body of every error response.
type ErrorResponse struct {
	Errors []Problem `json:"errors"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		log.Printf("writing response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, path, message string) {
	writeJSON(w, status, ErrorResponse{Errors: []Problem{{Path: path, Message: message}}})
}

// problems lists every problem of a decode or validation error with its path.
func problems(err error) []Problem {
	var list docerr.List
	if errors.As(err, &list) {
		out := make([]Problem, len(list))
		for i, e := range list {
			msg := e.Detail
			if msg == "" {
				msg = e.Err.Error()
			}
			out[i] = Problem{Path: e.Path, Message: msg}
		}
		return out
	}
	var one *docerr.Error
	if errors.As(err, &one) {
		msg := one.Detail
		if msg == "" {
			msg = one.Err.Error()
		}
		return []Problem{{Path: one.Path, Message: msg}}
	}
	return []Problem{{Message: err.Error()}}
}

// statusOf maps a decode error to its HTTP status: 413 for a body over the
// limit, 400 when the body is not a well-formed JSON document, 422 when it
// is JSON but not a valid journey.
func statusOf(err error) int {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig), errors.Is(err, journey.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, journey.ErrSyntax), errors.Is(err, journey.ErrTooDeep),
		errors.Is(err, journey.ErrInvalidUTF8), errors.Is(err, journey.ErrTrailingData):
		return http.StatusBadRequest
	}
	var list docerr.List
	var one *docerr.Error
	if errors.As(err, &list) || errors.As(err, &one) {
		return http.StatusUnprocessableEntity
	}
	return http.StatusBadRequest
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "", "send the document as application/json")
			return
		}
	}
	body := http.MaxBytesReader(w, r.Body, s.maxBytes)
	j, err := journey.Decode(body, journey.DecodeOptions{MaxBytes: s.maxBytes})
	if err == nil {
		err = j.Validate()
	}
	if err != nil {
		writeJSON(w, statusOf(err), ErrorResponse{Errors: problems(err)})
		return
	}
	s.mu.Lock()
	if _, taken := s.journeys[j.ID]; taken {
		s.mu.Unlock()
		writeError(w, http.StatusConflict, "id", "a journey with id "+j.ID.String()+" is already stored")
		return
	}
	s.journeys[j.ID] = j
	s.order = append(s.order, j.ID)
	s.mu.Unlock()
	w.Header().Set("Location", "/journeys/"+j.ID.String())
	writeJSON(w, http.StatusCreated, map[string]string{"id": j.ID.String()})
}

// Summary is one entry of GET /journeys.
type Summary struct {
	ID    uuid.UUID    `json:"id"`
	Title string       `json:"title"`
	Type  journey.Type `json:"type"`
}

func (s *Server) list(w http.ResponseWriter, _ *http.Request) {
	s.mu.RLock()
	out := make([]Summary, 0, len(s.order))
	for _, id := range s.order {
		j := s.journeys[id]
		out = append(out, Summary{ID: j.ID, Title: j.Title, Type: j.Type})
	}
	s.mu.RUnlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) lookup(w http.ResponseWriter, r *http.Request) *journey.Journey {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusNotFound, "", "no journey "+r.PathValue("id"))
		return nil
	}
	s.mu.RLock()
	j := s.journeys[id]
	s.mu.RUnlock()
	if j == nil {
		writeError(w, http.StatusNotFound, "", "no journey "+id.String())
	}
	return j
}

var contentTypes = map[string]string{
	"json":    "application/json; charset=utf-8",
	"mermaid": "text/plain; charset=utf-8",
	"html":    "text/html; charset=utf-8",
}

// render serves a stored journey in format. Stored journeys are never
// changed, so rendering needs no lock.
func (s *Server) render(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		j := s.lookup(w, r)
		if j == nil {
			return
		}
		var renderer render.Renderer
		switch format {
		case "html":
			lang := r.URL.Query().Get("lang")
			if lang != "" && lang != "en" && lang != "vi" {
				writeError(w, http.StatusBadRequest, "", "lang must be en or vi")
				return
			}
			renderer = render.HTML{Language: lang}.WithReport(j, analysis.Options{})
		default:
			renderer, _ = render.Default().Lookup(format)
		}
		var b bytes.Buffer
		if err := renderer.Render(&b, j); err != nil {
			writeError(w, http.StatusInternalServerError, "", err.Error())
			return
		}
		w.Header().Set("Content-Type", contentTypes[format])
		if _, err := w.Write(b.Bytes()); err != nil {
			log.Printf("writing response: %v", err)
		}
	}
}

// Finding is one gap finding as the findings endpoint serves it: the
// analysis.Finding with titles for people in the language asked for, so a
// front end can group and label findings without a word table of its own.
type Finding struct {
	analysis.Finding
	// Title names the code: "Touchpoint without an owner".
	Title string `json:"title"`
	// SeverityTitle names the severity: "Warning", "Cảnh báo".
	SeverityTitle string `json:"severity_title"`
}

// Findings is the body of the findings endpoint.
type Findings struct {
	// Language is the language of the messages and titles: en or vi.
	Language string `json:"language"`
	// Friction is the journey's friction score, from 0 (smooth) to 1.
	Friction float64   `json:"friction"`
	Findings []Finding `json:"findings"`
}

// findings analyses a stored journey: ?lang=en|vi (default: the document's
// language), ?now=RFC3339 to check review dates.
func (s *Server) findings(w http.ResponseWriter, r *http.Request) {
	j := s.lookup(w, r)
	if j == nil {
		return
	}
	q := r.URL.Query()
	lang := q.Get("lang")
	switch lang {
	case "en", "vi":
	case "":
		lang = "en"
		if journey.IsVietnamese(j.Language) {
			lang = "vi"
		}
	default:
		writeError(w, http.StatusBadRequest, "", "lang must be en or vi")
		return
	}
	opts := analysis.Options{Language: lang}
	if now := q.Get("now"); now != "" {
		t, err := time.Parse(time.RFC3339, now)
		if err != nil {
			writeError(w, http.StatusBadRequest, "", "now must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z")
			return
		}
		opts.Now = t
	}
	rep := analysis.Analyze(j, opts)
	out := Findings{Language: lang, Friction: rep.Friction.Score, Findings: make([]Finding, len(rep.Findings))}
	for i, f := range rep.Findings {
		title, _ := analysis.CodeTitle(f.Code, lang)
		out.Findings[i] = Finding{Finding: f, Title: title, SeverityTitle: f.Severity.Title(lang)}
	}
	writeJSON(w, http.StatusOK, out)
}

func serveSchema(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/schema+json")
	if _, err := w.Write(schema.Journey()); err != nil {
		log.Printf("writing response: %v", err)
	}
}
