package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/store"
)

func TestDeviceAddPairsScreensInBulk(t *testing.T) {
	dir := t.TempDir()
	tokens := filepath.Join(dir, "tokens.txt")
	var out, errb bytes.Buffer
	code := run([]string{"device", "add", "--kind", "screen", "--count", "3", "--group", "一楼大厅", "--tokens-file", tokens,
		"--data-dir", filepath.Join(dir, "data")}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	b, err := os.ReadFile(tokens)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(b))
	if len(lines) != 3 {
		t.Fatalf("%d tokens", len(lines))
	}
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "data", "hallcast.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d, err := device.New(db, device.Options{}).Authenticate(ctx, lines[2])
	if err != nil || d == nil || d.Kind != device.KindScreen || d.Name != "屏幕-3" {
		t.Fatalf("token 3: %+v %v", d, err)
	}
	refs, err := display.New(display.Options{DB: db}).ScreensIn(ctx, nil, true)
	if err != nil || len(refs) != 3 || len(refs[0].Groups) != 1 {
		t.Fatalf("screens %+v %v", refs, err)
	}
	if code := run([]string{"device", "add", "--kind", "lamp", "--tokens-file", tokens}, &out, &errb); code != exitUsage {
		t.Fatalf("bad kind: exit %d", code)
	}
}
