//go:build linux

package main

import (
	"net"
	"syscall"
	"testing"
	"time"
)

// TestArrivalIsTheKernelsReceiveTime reads a frame well after it arrived
// and expects the time it arrived, not the time it was read.
func TestArrivalIsTheKernelsReceiveTime(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_TIMESTAMPNS, 1); err != nil {
		t.Fatal(err)
	}
	a := ln.Addr().(*net.TCPAddr)
	sa := &syscall.SockaddrInet4{Port: a.Port}
	copy(sa.Addr[:], a.IP.To4())
	if err := connect(fd, sa); err != nil {
		t.Fatal(err)
	}
	peer, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()

	// The kernel turns receive stamping on a moment after the first
	// socket asks for it (a deferred static key): the screens of a load
	// run are connected long before any broadcast, and here one frame
	// read after a pause stands for that.
	buf, oob := make([]byte, 64), make([]byte, 128)
	if _, err := peer.Write([]byte{0x81, 0}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if _, _, _, _, err := syscall.Recvmsg(fd, buf, oob, 0); err != nil {
		t.Fatal(err)
	}

	before := time.Now()
	if _, err := peer.Write([]byte{0x81, 2, 'h', 'i'}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // on loopback the bytes are in the socket once Write returns
	sent := time.Now().Add(-100 * time.Millisecond)
	n, oobn, _, _, err := syscall.Recvmsg(fd, buf, oob, 0)
	if err != nil || n != 4 {
		t.Fatalf("recvmsg: %d bytes, %v", n, err)
	}
	got := arrival(oob[:oobn])
	if got.Before(before.Add(-time.Second)) || got.After(sent) {
		t.Fatalf("arrival %s: want between %s and %s (the read came 100 ms later)", got.Format(time.StampMicro), before.Format(time.StampMicro), sent.Format(time.StampMicro))
	}
	if now := arrival(nil); time.Since(now) > time.Second {
		t.Fatalf("no control message: got %s, want now", now)
	}
}
