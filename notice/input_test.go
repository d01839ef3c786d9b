package notice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

func TestBadInputNamesTheFieldAndSavesNothing(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		later := monday.Add(48 * time.Hour)
		sooner := monday.Add(24 * time.Hour)
		farthest := time.Date(calendar.LastStatutoryYear+1, 6, 1, 9, 0, 0, 0, shanghai)
		cases := []struct {
			name  string
			edit  func(in *notice.Input)
			code  web.Code
			field string
		}{
			{"empty title", func(in *notice.Input) { in.Title = "  " }, web.CodeRequired, "title"},
			{"long title", func(in *notice.Input) { in.Title = strings.Repeat("长", notice.MaxTitle+1) }, web.CodeTooLong, "title"},
			{"unknown category", func(in *notice.Input) { in.CategoryID = 99999 }, web.CodeInvalid, "category_id"},
			{"no category", func(in *notice.Input) { in.CategoryID = 0 }, web.CodeRequired, "category_id"},
			{"unknown kind", func(in *notice.Input) { in.Kind = "memo" }, web.CodeInvalid, "kind"},
			{"expire before publish", func(in *notice.Input) { in.PublishAt, in.ExpireAt = &later, &sooner }, web.CodeInvalid, "expire_at"},
			{"expire in the past", func(in *notice.Input) { past := monday.Add(-time.Hour); in.ExpireAt = &past }, web.CodeInvalid, "expire_at"},
			{"both end and period", func(in *notice.Input) {
				in.ExpireAt, in.Period = &later, &calendar.Period{N: 5, Unit: calendar.UnitWorkdays}
			}, web.CodeInvalid, "period"},
			// A period into a year without a holiday list is counted on
			// its statutory holidays (R3), not refused.
			{"period past the statutory calendar", func(in *notice.Input) {
				in.PublishAt, in.Period = &farthest, &calendar.Period{N: 7, Unit: calendar.UnitWorkdays}
			}, calendar.CodeNotCovered, "period"},
			{"bad period unit", func(in *notice.Input) { in.Period = &calendar.Period{N: 5, Unit: "weeks"} }, web.CodeInvalid, "period.unit"},
			{"long LED text", func(in *notice.Input) { in.LEDText = strings.Repeat("字", notice.MaxLEDText+1) }, web.CodeTooLong, "led_text"},
			{"bad date made", func(in *notice.Input) { in.MadeOn = "2026-02-30" }, web.CodeInvalid, "made_on"},
			{"priority", func(in *notice.Input) { in.Priority = 10 }, web.CodeOutOfRange, "priority"},
			{"duration", func(in *notice.Input) { in.Duration = 1 }, web.CodeOutOfRange, "duration"},
			{"no screens", func(in *notice.Input) { in.AllScreens = ptr(false) }, web.CodeRequired, "groups"},
			{"bad group", func(in *notice.Input) { in.Groups = []int64{-3} }, web.CodeInvalid, "groups"},
			{"links on a non-policy", func(in *notice.Input) { in.Interpretations = []int64{1} }, web.CodeInvalid, "interpretations"},
			{"unknown attachment", func(in *notice.Input) {
				in.Attachments = []notice.AttachmentRef{{SHA256: strings.Repeat("ab", 32), Name: "a.pdf"}}
			}, web.CodeInvalid, "attachments[0].sha256"},
			{"guide fields on a notice", func(in *notice.Input) { in.Guide = &notice.Guide{Phone: "12345"} }, web.CodeInvalid, "guide"},
		}
		for _, c := range cases {
			in := e.input("有效标题", notice.KindAnnouncement, "TZGG")
			c.edit(&in)
			_, err := e.svc.Create(ctx, e.editor, in)
			if err == nil {
				t.Errorf("%s: accepted", c.name)
				continue
			}
			webErr(t, err, c.code, c.field)
		}
		rows, total, err := e.svc.List(ctx, notice.ListFilter{})
		if err != nil || total != 0 || len(rows) != 0 {
			t.Fatalf("something was saved: %d %v", total, err)
		}
		// A bad edit leaves the draft as it was.
		d := e.create(e.editor, e.input("原标题", notice.KindAnnouncement, "TZGG"))
		bad := e.input("", notice.KindAnnouncement, "TZGG")
		if _, err := e.svc.Save(ctx, e.editor, d.Notice.ID, bad); err == nil {
			t.Fatal("empty title saved")
		}
		d, _ = e.svc.Detail(ctx, d.Notice.ID)
		if d.Current.Title != "原标题" {
			t.Fatalf("title after a refused save: %q", d.Current.Title)
		}
		// A stale editor gets a conflict.
		in := e.input("新标题", notice.KindAnnouncement, "TZGG")
		in.BaseVersionID = d.Current.ID + 100
		_, err = e.svc.Save(ctx, e.editor, d.Notice.ID, in)
		webErr(t, err, web.CodeConflict, "base_version_id")
	})
}

func TestMarkdownIsSanitisedNotRefused(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		in := e.input("含脚本的正文", notice.KindAnnouncement, "TZGG")
		in.Body = "正文<script>alert(1)</script>\n\n<iframe src=\"https://x.example\"></iframe>\n\n[点我](javascript:alert(1))"
		d := e.create(e.editor, in)
		h := d.Current.HTML
		if strings.Contains(h, "script") || strings.Contains(h, "iframe") || strings.Contains(h, "javascript") || !strings.Contains(h, "点我") {
			t.Fatalf("stored HTML %s", h)
		}
	})
}

func TestServiceGuideNeedsItsFieldsToBeSubmitted(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("居住证办理指南", notice.KindGuide, "BSZN")
		in.Guide = &notice.Guide{Conditions: "在本市居住半年以上", Materials: []string{"身份证", " ", "居住证明"}}
		d := e.create(e.editor, in)
		if got := d.Current.Guide.Materials; len(got) != 2 {
			t.Fatalf("materials %q", got)
		}
		_, err := e.svc.Submit(ctx, e.editor, d.Notice.ID)
		webErr(t, err, web.CodeRequired, "guide.steps")
		in.Guide.Steps = []string{"窗口受理", "审核", "发证"}
		in.Guide.Fees, in.Guide.FeeBasis, in.Guide.TimeLimit = "不收费", "", "5个工作日"
		in.Guide.Location, in.Guide.Phone = "政务服务中心一楼3号窗口", "010-12345678"
		if _, err := e.svc.Save(ctx, e.editor, d.Notice.ID, in); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, d.Notice.ID)
		e.approve(e.reviewer, d.Notice.ID)
		p, _ := e.svc.PublicNotice(ctx, d.Notice.ID)
		if p.Guide == nil || p.Guide.TimeLimit != "5个工作日" || p.KindLabel != "办事指南" {
			t.Fatalf("public guide %+v", p.Guide)
		}
	})
}
