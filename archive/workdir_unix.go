//go:build unix

package archive

import (
	"os"
	"syscall"
)

// lockFile creates path and takes an exclusive lock on it, held until the
// file is closed or the process ends (the kernel releases it on kill -9).
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// lockFree reports whether the lock file at path exists and nobody holds
// its lock.
func lockFree(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false // EWOULDBLOCK: its process lives
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true
}
