package metric_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/metric"
)

func TestValidateBoundsValueAndTarget(t *testing.T) {
	tests := []struct {
		why    string
		value  float64
		target *float64
		path   string // "" when valid
	}{
		{"the upper bound itself is allowed", metric.MaxValue, nil, ""},
		{"the lower bound itself is allowed", metric.MinValue, nil, ""},
		{"a target at the bound is allowed", 0, ptr(metric.MaxValue), ""},
		{"a fortune in đồng fits", 987_654_321_012_345, ptr(-987_654_321_012_345), ""},
		{"just above the bound (the next float64) is refused", math.Nextafter(metric.MaxValue, math.Inf(1)), nil, "value"},
		{"just below the bound is refused", math.Nextafter(metric.MinValue, math.Inf(-1)), nil, "value"},
		{"a target beyond the bound is refused", 0.5, ptr(1e16), "target"},
		{"a huge exponent is refused", 6.1e22, nil, "value"},
		{"the largest float64 is refused", math.MaxFloat64, nil, "value"},
		{"NaN is refused (not in JSON, but in Go)", math.NaN(), nil, "value"},
		{"infinity is refused", math.Inf(-1), nil, "value"},
		{"an infinite target is refused", 1, ptr(math.Inf(1)), "target"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			m := metric.New("Revenue", metric.Custom, tc.value)
			m.Target = tc.target
			err := m.Validate()
			if tc.path == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			var l docerr.List
			require.True(t, errors.As(err, &l), "%T", err)
			require.Len(t, l, 1)
			assert.Equal(t, tc.path, l[0].Path)
			assert.ErrorIs(t, l[0], docerr.ErrRange)
			assert.Contains(t, l[0].Error(), "-1e+15..1e+15", "the message states the range")
		})
	}
}

func ptr(f float64) *float64 { return &f }

func TestMeetsTarget(t *testing.T) {
	tests := []struct {
		m    metric.Metric
		want bool
	}{
		{metric.New("conv", metric.ConversionRate, 0.4).WithTarget(0.5), false},
		{metric.New("conv", metric.ConversionRate, 0.5).WithTarget(0.5), true},
		{metric.New("drop", metric.DropOffRate, 0.3).WithTarget(0.2), false},
		{metric.New("drop", metric.DropOffRate, 0.1).WithTarget(0.2), true},
		{metric.New("ces", metric.CES, 5).WithTarget(3), false},
		{metric.New("time", metric.Duration, 90).WithTarget(120), true},
		{metric.New("nps", metric.NPS, -10).WithTarget(20), false},
		{metric.New("no target", metric.CSAT, 1), true},
		{metric.Metric{Name: "custom lower", Kind: metric.Custom, Value: 7, Better: metric.Lower}.WithTarget(5), false},
		{metric.Metric{Name: "conv said lower", Kind: metric.ConversionRate, Value: 0.1, Better: metric.Lower}.WithTarget(0.2), true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.m.MeetsTarget(), "%s %v", tc.m.Name, tc.m.Value)
	}
}

func TestDefaultBetter(t *testing.T) {
	lower := map[metric.Kind]bool{metric.DropOffRate: true, metric.BounceRate: true, metric.CES: true, metric.Duration: true}
	for _, k := range metric.Kinds() {
		want := metric.Higher
		if lower[k] {
			want = metric.Lower
		}
		assert.Equal(t, want, k.DefaultBetter(), k)
	}
}

func ExampleMetric_MeetsTarget() {
	bounce := metric.New("Landing page bounce", metric.BounceRate, 0.62).WithTarget(0.45)
	fmt.Println(bounce.EffectiveBetter(), bounce.MeetsTarget())
	// Output: lower false
}
