//go:build linux

package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// renice gives every thread of this process the nice level n (on Linux
// a nice level belongs to a thread; threads started later inherit it
// from the thread that starts them). At 19 the load process takes only
// the CPU time the server leaves: the kernel stamps each frame's arrival,
// so a screen read a little later still counts from when it arrived.
func renice(n int) error {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return fmt.Errorf("renice: %w", err)
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, tid, n); err != nil && err != syscall.ESRCH {
			return fmt.Errorf("renice thread %d to %d: %w", tid, n, err)
		}
	}
	return nil
}
