package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Leases: a running import renews its lease every leaseEvery (and looks
// for a cancel request then: a cancel takes effect within about that
// long); an import whose lease ran out leaseFor ago is taken for dead by
// any instance.
const (
	leaseEvery = 500 * time.Millisecond
	leaseFor   = 15 * time.Second
)

// legacyStale is how long a running import of an older version (without
// an owner) may go without progress before it is taken for dead.
const legacyStale = 5 * time.Minute

// uploadGrace is how old a file in the upload folder that no running
// import reads must be before it is deleted (an upload being received is
// younger).
const uploadGrace = 10 * time.Minute

// Error messages of imports ended for their process.
const (
	msgInterrupted = "interrupted by a restart: the process running the import stopped"
	msgCancelled   = "cancelled; the process running the import had stopped"
)

// ghost is a running import as recovery sees it.
type ghost struct {
	ID         int64      `db:"id"`
	Owner      string     `db:"owner"`
	LeaseUntil *time.Time `db:"lease_until"`
	ProgressAt time.Time  `db:"progress_at"`
	UploadFile string     `db:"upload_file"`
	Cancel     bool       `db:"cancel"`
}

// recoverImports ends the running imports (matching cond) whose process is
// gone: cancelled if an admin asked, failed otherwise. A process is gone
// when its lock in this upload folder is free (it ran on this machine and
// ended: found at once after a restart), when its lease ran out (any
// machine), or, for an older version's import, when it made no progress
// for legacyStale. Their uploaded files are deleted and their rows purged.
func (s *Service) recoverImports(ctx context.Context, cond string, args ...any) error {
	var list []ghost
	if err := s.db.Select(ctx, &list, "SELECT id, owner, lease_until, progress_at, upload_file, cancel FROM archive_imports WHERE state = 'running' AND "+cond, args...); err != nil {
		return fmt.Errorf("archive: unable to find interrupted imports: %w", err)
	}
	now := s.now()
	ended := 0
	for _, g := range list {
		gone := g.Owner != s.work.token && (ownerGone(s.upload, g.Owner) ||
			g.LeaseUntil != nil && g.LeaseUntil.Before(now) ||
			g.Owner == "" && g.ProgressAt.Before(now.Add(-legacyStale)))
		if !gone {
			continue
		}
		state, msg := StateFailed, msgInterrupted
		if g.Cancel {
			state, msg = StateCancelled, msgCancelled
		}
		res, err := s.db.Exec(ctx, `UPDATE archive_imports SET state = ?, error = ?, finished_at = ?, eta_seconds = 0
			WHERE id = ? AND state = 'running' AND owner = ?`, state, msg, now, g.ID, g.Owner)
		if err != nil {
			return fmt.Errorf("archive: unable to end interrupted import %d: %w", g.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue // it ended meanwhile
		}
		ended++
		s.log.Warn("archive: an import was interrupted: its process is gone", "import", g.ID, "state", state)
		if dir := ownerDir(s.upload, g.Owner); dir != "" && g.UploadFile != "" && filepath.Base(g.UploadFile) == g.UploadFile {
			if err := os.Remove(filepath.Join(dir, g.UploadFile)); err != nil && !os.IsNotExist(err) {
				s.log.Error("archive: unable to delete the upload of an interrupted import", "import", g.ID, "err", err)
			}
		}
	}
	if ended > 0 {
		s.kickPurge()
	}
	return nil
}

// sweepUploads deletes what processes that are gone left in the upload
// folder: the work folders of other processes whose lock is free (their
// uploads and excelize's temporary files), files of older versions in the
// folder itself, and files in this process's folder that no running
// import reads, once older than uploadGrace.
func (s *Service) sweepUploads(ctx context.Context) error {
	if s.upload == "" {
		return nil
	}
	entries, err := os.ReadDir(s.upload)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("archive: unable to read the upload folder: %w", err)
	}
	// Files carry the machine's time: their age is measured on it, not on
	// the service's clock (which tests set to another date).
	before := time.Now().Add(-uploadGrace)
	old := func(path string) bool {
		st, err := os.Stat(path)
		return err == nil && st.ModTime().Before(before)
	}
	for _, e := range entries {
		path := filepath.Join(s.upload, e.Name())
		switch {
		case e.IsDir() && strings.HasPrefix(e.Name(), runPrefix) && path != s.work.dir:
			_, err := os.Stat(filepath.Join(path, lockName))
			if lockFree(filepath.Join(path, lockName)) || os.IsNotExist(err) && old(path) {
				s.remove(path)
			}
		case !e.IsDir() && (strings.HasPrefix(e.Name(), "archive-") || strings.HasPrefix(e.Name(), "excelize-")) && old(path):
			s.remove(path)
		}
	}
	return s.sweepOwn(ctx, before)
}

// sweepOwn deletes the uploads in this process's folder that no running
// import of it reads and that are older than before (an upload whose
// import could not delete it), and excelize's temporary files while no
// import of this process runs.
func (s *Service) sweepOwn(ctx context.Context, before time.Time) error {
	if s.work.dir == "" {
		return nil
	}
	var reading []string
	if err := s.db.Select(ctx, &reading, "SELECT upload_file FROM archive_imports WHERE state = 'running' AND owner = ?", s.work.token); err != nil {
		return fmt.Errorf("archive: unable to list the running imports: %w", err)
	}
	entries, err := os.ReadDir(s.work.dir)
	if err != nil {
		return fmt.Errorf("archive: unable to read the upload folder: %w", err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.Name() == lockName || !info.ModTime().Before(before) || slices.Contains(reading, e.Name()) ||
			strings.HasPrefix(e.Name(), "excelize-") && len(reading) > 0 {
			continue
		}
		s.remove(s.work.path(e.Name()))
	}
	return nil
}

func (s *Service) remove(path string) {
	if err := os.RemoveAll(path); err != nil {
		s.log.Error("archive: unable to delete a left-over upload", "path", path, "err", err)
		return
	}
	s.log.Info("archive: deleted a left-over upload", "path", filepath.Base(path))
}
