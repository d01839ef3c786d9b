package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// File is one uploaded file, read whole.
type File struct {
	// Name is the client's file name, cleaned with FileName.
	Name string
	Data []byte
}

// FormFile reads the file of the multipart field of a request, at most
// limit bytes. A request without that field (or not multipart at all) is
// (nil, nil): callers that need the file say so. Errors name the field:
// too_large past the limit, also when the server's body limit cut the
// request short.
func FormFile(c echo.Context, field string, limit int64) (*File, error) {
	fh, err := c.FormFile(field)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, TooLarge(field, limit)
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
		return nil, nil
	case err != nil:
		return nil, Invalid(field, CodeInvalid, "the upload broke off: %v", err)
	case fh.Size > limit:
		return nil, TooLarge(field, limit)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("web: unable to read an upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("web: unable to read an upload: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, TooLarge(field, limit)
	}
	return &File{Name: FileName(fh.Filename), Data: data}, nil
}

// FileName keeps the last path element of an uploaded file's name,
// without control characters or quotes that would break a
// Content-Disposition header; "" when nothing is left.
func FileName(n string) string {
	n = strings.TrimSpace(path.Base(strings.ReplaceAll(n, `\`, "/")))
	if n == "." || n == "/" {
		return ""
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20, r == 0x7f, r == '"', r >= 0x80 && r <= 0x9f: // controls
			return -1
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f: // bidi: "报告\u202Efdp.exe"
			return -1
		}
		return r
	}, n)
}
