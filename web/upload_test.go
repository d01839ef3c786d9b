package web_test

import (
	"bytes"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

func multipartRequest(t *testing.T, field, name string, data []byte) *http.Request {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	if field != "" {
		part, err := w.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(data)
	}
	w.WriteField("other", "x")
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

func TestFormFile(t *testing.T) {
	e := echo.New()
	read := func(req *http.Request) (*web.File, error) {
		return web.FormFile(e.NewContext(req, httptest.NewRecorder()), "scan", 10)
	}
	f, err := read(multipartRequest(t, "scan", `C:\扫描件\申请"表.pdf`, []byte("%PDF-1.4")))
	if err != nil || f == nil || f.Name != "申请表.pdf" || string(f.Data) != "%PDF-1.4" {
		t.Fatalf("file %+v %v", f, err)
	}
	if f, err := read(multipartRequest(t, "", "", nil)); f != nil || err != nil {
		t.Fatalf("no file: %+v %v", f, err)
	}
	if f, err := read(httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))); f != nil || err != nil {
		t.Fatalf("not multipart: %+v %v", f, err)
	}
	_, err = read(multipartRequest(t, "scan", "big.pdf", bytes.Repeat([]byte("x"), 11)))
	var we *web.Error
	if !errors.As(err, &we) || we.Code != web.CodeTooLarge || we.Field != "scan" {
		t.Fatalf("11 bytes over a limit of 10: %v", err)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"a/b/c.png": "c.png", `x\y.pdf`: "y.pdf", " . ": "", "/": "", "a\x00b\"c.jpg": "abc.jpg", "报告\u202efdp.exe": "报告fdp.exe", "x\u2066y\u0085.pdf": "xy.pdf"} {
		if got := web.FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
