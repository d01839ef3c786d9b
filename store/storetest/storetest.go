// Package storetest opens real databases for tests: a SQLite file in a
// temporary folder and a fresh schema on a PostgreSQL server.
//
// PostgreSQL comes from HALLCAST_TEST_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/test?sslmode=disable). When it cannot be
// reached, PostgreSQL tests skip with a message, unless
// HALLCAST_TEST_REQUIRE_POSTGRES=1 (set in CI), which makes them fail.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/hallcast/hallcast/store"
)

const defaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Each runs fn once on SQLite and once on PostgreSQL, as subtests named
// "sqlite" and "postgres", each on a new database migrated with sets.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB), sets ...store.Migrations) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t, sets...)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t, sets...)) })
}

// Open opens a new, migrated database of the given dialect.
func Open(t testing.TB, d store.Dialect, sets ...store.Migrations) *store.DB {
	t.Helper()
	if d == store.Postgres {
		return Postgres(t, sets...)
	}
	return SQLite(t, sets...)
}

// SQLite opens a new SQLite database file in t.TempDir(), migrated with sets.
func SQLite(t testing.TB, sets ...store.Migrations) *store.DB {
	t.Helper()
	return open(t, store.Options{SQLitePath: filepath.Join(t.TempDir(), "hallcast.db")}, sets)
}

// Postgres opens a connection to a new, empty schema, migrated with sets.
func Postgres(t testing.TB, sets ...store.Migrations) *store.DB {
	t.Helper()
	u := PostgresURL(t)
	return open(t, store.Options{URL: u, BusChannel: Channel(u)}, sets)
}

// Channel is the bus channel tests use for a schema URL, so that parallel
// tests on one server do not see each other's events.
func Channel(schemaURL string) string {
	u, _ := url.Parse(schemaURL)
	return "hallcast_" + u.Query().Get("search_path")
}

func open(t testing.TB, o store.Options, sets []store.Migrations) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, o)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx, sets...); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

var (
	pgOnce sync.Once
	pgErr  error
)

// RequirePostgres reports whether PostgreSQL tests must run (CI).
func RequirePostgres() bool { return os.Getenv("HALLCAST_TEST_REQUIRE_POSTGRES") == "1" }

func baseURL() string {
	if u := os.Getenv("HALLCAST_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return defaultPostgresURL
}

// PostgresURL creates a new schema, dropped at the end of the test, and
// returns a URL whose connections use it. Several store.Open calls on the
// URL act as several instances sharing one database.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := baseURL()
	pgOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		db, err := sqlx.Open("pgx", base)
		if err == nil {
			err = db.PingContext(ctx)
			db.Close()
		}
		pgErr = err
	})
	if pgErr != nil {
		if RequirePostgres() {
			t.Fatalf("PostgreSQL is required (HALLCAST_TEST_REQUIRE_POSTGRES=1) but %s is unreachable: %v", base, pgErr)
		}
		t.Skipf("PostgreSQL not reachable at %s (%v): install and start PostgreSQL or set HALLCAST_TEST_POSTGRES_URL to run these tests", base, pgErr)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sqlx.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("postgres: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Logf("postgres: drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("postgres URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// EachDialect runs fn as subtests "sqlite" and "postgres" for tests that
// open their own databases (whole servers, several instances).
func EachDialect(t *testing.T, fn func(t *testing.T, d store.Dialect)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, store.SQLite) })
	t.Run("postgres", func(t *testing.T) {
		PostgresURL(t) // skips or fails when PostgreSQL is unreachable
		fn(t, store.Postgres)
	})
}
