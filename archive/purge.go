package archive

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// purgeChunk is how many source rows one delete transaction covers.
const purgeChunk = 20000

// purgeEvery is how often the background purge looks for work besides
// being kicked after imports and deletions.
const purgeEvery = time.Minute

// purgeImport deletes the records of an import that is no longer live, a
// chunk per transaction so other writers are not held up, and marks it
// purged.
func (s *Service) purgeImport(ctx context.Context, importID int64) error {
	var last int64
	if err := s.db.Get(ctx, &last, "SELECT COALESCE(MAX(source_row), 0) FROM archive_records WHERE import_id = ?", importID); err != nil {
		return fmt.Errorf("archive: unable to purge import %d: %w", importID, err)
	}
	for lo := int64(0); lo <= last; lo += purgeChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := s.db.Exec(ctx, "DELETE FROM archive_records WHERE import_id = ? AND source_row >= ? AND source_row < ?", importID, lo, lo+purgeChunk); err != nil {
			return fmt.Errorf("archive: unable to purge import %d: %w", importID, err)
		}
	}
	if _, err := s.db.Exec(ctx, "UPDATE archive_imports SET purged = TRUE WHERE id = ? AND state NOT IN ('running', 'live')", importID); err != nil {
		return fmt.Errorf("archive: unable to purge import %d: %w", importID, err)
	}
	return nil
}

// purgeLeftovers removes, before a new import, the rows that failed or
// cancelled imports of the dataset left (a crash can leave them): they
// would otherwise count as duplicates.
func (s *Service) purgeLeftovers(ctx context.Context, datasetID int64) error {
	return s.purgeWhere(ctx, "dataset_id = ? AND state IN ('failed', 'cancelled')", datasetID)
}

// purgeWhere purges every import matching cond that is not running or
// live and not yet purged.
func (s *Service) purgeWhere(ctx context.Context, cond string, args ...any) error {
	var ids []int64
	if err := s.db.Select(ctx, &ids, "SELECT id FROM archive_imports WHERE purged = FALSE AND state NOT IN ('running', 'live') AND "+cond, args...); err != nil {
		return fmt.Errorf("archive: unable to find imports to purge: %w", err)
	}
	for _, id := range ids {
		if err := s.purgeImport(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) kickPurge() {
	select {
	case s.purgeKick <- struct{}{}:
	default:
	}
}

// purgeLoop sets archive_live from the imports' states, ends imports
// whose process is gone and deletes left-over uploads (after the first
// round: the owner of the service calls Recover at start), and purges the
// records of replaced, failed, cancelled and deleted imports.
func (s *Service) purgeLoop() {
	defer s.jobs.Done()
	ctx := s.jobsCtx
	t := time.NewTicker(purgeEvery)
	defer t.Stop()
	for round := 0; ; round++ {
		if err := s.reconcileLive(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("archive: purge", "err", err)
		}
		if round > 0 {
			if err := s.Recover(ctx); err != nil && ctx.Err() == nil {
				s.log.Error("archive: purge", "err", err)
			}
		}
		if err := s.purgeWhere(ctx, "1 = 1"); err != nil && ctx.Err() == nil {
			s.log.Error("archive: purge", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.purgeKick:
		}
	}
}

// reconcileLive makes archive_live list exactly the live imports. The
// import commit keeps the two together, but on SQLite they are in two
// files whose commits are not atomic together: a crash between them
// leaves archive_live behind, until this runs (at start, then with each
// purge round). It reads the main file and writes only the records file,
// and changes nothing when they agree.
func (s *Service) reconcileLive(ctx context.Context) error {
	return s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM archive_live WHERE import_id NOT IN (SELECT id FROM archive_imports WHERE state = 'live')`); err != nil {
			return fmt.Errorf("archive: unable to list the live imports: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO archive_live (import_id, dataset_id) SELECT id, dataset_id FROM archive_imports i
			WHERE state = 'live' AND NOT EXISTS (SELECT 1 FROM archive_live l WHERE l.import_id = i.id)`); err != nil {
			return fmt.Errorf("archive: unable to list the live imports: %w", err)
		}
		return nil
	})
}
