package servertest

import (
	"bytes"
	"mime/multipart"
	"net/http"
)

// Upload posts one file as a multipart form field, with the CSRF token,
// as the admin UI's file inputs do.
func (c *Client) Upload(path, field, filename string, data []byte) *Response {
	c.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile(field, filename)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := part.Write(data); err != nil {
		c.t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		c.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, c.base+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	if !c.NoCSRF {
		req.Header.Set("X-CSRF-Token", c.csrf())
	}
	return c.Send(req)
}
