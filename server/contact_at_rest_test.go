package server_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/suggestion"
)

// citizen is one generated person with what they type at the kiosk or
// write on paper.
type citizen struct {
	archivegen.Person
	Phone, Address string
}

func citizens(n int) []citizen {
	g := archivegen.New(2026)
	out := make([]citizen, n)
	for i := range out {
		out[i] = citizen{Person: g.Person(), Phone: g.Mobile(), Address: g.Address()}
	}
	return out
}

func (c citizen) application() disclosure.Application {
	return disclosure.Application{ApplicantType: "person", Name: c.Name, IDType: "resident_id", IDNumber: c.ID, Phone: c.Phone,
		Address: c.Address, Description: "本人" + c.Name + "的2025年征地补偿款发放明细", Form: "paper", Delivery: "mail"}
}

func (c citizen) message() suggestion.Input {
	return suggestion.Input{Category: "complaint", Body: "我是" + c.Name + "，住" + c.Address + "，请回电" + c.Phone, Phone: c.Phone}
}

// scanOf is a scanned application: a PNG by its content, holding the
// applicant's data as the paper form does.
func scanOf(c citizen) []byte {
	return append([]byte("\x89PNG\r\n\x1a\n"), []byte("申请人 "+c.Name+" 身份证号 "+c.ID+" 电话 "+c.Phone)...)
}

// secrecyPeople is how many applicants and suggestions the at-rest check
// stores (HALLCAST_TEST_SECRECY_PEOPLE; the figure is 10000).
func secrecyPeople(t *testing.T) int {
	n := 2000
	if v := os.Getenv("HALLCAST_TEST_SECRECY_PEOPLE"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 20 {
			t.Fatalf("HALLCAST_TEST_SECRECY_PEOPLE=%q: want a number of at least 20", v)
		}
	}
	return n
}

// Applicants and suggestions stored through the API leave no ID number,
// phone or name in any file of the data folder (the SQLite files with
// their -wal and -shm, before and after a checkpoint) nor in a pg_dump of
// the database; a sample of 500 people is looked for, in plain and (in
// PostgreSQL's bytea) in hex. A few come through the kiosk and the admin
// HTTP API (scans included), the rest through the same services the
// handlers call. The admin pages still show what they need.
func TestNoPersonalDataAtRest(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		ctx := context.Background()
		s := servertest.Start(t, servertest.WithDialect(d))
		received := today(s).AddDays(-3).String() // by post, signed for three days ago
		people := citizens(secrecyPeople(t))
		s.User(t, "ed", auth.RoleEditor)
		ed := s.Login(t, "ed", "ed-password-1")
		apply, suggest := pairKiosk(t, s, "一楼自助机"), pairKiosk(t, s, "二楼自助机")
		const viaKiosk, viaStaff = 4, 60
		var tracking string
		for i, c := range people {
			switch {
			case i < viaKiosk:
				var rc struct {
					TrackingNo string `json:"tracking_no"`
				}
				res := apply.do("POST", "/api/kiosk/disclosure", c.application())
				res.JSON(t, &rc)
				if res.Status != http.StatusCreated {
					t.Fatalf("kiosk application: %d %s", res.Status, res.Body)
				}
				tracking = rc.TrackingNo
				if res := suggest.do("POST", "/api/kiosk/suggestions", c.message()); res.Status != http.StatusCreated {
					t.Fatalf("kiosk suggestion: %d %s", res.Status, res.Body)
				}
				continue
			case i < viaKiosk+viaStaff:
				reg := staffRegistration(c, received)
				var res *servertest.Response
				if i%3 == 0 {
					res = registerWithScan(t, ed, s.URL, reg, c.Name+"申请表.png", scanOf(c))
				} else {
					res = ed.Do("POST", "/api/admin/disclosure/requests", reg)
				}
				if res.Status != http.StatusCreated {
					t.Fatalf("registration: %d %s", res.Status, res.Body)
				}
			case i%2 == 0:
				if _, err := s.App.Disclosure.Submit(ctx, 0, c.application()); err != nil {
					t.Fatal(err)
				}
			default:
				reg := disclosure.Registration{Application: c.application(), Channel: disclosure.ChannelPost, ReceivedOn: received}
				if _, err := s.App.Disclosure.Register(ctx, audit.Actor{Name: "ed"}, reg, nil); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.App.Suggestions.Submit(ctx, 0, c.message()); err != nil {
				t.Fatal(err)
			}
		}

		// The pages still work: the list masked, the detail with what the
		// reply letter needs, never the ID number or the phone.
		var list struct{ Requests []disclosure.Request }
		ed.Do("GET", "/api/admin/disclosure/requests?all=1", nil).JSON(t, &list)
		if len(list.Requests) != min(500, len(people)) {
			t.Fatalf("%d requests listed", len(list.Requests))
		}
		last := people[len(people)-1]
		if r := list.Requests[0]; r.Name == last.Name || !strings.HasPrefix(last.Name, strings.TrimRight(r.Name, "*")) ||
			r.PhoneMasked != last.Phone[:3]+"****"+last.Phone[7:] || r.IDMasked != last.ID[:6]+"********"+last.ID[14:] || r.Address != "" || r.Description != "" {
			t.Fatalf("list item %+v", r)
		}
		res := ed.Do("GET", fmt.Sprintf("/api/admin/disclosure/requests/%d", list.Requests[0].ID), nil)
		if body := string(res.Body); res.Status != http.StatusOK || !strings.Contains(body, last.Name) || !strings.Contains(body, last.Address) ||
			strings.Contains(body, last.ID) || strings.Contains(body, last.Phone) {
			t.Fatalf("detail: %d %s", res.Status, body)
		}
		var sl struct{ Suggestions []suggestion.Suggestion }
		ed.Do("GET", "/api/admin/suggestions?all=1", nil).JSON(t, &sl)
		if len(sl.Suggestions) == 0 || sl.Suggestions[0].Body != last.message().Body {
			t.Fatalf("suggestions %+v", sl.Suggestions[:1])
		}
		if res := apply.do("POST", "/api/kiosk/disclosure/lookup", map[string]string{"tracking_no": tracking, "key": people[viaKiosk-1].Phone[7:]}); res.Status != http.StatusOK {
			t.Fatalf("status lookup: %d %s", res.Status, res.Body)
		}

		n := newNeedles()
		step := max(1, len(people)/500)
		sampled := 0
		for i := 0; i < len(people) && sampled < 500; i += step {
			c := people[i]
			n.addHex(c.ID, "the ID number of person "+strconv.Itoa(i))
			n.addHex(c.Phone, "the phone of person "+strconv.Itoa(i))
			n.addHex(c.Name, "the name of person "+strconv.Itoa(i))
			sampled++
		}
		if d == store.SQLite {
			read := grepDir(t, s.Cfg.DataDir, n)
			if _, err := s.App.DB.Writer().ExecContext(ctx, "PRAGMA main.wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
			read += grepDir(t, s.Cfg.DataDir, n)
			t.Logf("%d applicants and %d suggestions; %d people looked for in %d MB of files", len(people), len(people), sampled, read>>20)
			return
		}
		dump := pgDump(t, s.Cfg.DatabaseURL)
		if !strings.Contains(string(dump), "COPY "+pgSchema(s.Cfg.DatabaseURL)+".disclosure_requests") {
			t.Fatalf("pg_dump gave %d bytes", len(dump))
		}
		if v, what, ok := n.find(dump); ok {
			t.Errorf("the pg_dump holds %s %q", what, v)
		}
		t.Logf("%d applicants and %d suggestions; %d people looked for in a pg_dump of %d MB", len(people), len(people), sampled, len(dump)>>20)
	})
}

// staffRegistration is a person's application as the admin form sends it.
func staffRegistration(c citizen, received string) map[string]any {
	a := c.application()
	return map[string]any{"applicant_type": a.ApplicantType, "name": a.Name, "id_type": a.IDType, "id_number": a.IDNumber,
		"phone": a.Phone, "address": a.Address, "description": a.Description, "form": a.Form, "delivery": a.Delivery,
		"channel": "post", "received_on": received, "note": "挂号信，申请人" + c.Name}
}
