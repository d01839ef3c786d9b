package display_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

var migrations = []store.Migrations{audit.Migrations, auth.Migrations, settings.Migrations, calendar.Migrations,
	catalogue.Migrations, notice.Migrations, device.Migrations, display.Migrations}

// env is the screens domain on one real database with real notices, a
// fake clock, an editor and a reviewer.
type env struct {
	t        testing.TB
	ctx      context.Context
	db       *store.DB
	clock    *clock.Fake
	svc      *display.Service
	notices  *notice.Service
	cats     *catalogue.Service
	devices  *device.Service
	editor   notice.Who
	reviewer notice.Who
	admin    audit.Actor
}

func each(t *testing.T, now time.Time, fn func(t *testing.T, e *env)) {
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newEnv(t, db, now)) }, migrations...)
}

func newEnv(t testing.TB, db *store.DB, now time.Time) *env {
	t.Helper()
	ctx := context.Background()
	fake := clock.NewFake(now)
	e := &env{t: t, ctx: ctx, db: db, clock: fake}
	cal := calendar.NewService(db, fake, shanghai)
	t.Cleanup(cal.Close)
	must(t, cal.Seed(ctx))
	e.cats = catalogue.New(db, fake, shanghai)
	must(t, e.cats.Seed(ctx))
	st := settings.New(db, fake)
	e.notices = notice.New(notice.Options{DB: db, Clock: fake, Location: shanghai, Calendar: cal, Settings: st})
	e.svc = display.New(display.Options{DB: db, Clock: fake, Location: shanghai, Notices: e.notices, Calendar: cal})
	e.notices.SetGroupChecker(e.svc)
	e.devices = device.New(db, device.Options{Clock: fake})
	users := auth.New(db, auth.Options{Clock: fake, BcryptCost: 4})
	mk := func(name string, role auth.Role) notice.Who {
		u, _, err := users.Create(ctx, audit.Actor{Name: "test"}, auth.NewUser{Username: name, Role: role, Password: name + "-password-1"})
		must(t, err)
		return notice.Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: role}
	}
	e.editor, e.reviewer = mk("ed", auth.RoleEditor), mk("rita", auth.RoleReviewer)
	e.admin = mk("root", auth.RoleAdmin).Actor
	return e
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (e *env) category(code string) int64 {
	e.t.Helper()
	all, err := e.cats.List(e.ctx)
	must(e.t, err)
	for _, c := range all {
		if c.Code == code {
			return c.ID
		}
	}
	e.t.Fatalf("no category %s", code)
	return 0
}

// publish writes, submits and approves a notice; it goes live at once.
func (e *env) publish(in notice.Input) int64 {
	e.t.Helper()
	if in.Body == "" {
		in.Body = "正文：" + in.Title
	}
	if in.CategoryID == 0 {
		in.CategoryID = e.category("GZDT")
	}
	d, err := e.notices.Create(e.ctx, e.editor, in)
	must(e.t, err)
	_, err = e.notices.Submit(e.ctx, e.editor, d.Notice.ID)
	must(e.t, err)
	_, err = e.notices.Approve(e.ctx, e.reviewer, d.Notice.ID, notice.Decision{Reason: "经审查，同意公开"})
	must(e.t, err)
	return d.Notice.ID
}

func (e *env) group(name string) int64 {
	e.t.Helper()
	g, err := e.svc.CreateGroup(e.ctx, e.admin, display.GroupInput{Name: name, Kind: display.GroupHall})
	must(e.t, err)
	return g.ID
}

// screen pairs a screen with a preset profile in groups.
func (e *env) screen(name, preset string, groups ...int64) *display.Screen {
	e.t.Helper()
	r, err := e.devices.RequestPairing(e.ctx, device.KindScreen, "test", "127.0.0.1")
	must(e.t, err)
	sc, err := e.svc.PairScreen(e.ctx, e.admin, e.devices, r.Code, display.ScreenInput{Name: name, Profile: display.Presets[preset], Groups: groups})
	must(e.t, err)
	return sc
}

func (e *env) playlist(name string, items ...display.Item) int64 {
	e.t.Helper()
	p, err := e.svc.CreatePlaylist(e.ctx, e.admin, display.PlaylistInput{Name: name, Items: items})
	must(e.t, err)
	return p.ID
}

func (e *env) schedule(in display.ScheduleInput) int64 {
	e.t.Helper()
	s, err := e.svc.SaveSchedule(e.ctx, e.admin, 0, in)
	must(e.t, err)
	return s.ID
}

// local is a wall-clock time in the hall.
func local(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, shanghai)
}

func (e *env) frame(deviceID int64, at time.Time) *display.Frame {
	e.t.Helper()
	f, err := e.svc.Playlist(e.ctx, deviceID, at)
	must(e.t, err)
	return f
}

func keys(f *display.Frame) []string {
	out := []string{}
	for _, it := range f.Items {
		out = append(out, it.Key)
	}
	return out
}

func ptr[T any](v T) *T { return &v }
