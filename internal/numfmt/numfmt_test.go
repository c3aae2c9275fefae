package numfmt_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeymap/journeymap/internal/numfmt"
)

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		en, vi string
	}{
		{0, "0", "0"},
		{3.2, "3.2", "3,2"},
		{-0.25, "-0.25", "-0,25"},
		{999, "999", "999"},
		{1000, "1,000", "1.000"},
		{-1500.5, "-1,500.5", "-1.500,5"},
		{120000, "120,000", "120.000"},
		{1234567, "1,234,567", "1.234.567"},
		{250000000, "250,000,000", "250.000.000"},
		{0.00001, "0.00001", "0,00001"},
		{1e21, "1,000,000,000,000,000,000,000", "1.000.000.000.000.000.000.000"},
		{12345.678, "12,345.678", "12.345,678"},
		{math.NaN(), "NaN", "NaN"},
		{math.Inf(1), "+Inf", "+Inf"},
		{math.Inf(-1), "-Inf", "-Inf"},
	} {
		assert.Equal(t, tc.en, numfmt.English.Format(tc.v), "%v", tc.v)
		assert.Equal(t, tc.vi, numfmt.Vietnamese.Format(tc.v), "%v", tc.v)
	}
}

func TestAppendKeepsThePrefix(t *testing.T) {
	assert.Equal(t, "fee: -12,345.5", string(numfmt.English.Append([]byte("fee: "), -12345.5)))
	assert.Equal(t, "x 1.000.000", string(numfmt.Vietnamese.Append([]byte("x "), 1e6)))
}

func TestAppendWithUnit(t *testing.T) {
	tests := []struct {
		st         numfmt.Style
		v          float64
		unit, want string
	}{
		{numfmt.English, 36, "%", "36%"},
		{numfmt.English, 3.2, "min", "3.2 min"},
		{numfmt.English, 184000, "", "184,000"},
		{numfmt.Vietnamese, 120000, "người/tháng", "120.000 người/tháng"},
		{numfmt.Vietnamese, 4.8, "%", "4,8%"},
	}
	for _, tt := range tests {
		assert.Equal(t, "x "+tt.want, string(tt.st.AppendWithUnit([]byte("x "), tt.v, tt.unit)))
	}
}

// FuzzFormat checks that taking the separators out gives strconv's own
// shortest form back, so no digit is lost, moved or invented.
func FuzzFormat(f *testing.F) {
	for _, v := range []float64{0, 1, -1, 999.5, 1000, 123456789.125, 1e-7, 1e300, -2.5e15} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		want := []byte(strconv.FormatFloat(v, 'f', -1, 64))
		for _, s := range []numfmt.Style{numfmt.English, numfmt.Vietnamese} {
			got := s.Append([]byte("p"), v)
			var back []byte
			for _, c := range got[1:] {
				switch c {
				case s.Group:
				case s.Decimal:
					back = append(back, '.')
				default:
					back = append(back, c)
				}
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				back = got[1:]
			}
			assert.Equal(t, string(want), string(back), "%v", v)
			assert.Equal(t, byte('p'), got[0])
		}
	})
}
