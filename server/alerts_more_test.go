package server_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
)

// TestAlertMoreConditions: next year's holiday list missing from
// 1 November, an emergency not confirmed after its minutes, and a disk
// under its free share open alerts (kept on the alerts page while their
// rules have no group).
func TestAlertMoreConditions(t *testing.T) {
	s := servertest.Start(t)
	zone := s.Cfg.TimeZone
	s.Clock.Set(time.Date(2026, 11, 2, 10, 0, 0, 0, zone)) // no 2027 list yet
	s.User(t, "root", auth.RoleAdmin)
	adm := s.Login(t, "root", "root-password-1")
	var g struct{ ID int64 }
	post(t, adm, "/api/admin/screen-groups", map[string]string{"name": "一楼大厅", "kind": "hall"}, http.StatusCreated).JSON(t, &g)
	pairScreen(t, s, adm, "一楼大厅东侧条屏", "strip_256x32", []int64{g.ID})
	var em struct{ ID int64 }
	post(t, adm, "/api/admin/emergencies", map[string]any{"text": "大厅发生火警，请从东侧出口有序撤离", "level": "critical", "groups": []int64{g.ID},
		"expires_at": s.Clock.Now().Add(time.Hour)}, http.StatusCreated).JSON(t, &em)
	var rules struct{ Rules []alert.Rule }
	adm.Do("GET", "/api/admin/alerts/rules", nil).JSON(t, &rules)
	for _, r := range rules.Rules {
		if r.Condition == "disk_low" {
			res := adm.Do("PUT", "/api/admin/alerts/rules/"+itoa(r.ID), alert.RuleInput{Condition: r.Condition, Enabled: true, Threshold: 99, Urgent: true})
			if res.Status != http.StatusOK {
				t.Fatalf("disk rule: %d %s", res.Status, res.Body)
			}
		}
	}
	open := func() []string {
		t.Helper()
		if _, err := s.App.Alerts.Evaluate(t.Context(), ""); err != nil {
			t.Fatal(err)
		}
		var out struct{ Alerts []alert.State }
		adm.Do("GET", "/api/admin/alerts/active", nil).JSON(t, &out)
		var items []string
		for _, a := range out.Alerts {
			if a.ResolvedAt == nil {
				items = append(items, a.Item)
			}
		}
		return items
	}
	emItem := "emergency:" + itoa(em.ID)
	if got := open(); !slices.Contains(got, "holidays:2027") || !slices.Contains(got, "disk:data") || slices.Contains(got, emItem) {
		t.Fatalf("at sending: %v", got)
	}
	s.Clock.Advance(6 * time.Minute)
	adm = s.Login(t, "root", "root-password-1")
	if got := open(); !slices.Contains(got, emItem) {
		t.Fatalf("six minutes later, unconfirmed: %v", got)
	}
	post(t, adm, "/api/admin/emergencies/"+itoa(em.ID)+"/clear", nil, http.StatusOK)
	if got := open(); slices.Contains(got, emItem) {
		t.Fatalf("cleared: %v", got)
	}
}
