package alert

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// robotLimit is the longest text sent to a group robot (企业微信 takes
// 4096 bytes of markdown).
const robotLimit = 3800

func newHTTPClient(roots *x509.CertPool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: tr, Timeout: sendTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// send makes one attempt at q on ch. It returns the answer to log (the
// server's reply) and an error when the message did not go out.
func (s *Service) send(ctx context.Context, ch Channel, sec Secrets, q queued) (string, error) {
	switch ch.Kind {
	case KindEmail:
		return s.sendEmail(ctx, ch.Settings, sec, q)
	case KindWeCom:
		return s.sendWeCom(ctx, sec, q)
	case KindDingTalk:
		return s.sendDingTalk(ctx, sec, q)
	case KindFeishu:
		return s.sendFeishu(ctx, sec, q)
	case KindWebhook:
		return s.sendWebhook(ctx, ch.Settings, sec, q)
	}
	return "", fmt.Errorf("unknown channel kind %q", ch.Kind)
}

// post sends a JSON body and returns the status and the start of the
// reply ("HTTP 200 {...}").
func (s *Service) post(ctx context.Context, url string, body []byte, header http.Header) (int, []byte, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, "", err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "hallcast-alerts")
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := s.http.Do(req)
	if err != nil {
		return 0, nil, "", scrub(err, url)
	}
	defer res.Body.Close()
	reply, _ := io.ReadAll(io.LimitReader(res.Body, 4<<10))
	return res.StatusCode, reply, fmt.Sprintf("HTTP %d %s", res.StatusCode, strings.TrimSpace(string(reply))), nil
}

// scrub removes a URL (which may carry a robot's token) from an error.
func scrub(err error, url string) error {
	msg := err.Error()
	if i := strings.Index(url, "?"); i >= 0 {
		msg = strings.ReplaceAll(msg, url[i:], "?…")
	}
	return fmt.Errorf("%s", msg)
}

// robotAnswer judges a robot's JSON reply: HTTP 200 and a zero code in
// field (errcode, code or StatusCode).
func robotAnswer(status int, reply []byte, answer string, fields ...string) (string, error) {
	if status != http.StatusOK {
		return answer, fmt.Errorf("refused")
	}
	var m map[string]any
	if err := json.Unmarshal(reply, &m); err != nil {
		return answer, fmt.Errorf("the reply is not JSON")
	}
	for _, f := range fields {
		if v, ok := m[f]; ok {
			if n, isNum := v.(float64); isNum && n == 0 {
				return answer, nil
			}
			return answer, fmt.Errorf("refused")
		}
	}
	return answer, fmt.Errorf("the reply has no %s", strings.Join(fields, " or "))
}

// markdown is a message as robots' markdown: a heading and the text.
func markdown(q queued) string {
	return clip("### "+q.Subject+"\n\n"+q.Body, robotLimit)
}

// plain is a message as plain text.
func plain(q queued, limit int) string { return clip(q.Subject+"\n\n"+q.Body, limit) }

// unixMillis is the signing timestamp of 钉钉 (milliseconds).
func unixMillis(t time.Time) string { return fmt.Sprint(t.UnixMilli()) }
