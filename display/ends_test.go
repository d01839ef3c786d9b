package display_test

import (
	"testing"
	"time"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
)

// TestItemsCarryTheirEnds (issue 22): each item carries the instant it
// leaves the glass, so a screen can keep to it without the server: a
// notice its expiry (to the second), every item of a daypart the end of
// the daypart, the default rotation the start of the next schedule; a
// schedule that runs all day every day has no end.
func TestItemsCarryTheirEnds(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		g := e.group("一楼大厅")
		sc := e.screen("东侧大屏", "landscape", g)
		expire := local(2026, 11, 23, 10, 56).Add(17 * time.Second)
		short := e.publish(notice.Input{Title: "今日上午停水通知", Kind: notice.KindNotification, AllScreens: ptr(true), ExpireAt: &expire})
		long := e.publish(notice.Input{Title: "工作动态", Kind: notice.KindNews, AllScreens: ptr(true)})
		day := e.playlist("上午", display.Item{Type: display.ItemNotices}, display.Item{Type: display.ItemClock})
		e.schedule(display.ScheduleInput{PlaylistID: day, Weekdays: []int{1, 2, 3, 4, 5}, Start: "09:00", End: "12:00"})

		item := func(f *display.Frame, key string) display.FrameItem {
			t.Helper()
			for _, it := range f.Items {
				if it.Key == key {
					return it
				}
			}
			t.Fatalf("no %s in %v", key, keys(f))
			return display.FrameItem{}
		}
		// 07:00, the default rotation: until the 09:00 daypart starts.
		f := e.frame(sc.DeviceID, monday7)
		if it := item(f, "w-clock"); it.End == nil || !it.End.Equal(local(2026, 11, 23, 9, 0)) {
			t.Fatalf("default clock ends %v, want 09:00", it.End)
		}
		// 10:00, the morning daypart: the notice at its expiry, the rest at 12:00.
		f = e.frame(sc.DeviceID, local(2026, 11, 23, 10, 0))
		if it := item(f, key(short)); it.End == nil || !it.End.Equal(expire) || it.Start == nil || it.Start.After(local(2026, 11, 23, 7, 0)) {
			t.Fatalf("expiring notice: start %v end %v, want end %v", it.Start, it.End, expire)
		}
		noon := local(2026, 11, 23, 12, 0)
		if it := item(f, key(long)); it.End == nil || !it.End.Equal(noon) {
			t.Fatalf("notice without expiry ends %v, want the daypart's end 12:00", it.End)
		}
		if it := item(f, "w-clock"); it.End == nil || !it.End.Equal(noon) {
			t.Fatalf("clock ends %v, want 12:00", it.End)
		}
		// An all-day, every-day schedule: open-ended.
		all := e.playlist("全天", display.Item{Type: display.ItemClock})
		e.schedule(display.ScheduleInput{PlaylistID: all, Weekdays: []int{1, 2, 3, 4, 5, 6, 7}, Start: "00:00", End: "24:00", Priority: 9})
		if it := item(e.frame(sc.DeviceID, local(2026, 11, 23, 13, 0)), "w-clock"); it.End != nil {
			t.Fatalf("all-day clock ends %v", it.End)
		}
	})
}

// TestPowerAt: the alerts ask which screens their power schedules have on;
// a screen without one is not in the answer.
func TestPowerAt(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		g := e.group("一楼大厅")
		on := e.screen("东侧大屏", "landscape", g)
		free := e.screen("电梯口竖屏", "portrait")
		if _, err := e.svc.SavePower(e.ctx, e.admin, 0, display.PowerInput{GroupID: &g, Weekdays: []int{1, 2, 3, 4, 5}, On: "08:00", Off: "18:00", Standby: "black"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			at time.Time
			on bool
		}{{monday7, false}, {local(2026, 11, 23, 10, 0), true}, {local(2026, 11, 23, 18, 0), false}} {
			got, err := e.svc.PowerAt(e.ctx, c.at)
			if err != nil {
				t.Fatal(err)
			}
			if v, ok := got[on.DeviceID]; !ok || v != c.on {
				t.Fatalf("at %v: %v", c.at, got)
			}
			if _, ok := got[free.DeviceID]; ok {
				t.Fatalf("a screen without a power schedule: %v", got)
			}
		}
	})
}
