// Service is a small net/http service that embeds journeymap: it stores
// journeys in memory, accepts documents by POST and PUT (size-limited,
// strictly decoded, validated), and serves each journey as JSON, Mermaid and
// HTML, its findings, and the JSON Schema front ends validate against.
//
//	go run ./examples/service -addr localhost:8080
//
//	POST   /journeys               store a new journey: 201 {"id": …}, Location: /journeys/{id}, ETag.
//	                               POST always stores the document under a fresh random id: an id in
//	                               the body is the id of the document it was copied from, so two
//	                               people posting the same starting document get two journeys.
//	GET    /journeys               [{"id","title","type"}] in the order stored
//	GET    /journeys/{id}          the canonical JSON document, with its ETag (If-None-Match: 304)
//	PUT    /journeys/{id}          replace the journey: If-Match with the ETag of the version the
//	                               edit started from (or *) is required; 200 {"id"} and the new ETag.
//	                               The body's id, when given, must be the journey's.
//	DELETE /journeys/{id}          remove the journey: If-Match required as for PUT; 204
//	GET    /journeys/{id}/mermaid  a Mermaid journey diagram
//	GET    /journeys/{id}/html     a self-contained HTML page (?lang=vi for Vietnamese words)
//	GET    /journeys/{id}/findings the gap findings and the friction score as JSON, each finding
//	                               with a title for people (?lang=en|vi, default the document's
//	                               language; ?now=RFC3339 checks review dates)
//	GET    /schema.json            the JSON Schema of the document (?lang=vi for Vietnamese titles)
//
// Every error, whatever its status, is {"errors":[{"path","message"}]}: the
// JSON path of the value concerned ("" for the request as a whole) and what
// is wrong. 400 malformed JSON or query; 404 no such journey or resource;
// 405 method not allowed (with Allow); 412 the journey changed since the
// ETag given; 413 body over the limit (the message states it); 415 not
// JSON; 422 an invalid document, at most Options.MaxProblems problems listed
// and one more entry counting the rest ("and 698,884 more problems"); 428
// If-Match missing; 507 the store is full (its journey count or its bytes).
//
// Limits (Options, each with a default): a request body of 1 MiB, 1,000
// journeys, 64 MiB of stored documents (their canonical JSON; documents are
// kept encoded and decoded per request, so the store's memory is its bytes),
// 100 problems in a 422 body, and as many documents decoded and validated
// at once as there are CPUs (a 1 MiB document with 680,000 problems takes
// about 300 MB while it is checked). The HTTP server sets ReadHeaderTimeout,
// ReadTimeout, WriteTimeout and IdleTimeout (NewHTTPServer).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/journeymap/journeymap/analysis"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/internal/numfmt"
	"github.com/journeymap/journeymap/internal/safetext"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
	"github.com/journeymap/journeymap/schema"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	srv := NewHTTPServer(*addr, NewServer(Options{}))
	log.Printf("journeymap service listening on http://%s", *addr)
	log.Fatal(srv.ListenAndServe())
}

// The server's timeouts: a client gets this long to send its headers, its
// whole request, to read the answer, and to keep an idle connection.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 2 * time.Minute
)

// NewHTTPServer returns an http.Server for h on addr with every timeout set,
// so a slow or silent client cannot hold a connection open forever.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
	}
}

// The limits used when an Options field is zero.
const (
	DefaultMaxBytes       = 1 << 20
	DefaultMaxJourneys    = 1000
	DefaultMaxStoredBytes = 64 << 20
	DefaultMaxProblems    = 100
)

// Options configure the server. The zero value uses the defaults.
type Options struct {
	// MaxBytes is the largest request body accepted (DefaultMaxBytes).
	MaxBytes int64
	// MaxJourneys is how many journeys the store keeps at most
	// (DefaultMaxJourneys).
	MaxJourneys int
	// MaxStoredBytes bounds the sum of the stored documents' sizes, in
	// canonical JSON (DefaultMaxStoredBytes).
	MaxStoredBytes int64
	// MaxProblems is how many problems a 422 body lists at most; one more
	// entry counts the rest (DefaultMaxProblems).
	MaxProblems int
	// MaxDecoding is how many documents are decoded and validated, or
	// rendered and analysed, at once (default: runtime.GOMAXPROCS). The work is CPU-bound, so more
	// would not be faster, and a document near the size limit can take a few
	// hundred megabytes while it is checked: the others wait their turn
	// (their bodies already read, at most MaxBytes each).
	MaxDecoding int
}

// entry is one stored journey: its canonical JSON, which is all the store
// keeps of it, and what the list and the preconditions need.
type entry struct {
	data    []byte // canonical JSON and a newline
	etag    string // strong entity tag of data, quoted
	summary Summary
}

// Server is the HTTP handler with its in-memory store.
type Server struct {
	mux      *http.ServeMux
	opts     Options
	decoding chan struct{} // a slot per document being decoded

	mu       sync.RWMutex
	journeys map[uuid.UUID]*entry
	order    []uuid.UUID
	stored   int64 // sum of len(entry.data)
}

// NewServer returns a server with an empty store.
func NewServer(opts Options) *Server {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxJourneys <= 0 {
		opts.MaxJourneys = DefaultMaxJourneys
	}
	if opts.MaxStoredBytes <= 0 {
		opts.MaxStoredBytes = DefaultMaxStoredBytes
	}
	if opts.MaxProblems <= 0 {
		opts.MaxProblems = DefaultMaxProblems
	}
	if opts.MaxDecoding <= 0 {
		opts.MaxDecoding = runtime.GOMAXPROCS(0)
	}
	s := &Server{mux: http.NewServeMux(), opts: opts, journeys: map[uuid.UUID]*entry{}, decoding: make(chan struct{}, opts.MaxDecoding)}
	s.mux.HandleFunc("POST /journeys", s.create)
	s.mux.HandleFunc("GET /journeys", s.list)
	s.mux.HandleFunc("GET /journeys/{id}", s.get)
	s.mux.HandleFunc("PUT /journeys/{id}", s.replace)
	s.mux.HandleFunc("DELETE /journeys/{id}", s.remove)
	s.mux.HandleFunc("GET /journeys/{id}/mermaid", s.render("mermaid"))
	s.mux.HandleFunc("GET /journeys/{id}/html", s.render("html"))
	s.mux.HandleFunc("GET /journeys/{id}/findings", s.findings)
	s.mux.HandleFunc("GET /schema.json", serveSchema)
	return s
}

// ServeHTTP implements http.Handler. Requests that match no route get the
// same JSON error body as every other error: 404, or 405 with Allow.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if h, pattern := s.mux.Handler(r); pattern == "" {
		// The mux's own 404 or 405 handler: learn which, answer in JSON.
		rec := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		where := safetext.Quote(r.URL.Path)
		if rec.status == http.StatusMethodNotAllowed {
			allow := rec.header.Get("Allow")
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "", fmt.Sprintf("%s is not allowed on %s (allowed: %s)", safetext.Quote(r.Method), where, allow))
			return
		}
		writeError(w, http.StatusNotFound, "", "nothing at "+where)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// statusRecorder keeps the status and headers a handler writes and drops
// its body.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header { return r.header }
func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}
func (r *statusRecorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return len(b), nil
}

// Problem is one entry of an error response: the JSON path of the value
// concerned ("" for the request as a whole) and what is wrong.
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

// count writes n for people: 698,884.
func count(n int) string { return numfmt.English.Format(float64(n)) }

// problems lists the problems of a decode or validation error with their
// paths: at most max of them, and then one entry that counts the rest, so
// the answer to a document with a million problems is a few kilobytes. Only
// the entries listed are built.
func problems(err error, max int) []Problem {
	var list docerr.List
	if errors.As(err, &list) {
		total := list.Count() // the library lists its own cap and counts the rest
		if list.Omitted() > 0 {
			list = list[:len(list)-1]
		}
		n := min(len(list), max)
		out := make([]Problem, n, n+1)
		for i, e := range list[:n] {
			out[i] = problem(e)
		}
		if rest := total - n; rest > 0 {
			out = append(out, Problem{Message: fmt.Sprintf("and %s more problems (the first %s are listed)", count(rest), count(n))})
		}
		return out
	}
	var one *docerr.Error
	if errors.As(err, &one) {
		return []Problem{problem(one)}
	}
	return []Problem{{Message: err.Error()}}
}

func problem(e *docerr.Error) Problem {
	msg := e.Detail
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return Problem{Path: e.Path, Message: msg}
}

// statusOf maps a decode error to its HTTP status: 413 for a body over the
// limit, 400 when the body is not a well-formed JSON document, 422 when it
// is JSON but not a valid journey.
func statusOf(err error) int {
	switch {
	case errors.Is(err, docerr.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, docerr.ErrSyntax), errors.Is(err, docerr.ErrTooDeep),
		errors.Is(err, docerr.ErrInvalidUTF8), errors.Is(err, docerr.ErrTrailingData):
		return http.StatusBadRequest
	}
	var list docerr.List
	var one *docerr.Error
	if errors.As(err, &list) || errors.As(err, &one) {
		return http.StatusUnprocessableEntity
	}
	return http.StatusBadRequest
}

// readDocument reads, decodes and validates the request's document. On any
// problem it writes the error response and returns ok false. explicitID
// tells whether the body gave the journey's id (the decoder fills one in
// otherwise).
func (s *Server) readDocument(w http.ResponseWriter, r *http.Request) (j *journey.Journey, explicitID bool, ok bool) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "", "send the document as application/json, not "+safetext.Quote(ct))
			return nil, false, false
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("the document is larger than the limit of %s bytes", count(int(tooBig.Limit))))
			return nil, false, false
		}
		writeError(w, http.StatusBadRequest, "", "reading the body: "+err.Error())
		return nil, false, false
	}
	j, err = s.decode(r, body)
	if err != nil {
		if r.Context().Err() == nil {
			writeJSON(w, statusOf(err), ErrorResponse{Errors: problems(err, s.opts.MaxProblems)})
		}
		return nil, false, false
	}
	// The decoder accepted the document, so its top level is an object with
	// at most one "id".
	var top struct {
		ID json.RawMessage `json:"id"`
	}
	explicitID = json.Unmarshal(body, &top) == nil && top.ID != nil
	return j, explicitID, true
}

// decode decodes and validates body once a decoding slot is free (see
// Options.MaxDecoding); it gives up when the client does. Rendering and
// analysing a stored journey take a slot too.
func (s *Server) decode(r *http.Request, body []byte) (*journey.Journey, error) {
	if !s.acquire(r) {
		return nil, r.Context().Err()
	}
	defer s.release()
	j, err := journey.Decode(bytes.NewReader(body), journey.DecodeOptions{MaxBytes: s.opts.MaxBytes, MaxProblems: s.opts.MaxProblems})
	if err == nil {
		err = j.ValidateWith(journey.ValidateOptions{MaxProblems: s.opts.MaxProblems})
	}
	return j, err
}

// acquire waits for a decoding slot; it returns false when the client gives
// up first.
func (s *Server) acquire(r *http.Request) bool {
	select {
	case s.decoding <- struct{}{}:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (s *Server) release() { <-s.decoding }

// encode returns the stored form of j: its canonical JSON and a newline.
func encode(w http.ResponseWriter, j *journey.Journey) ([]byte, bool) {
	data, err := journey.Marshal(j)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "", "encoding the journey: "+err.Error())
		return nil, false
	}
	return append(data, '\n'), true
}

// etagOf returns the strong entity tag of a stored document: a digest of
// its bytes.
func etagOf(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// full returns the message for a store that cannot take size more bytes in
// addition to what it holds (replacing a journey of old bytes), or "".
func (s *Server) full(adding bool, size, old int64) string {
	if adding && len(s.journeys) >= s.opts.MaxJourneys {
		return fmt.Sprintf("the store is full: it holds %s journeys, its limit; delete one before adding another", count(len(s.journeys)))
	}
	if s.stored-old+size > s.opts.MaxStoredBytes {
		return fmt.Sprintf("the store is full: this journey (%s bytes) would take it past its limit of %s bytes (it holds %s); delete journeys first",
			count(int(size)), count(int(s.opts.MaxStoredBytes)), count(int(s.stored)))
	}
	return ""
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	j, _, ok := s.readDocument(w, r)
	if !ok {
		return
	}
	id, err := uuid.NewRandom()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "", "making an id: "+err.Error())
		return
	}
	j.ID = id
	data, ok := encode(w, j)
	if !ok {
		return
	}
	e := &entry{data: data, etag: etagOf(data), summary: Summary{ID: id, Title: j.Title, Type: j.Type}}
	s.mu.Lock()
	if msg := s.full(true, int64(len(data)), 0); msg != "" {
		s.mu.Unlock()
		writeError(w, http.StatusInsufficientStorage, "", msg)
		return
	}
	s.journeys[id] = e
	s.order = append(s.order, id)
	s.stored += int64(len(data))
	s.mu.Unlock()
	w.Header().Set("Location", "/journeys/"+id.String())
	w.Header().Set("ETag", e.etag)
	writeJSON(w, http.StatusCreated, map[string]string{"id": id.String()})
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
		out = append(out, s.journeys[id].summary)
	}
	s.mu.RUnlock()
	writeJSON(w, http.StatusOK, out)
}

// pathID returns the journey id of the request's path, or writes 404.
func pathID(w http.ResponseWriter, r *http.Request) (uuid.UUID, bool) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil || len(r.PathValue("id")) != 36 {
		writeError(w, http.StatusNotFound, "", "no journey "+safetext.Quote(r.PathValue("id"))+": ids are UUIDs such as 7d444840-9dc0-41c4-a3a2-8f6a1d9a5a1e")
		return uuid.Nil, false
	}
	return id, true
}

// lookup returns the stored entry of the request's journey, or writes 404.
// An entry is never changed once stored (PUT stores a new one), so it can be
// read without the lock.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) *entry {
	id, ok := pathID(w, r)
	if !ok {
		return nil
	}
	s.mu.RLock()
	e := s.journeys[id]
	s.mu.RUnlock()
	if e == nil {
		writeError(w, http.StatusNotFound, "", "no journey "+id.String())
	}
	return e
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	e := s.lookup(w, r)
	if e == nil {
		return
	}
	w.Header().Set("ETag", e.etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && matches(inm, e.etag, true) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if _, err := w.Write(e.data); err != nil {
		log.Printf("writing response: %v", err)
	}
}

// matches reports whether the entity tag list of an If-Match or
// If-None-Match header holds etag ("*" holds any). If-Match compares
// strongly: a weak tag (W/"…") never matches; If-None-Match compares weakly.
func matches(header, etag string, weak bool) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if weak {
			tag = strings.TrimPrefix(tag, "W/")
		}
		if tag == "*" || tag == etag {
			return true
		}
	}
	return false
}

// precondition checks the If-Match header of a write against the stored
// entry e, and writes 428 or 412 when it fails.
func precondition(w http.ResponseWriter, r *http.Request, e *entry) bool {
	im := r.Header.Get("If-Match")
	if im == "" {
		writeError(w, http.StatusPreconditionRequired, "", "send If-Match with the ETag of the version you edited (from GET), or If-Match: * to overwrite whatever is stored")
		return false
	}
	if !matches(im, e.etag, false) {
		w.Header().Set("ETag", e.etag)
		writeError(w, http.StatusPreconditionFailed, "", "the journey has changed since "+safetext.Quote(im)+": it is now "+e.etag+"; fetch it again and reapply your edit")
		return false
	}
	return true
}

func (s *Server) replace(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	if r.Header.Get("If-Match") == "" {
		precondition(w, r, nil)
		return
	}
	j, explicitID, ok := s.readDocument(w, r)
	if !ok {
		return
	}
	if explicitID && j.ID != id {
		writeError(w, http.StatusUnprocessableEntity, "id", "the document's id "+j.ID.String()+" is not the id of the journey it replaces ("+id.String()+"): leave id out or send "+id.String())
		return
	}
	j.ID = id
	data, ok := encode(w, j)
	if !ok {
		return
	}
	e := &entry{data: data, etag: etagOf(data), summary: Summary{ID: id, Title: j.Title, Type: j.Type}}
	s.mu.Lock()
	old := s.journeys[id]
	switch {
	case old == nil:
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "", "no journey "+id.String()+": create journeys with POST /journeys")
		return
	case !precondition(w, r, old):
		s.mu.Unlock()
		return
	}
	if msg := s.full(false, int64(len(data)), int64(len(old.data))); msg != "" {
		s.mu.Unlock()
		writeError(w, http.StatusInsufficientStorage, "", msg)
		return
	}
	s.journeys[id] = e
	s.stored += int64(len(data)) - int64(len(old.data))
	s.mu.Unlock()
	w.Header().Set("ETag", e.etag)
	writeJSON(w, http.StatusOK, map[string]string{"id": id.String()})
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.journeys[id]
	if old == nil {
		writeError(w, http.StatusNotFound, "", "no journey "+id.String())
		return
	}
	if !precondition(w, r, old) {
		return
	}
	delete(s.journeys, id)
	s.order = slices.DeleteFunc(s.order, func(x uuid.UUID) bool { return x == id })
	s.stored -= int64(len(old.data))
	w.WriteHeader(http.StatusNoContent)
}

var contentTypes = map[string]string{
	"mermaid": "text/plain; charset=utf-8",
	"html":    "text/html; charset=utf-8",
}

// decodeStored decodes a stored document; it was validated when stored.
func decodeStored(w http.ResponseWriter, e *entry) *journey.Journey {
	j, err := journey.Unmarshal(e.data)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "", "decoding the stored journey: "+err.Error())
		return nil
	}
	return j
}

// langParam reads the lang query parameter: empty, or a BCP 47 tag of a
// language package i18n speaks ("en", "vi", "vi-VN"). Any other answers
// 400 naming the languages, and ok is false.
func langParam(w http.ResponseWriter, r *http.Request) (lang string, ok bool) {
	lang = r.URL.Query().Get("lang")
	if _, known := i18n.Parse(lang); lang != "" && !known {
		var names []string
		for _, l := range i18n.Languages() {
			names = append(names, l.String())
		}
		writeError(w, http.StatusBadRequest, "lang", "lang must be "+strings.Join(names, " or "))
		return "", false
	}
	return lang, true
}

// render serves a stored journey in format.
func (s *Server) render(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		e := s.lookup(w, r)
		if e == nil {
			return
		}
		var renderer render.Renderer
		switch format {
		case "html":
			lang, ok := langParam(w, r)
			if !ok {
				return
			}
			renderer = render.HTML{Language: lang}
		default:
			renderer, _ = render.Default().Lookup(format)
		}
		if !s.acquire(r) {
			return
		}
		defer s.release()
		j := decodeStored(w, e)
		if j == nil {
			return
		}
		if h, ok := renderer.(render.HTML); ok {
			renderer = h.WithReport(j, analysis.Options{})
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
	e := s.lookup(w, r)
	if e == nil || !s.acquire(r) {
		return
	}
	defer s.release()
	j := decodeStored(w, e)
	if j == nil {
		return
	}
	q := r.URL.Query()
	asked, ok := langParam(w, r)
	if !ok {
		return
	}
	lang := i18n.Resolve(asked, j.Language).String()
	opts := analysis.Options{Language: lang}
	if now := q.Get("now"); now != "" {
		t, err := time.Parse(time.RFC3339, now)
		if err != nil {
			writeError(w, http.StatusBadRequest, "now", "now must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z")
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

// serveSchema serves the journey schema, in Vietnamese with ?lang=vi.
func serveSchema(w http.ResponseWriter, r *http.Request) {
	data, err := schema.Lookup("journey", r.URL.Query().Get("lang"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "lang", "lang must be "+strings.Join(schema.Languages(), " or "))
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	if _, err := w.Write(data); err != nil {
		log.Printf("writing response: %v", err)
	}
}
