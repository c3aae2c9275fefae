package journey_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/internal/testkit/randjourney"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// TestMain fails the run when a file under testdata/golden is checked by no
// test.
func TestMain(m *testing.M) { golden.Main(m, "testdata/golden") }

func TestGoldenEncoding(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "source.json"))
	require.NoError(t, err)
	fromSource, err := journey.Unmarshal(src)
	require.NoError(t, err)
	// generated.compact.json is the output of the earlier, hand-written
	// generator for the "random" options below: decoding and encoding it
	// again must give the same bytes, compact and indented, whatever the
	// generator does today.
	gen, err := os.ReadFile(filepath.Join("testdata", "golden", "generated.compact.json"))
	require.NoError(t, err)
	fromGenerated, err := journey.Unmarshal(gen)
	require.NoError(t, err)
	journeys := map[string]*journey.Journey{
		"source":    fromSource,
		"generated": fromGenerated,
		"random":    randjourney.Generate(3, randjourney.Options{Personas: 2, Stages: 2, TouchpointsPerStage: 2, PainPointsPerTouchpoint: 2, Opportunities: 2}),
	}
	for name, j := range journeys {
		t.Run(name, func(t *testing.T) {
			compact, err := journey.Marshal(j)
			require.NoError(t, err)
			golden.Check(t, "testdata/golden/"+name+".compact.json", append(compact, '\n'))
			indented, err := journey.MarshalIndent(j, "  ")
			require.NoError(t, err)
			golden.Check(t, "testdata/golden/"+name+".indent.json", append(indented, '\n'))

			// Both forms decode back to the same canonical bytes.
			for _, form := range [][]byte{compact, indented} {
				back, err := journey.Unmarshal(form)
				require.NoError(t, err)
				again, err := journey.Marshal(back)
				require.NoError(t, err)
				assert.Equal(t, string(compact), string(again))
			}
		})
	}
}

func TestEncodeCanonicalDetails(t *testing.T) {
	j := journey.New("<b>Tom & Jerry</b>\u2028é", journey.CurrentState)
	j.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001")
	s := j.AddStage("S", journey.BeforePurchase)
	s.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000002")
	tp := s.AddTouchpoint("T", channel.Website)
	tp.ID = uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000003")
	tp.PersonaEmotions = map[uuid.UUID]float64{
		uuid.MustParse("ffffffff-0000-4000-8000-000000000000"): 1,
		uuid.MustParse("00000000-0000-4000-8000-0000000000ff"): -2,
		uuid.MustParse("80000000-0000-4000-8000-000000000000"): 0.5,
	}
	tp.Actions = []string{} // empty lists are left out, never []
	tp.Metrics = []metric.Metric{{Name: "m", Kind: metric.Count, Value: 0}}
	out, err := journey.Marshal(j)
	require.NoError(t, err)
	assert.Equal(t, `{"schema_version":1,"id":"0a0b0c0d-0e0f-4000-8000-000000000001","title":"<b>Tom & Jerry</b>\u2028é","type":"current_state",`+
		`"stages":[{"id":"0a0b0c0d-0e0f-4000-8000-000000000002","name":"S","phase":"before_purchase","touchpoints":[{"id":"0a0b0c0d-0e0f-4000-8000-000000000003","name":"T","channel":"website",`+
		`"persona_emotions":{"00000000-0000-4000-8000-0000000000ff":-2,"80000000-0000-4000-8000-000000000000":0.5,"ffffffff-0000-4000-8000-000000000000":1},`+
		`"metrics":[{"name":"m","kind":"count","value":0}]}]}]}`, string(out))

	// Without extensions, the indented form is exactly json.Indent of the compact one.
	indented, err := journey.MarshalIndent(j, "\t")
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, json.Indent(&want, out, "", "\t"))
	assert.Equal(t, want.String(), string(indented))

	// Encode adds a newline; MarshalJSON is the same encoding, for values and pointers.
	var buf bytes.Buffer
	require.NoError(t, journey.Encode(&buf, j, ""))
	assert.Equal(t, string(out)+"\n", buf.String())
	enc := json.NewEncoder(&bytes.Buffer{})
	enc.SetEscapeHTML(false)
	for _, v := range []any{j, *j} {
		var b bytes.Buffer
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		require.NoError(t, e.Encode(v))
		assert.Equal(t, string(out)+"\n", b.String())
	}
}

func TestEncodeSchemaVersionZeroIsCurrent(t *testing.T) {
	j := &journey.Journey{Title: "T", Type: journey.DayInTheLife}
	out, err := journey.Marshal(j)
	require.NoError(t, err)
	assert.Equal(t, `{"schema_version":1,"title":"T","type":"day_in_the_life"}`, string(out))
}

func TestEncodeRejections(t *testing.T) {
	base := func() *journey.Journey {
		j := journey.New("T", journey.CurrentState)
		s := j.AddStage("S", journey.BeforePurchase)
		tp := s.AddTouchpoint("T", channel.Email)
		tp.AddPainPoint(painpoint.New("P", painpoint.Process, painpoint.Low))
		return j
	}
	nan := math.NaN()
	tests := []struct {
		name     string
		change   func(j *journey.Journey)
		path     string
		sentinel error
		detail   string
	}{
		{"bad type", func(j *journey.Journey) { j.Type = "bogus" }, "type", docerr.ErrEnum, "current_state"},
		{"empty required enum", func(j *journey.Journey) { j.Stages[0].Phase = "" }, "stages[0].phase", docerr.ErrEnum, ""},
		{"bad severity deep", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].PainPoints[0].Severity = "meh" }, "stages[0].touchpoints[0].pain_points[0].severity", docerr.ErrEnum, "low, medium, high, critical"},
		{"bad mode", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].Mode = "hybrid" }, "stages[0].touchpoints[0].mode", docerr.ErrEnum, ""},
		{"bad preferred channel", func(j *journey.Journey) {
			j.AddPersona(persona.Persona{Name: "P", PreferredChannels: []channel.Channel{channel.Chat, "fax"}})
		}, "personas[0].preferred_channels[1]", docerr.ErrEnum, ""},
		{"bad support layer", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[0].Supports = []touchpoint.Support{{Layer: "middle", Kind: touchpoint.People, Description: "d"}}
		}, "stages[0].touchpoints[0].supports[0].layer", docerr.ErrEnum, ""},
		{"NaN emotion", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].Emotion = &nan }, "stages[0].touchpoints[0].emotion", docerr.ErrRange, "NaN"},
		{"Inf metric", func(j *journey.Journey) {
			j.Stages[0].Metrics = []metric.Metric{{Name: "m", Kind: metric.NPS, Value: math.Inf(1)}}
		}, "stages[0].metrics[0].value", docerr.ErrRange, "+Inf"},
		{"NaN persona emotion", func(j *journey.Journey) {
			j.Stages[0].Touchpoints[0].PersonaEmotions = map[uuid.UUID]float64{uuid.MustParse("0a0b0c0d-0e0f-4000-8000-000000000001"): nan}
		}, `stages[0].touchpoints[0].persona_emotions["0a0b0c0d-0e0f-4000-8000-000000000001"]`, docerr.ErrRange, ""},
		{"invalid UTF-8", func(j *journey.Journey) { j.Stages[0].Touchpoints[0].Actions = []string{"ok", "bad\xff"} }, "stages[0].touchpoints[0].actions[1]", docerr.ErrInvalidUTF8, ""},
		{"nil stage", func(j *journey.Journey) { j.Stages = append(j.Stages, nil) }, "stages[1]", docerr.ErrRequired, "nil"},
		{"extensions not JSON", func(j *journey.Journey) { j.Stages[0].Extensions = []byte(`{"a":`) }, `stages[0].extensions["a"]`, docerr.ErrSyntax, ""},
		{"extensions not an object", func(j *journey.Journey) { j.Extensions = []byte(`[1]`) }, "extensions", docerr.ErrType, ""},
		{"extensions with duplicate keys", func(j *journey.Journey) { j.Extensions = []byte(`{"a":1,"a":2}`) }, `extensions["a"]`, docerr.ErrDuplicateKey, ""},
		{"extensions with trailing data", func(j *journey.Journey) { j.Extensions = []byte(`{} {}`) }, "extensions", docerr.ErrTrailingData, ""},
		{"newer schema version", func(j *journey.Journey) { j.SchemaVersion = 2 }, "schema_version", docerr.ErrSchemaVersion, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := base()
			tc.change(j)
			for _, indent := range []string{"", "  "} {
				out, err := journey.MarshalIndent(j, indent)
				assert.Nil(t, out)
				require.Error(t, err)
				assert.ErrorIs(t, err, tc.sentinel)
				assert.True(t, strings.HasPrefix(err.Error(), tc.path+": "), "error %q does not start with path %q", err, tc.path)
				assert.Contains(t, err.Error(), tc.detail)
			}
		})
	}
}

// TestMarshalConcurrent encodes from many goroutines at once (the encoders
// share a pool of buffers) and checks each output against a serial one.
func TestMarshalConcurrent(t *testing.T) {
	var want [][]byte
	var js []*journey.Journey
	for seed := range uint64(8) {
		j := randjourney.New(seed)
		out, err := journey.Marshal(j)
		require.NoError(t, err)
		js, want = append(js, j), append(want, out)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(js)
				out, err := journey.MarshalIndent(js[k], "")
				if err != nil || !bytes.Equal(out, want[k]) {
					errs <- fmt.Sprintf("goroutine %d journey %d: %v", g, k, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
