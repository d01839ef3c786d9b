package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/server/servertest"
)

// kioskClient calls the kiosk API with a device token.
type kioskClient struct {
	t       *testing.T
	s       *servertest.Server
	c       *servertest.Client
	token   string
	session string
}

var pairers int

// pairKiosk pairs a kiosk through the real flow (device asks, admin pairs,
// device claims) and returns its client.
func pairKiosk(t *testing.T, s *servertest.Server, name string) *kioskClient {
	t.Helper()
	pairers++
	user := fmt.Sprintf("pairer%d", pairers)
	s.User(t, user, auth.RoleAdmin)
	adm := s.Login(t, user, user+"-password-1")
	dev := s.Client(t)
	var req struct{ Code, Claim string }
	dev.Do("POST", "/api/device/pair", map[string]string{"kind": "kiosk", "info": "test"}).JSON(t, &req)
	if res := adm.Do("POST", "/api/admin/devices/pair", map[string]string{"code": req.Code, "name": name, "kind": "kiosk"}); res.Status != http.StatusCreated {
		t.Fatalf("pair: %d %s", res.Status, res.Body)
	}
	var st struct{ State, Token string }
	dev.Do("POST", "/api/device/pair/claim", map[string]string{"code": req.Code, "claim": req.Claim}).JSON(t, &st)
	if st.Token == "" {
		t.Fatalf("claim: %+v", st)
	}
	return &kioskClient{t: t, s: s, c: s.Client(t), token: st.Token}
}

func (k *kioskClient) do(method, path string, body any) *servertest.Response {
	k.t.Helper()
	var r *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	} else {
		r = bytes.NewReader(nil)
	}
	req, _ := http.NewRequest(method, k.s.URL+path, r)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+k.token)
	if k.session != "" {
		req.Header.Set(kiosk.SessionHeader, k.session)
	}
	return k.c.Send(req)
}

func (k *kioskClient) startSession() {
	k.t.Helper()
	var out struct{ ID string }
	res := k.do("POST", "/api/kiosk/sessions", nil)
	res.JSON(k.t, &out)
	if res.Status != http.StatusCreated || out.ID == "" {
		k.t.Fatalf("session: %d %s", res.Status, res.Body)
	}
	k.session = out.ID
}

// tinyPNG is a 2×2 PNG (base64) standing in for an attachment.
const tinyPNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="

func urlq(s string) string { return url.QueryEscape(s) }

var ratingOpen = rating.Filter{OpenOnly: true}
