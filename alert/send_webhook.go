package alert

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// WebhookPayload is what a generic webhook receives (POST, JSON).
type WebhookPayload struct {
	ID        int64     `json:"id"`
	Event     string    `json:"event"` // start, remind, resolved, digest, test
	Condition string    `json:"condition,omitempty"`
	Subject   string    `json:"subject"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// WebhookSignature is the X-Hallcast-Signature of a webhook request with a
// secret: "sha256=" and the hex HMAC-SHA256 of "timestamp.body", the
// timestamp (Unix seconds) being X-Hallcast-Timestamp.
func WebhookSignature(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp + "."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// sendWebhook posts the payload; any 2xx answer counts as delivered.
func (s *Service) sendWebhook(ctx context.Context, st Settings, sec Secrets, q queued) (string, error) {
	body, _ := json.Marshal(WebhookPayload{ID: q.ID, Event: q.Event, Condition: q.Cond, Subject: q.Subject, Text: q.Body, CreatedAt: q.CreatedAt.UTC()})
	h := http.Header{}
	h.Set("X-Hallcast-Event", q.Event)
	if sec.Token != "" {
		h.Set("Authorization", "Bearer "+sec.Token)
	}
	if sec.Secret != "" {
		ts := fmt.Sprint(s.opts.Clock.Now().Unix())
		h.Set("X-Hallcast-Timestamp", ts)
		h.Set("X-Hallcast-Signature", WebhookSignature(sec.Secret, ts, body))
	}
	status, _, answer, err := s.post(ctx, st.URL, body, h)
	if err != nil {
		return "", err
	}
	if status < 200 || status > 299 {
		return answer, fmt.Errorf("refused")
	}
	return answer, nil
}
