package server_test

import (
	"net/http"
	"testing"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
)

// Issue 15, point 9: behind the documented nginx (on loopback, adding
// X-Forwarded-For) /metrics was public, because the guard looked at the
// proxy's address. It reads the client's now; the bearer token still
// works from anywhere.
func TestMetricsGuardReadsTheClientBehindTheProxy(t *testing.T) {
	get := func(s *servertest.Server, xff, bearer string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/metrics", nil)
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		return s.Client(t).Send(req).Status
	}
	s := servertest.Start(t)
	for _, c := range []struct {
		xff  string
		want int
	}{
		{"", http.StatusOK},                              // a scraper on this machine
		{"127.0.0.1", http.StatusOK},                     // through nginx, from the nginx machine itself
		{"203.0.113.7", http.StatusForbidden},            // through nginx, from the internet
		{"127.0.0.1, 203.0.113.7", http.StatusForbidden}, // the same, with a forged first hop
		{"10.1.2.3", http.StatusForbidden},               // from the hall's LAN
	} {
		if got := get(s, c.xff, ""); got != c.want {
			t.Errorf("X-Forwarded-For %q: %d, want %d", c.xff, got, c.want)
		}
	}

	s = servertest.Start(t, func(cfg *config.Config, o *server.Options) { cfg.MetricsToken = "scrape-secret-0123456789" })
	if got := get(s, "203.0.113.7", "scrape-secret-0123456789"); got != http.StatusOK {
		t.Errorf("token through the proxy: %d", got)
	}
	if got := get(s, "203.0.113.7", "wrong"); got != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", got)
	}
	if got := get(s, "", ""); got != http.StatusUnauthorized {
		t.Errorf("no token with a token configured: %d", got)
	}
}
