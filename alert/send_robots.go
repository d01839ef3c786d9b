package alert

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
)

// sendWeCom posts to a 企业微信 group robot: {"msgtype":"markdown",...};
// it answers {"errcode":0,"errmsg":"ok"}.
func (s *Service) sendWeCom(ctx context.Context, sec Secrets, q queued) (string, error) {
	body, _ := json.Marshal(map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": markdown(q)}})
	status, reply, answer, err := s.post(ctx, sec.URL, body, nil)
	if err != nil {
		return "", err
	}
	return robotAnswer(status, reply, answer, "errcode")
}

// DingTalkSign is the signature of a 钉钉 robot request: the base64 of
// HMAC-SHA256 keyed with the secret over "timestamp\nsecret" (the
// timestamp in milliseconds). It goes, URL-encoded, in the sign parameter.
func DingTalkSign(timestamp, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp + "\n" + secret))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// sendDingTalk posts to a 钉钉 group robot, signed when it has a secret
// (加签: &timestamp=...&sign=...); it answers {"errcode":0,"errmsg":"ok"}.
func (s *Service) sendDingTalk(ctx context.Context, sec Secrets, q queued) (string, error) {
	target := sec.URL
	if sec.Secret != "" {
		u, err := url.Parse(sec.URL)
		if err != nil {
			return "", fmt.Errorf("bad robot address")
		}
		ts := unixMillis(s.opts.Clock.Now())
		v := u.Query()
		v.Set("timestamp", ts)
		v.Set("sign", DingTalkSign(ts, sec.Secret))
		u.RawQuery = v.Encode()
		target = u.String()
	}
	body, _ := json.Marshal(map[string]any{"msgtype": "markdown", "markdown": map[string]string{"title": q.Subject, "text": markdown(q)}})
	status, reply, answer, err := s.post(ctx, target, body, nil)
	if err != nil {
		return "", err
	}
	return robotAnswer(status, reply, answer, "errcode")
}

// FeishuSign is the signature of a 飞书 robot request: the base64 of
// HMAC-SHA256 keyed with "timestamp\nsecret" over nothing (the timestamp
// in seconds).
func FeishuSign(timestamp, secret string) string {
	m := hmac.New(sha256.New, []byte(timestamp+"\n"+secret))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// sendFeishu posts a text message to a 飞书 group robot, with timestamp
// and sign in the body when it has a secret; it answers {"code":0,...}
// (older robots {"StatusCode":0,...}).
func (s *Service) sendFeishu(ctx context.Context, sec Secrets, q queued) (string, error) {
	msg := map[string]any{"msg_type": "text", "content": map[string]string{"text": plain(q, robotLimit)}}
	if sec.Secret != "" {
		ts := fmt.Sprint(s.opts.Clock.Now().Unix())
		msg["timestamp"], msg["sign"] = ts, FeishuSign(ts, sec.Secret)
	}
	body, _ := json.Marshal(msg)
	status, reply, answer, err := s.post(ctx, sec.URL, body, nil)
	if err != nil {
		return "", err
	}
	return robotAnswer(status, reply, answer, "code", "StatusCode")
}
