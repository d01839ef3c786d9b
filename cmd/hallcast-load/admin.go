//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// admin calls the admin API like the admin page does: session cookie and
// CSRF header.
type admin struct {
	base string
	http *http.Client
}

func login(base, user, passwordFile string) (*admin, error) {
	raw, err := os.ReadFile(passwordFile)
	if err != nil {
		return nil, fmt.Errorf("admin password: %w", err)
	}
	pw := strings.TrimSpace(strings.SplitN(string(raw), "\n", 2)[0])
	jar, _ := cookiejar.New(nil)
	a := &admin{base: base, http: &http.Client{Jar: jar, Timeout: 60 * time.Second}}
	_ = a.do("GET", "/api/admin/me", nil, nil) // receives the CSRF cookie
	if err := a.do("POST", "/api/admin/login", map[string]string{"username": user, "password": pw}, nil); err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	return a, nil
}

func (a *admin) csrf() string {
	u, _ := url.Parse(a.base)
	for _, c := range a.http.Jar.Cookies(u) {
		if c.Name == "hallcast_csrf" || c.Name == "__Host-hallcast_csrf" {
			return c.Value
		}
	}
	return ""
}

func (a *admin) do(method, path string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.base+path, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if tok := a.csrf(); tok != "" {
		req.Header.Set("X-CSRF-Token", tok)
	}
	res, err := a.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, res.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// send broadcasts an emergency to every screen and returns its message id.
func (a *admin) send(text string) (string, error) {
	var e struct{ ID int64 }
	err := a.do("POST", "/api/admin/emergencies", map[string]any{"text": text, "level": "critical", "all": true, "duration_minutes": 60}, &e)
	return "em-" + strconv.FormatInt(e.ID, 10), err
}

func (a *admin) clear(mid string) error {
	return a.do("POST", "/api/admin/emergencies/"+strings.TrimPrefix(mid, "em-")+"/clear", nil, nil)
}

// receipts returns confirmed and targets of an emergency.
func (a *admin) receipts(mid string) (int, int, error) {
	var r struct{ Confirmed, Targets int }
	err := a.do("GET", "/api/admin/emergencies/"+strings.TrimPrefix(mid, "em-"), nil, &r)
	return r.Confirmed, r.Targets, err
}

// rss returns a process's resident set size in KiB.
func rss(pid int) int64 {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// cpu returns the CPU time a process has used (user + system), from
// /proc/<pid>/stat (0: this process).
func cpu(pid int) time.Duration {
	path := "/proc/self/stat"
	if pid != 0 {
		path = fmt.Sprintf("/proc/%d/stat", pid)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond // USER_HZ = 100
}
