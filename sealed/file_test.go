package sealed_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/sealed"
)

// The key file is created once with mode 0600 and read back; a file
// others may read is refused.
func TestKeyFileCreatedPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "contact.key")
	a, err := sealed.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v %v", st.Mode().Perm(), err)
	}
	b, err := sealed.LoadOrCreate(path)
	if err != nil || b.Current() != a.Current() || b.Path() != path {
		t.Fatalf("read back: %v %s %s", err, b.Current(), a.Current())
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sealed.LoadOrCreate(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a readable key file: %v", err)
	}
}

// A rotation adds a key to the file; a keyring loaded before (a running
// server) seals with it from then on and opens what it seals; after the
// old key is removed, values it sealed no longer open.
func TestKeyFileAddAndRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "contact.key")
	server, err := sealed.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	old := server.Current()
	before := sealing(t, server).Seal("13812345678", "p")
	cli, err := sealed.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	added, err := cli.Add()
	if err != nil || added == old || cli.Current() != added || len(cli.IDs()) != 2 {
		t.Fatalf("add: %s %v, ids %v", added, err, cli.IDs())
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode after add %v", st.Mode().Perm())
	}
	after := sealing(t, cli).Seal("13912345678", "p")
	// The running server opens the new key's value, and seals with it.
	if got, err := server.Open(after, "p"); err != nil || got != "13912345678" {
		t.Fatalf("server opens the new key's value: %q %v", got, err)
	}
	if k := sealing(t, server); k.ID() != added {
		t.Fatalf("server seals with %s, want %s", k.ID(), added)
	}
	if err := cli.Remove(added); err == nil {
		t.Fatal("the current key was removed")
	}
	if err := cli.Remove(old); err != nil {
		t.Fatal(err)
	}
	fresh, err := sealed.LoadOrCreate(path)
	if err != nil || len(fresh.IDs()) != 1 || fresh.Current() != added {
		t.Fatalf("after remove: %v %v", fresh.IDs(), err)
	}
	if _, err := fresh.Open(before, "p"); !errors.Is(err, sealed.ErrUnknownKey) {
		t.Fatalf("a removed key's value: %v", err)
	}
	// Configured keys are changed in the configuration, not here.
	conf := ring(t, sealed.Generate())
	if _, err := conf.Add(); !errors.Is(err, sealed.ErrConfigured) {
		t.Fatalf("add to configured keys: %v", err)
	}
	if err := conf.Remove("x"); !errors.Is(err, sealed.ErrConfigured) {
		t.Fatalf("remove from configured keys: %v", err)
	}
}

// Values are sealed and opened while the key file changes under the
// keyring (run with -race).
func TestKeyFileChangesWhileInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "contact.key")
	server, err := sealed.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	cli, err := sealed.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 4)
	for range 4 {
		go func() {
			for range 200 {
				k, err := server.Sealing()
				if err != nil {
					done <- err
					return
				}
				if got, err := server.Open(k.Seal("13812345678", "p"), "p"); err != nil || got != "13812345678" {
					done <- fmt.Errorf("open: %q %v", got, err)
					return
				}
			}
			done <- nil
		}()
	}
	for range 3 {
		if _, err := cli.Add(); err != nil {
			t.Fatal(err)
		}
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if k, _ := server.Sealing(); k.ID() != cli.Current() || len(server.IDs()) != 4 {
		t.Fatalf("server seals with %s, the file's first key is %s", k.ID(), cli.Current())
	}
}
