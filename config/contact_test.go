package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/config"
)

// The contact keys come as a list (the first seals), from the setting or
// a file of one key per line with comments; anything else names the
// setting and never shows the value.
func TestContactKeys(t *testing.T) {
	k1, k2 := strings.Repeat("ab", 32), strings.Repeat("cd", 32)
	path := filepath.Join(t.TempDir(), "contact.keys")
	if err := os.WriteFile(path, []byte("# new key first\n"+k2+"\n"+k1+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := load(t, nil, map[string]string{"HALLCAST_CONTACT_KEY_FILE": path})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ContactKeys) != 2 || c.ContactKeys[0][0] != 0xcd || c.ContactKeys[1][0] != 0xab {
		t.Fatalf("keys from the file: %x", c.ContactKeys)
	}
	c, err = load(t, nil, map[string]string{"HALLCAST_CONTACT_KEY": k1 + ", " + k2})
	if err != nil || len(c.ContactKeys) != 2 || c.ContactKeys[0][0] != 0xab {
		t.Fatalf("keys from the setting: %x %v", c.ContactKeys, err)
	}
	c, err = load(t, nil, nil)
	if err != nil || c.ContactKeys != nil || c.ContactKeyPath() != filepath.Join("data", "contact.key") {
		t.Fatalf("default: %v %x %s", err, c.ContactKeys, c.ContactKeyPath())
	}
	for _, bad := range []string{"abcd", k1 + ",zz", k1 + "," + k1} {
		_, err = load(t, nil, map[string]string{"HALLCAST_CONTACT_KEY": bad})
		var ce *config.Error
		if !errors.As(err, &ce) || ce.Setting != "HALLCAST_CONTACT_KEY" || ce.Value != "" || strings.Contains(err.Error(), k1) {
			t.Errorf("%.10s…: %v", bad, err)
		}
	}
}
