// Package web holds the HTTP plumbing shared by every surface: the typed
// error list and its single renderer, strict JSON binding, input checks,
// rate limits and the common middleware.
package web

import (
	"errors"
	"fmt"
	"net/http"
)

// Code is a stable, machine-readable error code. The web UIs translate
// codes, so codes never change meaning once released.
type Code string

// The error codes the API returns.
const (
	CodeInvalidJSON   Code = "invalid_json"
	CodeUnknownField  Code = "unknown_field"
	CodeRequired      Code = "required"
	CodeTooLong       Code = "too_long"
	CodeTooShort      Code = "too_short"
	CodeInvalid       Code = "invalid"
	CodeOutOfRange    Code = "out_of_range"
	CodeUnsupported   Code = "unsupported_type"
	CodeTooLarge      Code = "too_large"
	CodeNotFound      Code = "not_found"
	CodeConflict      Code = "conflict"
	CodeInvalidState  Code = "invalid_state"
	CodeUnauthorized  Code = "unauthorized"
	CodeForbidden     Code = "forbidden"
	CodeCSRF          Code = "csrf"
	CodeThrottled     Code = "throttled"
	CodeBadCredential Code = "bad_credentials"
	CodeInternal      Code = "internal"
	CodeUnavailable   Code = "unavailable"
	// CodeDuplicateField: a key appears twice in one JSON object (or
	// twice but for case).
	CodeDuplicateField Code = "duplicate_field"
	// CodeInvalidCharacter: text holds a control or bidi control
	// character (web.TextProblem).
	CodeInvalidCharacter Code = "invalid_character"
)

// Error is the one error type handlers return for anything the client
// should see. It renders as {"error": {...}}.
type Error struct {
	Status  int            `json:"-"`
	Code    Code           `json:"code"`
	Message string         `json:"message"`
	Field   string         `json:"field,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	// RetryAfter, in seconds, is sent as a Retry-After header on 429/503.
	RetryAfter int `json:"retry_after,omitempty"`
	// Details lists further field errors when several fields are wrong.
	Details []*Error `json:"details,omitempty"`
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Invalid reports a bad value of one field (HTTP 400).
func Invalid(field string, code Code, format string, args ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound reports a missing object (HTTP 404).
func NotFound(what string) *Error {
	return &Error{Status: http.StatusNotFound, Code: CodeNotFound, Message: what + " not found"}
}

// IsNotFound reports whether err is (or wraps) a NotFound error, as
// opposed to a failure to read.
func IsNotFound(err error) bool {
	var we *Error
	return errors.As(err, &we) && we.Status == http.StatusNotFound
}

// Conflict reports a clash with existing data (HTTP 409).
func Conflict(field, format string, args ...any) *Error {
	return &Error{Status: http.StatusConflict, Code: CodeConflict, Field: field, Message: fmt.Sprintf(format, args...)}
}

// State reports an action that the object's current state does not allow
// (HTTP 409).
func State(format string, args ...any) *Error {
	return &Error{Status: http.StatusConflict, Code: CodeInvalidState, Message: fmt.Sprintf(format, args...)}
}

// Forbidden reports an authenticated caller without the right (HTTP 403).
func Forbidden(format string, args ...any) *Error {
	return &Error{Status: http.StatusForbidden, Code: CodeForbidden, Message: fmt.Sprintf(format, args...)}
}

// Unauthorized reports a missing or expired login (HTTP 401).
func Unauthorized() *Error {
	return &Error{Status: http.StatusUnauthorized, Code: CodeUnauthorized, Message: "login required"}
}

// Throttled reports too many attempts (HTTP 429).
func Throttled(retryAfterSeconds int, format string, args ...any) *Error {
	return &Error{Status: http.StatusTooManyRequests, Code: CodeThrottled, RetryAfter: retryAfterSeconds, Message: fmt.Sprintf(format, args...)}
}

// TooLarge reports a body or file over its size limit (HTTP 413).
func TooLarge(field string, limit int64) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: CodeTooLarge, Field: field,
		Message: fmt.Sprintf("larger than the limit of %d bytes", limit), Params: map[string]any{"limit": limit}}
}
