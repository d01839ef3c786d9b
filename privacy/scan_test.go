package privacy

import (
	"reflect"
	"strings"
	"testing"
)

// found is the part of a Finding that the scan table checks; offsets are
// checked by checkFindings and by TestScanOffsets.
type found struct {
	Kind   Kind
	Text   string
	Masked string
}

func TestScan(t *testing.T) {
	const id = "11010519491231002X"
	// 110105194912310021 fails both MOD 11-2 and Luhn: with its plausible
	// region and birth date it is a suspected ID (a typo), not a card.
	const badID = "110105194912310021"
	if ValidID18(badID) || Luhn(badID) {
		t.Fatalf("test data: %s must be neither an ID nor a card", badID)
	}
	idCard := idThatPassesLuhn(t)
	card16 := withLuhn("622202123456789")
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"ID and mobile in Chinese text", "身份证号" + id + "，电话13812345678。", []found{
			{KindID18, id, "110105********002X"},
			{KindMobile, "13812345678", "138****5678"},
		}},
		{"ID with lower-case x", "证件：11010519491231002x", []found{{KindID18, "11010519491231002x", "110105********002X"}}},
		{"ID with bad check char is a suspected ID", "身份证号" + badID + "。", []found{{KindID18Suspect, badID, "110105********0021"}}},
		{"ID with changed last char is not flagged", "身份证号11010519491231002Y。", nil},
		{"ID18 with impossible birth date", "号码" + withID18Check("11010519490230002") + "。", nil},
		{"legacy ID15", "旧证110105491231002号", []found{{KindID15, "110105491231002", "110105*****1002"}}},
		{"ID15 with impossible date", "旧证110105491232002号", nil},
		{"full-width ID", "身份证：１１０１０５１９４９１２３１００２Ｘ。", []found{
			{KindID18, "１１０１０５１９４９１２３１００２Ｘ", "110105********002X"},
		}},
		{"full-width ID with full-width lower x", "１１０１０５１９４９１２３１００２ｘ", []found{
			{KindID18, "１１０１０５１９４９１２３１００２ｘ", "110105********002X"},
		}},
		{"full-width mobile", "电话：１３８１２３４５６７８", []found{{KindMobile, "１３８１２３４５６７８", "138****5678"}}},
		{"mobile +86 attached", "tel:+8613812345678.", []found{{KindMobile, "+8613812345678", "138****5678"}}},
		{"mobile 86 attached", "电话8613812345678", []found{{KindMobile, "8613812345678", "138****5678"}}},
		{"mobile +86 and space", "电话 +86 13812345678", []found{{KindMobile, "+86 13812345678", "138****5678"}}},
		{"mobile +86 hyphens 3-4-4", "+86-138-1234-5678", []found{{KindMobile, "+86-138-1234-5678", "138****5678"}}},
		{"mobile 86 spaces 3-4-4", "86 138 1234 5678", []found{{KindMobile, "86 138 1234 5678", "138****5678"}}},
		{"mobile spaces 3-4-4", "手机 138 1234 5678 联系", []found{{KindMobile, "138 1234 5678", "138****5678"}}},
		{"mobile hyphens 3-4-4", "138-1234-5678", []found{{KindMobile, "138-1234-5678", "138****5678"}}},
		{"mobile full-width hyphens", "１３８－１２３４－５６７８", []found{{KindMobile, "１３８－１２３４－５６７８", "138****5678"}}},
		{"mobile ideographic spaces", "138\u30001234\u30005678", []found{{KindMobile, "138\u30001234\u30005678", "138****5678"}}},
		{"mobile mixed separators not flagged", "138-1234 5678", nil},
		{"mobile double space not flagged", "138  1234  5678", nil},
		{"12x is not a mobile prefix", "电话12812345678", nil},
		{"10 digits", "电话1381234567", nil},
		{"12 digits", "电话138123456789", nil},
		{"mobile after letter", "a13812345678", nil},
		{"mobile before letter", "13812345678b", nil},
		{"mobile inside longer run", "编号9138123456780", nil},
		{"mobile after '+' without 86", "+13812345678", []found{{KindMobile, "13812345678", "138****5678"}}},
		{"card 16 digits", "卡号" + card16 + "。", []found{{KindBankCard, card16, "6222********" + card16[12:]}}},
		{"card 19 digits", "卡号6222021234567890128", []found{{KindBankCard, "6222021234567890128", "6222***********0128"}}},
		{"card groups of 4 with spaces", "卡号 4111 1111 1111 1111，", []found{{KindBankCard, "4111 1111 1111 1111", "4111********1111"}}},
		{"card groups of 4 with hyphens", "4111-1111-1111-1111", []found{{KindBankCard, "4111-1111-1111-1111", "4111********1111"}}},
		{"card 19 digits grouped 4-4-4-4-3", "6222 0212 3456 7890 128", []found{{KindBankCard, "6222 0212 3456 7890 128", "6222***********0128"}}},
		{"Luhn-invalid 16 digits not flagged", "卡号4111111111111112。", nil},
		{"Luhn-invalid grouped not flagged", "4111 1111 1111 1112", nil},
		{"zeros pass Luhn but are no card", "编号0000000000000000。", nil},
		{"20 digits not flagged", "流水号" + withLuhn("6222021234567890123") + "。", nil},
		{"ID also passing Luhn is reported once, as ID", "证号" + idCard + "。", []found{
			{KindID18, idCard, idCard[:6] + "********" + idCard[14:]},
		}},
		{"ID inside longer run", "1" + id, nil},
		{"ID followed by digit", id + "7", nil},
		{"ID preceded by letter", "No" + id, nil},
		{"ID followed by letter", id + "Z", nil},
		{"ID after full-width digit", "０" + id, nil},
		{"ID between ASCII punctuation", "(" + id + ")", []found{{KindID18, id, "110105********002X"}}},
		{"several findings", "张三，" + id + "，13812345678；李四，4111111111111111", []found{
			{KindID18, id, "110105********002X"},
			{KindMobile, "13812345678", "138****5678"},
			{KindBankCard, "4111111111111111", "4111********1111"},
		}},
		// The card wins the shared group "4111"; the mobile candidate "170 0000 4111" is dropped.
		{"card wins over an overlapping mobile", "170 0000 4111 1111 1111 1111", []found{
			{KindBankCard, "4111 1111 1111 1111", "4111********1111"},
		}},
		{"dates and amounts are not personal data", "2026年2月13日发布，金额12345.67元，编号2026-0001。", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Scan(tt.text)
			checkFindings(t, tt.text, fs)
			var got []found
			for _, f := range fs {
				got = append(got, found{f.Kind, f.Text, f.Masked})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

// idThatPassesLuhn returns a valid 18-digit ID number that is also a
// Luhn-valid 18-digit card number, to test the overlap rule.
func idThatPassesLuhn(t *testing.T) string {
	t.Helper()
	for seq := 100; seq < 1000; seq++ {
		id := withID18Check("44030419900101" + itoa3(seq))
		if id[17] != 'X' && Luhn(id) && ValidID18(id) {
			return id
		}
	}
	t.Fatal("no ID number passing Luhn found")
	return ""
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

func TestScanOffsets(t *testing.T) {
	// 𠀀 (U+20000) is one rune but two UTF-16 code units; 身 is one of each.
	text := "𠀀身份证11010519491231002X𠀀电话13812345678"
	fs := Scan(text)
	want := []Finding{
		{Kind: KindID18, Start: 4, End: 22, Start16: 5, End16: 23, Text: "11010519491231002X", Masked: "110105********002X"},
		{Kind: KindMobile, Start: 25, End: 36, Start16: 27, End16: 38, Text: "13812345678", Masked: "138****5678"},
	}
	if !reflect.DeepEqual(fs, want) {
		t.Fatalf("Scan(%q)\n got %+v\nwant %+v", text, fs, want)
	}
	checkFindings(t, text, fs)

	// Full-width digits are three bytes but one rune and one UTF-16 unit.
	text = "电话：１３８１２３４５６７８"
	fs = Scan(text)
	if len(fs) != 1 || fs[0].Start != 3 || fs[0].End != 14 || fs[0].Start16 != 3 || fs[0].End16 != 14 {
		t.Fatalf("full-width offsets: %+v", fs)
	}
}

func TestMaskText(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		in, want string
	}{
		{"身份证号11010519491231002X，电话13812345678。", "身份证号110105********002X，电话138****5678。"},
		{"联系 +86 138-1234-5678 或卡 4111 1111 1111 1111", "联系 138****5678 或卡 4111********1111"},
		{"𠀀１３８１２３４５６７８𠀀", "𠀀138****5678𠀀"},
		{"没有个人信息。", "没有个人信息。"},
		{"", ""},
	}
	for _, tt := range tests {
		got, fs := p.MaskText(tt.in)
		if got != tt.want {
			t.Errorf("MaskText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkFindings(t, tt.in, fs)
	}

	custom := Policy{Mobile: Rule{KeepFirst: 3, KeepLast: 4, MaskChar: "●"}}
	got, _ := custom.MaskText("电话13812345678，证11010519491231002X")
	if want := "电话138●●●●5678，证" + strings.Repeat("*", 18); got != want {
		t.Errorf("custom policy: got %q, want %q", got, want)
	}
}
