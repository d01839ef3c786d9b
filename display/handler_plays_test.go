package display_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// ?at= is RFC 3339 with an offset, or the hall's wall-clock time with or
// without seconds.
func TestPlaysAtParameter(t *testing.T) {
	each(t, monday7, func(t *testing.T, e *env) {
		for _, c := range []struct {
			at   string
			want time.Time
		}{
			{"2026-11-23T09:30", local(2026, 11, 23, 9, 30)},
			{"2026-11-23T09:30:15", local(2026, 11, 23, 9, 30).Add(15 * time.Second)},
			{"2026-11-23T01:30:15Z", local(2026, 11, 23, 9, 30).Add(15 * time.Second)},
			{"2026-11-23T09:30:15%2B08:00", local(2026, 11, 23, 9, 30).Add(15 * time.Second)},
		} {
			req := httptest.NewRequest(http.MethodGet, "/api/admin/screens/plays?at="+c.at, nil)
			rec := httptest.NewRecorder()
			if err := e.svc.HandlePlays(echo.New().NewContext(req, rec)); err != nil {
				t.Errorf("at=%s: %v", c.at, err)
				continue
			}
			var got struct{ At time.Time }
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || !got.At.Equal(c.want) {
				t.Errorf("at=%s: %v (%v), want %v", c.at, got.At, err, c.want)
			}
		}
		req := httptest.NewRequest(http.MethodGet, "/api/admin/screens/plays?at=2026-11-23+09:30", nil)
		if err := e.svc.HandlePlays(echo.New().NewContext(req, httptest.NewRecorder())); field(t, err) != "at" {
			t.Errorf("a bad at: %v", err)
		}
	})
}
