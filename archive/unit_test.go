package archive

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

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

func TestProtectionAfter(t *testing.T) {
	p := DefaultProtection()
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var st kioskState
	for i := 1; i <= 4; i++ {
		st = p.after(st, false, now)
	}
	if st.Misses != 4 || st.NextAt != nil {
		t.Fatalf("after 4 misses: %+v", st)
	}
	st = p.after(st, false, now)
	if o, wait := st.refusal(now); o != OutcomeSlowed || wait != 5*time.Second {
		t.Fatalf("5th miss: %s %s", o, wait)
	}
	st = p.after(st, false, now)
	if _, wait := st.refusal(now); wait != 10*time.Second {
		t.Fatalf("6th miss: wait %s", wait)
	}
	if st = p.after(st, true, now); st.Misses != 0 || st.NextAt != nil {
		t.Fatalf("a hit ends the run: %+v", st)
	}
	st = p.after(st, false, now)
	if st = p.after(st, false, now.Add(2*time.Hour)); st.Misses != 1 {
		t.Fatalf("old misses are forgotten: %+v", st)
	}
	for range 19 {
		st = p.after(st, false, now)
	}
	if o, wait := st.refusal(now); o != OutcomeLocked || wait != 15*time.Minute || st.Locks != 1 || st.Misses != 0 {
		t.Fatalf("20th miss: %s %s %+v", o, wait, st)
	}
	if o, _ := st.refusal(now.Add(15 * time.Minute)); o != "" {
		t.Fatalf("still refused after the lock: %s", o)
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
