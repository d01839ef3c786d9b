package config

import (
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Setting describes one configuration value: its flag name, its environment
// variable, its default and how it is parsed into a Config.
type Setting struct {
	// Flag is the command-line flag name, e.g. "listen".
	Flag string
	// Default is the textual default value ("" means unset).
	Default string
	// Usage is the one-line help text.
	Usage string
	// Secret settings are never logged and also accept HALLCAST_<NAME>_FILE.
	Secret bool
	apply  func(c *Config, v string) error
}

// Env is the environment variable name of the setting, e.g. HALLCAST_LISTEN.
func (s Setting) Env() string {
	return "HALLCAST_" + strings.ToUpper(strings.ReplaceAll(s.Flag, "-", "_"))
}

// Settings lists every configuration value in the order the help shows them.
var Settings = []Setting{
	{Flag: "listen", Default: ":8080", Usage: "address to listen on, host:port", apply: applyListen},
	{Flag: "data-dir", Default: "./data", Usage: "folder for the SQLite database, uploads, backups and secrets", apply: func(c *Config, v string) error {
		if v == "" {
			return fmt.Errorf("must not be empty")
		}
		c.DataDir = v
		return nil
	}},
	{Flag: "database-url", Usage: "PostgreSQL URL (postgres://...); empty means SQLite in the data folder", Secret: true, apply: applyDatabaseURL},
	{Flag: "db-max-conns", Default: "20", Usage: "maximum open PostgreSQL connections (SQLite readers when embedded)", apply: func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return fmt.Errorf("want a whole number from 1 to 1000")
		}
		c.DBMaxConns = n
		return nil
	}},
	{Flag: "timezone", Default: "Asia/Shanghai", Usage: "time zone for schedules, deadlines and display", apply: func(c *Config, v string) error {
		loc, err := time.LoadLocation(v)
		if err != nil {
			return fmt.Errorf("unknown time zone (want an IANA name such as Asia/Shanghai)")
		}
		c.TimeZone = loc
		return nil
	}},
	{Flag: "base-url", Usage: "public URL of the server, e.g. https://hall.example.gov.cn (used for links and origin checks)", apply: applyBaseURL},
	{Flag: "allowed-origins", Usage: "extra comma-separated origins allowed to open WebSockets and post forms", apply: applyOrigins},
	{Flag: "tls-cert", Usage: "TLS certificate file; serve HTTPS directly when set together with tls-key", apply: func(c *Config, v string) error { c.TLSCert = v; return nil }},
	{Flag: "tls-key", Usage: "TLS private key file", apply: func(c *Config, v string) error { c.TLSKey = v; return nil }},
	{Flag: "trusted-proxies", Default: "127.0.0.0/8,::1/128", Usage: "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is trusted", apply: applyProxies},
	{Flag: "log-level", Default: "info", Usage: "debug, info, warn or error", apply: func(c *Config, v string) error {
		var l slog.Level
		if err := l.UnmarshalText([]byte(v)); err != nil {
			return fmt.Errorf("want debug, info, warn or error")
		}
		c.LogLevel = l
		return nil
	}},
	{Flag: "log-format", Default: "text", Usage: "text or json", apply: func(c *Config, v string) error {
		if v != "text" && v != "json" {
			return fmt.Errorf("want text or json")
		}
		c.LogFormat = v
		return nil
	}},
	{Flag: "shutdown-timeout", Default: "15s", Usage: "how long in-flight requests may take to finish on shutdown", apply: durationSetting(time.Second, time.Hour, func(c *Config, d time.Duration) { c.ShutdownTimeout = d })},
	{Flag: "body-limit", Default: "1MB", Usage: "largest accepted request body for JSON APIs", apply: sizeSetting(1<<10, 1<<30, func(c *Config, n int64) { c.BodyLimit = n })},
	{Flag: "upload-limit", Default: "20MB", Usage: "largest accepted file upload", apply: sizeSetting(1<<10, 1<<34, func(c *Config, n int64) { c.UploadLimit = n })},
	{Flag: "unzip-limit", Default: "1GB", Usage: "most an XLSX archive import may inflate to (a larger one is refused before it is read)", apply: sizeSetting(1<<20, 1<<36, func(c *Config, n int64) { c.UnzipLimit = n })},
	{Flag: "session-ttl", Default: "12h", Usage: "how long an admin session lasts without activity", apply: durationSetting(time.Minute, 30*24*time.Hour, func(c *Config, d time.Duration) { c.SessionTTL = d })},
	{Flag: "metrics-token", Usage: "bearer token required on /metrics; empty leaves /metrics open to trusted proxies and loopback only", Secret: true, apply: func(c *Config, v string) error { c.MetricsToken = v; return nil }},
	{Flag: "archive-key", Usage: "key of the archive lookup hashes, 64 hex characters; empty: <data-dir>/archive.key, created on first start (instances sharing one database share one key, e.g. with HALLCAST_ARCHIVE_KEY_FILE)", Secret: true, apply: applyArchiveKey},
	{Flag: "handwriting-model", Usage: "Zinnia model of the kiosk's handwriting pad; empty: /usr/share/tegaki/models/zinnia/handwriting-zh_CN.model (Debian's tegaki-zinnia-simplified-chinese); without a model the pad is not offered and pinyin remains", apply: func(c *Config, v string) error { c.HandwritingModel = v; return nil }},
	{Flag: "contact-key", Usage: "keys sealing citizens' personal data (applicants, suggestion phones), 64 hex characters each, comma or line separated, the first seals; empty: <data-dir>/contact.key, created on first start (instances sharing one database share the keys, e.g. with HALLCAST_CONTACT_KEY_FILE)", Secret: true, apply: applyContactKey},
}

// applyContactKey takes a list of keys of 64 hex characters, separated
// by commas, spaces or line breaks (a _FILE may hold one per line, with
// # comments); the first seals.
func applyContactKey(c *Config, v string) error {
	c.ContactKeys = nil
	for _, line := range strings.Split(v, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' }) {
			b, err := hex.DecodeString(f)
			if err != nil || len(b) != 32 {
				c.ContactKeys = nil
				return fmt.Errorf("want keys of 64 hex characters (32 bytes), the first sealing, e.g. from: head -c32 /dev/urandom | xxd -p -c64")
			}
			for _, k := range c.ContactKeys {
				if string(k) == string(b) {
					c.ContactKeys = nil
					return fmt.Errorf("a key is listed twice")
				}
			}
			c.ContactKeys = append(c.ContactKeys, b)
		}
	}
	return nil
}

func applyArchiveKey(c *Config, v string) error {
	c.ArchiveKey = nil
	if v == "" {
		return nil
	}
	b, err := hex.DecodeString(strings.TrimSpace(v))
	if err != nil || len(b) != 32 {
		return fmt.Errorf("want 64 hex characters (32 bytes), e.g. from: head -c32 /dev/urandom | xxd -p -c64")
	}
	c.ArchiveKey = b
	return nil
}

func applyListen(c *Config, v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("want host:port, e.g. :8080 or 127.0.0.1:8080")
	}
	p, err := strconv.Atoi(port)
	if err != nil || p < 0 || p > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	if host != "" && net.ParseIP(host) == nil && strings.ContainsAny(host, " /") {
		return fmt.Errorf("host %q is not an address or name", host)
	}
	c.Listen = v
	return nil
}

func applyDatabaseURL(c *Config, v string) error {
	if v == "" {
		c.DatabaseURL = ""
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("want a postgres:// URL, or nothing for SQLite")
	}
	c.DatabaseURL = v
	return nil
}

func applyBaseURL(c *Config, v string) error {
	if v == "" {
		c.BaseURL = ""
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("want an absolute http:// or https:// URL")
	}
	c.BaseURL = strings.TrimRight(v, "/")
	return nil
}

func applyOrigins(c *Config, v string) error {
	c.AllowedOrigins = nil
	for _, o := range splitList(v) {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" {
			return fmt.Errorf("%q is not an origin like https://host:port", o)
		}
		c.AllowedOrigins = append(c.AllowedOrigins, strings.ToLower(o))
	}
	return nil
}

func applyProxies(c *Config, v string) error {
	c.TrustedProxies = nil
	for _, s := range splitList(v) {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return fmt.Errorf("%q is not a CIDR such as 10.0.0.0/8", s)
		}
		c.TrustedProxies = append(c.TrustedProxies, n)
	}
	return nil
}

func durationSetting(min, max time.Duration, set func(*Config, time.Duration)) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d < min || d > max {
			return fmt.Errorf("want a duration from %s to %s, e.g. 30s or 5m", min, max)
		}
		set(c, d)
		return nil
	}
}

func sizeSetting(min, max int64, set func(*Config, int64)) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := ParseSize(v)
		if err != nil || n < min || n > max {
			return fmt.Errorf("want a size from %s to %s, e.g. 512KB or 20MB", FormatSize(min), FormatSize(max))
		}
		set(c, n)
		return nil
	}
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
