package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
)

// request is one request of a table test, with its headers.
type request struct {
	method, target, body string
	header               map[string]string
}

func send(t *testing.T, h http.Handler, q request) response {
	t.Helper()
	req := httptest.NewRequest(q.method, q.target, strings.NewReader(q.body))
	for k, v := range q.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Result().Header, rec.Body.String()}
}

const smallDoc = `{"schema_version":1,"title":"Shop","type":"current_state"}`

// TestEveryStatus sends one request for every status the service answers
// with and checks the status and the body: JSON errors with a path and a
// message saying what is wrong, or the expected success body.
func TestEveryStatus(t *testing.T) {
	srv := NewServer(Options{MaxBytes: 4096, MaxJourneys: 3})
	created := send(t, srv, request{method: "POST", target: "/journeys", body: smallDoc})
	require.Equal(t, http.StatusCreated, created.status, created.body)
	id := idOf(t, created.body)
	at := "/journeys/" + id
	etag := created.header.Get("ETag")
	other := "7d444840-9dc0-41c4-a3a2-8f6a1d9a5a1e"
	json := map[string]string{"Content-Type": "application/json"}
	match := func(tag string) map[string]string {
		return map[string]string{"Content-Type": "application/json", "If-Match": tag}
	}

	tests := []struct {
		why    string
		req    request
		status int
		path   string // of the first problem
		want   string // in the first problem's message, or in the body on success
	}{
		{"a new journey is created", request{"POST", "/journeys", smallDoc, json}, http.StatusCreated, "", `"id":`},
		{"the document is served", request{"GET", at, "", nil}, http.StatusOK, "", `"title":"Shop"`},
		{"an unchanged document is not sent again", request{"GET", at, "", map[string]string{"If-None-Match": etag}}, http.StatusNotModified, "", ""},
		{"a replacement with the current ETag is stored", request{"PUT", at, `{"schema_version":1,"title":"Shop 2","type":"future_state"}`, match(etag)}, http.StatusOK, "", `"id":"` + id + `"`},

		{"malformed JSON", request{"POST", "/journeys", `{"schema_version":1,`, json}, http.StatusBadRequest, "", "end"},
		{"trailing data", request{"POST", "/journeys", smallDoc + ` {}`, json}, http.StatusBadRequest, "", ""},
		{"an unknown language for the page", request{"GET", at + "/html?lang=fr", "", nil}, http.StatusBadRequest, "lang", "lang must be en or vi"},
		{"an unknown language for the schema", request{"GET", "/schema.json?lang=fr", "", nil}, http.StatusBadRequest, "lang", "lang must be en or vi"},
		{"a time that is not RFC 3339", request{"GET", at + "/findings?now=yesterday", "", nil}, http.StatusBadRequest, "now", "RFC 3339"},

		{"an unknown journey", request{"GET", "/journeys/" + other, "", nil}, http.StatusNotFound, "", "no journey " + other},
		{"not an id", request{"GET", "/journeys/not-an-id/html", "", nil}, http.StatusNotFound, "", `no journey "not-an-id"`},
		{"an unknown path", request{"GET", "/nope", "", nil}, http.StatusNotFound, "", `nothing at "/nope"`},
		{"replacing an unknown journey", request{"PUT", "/journeys/" + other, smallDoc, match("*")}, http.StatusNotFound, "", "create journeys with POST"},
		{"deleting an unknown journey", request{"DELETE", "/journeys/" + other, "", match("*")}, http.StatusNotFound, "", "no journey " + other},

		{"a method the list does not take", request{"DELETE", "/journeys", "", nil}, http.StatusMethodNotAllowed, "", `"DELETE" is not allowed on "/journeys" (allowed: GET, HEAD, POST)`},
		{"a method the schema does not take", request{"PUT", "/schema.json", "", nil}, http.StatusMethodNotAllowed, "", "(allowed: GET, HEAD)"},

		{"a replacement from an old version", request{"PUT", at, smallDoc, match(etag)}, http.StatusPreconditionFailed, "", "the journey has changed since"},
		{"a weak tag never matches If-Match", request{"PUT", at, smallDoc, match("W/" + etag)}, http.StatusPreconditionFailed, "", "has changed"},
		{"a delete from an old version", request{"DELETE", at, "", match(etag)}, http.StatusPreconditionFailed, "", "has changed"},

		{"a body over the limit", request{"POST", "/journeys", `{"title":"` + strings.Repeat("x", 5000) + `"}`, json}, http.StatusRequestEntityTooLarge, "", "larger than the limit of 4,096 bytes"},
		{"a replacement over the limit", request{"PUT", at, `{"title":"` + strings.Repeat("x", 5000) + `"}`, match("*")}, http.StatusRequestEntityTooLarge, "", "4,096 bytes"},
		{"not JSON", request{"POST", "/journeys", "hello", map[string]string{"Content-Type": "text/plain"}}, http.StatusUnsupportedMediaType, "", `application/json, not "text/plain"`},

		{"an invalid document", request{"POST", "/journeys", `{"schema_version":1,"title":"x","type":"someday"}`, json}, http.StatusUnprocessableEntity, "type", "someday"},
		{"a replacement naming another journey", request{"PUT", at, `{"schema_version":1,"id":"` + other + `","title":"x","type":"current_state"}`, match("*")}, http.StatusUnprocessableEntity, "id", "is not the id of the journey it replaces"},

		{"a replacement without If-Match", request{"PUT", at, smallDoc, json}, http.StatusPreconditionRequired, "", "send If-Match"},
		{"a delete without If-Match", request{"DELETE", at, "", nil}, http.StatusPreconditionRequired, "", "send If-Match"},

		{"a third journey fills the store", request{"POST", "/journeys", smallDoc, json}, http.StatusCreated, "", `"id":`},
		{"a fourth does not fit", request{"POST", "/journeys", smallDoc, json}, http.StatusInsufficientStorage, "", "the store is full: it holds 3 journeys, its limit"},

		{"the journey is deleted with any version", request{"DELETE", at, "", match("*")}, http.StatusNoContent, "", ""},
		{"and is gone", request{"GET", at, "", nil}, http.StatusNotFound, "", "no journey " + id},
	}
	for _, tt := range tests {
		r := send(t, srv, tt.req)
		if !assert.Equal(t, tt.status, r.status, "%s: %s", tt.why, r.body) {
			continue
		}
		if tt.status >= 400 {
			assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"), tt.why)
			problems := errorsOf(t, r.body)
			require.NotEmpty(t, problems, tt.why)
			assert.Equal(t, tt.path, problems[0].Path, tt.why)
			assert.Contains(t, problems[0].Message, tt.want, tt.why)
			continue
		}
		assert.Contains(t, r.body, tt.want, tt.why)
	}
}

func TestMethodNotAllowedSaysWhatIs(t *testing.T) {
	r := send(t, NewServer(Options{}), request{method: "PATCH", target: "/journeys/7d444840-9dc0-41c4-a3a2-8f6a1d9a5a1e"})
	assert.Equal(t, http.StatusMethodNotAllowed, r.status)
	assert.Equal(t, "DELETE, GET, HEAD, PUT", r.header.Get("Allow"))
	assert.Contains(t, errorsOf(t, r.body)[0].Message, "(allowed: DELETE, GET, HEAD, PUT)")
}

func TestStoreFullOfBytes(t *testing.T) {
	big := `{"schema_version":1,"title":"` + strings.Repeat("x", 600) + `","type":"current_state"}`
	srv := NewServer(Options{MaxStoredBytes: 1000})
	first := send(t, srv, request{method: "POST", target: "/journeys", body: big})
	require.Equal(t, http.StatusCreated, first.status, first.body)
	r := send(t, srv, request{method: "POST", target: "/journeys", body: big})
	assert.Equal(t, http.StatusInsufficientStorage, r.status)
	assert.Contains(t, errorsOf(t, r.body)[0].Message, "would take it past its limit of 1,000 bytes")
	// Replacing the one journey by one as large fits: its old bytes go.
	r = send(t, srv, request{method: "PUT", target: first.header.Get("Location"), body: big, header: map[string]string{"If-Match": "*"}})
	assert.Equal(t, http.StatusOK, r.status, r.body)
	// Deleting it makes room.
	r = send(t, srv, request{method: "DELETE", target: first.header.Get("Location"), header: map[string]string{"If-Match": "*"}})
	require.Equal(t, http.StatusNoContent, r.status, r.body)
	r = send(t, srv, request{method: "POST", target: "/journeys", body: big})
	assert.Equal(t, http.StatusCreated, r.status, r.body)
}

// Two editors start from the same version; the second to save is refused
// and keeps their edit to reapply, and the first editor's work is not lost.
func TestTwoEditors(t *testing.T) {
	srv := NewServer(Options{})
	created := send(t, srv, request{method: "POST", target: "/journeys", body: smallDoc})
	require.Equal(t, http.StatusCreated, created.status)
	at := created.header.Get("Location")
	v1 := send(t, srv, request{method: "GET", target: at}).header.Get("ETag")

	ann := send(t, srv, request{method: "PUT", target: at, body: `{"schema_version":1,"title":"Ann's","type":"current_state"}`, header: map[string]string{"If-Match": v1}})
	require.Equal(t, http.StatusOK, ann.status, ann.body)
	v2 := ann.header.Get("ETag")
	assert.NotEqual(t, v1, v2)

	bob := send(t, srv, request{method: "PUT", target: at, body: `{"schema_version":1,"title":"Bob's","type":"current_state"}`, header: map[string]string{"If-Match": v1}})
	assert.Equal(t, http.StatusPreconditionFailed, bob.status)
	assert.Equal(t, v2, bob.header.Get("ETag"), "the refusal names the current version")
	assert.Contains(t, send(t, srv, request{method: "GET", target: at}).body, `"title":"Ann's"`, "Ann's edit stands")

	// Bob fetches again and reapplies his edit; a list of tags works too.
	bob = send(t, srv, request{method: "PUT", target: at, body: `{"schema_version":1,"title":"Bob's","type":"current_state"}`, header: map[string]string{"If-Match": v1 + ", " + v2}})
	require.Equal(t, http.StatusOK, bob.status, bob.body)
	get := send(t, srv, request{method: "GET", target: at})
	assert.Contains(t, get.body, `"title":"Bob's"`)
	assert.Equal(t, bob.header.Get("ETag"), get.header.Get("ETag"))
	assert.Equal(t, http.StatusPreconditionFailed, send(t, srv, request{method: "DELETE", target: at, header: map[string]string{"If-Match": v2}}).status)
}

// emptyStages is a document of n empty stages, each with two problems (no
// name, no phase), as in the report: 1 MiB of them gave 698,984 errors in a
// 43 MB body.
func emptyStages(n int) string {
	return `{"schema_version":1,"title":"T","type":"current_state","stages":[` + strings.TrimSuffix(strings.Repeat("{},", n), ",") + `]}`
}

func TestInvalidDocumentAnswerIsCapped(t *testing.T) {
	tests := []struct {
		stages, max, listed int
		more                string
	}{
		{10, 0, 20, ""},
		{50, 0, 100, ""},
		{51, 0, 100, "and 2 more problems (the first 100 are listed)"},
		{340_000, 0, 100, "and 679,900 more problems (the first 100 are listed)"},
		{1000, 5, 5, "and 1,995 more problems (the first 5 are listed)"},
	}
	for _, tt := range tests {
		doc := emptyStages(tt.stages)
		srv := NewServer(Options{MaxProblems: tt.max, MaxBytes: int64(len(doc))})
		r := send(t, srv, request{method: "POST", target: "/journeys", body: doc})
		require.Equal(t, http.StatusUnprocessableEntity, r.status, tt.stages)
		problems := errorsOf(t, r.body)
		wantLen := tt.listed
		if tt.more != "" {
			wantLen++
			assert.Equal(t, Problem{Message: tt.more}, problems[len(problems)-1], tt.stages)
		}
		assert.Len(t, problems, wantLen, tt.stages)
		assert.Equal(t, "stages[0].name", problems[0].Path)
		assert.Less(t, len(r.body), 120*(tt.listed+1), "%d stages: the body stays small", tt.stages)
		t.Logf("%d stages (%d bytes): 422 body of %d bytes, %d entries", tt.stages, len(doc), len(r.body), len(problems))
	}
}

// The capped list costs the same whatever the number of problems: only the
// listed entries are built.
func TestCappedProblemsAllocateForTheCapOnly(t *testing.T) {
	list := func(n int) error {
		l := make(docerr.List, n)
		for i := range l {
			l[i] = &docerr.Error{Path: fmt.Sprintf("stages[%d].name", i), Err: docerr.ErrInvalid, Detail: "name is required"}
		}
		return l
	}
	small, large := list(200), list(200_000)
	allocs := func(err error) float64 {
		return testing.AllocsPerRun(20, func() { _ = problems(err, DefaultMaxProblems) })
	}
	a, b := allocs(small), allocs(large)
	slack := 0.0
	if raceEnabled {
		slack = 3
	}
	assert.InDelta(t, a, b, slack, "allocations do not grow with the problems left out")
	assert.LessOrEqual(t, b, 10.0+slack)
	assert.Len(t, problems(large, DefaultMaxProblems), DefaultMaxProblems+1)
}

func TestHTTPServerTimeouts(t *testing.T) {
	s := NewHTTPServer("127.0.0.1:0", NewServer(Options{}))
	for name, d := range map[string]any{
		"ReadHeaderTimeout": s.ReadHeaderTimeout, "ReadTimeout": s.ReadTimeout,
		"WriteTimeout": s.WriteTimeout, "IdleTimeout": s.IdleTimeout,
	} {
		assert.Positive(t, d, name)
	}
	assert.Less(t, s.ReadHeaderTimeout, s.ReadTimeout, "headers come before the body")
}
