package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// ErrorHandler is the only place errors become HTTP responses. Typed
// errors are rendered as they are; echo's own errors are mapped to codes;
// anything else is logged and rendered as a bare 500 without detail.
func ErrorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		e := asError(err)
		if errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil {
			// The client went away (a closed kiosk page, a load test
			// ending): nothing failed here, and nobody reads the answer.
			e = &Error{Status: StatusClientClosed, Code: CodeClientClosed, Message: "the client closed the request"}
		}
		if e.Status >= 500 {
			log.Error("request failed", "method", c.Request().Method, "path", c.Path(), "err", err,
				"request_id", c.Response().Header().Get(echo.HeaderXRequestID))
		}
		if e.RetryAfter > 0 {
			c.Response().Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
		}
		if c.Request().Method == http.MethodHead {
			_ = c.NoContent(e.Status)
			return
		}
		if !strings.HasPrefix(c.Request().URL.Path, "/api/") && strings.Contains(c.Request().Header.Get("Accept"), "text/html") {
			_ = c.HTML(e.Status, "<!doctype html><meta charset=utf-8><title>"+strconv.Itoa(e.Status)+"</title><p>"+
				http.StatusText(e.Status)+"</p>")
			return
		}
		_ = c.JSON(e.Status, map[string]*Error{"error": e})
	}
}

// StatusClientClosed is the status logged for a request whose client
// closed the connection before the answer (nginx's 499).
const StatusClientClosed = 499

// CodeClientClosed is the code of StatusClientClosed.
const CodeClientClosed Code = "client_closed"

func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		if e.Status == 0 {
			e.Status = http.StatusBadRequest
		}
		return e
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg := http.StatusText(he.Code)
		code := CodeInternal
		switch he.Code {
		case http.StatusNotFound:
			code, msg = CodeNotFound, "no such page or route"
		case http.StatusMethodNotAllowed:
			code = CodeInvalid
		case http.StatusRequestEntityTooLarge:
			code, msg = CodeTooLarge, "request body too large"
		case http.StatusUnauthorized:
			code = CodeUnauthorized
		case http.StatusForbidden:
			code = CodeForbidden
		case http.StatusTooManyRequests:
			code, msg = CodeThrottled, "too many requests, slow down"
		case http.StatusBadRequest:
			code = CodeInvalid
			if m, ok := he.Message.(string); ok {
				msg = m
			}
		case http.StatusServiceUnavailable:
			code = CodeUnavailable
		}
		return &Error{Status: he.Code, Code: code, Message: msg}
	}
	if e := unavailable(err); e != nil {
		return e
	}
	return &Error{Status: http.StatusInternalServerError, Code: CodeInternal, Message: "internal error"}
}
