package server_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/suggestion"
)

// released is m as a release had it: its migrations up to version n.
func released(t *testing.T, m store.Migrations, n int) store.Migrations {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, dir := range []string{"sqlite", "postgres"} {
		entries, err := fs.ReadDir(m.FS, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			v, _ := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
			if v > n {
				continue
			}
			b, err := fs.ReadFile(m.FS, dir+"/"+e.Name())
			if err != nil {
				t.Fatal(err)
			}
			fsys[dir+"/"+e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	return store.Migrations{Component: m.Component, FS: fsys}
}

// beforeSealing are the migrations of the release before personal data
// was sealed.
func beforeSealing(t *testing.T) []store.Migrations {
	var out []store.Migrations
	for _, m := range server.Migrations() {
		switch m.Component {
		case "sealed":
		case "disclosure":
			out = append(out, released(t, m, 2))
		case "suggestion":
			out = append(out, released(t, m, 1))
		default:
			out = append(out, m)
		}
	}
	return out
}

// oldRows stores plain rows as the release before sealing did: n
// requests (the first with a scan) and n suggestions; it returns their
// tracking numbers.
func oldRows(t *testing.T, db *store.DB, n, from int) []string {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	var nos []string
	for i := from; i < from+n; i++ {
		no := fmt.Sprintf("2611200%05d", i)
		nos = append(nos, no)
		var id int64
		if err := db.Writer().GetContext(ctx, &id, db.Rebind(`INSERT INTO disclosure_requests (tracking_no, applicant_type, name, id_type, id_number,
			phone, phone_last4, email, address, description, form, delivery, status, channel, applicant_category, note, created_at, updated_at)
			VALUES (?, 'person', '张三丰', 'resident_id', '11010519491231002X', '13812345678', '5678', 'zsf@example.cn', '某县城关镇解放路1号',
			'本人张三丰的征地补偿明细', 'paper', 'mail', 'processing', 'post', 'natural_person', '挂号信 张三丰', ?, ?) RETURNING id`), no, at, at); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ctx, `INSERT INTO disclosure_events (request_id, kind, on_date, actor_name, created_at) VALUES (?, 'received', '2026-11-20', 'ed', ?)`, id, at); err != nil {
			t.Fatal(err)
		}
		if i == from {
			if _, err := db.Exec(ctx, `INSERT INTO disclosure_scans (request_id, name, content_type, size, sha256, data, created_at)
				VALUES (?, '张三丰申请表.png', 'image/png', ?, 'x', ?, ?)`, id, len(oldScan), oldScan, at); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Exec(ctx, `INSERT INTO suggestions (tracking_no, category, body, phone, lookup_key, status, created_at, updated_at)
			VALUES (?, 'complaint', '我是李四，请回电13912345678', '13912345678', '5678', 'received', ?, ?)`, no, at, at); err != nil {
			t.Fatal(err)
		}
	}
	return nos
}

var oldScan = append([]byte("\x89PNG\r\n\x1a\n"), []byte("申请人 张三丰 身份证号 11010519491231002X")...)

// The first start after the upgrade seals every plain row (more than a
// batch), scans included, and rewrites the database files: no plain value
// is left in any file of the data folder nor in a pg_dump. The pages show
// the rows as before, the kiosk's status lookup still finds them. A second
// run changes nothing; rows an old instance stored meanwhile are sealed
// on the next run, the others left as they are.
func TestUpgradeSealsPlainRows(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "data")
		url := ""
		if d == store.Postgres {
			url = storetest.PostgresURL(t)
		}
		old, err := store.Open(ctx, store.Options{URL: url, SQLitePath: filepath.Join(dir, "hallcast.db")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := old.Migrate(ctx, beforeSealing(t)...); err != nil {
			t.Fatal(err)
		}
		nos := oldRows(t, old, 230, 0)
		old.Close()

		s := servertest.Start(t, func(cfg *config.Config, _ *server.Options) { cfg.DataDir, cfg.DatabaseURL = dir, url })
		var raw []struct {
			Name    string `db:"name"`
			ID      string `db:"id_number"`
			Phone   string `db:"phone"`
			Address string `db:"address"`
			Key     string `db:"seal_key"`
		}
		if err := s.App.DB.Select(ctx, &raw, "SELECT name, id_number, phone, address, seal_key FROM disclosure_requests ORDER BY id"); err != nil {
			t.Fatal(err)
		}
		for _, r := range raw {
			if r.Key != s.App.ContactKeys.Current() || sealed.KeyID(r.Name) != r.Key || sealed.KeyID(r.ID) != r.Key || sealed.KeyID(r.Address) != r.Key {
				t.Fatalf("row not sealed: %+v", r)
			}
		}
		s.User(t, "ed", auth.RoleEditor)
		ed := s.Login(t, "ed", "ed-password-1")
		var list struct{ Requests []disclosure.Request }
		ed.Do("GET", "/api/admin/disclosure/requests?all=1", nil).JSON(t, &list)
		if len(list.Requests) != 230 || list.Requests[0].Name != "张**" || list.Requests[0].IDMasked != "110105********002X" || list.Requests[0].PhoneMasked != "138****5678" {
			t.Fatalf("list: %d %+v", len(list.Requests), list.Requests[0])
		}
		first := list.Requests[len(list.Requests)-1]
		var full disclosure.Request
		ed.Do("GET", fmt.Sprintf("/api/admin/disclosure/requests/%d", first.ID), nil).JSON(t, &full)
		if full.Name != "张三丰" || full.Address != "某县城关镇解放路1号" || full.Email != "zsf@example.cn" || full.Note != "挂号信 张三丰" ||
			full.Scan == nil || full.Scan.Name != "张三丰申请表.png" {
			t.Fatalf("detail %+v", full)
		}
		if res := ed.Do("GET", fmt.Sprintf("/api/admin/disclosure/requests/%d/scan", first.ID), nil); res.Status != http.StatusOK || string(res.Body) != string(oldScan) {
			t.Fatalf("scan: %d %q", res.Status, res.Body)
		}
		var sl struct{ Suggestions []suggestion.Suggestion }
		ed.Do("GET", "/api/admin/suggestions?all=1", nil).JSON(t, &sl)
		if len(sl.Suggestions) != 230 || sl.Suggestions[0].Body != "我是李四，请回电13912345678" || sl.Suggestions[0].PhoneMasked != "139****5678" {
			t.Fatalf("suggestions %d %+v", len(sl.Suggestions), sl.Suggestions[0])
		}
		if st, err := s.App.Disclosure.Lookup(ctx, nos[0], "5678"); err != nil || st.Status != disclosure.StatusProcessing {
			t.Fatalf("status lookup: %+v %v", st, err)
		}

		n := newNeedles()
		for _, v := range []string{"11010519491231002X", "13812345678", "13912345678", "张三丰", "解放路1号", "zsf@example.cn", "李四，请回电"} {
			n.addHex(v, "a plain value")
		}
		if d == store.SQLite {
			grepDir(t, dir, n)
		} else if v, what, ok := n.find(pgDump(t, url)); ok {
			t.Errorf("the pg_dump holds %s %q", what, v)
		}

		// Again: nothing to do. Rows an old instance stored meanwhile:
		// only they are sealed, the others stay as they are.
		keys, done, tables, err := server.SealStored(ctx, s.App.DB, s.Cfg, s.Clock.Now())
		if err != nil || done != 0 || len(tables) != 0 || keys.Current() != s.App.ContactKeys.Current() {
			t.Fatalf("second run: %d rows, %v, %v", done, tables, err)
		}
		oldRows(t, s.App.DB, 2, 500)
		if _, done, tables, err = server.SealStored(ctx, s.App.DB, s.Cfg, s.Clock.Now()); err != nil || done != 5 || len(tables) == 0 {
			t.Fatalf("rows stored meanwhile: %d rows, %v, %v", done, tables, err)
		}
		var after []struct {
			Name string `db:"name"`
		}
		if err := s.App.DB.Select(ctx, &after, "SELECT name FROM disclosure_requests ORDER BY id LIMIT 230"); err != nil {
			t.Fatal(err)
		}
		for i := range after {
			if after[i].Name != raw[i].Name {
				t.Fatalf("row %d sealed again: %s → %s", i, raw[i].Name, after[i].Name)
			}
		}
	})
}
