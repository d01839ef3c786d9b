//go:build !linux

package server

import "errors"

// diskFree is only known on Linux, where hallcast runs.
func diskFree(string) (free, total uint64, err error) {
	return 0, 0, errors.New("disk space is only checked on Linux")
}
