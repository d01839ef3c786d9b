package alert

import (
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/hallcast/hallcast/web"
)

// Kind is the kind of a channel.
type Kind string

// The channel kinds.
const (
	KindEmail    Kind = "email"    // SMTP with STARTTLS (or TLS) and AUTH
	KindWeCom    Kind = "wecom"    // 企业微信 group robot
	KindDingTalk Kind = "dingtalk" // 钉钉 group robot, signed requests
	KindFeishu   Kind = "feishu"   // 飞书 group robot, signed requests
	KindWebhook  Kind = "webhook"  // any JSON endpoint
)

// Kinds lists the channel kinds.
var Kinds = []string{string(KindEmail), string(KindWeCom), string(KindDingTalk), string(KindFeishu), string(KindWebhook)}

// SMTP security modes.
const (
	SecuritySTARTTLS = "starttls" // port 587: plain, then STARTTLS (required)
	SecurityTLS      = "tls"      // port 465: TLS from the start
	SecurityNone     = "none"     // a relay on the same machine only
)

// Settings are the parts of a channel that may be shown to admins.
type Settings struct {
	// E-mail.
	Host     string   `json:"host,omitempty"`
	Port     int      `json:"port,omitempty"`
	Security string   `json:"security,omitempty"`
	Username string   `json:"username,omitempty"`
	From     string   `json:"from,omitempty"`
	To       []string `json:"to,omitempty"`
	// Generic webhook: where to POST (robots keep their address, which
	// carries their token, among the secrets).
	URL string `json:"url,omitempty"`
}

// Secrets are the parts of a channel that are sealed and never shown:
// an empty field in an update keeps the stored value.
type Secrets struct {
	Password string `json:"password,omitempty"` // SMTP AUTH
	URL      string `json:"url,omitempty"`      // a robot's webhook address with its token
	Secret   string `json:"secret,omitempty"`   // 钉钉/飞书 signing secret; webhook HMAC key
	Token    string `json:"token,omitempty"`    // webhook bearer token
}

func (s Secrets) names() []string {
	out := []string{}
	for _, p := range [][2]string{{"password", s.Password}, {"url", s.URL}, {"secret", s.Secret}, {"token", s.Token}} {
		if p[1] != "" {
			out = append(out, p[0])
		}
	}
	return out
}

// merge keeps the stored value of each field the update leaves empty and
// drops the named ones.
func (s Secrets) merge(stored Secrets, clear []string) Secrets {
	keep := func(n, v, old string) string {
		for _, c := range clear {
			if c == n {
				return v
			}
		}
		if v == "" {
			return old
		}
		return v
	}
	return Secrets{Password: keep("password", s.Password, stored.Password), URL: keep("url", s.URL, stored.URL),
		Secret: keep("secret", s.Secret, stored.Secret), Token: keep("token", s.Token, stored.Token)}
}

// Channel is a configured channel as admins see it: secrets only by name.
type Channel struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Enabled  bool     `json:"enabled"`
	Settings Settings `json:"settings"`
	// SecretsSet names the secrets stored ("password", "url", ...).
	SecretsSet []string `json:"secrets_set"`
	// Hint says where it goes without revealing a token (a robot's host).
	Hint      string    `json:"hint"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ChannelInput creates or changes a channel.
type ChannelInput struct {
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Enabled  bool     `json:"enabled"`
	Settings Settings `json:"settings"`
	Secrets  Secrets  `json:"secrets"`
	// Clear names stored secrets to remove (e.g. ["secret"]).
	Clear []string `json:"clear"`
}

// check validates the input once merged with the stored secrets, and
// normalises it.
func (in *ChannelInput) check(sec Secrets) error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 60)
	c.OneOf("kind", string(in.Kind), Kinds...)
	for _, n := range in.Clear {
		c.OneOf("clear", n, "password", "url", "secret", "token")
	}
	st := &in.Settings
	switch in.Kind {
	case KindEmail:
		st.Host = c.Text("settings.host", st.Host, 253)
		if st.Port == 0 {
			st.Port = 587
		}
		c.Range("settings.port", st.Port, 1, 65535)
		if st.Security == "" {
			st.Security = SecuritySTARTTLS
		}
		c.OneOf("settings.security", st.Security, SecuritySTARTTLS, SecurityTLS, SecurityNone)
		st.Username = strings.TrimSpace(st.Username)
		c.MaxRunes("settings.username", st.Username, 200)
		c.That(st.Username == "" || sec.Password != "", "secrets.password", web.CodeRequired, "a password for %s", st.Username)
		st.From = strings.TrimSpace(st.From)
		_, err := mail.ParseAddress(st.From)
		c.That(err == nil, "settings.from", web.CodeInvalid, "want an e-mail address")
		c.That(len(st.To) >= 1 && len(st.To) <= 20, "settings.to", web.CodeRequired, "want 1 to 20 addresses")
		for i, a := range st.To {
			st.To[i] = strings.TrimSpace(a)
			_, err := mail.ParseAddress(st.To[i])
			c.That(err == nil, "settings.to", web.CodeInvalid, "%q is not an e-mail address", a)
		}
		st.URL = ""
	case KindWeCom, KindDingTalk, KindFeishu:
		c.That(sec.URL != "", "secrets.url", web.CodeRequired, "the robot's webhook address")
		c.That(sec.URL == "" || httpURL(sec.URL), "secrets.url", web.CodeInvalid, "want an http(s) address")
		*st = Settings{}
	case KindWebhook:
		st.URL = strings.TrimSpace(st.URL)
		c.That(httpURL(st.URL), "settings.url", web.CodeInvalid, "want an http(s) address")
		*st = Settings{URL: st.URL}
	}
	return c.Err()
}

func httpURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 2000
}

// hint says where a channel sends without its secrets.
func hint(k Kind, st Settings, sec Secrets) string {
	switch k {
	case KindEmail:
		return st.Host + " → " + strings.Join(st.To, ", ")
	case KindWebhook:
		if u, err := url.Parse(st.URL); err == nil {
			return u.Scheme + "://" + u.Host + u.Path
		}
	default:
		if u, err := url.Parse(sec.URL); err == nil && u.Host != "" {
			return u.Scheme + "://" + u.Host + "/…"
		}
	}
	return ""
}
