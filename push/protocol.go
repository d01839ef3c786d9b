// Package push is the WebSocket hub shared by screens and kiosks: it owns
// every connection, writes to each from one goroutine only, encodes a
// broadcast once for all recipients, drops slow consumers without stalling
// anyone else, and hands incoming messages to the handler of the device's
// kind. The wire protocol is described in docs/protocol.md.
package push

import (
	"encoding/json"
	"fmt"
)

// Version is the protocol version carried in every frame as "v".
const Version = 1

// Subprotocol is the WebSocket subprotocol the server speaks. Browsers pass
// the device token as a second offered subprotocol "bearer.<token>",
// because they cannot set headers on a WebSocket request.
const Subprotocol = "hallcast.v1"

// Server → client message types.
const (
	TypeHello          = "hello"
	TypePlaylist       = "playlist"
	TypeNotice         = "notice"
	TypeEmergency      = "emergency"
	TypeEmergencyClear = "emergency_clear"
	TypeReload         = "reload"
	TypePower          = "power"
	TypeContent        = "content"
)

// Client → server message types.
const (
	TypeHeartbeat = "heartbeat"
	TypeAck       = "ack"
)

// Close codes the server uses (4000–4999 are the application's).
const (
	CloseReplaced     = 4000 // the device connected again elsewhere
	CloseUnauthorized = 4001 // no valid token: pair again
	CloseBadMessage   = 4002 // a frame that is not a protocol message
)

// Message is one frame: {"v":1,"type":"...","id":"...","data":{...}}.
type Message struct {
	V    int             `json:"v"`
	Type string          `json:"type"`
	ID   string          `json:"id,omitempty"`
	Data json.RawMessage `json:"data,omitempty"`
}

// Encode builds a frame of the given type. id identifies messages that the
// client acknowledges (emergencies); data is marshalled as "data".
func Encode(typ, id string, data any) ([]byte, error) {
	out := struct {
		V    int    `json:"v"`
		Type string `json:"type"`
		ID   string `json:"id,omitempty"`
		Data any    `json:"data,omitempty"`
	}{Version, typ, id, data}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("push: unable to encode %s: %w", typ, err)
	}
	return b, nil
}

// Decode parses a client frame and checks its version and type.
func Decode(b []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("push: malformed frame: %w", err)
	}
	if m.V != Version {
		return m, fmt.Errorf("push: unsupported protocol version %d", m.V)
	}
	if m.Type == "" {
		return m, fmt.Errorf("push: frame without a type")
	}
	return m, nil
}

// MaxAckIDs is how many message ids one ack frame may carry: its "id"
// and up to MaxAckIDs-1 more in data.ids (a screen that shows several
// emergencies within its ack delay answers them all in one frame).
const MaxAckIDs = 32

// AckIDs returns the message ids an ack acknowledges: its id, then the
// ids in its data, at most MaxAckIDs in all; nil when it names none or
// its data is not {"ids": [...]}.
func AckIDs(m Message) []string {
	var out []string
	if m.ID != "" {
		out = append(out, m.ID)
	}
	if len(m.Data) > 0 {
		var d struct {
			IDs []string `json:"ids"`
		}
		if err := json.Unmarshal(m.Data, &d); err != nil {
			return nil
		}
		for _, id := range d.IDs {
			if id != "" {
				out = append(out, id)
			}
		}
	}
	if len(out) > MaxAckIDs {
		out = out[:MaxAckIDs]
	}
	return out
}
