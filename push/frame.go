package push

import (
	"encoding/binary"
	"errors"
	"os"
	"syscall"
)

// Prepared is a message encoded once, as the exact bytes of its WebSocket
// frame, for any number of recipients (a server's frames are neither
// masked nor compressed, so they are the same for every connection).
type Prepared struct {
	frame []byte
}

// Prepare encodes a message once for a broadcast.
func Prepare(typ, id string, data any) (*Prepared, error) {
	b, err := Encode(typ, id, data)
	if err != nil {
		return nil, err
	}
	return &Prepared{frame: textFrame(b)}, nil
}

// textFrame frames payload as one final text frame (RFC 6455 §5.2).
func textFrame(payload []byte) []byte {
	n := len(payload)
	var h []byte
	switch {
	case n < 126:
		h = []byte{0x81, byte(n)}
	case n <= 0xFFFF:
		h = []byte{0x81, 126, 0, 0}
		binary.BigEndian.PutUint16(h[2:], uint16(n))
	default:
		h = make([]byte, 10)
		h[0], h[1] = 0x81, 127
		binary.BigEndian.PutUint64(h[2:], uint64(n))
	}
	return append(h, payload...)
}

// tryWrite writes as much of b as the socket takes without waiting and
// returns how much it wrote (a broadcast thus needs no goroutine for a
// connection whose socket has room, which is nearly always).
func (c *Client) tryWrite(b []byte) (int, error) {
	if c.raw == nil {
		return 0, nil
	}
	done := 0
	var werr error
	err := c.raw.Write(func(fd uintptr) bool {
		for done < len(b) {
			n, err := syscall.Write(int(fd), b[done:])
			if n > 0 {
				done += n
			}
			if err != nil {
				if err != syscall.EAGAIN && err != syscall.EINTR {
					werr = err
				}
				return true
			}
		}
		return true
	})
	if werr == nil && !errors.Is(err, os.ErrDeadlineExceeded) {
		werr = err // a passed deadline only means: let the writer do it
	}
	return done, werr
}
