package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/schema"
)

// A service serves the schema to the journey editors of its front ends, at
// the path its $id ends with.
func Example_serveOverHTTP() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /schema/v1/journey.schema.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/schema+json")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write(schema.Journey())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/schema/v1/journey.schema.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var doc struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status)
	fmt.Println(resp.Header.Get("Content-Type"))
	fmt.Println(doc.ID)
	fmt.Println(doc.Title)
	// Output:
	// 200 OK
	// application/schema+json
	// https://journeymap.dev/schema/v1/journey.schema.json
	// Customer journey map
}

// Reflect describes a service's own type that embeds journeymap types, with
// the same definitions as the published schema.
func ExampleReflect() {
	type SavedMap struct {
		Workspace string           `json:"workspace"`
		Map       *journey.Journey `json:"map"`
	}
	s, err := schema.Reflect(SavedMap{})
	if err != nil {
		fmt.Println(err)
		return
	}
	stage := s.Definitions["Stage"]
	name, _ := stage.Properties.Get("name")
	fmt.Println(stage.Title, stage.Required)
	fmt.Println(name.Description)
	// Output:
	// Stage [name phase]
	// The name of the stage.
}

// A Go service can check documents against the published schema, for
// example with github.com/santhosh-tekuri/jsonschema/v6 (format assertion on,
// or uuid and date-time are not checked).
func ExampleJourney() {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Journey()))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schema.JourneyID, doc); err != nil {
		fmt.Println(err)
		return
	}
	s, err := c.Compile(schema.JourneyID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{
		`{"schema_version": 1, "title": "Buying a phone", "type": "current_state"}`,
		`{"schema_version": 1, "title": "Buying a phone", "type": "current"}`,
		`{"schema_version": 1, "title": " ", "type": "current_state"}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(text))
		fmt.Println(s.Validate(inst) == nil)
	}
	// Output:
	// true
	// false
	// false
}

// A front end that builds its editor form from the schema asks for the
// language of its users: the Vietnamese schema has Vietnamese titles and
// the same constraints.
func ExampleLookup() {
	data, err := schema.Lookup("journey", "vi")
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		ID         string `json:"$id"`
		Title      string `json:"title"`
		Properties map[string]struct {
			Title string `json:"title"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.ID)
	fmt.Println(s.Title)
	fmt.Println(s.Properties["reviewed_at"].Title)

	_, err = schema.Lookup("journey", "fr")
	fmt.Println(err)
	// Output:
	// https://journeymap.dev/schema/v1/vi/journey.schema.json
	// Bản đồ hành trình khách hàng
	// Lần xem xét gần nhất
	// schema: unknown schema: no language "fr" (have en, vi)
}
