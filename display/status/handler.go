package status

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// HandleList is GET /api/admin/screens/status: every paired screen with
// its live state and offline flag, and the counts.
func (t *Tracker) HandleList(c echo.Context) error {
	rep, err := t.Report(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}
