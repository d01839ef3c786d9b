package notice_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

var monday = time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai)

func TestReviewerIsNotTheAuthor(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		// An editor cannot decide at all.
		id := e.written(e.input("关于窗口调整的通知", notice.KindNotification, "TZGG"))
		_, err := e.svc.Approve(ctx, e.editor2, id, notice.Decision{Reason: "同意"})
		webErr(t, err, web.CodeForbidden, "")
		// An admin who wrote a notice cannot approve it, nor refuse it.
		own := e.create(e.admin, e.input("管理员自己的公告", notice.KindAnnouncement, "TZGG"))
		e.submit(e.admin, own.Notice.ID)
		_, err = e.svc.Approve(ctx, e.admin, own.Notice.ID, notice.Decision{Reason: "同意"})
		webErr(t, err, notice.CodeOwnNotice, "")
		_, err = e.svc.Refuse(ctx, e.admin, own.Notice.ID, notice.Decision{Reason: "不同意"})
		webErr(t, err, notice.CodeOwnNotice, "")
		// A decision needs a reason.
		_, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{})
		webErr(t, err, web.CodeRequired, "reason")
		// Another reviewer approves: published at once, with an index number.
		d := e.approve(e.reviewer, id)
		if d.Current.Status != notice.StatusPublished || d.Current.ApprovedBy == nil || *d.Current.ApprovedBy != e.reviewer.ID {
			t.Fatalf("after approval: %+v", d.Current)
		}
		if d.Current.ReviewResult == nil || *d.Current.ReviewResult != notice.ResultDisclose || d.Current.AuthorName != "ed" || d.Current.ApproverName != "rita" {
			t.Fatalf("review record: %+v", d.Current)
		}
		if d.Notice.IndexNo == nil || !regexp.MustCompile(`^TZGG-2026-00001$`).MatchString(*d.Notice.IndexNo) {
			t.Fatalf("index number %v", d.Notice.IndexNo)
		}
		ps := e.published(notice.PublicFilter{})
		if len(ps) != 1 || ps[0].Title != "关于窗口调整的通知" || ps[0].IndexNo != "TZGG-2026-00001" || ps[0].LEDText != ps[0].Title {
			t.Fatalf("published: %+v", ps)
		}
	})
}

func TestReferredNoticeIsDecidedByAnAdmin(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		id := e.written(e.input("涉及敏感事项的公示", notice.KindPublicity, "SHJZ"))
		if _, err := e.svc.Refer(ctx, e.reviewer, id, notice.Decision{Reason: "涉及多部门，需报审"}); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意"})
		webErr(t, err, web.CodeForbidden, "")
		d, err := e.svc.Approve(ctx, e.admin, id, notice.Decision{Reason: "经报审，同意公开"})
		if err != nil {
			t.Fatal(err)
		}
		v := d.Current
		if v.ReviewerName != "rita" || *v.ReviewResult != notice.ResultRefer || v.ApproverName != "root" || v.DeciderName != "root" ||
			v.ReviewedAt == nil || v.ApprovedAt == nil || v.Status != notice.StatusPublished {
			t.Fatalf("who reviewed and approved: %+v", v)
		}
		hist, _ := e.svc.History(ctx, id)
		var steps []string
		for _, h := range hist {
			steps = append(steps, h.Action+":"+h.ActorName)
		}
		if got := strings.Join(steps, " "); got != "create:ed submit:ed refer:rita approve:root publish:root" {
			t.Fatalf("history %s", got)
		}
	})
}

func TestRefusedNoticeGetsANewVersion(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		id := e.written(e.input("待修改的动态", notice.KindNews, "GZDT"))
		if _, err := e.svc.Refuse(ctx, e.reviewer, id, notice.Decision{Reason: "内容不完整"}); err != nil {
			t.Fatal(err)
		}
		in := e.input("修改后的动态", notice.KindNews, "GZDT")
		d, err := e.svc.Save(ctx, e.editor2, id, in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Number != 2 || d.Current.Status != notice.StatusDraft || d.Current.AuthorID != e.editor2.ID {
			t.Fatalf("after editing a refused notice: %+v", d.Current)
		}
		// Only the author of a draft edits it; nothing is edited in review.
		_, err = e.svc.Save(ctx, e.editor, id, in)
		webErr(t, err, web.CodeForbidden, "")
		e.submit(e.editor2, id)
		_, err = e.svc.Save(ctx, e.editor2, id, in)
		webErr(t, err, web.CodeInvalidState, "")
		if _, err := e.svc.Recall(ctx, e.editor2, id); err != nil {
			t.Fatal(err)
		}
		vs, _ := e.svc.Versions(ctx, id)
		if len(vs) != 2 || vs[1].Status != notice.StatusRefused || *vs[1].ReviewReason != "内容不完整" {
			t.Fatalf("versions %+v", vs)
		}
	})
}

func TestEditingAPublishedNoticeKeepsTheOldTextLive(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		sub := e.db.Bus().Subscribe(notice.Topic)
		defer sub.Close()
		in := e.input("办事大厅开放时间", notice.KindAnnouncement, "TZGG")
		in.Body = "上午9:00开放"
		id := e.written(in)
		e.approve(e.reviewer, id)
		in.Body = "上午8:30开放"
		in.Title = "办事大厅开放时间（调整）"
		d, err := e.svc.Save(ctx, e.editor, id, in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Number != 2 || d.Live == nil || d.Live.Number != 1 {
			t.Fatalf("after the edit: current %d live %+v", d.Current.Number, d.Live)
		}
		live := func() string {
			ps := e.published(notice.PublicFilter{IDs: []int64{id}})
			if len(ps) != 1 {
				t.Fatalf("published: %+v", ps)
			}
			return ps[0].Text
		}
		if got := live(); got != "上午9:00开放" {
			t.Fatalf("live text while the edit is a draft: %q", got)
		}
		e.submit(e.editor, id)
		if got := live(); got != "上午9:00开放" {
			t.Fatalf("live text while the edit is in review: %q", got)
		}
		e.approve(e.reviewer, id)
		if got := live(); got != "上午8:30开放" {
			t.Fatalf("live text after approval: %q", got)
		}
		vs, _ := e.svc.Versions(ctx, id)
		if vs[1].Status != notice.StatusSuperseded || vs[0].Status != notice.StatusPublished {
			t.Fatalf("statuses %s %s", vs[0].Status, vs[1].Status)
		}
		evs := events(sub)
		if len(evs) != 2 || evs[0].Event != notice.EventPublished || evs[1].Event != notice.EventUpdated || !evs[1].All {
			t.Fatalf("events %+v", evs)
		}
	})
}

func TestWithdrawTakesANoticeOffTheScreens(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		id := e.written(e.input("错误发布的公告", notice.KindAnnouncement, "TZGG"))
		e.approve(e.reviewer, id)
		_, err := e.svc.Withdraw(ctx, e.reviewer, id, "发布有误")
		webErr(t, err, web.CodeForbidden, "")
		_, err = e.svc.Withdraw(ctx, e.admin, id, " ")
		webErr(t, err, web.CodeRequired, "reason")
		sub := e.db.Bus().Subscribe(notice.Topic)
		defer sub.Close()
		if _, err := e.svc.Withdraw(ctx, e.admin, id, "发布有误"); err != nil {
			t.Fatal(err)
		}
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("still published: %+v", ps)
		}
		if _, err := e.svc.PublicNotice(ctx, id); err == nil {
			t.Fatal("a withdrawn notice is public")
		}
		if evs := events(sub); len(evs) != 1 || evs[0].Event != notice.EventWithdrawn {
			t.Fatalf("events %+v", evs)
		}
		_, err = e.svc.Save(ctx, e.editor, id, e.input("再改", notice.KindAnnouncement, "TZGG"))
		webErr(t, err, web.CodeInvalidState, "")
	})
}

func TestIndexNumberUsesTheOrganisationCode(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		if err := e.settings.Set(ctx, e.admin.Actor, notice.SettingOrgCode, []byte(`"bad code"`)); err == nil {
			t.Fatal("an invalid org code was accepted")
		}
		if err := e.settings.Set(ctx, e.admin.Actor, notice.SettingOrgCode, []byte(`"11110000000012345X"`)); err != nil {
			t.Fatal(err)
		}
		first := e.approve(e.reviewer, e.written(e.input("一", notice.KindNews, "GZDT")))
		second := e.approve(e.reviewer, e.written(e.input("二", notice.KindNews, "GZDT")))
		if *first.Notice.IndexNo != "11110000000012345X/GZDT-2026-00001" || *second.Notice.IndexNo != "11110000000012345X/GZDT-2026-00002" {
			t.Fatalf("index numbers %s %s", *first.Notice.IndexNo, *second.Notice.IndexNo)
		}
		// A new version keeps the number.
		id := first.Notice.ID
		if _, err := e.svc.Save(ctx, e.editor, id, e.input("一（修订）", notice.KindNews, "GZDT")); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, id)
		if d := e.approve(e.reviewer, id); *d.Notice.IndexNo != "11110000000012345X/GZDT-2026-00001" {
			t.Fatalf("after a new version: %s", *d.Notice.IndexNo)
		}
	})
}
