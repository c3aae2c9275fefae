package main

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
)

// A document with problems is answered with 422 and every problem with its
// JSON path.
func ExampleNewServer() {
	srv := NewServer(Options{})
	doc := `{"schema_version": 1, "title": "Checkout", "type": "current_state",
	  "stages": [{"name": "Pay", "phase": "during_purchase",
	    "touchpoints": [{"name": "Card form", "channel": "website", "emotion": -3}]}]}`
	req := httptest.NewRequest("POST", "/journeys", strings.NewReader(doc))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Body)
	fmt.Println(rec.Code)
	fmt.Print(string(body))
	// Output:
	// 422
	// {"errors":[{"path":"stages[0].touchpoints[0].emotion","message":"-3 is outside -2..2"}]}
}

// Two editors start from the same version: the first save wins, the second
// is refused with 412 and the current ETag, so no edit is lost silently.
func ExampleServer_ifMatch() {
	srv := NewServer(Options{})
	call := func(method, target, etag, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		if etag != "" {
			req.Header.Set("If-Match", etag)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	created := call("POST", "/journeys", "", `{"schema_version":1,"title":"Checkout","type":"current_state"}`)
	at, v1 := created.Header().Get("Location"), created.Header().Get("ETag")

	ann := call("PUT", at, v1, `{"schema_version":1,"title":"Checkout (Ann)","type":"current_state"}`)
	bob := call("PUT", at, v1, `{"schema_version":1,"title":"Checkout (Bob)","type":"current_state"}`)
	fmt.Println(created.Code, ann.Code, bob.Code)
	fmt.Println(bob.Header().Get("ETag") == ann.Header().Get("ETag"))
	// Output:
	// 201 200 412
	// true
}
