package privacy

import "testing"

func TestNormalizeDigits(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "11010519491231002X", "11010519491231002X"},
		{"full-width digits and X", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"},
		{"lower-case x", "11010519491231002x", "11010519491231002X"},
		{"full-width lower-case x", "11010519491231002ｘ", "11010519491231002X"},
		{"full-width letters keep case", "ＡＢｃ１２３", "ABc123"},
		{"ideographic spaces trimmed", "\u3000１３８１２３４５６７８\u3000", "13812345678"},
		{"ASCII spaces trimmed", "  138 1234 5678\t", "138 1234 5678"},
		{"inner ideographic space kept as ASCII space", "１３８\u3000１２３４", "138 1234"},
		{"full-width hyphen", "１３８－１２３４", "138-1234"},
		{"Chinese text untouched", "档案号：ＡＢ２０２４。", "档案号:AB2024。"},
		{"half-width katakana untouched", "ｶﾀｶﾅ", "ｶﾀｶﾅ"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeDigits(tt.in); got != tt.want {
				t.Errorf("NormalizeDigits(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
