package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAliasTablesAreUnambiguous(t *testing.T) {
	assert.Empty(t, aliasConflicts)
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Giai đoạn":           "giai doan",
		"GIAI ĐOẠN MUA":       "giai doan mua",
		"Gia\u0300y":          "gia" + "y", // decomposed grave accent
		"Đi\u0323a chi\u0309": "dia chi",
		"Mức Độ":              "muc do",
		"Stage":               "stage",
	}
	for in, want := range tests {
		assert.Equal(t, want, fold(in), in)
	}
}
