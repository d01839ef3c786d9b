//go:build linux

package main

import (
	"bytes"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"syscall"
	"time"
)

// The screens are raw sockets served by a few epoll loops rather than
// gorilla connections with a goroutine each: on this two-core machine the
// load process shares the CPUs with the server it measures, and a
// goroutine wake-up, gorilla's reader and a crypto/rand mask key per frame
// cost the load side more than the server spends per delivery. A screen
// needs little of the protocol: the opening handshake, the server's
// unmasked frames, and masked acks and pongs of its own.

// wsGUID is the key suffix of RFC 6455 §1.3.
const wsGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// target is the server's address and the WebSocket path.
type target struct {
	addr syscall.SockaddrInet4
	host string
	path string
}

func parseTarget(base string) (target, error) {
	u, err := url.Parse(base)
	if err != nil {
		return target{}, fmt.Errorf("--url: %w", err)
	}
	ta, err := net.ResolveTCPAddr("tcp4", u.Host)
	if err != nil {
		return target{}, fmt.Errorf("--url: %w", err)
	}
	t := target{host: u.Host, path: u.Path + "/ws"}
	copy(t.addr.Addr[:], ta.IP.To4())
	t.addr.Port = ta.Port
	return t, nil
}

// dialScreen opens a blocking socket from source address src, completes
// the WebSocket handshake with the screen's token and returns the socket,
// now non-blocking, and whatever the server sent after its response
// (often the hello frame already).
func dialScreen(t target, src byte, token string, slow bool) (int, []byte, error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, nil, fmt.Errorf("socket: %w", err)
	}
	fail := func(what string, err error) (int, []byte, error) {
		_ = syscall.Close(fd)
		return -1, nil, fmt.Errorf("%s: %w", what, err)
	}
	if slow { // a tiny receive buffer, so the backlog reaches the server soon
		if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048); err != nil {
			return fail("SO_RCVBUF", err)
		}
	}
	// The kernel stamps each arriving segment (timestamp.go).
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_TIMESTAMPNS, 1); err != nil {
		return fail("SO_TIMESTAMPNS", err)
	}
	tv := syscall.Timeval{Sec: 30}
	_ = syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv)
	_ = syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &tv)
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, src}}); err != nil {
		return fail("bind", err)
	}
	if err := connect(fd, &t.addr); err != nil {
		return fail("connect", err)
	}
	var k [16]byte
	_, _ = rand.Read(k[:])
	key := base64.StdEncoding.EncodeToString(k[:])
	req := "GET " + t.path + " HTTP/1.1\r\nHost: " + t.host +
		"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key +
		"\r\nSec-WebSocket-Protocol: hallcast.v1, bearer." + token + "\r\n\r\n"
	if err := writeAll(fd, []byte(req)); err != nil {
		return fail("handshake", err)
	}
	var resp []byte
	buf := make([]byte, 2048)
	end := -1
	for end < 0 {
		n, err := syscall.Read(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return fail("handshake", err)
		}
		if n == 0 {
			return fail("handshake", fmt.Errorf("server closed the connection"))
		}
		resp = append(resp, buf[:n]...)
		end = bytes.Index(resp, []byte("\r\n\r\n"))
		if end < 0 && len(resp) > 8192 {
			return fail("handshake", fmt.Errorf("response header too long"))
		}
	}
	head, rest := resp[:end], resp[end+4:]
	if !bytes.HasPrefix(head, []byte("HTTP/1.1 101")) {
		line, _, _ := bytes.Cut(head, []byte("\r\n"))
		return fail("handshake", fmt.Errorf("server answered %q", line))
	}
	sum := sha1.Sum([]byte(key + wsGUID))
	if !bytes.Contains(head, []byte(base64.StdEncoding.EncodeToString(sum[:]))) {
		return fail("handshake", fmt.Errorf("wrong Sec-WebSocket-Accept"))
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		return fail("non-blocking", err)
	}
	return fd, append([]byte(nil), rest...), nil
}

// connect connects a blocking socket. The Go runtime's preemption signals
// interrupt the call (EINTR) while the kernel goes on connecting, so an
// interrupted connect is asked again until it says it is connected.
func connect(fd int, sa syscall.Sockaddr) error {
	err := syscall.Connect(fd, sa)
	for i := 0; err == syscall.EINTR || err == syscall.EALREADY; i++ {
		if i == 30_000 {
			return fmt.Errorf("still connecting after 30 s")
		}
		time.Sleep(time.Millisecond)
		err = syscall.Connect(fd, sa)
		if err == syscall.EISCONN {
			return nil
		}
	}
	return err
}

func writeAll(fd int, b []byte) error {
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// frame is one frame from the server: its opcode and payload (which
// points into the read buffer).
type frame struct {
	op      byte
	payload []byte
}

// nextFrame parses one frame from b; n is 0 when b holds no whole frame
// yet. Server frames are unmasked (RFC 6455 §5.1); the server never
// fragments its messages.
func nextFrame(b []byte) (f frame, n int, err error) {
	if len(b) < 2 {
		return f, 0, nil
	}
	if b[0]&0x80 == 0 {
		return f, 0, fmt.Errorf("fragmented frame")
	}
	if b[1]&0x80 != 0 {
		return f, 0, fmt.Errorf("masked server frame")
	}
	size, h := int(b[1]&0x7f), 2
	switch size {
	case 126:
		if len(b) < 4 {
			return f, 0, nil
		}
		size, h = int(b[2])<<8|int(b[3]), 4
	case 127:
		if len(b) < 10 {
			return f, 0, nil
		}
		var s uint64
		for _, c := range b[2:10] {
			s = s<<8 | uint64(c)
		}
		if s > 1<<24 {
			return f, 0, fmt.Errorf("frame of %d bytes", s)
		}
		size, h = int(s), 10
	}
	if len(b) < h+size {
		return f, 0, nil
	}
	return frame{op: b[0] & 0x0f, payload: b[h : h+size]}, h + size, nil
}

// clientFrame builds a final, masked frame of a short payload (< 126
// bytes: acks and pongs). The mask key only has to differ between frames
// for proxies' sake; the server unmasks whatever key it gets.
func clientFrame(op byte, payload []byte, key uint32) []byte {
	b := make([]byte, 6+len(payload))
	b[0], b[1] = 0x80|op, 0x80|byte(len(payload))
	m := [4]byte{byte(key >> 24), byte(key >> 16), byte(key >> 8), byte(key)}
	copy(b[2:6], m[:])
	for i, c := range payload {
		b[6+i] = c ^ m[i%4]
	}
	return b
}
