package enum_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/metric"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/persona"
	"github.com/journeymap/journeymap/touchpoint"
)

// textEnum is what every enumeration of the document offers.
type textEnum interface {
	Valid() bool
	String() string
	MarshalText() ([]byte, error)
}

// TestEveryEnumRoundTripsAndRejectsUnknown checks each enumeration's values
// survive text marshalling, and that unknown and empty values are refused by
// both directions with an error that lists the allowed values.
func TestEveryEnumRoundTripsAndRejectsUnknown(t *testing.T) {
	type enumCase struct {
		name      string
		values    []string
		parse     func(string) (textEnum, error)
		unmarshal func([]byte) (textEnum, error)
	}
	collect := func(vs ...textEnum) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = v.String()
		}
		return out
	}
	cases := []enumCase{
		{"channel", collect(asEnums(channel.Channels())...),
			func(s string) (textEnum, error) { return channel.ParseChannel(s) },
			func(b []byte) (textEnum, error) { var v channel.Channel; err := v.UnmarshalText(b); return v, err }},
		{"mode", collect(asEnums(channel.Modes())...),
			func(s string) (textEnum, error) { return channel.ParseMode(s) },
			func(b []byte) (textEnum, error) { var v channel.Mode; err := v.UnmarshalText(b); return v, err }},
		{"metric kind", collect(asEnums(metric.Kinds())...),
			func(s string) (textEnum, error) { return metric.ParseKind(s) },
			func(b []byte) (textEnum, error) { var v metric.Kind; err := v.UnmarshalText(b); return v, err }},
		{"better", collect(asEnums(metric.Betters())...),
			func(s string) (textEnum, error) { return metric.ParseBetter(s) },
			func(b []byte) (textEnum, error) { var v metric.Better; err := v.UnmarshalText(b); return v, err }},
		{"pain category", collect(asEnums(painpoint.Categories())...),
			func(s string) (textEnum, error) { return painpoint.ParseCategory(s) },
			func(b []byte) (textEnum, error) { var v painpoint.Category; err := v.UnmarshalText(b); return v, err }},
		{"severity", collect(asEnums(painpoint.Severities())...),
			func(s string) (textEnum, error) { return painpoint.ParseSeverity(s) },
			func(b []byte) (textEnum, error) { var v painpoint.Severity; err := v.UnmarshalText(b); return v, err }},
		{"lifecycle", collect(asEnums(persona.Lifecycles())...),
			func(s string) (textEnum, error) { return persona.ParseLifecycle(s) },
			func(b []byte) (textEnum, error) { var v persona.Lifecycle; err := v.UnmarshalText(b); return v, err }},
		{"initiator", collect(asEnums(touchpoint.Initiators())...),
			func(s string) (textEnum, error) { return touchpoint.ParseInitiator(s) },
			func(b []byte) (textEnum, error) { var v touchpoint.Initiator; err := v.UnmarshalText(b); return v, err }},
		{"support layer", collect(asEnums(touchpoint.Layers())...),
			func(s string) (textEnum, error) { return touchpoint.ParseLayer(s) },
			func(b []byte) (textEnum, error) { var v touchpoint.Layer; err := v.UnmarshalText(b); return v, err }},
		{"support kind", collect(asEnums(touchpoint.SupportKinds())...),
			func(s string) (textEnum, error) { return touchpoint.ParseSupportKind(s) },
			func(b []byte) (textEnum, error) {
				var v touchpoint.SupportKind
				err := v.UnmarshalText(b)
				return v, err
			}},
		{"map type", collect(asEnums(journey.Types())...),
			func(s string) (textEnum, error) { return journey.ParseType(s) },
			func(b []byte) (textEnum, error) { var v journey.Type; err := v.UnmarshalText(b); return v, err }},
		{"phase", collect(asEnums(journey.Phases())...),
			func(s string) (textEnum, error) { return journey.ParsePhase(s) },
			func(b []byte) (textEnum, error) { var v journey.Phase; err := v.UnmarshalText(b); return v, err }},
		{"opportunity status", collect(asEnums(journey.Statuses())...),
			func(s string) (textEnum, error) { return journey.ParseStatus(s) },
			func(b []byte) (textEnum, error) { var v journey.Status; err := v.UnmarshalText(b); return v, err }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NotEmpty(t, c.values)
			for _, s := range c.values {
				v, err := c.parse(s)
				require.NoError(t, err)
				assert.True(t, v.Valid())
				text, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, s, string(text))
				back, err := c.unmarshal(text)
				require.NoError(t, err)
				assert.Equal(t, s, back.String())
			}
			for _, bad := range []string{"", "Unknown", c.values[0] + " ", "ĐIỂM"} {
				_, err := c.parse(bad)
				require.Error(t, err, "%q must be refused", bad)
				assert.ErrorIs(t, err, docerr.ErrEnum)
				assert.Contains(t, err.Error(), c.name)
				for _, allowed := range c.values {
					assert.Contains(t, err.Error(), allowed, "the error lists the allowed values")
				}
				_, err = c.unmarshal([]byte(bad))
				assert.ErrorIs(t, err, docerr.ErrEnum)
			}
		})
	}
}

func asEnums[T textEnum](vs []T) []textEnum {
	out := make([]textEnum, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func TestUnknownEnumFailsJSON(t *testing.T) {
	var m struct {
		C painpoint.Category `json:"c"`
	}
	err := json.Unmarshal([]byte(`{"c":"emotional"}`), &m)
	require.Error(t, err)
	assert.ErrorIs(t, err, docerr.ErrEnum)
	_, err = json.Marshal(struct{ C painpoint.Category }{"emotional"})
	assert.ErrorIs(t, err, docerr.ErrEnum, "an invalid value is never written")
}
