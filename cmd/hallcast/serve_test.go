package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// syncBuffer is a log buffer the child process writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs this test binary as "hallcast serve" in a new process.
func startServer(t *testing.T, dataDir string) (*exec.Cmd, string, *syncBuffer) {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(os.Args[0], "serve", "--listen", addr, "--data-dir", dataDir, "--shutdown-timeout", "10s")
	cmd.Env = append(os.Environ(), "HALLCAST_TEST_AS_MAIN=1")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; ; i++ {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if i > 300 {
			t.Fatalf("server did not answer /healthz within 15s: %v\n%s", err, logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("healthz answered %v after start", time.Since(start).Round(time.Millisecond))
	return cmd, addr, logs
}

func TestFreshStartServesLoginPage(t *testing.T) {
	_, addr, logs := startServer(t, t.TempDir()+"/data")
	res, err := http.Get("http://" + addr + "/admin/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "登录") {
		t.Fatalf("login page: %d", res.StatusCode)
	}
	for i := 0; !strings.Contains(logs.String(), "created the first admin account"); i++ {
		if i > 600 {
			t.Fatalf("no first admin password in the log after 30s:\n%s", logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestSIGTERMLetsInFlightRequestsFinish(t *testing.T) {
	cmd, addr, logs := startServer(t, t.TempDir()+"/data")

	// Get a CSRF token so the request reaches the handler, which then
	// waits for the rest of its body.
	res, err := http.Get("http://" + addr + "/admin/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var csrf string
	for _, c := range res.Cookies() {
		if c.Name == "hallcast_csrf" {
			csrf = c.Value
		}
	}
	// An empty password is refused as soon as the body has arrived.
	body := `{"username":"nobody","password":""}`
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/admin/login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nCookie: hallcast_csrf=%s\r\nX-CSRF-Token: %s\r\n\r\n%s",
		addr, len(body), csrf, csrf, body[:10])

	time.Sleep(200 * time.Millisecond) // the request is now in the handler
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// The server stops accepting new connections...
	for i := 0; ; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if i > 200 {
			t.Fatal("server still accepts connections 10s after SIGTERM")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// ...while the request in flight completes.
	fmt.Fprint(conn, body[10:])
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("in-flight request: %v\n%s", err, logs)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("in-flight request answered %d, want 400 (password required)", resp.StatusCode)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, logs)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("server did not exit after SIGTERM\n%s", logs)
	}
	if !strings.Contains(logs.String(), "hallcast: stopped") {
		t.Fatalf("no clean stop in the log:\n%s", logs)
	}
}
