package servertest

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
)

func newFlagSet() *flag.FlagSet { return flag.NewFlagSet("test", flag.ContinueOnError) }

// Client is a cookie-keeping HTTP client for one browser-like session.
type Client struct {
	t    *testing.T
	base string
	HTTP *http.Client
	// NoCSRF makes the client omit the CSRF header, to test the guard.
	NoCSRF bool
}

// Client returns a new anonymous client.
func (s *Server) Client(t *testing.T) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: t, base: s.URL, HTTP: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// Login returns a client logged in as username.
func (s *Server) Login(t *testing.T, username, password string) *Client {
	t.Helper()
	c := s.Client(t)
	res := c.Do("POST", "/api/admin/login", map[string]string{"username": username, "password": password})
	if res.Status != http.StatusOK {
		t.Fatalf("login %s: %d %s", username, res.Status, res.Body)
	}
	return c
}

// Response is a decoded response.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v.
func (r *Response) JSON(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// ErrorCode returns the error code and field of an error response.
func (r *Response) ErrorCode() (code, field string) {
	var e struct {
		Error struct{ Code, Field string } `json:"error"`
	}
	_ = json.Unmarshal(r.Body, &e)
	return e.Error.Code, e.Error.Field
}

func (c *Client) csrf() string {
	u, _ := url.Parse(c.base)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "hallcast_csrf" || ck.Name == "__Host-hallcast_csrf" {
			return ck.Value
		}
	}
	// Fetch a page to receive the cookie.
	res, err := c.HTTP.Get(c.base + "/api/admin/me")
	if err == nil {
		res.Body.Close()
	}
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "hallcast_csrf" || ck.Name == "__Host-hallcast_csrf" {
			return ck.Value
		}
	}
	return ""
}

// Do sends a request with a JSON body (unless body is nil or an
// io.Reader) and reads the whole response.
func (c *Client) Do(method, path string, body any) *Response {
	c.t.Helper()
	var r io.Reader
	ct := ""
	switch b := body.(type) {
	case nil:
	case io.Reader:
		r = b
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		r, ct = bytes.NewReader(buf), "application/json"
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if method != "GET" && method != "HEAD" && !c.NoCSRF {
		req.Header.Set("X-CSRF-Token", c.csrf())
	}
	return c.Send(req)
}

// Send sends a prepared request and reads the whole response.
func (c *Client) Send(req *http.Request) *Response {
	c.t.Helper()
	res, err := c.HTTP.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &Response{Status: res.StatusCode, Header: res.Header, Body: b}
}
