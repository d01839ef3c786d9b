package server_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
)

// staffRequest is a registration as the admin form sends it.
func staffRequest(channel, received string) map[string]any {
	return map[string]any{"applicant_type": "person", "name": "张三丰", "id_type": "resident_id", "id_number": "11010519491231002X",
		"phone": "13812345678", "address": "某县城关镇解放路1号", "postcode": "100000", "description": "2025年石桥镇征地补偿款发放明细",
		"form": "paper", "delivery": "mail", "channel": channel, "received_on": received}
}

// registerWithScan posts a registration as multipart: its JSON in the
// field "request" and a file in "scan", as the admin form does.
func registerWithScan(t *testing.T, c *servertest.Client, base string, reg map[string]any, name string, scan []byte) *servertest.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	raw, _ := json.Marshal(reg)
	if reg != nil {
		w.WriteField("request", string(raw))
	}
	part, _ := w.CreateFormFile("scan", name)
	part.Write(scan)
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/admin/disclosure/requests", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("X-CSRF-Token", csrfOf(c, base))
	return c.Send(req)
}

// csrfOf is the client's CSRF cookie, as the admin pages send it.
func csrfOf(c *servertest.Client, base string) string {
	req, _ := http.NewRequest(http.MethodGet, base+"/api/admin/me", nil)
	for _, ck := range c.HTTP.Jar.Cookies(req.URL) {
		if ck.Name == "hallcast_csrf" {
			return ck.Value
		}
	}
	c.Do("GET", "/api/admin/me", nil)
	for _, ck := range c.HTTP.Jar.Cookies(req.URL) {
		if ck.Name == "hallcast_csrf" {
			return ck.Value
		}
	}
	return ""
}

func smallUploads(cfg *config.Config, _ *server.Options) { cfg.UploadLimit = 64 << 10 }

// Staff register requests by post, in person, by fax or online; the
// deadline counts from the receipt date of the channel.
func TestStaffRegisterDisclosureRequest(t *testing.T) {
	s := servertest.Start(t, smallUploads)
	s.Clock.Set(time.Date(2026, 11, 10, 9, 0, 0, 0, s.Cfg.TimeZone))
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	ed := s.Login(t, "ed", "ed-password-1")
	png, _ := base64.StdEncoding.DecodeString(tinyPNG)

	// In person on the eve of 国庆: due 2026-11-03.
	var r disclosure.Request
	res := ed.Do("POST", "/api/admin/disclosure/requests", staffRequest("in_person", "2026-09-30"))
	if res.Status != http.StatusCreated {
		t.Fatalf("register: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &r)
	if r.State.Due.String() != "2026-11-03" || r.Channel != disclosure.ChannelInPerson || r.ApplicantCategory != disclosure.CategoryPerson {
		t.Fatalf("registered %+v", r)
	}
	if strings.Contains(string(res.Body), "11010519491231002X") || strings.Contains(string(res.Body), "13812345678") {
		t.Fatalf("the answer holds personal numbers: %s", res.Body)
	}

	// By post, signed for on the make-up working Saturday, with a scan
	// (named .pdf, a PNG by its content).
	res = registerWithScan(t, ed, s.URL, staffRequest("post", "2026-10-10"), "扫描件.pdf", png)
	if res.Status != http.StatusCreated {
		t.Fatalf("register with scan: %d %s", res.Status, res.Body)
	}
	var post disclosure.Request
	res.JSON(t, &post)
	if post.State.Due.String() != "2026-11-06" || post.ReceivedDay == nil || !post.ReceivedDay.Workday || !post.ReceivedDay.MakeUp ||
		post.Scan == nil || post.Scan.ContentType != "image/png" {
		t.Fatalf("by post on 2026-10-10: %s", res.Body)
	}

	// Refusals name the field and store nothing.
	refusals := []struct {
		name   string
		res    *servertest.Response
		status int
		code   string
		field  string
	}{
		{"tomorrow", ed.Do("POST", "/api/admin/disclosure/requests", staffRequest("post", "2026-11-11")), 400, "out_of_range", "received_on"},
		{"2023", ed.Do("POST", "/api/admin/disclosure/requests", staffRequest("post", "2023-12-31")), 400, "out_of_range", "received_on"},
		{"kiosk channel", ed.Do("POST", "/api/admin/disclosure/requests", staffRequest("kiosk", "2026-11-10")), 400, "invalid", "channel"},
		{"text as a scan", registerWithScan(t, ed, s.URL, staffRequest("post", "2026-11-10"), "申请.pdf", []byte("纯文本，不是扫描件")), 400, "unsupported_type", "scan"},
		{"scan over the limit", registerWithScan(t, ed, s.URL, staffRequest("post", "2026-11-10"), "a.png", append(png, make([]byte, 65<<10)...)), 413, "too_large", "scan"},
		{"no request part", registerWithScan(t, ed, s.URL, nil, "a.png", png), 400, "required", "request"},
	}
	for _, tc := range refusals {
		if code, field := tc.res.ErrorCode(); tc.res.Status != tc.status || code != tc.code || field != tc.field {
			t.Errorf("%s: %d %s", tc.name, tc.res.Status, tc.res.Body)
		}
	}
	var list struct {
		Requests []disclosure.Request `json:"requests"`
		Today    string               `json:"today"`
	}
	ed.Do("GET", "/api/admin/disclosure/requests?all=1", nil).JSON(t, &list)
	if len(list.Requests) != 2 || list.Today != "2026-11-10" {
		t.Fatalf("%d requests stored after refusals, today %s", len(list.Requests), list.Today)
	}

	// The scan: for the staff on the admin route only, never cached.
	path := "/api/admin/disclosure/requests/" + itoa(post.ID) + "/scan"
	res = ed.Do("GET", path, nil)
	if res.Status != http.StatusOK || !bytes.Equal(res.Body, png) || res.Header.Get("Cache-Control") != "no-store" ||
		res.Header.Get("Content-Type") != "image/png" || !strings.Contains(res.Header.Get("Content-Disposition"), "filename") {
		t.Fatalf("scan: %d %v", res.Status, res.Header)
	}
	if res := s.Client(t).Do("GET", path, nil); res.Status != http.StatusUnauthorized {
		t.Fatalf("anonymous scan: %d", res.Status)
	}
	if res := s.Login(t, "rita", "rita-password-1").Do("GET", path, nil); res.Status != http.StatusForbidden {
		t.Fatalf("reviewer scan: %d", res.Status)
	}
	if res := ed.Do("GET", "/api/admin/disclosure/requests/"+itoa(r.ID)+"/scan", nil); res.Status != http.StatusNotFound {
		t.Fatalf("no scan: %d", res.Status)
	}
}

// A receipt date is corrected with a reason; the deadline follows and the
// change is audited.
func TestCorrectReceiptDateOverHTTP(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Set(time.Date(2026, 11, 10, 9, 0, 0, 0, s.Cfg.TimeZone))
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "root", auth.RoleAdmin)
	ed := s.Login(t, "ed", "ed-password-1")
	var r disclosure.Request
	ed.Do("POST", "/api/admin/disclosure/requests", staffRequest("post", "2026-11-02")).JSON(t, &r)
	if r.State.Due == nil || r.State.Due.String() != "2026-11-30" {
		t.Fatalf("registered %+v", r.State)
	}
	path := "/api/admin/disclosure/requests/" + itoa(r.ID) + "/received"
	for _, tc := range []struct {
		body  map[string]string
		code  string
		field string
	}{
		{map[string]string{"date": "2026-09-30"}, "required", "reason"},
		{map[string]string{"date": "2026-11-11", "reason": "签收单"}, "out_of_range", "date"},
		{map[string]string{"date": "30/09/2026", "reason": "签收单"}, "invalid", "date"},
	} {
		if res := ed.Do("POST", path, tc.body); res.Status != http.StatusBadRequest {
			t.Errorf("%v: %d %s", tc.body, res.Status, res.Body)
		} else if code, field := res.ErrorCode(); code != tc.code || field != tc.field {
			t.Errorf("%v: %s on %s", tc.body, code, field)
		}
	}
	res := ed.Do("POST", path, map[string]string{"date": "2026-09-30", "reason": "签收单为9月30日，登记时误填"})
	var got disclosure.Request
	res.JSON(t, &got)
	if res.Status != http.StatusOK || got.State.ReceivedOn.String() != "2026-09-30" || got.State.Due.String() != "2026-11-03" ||
		len(got.Corrections) != 1 {
		t.Fatalf("corrected: %d %s", res.Status, res.Body)
	}
	var audit struct {
		Entries []struct {
			Action    string          `json:"action"`
			ActorName string          `json:"actor_name"`
			Before    json.RawMessage `json:"before"`
			After     json.RawMessage `json:"after"`
		} `json:"entries"`
	}
	s.Login(t, "root", "root-password-1").Do("GET", "/api/admin/audit?action=disclosure.", nil).JSON(t, &audit)
	if len(audit.Entries) != 2 || audit.Entries[0].Action != "disclosure.receipt_corrected" || audit.Entries[0].ActorName != "ed" ||
		!strings.Contains(string(audit.Entries[0].Before), "2026-11-02") || !strings.Contains(string(audit.Entries[0].After), "2026-09-30") ||
		!strings.Contains(string(audit.Entries[0].After), "误填") || audit.Entries[1].Action != "disclosure.register" {
		t.Fatalf("audit %+v", audit.Entries)
	}
	for _, e := range audit.Entries {
		if s := string(e.After); strings.Contains(s, "11010519491231002X") || strings.Contains(s, "13812345678") {
			t.Errorf("%s holds a personal number: %s", e.Action, s)
		}
	}
}

// The kiosk records its channel and the applicant's category, and asks
// organisations their kind.
func TestKioskApplicationRecordsChannelAndCategory(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Set(time.Date(2026, 11, 10, 9, 0, 0, 0, s.Cfg.TimeZone))
	k := pairKiosk(t, s, "kiosk-apply")
	org := map[string]any{"applicant_type": "organisation", "name": "某某公益基金会", "org_code": "53100000500000000X", "legal_rep": "赵六",
		"contact_name": "钱七", "phone": "13912345678", "description": "2025年慈善项目备案情况", "form": "paper", "delivery": "pickup"}
	if res := k.do("POST", "/api/kiosk/disclosure", org); res.Status != http.StatusBadRequest {
		t.Fatalf("organisation without its kind: %d %s", res.Status, res.Body)
	} else if code, field := res.ErrorCode(); code != "required" || field != "org_kind" {
		t.Fatalf("field %s", field)
	}
	org["org_kind"] = "public_interest"
	res := k.do("POST", "/api/kiosk/disclosure", org)
	if res.Status != http.StatusCreated {
		t.Fatalf("apply: %d %s", res.Status, res.Body)
	}
	s.User(t, "ed", auth.RoleEditor)
	var list struct {
		Requests []disclosure.Request `json:"requests"`
	}
	s.Login(t, "ed", "ed-password-1").Do("GET", "/api/admin/disclosure/requests", nil).JSON(t, &list)
	if len(list.Requests) != 1 || list.Requests[0].Channel != disclosure.ChannelKiosk ||
		list.Requests[0].ApplicantCategory != disclosure.CategoryPublicWelfare || list.Requests[0].State.ReceivedOn.String() != "2026-11-10" {
		t.Fatalf("listed %+v", list.Requests)
	}
}
