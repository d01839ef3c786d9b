package catalogue_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var who = audit.Actor{Name: "test"}

var shanghai = time.FixedZone("CST", 8*3600)

func newService(t *testing.T, db *store.DB, c clock.Clock) *catalogue.Service {
	t.Helper()
	s := catalogue.New(db, c, shanghai)
	if err := s.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func byCode(t *testing.T, s *catalogue.Service, code string) catalogue.Category {
	t.Helper()
	all, err := s.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.Code == code {
			return c
		}
	}
	t.Fatalf("no category %s", code)
	return catalogue.Category{}
}

func TestSeedOnceWithRegulationHeadings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db, clock.System{})
		if err := s.Seed(ctx); err != nil { // a second start
			t.Fatal(err)
		}
		all, _ := s.List(ctx)
		names := map[string]bool{}
		for _, c := range all {
			names[c.Name] = true
		}
		for _, n := range []string{"政策法规", "机构职能", "规划计划", "行政权力", "行政许可", "行政处罚", "财政预决算", "土地利用", "征地信息", "人事信息", "办事指南", "工作动态", "通知公告"} {
			if !names[n] {
				t.Errorf("seed lacks %s", n)
			}
		}
		if len(all) != 22 {
			t.Errorf("%d categories after two seeds", len(all))
		}
		xk := byCode(t, s, "XZXK")
		if xk.Path != "行政权力 / 行政许可" || xk.ParentID == nil {
			t.Errorf("path %q", xk.Path)
		}
		sh := byCode(t, s, "SHJZ")
		if sh.Period == nil || *sh.Period != (calendar.Period{N: 7, Unit: calendar.UnitWorkdays}) {
			t.Errorf("社会救助 period %+v", sh.Period)
		}
		dt := byCode(t, s, "GZDT")
		if dt.Cadence == nil || *dt.Cadence != (catalogue.Cadence{N: 2, Unit: catalogue.CadenceWeeks}) {
			t.Errorf("工作动态 cadence %+v", dt.Cadence)
		}
	}, audit.Migrations, catalogue.Migrations)
}

func TestEditValidatesAndKeepsATree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db, clock.System{})
		root := byCode(t, s, "XZQL")
		child := byCode(t, s, "XZXK")
		bad := []struct {
			in    catalogue.Input
			field string
		}{
			{catalogue.Input{Code: "X1", Name: ""}, "name"},
			{catalogue.Input{Code: "bad code", Name: "n"}, "code"},
			{catalogue.Input{Code: "XZXK", Name: "dup"}, "code"},
			{catalogue.Input{Code: "X2", Name: "n", ParentID: ptr(99999)}, "parent_id"},
			{catalogue.Input{Code: "X3", Name: "n", Period: &calendar.Period{N: 0, Unit: "workdays"}}, "period.n"},
			{catalogue.Input{Code: "X4", Name: "n", Cadence: &catalogue.Cadence{N: 1, Unit: "fortnights"}}, "cadence.unit"},
		}
		for _, b := range bad {
			_, err := s.Create(ctx, who, b.in)
			var we *web.Error
			if !errors.As(err, &we) || we.Field != b.field {
				t.Errorf("%+v: %v, want field %s", b.in, err, b.field)
			}
		}
		// A category cannot move under its own child.
		in := catalogue.Input{Code: root.Code, Name: root.Name, ParentID: &child.ID}
		if _, err := s.Update(ctx, who, root.ID, in); err == nil {
			t.Fatal("cycle accepted")
		}
		// A parent with children cannot be deleted; a leaf can.
		if err := s.Delete(ctx, who, root.ID); err == nil {
			t.Fatal("deleted a category with children")
		}
		c, err := s.Create(ctx, who, catalogue.Input{Code: "xzqr", Name: "行政确认", ParentID: &root.ID, Position: 30,
			Period: &calendar.Period{N: 10, Unit: calendar.UnitDays}})
		if err != nil || c.Code != "XZQR" || c.Path != "行政权力 / 行政确认" {
			t.Fatalf("create: %+v %v", c, err)
		}
		if err := s.Delete(ctx, who, c.ID); err != nil {
			t.Fatal(err)
		}
	}, audit.Migrations, catalogue.Migrations)
}

func ptr(v int64) *int64 { return &v }
