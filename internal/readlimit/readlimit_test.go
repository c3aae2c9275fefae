package readlimit

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
)

func TestReadAll(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name     string
		r        func() *strings.Reader
		limit    int64
		want     string
		tooLarge bool
		why      string
	}{
		{"under", func() *strings.Reader { return strings.NewReader("abc") }, 4, "abc", false, "a shorter input is read whole"},
		{"exact", func() *strings.Reader { return strings.NewReader("abcd") }, 4, "abcd", false, "an input of exactly the limit is accepted"},
		{"over", func() *strings.Reader { return strings.NewReader("abcde") }, 4, "", true, "one byte more than the limit is too large"},
		{"empty", func() *strings.Reader { return strings.NewReader("") }, 0, "", false, "an empty input within a zero limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, tooLarge, err := ReadAll(tc.r(), tc.limit)
			assert.NoError(t, err, tc.why)
			assert.Equal(t, tc.tooLarge, tooLarge, tc.why)
			assert.Equal(t, tc.want, string(data), tc.why)
		})
	}
	_, tooLarge, err := ReadAll(iotest.ErrReader(boom), 10)
	assert.ErrorIs(t, err, boom, "read errors are returned as they are")
	assert.False(t, tooLarge)
}

// TestReadAllStopsAfterTheLimit: a huge input is not read past the limit.
func TestReadAllStopsAfterTheLimit(t *testing.T) {
	r := strings.NewReader(strings.Repeat("x", 1<<20))
	_, tooLarge, err := ReadAll(r, 10)
	assert.NoError(t, err)
	assert.True(t, tooLarge)
	assert.Equal(t, 1<<20-11, r.Len(), "only limit+1 bytes are consumed")
}
