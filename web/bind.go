package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// Bind decodes the JSON request body into dst. It refuses other content
// types, unknown fields, wrong types and trailing data with an error that
// names the field, so a typo in a client never silently drops a value. It
// also refuses duplicate keys (equal or differing only in case), keys
// that match a field only when case is ignored, and text holding control
// or bidi control characters (scanJSON), so every handler gets them.
func Bind(c echo.Context, dst any) error {
	r := c.Request()
	if ct := r.Header.Get(echo.HeaderContentType); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != echo.MIMEApplicationJSON {
			return &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupported, Message: "send application/json"}
		}
	}
	return Decode(r.Body, dst)
}

// Decode is Bind's strict decoding of one JSON object from r, for JSON
// that arrives another way (e.g. a part of a multipart upload): the same
// checks of keys and characters.
func Decode(r io.Reader, dst any) error {
	body, err := io.ReadAll(r)
	if err != nil {
		return decodeError(err)
	}
	if err := scanJSON(body, dst); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &Error{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Message: "unexpected data after the JSON object"}
	}
	return nil
}

func decodeError(err error) error {
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &mbe):
		return TooLarge("", mbe.Limit)
	case errors.Is(err, io.EOF):
		return &Error{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Message: "empty body, want a JSON object"}
	case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Message: "malformed JSON: " + err.Error()}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return &Error{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Message: "want a JSON object"}
		}
		return Invalid(field, CodeInvalid, "want a %s", jsonKind(typ.Type.Kind().String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return Invalid(field, CodeUnknownField, "unknown field %q", field)
	}
	return Invalid("", CodeInvalidJSON, "malformed JSON: %v", err)
}

func jsonKind(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "uint"), strings.HasPrefix(k, "float"):
		return "number"
	case k == "bool":
		return "boolean"
	case k == "slice", k == "array":
		return "list"
	case k == "struct", k == "map":
		return "object"
	}
	return k
}
