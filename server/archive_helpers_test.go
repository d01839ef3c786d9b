package server_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"

	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/server/servertest"
)

// kioskTokens holds the tokens of the kiosks paired for each test server,
// by kiosk name.
var kioskTokens = map[*servertest.Server]map[string]string{}

// kioskToken pairs a kiosk named name through the real flow the first time
// it is asked for, and returns its token.
func kioskToken(t *testing.T, s *servertest.Server, name string) string {
	t.Helper()
	if kioskTokens[s] == nil {
		kioskTokens[s] = map[string]string{}
		t.Cleanup(func() { delete(kioskTokens, s) })
	}
	if tok, ok := kioskTokens[s][name]; ok {
		return tok
	}
	tok := pairKiosk(t, s, name).token
	kioskTokens[s][name] = tok
	return tok
}

// csrfToken returns the client's CSRF cookie value.
func csrfToken(s *servertest.Server, c *servertest.Client) string {
	c.Do("GET", "/api/admin/me", nil)
	u, _ := url.Parse(s.URL)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "hallcast_csrf" {
			return ck.Value
		}
	}
	return ""
}

// upload posts a file to a dataset's imports as the admin UI does.
func upload(t *testing.T, s *servertest.Server, c *servertest.Client, datasetID int64, name string, content []byte, mode string) *servertest.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("mode", mode)
	_ = w.WriteField("encoding", "auto")
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(content)
	w.Close()
	req, _ := http.NewRequest("POST", s.URL+"/api/admin/archive/datasets/"+itoa(datasetID)+"/imports", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("X-CSRF-Token", csrfToken(s, c))
	return c.Send(req)
}

// waitImport polls an import until it is no longer running.
func waitImport(t *testing.T, c *servertest.Client, id int64) archive.Import {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var im archive.Import
		res := c.Do("GET", "/api/admin/archive/imports/"+itoa(id), nil)
		res.JSON(t, &im)
		if im.State != archive.StateRunning {
			return im
		}
		if time.Now().After(deadline) {
			t.Fatalf("import %d still running", id)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kioskDeviceID returns the device ID of a kiosk paired by kioskToken, as
// the archive audits it.
func kioskDeviceID(t *testing.T, s *servertest.Server, name string) string {
	t.Helper()
	d, err := s.App.Devices.Authenticate(t.Context(), kioskToken(t, s, name))
	if err != nil || d == nil {
		t.Fatalf("kiosk %s: %v", name, err)
	}
	return itoa(d.ID)
}

// kioskLookup asks as a kiosk.
func kioskLookup(t *testing.T, s *servertest.Server, c *servertest.Client, kiosk string, dataset int64, keys map[string]string) *servertest.Response {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"dataset": dataset, "keys": keys})
	req, _ := http.NewRequest("POST", s.URL+"/api/kiosk/archive/lookup", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if kiosk != "" {
		req.Header.Set("Authorization", "Bearer "+kioskToken(t, s, kiosk))
	}
	return c.Send(req)
}

// createDataset creates the generator's dataset through the API.
func createDataset(t *testing.T, c *servertest.Client, name string) archive.Dataset {
	t.Helper()
	var d archive.Dataset
	res := c.Do("POST", "/api/admin/archive/datasets", archivegen.Dataset(name))
	if res.Status != http.StatusCreated {
		t.Fatalf("create dataset: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &d)
	return d
}

// setProtection saves protection settings (padding off unless set).
func setProtection(t *testing.T, c *servertest.Client, change func(p *archive.Protection)) {
	t.Helper()
	p := archive.DefaultProtection()
	p.MinResponseMS = 0
	change(&p)
	if res := c.Do("PUT", "/api/admin/settings/"+archive.SettingProtection, map[string]any{"value": p}); res.Status != http.StatusOK {
		t.Fatalf("settings: %d %s", res.Status, res.Body)
	}
}
