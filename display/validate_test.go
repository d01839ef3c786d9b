package display_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// field returns the field a *web.Error names, or fails.
func field(t *testing.T, err error) string {
	t.Helper()
	var we *web.Error
	if !errors.As(err, &we) {
		t.Fatalf("want a *web.Error, got %v", err)
	}
	return we.Field
}

func TestErrorsNameTheField(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		pl := e.playlist("白天", display.Item{Type: display.ItemClock})
		strip := display.Presets["strip_256x32"]
		tall := strip
		tall.Lines = 3
		cases := []struct {
			name string
			err  error
			want string
		}{
			{"group kind", func() error {
				_, err := e.svc.CreateGroup(e.ctx, e.admin, display.GroupInput{Name: "x", Kind: "room"})
				return err
			}(), "kind"},
			{"group name taken", func() error {
				_, err := e.svc.CreateGroup(e.ctx, e.admin, display.GroupInput{Name: "一楼大厅", Kind: display.GroupHall})
				return err
			}(), "name"},
			{"strip lines", func() error {
				_, err := e.svc.PairScreen(e.ctx, e.admin, e.devices, "123456", display.ScreenInput{Name: "条屏", Profile: tall})
				return err
			}(), "profile.lines"},
			{"missing group", func() error {
				_, err := e.svc.PairScreen(e.ctx, e.admin, e.devices, "123456", display.ScreenInput{Name: "条屏", Profile: strip, Groups: []int64{999}})
				return err
			}(), "groups"},
			{"ticker text", func() error {
				_, err := e.svc.CreatePlaylist(e.ctx, e.admin, display.PlaylistInput{Name: "p", Items: []display.Item{{Type: display.ItemClock}, {Type: display.ItemTicker}}})
				return err
			}(), "items[1].text"},
			{"item duration", func() error {
				_, err := e.svc.CreatePlaylist(e.ctx, e.admin, display.PlaylistInput{Name: "p", Items: []display.Item{{Type: display.ItemClock, DurationS: ptr(0)}}})
				return err
			}(), "items[0].duration_s"},
			{"schedule range", func() error {
				_, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, display.ScheduleInput{PlaylistID: pl, Weekdays: []int{1}, Start: "18:00", End: "08:00"})
				return err
			}(), "end"},
			{"schedule day", func() error {
				_, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, display.ScheduleInput{PlaylistID: pl, Weekdays: []int{8}, Start: "08:00", End: "18:00"})
				return err
			}(), "weekdays"},
			{"schedule dates", func() error {
				_, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, display.ScheduleInput{PlaylistID: pl, Weekdays: []int{1}, Start: "08:00", End: "18:00",
					StartDate: ptr("2026-12-01"), EndDate: ptr("2026-11-01")})
				return err
			}(), "end_date"},
			{"schedule playlist", func() error {
				_, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, display.ScheduleInput{PlaylistID: 999, Weekdays: []int{1}, Start: "08:00", End: "18:00"})
				return err
			}(), "playlist_id"},
			{"power standby", func() error {
				_, err := e.svc.SavePower(e.ctx, e.admin, 0, display.PowerInput{Weekdays: []int{1}, On: "07:00", Off: "25:00", Standby: "black"})
				return err
			}(), "off"},
			{"notice targets a missing group", func() error {
				_, err := e.notices.Create(e.ctx, e.editor, notice.Input{Title: "t", Body: "b", Kind: notice.KindNews, CategoryID: e.category("GZDT"),
					AllScreens: ptr(false), Groups: []int64{a, 999}})
				return err
			}(), "groups"},
		}
		for _, c := range cases {
			if got := field(t, c.err); got != c.want {
				t.Errorf("%s: field %q, want %q (%v)", c.name, got, c.want, c.err)
			}
		}
	})
}

func TestDeletesRefusedWhileInUse(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		pl := e.playlist("白天", display.Item{Type: display.ItemClock})
		sc := e.schedule(display.ScheduleInput{PlaylistID: pl, GroupID: &a, Weekdays: []int{1}, Start: "08:00", End: "18:00"})
		if err := e.svc.DeletePlaylist(e.ctx, e.admin, pl); err == nil {
			t.Fatal("deleted a scheduled playlist")
		}
		e.publish(notice.Input{Title: "定向", Kind: notice.KindNews, AllScreens: ptr(false), Groups: []int64{a}})
		if err := e.svc.DeleteGroup(e.ctx, e.admin, a); err == nil {
			t.Fatal("deleted a group a live notice targets")
		}
		must(t, e.svc.DeleteSchedule(e.ctx, e.admin, sc))
		must(t, e.svc.DeletePlaylist(e.ctx, e.admin, pl))
		refs, err := e.svc.ScreensIn(e.ctx, []int64{a}, false)
		if err != nil || len(refs) != 0 {
			t.Fatalf("screens in an empty group: %v %v", refs, err)
		}
		scr := e.screen("屏", "landscape", a)
		refs, _ = e.svc.ScreensIn(e.ctx, []int64{a}, false)
		all, _ := e.svc.ScreensIn(e.ctx, nil, true)
		if len(refs) != 1 || refs[0].DeviceID != scr.DeviceID || len(all) != 1 {
			t.Fatalf("ScreensIn: %+v %+v", refs, all)
		}
	})
}

func TestScreenPairedWithoutProfile(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		r, err := e.devices.RequestPairing(e.ctx, "screen", "test", "127.0.0.1")
		must(t, err)
		var id int64
		must(t, e.db.Tx(e.ctx, func(tx *store.Tx) error {
			d, err := e.devices.Pair(e.ctx, tx, e.admin, r.Code, "旧方式配对的屏", "screen")
			if d != nil {
				id = d.ID
			}
			return err
		}))
		sc, err := e.svc.Screen(e.ctx, e.db, id)
		if err != nil || sc.Profile.Kind != display.KindLandscape || len(sc.Groups) != 0 {
			t.Fatalf("screen without a profile: %+v %v", sc, err)
		}
		sc, err = e.svc.UpdateScreen(e.ctx, e.admin, id, display.ScreenInput{Name: "东侧条屏", Profile: display.Presets["strip_256x32"], Groups: []int64{a}})
		if err != nil || sc.Profile.Kind != display.KindLEDStrip || sc.Name != "东侧条屏" || len(sc.Groups) != 1 {
			t.Fatalf("after setting its profile: %+v %v", sc, err)
		}
	})
}

// Only a missing playlist is 400 not_found on playlist_id; a failure to
// read the playlists is an internal error, wrapped, not blamed on input.
func TestSchedulePlaylistReadFailure(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		pl := e.playlist("白天", display.Item{Type: display.ItemClock})
		must(t, e.db.Tx(e.ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(e.ctx, "ALTER TABLE playlist_items RENAME TO playlist_items_gone")
			return err
		}))
		_, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, display.ScheduleInput{PlaylistID: pl, Weekdays: []int{1}, Start: "08:00", End: "18:00"})
		var we *web.Error
		if err == nil || errors.As(err, &we) {
			t.Fatalf("want an internal error, got %v", err)
		}
		if !strings.HasPrefix(err.Error(), "display: unable to save schedule: ") {
			t.Errorf("error not wrapped with context: %v", err)
		}
	})
}

// A revoked screen cannot be renamed, re-profiled or regrouped.
func TestRevokedScreenNotUpdated(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		a := e.group("一楼大厅")
		sc := e.screen("东侧", "landscape", a)
		must(t, e.devices.Revoke(e.ctx, e.admin, sc.DeviceID, "设备报废"))
		_, err := e.svc.UpdateScreen(e.ctx, e.admin, sc.DeviceID, display.ScreenInput{Name: "改名", Profile: display.Presets["landscape"]})
		var we *web.Error
		if !errors.As(err, &we) || we.Status != http.StatusConflict || we.Code != web.CodeInvalidState {
			t.Fatalf("update a revoked screen: %v, want 409 %s", err, web.CodeInvalidState)
		}
		got, err := e.svc.Screen(e.ctx, e.db, sc.DeviceID)
		if err != nil || got.Name != "东侧" || len(got.Groups) != 1 {
			t.Fatalf("the revoked screen changed: %+v %v", got, err)
		}
	})
}
