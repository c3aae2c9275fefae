package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
)

// node is one value of a generic JSON document and where it stands.
type node struct {
	path   string // JSON pointer
	value  any
	parent any    // map[string]any or []any holding it; nil at the root
	key    string // member name or index in parent
}

// nodes lists every value of doc outside extensions (which take anything).
func nodes(doc any) []node {
	var out []node
	var walk func(n node)
	walk = func(n node) {
		out = append(out, n)
		switch v := n.value.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range v {
					if !yield(k) {
						return
					}
				}
			}) {
				if k != "extensions" {
					walk(node{path: n.path + "/" + k, value: v[k], parent: v, key: k})
				}
			}
		case []any:
			for i, e := range v {
				walk(node{path: fmt.Sprintf("%s/%d", n.path, i), value: e, parent: v, key: fmt.Sprint(i)})
			}
		}
	}
	walk(node{value: doc})
	return out
}

func replace(n node, v any) {
	switch p := n.parent.(type) {
	case map[string]any:
		p[n.key] = v
	case []any:
		var i int
		fmt.Sscan(n.key, &i)
		p[i] = v
	}
}

// mutation changes one node of a document; it reports false when it does
// not apply to the node.
type mutation struct {
	name  string
	apply func(n node) bool
}

var mutations = []mutation{
	{"add an unknown member", func(n node) bool {
		m, ok := n.value.(map[string]any)
		if ok && !strings.HasSuffix(n.path, "/persona_emotions") {
			m["x_unknown"] = true
		}
		return ok && !strings.HasSuffix(n.path, "/persona_emotions")
	}},
	{"remove a member (not an id, which others may refer to)", func(n node) bool {
		p, ok := n.parent.(map[string]any)
		if !ok || n.key == "id" || strings.HasSuffix(n.path, "/persona_emotions/"+n.key) {
			return false
		}
		delete(p, n.key)
		return true
	}},
	{"blank a string", func(n node) bool {
		_, ok := n.value.(string)
		if ok {
			replace(n, " \t")
		}
		return ok && n.parent != nil
	}},
	{"empty a string", func(n node) bool {
		_, ok := n.value.(string)
		if ok {
			replace(n, "")
		}
		return ok && n.parent != nil
	}},
	{"set a string to an unknown word", func(n node) bool {
		_, ok := n.value.(string)
		if ok {
			replace(n, "bogus")
		}
		return ok && n.parent != nil
	}},
	{"set a number to 2.5", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("2.5"))
		}
		return ok
	}},
	{"set a number to 99", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("99"))
		}
		return ok
	}},
	{"set a number to -3", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("-3"))
		}
		return ok
	}},
	{"set a number to 0", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("0"))
		}
		return ok
	}},
	{"set a number to 1e15, the largest metric value", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("1000000000000000"))
		}
		return ok
	}},
	{"set a number to 1e15+1, just beyond a metric's range", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("1000000000000001"))
		}
		return ok
	}},
	{"set a number to -1e16 in exponent form", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("-1e16"))
		}
		return ok
	}},
	{"set a number to 36501, beyond review_every_days' range", func(n node) bool {
		_, ok := n.value.(json.Number)
		if ok {
			replace(n, json.Number("36501"))
		}
		return ok
	}},
	{"set a value to null", func(n node) bool {
		if n.parent == nil {
			return false
		}
		replace(n, nil)
		return true
	}},
	{"set a value to a string of another type", func(n node) bool {
		if _, isString := n.value.(string); isString || n.parent == nil {
			return false
		}
		replace(n, "2")
		return true
	}},
}

// onlyUnknownRefs reports whether err lists problems and all of them are
// dangling references.
func onlyUnknownRefs(err error) bool {
	var list docerr.List
	if !errors.As(err, &list) || len(list) == 0 {
		return false
	}
	for _, e := range list {
		if !errors.Is(e, docerr.ErrUnknownRef) {
			return false
		}
	}
	return true
}

// TestSchemaAndLibraryAgreeOnMutations breaks random valid documents (whole
// journeys, and personas and pain points on their own) in one place each and
// checks that the schema and the library reach the same verdict, whatever it
// is: a field the schema calls optional must be optional to the library
// too, a range must be the same range, and so on.
func TestSchemaAndLibraryAgreeOnMutations(t *testing.T) {
	rounds := 1500
	switch {
	case testing.Short():
		rounds = 150
	case raceEnabled:
		rounds = 450
	}
	small := randjourney.Options{Personas: 2, Stages: 2, TouchpointsPerStage: 2, PainPointsPerTouchpoint: 1, Opportunities: 2}
	sources := map[string]func(seed uint64) []byte{
		"journey": func(seed uint64) []byte {
			data, err := journey.Marshal(randjourney.Generate(seed, small))
			require.NoError(t, err)
			return data
		},
		"persona": func(seed uint64) []byte {
			j := randjourney.Generate(seed, small)
			data, err := persona.Marshal(j.Personas[seed%2])
			require.NoError(t, err)
			return data
		},
		"painpoint": func(seed uint64) []byte {
			for _, p := range randjourney.Generate(seed, small).PainPoints() {
				data, err := painpoint.Marshal(p)
				require.NoError(t, err)
				return data
			}
			return []byte(basePainPoint)
		},
	}
	for name, source := range sources {
		t.Run(name, func(t *testing.T) {
			n := rounds
			if name != "journey" {
				n /= 3
			}
			mutate(t, name, n, source)
		})
	}
}

func mutate(t *testing.T, name string, rounds int, source func(seed uint64) []byte) {
	s := compile(t, name)
	rng := rand.New(rand.NewPCG(7, 11))
	counts := map[string][2]int{}
	const refs = "(references broken: schema accepts, library rejects)"
	var original []byte
	for round := range rounds {
		seed := uint64(round / 10)
		if round%10 == 0 {
			original = source(seed) // ten mutations of each document
		}
		dec := json.NewDecoder(bytes.NewReader(original))
		dec.UseNumber()
		var doc any
		require.NoError(t, dec.Decode(&doc))
		all := nodes(doc)
		m := mutations[round%len(mutations)]
		var n node
		applied := false
		for range 200 {
			if n = all[rng.IntN(len(all))]; m.apply(n) {
				applied = true
				break
			}
		}
		if !applied {
			continue
		}
		mutated, err := json.Marshal(doc)
		require.NoError(t, err)
		schemaOK := validate(t, s, mutated) == nil
		libErr := libraryCheck(name, mutated)
		if schemaOK && onlyUnknownRefs(libErr) {
			// Removing a list removes objects others refer to: references
			// between objects are beyond JSON Schema.
			counts[refs] = [2]int{counts[refs][0] + 1}
			continue
		}
		c := counts[m.name]
		if schemaOK {
			c[0]++
		} else {
			c[1]++
		}
		counts[m.name] = c
		if schemaOK != (libErr == nil) {
			t.Errorf("seed %d, %s at %s: schema accepts=%v, library error=%v", seed, m.name, n.path, schemaOK, libErr)
		}
	}
	for name, c := range counts {
		t.Logf("%-60s accepted %4d rejected %4d", name, c[0], c[1])
	}
}
