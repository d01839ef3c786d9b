package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/store"
)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := runCmd(t, "--help")
	if code != 0 || !strings.Contains(out, "serve") || !strings.Contains(out, "-listen") || !strings.Contains(out, "HALLCAST_DATA_DIR") {
		t.Fatalf("--help: %d\n%s", code, out)
	}
	for _, c := range []string{"serve", "migrate", "version", "user add"} {
		args := append(strings.Fields(c), "--help")
		if code, out, _ := runCmd(t, args...); code != 0 || !strings.Contains(out, "Usage: hallcast") {
			t.Errorf("%s --help: %d %s", c, code, out)
		}
	}
	if code, out, _ := runCmd(t, "version"); code != 0 || !strings.HasPrefix(out, "hallcast ") {
		t.Fatalf("version: %d %s", code, out)
	}
	if code, _, errs := runCmd(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Fatalf("unknown command: %d %s", code, errs)
	}
}

func TestBadConfigExitsTwoNamingTheSetting(t *testing.T) {
	t.Setenv("HALLCAST_LISTEN", "notaport")
	code, _, errs := runCmd(t, "serve", "--data-dir", t.TempDir())
	if code != 2 || !strings.Contains(errs, "HALLCAST_LISTEN") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	t.Setenv("HALLCAST_LISTEN", ":8080")
	code, _, errs = runCmd(t, "--session-ttl", "forever", "--data-dir", t.TempDir())
	if code != 2 || !strings.Contains(errs, "--session-ttl") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCmd(t, "user", "add", "--username", "alice", "--role", "admin", "--display-name", "王五", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "password: ") {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCmd(t, "user", "add", "--username", "alice", "--role", "admin", "--data-dir", dir); code != 1 || !strings.Contains(errs, "taken") {
		t.Fatalf("duplicate add: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, "user", "add", "--username", "bob", "--role", "boss", "--data-dir", dir); code != 1 || !strings.Contains(errs, "role") {
		t.Fatalf("bad role: %d %s", code, errs)
	}
	runCmd(t, "user", "add", "--username", "bob", "--role", "editor", "--data-dir", dir)
	if code, out, _ := runCmd(t, "user", "disable", "bob", "--data-dir", dir); code != 0 || !strings.Contains(out, "disabled") {
		t.Fatalf("disable: %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "user", "passwd", "--data-dir", dir, "alice"); code != 0 || !strings.Contains(out, "password: ") {
		t.Fatalf("passwd: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "user", "list", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "alice") || !strings.Contains(out, "王五") || !regexpMatch(out, `bob\s+editor\s+disabled`) {
		t.Fatalf("list: %d\n%s", code, out)
	}
	if code, _, errs := runCmd(t, "user", "disable", "alice", "--data-dir", dir); code != 1 || !strings.Contains(errs, "last enabled admin") {
		t.Fatalf("disable last admin: %d %s", code, errs)
	}
}

func TestRefusesNewerDatabase(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := runCmd(t, "migrate", "--data-dir", dir); code != 0 || !strings.Contains(out, "applied") {
		t.Fatalf("migrate: %d %s %s", code, out, errs)
	}
	runCmd(t, "user", "add", "--username", "keep", "--role", "admin", "--data-dir", dir)
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "hallcast.db")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ('auth', 99, '0099_future.sql', '2030-01-01 00:00:00+00:00')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, errs := runCmd(t, "serve", "--data-dir", dir, "--listen", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "newer") || !strings.Contains(errs, "nothing was changed") {
		t.Fatalf("serve on a newer database: %d %s", code, errs)
	}
	if code, out, _ := runCmd(t, "migrate", "--status", "--data-dir", dir); code != 0 || !strings.Contains(out, "99") {
		t.Fatalf("status: %d %s", code, out)
	}
	code, out, _ := runCmd(t, "user", "list", "--data-dir", dir)
	if code != 1 && !strings.Contains(out, "keep") {
		t.Fatalf("data after refusal: %d %s", code, out)
	}
	db, _ = store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "hallcast.db")})
	defer db.Close()
	var n int
	if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE username = 'keep'"); err != nil || n != 1 {
		t.Fatalf("user row after refusal: %d %v", n, err)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	runCmd(t, "migrate", "--data-dir", dir)
	code, out, errs := runCmd(t, "backup", "--data-dir", dir, "--keep", "2")
	if code != 0 || !strings.Contains(out, "wrote "+filepath.Join(dir, "backups", "hallcast-")) {
		t.Fatalf("backup: %d %s %s", code, out, errs)
	}
}
