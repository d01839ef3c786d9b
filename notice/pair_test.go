package notice_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

func TestPolicyDocumentIsApprovedWithItsInterpretation(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		sub := e.db.Bus().Subscribe(notice.Topic)
		defer sub.Close()
		policy := e.input("关于进一步优化营商环境的若干措施", notice.KindPolicy, "ZCWJ")
		pid := e.written(policy)
		// Without a 解读 the policy document is refused at approval.
		_, err := e.svc.Approve(ctx, e.reviewer, pid, notice.Decision{Reason: "同意"})
		webErr(t, err, notice.CodeInterpretation, "interpretations")

		// Link a 解读 that is still a draft: still refused.
		jd := e.create(e.editor, e.input("《若干措施》政策解读", notice.KindInterpretation, "ZCJD"))
		jid := jd.Notice.ID
		if _, err := e.svc.Recall(ctx, e.editor, pid); err != nil {
			t.Fatal(err)
		}
		policy.Interpretations = []int64{jid}
		if _, err := e.svc.Save(ctx, e.editor, pid, policy); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, pid)
		_, err = e.svc.Approve(ctx, e.reviewer, pid, notice.Decision{Reason: "同意"})
		webErr(t, err, notice.CodeInterpretation, "interpretations")
		// The 解读 cannot go out alone before its policy document.
		e.submit(e.editor, jid)
		_, err = e.svc.Approve(ctx, e.reviewer, jid, notice.Decision{Reason: "同意"})
		webErr(t, err, notice.CodeInterpretation, "interpretations")
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("something went out: %+v", ps)
		}
		// Approving the policy document approves and publishes both at once.
		d := e.approve(e.reviewer, pid)
		if len(d.LinkedInterpretations) != 1 || d.LinkedInterpretations[0].Status != notice.StatusPublished {
			t.Fatalf("linked %+v", d.LinkedInterpretations)
		}
		ps := e.published(notice.PublicFilter{})
		if len(ps) != 2 || !ps[0].PublishedAt.Equal(ps[1].PublishedAt) {
			t.Fatalf("published %+v", ps)
		}
		for _, p := range ps {
			switch p.ID {
			case pid:
				if len(p.Interpretations) != 1 || p.Interpretations[0] != jid {
					t.Fatalf("policy links %+v", p.Interpretations)
				}
			case jid:
				if p.PolicyID == nil || *p.PolicyID != pid {
					t.Fatalf("interpretation's policy %v", p.PolicyID)
				}
			}
		}
		if evs := events(sub); len(evs) != 2 {
			t.Fatalf("events %+v", evs)
		}
		// The 解读 cannot be withdrawn alone; the policy document takes it along.
		_, err = e.svc.Withdraw(ctx, e.admin, jid, "撤回")
		webErr(t, err, web.CodeInvalidState, "")
		if _, err := e.svc.Withdraw(ctx, e.admin, pid, "政策废止"); err != nil {
			t.Fatal(err)
		}
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("after withdrawing the policy: %+v", ps)
		}
	})
}

func TestScheduledPairPublishesAndExpiresTogether(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		at := time.Date(2026, 12, 1, 8, 0, 0, 0, shanghai)
		end := time.Date(2026, 12, 31, 18, 0, 0, 0, shanghai)
		j := e.input("解读", notice.KindInterpretation, "ZCJD")
		jid := e.written(j)
		p := e.input("政策文件", notice.KindPolicy, "ZCWJ")
		p.PublishAt, p.ExpireAt, p.Interpretations = &at, &end, []int64{jid}
		pid := e.written(p)
		d := e.approve(e.reviewer, pid)
		if d.Current.Status != notice.StatusScheduled || d.Notice.IndexNo == nil {
			t.Fatalf("scheduled: %+v %v", d.Current.Status, d.Notice.IndexNo)
		}
		jd, _ := e.svc.Detail(ctx, jid)
		if jd.Current.Status != notice.StatusScheduled || !jd.Current.PublishAt.Equal(at) {
			t.Fatalf("partner: %s %v", jd.Current.Status, jd.Current.PublishAt)
		}
		next, ok, _ := e.svc.NextTransition(ctx)
		if !ok || !next.Equal(at) {
			t.Fatalf("next %v", next)
		}
		if n, err := e.svc.PublishDue(ctx, at); err != nil || n != 1 {
			t.Fatalf("publish due: %d %v", n, err)
		}
		ps := e.published(notice.PublicFilter{})
		if len(ps) != 2 || !ps[0].PublishedAt.Equal(at) || !ps[1].PublishedAt.Equal(at) || !ps[1].ExpireAt.Equal(end) || !ps[0].ExpireAt.Equal(end) {
			t.Fatalf("published together: %+v", ps)
		}
		if n, err := e.svc.PublishDue(ctx, end); err != nil || n != 1 {
			t.Fatalf("expire due: %d %v", n, err)
		}
		arch, _ := e.svc.Archive(ctx, notice.PublicFilter{})
		if len(arch) != 2 {
			t.Fatalf("archive %+v", arch)
		}
	})
}

func TestPublishDueIsSafeFromSeveralCallers(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		at := monday.Add(time.Hour)
		for i := 0; i < 6; i++ {
			in := e.input("定时公告", notice.KindAnnouncement, "TZGG")
			in.PublishAt = &at
			e.approve(e.reviewer, e.written(in))
		}
		sub := e.db.Bus().Subscribe(notice.Topic)
		defer sub.Close()
		results := make(chan int, 4)
		for i := 0; i < 4; i++ {
			go func() {
				n, err := e.svc.PublishDue(ctx, at)
				if err != nil {
					t.Error(err)
				}
				results <- n
			}()
		}
		total := 0
		for i := 0; i < 4; i++ {
			total += <-results
		}
		if total != 6 {
			t.Fatalf("%d transitions made by four callers, want 6", total)
		}
		if evs := events(sub); len(evs) != 6 {
			t.Fatalf("%d events, want 6", len(evs))
		}
		if n, _ := e.svc.PublishDue(ctx, at); n != 0 {
			t.Fatalf("a second pass made %d", n)
		}
	})
}

func TestInterpretationPublishedLaterEndsWithItsPolicy(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		end := time.Date(2026, 12, 31, 18, 0, 0, 0, shanghai)
		jid := e.written(e.input("解读", notice.KindInterpretation, "ZCJD"))
		p := e.input("政策文件", notice.KindPolicy, "ZCWJ")
		p.ExpireAt, p.Interpretations = &end, []int64{jid}
		e.approve(e.reviewer, e.written(p))
		// A new version of the 解读 with an end of its own still ends with the policy.
		j := e.input("解读（修订）", notice.KindInterpretation, "ZCJD")
		own := time.Date(2026, 12, 10, 0, 0, 0, 0, shanghai)
		j.ExpireAt = &own
		if _, err := e.svc.Save(ctx, e.editor, jid, j); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, jid)
		d := e.approve(e.reviewer, jid)
		if d.Current.Status != notice.StatusPublished || !d.Current.ExpireAt.Equal(end) {
			t.Fatalf("revised 解读: %s, ends %v", d.Current.Status, d.Current.ExpireAt)
		}
	})
}
