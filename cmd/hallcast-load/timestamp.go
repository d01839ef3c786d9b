//go:build linux

package main

import (
	"syscall"
	"time"
	"unsafe"
)

// A screen's socket has SO_TIMESTAMPNS on: the kernel notes when each
// segment arrived, and recvmsg returns that time of the last segment it
// read. A frame counts as delivered then, not when this process gets
// round to reading it. On a real hall network every screen is its own
// computer and reads at once; here 19,000 screens share one process and
// the two CPUs the server needs, so the time a frame waits in a socket
// for this loop says how busy the load process is, not how fast the
// server delivered.

// arrival returns the receive time carried by oob (the control messages
// of a recvmsg), or now when it carries none.
func arrival(oob []byte) time.Time {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return time.Now()
	}
	for _, m := range msgs {
		if m.Header.Level == syscall.SOL_SOCKET && m.Header.Type == syscall.SCM_TIMESTAMPNS && len(m.Data) >= int(unsafe.Sizeof(syscall.Timespec{})) {
			ts := (*syscall.Timespec)(unsafe.Pointer(&m.Data[0]))
			return time.Unix(ts.Unix())
		}
	}
	return time.Now()
}
