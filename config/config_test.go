package config_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/config"
)

func load(t *testing.T, args []string, env map[string]string) (*config.Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	l := config.NewLoader(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return l.Load(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
}

func TestDefaults(t *testing.T) {
	c, err := load(t, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != ":8080" || c.DataDir != "./data" || c.TimeZone.String() != "Asia/Shanghai" || c.UsesPostgres() {
		t.Fatalf("defaults: %+v", c)
	}
	if c.SQLitePath() != filepath.Join("data", "hallcast.db") {
		t.Fatalf("sqlite path %s", c.SQLitePath())
	}
	if c.BodyLimit != 1<<20 || c.UploadLimit != 20<<20 || c.SessionTTL != 12*time.Hour {
		t.Fatalf("limits: %+v", c)
	}
}

func TestPrecedenceFlagOverEnvOverFileOverDefault(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hallcast.env")
	os.WriteFile(file, []byte("# comment\nHALLCAST_LISTEN=:7000\nHALLCAST_DATA_DIR=/srv/file\nHALLCAST_LOG_LEVEL=debug\n"), 0o600)
	c, err := load(t, []string{"--config", file, "--listen", ":9000"}, map[string]string{"HALLCAST_DATA_DIR": "/srv/env"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != ":9000" || c.DataDir != "/srv/env" || c.LogLevel.String() != "DEBUG" {
		t.Fatalf("got listen %s data %s level %s", c.Listen, c.DataDir, c.LogLevel)
	}
	// HALLCAST_CONFIG names the file too.
	c, err = load(t, nil, map[string]string{"HALLCAST_CONFIG": file})
	if err != nil || c.Listen != ":7000" {
		t.Fatalf("HALLCAST_CONFIG: %v %v", c, err)
	}
}

func TestSecretFromFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "db-url")
	os.WriteFile(f, []byte("postgres://hall:s3cret@db/hall\n"), 0o600)
	c, err := load(t, nil, map[string]string{"HALLCAST_DATABASE_URL_FILE": f})
	if err != nil || c.DatabaseURL != "postgres://hall:s3cret@db/hall" {
		t.Fatalf("got %v, %v", c, err)
	}
	_, err = load(t, nil, map[string]string{"HALLCAST_DATABASE_URL_FILE": f, "HALLCAST_DATABASE_URL": "postgres://x"})
	if err == nil || !strings.Contains(err.Error(), "HALLCAST_DATABASE_URL_FILE") {
		t.Fatalf("both set: %v", err)
	}
	_, err = load(t, nil, map[string]string{"HALLCAST_DATABASE_URL_FILE": f + ".missing"})
	if err == nil {
		t.Fatal("missing secret file accepted")
	}
}

func TestBadValuesNameTheSetting(t *testing.T) {
	cases := []struct {
		args    []string
		env     map[string]string
		setting string
	}{
		{nil, map[string]string{"HALLCAST_LISTEN": "notaport"}, "HALLCAST_LISTEN"},
		{nil, map[string]string{"HALLCAST_LISTEN": ":99999"}, "HALLCAST_LISTEN"},
		{[]string{"--timezone", "Mars/Olympus"}, nil, "--timezone"},
		{nil, map[string]string{"HALLCAST_DATABASE_URL": "mysql://x"}, "HALLCAST_DATABASE_URL"},
		{nil, map[string]string{"HALLCAST_BODY_LIMIT": "lots"}, "HALLCAST_BODY_LIMIT"},
		{nil, map[string]string{"HALLCAST_SESSION_TTL": "1s"}, "HALLCAST_SESSION_TTL"},
		{nil, map[string]string{"HALLCAST_TRUSTED_PROXIES": "10.0.0.1"}, "HALLCAST_TRUSTED_PROXIES"},
		{nil, map[string]string{"HALLCAST_BASE_URL": "hall.example"}, "HALLCAST_BASE_URL"},
		{nil, map[string]string{"HALLCAST_TLS_CERT": "/x.pem"}, "HALLCAST_TLS_KEY"},
		{nil, map[string]string{"HALLCAST_LOG_FORMAT": "xml"}, "HALLCAST_LOG_FORMAT"},
	}
	for _, c := range cases {
		_, err := load(t, c.args, c.env)
		var ce *config.Error
		if !errors.As(err, &ce) || ce.Setting != c.setting {
			t.Errorf("%v %v: err = %v, want one naming %s", c.args, c.env, err, c.setting)
		}
	}
}

func TestSecretValuesStayOutOfErrors(t *testing.T) {
	_, err := load(t, nil, map[string]string{"HALLCAST_DATABASE_URL": "mysql://root:hunter2@db"})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the secret: %v", err)
	}
}

func TestUnknownKeyInFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "c.env")
	os.WriteFile(f, []byte("HALLCAST_LISTN=:1\n"), 0o600)
	_, err := load(t, []string{"--config", f}, nil)
	if err == nil || !strings.Contains(err.Error(), "HALLCAST_LISTN") {
		t.Fatalf("typo in file: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1024": 1024, "512KB": 512 << 10, "20mb": 20 << 20, "1GB": 1 << 30, " 3 MB ": 3 << 20} {
		if got, err := config.ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := config.ParseSize("-1KB"); err == nil {
		t.Error("negative size accepted")
	}
	if config.FormatSize(20<<20) != "20MB" || config.FormatSize(1500) != "1500B" {
		t.Error("FormatSize")
	}
}

func TestArchiveKeyFromFile(t *testing.T) {
	key := strings.Repeat("ab", 32)
	path := filepath.Join(t.TempDir(), "archive.key")
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := load(t, nil, map[string]string{"HALLCAST_ARCHIVE_KEY_FILE": path})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ArchiveKey) != 32 || c.ArchiveKey[0] != 0xab {
		t.Fatalf("key %x", c.ArchiveKey)
	}
	c, err = load(t, nil, nil)
	if err != nil || c.ArchiveKey != nil || c.ArchiveKeyPath() != filepath.Join("data", "archive.key") {
		t.Fatalf("default: %v %x %s", err, c.ArchiveKey, c.ArchiveKeyPath())
	}
	_, err = load(t, nil, map[string]string{"HALLCAST_ARCHIVE_KEY": "abcd"})
	var ce *config.Error
	if !errors.As(err, &ce) || ce.Setting != "HALLCAST_ARCHIVE_KEY" || ce.Value != "" {
		t.Fatalf("short key: %v", err)
	}
}
