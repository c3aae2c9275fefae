package sheet_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/journeymap/journeymap/internal/testkit/golden"
	"github.com/journeymap/journeymap/sheet"
)

func TestMain(m *testing.M) { golden.Main(m, "testdata/golden") }

// TestMessages imports a sheet with each problem an import can report, in
// English and in Vietnamese, and keeps every message in a golden file: the
// words come from the i18n catalog, and this pins them, the place before
// them (line, row, column, sheet) included.
func TestMessages(t *testing.T) {
	const head = "stage_id,stage,phase,touchpoint_id,touchpoint,channel,mode,initiator,emotion,pain_point_id,pain,pain_category,pain_severity\n"
	const s1 = "6f1c2a43-0000-4000-8000-00000000000a"
	const t1 = "6f1c2a43-0000-4000-8000-00000000000b"
	const p1 = "6f1c2a43-0000-4000-8000-00000000000c"
	cases := []struct {
		name, in string
		opts     sheet.Options
	}{
		{"empty", "", sheet.Options{}},
		{"no header", "A title\nA note\n", sheet.Options{}},
		{"delimiter guessed", "a|b;c\nd|e;f\n", sheet.Options{}},
		{"header problems", "stage,stage,touchpoint,bogus\n", sheet.Options{}},
		{"row length and unheaded cell", "stage,phase,touchpoint,channel,\nS,before_purchase,T,email,x\nS,before_purchase,T,email,x,y\n", sheet.Options{}},
		{"stages", head +
			",,,,T,email,,,,,,,\n" +
			"xyz,S,before_purchase,,T,email,,,,,,,\n" +
			",New,,,T,email,,,,,,,\n" +
			",Odd,sideways,,T,email,,,,,,,\n" +
			s1 + ",A,before_purchase,,T,email,,,,,,,\n" +
			s1 + ",B,before_purchase,,T,email,,,,,,,\n" +
			",A,after_purchase,,T,email,,,,,,,\n", sheet.Options{MaxErrors: 100}},
		{"touchpoints", head +
			",A,before_purchase," + t1 + ",T,email,,,,,,,\n" +
			",B,during_purchase," + t1 + ",T,email,,,,,,,\n" +
			",A,before_purchase," + t1 + ",U,email,,,,,,,\n" +
			",A,before_purchase,,,email,,,,,,,\n" +
			",A,before_purchase,,V,,,,,,,,\n" +
			",A,before_purchase,,T,phone,,,,,,,\n" +
			",A,before_purchase,,W,pigeon,sideways,nobody,,,,,\n" +
			",A,before_purchase,,X,email,,,abc,,,,\n" +
			",A,before_purchase,,Y,email,,,2.5,,,,\n", sheet.Options{MaxErrors: 100}},
		{"pain points", head +
			",A,before_purchase,,T,email,,,," + p1 + ",P,process,high\n" +
			",A,before_purchase,,T,email,,,," + p1 + ",Q,process,high\n" +
			",A,before_purchase,,T,email,,,,,,process,high\n" +
			",A,before_purchase,,T,email,,,,,R,,\n" +
			",A,before_purchase,,T,email,,,,,S,odd,odd\n", sheet.Options{MaxErrors: 100}},
		{"syntax", "stage,phase,touchpoint,channel\nS,before_purchase,T a\"b,email\n\"S\"x,before_purchase,T,email\n\"S,before_purchase,T,email\n", sheet.Options{MaxErrors: 100}},
		{"long line", "stage,phase,touchpoint,channel\nS,before_purchase," + strings.Repeat("T", 100) + ",email\n", sheet.Options{MaxLineBytes: 64}},
		{"too many", head + ",,,,T,email,,,,,,,\n,,,,T,email,,,,,,,\n,,,,T,email,,,,,,,\n", sheet.Options{MaxErrors: 2}},
		{"too large", "stage,phase,touchpoint,channel\nS,before_purchase,T,email\n", sheet.Options{MaxDocumentBytes: 10}},
	}
	var b strings.Builder
	for _, lang := range []string{"", "vi"} {
		for _, tc := range cases {
			opts := tc.opts
			opts.Language = lang
			_, err := sheet.Import(strings.NewReader(tc.in), opts)
			require.Error(t, err, tc.name)
			b.WriteString("== " + tc.name + " [" + lang + "]\n" + err.Error() + "\n")
		}
		// A workbook names rows and its sheet.
		_, err := sheet.ImportRows([][]string{{"stage", "phase", "touchpoint", "channel"}, {"S", "before_purchase", "T", "email", "x"}},
			sheet.Options{Language: lang})
		var list sheet.Errors
		require.True(t, errors.As(err, &list), "a list of problems")
		list.SetSheet("Map")
		b.WriteString("== workbook [" + lang + "]\n" + list.Error() + "\n")
	}
	golden.CheckString(t, "testdata/golden/messages.txt", b.String())
}
