package privacy

import (
	"strings"
	"testing"
)

func TestMaskDefaults(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		kind  Kind
		value string
		want  string
	}{
		{KindID18, "11010519491231002X", "110105********002X"},
		{KindID18, "11010519491231002x", "110105********002X"},
		{KindID18, "１１０１０５１９４９１２３１００２Ｘ", "110105********002X"},
		{KindID18, "110105 19491231 002X", "110105********002X"},
		{KindID15, "110105491231002", "110105*****1002"},
		{KindMobile, "13812345678", "138****5678"},
		{KindMobile, "138-1234-5678", "138****5678"},
		{KindMobile, "+86 138 1234 5678", "138****5678"},
		{KindMobile, "8613812345678", "138****5678"},
		{KindMobile, "１３８１２３４５６７８", "138****5678"},
		{KindBankCard, "6222021234567890128", "6222***********0128"},
		{KindBankCard, "4111 1111 1111 1111", "4111********1111"},
		{KindBankCard, "4111-1111-1111-1111", "4111********1111"},
		{KindName, "张三丰", "张**"},
		{KindName, "李四", "李*"},
		{KindName, "王", "*"},
		{KindName, " 欧阳娜娜\u3000", "欧***"},
		{KindName, "", ""},
		{KindGeneric, "abc", "a*c"},
		{KindGeneric, "京A12345", "京*****5"},
		{KindGeneric, "ab", "a*"},
		{KindGeneric, "a", "*"},
		{KindGeneric, "𠀀𠀁𠀂", "𠀀*𠀂"},
		{"passport", "E12345678", "E*******8"}, // unknown kinds fall back to generic
		{KindMobile, "", ""},
		{KindID18, "12345", "1234*"}, // too short: keep shrinks so one char is hidden
	}
	for _, tt := range tests {
		if got := p.Mask(tt.kind, tt.value); got != tt.want {
			t.Errorf("Mask(%s, %q) = %q, want %q", tt.kind, tt.value, got, tt.want)
		}
	}
}

func TestMaskCustomRules(t *testing.T) {
	tests := []struct {
		name  string
		rule  Rule
		value string
		want  string
	}{
		{"zero rule hides all", Rule{}, "13812345678", "***********"},
		{"custom mask char", Rule{KeepFirst: 3, KeepLast: 4, MaskChar: "#"}, "13812345678", "138####5678"},
		{"multi-byte mask char", Rule{KeepFirst: 3, KeepLast: 4, MaskChar: "●"}, "13812345678", "138●●●●5678"},
		{"keep first larger than value", Rule{KeepFirst: 20}, "13812345678", "1381234567*"},
		{"keep last larger than value", Rule{KeepLast: 20}, "13812345678", "*3812345678"},
		{"keeps sum to length", Rule{KeepFirst: 7, KeepLast: 4}, "13812345678", "1381234*678"},
		{"negative counts act as zero", Rule{KeepFirst: -2, KeepLast: -1}, "138", "***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Policy{Mobile: tt.rule}
			if got := p.Mask(KindMobile, tt.value); got != tt.want {
				t.Errorf("Mask = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMaskName(t *testing.T) {
	p := DefaultPolicy()
	for in, want := range map[string]string{"张三丰": "张**", "李四": "李*", "司马相如": "司***"} {
		if got := p.MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
	p.Name = Rule{KeepFirst: 1, KeepLast: 1}
	if got := p.MaskName("张三丰"); got != "张*丰" {
		t.Errorf("MaskName with keepLast 1 = %q", got)
	}
}

func TestMaskField(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		kind    Kind
		value   string
		want    string
		wantErr bool
	}{
		{KindName, "张三丰", "张**", false},
		{KindID18, "11010519491231002X", "110105********002X", false},
		{KindID15, "110105491231002", "110105*****1002", false},
		{KindMobile, "138 1234 5678", "138****5678", false},
		{KindBankCard, "4111111111111111", "4111********1111", false},
		{KindGeneric, "A1234", "A***4", false},
		{"passport", "E12345678", "", true},
		{"", "x", "", true},
	}
	for _, tt := range tests {
		got, err := p.MaskField(tt.kind, tt.value)
		if (err != nil) != tt.wantErr {
			t.Errorf("MaskField(%q, %q) error = %v, wantErr %v", tt.kind, tt.value, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("MaskField(%q, %q) = %q, want %q", tt.kind, tt.value, got, tt.want)
		}
	}
}

func TestMaskTextWithKeepsAndEscapes(t *testing.T) {
	p := DefaultPolicy()
	text := "热线13912345678，申请人13812345678，证件11010519491231002X"
	keep := func(f Finding) bool { return f.Text == "13912345678" }
	esc := func(s string) string { return strings.ReplaceAll(s, "*", `\*`) }
	got, fs := p.MaskTextWith(text, MaskOptions{Keep: keep, Escape: esc})
	want := `热线13912345678，申请人138\*\*\*\*5678，证件110105\*\*\*\*\*\*\*\*002X`
	if got != want || len(fs) != 3 {
		t.Errorf("got %q (%d findings), want %q", got, len(fs), want)
	}
	if got, _ := p.MaskTextWith(text, MaskOptions{}); got != "热线139****5678，申请人138****5678，证件110105********002X" {
		t.Errorf("no options: %q", got)
	}
}

func TestFindingValue(t *testing.T) {
	fs := Scan("+86 138-1234-5678，１１０１０５１９４９１２３１００２ｘ")
	if len(fs) != 2 || fs[0].Value() != "13812345678" || fs[1].Value() != "11010519491231002X" {
		t.Fatalf("values of %+v", fs)
	}
}
