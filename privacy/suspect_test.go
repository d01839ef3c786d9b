package privacy

import (
	"reflect"
	"testing"
)

// wrongCheck returns 17 digits with a check character that fails MOD 11-2.
func wrongCheck(first17 string) string {
	good := withID18Check(first17)
	if good[17] == '0' {
		return first17 + "1"
	}
	return first17 + "0"
}

func TestSuspectedIDs(t *testing.T) {
	shenzhen := wrongCheck("44030419900101001") // 深圳福田, born 1990-01-01
	chengdu := wrongCheck("51010719820714253")  // 成都, born 1982-07-14
	hongkong := wrongCheck("81000019750302123") // 港澳居民居住证, born 1975-03-02
	card18 := withLuhn("62170012345678901")     // 18-digit card: 62 is 甘肃, but 1234-56-78 is no date
	order := "202611231234567890"               // order number: no province 20
	for _, s := range []string{shenzhen, chengdu, hongkong, order} {
		if ValidID18(s) || Luhn(s) {
			t.Fatalf("test data: %s must be neither a valid ID nor a card", s)
		}
	}
	xWrong := "11010519491231001X" // X where the check digit is 8
	if ValidID18(xWrong) {
		t.Fatal("test data: the X must be wrong")
	}
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"one digit off the design example", "身份证号110105194912310021，", []found{{KindID18Suspect, "110105194912310021", "110105********0021"}}},
		{"Shenzhen, wrong check digit", "申请人李四 " + shenzhen + " 已受理", []found{{KindID18Suspect, shenzhen, shenzhen[:6] + "********" + shenzhen[14:]}}},
		{"Chengdu in a list cell", chengdu, []found{{KindID18Suspect, chengdu, chengdu[:6] + "********" + chengdu[14:]}}},
		{"Hong Kong residence permit", "证件号码：" + hongkong, []found{{KindID18Suspect, hongkong, hongkong[:6] + "********" + hongkong[14:]}}},
		{"X where a digit belongs", "身份证" + xWrong + "。", []found{{KindID18Suspect, xWrong, "110105********001X"}}},
		{"lower-case x where a digit belongs", "身份证11010519491231001x。", []found{{KindID18Suspect, "11010519491231001x", "110105********001X"}}},
		{"full-width digits", "１１０１０５１９４９１２３１００２１", []found{{KindID18Suspect, "１１０１０５１９４９１２３１００２１", "110105********0021"}}},
		{"valid ID stays a valid ID", "11010519491231002X", []found{{KindID18, "11010519491231002X", "110105********002X"}}},
		{"suspect next to a mobile", "110105194912310021 13812345678", []found{
			{KindID18Suspect, "110105194912310021", "110105********0021"}, {KindMobile, "13812345678", "138****5678"}}},

		{"mobile number", "电话13812345678", []found{{KindMobile, "13812345678", "138****5678"}}},
		{"grouped mobile", "+86 138 1234 5678", []found{{KindMobile, "+86 138 1234 5678", "138****5678"}}},
		{"order number without a province", "订单号" + order, nil},
		{"province 19 does not exist", "编号191234199001010012", nil},
		{"province 90 does not exist", "编号901234199001010012", nil},
		{"region code starting with 0", "编号010105194912310021", nil},
		{"month 13", "编号110105194913310021", nil},
		{"30 February", "编号110105194902300022", nil},
		{"born before 1900", "编号110105189912310021", nil},
		{"born in 2099", "编号110105209901010021", nil},
		{"19-digit bank card", "卡号6222021234567890128", []found{{KindBankCard, "6222021234567890128", "6222***********0128"}}},
		{"16-digit bank card", "卡号4111111111111111", []found{{KindBankCard, "4111111111111111", "4111********1111"}}},
		{"18-digit bank card without a birth date", "卡号" + card18, []found{{KindBankCard, card18, "6217**********" + card18[14:]}}},
		{"17 digits", "编号11010519491231002", nil},
		{"19 digits", "编号1101051949123100211", nil},
		{"glued to letters", "No110105194912310021", nil},
		{"glued to a digit", "0110105194912310021", nil},
		{"document number and hotline", "〔2026〕12号，热线12345", nil},
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

// TestSuspectBirthDateUpToToday pins "today" so that the bound does not
// depend on the machine's date.
func TestSuspectBirthDateUpToToday(t *testing.T) {
	s := wrongCheck("11010520261123001")
	if !suspectID18(s, 20261123) {
		t.Errorf("%s born today is a suspect", s)
	}
	if suspectID18(s, 20261122) {
		t.Errorf("%s born tomorrow is no suspect", s)
	}
	if suspectID18(withID18Check("11010520261123001"), 20261123) {
		t.Error("a valid check digit is no suspect")
	}
}

func TestSuspectMaskingFollowsTheIDRule(t *testing.T) {
	p := DefaultPolicy()
	p.ID18 = Rule{KeepFirst: 3, KeepLast: 2, MaskChar: "#"}
	got, fs := p.MaskText("号码110105194912310021。")
	if got != "号码110#############21。" || len(fs) != 1 || fs[0].Kind != KindID18Suspect {
		t.Errorf("masked %q %+v", got, fs)
	}
	if !KindID18Suspect.IsIDNumber() || !KindID15.IsIDNumber() || KindMobile.IsIDNumber() {
		t.Error("IsIDNumber")
	}
}
