package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Issue 15, point 9: every admin, kiosk and device API response says
// "Cache-Control: no-store" (applicants' data, tokens, drafts), whatever
// its status, walking the route table; the admin download of a draft's
// attachment too, although its handler sets its own caching.
func TestEveryAdminAndKioskAPIResponseIsNoStore(t *testing.T) {
	h := newHall(t)
	s := h.s
	want := func(what string, hdr http.Header, status int) {
		t.Helper()
		if got := hdr.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s (%d): Cache-Control %q, want no-store", what, status, got)
		}
	}
	anon := s.Client(t)
	for _, r := range s.App.AdminRoutes() {
		path := fill(r.Path)
		res := anon.Do(r.Method, path, map[string]any{})
		want("anonymous "+r.Method+" "+path, res.Header, res.Status)
		if r.Method == http.MethodGet {
			res := h.admin.Do(r.Method, path, nil)
			want("admin "+r.Method+" "+path, res.Header, res.Status)
		}
	}

	k := pairKiosk(t, s, "lobby-1")
	n := 0
	for _, r := range s.App.Handler().Routes() {
		if !strings.HasPrefix(r.Path, "/api/kiosk/") && !strings.HasPrefix(r.Path, "/api/device/") || r.Method == "echo_route_not_found" {
			continue
		}
		n++
		path := strings.ReplaceAll(fill(r.Path), "*", "nothing")
		var body any
		if r.Method != http.MethodGet {
			body = map[string]any{}
		}
		res := k.do(r.Method, path, body)
		want("kiosk "+r.Method+" "+path, res.Header, res.Status)
	}
	if n < 15 {
		t.Fatalf("walked only %d kiosk and device routes", n)
	}

	// A draft's attachment, downloaded by its editor.
	png := []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 32))
	res := h.editor.Upload("/api/admin/uploads", "file", "照片.png", png)
	var up map[string]any
	res.JSON(t, &up)
	d := h.create(t, h.editor, map[string]any{"title": "附件公告", "body": "见附件", "kind": "announcement",
		"category_id": h.categoryID(t, "TZGG"), "attachments": []map[string]any{{"sha256": up["sha256"], "name": "照片.png"}}})
	res = h.editor.Do("GET", fmt.Sprintf("/api/admin/attachments/%d", d.Current.Attachments[0].ID), nil)
	if res.Status != http.StatusOK {
		t.Fatalf("download: %d %s", res.Status, res.Body)
	}
	want("attachment download", res.Header, res.Status)
}
