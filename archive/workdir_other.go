//go:build !unix

package archive

import "os"

// lockFile creates path; without flock, other processes rely on the lease
// of the imports alone.
func lockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}

// lockFree cannot tell without flock.
func lockFree(string) bool { return false }
