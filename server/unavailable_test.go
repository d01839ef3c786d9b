package server_test

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store/storetest"
)

func wantUnavailable(t *testing.T, what string, res *servertest.Response) {
	t.Helper()
	if code, _ := res.ErrorCode(); res.Status != http.StatusServiceUnavailable || code != "unavailable" || res.Header.Get("Retry-After") == "" {
		t.Errorf("%s: %d %s (Retry-After %q), want 503 unavailable", what, res.Status, res.Body, res.Header.Get("Retry-After"))
	}
}

// Issue 15, point 9: a full disk answered 500. On SQLite a commit that
// needs a page the disk does not have fails with SQLITE_FULL; the server
// answers 503 unavailable with Retry-After. (The database's size is capped
// at its current size with max_page_count, which makes SQLite report
// SQLITE_FULL exactly as on a full disk, without root or a tiny file
// system.)
func TestDiskFullOnSQLiteIs503(t *testing.T) {
	h := newHall(t)
	if _, err := h.s.App.DB.Exec(t.Context(), "PRAGMA max_page_count = 1"); err != nil {
		t.Fatal(err)
	}
	res := h.editor.Do("POST", "/api/admin/notices", map[string]any{"title": "关于办事大厅冬季开放时间的通知",
		"body": strings.Repeat("冬季开放时间调整为上午九点至下午五点。", 2000), "kind": "notification", "category_id": h.categoryID(t, "TZGG")})
	wantUnavailable(t, "a notice on a full disk", res)
}

// tcpProxy forwards connections to target until it is stopped, then
// refuses new ones and cuts those open: a database server going down.
type tcpProxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	t.Cleanup(p.stop)
	return p
}

func (p *tcpProxy) stop() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// Issue 15, point 9: with PostgreSQL down, requests answered 500. They
// answer 503 unavailable with Retry-After now, and /readyz says not ready.
func TestDatabaseDownIs503(t *testing.T) {
	u, err := url.Parse(storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	proxy := newTCPProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	h := newHall(t, func(cfg *config.Config, o *server.Options) { cfg.DatabaseURL = u.String() })
	if res := h.editor.Do("GET", "/api/admin/notices", nil); res.Status != http.StatusOK {
		t.Fatalf("before: %d %s", res.Status, res.Body)
	}
	proxy.stop()
	for i := 0; i < 3; i++ { // the first request may meet a cut connection, later ones a refused one
		wantUnavailable(t, "notices with the database down", h.editor.Do("GET", "/api/admin/notices", nil))
	}
	wantUnavailable(t, "a kiosk pairing request with the database down", h.s.Client(t).Do("POST", "/api/device/pair", map[string]string{"kind": "kiosk"}))
	wantUnavailable(t, "readyz with the database down", h.s.Client(t).Do("GET", "/readyz", nil))

	// A closed pool (the server shutting down) is the same.
	h.s.App.DB.Close()
	wantUnavailable(t, "notices with the pool closed", h.editor.Do("GET", "/api/admin/notices", nil))
}

// Issue 15, point 9: /readyz said ready on a full disk. It writes a small
// file in the data folder now and is not ready when that fails. The probe
// is pointed at a folder that takes no write (a path under a file, which
// fails for root too); see TestReadyzOnARealFullDisk for ENOSPC itself.
func TestReadyzChecksTheDataFolderTakesAWrite(t *testing.T) {
	s := servertest.Start(t)
	c := s.Client(t)
	if res := c.Do("GET", "/readyz", nil); res.Status != http.StatusOK {
		t.Fatalf("ready: %d %s", res.Status, res.Body)
	}
	if left, _ := filepath.Glob(filepath.Join(s.Cfg.DataDir, ".readyz-*")); len(left) != 0 {
		t.Errorf("probe files left behind: %v", left)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o600)
	s.App.SetReadyProbeDir(filepath.Join(file, "data"))
	wantUnavailable(t, "readyz with an unwritable data folder", c.Do("GET", "/readyz", nil))
}

// A full disk for real: a 64 KiB tmpfs filled to the last block. Mounting
// needs root with CAP_SYS_ADMIN (a CI container may not have it); without
// it the test skips and TestReadyzChecksTheDataFolderTakesAWrite still
// covers the probe.
func TestReadyzOnARealFullDisk(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); the unwritable-folder test covers the probe", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := filler.Write(make([]byte, 1024)); err != nil {
			break
		}
	}
	filler.Close()
	s := servertest.Start(t)
	s.App.SetReadyProbeDir(dir)
	res := s.Client(t).Do("GET", "/readyz", nil)
	wantUnavailable(t, "readyz on a full disk", res)
	if !strings.Contains(string(res.Body), "full") {
		t.Errorf("readyz on a full disk: %s", res.Body)
	}
	os.Remove(filepath.Join(dir, "filler"))
	if res := s.Client(t).Do("GET", "/readyz", nil); res.Status != http.StatusOK {
		t.Errorf("readyz with room again: %d %s", res.Status, res.Body)
	}
}
