package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/jmoiron/sqlx"
	"modernc.org/sqlite"
)

// RecordsSchema is the SQLite schema, a file of its own attached to every
// connection, of the large read-mostly tables (the archive's records).
// Only imports and purges write it: on SQLite a commit empties the page
// cache (and drops the memory map) of every connection's copy of the file
// it changed, so with the records beside the busy tables every audit
// commit made each lookup reader read the records' B-trees again. In
// their own file they stay cached and memory-mapped between imports.
// Unqualified table names resolve to whichever schema holds the table, so
// queries name tables as usual; migrations create them with the prefix.
// On PostgreSQL there is no such schema.
const RecordsSchema = "records"

// recordsMmap is the memory map of the records file on reader connections
// (SQLite caps it at its compile-time limit, 2 GiB by default).
const recordsMmap = 1 << 31

// AttachedPath is the file of an attached schema beside the main SQLite
// file: data/hallcast.db → data/hallcast-records.db.
func AttachedPath(mainPath, schema string) string {
	ext := filepath.Ext(mainPath)
	return strings.TrimSuffix(mainPath, ext) + "-" + schema + ext
}

// sqliteConnector opens modernc.org/sqlite connections and attaches the
// records file to each before database/sql hands it out.
type sqliteConnector struct {
	driver.Connector
	setup []setupStatement
}

// setupStatement is run on each new connection.
type setupStatement struct {
	query string
	args  []driver.NamedValue
}

func (c *sqliteConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	ex, ok := conn.(driver.ExecerContext)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("store: the sqlite driver cannot run statements on a new connection")
	}
	for _, st := range c.setup {
		if _, err := ex.ExecContext(ctx, st.query, st.args); err != nil {
			conn.Close()
			return nil, fmt.Errorf("store: %s: %w", st.query, err)
		}
	}
	return conn, nil
}

// openSQLitePool opens a pool on path whose connections have the records
// file attached; readers also map it into memory.
func openSQLitePool(path string, readOnly bool) (*sqlx.DB, error) {
	base, err := sqlite.NewConnector(sqliteDSN(path, readOnly))
	if err != nil {
		return nil, fmt.Errorf("store: unable to open %s: %w", path, err)
	}
	c := &sqliteConnector{Connector: base}
	add := func(q string, args ...driver.NamedValue) {
		c.setup = append(c.setup, setupStatement{query: q, args: args})
	}
	add("ATTACH DATABASE ? AS "+RecordsSchema, driver.NamedValue{Ordinal: 1, Value: AttachedPath(path, RecordsSchema)})
	add("PRAGMA " + RecordsSchema + ".synchronous = NORMAL")
	if readOnly {
		add(fmt.Sprintf("PRAGMA %s.mmap_size = %d", RecordsSchema, recordsMmap))
	}
	return sqlx.NewDb(sql.OpenDB(c), "sqlite"), nil
}

// pairFiles makes sure the records file is the one that belongs to the
// main file: both hold the same random id, written when neither has one
// (a new database, or one from before the records had a file of their
// own). A main file restored from a backup without its records file, or
// beside another database's, is refused before anything is changed, so
// that the migrations never merge or drop the wrong records.
func pairFiles(ctx context.Context, write *sqlx.DB, path string) error {
	ids := map[string]string{}
	for _, schema := range []string{"main", RecordsSchema} {
		if _, err := write.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+schema+".store_pair (id TEXT NOT NULL)"); err != nil {
			return fmt.Errorf("store: unable to open %s: %w", path, err)
		}
		var id string
		err := write.GetContext(ctx, &id, "SELECT id FROM "+schema+".store_pair LIMIT 1")
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unable to open %s: %w", path, err)
		}
		ids[schema] = id
	}
	records := AttachedPath(path, RecordsSchema)
	switch main, rec := ids["main"], ids[RecordsSchema]; {
	case main == "" && rec == "":
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return fmt.Errorf("store: unable to open %s: %w", path, err)
		}
		id := hex.EncodeToString(b)
		tx, err := write.BeginTxx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: unable to open %s: %w", path, err)
		}
		defer tx.Rollback()
		for _, schema := range []string{RecordsSchema, "main"} {
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+schema+".store_pair (id) VALUES (?)", id); err != nil {
				return fmt.Errorf("store: unable to open %s: %w", path, err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: unable to open %s: %w", path, err)
		}
		return nil
	case main == rec:
		return nil
	case rec == "":
		return fmt.Errorf("store: %s is missing or new, but %s has a records file: put its records file back (a backup's has the same time in its name), or restore both files of a backup (nothing was changed)", records, path)
	default:
		return fmt.Errorf("store: %s belongs to another database than %s: restore both files of the same backup (nothing was changed)", records, path)
	}
}
