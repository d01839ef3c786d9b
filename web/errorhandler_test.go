package web_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// A request whose client went away is answered 499 and not logged as a
// server error; a real failure still is.
func TestErrorHandlerClientClosed(t *testing.T) {
	var logs bytes.Buffer
	e := echo.New()
	e.HTTPErrorHandler = web.ErrorHandler(slog.New(slog.NewTextHandler(&logs, nil)))
	e.GET("/gone", func(c echo.Context) error { return fmt.Errorf("archive: read: %w", context.Canceled) })
	e.GET("/broken", func(c echo.Context) error { return errors.New("disk on fire") })

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/gone", nil).WithContext(ctx))
	if rec.Code != web.StatusClientClosed || logs.Len() != 0 {
		t.Fatalf("client gone: status %d, logs %q", rec.Code, logs.String())
	}

	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/broken", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(logs.String(), "disk on fire") {
		t.Fatalf("failure: status %d, logs %q", rec.Code, logs.String())
	}
}
