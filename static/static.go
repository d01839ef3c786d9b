// Package static embeds the web assets: the admin UI, the display client
// and the kiosk app, plain HTML, CSS and JavaScript that run without a build
// step.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed admin display kiosk shared
var files embed.FS

// FS is the embedded tree: admin/, display/, kiosk/, shared/.
var FS fs.FS = files

// asset is one embedded file with its validator.
type asset struct {
	body        []byte
	etag        string
	contentType string
}

// Server serves embedded files with strong ETags so browsers revalidate
// cheaply and never run stale code after an upgrade.
type Server struct {
	assets map[string]asset
}

// NewServer indexes every embedded file.
func NewServer() *Server {
	s := &Server{assets: map[string]asset{}}
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = http.DetectContentType(b)
		}
		s.assets[p] = asset{body: b, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, contentType: ct}
		return nil
	})
	return s
}

// Has reports whether the embedded file exists.
func (s *Server) Has(name string) bool {
	_, ok := s.assets[name]
	return ok
}

// ServeFile writes the embedded file name (e.g. "admin/index.html").
// It reports false when there is no such file.
func (s *Server) ServeFile(w http.ResponseWriter, r *http.Request, name string) bool {
	a, ok := s.assets[strings.TrimPrefix(name, "/")]
	if !ok {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && match == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(a.body)
	}
	return true
}
