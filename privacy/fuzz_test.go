package privacy

import (
	"strings"
	"testing"
)

// FuzzScan checks that Scan never panics, that every finding's rune and
// UTF-16 offsets slice back to its text, that MaskText replaces exactly the
// findings, and that after masking with a hide-everything policy nothing
// detectable is left.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		"身份证号11010519491231002X，电话13812345678。",
		"𠀀１１０１０５１９４９１２３１００２ｘ𠀀",
		"+86 138-1234-5678 卡 6222 0212 3456 7890 128",
		"86 138 1234 5678 4111-1111-1111-1111",
		"110105491231002 1101051949123100281 a13812345678",
		"\xff\xfe13812345678\xed\xa0\x80",
		"+＋86－１３８－１２３４－５６７８",
		"170 0000 4111 1111 1111 1111",
	} {
		f.Add(seed)
	}
	def, hideAll := DefaultPolicy(), Policy{}
	f.Fuzz(func(t *testing.T, text string) {
		fs := Scan(text)
		checkFindings(t, text, fs)

		masked, mfs := def.MaskText(text)
		if len(mfs) != len(fs) {
			t.Fatalf("MaskText found %d, Scan %d", len(mfs), len(fs))
		}
		var want strings.Builder
		runes, last := []rune(text), 0
		for _, f := range fs {
			want.WriteString(string(runes[last:f.Start]))
			want.WriteString(f.Masked)
			last = f.End
		}
		want.WriteString(string(runes[last:]))
		// string([]rune(text)) turns invalid UTF-8 into U+FFFD; compare likewise.
		if got := string([]rune(masked)); got != want.String() {
			t.Fatalf("MaskText(%q) = %q, want %q", text, got, want.String())
		}

		hidden, _ := hideAll.MaskText(text)
		if again := Scan(hidden); len(again) != 0 {
			t.Fatalf("text %q masked as %q still holds %+v", text, hidden, again)
		}
	})
}
