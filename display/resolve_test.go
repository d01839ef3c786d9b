package display_test

import (
	"slices"
	"testing"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
)

// Monday 23 November 2026, 07:00 in the hall.
var monday7 = local(2026, 11, 23, 7, 0)

func TestResolveDaypartsPriorityAndDates(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a, b := e.group("一楼大厅"), e.group("二楼")
		scA := e.screen("东侧大屏", "landscape", a)
		n1 := e.publish(notice.Input{Title: "全部屏幕的动态", Kind: notice.KindNews, AllScreens: ptr(true)})
		n2 := e.publish(notice.Input{Title: "只给二楼", Kind: notice.KindNews, AllScreens: ptr(false), Groups: []int64{b}})
		n3 := e.publish(notice.Input{Title: "低保初审名单公示", Kind: notice.KindPublicity, CategoryID: e.category("TZGG"),
			AllScreens: ptr(false), Groups: []int64{a}})
		day := e.playlist("工作日白天", display.Item{Type: display.ItemNotices}, display.Item{Type: display.ItemCountdown},
			display.Item{Type: display.ItemClock})
		evening := e.playlist("晚间", display.Item{Type: display.ItemTicker, Text: "咨询电话 13812345678"})
		special := e.playlist("特别", display.Item{Type: display.ItemNotice, NoticeID: &n2})
		weekdays := []int{1, 2, 3, 4, 5}
		daySched := e.schedule(display.ScheduleInput{PlaylistID: day, Weekdays: weekdays, Start: "08:00", End: "18:00"})
		e.schedule(display.ScheduleInput{PlaylistID: evening, GroupID: &a, Weekdays: weekdays, Start: "17:00", End: "22:00"})
		e.schedule(display.ScheduleInput{PlaylistID: special, Weekdays: weekdays, Start: "09:00", End: "10:00",
			StartDate: ptr("2026-11-25"), EndDate: ptr("2026-11-25"), Priority: 5})

		// Before any schedule: the default rotation of targeted notices and a clock.
		f := e.frame(scA.DeviceID, monday7)
		if f.Playlist.ID != 0 || f.Playlist.Name != display.DefaultName {
			t.Fatalf("07:00 plays %+v, want the default rotation", f.Playlist)
		}
		if !f.ValidUntil.Equal(local(2026, 11, 23, 8, 0)) {
			t.Fatalf("07:00 valid until %v, want 08:00", f.ValidUntil.In(shanghai))
		}
		if got := keys(f); !slices.Contains(got, key(n1)) || !slices.Contains(got, key(n3)) || slices.Contains(got, key(n2)) || !slices.Contains(got, "w-clock") {
			t.Fatalf("default items %v: want n%d and n%d (targeted), not n%d, and the clock", got, n1, n3, n2)
		}

		// Daytime: the day playlist, with the 公示 countdown of n3.
		f = e.frame(scA.DeviceID, local(2026, 11, 23, 9, 0))
		if f.Playlist.ID != day || f.Playlist.ScheduleID != daySched {
			t.Fatalf("09:00 plays %+v, want playlist %d", f.Playlist, day)
		}
		if !f.ValidUntil.Equal(local(2026, 11, 23, 17, 0)) {
			t.Fatalf("09:00 valid until %v, want 17:00 (the evening schedule starts)", f.ValidUntil.In(shanghai))
		}
		var cd *display.FrameItem
		for i := range f.Items {
			if f.Items[i].Key == "w-countdown-"+itoa(n3) {
				cd = &f.Items[i]
			}
		}
		if cd == nil || cd.Notice.NoticeEnd == nil || cd.Notice.WorkdaysLeft == nil || *cd.Notice.WorkdaysLeft != 7 {
			t.Fatalf("countdown of a 7-workday 公示 published today: %+v", cd)
		}
		// Same content an hour later: same version.
		if g := e.frame(scA.DeviceID, local(2026, 11, 23, 10, 0)); g.Version != f.Version {
			t.Fatalf("version changed between 09:00 and 10:00 without any change")
		}

		// A tie at 17:30 (both priority 0): the group's schedule beats the all-screens one.
		f = e.frame(scA.DeviceID, local(2026, 11, 23, 17, 30))
		if f.Playlist.ID != evening {
			t.Fatalf("17:30 plays %+v, want the group's evening playlist", f.Playlist)
		}
		if len(f.Items) != 1 || f.Items[0].Text != "咨询电话 138****5678" {
			t.Fatalf("ticker not masked: %+v", f.Items)
		}
		// A screen in another group sees the all-screens day playlist then.
		scB := e.screen("二楼条屏", "strip_256x32", b)
		if g := e.frame(scB.DeviceID, local(2026, 11, 23, 17, 30)); g.Playlist.ID != day {
			t.Fatalf("group B at 17:30 plays %+v", g.Playlist)
		}

		// The dated, higher-priority schedule wins on its day only.
		if g := e.frame(scA.DeviceID, local(2026, 11, 25, 9, 30)); g.Playlist.ID != special || len(g.Items) != 1 || g.Items[0].Key != key(n2) {
			t.Fatalf("Wednesday 09:30 plays %+v %v", g.Playlist, keys(g))
		}
		if g := e.frame(scA.DeviceID, local(2026, 11, 24, 9, 30)); g.Playlist.ID != day {
			t.Fatalf("Tuesday 09:30 plays %+v", g.Playlist)
		}
		// Saturday: no schedule.
		if g := e.frame(scA.DeviceID, local(2026, 11, 28, 9, 30)); g.Playlist.ID != 0 {
			t.Fatalf("Saturday plays %+v", g.Playlist)
		}
	})
}

func TestResolvePowerAndStripDurations(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		strip := e.screen("条屏", "strip_256x32", a)
		n := e.publish(notice.Input{Title: "标题", LEDText: "今天下午三点停水", Kind: notice.KindNews, AllScreens: ptr(true)})
		if _, err := e.svc.SavePower(e.ctx, e.admin, 0, display.PowerInput{Weekdays: []int{1, 2, 3, 4, 5}, On: "07:30", Off: "20:00",
			Standby: "dim_clock"}); err != nil {
			t.Fatal(err)
		}
		f := e.frame(strip.DeviceID, monday7)
		if f.Power.State != "standby" || f.Power.Standby != display.StandbyDimClock || f.Power.Until == nil ||
			!f.Power.Until.Equal(local(2026, 11, 23, 7, 30)) || !f.ValidUntil.Equal(local(2026, 11, 23, 7, 30)) {
			t.Fatalf("07:00 power %+v valid until %v", f.Power, f.ValidUntil)
		}
		f = e.frame(strip.DeviceID, local(2026, 11, 23, 8, 0))
		if f.Power.State != "on" || !f.Power.Until.Equal(local(2026, 11, 23, 20, 0)) {
			t.Fatalf("08:00 power %+v", f.Power)
		}
		// Friday evening: standby until Monday morning.
		f = e.frame(strip.DeviceID, local(2026, 11, 27, 21, 0))
		if f.Power.State != "standby" || !f.Power.Until.Equal(local(2026, 11, 30, 7, 30)) {
			t.Fatalf("Friday 21:00 power %+v", f.Power)
		}
		// 8 characters plus a screen width of 16 at 4 characters a second.
		for _, it := range f.Items {
			if it.Key == key(n) && it.DurationS != 6 {
				t.Fatalf("strip duration %d, want 6", it.DurationS)
			}
		}
	})
}

func TestTimeline(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		day := e.playlist("白天", display.Item{Type: display.ItemClock})
		e.schedule(display.ScheduleInput{PlaylistID: day, Weekdays: []int{1, 2, 3, 4, 5}, Start: "08:00", End: "18:00"})
		if _, err := e.svc.SavePower(e.ctx, e.admin, 0, display.PowerInput{GroupID: &a, Weekdays: []int{1, 2, 3, 4, 5, 6, 7},
			On: "07:00", Off: "21:00", Standby: "black"}); err != nil {
			t.Fatal(err)
		}
		tl, err := e.svc.Timeline(e.ctx, a, mustDate("2026-11-23"))
		must(t, err)
		var got []string
		for _, s := range tl.Segments {
			got = append(got, s.Start.String()+"-"+s.End.String()+" "+s.Playlist.Name+" "+s.Power)
		}
		want := []string{"00:00-07:00 默认轮播 standby", "07:00-08:00 默认轮播 on", "08:00-18:00 白天 on", "18:00-21:00 默认轮播 on",
			"21:00-24:00 默认轮播 standby"}
		if !slices.Equal(got, want) {
			t.Fatalf("timeline\n got %q\nwant %q", got, want)
		}
		if _, err := e.svc.Timeline(e.ctx, 999, mustDate("2026-11-23")); err == nil {
			t.Fatal("timeline of a missing group")
		}
	})
}

func TestStatsWidgetLooksAgainSoon(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		scr := e.screen("大屏", "landscape")
		pl := e.playlist("统计", display.Item{Type: display.ItemStats}, display.Item{Type: display.ItemClock})
		e.schedule(display.ScheduleInput{PlaylistID: pl, Weekdays: []int{1, 2, 3, 4, 5, 6, 7}, Start: "00:00", End: "24:00"})
		at := local(2026, 11, 23, 10, 0)
		f := e.frame(scr.DeviceID, at)
		if len(f.Items) != 2 || f.Items[0].Key != "w-stats" || !f.ValidUntil.Equal(at.Add(display.StatsRefresh)) {
			t.Fatalf("stats frame %v valid until %v", keys(f), f.ValidUntil)
		}
	})
}
