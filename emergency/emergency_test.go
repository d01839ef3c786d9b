package emergency_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// directory reads targets from the real screens domain and device list.
type directory struct {
	screens *display.Service
	devs    *device.Service
}

func (d directory) Screens(ctx context.Context, groups []int64, all bool) ([]emergency.Target, error) {
	refs, err := d.screens.ScreensIn(ctx, groups, all)
	out := make([]emergency.Target, len(refs))
	for i, r := range refs {
		out[i] = emergency.Target{DeviceID: r.DeviceID, Name: r.Name, Kind: "screen"}
	}
	return out, err
}

func (d directory) Kiosks(ctx context.Context) ([]emergency.Target, error) { return nil, nil }

func (d directory) Exists(ctx context.Context, groups []int64) error {
	return d.screens.Exists(ctx, groups)
}

// fixture is an emergency service over the real screens domain, with one
// group of two paired screens.
type fixture struct {
	ctx     context.Context
	clock   *clock.Fake
	devs    *device.Service
	screens *display.Service
	svc     *emergency.Service
	who     audit.Actor
	group   int64
}

func setup(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	devs := device.New(db, device.Options{Clock: fake})
	screens := display.New(display.Options{DB: db, Clock: fake})
	hub := push.NewHub(push.Options{})
	svc := emergency.New(emergency.Options{DB: db, Hub: hub, Directory: directory{screens, devs}, Clock: fake})
	if err := svc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close(ctx) })
	f := &fixture{ctx: ctx, clock: fake, devs: devs, screens: screens, svc: svc, who: audit.Actor{Name: "t"}}
	g, err := screens.CreateGroup(ctx, f.who, display.GroupInput{Name: "一楼大厅", Kind: display.GroupHall})
	if err != nil {
		t.Fatal(err)
	}
	f.group = g.ID
	for _, name := range []string{"甲", "乙"} {
		req, _ := devs.RequestPairing(ctx, device.KindScreen, "t", "127.0.0.1")
		if _, err := screens.PairScreen(ctx, f.who, devs, req.Code, display.ScreenInput{Name: name, Profile: display.Presets["landscape"], Groups: []int64{g.ID}}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// Bad input names the field; the target list is a snapshot taken at
// send time; an ended emergency cannot be cleared again.
func TestSendValidatesAndSnapshotsTargets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx, fake, devs, screens, svc, who := f.ctx, f.clock, f.devs, f.screens, f.svc, f.who
		empty, _ := screens.CreateGroup(ctx, who, display.GroupInput{Name: "空组", Kind: display.GroupHall})
		now := fake.Now()
		for _, c := range []struct {
			in    emergency.Input
			field string
		}{
			{emergency.Input{Level: "info", All: true, ExpiresAt: now.Add(time.Hour)}, "text"},
			{emergency.Input{Text: "x", Level: "red", All: true, ExpiresAt: now.Add(time.Hour)}, "level"},
			{emergency.Input{Text: "x", Level: "info", All: true}, "expires_at"},
			{emergency.Input{Text: "x", Level: "info", All: true, ExpiresAt: now.Add(-time.Minute)}, "expires_at"},
			{emergency.Input{Text: "x", Level: "info", All: true, ExpiresAt: now.Add(24*time.Hour + time.Second)}, "expires_at"},
			{emergency.Input{Text: "x", Level: "info", All: true, DurationMinutes: 1441}, "duration_minutes"},
			{emergency.Input{Text: "x", Level: "info", ExpiresAt: now.Add(time.Hour)}, "groups"},
			{emergency.Input{Text: "x", Level: "info", Groups: []int64{empty.ID}, ExpiresAt: now.Add(time.Hour)}, "groups"},
			{emergency.Input{Text: "x", Level: "info", All: true, ExpiresAt: now.Add(time.Hour), DurationMinutes: 30}, "duration_minutes"},
		} {
			_, err := svc.Send(ctx, who, c.in)
			if we, ok := err.(*web.Error); !ok || we.Field != c.field {
				t.Errorf("%+v: got %v, want an error on %s", c.in, err, c.field)
			}
		}
		// Unknown groups and too many groups are refused, as screens and
		// schedules refuse them, not silently dropped.
		many := make([]int64, emergency.MaxGroups+1)
		for i := range many {
			many[i] = f.group
		}
		for _, c := range []struct {
			groups []int64
			code   web.Code
		}{
			{[]int64{f.group, 9999}, web.CodeNotFound},
			{many, web.CodeOutOfRange},
		} {
			_, err := svc.Send(ctx, who, emergency.Input{Text: "x", Level: "info", Groups: c.groups, DurationMinutes: 30})
			var we *web.Error
			if !errors.As(err, &we) || we.Status != http.StatusBadRequest || we.Field != "groups" || we.Code != c.code {
				t.Errorf("%d groups: got %v, want 400 %s on groups", len(c.groups), err, c.code)
			}
		}
		e, err := svc.Send(ctx, who, emergency.Input{Text: "停水通知", Level: "warning", Groups: []int64{f.group}, DurationMinutes: 30})
		if err != nil {
			t.Fatal(err)
		}
		if !e.ExpiresAt.Equal(now.Add(30 * time.Minute)) {
			t.Fatalf("expires %v", e.ExpiresAt)
		}
		// A screen paired later is not a target of the stored emergency.
		req, _ := devs.RequestPairing(ctx, device.KindScreen, "t", "127.0.0.1")
		screens.PairScreen(ctx, who, devs, req.Code, display.ScreenInput{Name: "丙", Profile: display.Presets["landscape"], Groups: []int64{f.group}})
		r, err := svc.Receipts(ctx, e.ID)
		if err != nil || r.Targets != 2 || r.Confirmed != 0 || len(r.Offline) != 2 || !r.Active {
			t.Fatalf("receipts %+v %v", r, err)
		}
		if _, err := svc.Clear(ctx, who, e.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Clear(ctx, who, e.ID); err == nil {
			t.Fatal("cleared twice")
		}
		list, _ := svc.List(ctx, 10)
		if len(list) != 1 || list[0].Active || list[0].Targets != 2 {
			t.Fatalf("list %+v", list)
		}
	}, server.Migrations()...)
}

// Personal data in the text is masked with the policy before the
// emergency is stored and sent (R6): no confirmation step for a broadcast.
func TestSendMasksPersonalData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		e, err := f.svc.Send(f.ctx, f.who, emergency.Input{Text: "请身份证号11010519491231002X的家属联系13812345678", Level: "critical",
			Groups: []int64{f.group}, DurationMinutes: 10})
		if err != nil {
			t.Fatal(err)
		}
		want := "请身份证号110105********002X的家属联系138****5678"
		stored, err := f.svc.Get(f.ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.Text != want || stored.Text != want {
			t.Fatalf("sent %q, stored %q, want %q", e.Text, stored.Text, want)
		}
		if strings.Contains(stored.Text, "13812345678") {
			t.Fatal("the mobile number was stored in plaintext")
		}
	}, server.Migrations()...)
}

// The list holds every active emergency even when it is older than the
// most recent ones, so the admin page can always clear it.
func TestListKeepsOlderActiveEmergencies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		send := func(text string) *emergency.Emergency {
			t.Helper()
			e, err := f.svc.Send(f.ctx, f.who, emergency.Input{Text: text, Level: "info", Groups: []int64{f.group}, DurationMinutes: 120})
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		long := send("长期")
		var ids []int64
		for _, text := range []string{"一", "二", "三"} {
			e := send(text)
			if _, err := f.svc.Clear(f.ctx, f.who, e.ID); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, e.ID)
		}
		list, err := f.svc.List(f.ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, s := range list {
			got = append(got, s.ID)
		}
		want := []int64{ids[2], ids[1], long.ID}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || !list[2].Active || list[0].Active {
			t.Fatalf("list %v, want %v (the two newest and the active one)", got, want)
		}
		// Once it ends it falls out like any other.
		f.clock.Set(f.clock.Now().Add(121 * time.Minute))
		if list, _ = f.svc.List(f.ctx, 2); len(list) != 2 {
			t.Fatalf("after expiry: %d listed, want 2", len(list))
		}
	}, server.Migrations()...)
}
