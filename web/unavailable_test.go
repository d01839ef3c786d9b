package web_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// A database that is down and a full disk answer 503 unavailable with
// Retry-After, not 500 (issue 15, point 9); other failures stay 500. The
// real SQLite and PostgreSQL failures are in server/unavailable_test.go.
func TestErrorHandlerMapsUnavailableTo503(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = web.ErrorHandler(slog.New(slog.DiscardHandler))
	cases := []struct {
		err  error
		want int
	}{
		{&pgconn.PgError{Code: "53100", Message: "could not extend file: No space left on device"}, 503},
		{&pgconn.PgError{Code: "08006", Message: "connection failure"}, 503},
		{&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, 503},
		{&os.PathError{Op: "write", Path: "/var/lib/hallcast/uploads/x", Err: syscall.ENOSPC}, 503},
		{io.ErrUnexpectedEOF, 503},
		{errors.New("sql: database is closed"), 503},
		{&pgconn.PgError{Code: "23505", Message: "duplicate key"}, 500},
		{errors.New("disk on fire"), 500},
	}
	for i, c := range cases {
		path := fmt.Sprintf("/e%d", i)
		err := fmt.Errorf("notice: unable to save: %w", c.err)
		e.GET(path, func(echo.Context) error { return err })
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != c.want || (c.want == 503 && rec.Header().Get("Retry-After") != "30") {
			t.Errorf("%v: %d (Retry-After %q), want %d", c.err, rec.Code, rec.Header().Get("Retry-After"), c.want)
		}
	}
}
