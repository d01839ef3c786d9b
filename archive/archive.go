// Package archive holds the self-query archives of the hall (档案自助查询,
// subsidy query points): datasets defined by an admin, streaming imports of
// XLSX and CSV files (UTF-8 or GBK) with per-row reports, and the keyed
// lookup that kiosks use.
//
// Lookup secrets such as ID numbers are never stored: each record keeps an
// HMAC of its query keys (with a key kept outside the database) and the
// masked values it shows. Losing the database alone does not reveal who is
// in it. Kiosk lookups are rate limited, slowed and then locked after
// repeated misses, padded so that a hit and a miss look alike, and audited
// without the keys.
package archive

import (
	"embed"
	"io/fs"

	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the archive schema.
var Migrations = store.Migrations{Component: "archive", FS: mustSub(migrationFS, "migrations")}

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return s
}

// Topic is the change-bus topic published when a dataset or its data
// changes; the event ID is the dataset.
const Topic = "archive"
