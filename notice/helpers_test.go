package notice_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
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
	catalogue.Migrations, notice.Migrations}

// env is the notice domain on one real database, with a fake clock and
// three people.
type env struct {
	t        *testing.T
	db       *store.DB
	clock    *clock.Fake
	svc      *notice.Service
	cal      *calendar.Service
	cats     *catalogue.Service
	settings *settings.Service
	editor   notice.Who
	editor2  notice.Who
	reviewer notice.Who
	admin    notice.Who
	users    *auth.Service
}

func newEnv(t *testing.T, db *store.DB, now time.Time) *env {
	t.Helper()
	ctx := context.Background()
	fake := clock.NewFake(now)
	e := &env{t: t, db: db, clock: fake}
	e.cal = calendar.NewService(db, fake, shanghai)
	t.Cleanup(e.cal.Close)
	if err := e.cal.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	e.cats = catalogue.New(db, fake, shanghai)
	if err := e.cats.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	e.settings = settings.New(db, fake)
	e.svc = notice.New(notice.Options{DB: db, Clock: fake, Location: shanghai, Calendar: e.cal, Settings: e.settings})
	e.users = auth.New(db, auth.Options{Clock: fake, BcryptCost: 4})
	e.editor, e.editor2 = e.who("ed", auth.RoleEditor), e.who("ed2", auth.RoleEditor)
	e.reviewer, e.admin = e.who("rita", auth.RoleReviewer), e.who("root", auth.RoleAdmin)
	return e
}

// who creates an account.
func (e *env) who(name string, role auth.Role) notice.Who {
	e.t.Helper()
	u, _, err := e.users.Create(context.Background(), audit.Actor{Name: "test"}, auth.NewUser{Username: name, Role: role, Password: name + "-password-1"})
	if err != nil {
		e.t.Fatal(err)
	}
	return notice.Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: role}
}

// each runs fn on SQLite and PostgreSQL with a fresh env at now.
func each(t *testing.T, now time.Time, fn func(t *testing.T, e *env)) {
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newEnv(t, db, now)) }, migrations...)
}

func (e *env) category(code string) int64 {
	e.t.Helper()
	all, err := e.cats.List(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	for _, c := range all {
		if c.Code == code {
			return c.ID
		}
	}
	e.t.Fatalf("no category %s", code)
	return 0
}

// input is a valid notice of a kind in a category.
func (e *env) input(title string, kind notice.Kind, code string) notice.Input {
	return notice.Input{Title: title, Body: "正文：" + title, Kind: kind, CategoryID: e.category(code)}
}

func (e *env) create(who notice.Who, in notice.Input) *notice.Detail {
	e.t.Helper()
	d, err := e.svc.Create(context.Background(), who, in)
	if err != nil {
		e.t.Fatalf("create %q: %v", in.Title, err)
	}
	return d
}

func (e *env) submit(who notice.Who, id int64) *notice.Detail {
	e.t.Helper()
	d, err := e.svc.Submit(context.Background(), who, id)
	if err != nil {
		e.t.Fatalf("submit %d: %v", id, err)
	}
	return d
}

func (e *env) approve(who notice.Who, id int64) *notice.Detail {
	e.t.Helper()
	d, err := e.svc.Approve(context.Background(), who, id, notice.Decision{Reason: "经审查，同意公开"})
	if err != nil {
		e.t.Fatalf("approve %d: %v", id, err)
	}
	return d
}

// written creates and submits a notice by the editor.
func (e *env) written(in notice.Input) int64 {
	e.t.Helper()
	d := e.create(e.editor, in)
	e.submit(e.editor, d.Notice.ID)
	return d.Notice.ID
}

func (e *env) published(f notice.PublicFilter) []notice.PublicNotice {
	e.t.Helper()
	ps, err := e.svc.Published(context.Background(), f)
	if err != nil {
		e.t.Fatal(err)
	}
	return ps
}

// webErr asserts err is a *web.Error with the code and field.
func webErr(t *testing.T, err error, code web.Code, field string) *web.Error {
	t.Helper()
	var we *web.Error
	if !errors.As(err, &we) {
		t.Fatalf("error %v is not a web error (want %s on %q)", err, code, field)
	}
	if we.Code != code || (field != "*" && we.Field != field) {
		t.Fatalf("error %s on %q (%s), want %s on %q", we.Code, we.Field, we.Message, code, field)
	}
	return we
}

// events drains the notice events published so far.
func events(sub *store.Subscription) []notice.EventData {
	var out []notice.EventData
	for {
		select {
		case ev := <-sub.C:
			var d notice.EventData
			_ = json.Unmarshal(ev.Data, &d)
			out = append(out, d)
		default:
			return out
		}
	}
}

func ptr[T any](v T) *T { return &v }
