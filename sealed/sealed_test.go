package sealed_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/sealed"
)

func ring(t *testing.T, keys ...*sealed.Key) *sealed.Keyring {
	t.Helper()
	r, err := sealed.NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func sealing(t *testing.T, r *sealed.Keyring) *sealed.Key {
	t.Helper()
	k, err := r.Sealing()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealOpen(t *testing.T) {
	r := ring(t, sealed.Generate())
	k := sealing(t, r)
	place := sealed.Place("disclosure_requests", "phone", "261123004711")
	a, b := k.Seal("13812345678", place), k.Seal("13812345678", place)
	if a == b {
		t.Fatal("two seals of one value are equal: the nonce is not random")
	}
	if !strings.HasPrefix(a, "hc1."+k.ID()+".") || strings.Contains(a, "13812345678") || sealed.KeyID(a) != k.ID() || sealed.KeyID("13812345678") != "" {
		t.Fatalf("sealed form %q (key %s)", a, k.ID())
	}
	if got, err := r.Open(a, place); err != nil || got != "13812345678" {
		t.Fatalf("open: %q %v", got, err)
	}
	if k.Seal("", place) != "" {
		t.Fatal("the empty value is sealed")
	}
	if got, err := r.Open("", place); err != nil || got != "" {
		t.Fatalf("open empty: %q %v", got, err)
	}
	// Moved to another row or column, altered, cut: it does not open.
	for name, c := range map[string]struct{ stored, place string }{
		"other row":    {a, sealed.Place("disclosure_requests", "phone", "261123004712")},
		"other column": {a, sealed.Place("disclosure_requests", "name", "261123004711")},
		"altered":      {a[:len(a)-2] + flip(a[len(a)-2]) + a[len(a)-1:], place},
		"cut":          {a[:30], place},
	} {
		if _, err := r.Open(c.stored, c.place); !errors.Is(err, sealed.ErrBroken) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := r.Open("13812345678", place); !errors.Is(err, sealed.ErrNotSealed) {
		t.Errorf("plain: %v", err)
	}
	if _, err := ring(t, sealed.Generate()).Open(a, place); !errors.Is(err, sealed.ErrUnknownKey) {
		t.Errorf("another keyring: %v", err)
	}
	// Bytes: a scanned application.
	scan := bytes.Repeat([]byte("%PDF-1.7 张三丰 11010519491231002X "), 1000)
	sb := k.SealBytes(scan, "disclosure_scans.data/261123004711")
	if bytes.Contains(sb, []byte("11010519491231002X")) {
		t.Fatal("the sealed bytes hold the ID number")
	}
	if got, err := r.OpenBytes(sb, "disclosure_scans.data/261123004711"); err != nil || !bytes.Equal(got, scan) {
		t.Fatalf("open bytes: %d bytes %v", len(got), err)
	}
	if _, err := r.OpenBytes(sb, "disclosure_scans.data/261123004712"); !errors.Is(err, sealed.ErrBroken) {
		t.Fatalf("bytes moved: %v", err)
	}
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

// The first key seals, every key opens: values sealed before a rotation
// still open while it runs.
func TestKeyringFirstSealsAllOpen(t *testing.T) {
	k1, k2 := sealed.Generate(), sealed.Generate()
	old := k1.Seal("张三丰", "p")
	r := ring(t, k2, k1)
	if r.Current() != k2.ID() || sealing(t, r).ID() != k2.ID() || !r.Has(k1.ID()) || len(r.IDs()) != 2 {
		t.Fatalf("current %s, ids %v", r.Current(), r.IDs())
	}
	if got, err := r.Open(old, "p"); err != nil || got != "张三丰" {
		t.Fatalf("old value: %q %v", got, err)
	}
	if _, err := sealed.NewKeyring(k1, k1); err == nil {
		t.Fatal("a key twice is accepted")
	}
	if _, err := sealed.NewKeyring(); err == nil {
		t.Fatal("no key is accepted")
	}
}

func TestParseKeys(t *testing.T) {
	a, b := strings.Repeat("0a", 32), strings.Repeat("b1", 32)
	keys, err := sealed.ParseKeys("# comment\n" + a + "\n\n" + b + " # not a key\n")
	if err == nil {
		t.Fatalf("a trailing comment on a key line is accepted: %d keys", len(keys))
	}
	keys, err = sealed.ParseKeys("# comment, with a comma\n" + a + ",\r\n" + b + "\n")
	if err != nil || len(keys) != 2 {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	for _, bad := range []string{"", "# only a comment", "abcd", a + "," + a, a + "zz"} {
		if _, err := sealed.ParseKeys(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
