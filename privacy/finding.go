package privacy

// Finding is one piece of personal data found in a text.
//
// Offsets are half-open intervals [Start, End) counted in two units:
//
//   - Start and End count runes (Unicode code points), as []rune(text) does;
//     a character outside the Basic Multilingual Plane such as 𠀀 counts 1.
//   - Start16 and End16 count UTF-16 code units, as JavaScript strings do
//     (text.slice(Start16, End16) in a browser); 𠀀 counts 2 there.
//
// Offsets are never byte offsets. An invalid UTF-8 byte counts as one rune
// and one UTF-16 unit (it decodes to U+FFFD).
type Finding struct {
	Kind    Kind   `json:"kind"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Start16 int    `json:"start16"`
	End16   int    `json:"end16"`
	Text    string `json:"text"`   // the matched text exactly as it appears in the input
	Masked  string `json:"masked"` // the masked form of the normalised value
}

// Value returns the value of f as it is masked: for the numeric kinds
// Scan reports, its digits (and X) without separators, signs or a mobile
// number's country code, so that "+86 138-1234-5678" and "13812345678"
// have the same Value.
func (f Finding) Value() string {
	if f.Kind.numeric() {
		return numericForm(f.Kind, f.Text)
	}
	return f.Text
}
