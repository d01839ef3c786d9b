package archive_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

var (
	shanghai, _ = time.LoadLocation("Asia/Shanghai")
	admin       = audit.Actor{Name: "test-admin", IP: "127.0.0.1"}
	sets        = []store.Migrations{audit.Migrations, settings.Migrations, lockout.Migrations, archive.Migrations}
)

// fixture is a service on a test database with a fake clock.
type fixture struct {
	t     *testing.T
	db    *store.DB
	svc   *archive.Service
	clock *clock.Fake
	set   *settings.Service
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	key, err := archive.NewKey(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		t.Fatal(err)
	}
	fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai))
	set := settings.New(db, fake)
	svc := archive.New(archive.Options{DB: db, Key: key, Settings: set, Clock: fake, Location: shanghai, UploadDir: t.TempDir()})
	t.Cleanup(svc.Close)
	return &fixture{t: t, db: db, svc: svc, clock: fake, set: set}
}

// dataset creates the generator's subsidy dataset.
func (f *fixture) dataset(name string) *archive.Dataset {
	f.t.Helper()
	d, err := f.svc.CreateDataset(context.Background(), admin, archivegen.Dataset(name))
	if err != nil {
		f.t.Fatalf("create dataset: %v", err)
	}
	return d
}

// importFile imports a file and returns the recorded import.
func (f *fixture) importFile(d *archive.Dataset, mode archive.Mode, path string) (*archive.Import, error) {
	f.t.Helper()
	ctx := context.Background()
	job, err := f.svc.StartImport(ctx, archive.ImportRequest{DatasetID: d.ID, Mode: mode, Path: path, FileName: filepath.Base(path), Actor: admin})
	if err != nil {
		return nil, err
	}
	return job.Run(ctx)
}

// mustImport imports a file that must succeed.
func (f *fixture) mustImport(d *archive.Dataset, mode archive.Mode, path string) *archive.Import {
	f.t.Helper()
	im, err := f.importFile(d, mode, path)
	if err != nil {
		f.t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return im
}

// lookup asks as a test lookup (no lockout).
func (f *fixture) lookup(d *archive.Dataset, keys map[string]string) *archive.Result {
	f.t.Helper()
	res, err := f.svc.Lookup(context.Background(), archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: "admin:test", Test: true})
	if err != nil {
		f.t.Fatalf("lookup: %v", err)
	}
	return res
}

// writeFile writes content to a file in a temporary folder.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// gbk encodes UTF-8 text (lines joined with \r\n, as Excel writes) as GBK.
func gbk(t *testing.T, lines ...string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Join(lines, "\r\n") + "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// csvFile writes generated rows as a CSV file.
func csvFile(t *testing.T, seed uint64, rows int, isGBK bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := archivegen.New(seed).WriteCSV(&b, rows, isGBK); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "rows.csv", b.Bytes())
}

// fullWidth turns ASCII digits and X into their full-width forms.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			r = '０' + (r - '0')
		case r == 'X':
			r = 'Ｘ'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// protect changes the protection settings from their defaults; tests
// turn the response padding off so they stay quick.
func (f *fixture) protect(change func(p *archive.Protection)) {
	f.t.Helper()
	p := archive.DefaultProtection()
	p.MinResponseMS = 0
	if change != nil {
		change(&p)
	}
	raw, _ := json.Marshal(p)
	if err := f.set.Set(context.Background(), admin, archive.SettingProtection, raw); err != nil {
		f.t.Fatal(err)
	}
}
