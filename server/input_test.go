package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// Issue 15, point 9, on both databases: a NUL byte in any text (even the
// unauthenticated POST /api/device/pair) was a 500 on PostgreSQL; control
// characters and U+202E were stored in citizens' text; {"title":"a",
// "Title":"b"} stored b. Each is a 400 naming the field now, and nothing
// is stored.
func TestTextInputRefusesControlCharactersAndDuplicateKeys(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		h := newHall(t, servertest.WithDialect(d))
		s := h.s
		want := func(what string, res *servertest.Response, code, field string) {
			t.Helper()
			got, f := res.ErrorCode()
			if res.Status != http.StatusBadRequest || got != code || f != field {
				t.Errorf("%s: %d %s, want 400 %s naming %q", what, res.Status, res.Body, code, field)
			}
		}
		dev := s.Client(t)
		want("NUL in a pairing request", dev.Do("POST", "/api/device/pair", strings.NewReader(`{"kind":"kiosk","info":"Chromium\u0000"}`)),
			"invalid_character", "info")
		// A long info cut at 512 bytes must not split a character.
		if res := dev.Do("POST", "/api/device/pair", map[string]string{"kind": "kiosk", "info": "a" + strings.Repeat("浏", 300)}); res.Status != http.StatusCreated {
			t.Errorf("long info: %d %s", res.Status, res.Body)
		}

		k := pairKiosk(t, s, "lobby-1")
		k.startSession()
		want("U+202E in a suggestion", k.do("POST", "/api/kiosk/suggestions", map[string]any{"category": "suggestion",
			"body": "请回电 \u202e0008 0013813"}), "invalid_character", "body")
		want("ESC in a suggestion", k.do("POST", "/api/kiosk/suggestions", map[string]any{"category": "suggestion",
			"body": "\u001b[2J希望增加周末服务"}), "invalid_character", "body")
		want("NUL in a search", k.do("GET", "/api/kiosk/search?q=%E4%BD%8E%00", nil), "invalid_character", "q")
		want("bad UTF-8 in a search", k.do("GET", "/api/kiosk/search?q=%FF%FE", nil), "invalid_character", "q")

		cat := h.categoryID(t, "TZGG")
		want("case-folded duplicate key", h.editor.Do("POST", "/api/admin/notices", strings.NewReader(
			`{"title":"关于春节期间办事大厅开放时间的通知","Title":"b","body":"正文","kind":"notification","category_id":`+itoa(cat)+`}`)),
			"duplicate_field", "Title")
		want("NUL in a notice title", h.editor.Do("POST", "/api/admin/notices", strings.NewReader(
			`{"title":"通知\u0000","body":"正文","kind":"notification","category_id":`+itoa(cat)+`}`)), "invalid_character", "title")
		var list struct{ Notices []any }
		h.editor.Do("GET", "/api/admin/notices", nil).JSON(t, &list)
		if len(list.Notices) != 0 {
			t.Errorf("refused notices were stored: %+v", list.Notices)
		}
		// Multi-line text still passes.
		if res := k.do("POST", "/api/kiosk/suggestions", map[string]any{"category": "suggestion", "body": "第一条：希望增加周末服务\n\t第二条：多设座椅"}); res.Status != http.StatusCreated {
			t.Errorf("multi-line suggestion: %d %s", res.Status, res.Body)
		}
	})
}
