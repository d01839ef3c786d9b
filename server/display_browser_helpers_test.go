package server_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// screenProfiles are the profiles the display tests run at, as the admin
// screens page sends them.
var screenProfiles = map[string]map[string]any{
	"strip256": {"kind": "led_strip", "width": 256, "height": 32, "lines": 1, "colors": "red", "glyph_px": 16, "chars_per_second": 4},
	"strip384": {"kind": "led_strip", "width": 384, "height": 64, "lines": 2, "colors": "red_green", "glyph_px": 16, "chars_per_second": 4},
	"wall":     {"kind": "led_wall", "width": 768, "height": 384, "lines": 6, "colors": "full", "glyph_px": 48, "chars_per_second": 6},
	"land":     {"kind": "landscape", "width": 1920, "height": 1080, "lines": 12, "colors": "full", "glyph_px": 48, "chars_per_second": 8},
	"portrait": {"kind": "portrait", "width": 1080, "height": 1920, "lines": 20, "colors": "full", "glyph_px": 48, "chars_per_second": 8},
}

// displayBrowser opens /display in a Chromium window of the profile's size
// and pairs it the real way: the page shows a code, an admin enters it on
// the screens API with a name, the profile and groups, the page claims its
// token and starts playing.
func displayBrowser(t *testing.T, s *servertest.Server, name string, profile map[string]any, groups []int64) *browsertest.Browser {
	t.Helper()
	w, h := profile["width"].(int), profile["height"].(int)
	b := displayWindow(t, w, h)
	b.Do(chromedp.Navigate(s.URL+"/display"),
		browsertest.WaitJS(`/^\d{6}$/.test(document.querySelector('#pair-code').textContent)`))
	b.Screenshot(fmt.Sprintf("display-pairing-%dx%d", w, h))
	code := browsertest.Eval[string](b, `document.querySelector('#pair-code').textContent`)
	adm := screenAdmin(t, s)
	body := map[string]any{"code": code, "name": name, "profile": profile, "groups": groups}
	if res := adm.Do("POST", "/api/admin/screens/pair", body); res.Status != http.StatusCreated && res.Status != http.StatusOK {
		t.Fatalf("pair screen: %d %s", res.Status, res.Body)
	}
	b.Do(browsertest.WaitReady(), browsertest.WaitJS(`document.body.dataset.online === '1' && document.body.dataset.profile === `+fmt.Sprintf("%q", profile["kind"])))
	return b
}

// displayWindow starts Chromium with a viewport of w×h. Headless Chromium
// does not paint windows as small as a strip (screenshots hang), so the
// window is at least 800×600 and the viewport is emulated inside it.
func displayWindow(t *testing.T, w, h int) *browsertest.Browser {
	t.Helper()
	b := browsertest.New(t, max(w, 800), max(h, 600))
	b.Do(chromedp.EmulateViewport(int64(w), int64(h)))
	return b
}

// screenAdmin logs in a new admin.
func screenAdmin(t *testing.T, s *servertest.Server) *servertest.Client {
	t.Helper()
	pairers++
	user := fmt.Sprintf("screenadmin%d", pairers)
	s.User(t, user, auth.RoleAdmin)
	return s.Login(t, user, user+"-password-1")
}

// stopServer stops serving and closes the app as a shutdown does: screens
// see their WebSocket close (1001) and every request fail.
func stopServer(t *testing.T, s *servertest.Server) {
	t.Helper()
	s.Server.CloseClientConnections()
	s.Server.Close()
	s.App.Close(context.Background())
}

// restartServer opens the app again on the same data and serves it on the
// same address, as a restarted hallcast does.
func restartServer(t *testing.T, s *servertest.Server) *servertest.Server {
	t.Helper()
	addr := s.Listener.Addr().String()
	log := slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	app, err := server.Open(context.Background(), s.Cfg, log, server.Options{Clock: s.Clock, BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatalf("reopen app: %v", err)
	}
	srv := httptest.NewUnstartedServer(app.Handler())
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		app.Close(context.Background())
		t.Fatalf("listen again on %s: %v", addr, err)
	}
	srv.Listener = ln
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		app.Close(context.Background())
	})
	return &servertest.Server{Server: srv, App: app, Clock: s.Clock, Cfg: s.Cfg}
}

// testLog sends log lines to t.Log.
type testLog struct{ t *testing.T }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
