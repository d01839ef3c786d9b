//go:build linux

package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// poller serves its share of the screens from one epoll set, on one
// goroutine: it reads what each socket has, answers pings and acks
// emergencies, so an arriving frame costs a read and maybe a write, with
// no goroutine to wake.
type poller struct {
	f     *fleet
	epfd  int
	quit  atomic.Bool
	done  chan struct{}
	later ackQueue // acks waiting for their time (only the loop's goroutine)

	mu     sync.Mutex
	mine   []*screen
	parked []*screen
}

func newPoller(f *fleet) (*poller, error) {
	fd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("epoll: %w", err)
	}
	return &poller{f: f, epfd: fd, done: make(chan struct{})}, nil
}

// add registers a dialled screen.
func (p *poller) add(s *screen) {
	p.mu.Lock()
	p.mine = append(p.mine, s)
	p.mu.Unlock()
	p.watch(s)
}

func (p *poller) watch(s *screen) {
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN | syscall.EPOLLRDHUP, Fd: int32(s.idx)}
	if err := syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_ADD, s.fd, &ev); err != nil {
		p.gone(s)
	}
}

// run waits for sockets with something to read until stop; the timeout
// makes it notice stop by itself.
func (p *poller) run() {
	defer close(p.done)
	events := make([]syscall.EpollEvent, 256)
	buf := make([]byte, 64<<10)
	oob := make([]byte, 128)
	for !p.quit.Load() {
		wait := 100
		if due, ok := p.later.next(); ok {
			wait = max(0, min(wait, int(time.Until(due).Milliseconds())+1))
		}
		n, err := syscall.EpollWait(p.epfd, events, wait)
		for _, a := range p.later.due(time.Now()) {
			p.f.sendAck(a)
		}
		if err != nil {
			if err == syscall.EINTR {
				continue
			}
			return
		}
		for _, ev := range events[:n] {
			s := p.f.screens[ev.Fd].Load()
			if s == nil || s.done.Load() {
				continue
			}
			if s.slow && p.f.paused.Load() {
				_ = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_DEL, s.fd, nil)
				p.mu.Lock()
				p.parked = append(p.parked, s)
				p.mu.Unlock()
				continue
			}
			p.read(s, buf, oob)
		}
	}
}

// read takes what the socket has and handles every whole frame, as
// received when the kernel stamped its last segment.
func (p *poller) read(s *screen, buf, oob []byte) {
	n, oobn, _, _, err := syscall.Recvmsg(s.fd, buf, oob, 0)
	if err == syscall.EAGAIN || err == syscall.EINTR {
		return
	}
	if err != nil || n == 0 {
		p.gone(s)
		return
	}
	if p.take(s, buf[:n], arrival(oob[:oobn])) {
		return
	}
	p.gone(s)
}

// take handles the frames in data (after whatever s held back) and keeps
// an incomplete one for later; false when the connection has to end.
func (p *poller) take(s *screen, data []byte, now time.Time) bool {
	if len(s.buf) > 0 {
		s.buf = append(s.buf, data...)
		data = s.buf
	}
	for {
		fr, n, err := nextFrame(data)
		if err != nil {
			return false
		}
		if n == 0 {
			break
		}
		data = data[n:]
		switch fr.op {
		case 0x1: // text
			p.f.message(p, s, fr.payload, now)
		case 0x8: // close
			return false
		case 0x9: // ping
			p.f.pings.Add(1)
			if _, err := syscall.Write(s.fd, clientFrame(0xA, fr.payload, rand.Uint32())); err != nil && err != syscall.EAGAIN {
				return false
			}
		}
	}
	s.buf = append(s.buf[:0], data...) // copy: data may point into buf or s.buf itself
	return true
}

// gone closes a screen's socket and counts the disconnect.
func (p *poller) gone(s *screen) {
	if s.done.Swap(true) {
		return
	}
	_ = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_DEL, s.fd, nil)
	_ = syscall.Close(s.fd)
	if !p.f.closing.Load() {
		p.f.disconnected.Add(1)
		if s.slow {
			p.f.slowGone.Add(1)
		}
	}
}

// unpark puts the parked slow screens back on the epoll set.
func (p *poller) unpark() {
	p.mu.Lock()
	list := p.parked
	p.parked = nil
	p.mu.Unlock()
	for _, s := range list {
		p.watch(s)
	}
}

// stop ends the loop and closes every socket.
func (p *poller) stop() {
	p.quit.Store(true)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.mine {
		if !s.done.Swap(true) {
			_ = syscall.Close(s.fd)
		}
	}
	_ = syscall.Close(p.epfd)
}
