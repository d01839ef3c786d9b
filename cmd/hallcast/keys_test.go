package main

import (
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

type builtinCal struct{ c *calendar.Calendar }

func (b builtinCal) Calendar(context.Context) (*calendar.Calendar, error) { return b.c, nil }

// contactData is a database with the services that seal on it, as a
// running server has them.
type contactData struct {
	db   *store.DB
	cfg  *config.Config
	args []string // the database flags of the commands
}

func newContactData(t *testing.T, d store.Dialect) *contactData {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	cfg := &config.Config{DataDir: dir, TimeZone: time.FixedZone("CST", 8*3600)}
	args := []string{"--data-dir", dir}
	if d == store.Postgres {
		cfg.DatabaseURL = storetest.PostgresURL(t)
		args = append(args, "--database-url", cfg.DatabaseURL)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background(), server.Migrations()...); err != nil {
		t.Fatal(err)
	}
	return &contactData{db: db, cfg: cfg, args: args}
}

// services returns the request and suggestion services sealing with keys.
func (c *contactData) services(t *testing.T, keys *sealed.Keyring) (*disclosure.Service, *suggestion.Service) {
	t.Helper()
	cal, err := calendar.New(calendar.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	at := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, c.cfg.TimeZone))
	return disclosure.New(c.db, disclosure.Options{Keys: keys, Clock: at, Location: c.cfg.TimeZone, Calendar: builtinCal{cal}}),
		suggestion.New(c.db, suggestion.Options{Keys: keys, Clock: at, Location: c.cfg.TimeZone})
}

// fill stores n requests (one with a scan) and n suggestions.
func fill(t *testing.T, reqs *disclosure.Service, sugs *suggestion.Service, n int) {
	t.Helper()
	ctx := context.Background()
	for i := range n {
		a := applicant()
		if i == 0 {
			reg := disclosure.Registration{Application: a, Channel: disclosure.ChannelPost, ReceivedOn: "2026-11-20", Note: "挂号信"}
			if _, err := reqs.Register(ctx, cliActor(), reg, &web.File{Name: "张三丰申请表.png", Data: pngBytes}); err != nil {
				t.Fatal(err)
			}
		} else if _, err := reqs.Submit(ctx, 0, a); err != nil {
			t.Fatal(err)
		}
		if _, err := sugs.Submit(ctx, 0, suggestion.Input{Category: "complaint", Body: "三号窗口无人", Phone: "13912345678"}); err != nil {
			t.Fatal(err)
		}
	}
}

func applicant() disclosure.Application {
	return disclosure.Application{ApplicantType: "person", Name: "张三丰", IDType: "resident_id", IDNumber: "11010519491231002X",
		Phone: "13812345678", Address: "某县城关镇解放路1号", Description: "征地补偿款发放明细", Form: "paper", Delivery: "mail"}
}

var pngBytes = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)

// readAll opens every request, scan and suggestion as the admin pages do.
func readAll(t *testing.T, reqs *disclosure.Service, sugs *suggestion.Service) {
	t.Helper()
	ctx := context.Background()
	list, err := reqs.List(ctx, true)
	if err != nil || len(list) == 0 {
		t.Fatalf("list: %d %v", len(list), err)
	}
	for _, r := range list {
		full, err := reqs.Get(ctx, r.ID)
		if err != nil || full.Name != "张三丰" || full.Address != "某县城关镇解放路1号" || full.PhoneMasked != "138****5678" {
			t.Fatalf("request %d: %+v %v", r.ID, full, err)
		}
		if full.Scan != nil {
			if _, data, err := reqs.Scan(ctx, r.ID); err != nil || string(data) != string(pngBytes) {
				t.Fatalf("scan of %d: %v", r.ID, err)
			}
		}
	}
	sl, err := sugs.List(ctx, true)
	if err != nil || len(sl) == 0 || sl[0].Body != "三号窗口无人" {
		t.Fatalf("suggestions %+v %v", sl, err)
	}
}

// A rotation with the key file: the new key goes first, a running server
// seals with it and still reads everything, every row is sealed again;
// rows an instance stored with the old key meanwhile stop the retirement
// until a second run seals them; then the old key is removed and opens
// nothing any more.
func TestKeysRotateAndRetire(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		ctx := context.Background()
		c := newContactData(t, d)
		keys, _, _, err := server.SealStored(ctx, c.db, c.cfg, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		old := keys.Current()
		reqs, sugs := c.services(t, keys) // the running server
		fill(t, reqs, sugs, 3)
		oldValue := sealingKey(t, keys).Seal("13812345678", "p")
		oldKey := fileKeys(t, c.cfg)[0]

		code, out, errs := runCmd(t, append([]string{"keys", "rotate", "--contact"}, c.args...)...)
		if code != exitOK || !strings.Contains(out, "added the contact key") || !strings.Contains(out, "sealed 7 rows") {
			t.Fatalf("rotate: %d\n%s%s", code, out, errs)
		}
		now := fileKeys(t, c.cfg)
		if len(now) != 2 || now[0].ID() == old || now[1].ID() != old {
			t.Fatalf("key file after rotate: %v", ids(now))
		}
		// The running server reads what was sealed again and seals with the new key.
		readAll(t, reqs, sugs)
		fill(t, reqs, sugs, 1)
		counts, err := server.SealedHolders(c.db, c.cfg, keys).Count(ctx)
		if err != nil || counts[old] != 0 || counts[now[0].ID()] != 10 {
			t.Fatalf("rows by key after rotate: %v %v", counts, err)
		}

		// An instance that still has the old key only stores a row with it.
		stale, _ := c.services(t, mustRing(t, oldKey))
		if _, err := stale.Submit(ctx, 0, applicant()); err != nil {
			t.Fatal(err)
		}
		if code, out, errs := runCmd(t, append([]string{"keys", "retire", "--contact"}, c.args...)...); code != exitError || !strings.Contains(errs, "still sealed with "+old) {
			t.Fatalf("retire with a row under the old key: %d %s%s", code, out, errs)
		}
		code, out, errs = runCmd(t, append([]string{"keys", "rotate", "--contact"}, c.args...)...)
		if code != exitOK || !strings.Contains(out, "going on with the contact key "+now[0].ID()) || !strings.Contains(out, "sealed 1 rows") {
			t.Fatalf("rotate again: %d\n%s%s", code, out, errs)
		}
		code, out, errs = runCmd(t, append([]string{"keys", "retire", "--contact"}, c.args...)...)
		if code != exitOK || !strings.Contains(out, "retired and removed") {
			t.Fatalf("retire: %d\n%s%s", code, out, errs)
		}
		if after := fileKeys(t, c.cfg); len(after) != 1 || after[0].ID() != now[0].ID() {
			t.Fatalf("key file after retire: %v", ids(after))
		}
		// Without the old key everything still opens; what only it sealed does not.
		fresh, err := server.ContactKeys(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		r2, s2 := c.services(t, fresh)
		readAll(t, r2, s2)
		if _, err := fresh.Open(oldValue, "p"); !errors.Is(err, sealed.ErrUnknownKey) {
			t.Fatalf("a value of the retired key: %v", err)
		}
		// The retired key may not seal again.
		if err := sealed.Register(ctx, c.db, mustRing(t, oldKey), time.Now()); err == nil {
			t.Fatal("an instance with the retired key starts")
		}
		if code, out, _ := runCmd(t, append([]string{"keys", "status", "--contact"}, c.args...)...); code != exitOK ||
			!strings.Contains(out, now[0].ID()+"  11 rows (seals)") || !strings.Contains(out, old+"  0 rows (retired") {
			t.Fatalf("status: %d\n%s", code, out)
		}
	})
}

// With keys in HALLCAST_CONTACT_KEY the command never writes a key: the
// new key is put first in the setting, the command seals with it, and
// retire says to take the old one out of the setting.
func TestKeysRotateConfigured(t *testing.T) {
	ctx := context.Background()
	c := newContactData(t, store.SQLite)
	h1, h2 := strings.Repeat("1a", 32), strings.Repeat("2b", 32)
	k2 := keyOf(t, h2)
	c.cfg.ContactKeys = [][]byte{mustHex(t, h1)}
	t.Setenv("HALLCAST_CONTACT_KEY", h1)
	keys, _, _, err := server.SealStored(ctx, c.db, c.cfg, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	reqs, sugs := c.services(t, keys)
	fill(t, reqs, sugs, 2)
	code, out, _ := runCmd(t, append([]string{"keys", "rotate", "--contact"}, c.args...)...)
	if code != exitOK || !strings.Contains(out, "put a new key first") {
		t.Fatalf("rotate without a new key: %d %s", code, out)
	}
	t.Setenv("HALLCAST_CONTACT_KEY", h2+","+h1)
	code, out, errs := runCmd(t, append([]string{"keys", "rotate", "--contact"}, c.args...)...)
	if code != exitOK || !strings.Contains(out, "sealed 5 rows with the contact key "+k2.ID()) {
		t.Fatalf("rotate: %d %s%s", code, out, errs)
	}
	code, out, _ = runCmd(t, append([]string{"keys", "retire", "--contact"}, c.args...)...)
	if code != exitOK || !strings.Contains(out, "remove it from HALLCAST_CONTACT_KEY") {
		t.Fatalf("retire: %d %s", code, out)
	}
	if _, err := os.Stat(c.cfg.ContactKeyPath()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a key file was written: %v", err)
	}
	r2, s2 := c.services(t, mustRing(t, k2))
	readAll(t, r2, s2)
}

func mustHex(t *testing.T, h string) []byte {
	t.Helper()
	b, err := hex.DecodeString(h)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func keyOf(t *testing.T, h string) *sealed.Key {
	t.Helper()
	k, err := sealed.NewKey(mustHex(t, h))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func sealingKey(t *testing.T, r *sealed.Keyring) *sealed.Key {
	t.Helper()
	k, err := r.Sealing()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustRing(t *testing.T, keys ...*sealed.Key) *sealed.Keyring {
	t.Helper()
	r, err := sealed.NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fileKeys reads the key file of the data folder.
func fileKeys(t *testing.T, cfg *config.Config) []*sealed.Key {
	t.Helper()
	b, err := os.ReadFile(cfg.ContactKeyPath())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := sealed.ParseKeys(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func ids(keys []*sealed.Key) []string {
	var out []string
	for _, k := range keys {
		out = append(out, k.ID())
	}
	return out
}
