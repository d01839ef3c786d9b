package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// The numbers of issue 15's attack.
const (
	attackID     = "11010519491231002X"
	attackMobile = "13812345678"
	attackCard   = "6222021234567890128"
	attackText   = attackID + " " + attackMobile + " " + attackCard
)

// showsRaw reports which of the attack's numbers b shows in full.
func showsRaw(b []byte) []string {
	var out []string
	for _, raw := range []string{attackID, attackMobile, attackCard} {
		if strings.Contains(string(b), raw) {
			out = append(out, raw)
		}
	}
	return out
}

// searchHits returns how many notices the kiosk finds for q, and the text
// of the first hit's title and snippet.
func searchHits(t *testing.T, k *kioskClient, q string) (int, string) {
	t.Helper()
	var r search.Result
	res := k.do("GET", "/api/kiosk/search?q="+urlq(q), nil)
	if res.Status != http.StatusOK {
		t.Fatalf("search %s: %d %s", q, res.Status, res.Body)
	}
	res.JSON(t, &r)
	if len(r.Hits) == 0 {
		return r.Total, ""
	}
	var b strings.Builder
	for _, s := range append(r.Hits[0].Title, r.Hits[0].Snippet...) {
		b.WriteString(s.Text)
	}
	return r.Total, b.String()
}

// frameNotice waits for a playlist frame that holds notice id.
func frameNotice(t *testing.T, c *screenConn, id int64) *display.FrameNotice {
	t.Helper()
	for range 10 {
		for _, it := range c.playlist().Items {
			if it.Notice != nil && it.Notice.ID == id {
				return it.Notice
			}
		}
	}
	t.Fatalf("no playlist with notice %d", id)
	return nil
}

// auditShowsNoNumber checks the whole audit log as the API returns it.
func auditShowsNoNumber(t *testing.T, admin *servertest.Client, numbers ...string) {
	t.Helper()
	res := admin.Do("GET", "/api/admin/audit?limit=500", nil)
	if res.Status != http.StatusOK {
		t.Fatalf("audit: %d %s", res.Status, res.Body)
	}
	for _, actions := range []string{`"notice.create"`, `"notice.submit"`, `"notice.approve"`} {
		if !strings.Contains(string(res.Body), actions) {
			t.Errorf("no %s entry in the audit log", actions)
		}
	}
	if raw := showsRaw(res.Body); len(raw) > 0 {
		t.Errorf("the audit log shows %v", raw)
	}
	for _, n := range numbers {
		if strings.Contains(string(res.Body), n) {
			t.Errorf("the audit log shows %s", n)
		}
	}
}

// Issue 15, point 1: an approval with an override attempt and a keep on
// nothing. Screens, the kiosk's notice, list and search snippet, the
// search index and the public file all show the same masked text.
func TestOneTextPerAudienceOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		h := newHall(t, servertest.WithDialect(d))
		s := h.s
		_, token := pairScreen(t, s, h.admin, "大厅横屏", "landscape", nil)
		screen := dialScreen(t, s, token, "")
		if m := screen.next(); m.Type != "hello" {
			t.Fatalf("got %s", m.Type)
		}
		screen.playlist()
		k := pairKiosk(t, s, "一楼自助机")

		res := h.editor.Upload("/api/admin/uploads", "file", "名单.csv", []byte("姓名,身份证号,电话\n张三,"+attackID+","+attackMobile+"\n"))
		if res.Status != http.StatusCreated {
			t.Fatalf("upload: %d %s", res.Status, res.Body)
		}
		var up map[string]any
		res.JSON(t, &up)
		n := h.create(t, h.editor, map[string]any{"title": "低保公示 联系人" + attackMobile, "kind": "publicity",
			"category_id": h.categoryID(t, "SHJZ"), "led_text": "低保公示 电话" + attackMobile,
			"body":        "现将〔2026〕12号文件公示，咨询热线12345。\n\n申请人张三 " + attackText + "。",
			"attachments": []map[string]any{{"sha256": up["sha256"], "name": "名单.csv"}}})
		id := n.Notice.ID
		base := fmt.Sprintf("/api/admin/notices/%d", id)
		post(t, h.editor, base+"/submit", nil, http.StatusOK)
		// The override attempt: approved, and nothing is let through.
		post(t, h.reviewer, base+"/approve", map[string]any{"reason": "同意公开", "override_reason": "对公账户，非个人信息"}, http.StatusOK)
		waitIndexed(t, s, 1)

		fn := frameNotice(t, screen, id)
		var kn struct {
			Title, HTML string
			Attachments []struct{ URL string }
		}
		knRes := k.do("GET", "/api/kiosk/notices/"+itoa(id), nil)
		knRes.JSON(t, &kn)
		list := k.do("GET", "/api/kiosk/notices", nil)
		var kl struct{ Notices []struct{ Title string } }
		list.JSON(t, &kl)
		total, snippet := searchHits(t, k, "低保")
		file := k.c.Do("GET", kn.Attachments[0].URL, nil)
		frame, _ := json.Marshal(fn)
		for what, b := range map[string][]byte{"screen frame": frame, "kiosk notice": knRes.Body, "kiosk list": list.Body,
			"search snippet": []byte(snippet), "public file": file.Body} {
			if raw := showsRaw(b); len(raw) > 0 {
				t.Errorf("%s shows %v: %s", what, raw, b)
			}
		}
		// One text: the same on every surface.
		if fn.Title != kn.Title || fn.HTML != kn.HTML || len(kl.Notices) != 1 || kl.Notices[0].Title != kn.Title || kn.Title != "低保公示 联系人138****5678" {
			t.Errorf("titles: screen %q, kiosk %q, list %+v", fn.Title, kn.Title, kl.Notices)
		}
		if fn.LEDText != "低保公示 电话138****5678" || !strings.Contains(fn.Text, "110105********002X 138****5678 6222***********0128") {
			t.Errorf("screen texts: %q %q", fn.LEDText, fn.Text)
		}
		if total != 1 || !strings.Contains(snippet, "110105********002X") {
			t.Errorf("search 低保: %d %q", total, snippet)
		}
		if !strings.Contains(string(file.Body), "110105********002X,138****5678") {
			t.Errorf("public file: %s", file.Body)
		}
		// The index never finds the notice by a number it shows masked; it
		// does by the 文号 and the hotline, which are no personal data.
		for _, q := range []string{attackID, attackMobile, attackCard, "0519491231"} {
			if n, _ := searchHits(t, k, q); n != 0 {
				t.Errorf("search %s found %d", q, n)
			}
		}
		for _, q := range []string{"〔2026〕12号", "12345"} {
			if n, _ := searchHits(t, k, q); n != 1 {
				t.Errorf("search %s found %d", q, n)
			}
		}
		// The editors still see the pre-mask text; the audit log never did.
		var vs struct {
			Versions []struct{ Body string } `json:"versions"`
		}
		h.editor.Do("GET", base+"/versions", nil).JSON(t, &vs)
		if !strings.Contains(vs.Versions[0].Body, attackID) {
			t.Fatalf("version history: %+v", vs)
		}
		auditShowsNoNumber(t, h.admin)

		// 31 days later the daily job purges the pre-mask text (moving the
		// clock past 03:40 runs it, or the manual run does).
		s.Clock.Set(s.Clock.Now().Add(31 * 24 * time.Hour))
		h.admin, h.editor = s.Login(t, "root", "root-password-1"), s.Login(t, "ed", "ed-password-1") // the sessions expired
		post(t, h.admin, "/api/admin/jobs/notice.purge_premask/run", nil, http.StatusAccepted)
		for i := 0; ; i++ {
			var out struct {
				Runs []struct{ Status, Cause, Result string }
			}
			h.admin.Do("GET", "/api/admin/jobs/notice.purge_premask/runs", nil).JSON(t, &out)
			done := false
			for _, r := range out.Runs {
				done = done || r.Status == "ok" && r.Result == "1 versions purged"
			}
			if done {
				break
			}
			if i > 500 {
				t.Fatalf("the purge did not run: %+v", out)
			}
			waitABit()
		}
		vres := h.editor.Do("GET", base+"/versions", nil)
		if raw := showsRaw(vres.Body); len(raw) > 0 || !strings.Contains(string(vres.Body), `110105\\*\\*\\*\\*\\*\\*\\*\\*002X`) {
			t.Errorf("after the purge the history shows %v: %s", raw, vres.Body)
		}
		if res := k.do("GET", "/api/kiosk/notices/"+itoa(id), nil); !strings.Contains(string(res.Body), "110105********002X") {
			t.Errorf("kiosk after the purge: %s", res.Body)
		}
	})
}

// luhnNumber completes prefix with its Luhn check digit: a document
// number the scanner takes for a bank card.
func luhnNumber(prefix string) string {
	for d := range 10 {
		s := prefix + strconv.Itoa(d)
		sum := 0
		for i := len(s) - 1; i >= 0; i-- {
			x := int(s[i] - '0')
			if (len(s)-i)%2 == 0 {
				x *= 2
				if x > 9 {
					x -= 9
				}
			}
			sum += x
		}
		if sum%10 == 0 {
			return s
		}
	}
	panic("unreachable")
}

// findingDecision picks the finding with the masked form from an API
// detail and decides on it.
func findingDecision(t *testing.T, d detail, masked, decision, reason string) map[string]any {
	t.Helper()
	for _, f := range d.Findings {
		if f["masked"] == masked {
			return map[string]any{"field": f["field"], "kind": f["kind"], "start": f["start"], "end": f["end"],
				"decision": decision, "reason": reason}
		}
	}
	t.Fatalf("no finding %s in %+v", masked, d.Findings)
	return nil
}

// Issue 15, point 1: an override is per finding. A kept 文号 stays and is
// searchable; a kept resident ID number waits for a second admin.
func TestKeptFindingsOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		h := newHall(t, servertest.WithDialect(d))
		s := h.s
		s.User(t, "root2", "admin")
		root2 := s.Login(t, "root2", "root2-password-1")
		k := pairKiosk(t, s, "一楼自助机")
		cat := h.categoryID(t, "SHJZ")
		docNo := luhnNumber("202612000003141")

		// A 文号 the scanner takes for a card number, kept with a reason.
		a := h.create(t, h.editor, map[string]any{"title": "关于公布补贴标准的通知", "kind": "notification", "category_id": cat,
			"body": "依据文件编号" + docNo + "，申请人 " + attackText + "。"})
		post(t, h.editor, fmt.Sprintf("/api/admin/notices/%d/submit", a.Notice.ID), nil, http.StatusOK)
		keepDoc := findingDecision(t, a, docNo[:4]+"********"+docNo[12:], "keep", "这是文号，不是个人信息")
		post(t, h.reviewer, fmt.Sprintf("/api/admin/notices/%d/approve", a.Notice.ID),
			map[string]any{"reason": "同意公开", "findings": []any{keepDoc}}, http.StatusOK)
		waitIndexed(t, s, 1)
		if n, _ := searchHits(t, k, docNo); n != 1 {
			t.Errorf("search by the kept 文号 found %d", n)
		}
		if n, _ := searchHits(t, k, attackID); n != 0 {
			t.Errorf("search by the masked ID found %d", n)
		}

		// A kept resident ID number: pending, nothing public.
		b := h.create(t, h.editor, map[string]any{"title": "见义勇为人员公示", "kind": "publicity", "category_id": cat,
			"body": "李四，身份证号" + attackID + "，本人同意公开。"})
		bBase := fmt.Sprintf("/api/admin/notices/%d", b.Notice.ID)
		post(t, h.editor, bBase+"/submit", nil, http.StatusOK)
		keepID := findingDecision(t, b, "110105********002X", "keep", "本人书面同意公开")
		var pending struct {
			Current struct {
				Status          string
				KeepRequestedBy *int64 `json:"keep_requested_by"`
			}
		}
		post(t, h.reviewer, bBase+"/approve", map[string]any{"reason": "同意公开", "findings": []any{keepID}}, http.StatusOK).JSON(t, &pending)
		if pending.Current.Status != "submitted" || pending.Current.KeepRequestedBy == nil {
			t.Fatalf("pending: %+v", pending)
		}
		if res := k.do("GET", "/api/kiosk/notices/"+itoa(b.Notice.ID), nil); res.Status != http.StatusNotFound {
			t.Fatalf("kiosk shows a pending notice: %d %s", res.Status, res.Body)
		}
		// The reviewer cannot confirm (admins only); an admin can.
		post(t, h.reviewer, bBase+"/confirm-keep", map[string]string{"reason": "确认"}, http.StatusForbidden)
		post(t, h.admin, bBase+"/confirm-keep", map[string]string{"reason": "已核对本人书面同意"}, http.StatusOK)
		waitIndexed(t, s, 2)
		if res := k.do("GET", "/api/kiosk/notices/"+itoa(b.Notice.ID), nil); !strings.Contains(string(res.Body), attackID) {
			t.Errorf("confirmed keep not shown: %s", res.Body)
		}

		// An admin who kept an ID cannot confirm it: a second admin does.
		c := h.create(t, h.editor, map[string]any{"title": "另一公示", "kind": "publicity", "category_id": cat,
			"body": "王五，证号110105194912310021。"})
		cBase := fmt.Sprintf("/api/admin/notices/%d", c.Notice.ID)
		post(t, h.editor, cBase+"/submit", nil, http.StatusOK)
		keepSuspect := findingDecision(t, c, "110105********0021", "keep", "这是档案编号")
		post(t, h.admin, cBase+"/approve", map[string]any{"reason": "同意", "findings": []any{keepSuspect}}, http.StatusOK)
		res := post(t, h.admin, cBase+"/confirm-keep", map[string]string{"reason": "确认"}, http.StatusForbidden)
		if code, _ := res.ErrorCode(); code != "second_person" {
			t.Fatalf("self-confirmation: %s", res.Body)
		}
		post(t, root2, cBase+"/reject-keep", map[string]string{"reason": "证号不应公开"}, http.StatusOK)
		post(t, root2, cBase+"/confirm-keep", map[string]string{"reason": "确认"}, http.StatusConflict)

		auditShowsNoNumber(t, h.admin, docNo, "110105194912310021")
	})
}
