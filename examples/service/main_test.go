package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

const example = "../journeys/ecommerce-current.json"

func readExample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(example)
	require.NoError(t, err)
	return string(data)
}

type response struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, h http.Handler, method, target, contentType, body string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	data, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return response{res.StatusCode, res.Header, string(data)}
}

func errorsOf(t *testing.T, body string) []Problem {
	t.Helper()
	var er ErrorResponse
	require.NoError(t, json.Unmarshal([]byte(body), &er), body)
	return er.Errors
}

// stored returns the canonical encoding of doc stored under id, as GET serves it.
func stored(t *testing.T, doc, id string) string {
	t.Helper()
	j, err := journey.Unmarshal([]byte(doc))
	require.NoError(t, err)
	j.ID = uuid.MustParse(id)
	canonical, err := journey.Marshal(j)
	require.NoError(t, err)
	return string(canonical) + "\n"
}

func idOf(t *testing.T, body string) string {
	t.Helper()
	var created struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &created), body)
	require.NotEmpty(t, created.ID, body)
	return created.ID
}

func TestStoreAndServe(t *testing.T) {
	srv := NewServer(Options{})
	doc := readExample(t)
	original, err := journey.Unmarshal([]byte(doc))
	require.NoError(t, err)

	r := do(t, srv, "POST", "/journeys", "application/json", doc)
	require.Equal(t, http.StatusCreated, r.status, r.body)
	id := idOf(t, r.body)
	assert.NotEqual(t, original.ID.String(), id, "POST stores under a fresh id, not the document's")
	assert.Equal(t, "/journeys/"+id, r.header.Get("Location"))
	assert.NotEmpty(t, r.header.Get("ETag"))

	get := do(t, srv, "GET", "/journeys/"+id, "", "")
	require.Equal(t, http.StatusOK, get.status)
	assert.Equal(t, "application/json; charset=utf-8", get.header.Get("Content-Type"))
	assert.True(t, stored(t, doc, id) == get.body, "served as the canonical encoding, under the new id")
	assert.Equal(t, r.header.Get("ETag"), get.header.Get("ETag"), "the ETag of the stored version")

	// Two people posting the same starting document get two journeys.
	again := do(t, srv, "POST", "/journeys", "application/json; charset=utf-8", doc)
	require.Equal(t, http.StatusCreated, again.status, again.body)
	assert.NotEqual(t, id, idOf(t, again.body))

	r = do(t, srv, "GET", "/journeys/"+id+"/mermaid", "", "")
	require.Equal(t, http.StatusOK, r.status)
	assert.True(t, strings.HasPrefix(r.body, "journey\n"), r.body)

	r = do(t, srv, "GET", "/journeys/"+id+"/html", "", "")
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "text/html; charset=utf-8", r.header.Get("Content-Type"))
	assert.Equal(t, "nosniff", r.header.Get("X-Content-Type-Options"))
	assert.Contains(t, r.body, "Sải Bước")
	vi := do(t, srv, "GET", "/journeys/"+id+"/html?lang=vi", "", "")
	assert.Equal(t, http.StatusOK, vi.status)
	assert.NotEqual(t, r.body, vi.body)

	r = do(t, srv, "GET", "/journeys", "", "")
	require.Equal(t, http.StatusOK, r.status)
	var list []Summary
	require.NoError(t, json.Unmarshal([]byte(r.body), &list))
	require.Len(t, list, 2)
	assert.Equal(t, original.Title, list[0].Title)
	assert.Equal(t, id, list[0].ID.String())

	r = do(t, srv, "GET", "/schema.json", "", "")
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "application/schema+json", r.header.Get("Content-Type"))
	assert.Equal(t, string(schema.Journey()), r.body)
	r = do(t, srv, "GET", "/schema.json?lang=vi", "", "")
	require.Equal(t, http.StatusOK, r.status)
	want, err := schema.Lookup("journey", "vi")
	require.NoError(t, err)
	assert.Equal(t, string(want), r.body)
}

func TestFindings(t *testing.T) {
	srv := NewServer(Options{})
	en := do(t, srv, "POST", "/journeys", "application/json", readExample(t))
	require.Equal(t, http.StatusCreated, en.status, en.body)
	cvj, err := os.ReadFile("../journeys/cvj-vi.json")
	require.NoError(t, err)
	vi := do(t, srv, "POST", "/journeys", "application/json", string(cvj))
	require.Equal(t, http.StatusCreated, vi.status, vi.body)

	get := func(target string) Findings {
		t.Helper()
		r := do(t, srv, "GET", target, "", "")
		require.Equal(t, http.StatusOK, r.status, r.body)
		assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
		var f Findings
		require.NoError(t, json.Unmarshal([]byte(r.body), &f), r.body)
		return f
	}
	enPath := en.header.Get("Location") + "/findings"
	viPath := vi.header.Get("Location") + "/findings"

	f := get(enPath)
	assert.Equal(t, "en", f.Language)
	assert.Greater(t, f.Friction, 0.0)
	require.NotEmpty(t, f.Findings)
	byCode := map[string]Finding{}
	for _, x := range f.Findings {
		byCode[x.Code] = x
	}
	owner, ok := byCode["touchpoint.no_owner"]
	require.True(t, ok, "the example has a touchpoint without owner: %v", f.Findings)
	assert.Equal(t, "Touchpoint without an owner", owner.Title)
	assert.Equal(t, "Warning", owner.SeverityTitle)
	assert.Contains(t, owner.Message, "has no owner")
	assert.NotEmpty(t, owner.Path)

	// A Vietnamese document answers in Vietnamese; ?lang= overrides.
	f = get(viPath)
	assert.Equal(t, "vi", f.Language)
	require.NotEmpty(t, f.Findings)
	assert.Equal(t, "Cảnh báo", f.Findings[0].SeverityTitle)
	assert.NotContains(t, f.Findings[0].Message, "missing its target")
	assert.Equal(t, "en", get(viPath+"?lang=en").Language)
	seen := false
	for _, x := range get(enPath + "?lang=vi").Findings {
		if x.Code == "touchpoint.no_owner" {
			seen = true
			assert.Equal(t, "Điểm chạm chưa có người phụ trách", x.Title)
			assert.Equal(t, "Cảnh báo", x.SeverityTitle)
		}
	}
	assert.True(t, seen)

	// ?now= checks the review date: the example was reviewed on 2026-10-20
	// every 90 days, so a date in 2027-06 is overdue.
	withReview := get(enPath + "?now=2027-06-01T00:00:00Z")
	assert.Len(t, withReview.Findings, len(get(enPath).Findings)+1)

	for target, want := range map[string]string{
		enPath + "?lang=fr":       "lang must be en or vi",
		enPath + "?now=yesterday": "now must be an RFC 3339 time",
		"/journeys/nope/findings": `no journey "nope"`,
	} {
		r := do(t, srv, "GET", target, "", "")
		assert.NotEqual(t, http.StatusOK, r.status, target)
		require.NotEmpty(t, errorsOf(t, r.body), target)
		assert.Contains(t, errorsOf(t, r.body)[0].Message, want, target)
	}
}
func TestRejectedDocuments(t *testing.T) {
	srv := NewServer(Options{MaxBytes: 4096})
	tests := []struct {
		name, contentType, body string
		status                  int
		paths                   []string
	}{
		{"invalid document: every problem with its path", "application/json",
			`{"schema_version":1,"title":"Shop","type":"current_state","stages":[{"name":"Buy","phase":"during_purchase",
			 "touchpoints":[{"name":"Cart","channel":"website","emotion":3,"pain_points":[{"title":" ","category":"financial","severity":"high"}]}]}]}`,
			http.StatusUnprocessableEntity,
			[]string{"stages[0].touchpoints[0].emotion", "stages[0].touchpoints[0].pain_points[0].title"}},
		{"bad enum", "application/json", `{"schema_version":1,"title":"x","type":"someday"}`,
			http.StatusUnprocessableEntity, []string{"type"}},
		{"unknown field", "application/json", `{"schema_version":1,"title":"x","type":"current_state","colour":"red"}`,
			http.StatusUnprocessableEntity, []string{"colour"}},
		{"dangling reference", "", `{"schema_version":1,"title":"x","type":"current_state","opportunities":[{"title":"o","touchpoint_ids":["7d444840-9dc0-41c4-a3a2-8f6a1d9a5a1e"]}]}`,
			http.StatusUnprocessableEntity, []string{"opportunities[0].touchpoint_ids[0]"}},
		{"malformed JSON", "application/json", `{"schema_version":1,`, http.StatusBadRequest, nil},
		{"trailing data", "application/json", `{"schema_version":1,"title":"x","type":"current_state"} {}`, http.StatusBadRequest, nil},
		{"too large", "application/json", `{"title":"` + strings.Repeat("x", 5000) + `"}`, http.StatusRequestEntityTooLarge, nil},
		{"not JSON", "text/plain", `hello`, http.StatusUnsupportedMediaType, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, "POST", "/journeys", tt.contentType, tt.body)
			assert.Equal(t, tt.status, r.status, r.body)
			assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
			problems := errorsOf(t, r.body)
			require.NotEmpty(t, problems)
			var paths []string
			for _, p := range problems {
				assert.NotEmpty(t, p.Message)
				if p.Path != "" {
					paths = append(paths, p.Path)
				}
			}
			for _, want := range tt.paths {
				assert.Contains(t, paths, want)
			}
		})
	}
	r := do(t, srv, "GET", "/journeys", "", "")
	assert.Equal(t, "[]\n", r.body, "nothing rejected was stored")
}
