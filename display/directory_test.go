package display_test

import (
	"testing"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// The directory version moves with every write that changes which screens
// exist, their names or their groups, also when the write comes from SQL
// that publishes no event (as another process's would), and not with the
// frequent writes of a device's last contact (issue 15, point 3).
func TestDirectoryVersionMovesWithEveryWriter(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		last, err := e.svc.DirectoryVersion(e.ctx)
		must(t, err)
		step := func(what string, moves bool, sql string, args ...any) {
			t.Helper()
			if sql != "" {
				if _, err := e.db.Exec(e.ctx, sql, args...); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
			}
			v, err := e.svc.DirectoryVersion(e.ctx)
			must(t, err)
			if moves != (v > last) || v < last {
				t.Fatalf("%s: version %d -> %d, want moved=%v", what, last, v, moves)
			}
			last = v
		}
		g := e.group("一楼大厅")
		step("a group created", true, "")
		sc := e.screen("大厅东侧", "strip_256x32", g)
		step("a screen paired through the screens domain", true, "")
		now := e.clock.Now()
		step("a device inserted by SQL", true, "INSERT INTO devices (kind, name, created_at) VALUES ('screen', '另一进程的屏', ?)", now)
		step("a device's last contact", false, "UPDATE devices SET last_seen_at = ?, last_ip = '10.0.0.9' WHERE id = ?", now, sc.DeviceID)
		step("a name set to itself", false, "UPDATE devices SET name = name WHERE id = ?", sc.DeviceID)
		step("a device renamed", true, "UPDATE devices SET name = '大厅东侧（新）' WHERE id = ?", sc.DeviceID)
		step("a membership removed", true, "DELETE FROM screen_group_members WHERE device_id = ?", sc.DeviceID)
		step("a membership added", true, "INSERT INTO screen_group_members (group_id, device_id) VALUES (?, ?)", g, sc.DeviceID)
		step("a group renamed", true, "UPDATE screen_groups SET name = '一楼' WHERE id = ?", g)
		step("a screen's profile", true, "UPDATE screens SET glyph_px = 16 WHERE device_id = ?", sc.DeviceID)
		step("a device revoked", true, "UPDATE devices SET revoked_at = ? WHERE id = ?", now, sc.DeviceID)
		step("a group deleted", true, "DELETE FROM screen_groups WHERE id = ?", g)
		step("a device deleted", true, "DELETE FROM devices WHERE id = ?", sc.DeviceID)
	})
}

// BenchmarkDirectoryVersion is the check an emergency makes before it
// trusts the cached screen list: one row read by its primary key.
func BenchmarkDirectoryVersion(b *testing.B) {
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		b.Run(string(d), func(b *testing.B) {
			var db *store.DB
			if d == store.Postgres {
				db = storetest.Postgres(b, migrations...)
			} else {
				db = storetest.SQLite(b, migrations...)
			}
			svc := display.New(display.Options{DB: db})
			for b.Loop() {
				if _, err := svc.DirectoryVersion(b.Context()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
