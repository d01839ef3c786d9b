package web

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// RetryAfterUnavailable is the Retry-After, in seconds, of a 503 for a
// database that is down or a disk that is full.
const RetryAfterUnavailable = 30

// Unavailable reports a service that cannot work now but may soon (HTTP
// 503 with Retry-After).
func Unavailable(format string, args ...any) *Error {
	e := Invalid("", CodeUnavailable, format, args...)
	e.Status, e.RetryAfter = http.StatusServiceUnavailable, RetryAfterUnavailable
	return e
}

// unavailable maps the errors of a database that is down or of a full
// disk to a 503, or returns nil: the client did nothing wrong, the request
// may succeed later, and a load balancer may try another instance.
func unavailable(err error) *Error {
	switch {
	case diskFull(err):
		return Unavailable("the server's disk is full; try again later")
	case databaseDown(err):
		return Unavailable("the database is unavailable; try again shortly")
	}
	return nil
}

func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return true
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "53100" // disk_full
}

func databaseDown(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM,
			sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN:
			return true
		}
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// 08: connection exception; 53: insufficient resources; 57P01-03:
		// the server shuts down or starts; 58030: I/O error.
		return strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "53") ||
			pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03" || pe.Code == "58030"
	}
	var ce *pgconn.ConnectError
	var ne *net.OpError
	return errors.As(err, &ce) || errors.As(err, &ne) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, pgconn.ErrConnClosed) ||
		errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EROFS) ||
		strings.Contains(err.Error(), "sql: database is closed") || strings.Contains(err.Error(), "closed pool")
}
