// Package config builds the server configuration from defaults, an optional
// file, HALLCAST_* environment variables (with _FILE variants for secrets) and
// command-line flags, in that order of precedence, and validates it.
package config

import (
	"log/slog"
	"net"
	"path/filepath"
	"time"
)

// Config is the validated server configuration. It is built once at start and
// passed down explicitly; there are no configuration globals.
type Config struct {
	// File is the optional configuration file the values were read from.
	File string

	Listen          string
	DataDir         string
	DatabaseURL     string
	DBMaxConns      int
	TimeZone        *time.Location
	BaseURL         string
	AllowedOrigins  []string
	TLSCert         string
	TLSKey          string
	TrustedProxies  []*net.IPNet
	LogLevel        slog.Level
	LogFormat       string
	ShutdownTimeout time.Duration
	BodyLimit       int64
	UploadLimit     int64
	// UnzipLimit is the most an uploaded XLSX file may inflate to.
	UnzipLimit   int64
	SessionTTL   time.Duration
	MetricsToken string
	// AlertKey seals alert channel secrets; nil: the key file
	// (AlertKeyPath).
	AlertKey []byte
	// ArchiveKey is the archive lookup key from the configuration, or nil
	// to use the key file in the data folder (ArchiveKeyPath).
	ArchiveKey []byte
	// HandwritingModel is the handwriting recogniser's model file; empty:
	// handwriting.DefaultModelPath.
	HandwritingModel string
	// ContactKeys are the keys that seal citizens' personal data from the
	// configuration (the first seals), or nil to use the key file in the
	// data folder (ContactKeyPath).
	ContactKeys [][]byte
}

// SQLitePath is where the embedded database lives when no PostgreSQL URL is
// configured.
func (c *Config) SQLitePath() string {
	return filepath.Join(c.DataDir, "hallcast.db")
}

// ArchiveKeyPath is the archive lookup key file used when no key is
// configured; it is created on first start.
func (c *Config) ArchiveKeyPath() string {
	return filepath.Join(c.DataDir, "archive.key")
}

// ContactKeyPath is the contact key file used when no key is configured;
// it is created on first start.
func (c *Config) ContactKeyPath() string {
	return filepath.Join(c.DataDir, "contact.key")
}

// UsesPostgres reports whether the configured database is PostgreSQL.
func (c *Config) UsesPostgres() bool {
	return c.DatabaseURL != ""
}

// TLS reports whether the server terminates TLS itself.
func (c *Config) TLS() bool {
	return c.TLSCert != ""
}
