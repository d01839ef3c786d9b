package display_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/store"
)

// BenchmarkFrame resolves one screen's playlist frame from a snapshot of
// 200 published notices, 10 groups and 20 schedules: the work done per
// connected screen at a daypart boundary or after a change.
func BenchmarkFrame(b *testing.B) {
	db, err := store.Open(b.Context(), store.Options{SQLitePath: filepath.Join(b.TempDir(), "bench.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(b.Context(), migrations...); err != nil {
		b.Fatal(err)
	}
	e := newEnv(b, db, monday7)
	var groups []int64
	for i := range 10 {
		groups = append(groups, e.group(fmt.Sprintf("分组%d", i)))
	}
	pl := e.playlist("白天", display.Item{Type: display.ItemNotices}, display.Item{Type: display.ItemCountdown}, display.Item{Type: display.ItemClock})
	for i := range 20 {
		g := groups[i%10]
		e.schedule(display.ScheduleInput{PlaylistID: pl, GroupID: &g, Weekdays: []int{1, 2, 3, 4, 5}, Start: fmt.Sprintf("%02d:00", 8+i%8), End: "20:00", Priority: i})
	}
	for i := range 200 {
		e.publish(notice.Input{Title: fmt.Sprintf("第%d号通知：办事大厅调整窗口安排", i), Kind: notice.KindNews, AllScreens: ptr(i%2 == 0), Groups: groups[i%10 : i%10+1]})
	}
	sn, err := e.svc.Snapshot(e.ctx)
	if err != nil {
		b.Fatal(err)
	}
	scr := e.screen("屏", "strip_256x32", groups[0], groups[1])
	at := monday7.Add(3 * time.Hour)
	b.ResetTimer()
	for b.Loop() {
		f := sn.Frame(scr.Profile, scr.GroupIDs(), at)
		if len(f.Items) < 100 {
			b.Fatalf("%d items", len(f.Items))
		}
	}
	b.StopTimer()
	b.Logf("%d items per frame", len(sn.Frame(scr.Profile, scr.GroupIDs(), at).Items))
}
