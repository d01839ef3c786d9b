package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/calendar"
)

func TestAttachmentsOverHTTP(t *testing.T) {
	h := newHall(t)
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
	res := h.editor.Upload("/api/admin/uploads", "file", "照片.png", pdf)
	if code, field := res.ErrorCode(); res.Status != http.StatusBadRequest || code != "type_mismatch" || field != "file" {
		t.Fatalf("mismatched upload: %d %s", res.Status, res.Body)
	}
	res = h.editor.Upload("/api/admin/uploads", "file", "公告原文.pdf", pdf)
	if res.Status != http.StatusCreated {
		t.Fatalf("upload: %d %s", res.Status, res.Body)
	}
	var up map[string]any
	res.JSON(t, &up)
	n := h.create(t, h.editor, map[string]any{"title": "附件公告", "body": "见附件", "kind": "announcement",
		"category_id": h.categoryID(t, "TZGG"), "attachments": []map[string]any{{"sha256": up["sha256"], "name": "公告原文.pdf"}}})
	att := n.Current.Attachments[0].ID
	public := fmt.Sprintf("/files/%d/x.pdf", att)
	anon := h.s.Client(t)
	if res := anon.Do("GET", public, nil); res.Status != http.StatusNotFound {
		t.Fatalf("a draft's file is public: %d", res.Status)
	}
	if res := h.editor.Do("GET", fmt.Sprintf("/api/admin/attachments/%d", att), nil); res.Status != http.StatusOK || string(res.Body) != string(pdf) {
		t.Fatalf("admin download: %d", res.Status)
	}
	base := fmt.Sprintf("/api/admin/notices/%d", n.Notice.ID)
	post(t, h.editor, base+"/submit", nil, http.StatusOK)
	post(t, h.reviewer, base+"/approve", map[string]string{"reason": "同意"}, http.StatusOK)
	res = anon.Do("GET", public, nil)
	if res.Status != http.StatusOK || string(res.Body) != string(pdf) || res.Header.Get("Content-Type") != "application/pdf" ||
		res.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "inline;") {
		t.Fatalf("public download: %d %v", res.Status, res.Header)
	}
}

func TestCatalogueCalendarAndStatsOverHTTP(t *testing.T) {
	h := newHall(t)
	// Catalogue: admins edit, editors read.
	res := h.editor.Do("POST", "/api/admin/categories", map[string]any{"code": "XZQR", "name": "行政确认"})
	if res.Status != http.StatusForbidden {
		t.Fatalf("editor creating a category: %d", res.Status)
	}
	res = h.admin.Do("POST", "/api/admin/categories", map[string]any{"code": "XZQR", "name": "行政确认",
		"period": map[string]any{"n": 5, "unit": "workdays"}, "cadence": map[string]any{"n": 6, "unit": "months"}})
	if res.Status != http.StatusCreated {
		t.Fatalf("create category: %d %s", res.Status, res.Body)
	}
	// Calendar: import a year, toggle a day, compute a period.
	res = h.admin.Do("POST", "/api/admin/calendar/import", strings.NewReader(`{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`))
	if code, _ := res.ErrorCode(); res.Status != http.StatusBadRequest || code != "calendar_festival_missing" || !strings.Contains(string(res.Body), "春节") {
		t.Fatalf("import of an incomplete list: %d %s", res.Status, res.Body)
	}
	full, _ := calendar.Statutory(2027)
	if res := h.admin.Do("POST", "/api/admin/calendar/import", full); res.Status != http.StatusOK {
		t.Fatalf("import: %d %s", res.Status, res.Body)
	}
	res = h.admin.Do("POST", "/api/admin/calendar/import", strings.NewReader(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01"}]}`))
	if code, field := res.ErrorCode(); res.Status != http.StatusBadRequest || field != "days[0].isOffDay" {
		t.Fatalf("bad import: %d %s %s", res.Status, code, res.Body)
	}
	if res := h.admin.Do("PUT", "/api/admin/calendar/days/2027-01-04", map[string]any{"name": "元旦", "isOffDay": true}); res.Status != http.StatusOK {
		t.Fatalf("set day: %d %s", res.Status, res.Body)
	}
	var comp struct {
		End         string `json:"end"`
		Provisional bool   `json:"provisional"`
	}
	h.editor.Do("GET", "/api/admin/calendar/compute?from=2026-02-13&n=7&unit=workdays", nil).JSON(t, &comp)
	if comp.End != "2026-03-02" || comp.Provisional {
		t.Fatalf("compute: %+v", comp)
	}
	// 2028 has no list: counted on its statutory holidays, marked provisional.
	h.editor.Do("GET", "/api/admin/calendar/compute?from=2028-02-13&n=7&unit=workdays", nil).JSON(t, &comp)
	if comp.End != "2028-02-22" || !comp.Provisional {
		t.Fatalf("compute without a list: %+v", comp)
	}
	if res := h.editor.Do("PUT", "/api/admin/calendar/days/2027-01-05", map[string]any{"name": "x", "isOffDay": true}); res.Status != http.StatusForbidden {
		t.Fatalf("editor editing the calendar: %d", res.Status)
	}
	// Statistics as a workbook.
	res = h.editor.Do("GET", "/api/admin/stats.xlsx?from=2026-01-01&to=2026-12-31", nil)
	if res.Status != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") || len(res.Body) < 100 {
		t.Fatalf("stats.xlsx: %d %v", res.Status, res.Header)
	}
	res = h.editor.Do("GET", "/api/admin/stats?from=2026-13-01", nil)
	if _, field := res.ErrorCode(); field != "from" {
		t.Fatalf("bad stats range: %s", res.Body)
	}
}
