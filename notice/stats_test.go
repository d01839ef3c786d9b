package notice_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestStatisticsPerCategoryKindAndMonth(t *testing.T) {
	each(t, time.Date(2026, 10, 30, 9, 0, 0, 0, shanghai), func(t *testing.T, e *env) {
		ctx := context.Background()
		publish := func(title string, kind notice.Kind, code string) int64 {
			id := e.written(e.input(title, kind, code))
			e.approve(e.reviewer, id)
			return id
		}
		publish("政策文件解读", notice.KindInterpretation, "ZCJD")
		publish("十月动态", notice.KindNews, "GZDT")
		e.clock.Set(time.Date(2026, 11, 2, 9, 0, 0, 0, shanghai))
		publish("征地公告一", notice.KindAnnouncement, "ZDXX")
		publish("征地公告二", notice.KindAnnouncement, "ZDXX")
		gone := publish("撤回的公告", notice.KindAnnouncement, "ZDXX")
		if _, err := e.svc.Withdraw(ctx, e.admin, gone, "错误"); err != nil {
			t.Fatal(err)
		}
		e.create(e.editor, e.input("草稿不计", notice.KindNews, "GZDT"))

		st, err := e.svc.Stats(ctx, date("2026-01-01"), date("2026-11-30"))
		if err != nil {
			t.Fatal(err)
		}
		if st.Total != 4 || st.Summary != "共4条：政策法规1条、征地信息2条、工作动态1条" {
			t.Fatalf("total %d, summary %q", st.Total, st.Summary)
		}
		counts := map[string][2]int{}
		for _, c := range st.Categories {
			counts[c.Code] = [2]int{c.Count, c.Total}
		}
		if counts["ZCFG"] != [2]int{0, 1} || counts["ZCJD"] != [2]int{1, 1} || counts["ZDXX"] != [2]int{2, 2} {
			t.Fatalf("categories %v", counts)
		}
		if len(st.Kinds) != 3 || st.Kinds[0].Label != "公告" || st.Kinds[0].Count != 2 {
			t.Fatalf("kinds %+v", st.Kinds)
		}
		if len(st.Months) != 11 || st.Months[9] != (notice.MonthCount{Month: "2026-10", Count: 2}) || st.Months[10].Count != 2 {
			t.Fatalf("months %+v", st.Months)
		}
		data, err := st.XLSX()
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 4 || got[0] != "汇总" || got[1] != "按栏目" {
			t.Fatalf("sheets %v", got)
		}
		if v, _ := f.GetCellValue("按月份", "A11"); v != "2026-10" {
			t.Fatalf("month row %q", v)
		}
		_, err = e.svc.Stats(ctx, date("2026-02-01"), date("2026-01-01"))
		var we *web.Error
		if !errors.As(err, &we) || we.Field != "to" {
			t.Fatalf("reversed range: %v", err)
		}
	})
}

func TestPublishedTextAndFreshness(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("公开的通知", notice.KindNotification, "TZGG")
		in.Body = "# 标题\n\n第一段**重点**。"
		id := e.written(in)
		e.approve(e.reviewer, id)
		docs, gone, err := e.svc.PublishedText(ctx, time.Time{})
		if err != nil || len(docs) != 1 || len(gone) != 0 {
			t.Fatalf("docs %+v gone %v err %v", docs, gone, err)
		}
		if docs[0].Text != "标题\n\n第一段重点。" || docs[0].CategoryPath != "通知公告" || docs[0].IndexNo == nil {
			t.Fatalf("doc %+v", docs[0])
		}
		last, err := e.svc.LastPublished(ctx)
		if err != nil || last[e.category("TZGG")].IsZero() {
			t.Fatalf("last published %v %v", last, err)
		}
		if n, _ := e.svc.Uses(ctx, e.category("TZGG")); n != 1 {
			t.Fatalf("uses %d", n)
		}
		// A category with notices cannot be deleted.
		e.cats.SetActivity(e.svc)
		if err := e.cats.Delete(ctx, e.admin.Actor, e.category("TZGG")); err == nil {
			t.Fatal("deleted a category in use")
		}
	})
}

type groups map[int64]bool

func (g groups) Exists(_ context.Context, ids []int64) error {
	for _, id := range ids {
		if !g[id] {
			return web.Invalid("groups", web.CodeInvalid, "no screen group %d", id)
		}
	}
	return nil
}

func TestTargetGroupsAreCheckedAndFiltered(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.svc.SetGroupChecker(groups{1: true, 2: true})
		in := e.input("仅一楼屏幕", notice.KindAnnouncement, "TZGG")
		in.Groups = []int64{3}
		_, err := e.svc.Create(ctx, e.editor, in)
		webErr(t, err, web.CodeInvalid, "groups")
		in.Groups = []int64{2, 1, 2}
		id := e.written(in)
		e.approve(e.reviewer, id)
		all := e.input("全部屏幕", notice.KindAnnouncement, "TZGG")
		e.approve(e.reviewer, e.written(all))
		if ps := e.published(notice.PublicFilter{GroupID: 1}); len(ps) != 2 {
			t.Fatalf("group 1 sees %d", len(ps))
		}
		ps := e.published(notice.PublicFilter{GroupID: 5})
		if len(ps) != 1 || !ps[0].AllScreens {
			t.Fatalf("group 5 sees %+v", ps)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		if len(p.Groups) != 2 || p.Groups[0] != 1 || p.AllScreens {
			t.Fatalf("groups %+v", p.Groups)
		}
	})
}
