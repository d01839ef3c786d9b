package store_test

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

type thing struct {
	ID   int64     `db:"id"`
	Name string    `db:"name"`
	At   time.Time `db:"at"`
	OK   bool      `db:"ok"`
}

func TestQueriesRoundTripOnBothDialects(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		shanghai, _ := time.LoadLocation("Asia/Shanghai")
		at := time.Date(2026, 2, 13, 9, 0, 0, 123456789, shanghai)
		var id int64
		err := db.Tx(ctx, func(tx *store.Tx) error {
			return tx.Get(ctx, &id, "INSERT INTO things (name, at, ok) VALUES (?, ?, ?) RETURNING id", "公告", at, true)
		})
		if err != nil {
			t.Fatal(err)
		}
		var got thing
		if err := db.Get(ctx, &got, "SELECT id, name, at, ok FROM things WHERE id = ?", id); err != nil {
			t.Fatal(err)
		}
		if got.Name != "公告" || !got.OK || !got.At.Equal(at.Truncate(time.Microsecond)) {
			t.Fatalf("read back %+v, want name 公告, ok, at %v", got, at)
		}
		// Times compare correctly in SQL whatever zone they were written in.
		var n int
		if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM things WHERE at <= ?", at.UTC().Add(time.Second)); err != nil || n != 1 {
			t.Fatalf("at <= later: %d, %v", n, err)
		}
		if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM things WHERE at > ?", at.Add(time.Millisecond)); err != nil || n != 0 {
			t.Fatalf("at > later: %d, %v", n, err)
		}
		err = db.Get(ctx, &got, "SELECT id, name, at, ok FROM things WHERE id = ?", id+100)
		if !store.IsNotFound(err) {
			t.Fatalf("missing row: %v", err)
		}
	}, sampleMigrations(1))
}

func TestTxRollsBackAndHoldsEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sub := db.Bus().Subscribe("thing")
		defer sub.Close()
		boom := errors.New("boom")
		err := db.Tx(ctx, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, "INSERT INTO things (name, at) VALUES (?, ?)", "x", time.Now()); err != nil {
				return err
			}
			tx.Publish(store.Event{Topic: "thing", ID: 1})
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		var n int
		if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM things"); err != nil || n != 0 {
			t.Fatalf("rows after rollback = %d, %v", n, err)
		}
		select {
		case ev := <-sub.C:
			t.Fatalf("event from a rolled back transaction: %+v", ev)
		default:
		}
		var hooked atomic.Bool
		if err := db.Tx(ctx, func(tx *store.Tx) error {
			tx.Publish(store.Event{Topic: "thing", ID: 2})
			tx.AfterCommit(func() {
				// The hook runs before the event goes out.
				select {
				case ev := <-sub.C:
					t.Errorf("event %+v published before the after-commit hook ran", ev)
				case <-time.After(50 * time.Millisecond):
				}
				hooked.Store(true)
			})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !hooked.Load() {
			t.Fatal("the after-commit hook did not run before Tx returned")
		}
		select {
		case ev := <-sub.C:
			if ev.ID != 2 {
				t.Fatalf("event = %+v", ev)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no event after commit")
		}
	}, sampleMigrations(1))
}

func TestSQLiteReaderIsReadOnly(t *testing.T) {
	db := storetest.SQLite(t, sampleMigrations(1))
	ctx := context.Background()
	var id int64
	err := db.Get(ctx, &id, "INSERT INTO things (name, at) VALUES (?, ?) RETURNING id", "x", time.Now())
	if err == nil {
		t.Fatal("a write through the read pool succeeded; writes must go through the single writer")
	}
}

// The hot reader pool sees committed writes; on SQLite it is read-only and
// has no more connections than CPUs.
func TestHotReaderReadsCommittedRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Exec(ctx, "INSERT INTO things (name, at, ok) VALUES (?, ?, ?)", "热读", time.Now(), true); err != nil {
			t.Fatal(err)
		}
		var name string
		if err := db.HotReader().GetContext(ctx, &name, db.Rebind("SELECT name FROM things WHERE name = ?"), "热读"); err != nil || name != "热读" {
			t.Fatalf("hot read: %q %v", name, err)
		}
		if db.Dialect() != store.SQLite {
			return
		}
		if n := db.HotReader().Stats().MaxOpenConnections; n < 1 || n > runtime.GOMAXPROCS(0) {
			t.Fatalf("hot pool of %d connections, want 1 to %d", n, runtime.GOMAXPROCS(0))
		}
		if _, err := db.HotReader().ExecContext(ctx, "DELETE FROM things"); err == nil {
			t.Fatal("the hot pool wrote")
		}
	}, sampleMigrations(1))
}
