package metric_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/metric"
)

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
