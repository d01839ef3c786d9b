package disclosure_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// firstMigration is the disclosure schema as it was released first.
func firstMigration(t *testing.T) store.Migrations {
	m := fstest.MapFS{}
	for _, dir := range []string{"sqlite", "postgres"} {
		b, err := fs.ReadFile(disclosure.Migrations.FS, dir+"/0001_disclosure.sql")
		if err != nil {
			t.Fatal(err)
		}
		m[dir+"/0001_disclosure.sql"] = &fstest.MapFile{Data: b}
	}
	return store.Migrations{Component: "disclosure", FS: m}
}

// Requests stored before channels and categories existed came from
// kiosks; persons become 自然人, organisations 其他.
func TestMigrationFillsChannelAndCategory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Migrate(ctx, audit.Migrations, auth.Migrations, device.Migrations, firstMigration(t)); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
		for i, typ := range []string{"person", "organisation"} {
			if _, err := db.Exec(ctx, `INSERT INTO disclosure_requests (tracking_no, applicant_type, name, phone, phone_last4, description,
				form, delivery, status, created_at, updated_at) VALUES (?, ?, '某', '13812345678', '5678', '某文件', 'paper', 'pickup', 'processing', ?, ?)`,
				"26030200000"+string(rune('1'+i)), typ, at, at); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := db.Migrate(ctx, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations); err != nil || n < 1 {
			t.Fatalf("upgrade: %d applied, %v", n, err)
		}
		var rows []struct {
			Type     string `db:"applicant_type"`
			Category string `db:"applicant_category"`
			Channel  string `db:"channel"`
		}
		if err := db.Select(ctx, &rows, "SELECT applicant_type, applicant_category, channel FROM disclosure_requests ORDER BY id"); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].Category != "natural_person" || rows[1].Category != "other" || rows[0].Channel != "kiosk" || rows[1].Channel != "kiosk" {
			t.Fatalf("after the upgrade: %+v", rows)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations)
}
