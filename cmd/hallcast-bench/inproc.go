package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

// inProcess is the whole app serving on a loopback port inside this
// process, with an admin logged in over HTTP: the bomb and cancel commands
// measure the server from inside (its heap) and from a client (time).
type inProcess struct {
	app   *server.App
	srv   *http.Server
	base  string
	http  *http.Client
	close func()
}

func startInProcess(ctx context.Context, cfg *config.Config) (*inProcess, error) {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	app, err := server.Open(ctx, cfg, log, server.Options{})
	if err != nil {
		return nil, err
	}
	pw, user := auth.RandomPassword()+"Aa1!", "bench"+strconv.FormatInt(time.Now().UnixNano()%1e9, 36)
	if _, _, err := app.Auth.Create(ctx, audit.Actor{Name: "bench"}, auth.NewUser{Username: user, Role: auth.RoleAdmin, Password: pw}); err != nil {
		app.Close(ctx)
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		app.Close(ctx)
		return nil, err
	}
	p := &inProcess{app: app, srv: &http.Server{Handler: app.Handler()}, base: "http://" + ln.Addr().String()}
	go p.srv.Serve(ln)
	p.close = func() { p.srv.Close(); app.Close(context.Background()) }
	jar, _ := cookiejar.New(nil)
	p.http = &http.Client{Jar: jar, Timeout: 10 * time.Minute}
	_, _ = p.do("GET", "/api/admin/me", nil, nil) // receives the CSRF cookie
	if _, err := p.do("POST", "/api/admin/login", map[string]string{"username": user, "password": pw}, nil); err != nil {
		p.close()
		return nil, fmt.Errorf("login: %w", err)
	}
	return p, nil
}

func (p *inProcess) csrf() string {
	u, _ := url.Parse(p.base)
	for _, c := range p.http.Jar.Cookies(u) {
		if c.Name == "hallcast_csrf" {
			return c.Value
		}
	}
	return ""
}

// do sends a JSON request (or the multipart body of upload) and decodes
// a 2xx answer into out; it returns the status, and an error with the body
// for anything else.
func (p *inProcess) do(method, path string, body, out any) (int, error) {
	var r io.Reader
	ct := "application/json"
	switch b := body.(type) {
	case nil:
	case *multipartBody:
		r, ct = &b.buf, b.contentType
	default:
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, p.base+path, r)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("X-CSRF-Token", p.csrf())
	res, err := p.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		return res.StatusCode, fmt.Errorf("%s %s: %d %s", method, path, res.StatusCode, raw)
	}
	if out != nil && len(raw) > 0 {
		return res.StatusCode, json.Unmarshal(raw, out)
	}
	return res.StatusCode, nil
}

type multipartBody struct {
	buf         bytes.Buffer
	contentType string
}

// upload builds a multipart form with fields and one file.
func upload(fields map[string]string, name string, data []byte) *multipartBody {
	b := &multipartBody{}
	w := multipart.NewWriter(&b.buf)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(data)
	w.Close()
	b.contentType = w.FormDataContentType()
	return b
}
