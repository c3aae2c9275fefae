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
