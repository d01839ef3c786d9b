package archive

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// workDir is this process's folder in the upload folder, run-<token>: the
// files it is importing, excelize's temporary files, and a lock file it
// holds while it lives. Another process on this machine that finds the
// lock free knows this one is gone, at once, without waiting for the
// lease of its imports to run out (see recover.go).
type workDir struct {
	token string
	dir   string // "" without an upload folder
	lock  *os.File
}

const (
	runPrefix = "run-"
	lockName  = "lock"
)

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// openWorkDir creates the folder and takes its lock. The lock file is
// locked under a temporary name and then renamed, so that no other process
// ever sees it unlocked while this one lives.
func openWorkDir(upload string) (*workDir, error) {
	w := &workDir{token: newToken()}
	if upload == "" {
		return w, nil
	}
	w.dir = filepath.Join(upload, runPrefix+w.token)
	if err := os.MkdirAll(w.dir, 0o700); err != nil {
		return nil, fmt.Errorf("archive: unable to create the upload folder: %w", err)
	}
	tmp := filepath.Join(w.dir, lockName+".new")
	lock, err := lockFile(tmp)
	if err == nil {
		err = os.Rename(tmp, filepath.Join(w.dir, lockName))
	}
	if err != nil {
		os.RemoveAll(w.dir)
		return nil, fmt.Errorf("archive: unable to lock the upload folder: %w", err)
	}
	w.lock = lock
	return w, nil
}

// close releases the lock and removes the folder (no import runs).
func (w *workDir) close() {
	if w.dir == "" {
		return
	}
	os.RemoveAll(w.dir)
	w.lock.Close()
}

// path returns where a file of this process named name is.
func (w *workDir) path(name string) string { return filepath.Join(w.dir, name) }

// ownerDir returns the work folder of the process with token in the
// upload folder, or "" for a token that cannot be one.
func ownerDir(upload, token string) string {
	if upload == "" || len(token) != 24 || strings.Trim(token, "0123456789abcdef") != "" {
		return ""
	}
	return filepath.Join(upload, runPrefix+token)
}

// ownerGone reports whether the process with token certainly ended: its
// work folder is in this upload folder and nobody holds its lock.
func ownerGone(upload, token string) bool {
	dir := ownerDir(upload, token)
	return dir != "" && lockFree(filepath.Join(dir, lockName))
}
