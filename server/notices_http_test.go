package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// hall is a running server with an editor, a reviewer and an admin.
type hall struct {
	s                       *servertest.Server
	editor, reviewer, admin *servertest.Client
}

func newHall(t *testing.T, opts ...servertest.Option) *hall {
	s := servertest.Start(t, opts...)
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	s.User(t, "root", auth.RoleAdmin)
	return &hall{s: s, editor: s.Login(t, "ed", "ed-password-1"), reviewer: s.Login(t, "rita", "rita-password-1"),
		admin: s.Login(t, "root", "root-password-1")}
}

// categoryID finds a catalogue category by code through the API.
func (h *hall) categoryID(t *testing.T, code string) int64 {
	t.Helper()
	var out struct {
		Categories []struct {
			ID       int64  `json:"id"`
			Code     string `json:"code"`
			Children []struct {
				ID   int64  `json:"id"`
				Code string `json:"code"`
			} `json:"children"`
		} `json:"categories"`
	}
	h.editor.Do("GET", "/api/admin/categories", nil).JSON(t, &out)
	for _, c := range out.Categories {
		if c.Code == code {
			return c.ID
		}
		for _, k := range c.Children {
			if k.Code == code {
				return k.ID
			}
		}
	}
	t.Fatalf("no category %s", code)
	return 0
}

type detail struct {
	Notice struct {
		ID      int64   `json:"id"`
		IndexNo *string `json:"index_no"`
	} `json:"notice"`
	Current struct {
		ID          int64  `json:"id"`
		Status      string `json:"status"`
		Body        string `json:"body"`
		Attachments []struct {
			ID int64 `json:"id"`
		} `json:"attachments"`
	} `json:"current"`
	Findings []map[string]any `json:"findings"`
}

func (h *hall) create(t *testing.T, c *servertest.Client, body map[string]any) detail {
	t.Helper()
	res := c.Do("POST", "/api/admin/notices", body)
	if res.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	var d detail
	res.JSON(t, &d)
	return d
}

func post(t *testing.T, c *servertest.Client, path string, body any, want int) *servertest.Response {
	t.Helper()
	res := c.Do("POST", path, body)
	if res.Status != want {
		t.Fatalf("POST %s: %d %s, want %d", path, res.Status, res.Body, want)
	}
	return res
}

func TestNoticeWorkflowOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		h := newHall(t, servertest.WithDialect(d))
		cat := h.categoryID(t, "TZGG")
		n := h.create(t, h.editor, map[string]any{"title": "关于春节期间办事大厅开放时间的通知", "body": "2月14日（星期六）正常上班。",
			"kind": "notification", "category_id": cat, "led_text": "春节期间2月14日正常上班"})
		id := n.Notice.ID
		post(t, h.editor, fmt.Sprintf("/api/admin/notices/%d/submit", id), nil, http.StatusOK)
		approve := fmt.Sprintf("/api/admin/notices/%d/approve", id)
		// An editor cannot approve (the route needs a reviewer).
		res := post(t, h.editor, approve, map[string]string{"reason": "同意"}, http.StatusForbidden)
		if code, _ := res.ErrorCode(); code != "forbidden" {
			t.Fatalf("editor approving: %s", res.Body)
		}
		// The review queue shows it to the reviewer.
		var q struct {
			Notices []struct{ ID int64 } `json:"notices"`
		}
		h.reviewer.Do("GET", "/api/admin/review", nil).JSON(t, &q)
		if len(q.Notices) != 1 || q.Notices[0].ID != id {
			t.Fatalf("queue %+v", q)
		}
		var dd detail
		post(t, h.reviewer, approve, map[string]string{"reason": "经审查，同意公开"}, http.StatusOK).JSON(t, &dd)
		if dd.Current.Status != "published" || dd.Notice.IndexNo == nil {
			t.Fatalf("approved: %+v", dd)
		}
		var list struct {
			Notices []struct {
				ID int64 `json:"id"`
			} `json:"notices"`
			Counts map[string]int `json:"counts"`
		}
		h.editor.Do("GET", "/api/admin/notices?status=published", nil).JSON(t, &list)
		if len(list.Notices) != 1 || list.Counts["published"] != 1 || list.Counts["draft"] != 0 {
			t.Fatalf("published list %+v", list)
		}
		// A reviewer's own notice: an admin who wrote it cannot approve it.
		own := h.create(t, h.admin, map[string]any{"title": "管理员起草", "body": "正文", "kind": "news", "category_id": h.categoryID(t, "GZDT")})
		post(t, h.admin, fmt.Sprintf("/api/admin/notices/%d/submit", own.Notice.ID), nil, http.StatusOK)
		res = post(t, h.admin, fmt.Sprintf("/api/admin/notices/%d/approve", own.Notice.ID), map[string]string{"reason": "同意"}, http.StatusForbidden)
		if code, _ := res.ErrorCode(); code != "own_notice" {
			t.Fatalf("self-approval: %s", res.Body)
		}
	})
}

func TestPersonalDataOverHTTP(t *testing.T) {
	h := newHall(t)
	cat := h.categoryID(t, "SHJZ")
	n := h.create(t, h.editor, map[string]any{"title": "低保初审名单公示", "kind": "publicity", "category_id": cat,
		"body": "张三，身份证号11010519491231002X，保障金额800元。"})
	if len(n.Findings) != 1 || n.Findings[0]["masked"] != "110105********002X" || n.Findings[0]["text"] != nil {
		t.Fatalf("findings on create: %+v", n.Findings)
	}
	base := fmt.Sprintf("/api/admin/notices/%d", n.Notice.ID)
	post(t, h.editor, base+"/submit", nil, http.StatusOK)
	res := post(t, h.reviewer, base+"/approve", map[string]string{"reason": "同意"}, http.StatusConflict)
	if code, field := res.ErrorCode(); code != "personal_data" || field != "body" {
		t.Fatalf("approve with an ID number: %s", res.Body)
	}
	var d detail
	post(t, h.reviewer, base+"/mask", nil, http.StatusOK).JSON(t, &d)
	// Escaped in the Markdown body, so that the stars are not emphasis.
	if !strings.Contains(d.Current.Body, `110105\*\*\*\*\*\*\*\*002X`) || len(d.Findings) != 0 {
		t.Fatalf("masked: %+v", d)
	}
	post(t, h.reviewer, base+"/approve", map[string]string{"reason": "同意"}, http.StatusOK)
	// The scan tool checks unsaved text for the editor.
	var scan struct {
		Findings []map[string]any `json:"findings"`
		Masked   struct {
			Body string `json:"body"`
		} `json:"masked"`
	}
	post(t, h.editor, "/api/admin/notices/scan", map[string]string{"body": "卡号6222021234567890128，手机13812345678"}, http.StatusOK).JSON(t, &scan)
	if len(scan.Findings) != 2 || scan.Masked.Body != `卡号6222\*\*\*\*\*\*\*\*\*\*\*0128，手机138\*\*\*\*5678` {
		t.Fatalf("scan: %+v", scan)
	}
}

func TestBadNoticeInputOverHTTP(t *testing.T) {
	h := newHall(t)
	cat := h.categoryID(t, "TZGG")
	cases := []struct {
		body  map[string]any
		code  string
		field string
	}{
		{map[string]any{"title": "", "kind": "news", "category_id": cat}, "required", "title"},
		{map[string]any{"title": strings.Repeat("题", 201), "kind": "news", "category_id": cat}, "too_long", "title"},
		{map[string]any{"title": "t", "kind": "news", "category_id": 424242}, "invalid", "category_id"},
		{map[string]any{"title": "t", "kind": "news", "category_id": cat, "publish_at": "2026-12-02T09:00:00+08:00",
			"expire_at": "2026-12-01T09:00:00+08:00"}, "invalid", "expire_at"},
		{map[string]any{"title": "t", "kind": "publicity", "category_id": cat, "publish_at": "3000-03-02T09:00:00+08:00",
			"period": map[string]any{"n": 7, "unit": "workdays"}}, "calendar_not_covered", "period"},
		{map[string]any{"title": "t", "kind": "news", "category_id": cat, "colour": "red"}, "unknown_field", "colour"},
		{map[string]any{"title": "t", "kind": "news", "category_id": "一"}, "invalid", "category_id"},
	}
	for _, c := range cases {
		res := h.editor.Do("POST", "/api/admin/notices", c.body)
		code, field := res.ErrorCode()
		if res.Status != http.StatusBadRequest || code != c.code || field != c.field {
			t.Errorf("%v: %d %s/%s, want %s/%s (%s)", c.body, res.Status, code, field, c.code, c.field, res.Body)
		}
	}
	var list struct {
		Total int `json:"total"`
	}
	h.editor.Do("GET", "/api/admin/notices", nil).JSON(t, &list)
	if list.Total != 0 {
		t.Fatalf("%d notices saved by bad requests", list.Total)
	}
}
