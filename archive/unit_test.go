package archive

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/privacy"
)

func TestNormalizeKeyAndDerive(t *testing.T) {
	if got := NormalizeKey(" １１０１０５-１９４９ x"); got != "1101051949X" {
		t.Fatalf("NormalizeKey: %q", got)
	}
	k := QueryKey{Name: "id6", Label: "后六位", Last: 6, Keypad: KeypadDigits}
	cases := []struct {
		in     string
		want   string
		reason Reason
	}{
		{"11010519491231002x", "31002X", ""},
		{"１１０１０５１９４９１２３１００２Ｘ", "31002X", ""},
		{"12345", "", ReasonKeyShort},
		{"  ", "", ReasonKeyMissing},
		{"1101051949123100AB", "", ReasonKeyChars},
	}
	for _, c := range cases {
		got, reason := k.derive(c.in)
		if got != c.want || reason != c.reason {
			t.Errorf("derive(%q) = %q %q, want %q %q", c.in, got, reason, c.want, c.reason)
		}
	}
	alnum := QueryKey{Keypad: KeypadAlnum}
	if got, r := alnum.derive("京a-12 34"); r != ReasonKeyChars || got != "" {
		t.Errorf("Chinese in an alnum key: %q %q", got, r)
	}
	if got, r := alnum.derive("ab-12 34"); r != "" || got != "AB1234" {
		t.Errorf("alnum: %q %q", got, r)
	}
}

func TestDetectEncoding(t *testing.T) {
	text := "姓名,身份证号\n张三,11010519491231002X\n"
	g, _ := simplifiedchinese.GBK.NewEncoder().String(text)
	cases := map[string]Encoding{
		text:                          EncodingUTF8,
		"\xEF\xBB\xBF" + text:         EncodingUTF8,
		g:                             EncodingGBK,
		"plain,ascii\n":               EncodingUTF8,
		text[:len(text)-20] + "张"[:2]: EncodingUTF8, // a character cut by the sample's end
	}
	for in, want := range cases {
		if got := detect([]byte(in)); got != want {
			t.Errorf("detect(%q) = %s, want %s", in, got, want)
		}
	}
}

// The default rules: a kiosk slows from its 5th miss in the hour (5 s,
// then 10 s) and locks at its 20th, for 15 minutes; an address locks at
// 40, a person's keys at 10.
func TestProtectionRules(t *testing.T) {
	p := DefaultProtection()
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	k := p.kioskRule()
	var st lockout.State
	for range 4 {
		st = k.Miss(st, now)
	}
	if o, _ := st.Refused(now); o != "" || st.Count(k, now) != 4 {
		t.Fatalf("after 4 misses: %s %+v", o, st)
	}
	st = k.Miss(st, now)
	if o, wait := st.Refused(now); o != OutcomeSlowed || wait != 5*time.Second {
		t.Fatalf("5th miss: %s %s", o, wait)
	}
	st = k.Miss(st, now)
	if _, wait := st.Refused(now); wait != 10*time.Second {
		t.Fatalf("6th miss: wait %s", wait)
	}
	for range 14 {
		st = k.Miss(st, now)
	}
	if o, wait := st.Refused(now); o != OutcomeLocked || wait != 15*time.Minute || st.Locks != 1 {
		t.Fatalf("20th miss: %s %s %+v", o, wait, st)
	}
	if p.addressRule().LockAfter != 40 || p.keyRule().LockAfter != 10 || !k.Keep || p.keyRule().Keep {
		t.Fatalf("rules: %+v %+v", p.addressRule(), p.keyRule())
	}
}

// A person looked up is named by the keys a guesser keeps (all but the
// shortest), hashed: guesses of a card's last four digits for one ID
// number count together, and the name holds no key.
func TestPersonOfALookup(t *testing.T) {
	key, _ := NewKey(make([]byte, 32))
	s := &Service{key: key}
	ds := &Dataset{ID: 7, Definition: Definition{Keys: []QueryKey{
		{Name: "id_number", Field: "id_number"}, {Name: "card_last4", Field: "card", Last: 4}}}}
	a := s.person(ds, []string{"11010519491231002X", "0000"})
	if b := s.person(ds, []string{"11010519491231002X", "1234"}); a != b {
		t.Fatalf("one ID, two guesses: %s, %s", a, b)
	}
	if c := s.person(ds, []string{"110105194912310000", "0000"}); c == a {
		t.Fatal("two IDs, one person")
	}
	if !strings.HasPrefix(a, "7:") || strings.Contains(a, "1949") || len(a) != 2+32 {
		t.Fatalf("person name %q", a)
	}
	for _, c := range []struct {
		keys []QueryKey
		want int
	}{
		{[]QueryKey{{Last: 4}, {}}, 0},
		{[]QueryKey{{}, {Last: 6}, {Last: 4}}, 2},
		{[]QueryKey{{Last: 4}, {Last: 4}}, 1},
		{[]QueryKey{{}}, 0},
	} {
		if got := shortestKey(c.keys); got != c.want {
			t.Errorf("shortestKey(%+v) = %d, want %d", c.keys, got, c.want)
		}
	}
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "张**", `a"b\c`, "tab\there\nline\r", "\x00\x1f", "\u2028\u2029", "<&>", "é😀"} {
		var v string
		b := appendJSONString(nil, s)
		if err := json.Unmarshal(b, &v); err != nil || v != s {
			t.Errorf("%q → %s → %q %v", s, b, v, err)
		}
	}
}

func TestKeyFileIsCreatedPrivateAndReused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.key")
	k1, err := LoadOrCreateKey(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v %v", st.Mode(), err)
	}
	k2, err := LoadOrCreateKey(path)
	if err != nil || k2.ID() != k1.ID() || string(k2.secret) != string(k1.secret) {
		t.Fatalf("reload: %v", err)
	}
	if k1.keyHash(1, []string{"a"}) == nil || string(k1.keyHash(1, []string{"ab"})) == string(k1.keyHash(1, []string{"a", "b"})) {
		t.Fatal("values are not length-prefixed")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOrCreateKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("readable key accepted: %v", err)
	}
}

func TestTextValuesKeepTheirCaseAndFoldWidth(t *testing.T) {
	p := privacy.DefaultPolicy()
	canonical, display, reason := prepare(p, Field{Name: "item"}, " box　１２元 ")
	if canonical != "box 12元" || display != "box　１２元" || reason != "" {
		t.Fatalf("text: %q %q %q", canonical, display, reason)
	}
	// An ID number in a field not declared personal is masked anyway.
	_, display, _ = prepare(p, Field{Name: "note"}, "身份证11010519491231002X")
	if display != "身份证110105********002X" {
		t.Fatalf("stray ID: %q", display)
	}
	if foldText("plain") != "plain" || !mayHaveWide("１") || mayHaveWide("张三") {
		t.Fatal("fast path")
	}
}
