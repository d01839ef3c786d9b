package config

import (
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
)

func init() {
	Settings = append(Settings, Setting{Flag: "alert-key", Secret: true, apply: applyAlertKey,
		Usage: "key sealing the secrets of alert channels (SMTP passwords, robot addresses), 64 hex characters; empty: <data-dir>/alert.key, created on first start (instances sharing one database share it, e.g. with HALLCAST_ALERT_KEY_FILE)"})
}

func applyAlertKey(c *Config, v string) error {
	c.AlertKey = nil
	if v == "" {
		return nil
	}
	b, err := hex.DecodeString(strings.TrimSpace(v))
	if err != nil || len(b) != 32 {
		return fmt.Errorf("want 64 hex characters (32 bytes), e.g. from: head -c32 /dev/urandom | xxd -p -c64")
	}
	c.AlertKey = b
	return nil
}

// AlertKeyPath is the alert secrets key file used when no key is
// configured; it is created on first start.
func (c *Config) AlertKeyPath() string {
	return filepath.Join(c.DataDir, "alert.key")
}
