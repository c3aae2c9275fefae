package build

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValueTitle(t *testing.T) {
	for in, want := range map[string]string{
		"current_state":   "Current state",
		"day_in_the_life": "Day in the life",
		"csat":            "CSAT",
		"sms":             "SMS",
		"persona_ids":     "Persona IDs",
		"id":              "ID",
		"third_party":     "Third party",
		"drop_off_rate":   "Drop-off rate",
		"":                "",
	} {
		assert.Equal(t, want, ValueTitle(in), in)
	}
}

func TestValueDescription(t *testing.T) {
	tests := []struct{ name, comment, want string }{
		{"CurrentState", "CurrentState maps how the journey is today.\n", "Maps how the journey is today."},
		{"Frontstage", "Frontstage: what the customer sees — staff, screens, the store.", "What the customer sees — staff, screens, the store."},
		{"Financial", "Financial (tài chính): paying too much, poor value for money.", "Paying too much, poor value for money (tài chính)."},
		{"BeforePurchase", "BeforePurchase (trước khi mua hàng): from the first spark\nof a need to the decision.", "From the first spark of a need to the decision (trước khi mua hàng)."},
		{"Glossed", "Glossed (gloss): no final period", "No final period (gloss)."},
		{"ConversionRate", "share of customers who go on to the next step (0..1, see Unit)", "Share of customers who go on to the next step (0..1, see Unit)."},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, valueDescription(tt.name, tt.comment), tt.name)
	}
}

func TestRewriteStrings(t *testing.T) {
	in, err := json.Marshal(map[string]string{"a": "<b> & \\u003c \u00a0\ufeff\u2028 tài"})
	require.NoError(t, err)
	got := string(rewriteStrings(in))
	assert.Equal(t, `{"a":"<b> & \\u003c \u00a0\ufeff\u2028 tài"}`, got)
	var back map[string]string
	require.NoError(t, json.Unmarshal([]byte(got), &back))
	assert.Equal(t, "<b> & \\u003c \u00a0\ufeff\u2028 tài", back["a"], "the text is unchanged")
}

func TestReflow(t *testing.T) {
	assert.Equal(t, "One two three.\n\nFour.", reflow("One two\nthree.\n\nFour.\n"))
}
