// Package backup makes the nightly copies of the embedded SQLite database
// in the data folder and keeps a configured number of them.
package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

const prefix, suffix = "hallcast-", ".db"

// Result says what one backup did.
type Result struct {
	Path    string   `json:"path"`
	Size    int64    `json:"size"`
	Removed []string `json:"removed,omitempty"`
}

// Run copies the database into dir as hallcast-YYYYMMDD-HHMMSS.db (in the
// zone of now) and deletes the oldest copies beyond keep.
func Run(ctx context.Context, db *store.DB, dir string, keep int, now time.Time) (*Result, error) {
	if keep < 1 {
		return nil, fmt.Errorf("backup: keep must be at least 1")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("backup: unable to create %s: %w", dir, err)
	}
	path := filepath.Join(dir, prefix+now.Format("20060102-150405")+suffix)
	if err := db.Backup(ctx, path); err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o640); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	res := &Result{Path: path, Size: st.Size()}
	res.Removed, err = prune(dir, keep)
	return res, err
}

// prune removes all but the newest keep backups (names sort by time).
func prune(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("backup: unable to list %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var removed []string
	for len(names) > keep {
		p := filepath.Join(dir, names[0])
		if err := os.Remove(p); err != nil {
			return removed, fmt.Errorf("backup: unable to remove %s: %w", p, err)
		}
		removed = append(removed, p)
		names = names[1:]
	}
	return removed, nil
}
