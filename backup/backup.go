// Package backup makes the nightly copies of the embedded SQLite database
// (its main file and its records file) in the data folder and keeps a
// configured number of them.
package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/store"
)

const prefix, suffix = "hallcast-", ".db"

// stampLen is the length of YYYYMMDD-HHMMSS in a backup's name.
const stampLen = len("20060102-150405")

// Result says what one backup did: Path is the main file, Files every
// file of the copy (the main file and the records file), Size their sum.
type Result struct {
	Path    string   `json:"path"`
	Files   []string `json:"files"`
	Size    int64    `json:"size"`
	Removed []string `json:"removed,omitempty"`
}

// Run copies the database into dir as hallcast-YYYYMMDD-HHMMSS.db and
// hallcast-YYYYMMDD-HHMMSS-records.db (in the zone of now), checks that
// the two agree (archive.CheckBackup), and deletes the oldest copies
// beyond keep.
func Run(ctx context.Context, db *store.DB, dir string, keep int, now time.Time) (*Result, error) {
	if keep < 1 {
		return nil, fmt.Errorf("backup: keep must be at least 1")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("backup: unable to create %s: %w", dir, err)
	}
	path := filepath.Join(dir, prefix+now.Format("20060102-150405")+suffix)
	if err := db.Backup(ctx, path, archive.CheckBackup); err != nil {
		return nil, err
	}
	res := &Result{Path: path, Files: []string{path, store.AttachedPath(path, store.RecordsSchema)}}
	for _, f := range res.Files {
		if err := os.Chmod(f, 0o640); err != nil {
			return nil, fmt.Errorf("backup: %w", err)
		}
		st, err := os.Stat(f)
		if err != nil {
			return nil, fmt.Errorf("backup: %w", err)
		}
		res.Size += st.Size()
	}
	var err error
	res.Removed, err = prune(dir, keep)
	return res, err
}

// prune removes all but the newest keep backups, each with all its files
// (names sort by time).
func prune(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("backup: unable to list %s: %w", dir, err)
	}
	byStamp := map[string][]string{}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, suffix) || len(n) < len(prefix)+stampLen+len(suffix) {
			continue
		}
		stamp := n[len(prefix) : len(prefix)+stampLen]
		byStamp[stamp] = append(byStamp[stamp], n)
	}
	stamps := make([]string, 0, len(byStamp))
	for s := range byStamp {
		stamps = append(stamps, s)
	}
	sort.Strings(stamps)
	var removed []string
	for len(stamps) > keep {
		names := byStamp[stamps[0]]
		sort.Strings(names)
		for _, n := range names {
			p := filepath.Join(dir, n)
			if err := os.Remove(p); err != nil {
				return removed, fmt.Errorf("backup: unable to remove %s: %w", p, err)
			}
			removed = append(removed, p)
		}
		stamps = stamps[1:]
	}
	return removed, nil
}
