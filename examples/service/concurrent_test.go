package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// version is what a client knows of one of its journeys.
type version struct {
	title, etag, stale string // stale: an ETag the journey had before
}

// client is one of the concurrent clients of TestConcurrentClients.
type client struct {
	t    *testing.T
	http *http.Client
	base string
}

func (c *client) do(method, path, body string, header map[string]string) (int, http.Header, string) {
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if !assert.NoError(c.t, err) {
		return 0, nil, ""
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	if !assert.NoError(c.t, err) {
		return 0, nil, ""
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	assert.NoError(c.t, err)
	assert.Less(c.t, res.StatusCode, 500, "%s %s: %s", method, path, data)
	return res.StatusCode, res.Header, string(data)
}

func titled(title string) string {
	return `{"schema_version":1,"title":` + strconv.Quote(title) + `,"type":"current_state","stages":[{"name":"S","phase":"before_purchase"}]}`
}

// TestConcurrentClients runs 8 clients of 500 requests each against a real
// listener on 127.0.0.1, mixing valid and malformed writes, replacements with
// current and stale ETags, deletes and reads of their own journeys, and
// read-modify-write of one shared counter journey. Nothing may be lost or
// corrupted: every client finds its journeys exactly as it last wrote them,
// the store holds exactly the journeys the clients kept, and the shared
// counter equals the number of accepted increments (run with -race).
func TestConcurrentClients(t *testing.T) {
	const clients, requests = 8, 500
	srv := httptest.NewServer(NewServer(Options{MaxJourneys: clients * requests}))
	defer srv.Close()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer hc.CloseIdleConnections()

	admin := &client{t, hc, srv.URL}
	status, header, _ := admin.do("POST", "/journeys", titled("n=0"), nil)
	require.Equal(t, http.StatusCreated, status)
	shared := header.Get("Location")

	var increments, conflicts, sent atomic.Int64
	kept := make([]map[string]version, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &client{t, hc, srv.URL}
			rng := rand.New(rand.NewPCG(uint64(i), 17))
			own := map[string]version{}
			var ids []string // in creation order, deleted ones removed
			pick := func() (string, bool) {
				if len(ids) == 0 {
					return "", false
				}
				return ids[rng.IntN(len(ids))], true
			}
			for n := range requests {
				sent.Add(1)
				op := rng.IntN(100)
				id, have := pick()
				switch {
				case op < 25 || !have && op < 80:
					title := fmt.Sprintf("client %d, journey %d", i, n)
					status, header, body := c.do("POST", "/journeys", titled(title), nil)
					if assert.Equal(t, http.StatusCreated, status, body) {
						loc := header.Get("Location")
						own[loc] = version{title: title, etag: header.Get("ETag")}
						ids = append(ids, loc)
					}
				case op < 33:
					status, _, body := c.do("POST", "/journeys", `{"schema_version":1,"title":`, nil)
					assert.Equal(t, http.StatusBadRequest, status, body)
				case op < 40:
					status, _, body := c.do("POST", "/journeys", `{"schema_version":1,"title":" ","type":"someday"}`, nil)
					assert.Equal(t, http.StatusUnprocessableEntity, status, body)
				case op < 58:
					v := own[id]
					title := fmt.Sprintf("client %d, journey edited at %d", i, n)
					status, header, body := c.do("PUT", id, titled(title), map[string]string{"If-Match": v.etag})
					if assert.Equal(t, http.StatusOK, status, body) {
						own[id] = version{title: title, etag: header.Get("ETag"), stale: v.etag}
					}
				case op < 64:
					v := own[id]
					if v.stale == "" {
						// Not yet replaced: a malformed replacement instead.
						status, _, body := c.do("PUT", id, `[1,2]`, map[string]string{"If-Match": v.etag})
						assert.Equal(t, http.StatusUnprocessableEntity, status, body)
						continue
					}
					status, _, body := c.do("PUT", id, titled("lost"), map[string]string{"If-Match": v.stale})
					assert.Equal(t, http.StatusPreconditionFailed, status, body)
				case op < 70:
					status, _, body := c.do("DELETE", id, "", map[string]string{"If-Match": own[id].etag})
					if assert.Equal(t, http.StatusNoContent, status, body) {
						delete(own, id)
						for k, x := range ids {
							if x == id {
								ids = append(ids[:k], ids[k+1:]...)
								break
							}
						}
					}
				case op < 85:
					status, header, body := c.do("GET", id, "", nil)
					if assert.Equal(t, http.StatusOK, status, body) {
						assert.Contains(t, body, `"title":`+strconv.Quote(own[id].title))
						assert.Equal(t, own[id].etag, header.Get("ETag"))
					}
				default:
					// Read, increment and write the shared counter.
					status, header, body := c.do("GET", shared, "", nil)
					if !assert.Equal(t, http.StatusOK, status) {
						continue
					}
					var doc struct{ Title string }
					assert.NoError(t, json.Unmarshal([]byte(body), &doc))
					k, err := strconv.Atoi(strings.TrimPrefix(doc.Title, "n="))
					assert.NoError(t, err, doc.Title)
					status, _, body = c.do("PUT", shared, titled("n="+strconv.Itoa(k+1)), map[string]string{"If-Match": header.Get("ETag")})
					switch status {
					case http.StatusOK:
						increments.Add(1)
					case http.StatusPreconditionFailed:
						conflicts.Add(1)
					default:
						t.Errorf("shared counter: %d %s", status, body)
					}
				}
			}
			kept[i] = own
		}()
	}
	wg.Wait()
	assert.EqualValues(t, clients*requests, sent.Load())

	// Every client's journeys are as it last wrote them, and nothing else
	// but the shared journey is stored.
	want := map[string]bool{shared: true}
	for _, own := range kept {
		for loc, v := range own {
			want[loc] = true
			status, header, body := admin.do("GET", loc, "", nil)
			if assert.Equal(t, http.StatusOK, status, loc) {
				assert.Contains(t, body, `"title":`+strconv.Quote(v.title))
				assert.Equal(t, v.etag, header.Get("ETag"))
			}
		}
	}
	status, _, body := admin.do("GET", "/journeys", "", nil)
	require.Equal(t, http.StatusOK, status)
	var list []Summary
	require.NoError(t, json.Unmarshal([]byte(body), &list))
	got := map[string]bool{}
	for _, s := range list {
		got["/journeys/"+s.ID.String()] = true
	}
	assert.Equal(t, want, got, "the store holds exactly the journeys the clients kept")

	// No increment was lost: the counter is the number of accepted writes.
	status, _, body = admin.do("GET", shared, "", nil)
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, `"title":"n=`+strconv.FormatInt(increments.Load(), 10)+`"`)
	assert.Positive(t, increments.Load())
	t.Logf("%d requests; shared counter: %d increments, %d refused as stale", sent.Load(), increments.Load(), conflicts.Load())
}
