// Package servertest starts the whole hallcast application on a real
// database behind httptest, and gives tests an HTTP client that logs in,
// keeps cookies and sends the CSRF token like the admin UI does.
package servertest

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// Server is a running application.
type Server struct {
	*httptest.Server
	App   *server.App
	Clock *clock.Fake
	Cfg   *config.Config
}

// Option adjusts the configuration or options before the app opens.
type Option func(cfg *config.Config, o *server.Options)

// WithDialect runs the app on PostgreSQL (a fresh schema) or SQLite.
func WithDialect(d store.Dialect) Option {
	return func(cfg *config.Config, o *server.Options) {
		if d == store.Postgres {
			cfg.DatabaseURL = "pg"
		}
	}
}

// Config returns a valid configuration for tests: defaults, a temporary
// data folder, loopback only.
func Config(t *testing.T) *config.Config {
	t.Helper()
	l := config.NewLoader(newFlagSet())
	cfg, err := l.Load(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	// One contact key for every test app: the instances of one database
	// share their keys (docs/deployment.md), and tests start several on
	// one PostgreSQL, each with its own data folder.
	cfg.ContactKeys = [][]byte{testContactKey}
	cfg.Listen = "127.0.0.1:0"
	cfg.ShutdownTimeout = 5 * time.Second
	return cfg
}

// testContactKey is the contact key of test apps.
var testContactKey = []byte("hallcast servertest contact key!")

// Start opens the app (SQLite unless told otherwise) with a fake clock and
// serves it. The clock starts at DefaultNow (Monday 2025-11-24 09:00
// Asia/Shanghai) or where HALLCAST_TEST_NOW says (ParseNow): tests derive
// the dates they expect from s.Clock.Now(), or set the clock themselves.
func Start(t *testing.T, opts ...Option) *Server {
	t.Helper()
	cfg := Config(t)
	fake := clock.NewFake(Now(t, cfg.TimeZone))
	o := server.Options{Clock: fake, BcryptCost: bcrypt.MinCost}
	for _, opt := range opts {
		opt(cfg, &o)
	}
	if cfg.DatabaseURL == "pg" {
		cfg.DatabaseURL = storetest.PostgresURL(t)
	}
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if os.Getenv("HALLCAST_TEST_LOG") == "1" {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	app, err := server.Open(context.Background(), cfg, log, o)
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	if _, err := app.Auth.EnsureAdmin(context.Background()); err != nil {
		t.Fatalf("first admin: %v", err)
	}
	srv := httptest.NewUnstartedServer(app.Handler())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = ln
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		app.Close(context.Background())
	})
	return &Server{Server: srv, App: app, Clock: fake, Cfg: cfg}
}

// User creates an account with the given role and returns its password.
func (s *Server) User(t *testing.T, username string, role auth.Role) string {
	t.Helper()
	pw := username + "-password-1"
	_, _, err := s.App.Auth.Create(context.Background(), audit.Actor{Name: "test"}, auth.NewUser{Username: username, Role: role, Password: pw})
	if err != nil {
		t.Fatalf("create user %s: %v", username, err)
	}
	return pw
}

// testWriter sends log lines to t.Log so they show only for failing tests.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}

var _ io.Writer = testWriter{}
