package proof_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// The range defaults to the 7 days up to to, and to to today: a report
// asked with an older to alone covers the week before it (today is
// 2026-11-23 in the fixture).
func TestReportDefaultRange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		for _, c := range []struct{ query, from, to string }{
			{"", "2026-11-17", "2026-11-23"},
			{"?to=2026-10-01", "2026-09-25", "2026-10-01"},
			{"?from=2026-11-01", "2026-11-01", "2026-11-23"},
			{"?from=2026-12-01", "2026-12-01", "2026-12-01"},
			{"?from=2026-09-01&to=2026-09-03", "2026-09-01", "2026-09-03"},
		} {
			req := httptest.NewRequest(http.MethodGet, "/api/admin/proof"+c.query, nil)
			rec := httptest.NewRecorder()
			if err := f.svc.HandleReport(echo.New().NewContext(req, rec)); err != nil {
				t.Errorf("%q: %v", c.query, err)
				continue
			}
			var rep struct{ From, To string }
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil || rep.From != c.from || rep.To != c.to {
				t.Errorf("%q: from %s to %s (%v), want %s to %s", c.query, rep.From, rep.To, err, c.from, c.to)
			}
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, proof.Migrations)
}
