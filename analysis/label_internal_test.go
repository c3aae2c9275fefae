package analysis

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLabelQuotesLikeStrconv: the fast path of labelIn gives exactly what
// strconv.Quote gives.
func TestLabelQuotesLikeStrconv(t *testing.T) {
	for _, name := range []string{
		"Checkout", "Thanh toán", "📱 app", `say "hi"`, `back\slash`, "tab\there", "new\nline",
		"line\u2028sep", "\x7f", "bad \xff utf8", "\ufffd", "\u00a0nbsp", "<b>&</b>", "日本語",
	} {
		assert.Equal(t, strconv.Quote(name), labelIn(name, 0, english.noName), "%q", name)
	}
	assert.Equal(t, "#3 (no name)", labelIn("  ", 2, english.noName))
}
