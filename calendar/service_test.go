package calendar_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var who = audit.Actor{Name: "test"}

func d(s string) calendar.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func newService(t *testing.T, db *store.DB) *calendar.Service {
	t.Helper()
	s := calendar.NewService(db, clock.NewFake(time.Date(2026, 2, 13, 9, 0, 0, 0, time.UTC)))
	t.Cleanup(s.Close)
	if err := s.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeedOnceAndCompute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		infos, err := s.Infos(ctx)
		if err != nil || len(infos) != 2 || infos[0].Year != 2025 || infos[1].Source != calendar.SourceBuiltin {
			t.Fatalf("infos after seed: %+v %v", infos, err)
		}
		// A 7-working-day 公示 published on Friday 2026-02-13, the last
		// working day before the Spring Festival: make-up Saturday 02-14
		// counts, 02-15..02-23 are off, so it ends on Monday 2026-03-02.
		end, err := s.End(ctx, d("2026-02-13"), calendar.Period{N: 7, Unit: calendar.UnitWorkdays})
		if err != nil || end != d("2026-03-02") {
			t.Fatalf("end = %s, %v", end, err)
		}
		// Deleting a year and seeding again does not bring it back.
		if err := s.DeleteYear(ctx, who, 2025); err != nil {
			t.Fatal(err)
		}
		if err := s.Seed(ctx); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Year(ctx, 2025); ok {
			t.Fatal("a deleted builtin year came back on the next start")
		}
		_, err = s.End(ctx, d("2025-12-30"), calendar.Period{N: 3, Unit: calendar.UnitWorkdays})
		if !errors.Is(err, calendar.ErrNotCovered) {
			t.Fatalf("end in a deleted year: %v", err)
		}
		// The cached calendar follows the deletion.
		cal, _ := s.Calendar(ctx)
		if cal.Covers(d("2025-06-01")) {
			t.Fatal("cache still covers the deleted year")
		}
	}, audit.Migrations, calendar.Migrations)
}

func TestEditDaysAndImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		// Make 2026-03-02 a holiday: the 公示 above now ends a day later.
		if err := s.SetDay(ctx, who, calendar.Day{Name: "测试假日", Date: d("2026-03-02"), IsOffDay: true}); err != nil {
			t.Fatal(err)
		}
		p := calendar.Period{N: 7, Unit: calendar.UnitWorkdays}
		if end, err := s.End(ctx, d("2026-02-13"), p); err != nil || end != d("2026-03-03") {
			t.Fatalf("after edit: %s %v", end, err)
		}
		if err := s.DeleteDay(ctx, who, d("2026-03-02")); err != nil {
			t.Fatal(err)
		}
		if end, _ := s.End(ctx, d("2026-02-13"), p); end != d("2026-03-02") {
			t.Fatalf("after delete: %s", end)
		}
		// A day in a year without a list is refused, naming the field.
		err := s.SetDay(ctx, who, calendar.Day{Name: "元旦", Date: d("2027-01-01"), IsOffDay: true})
		var we *web.Error
		if !errors.As(err, &we) || we.Field != "date" {
			t.Fatalf("day of an unknown year: %v", err)
		}
		if err := s.SetDay(ctx, who, calendar.Day{Name: "", Date: d("2026-03-05"), IsOffDay: true}); !errors.As(err, &we) || we.Field != "name" {
			t.Fatalf("empty name: %v", err)
		}
		// Importing 2027 makes it covered.
		y, err := calendar.ParseHolidayCN(strings.NewReader(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Import(ctx, who, y); err != nil {
			t.Fatal(err)
		}
		if end, err := s.End(ctx, d("2026-12-31"), calendar.Period{N: 1, Unit: calendar.UnitWorkdays}); err != nil || end != d("2027-01-04") {
			t.Fatalf("across into 2027: %s %v", end, err)
		}
		// The last entry of a year cannot be deleted.
		if err := s.DeleteDay(ctx, who, d("2027-01-01")); !errors.As(err, &we) || we.Status != http.StatusConflict {
			t.Fatalf("deleting the last entry: %v", err)
		}
		rows, _ := audit.List(ctx, db, audit.Filter{Action: "calendar."})
		if len(rows) != 3 { // set, delete, import; refused changes leave no entry
			t.Fatalf("audit entries: %d", len(rows))
		}
	}, audit.Migrations, calendar.Migrations)
}

func TestOtherInstanceSeesEdits(t *testing.T) {
	u := storetest.PostgresURL(t)
	ctx := context.Background()
	open := func() *store.DB {
		db, err := store.Open(ctx, store.Options{URL: u, BusChannel: storetest.Channel(u)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if _, err := a.Migrate(ctx, audit.Migrations, calendar.Migrations); err != nil {
		t.Fatal(err)
	}
	sa, sb := newService(t, a), newService(t, b)
	cal, _ := sb.Calendar(ctx) // cached on b
	if ok, _ := cal.IsWorkday(d("2026-03-04")); !ok {
		t.Fatal("2026-03-04 should be a working day")
	}
	if err := sa.SetDay(ctx, who, calendar.Day{Name: "停工", Date: d("2026-03-04"), IsOffDay: true}); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		cal, err := sb.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := cal.IsWorkday(d("2026-03-04")); !ok {
			break
		}
		if i > 200 {
			t.Fatal("instance b never saw the edit")
		}
		time.Sleep(25 * time.Millisecond)
	}
}
