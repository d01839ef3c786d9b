package sealed

import (
	"encoding/base64"
	"fmt"
	"sync"
)

// Keyring holds the contact keys: the first seals, every one opens. A
// keyring loaded from a key file (LoadOrCreate) reads the file again when
// it changes, so a running server seals with the key that `hallcast keys
// rotate` adds and opens what it sealed again.
type Keyring struct {
	mu   sync.RWMutex
	keys []*Key
	file *keyFile // nil when the keys come from the configuration
}

// NewKeyring returns a keyring of keys (at least one, no key twice); the
// first seals.
func NewKeyring(keys ...*Key) (*Keyring, error) {
	if err := checkKeys(keys); err != nil {
		return nil, err
	}
	return &Keyring{keys: keys}, nil
}

func checkKeys(keys []*Key) error {
	if len(keys) == 0 {
		return fmt.Errorf("sealed: no contact key")
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k.id] {
			return fmt.Errorf("sealed: the contact key %s is listed twice", k.id)
		}
		seen[k.id] = true
	}
	return nil
}

// Current is the ID of the key that seals.
func (r *Keyring) Current() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.keys[0].id
}

// IDs lists the IDs of every key, the current one first.
func (r *Keyring) IDs() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]string, len(r.keys))
	for i, k := range r.keys {
		out[i] = k.id
	}
	return out
}

// Has reports whether the keyring holds the key id.
func (r *Keyring) Has(id string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.find(id) != nil
}

func (r *Keyring) find(id string) *Key {
	for _, k := range r.keys {
		if k.id == id {
			return k
		}
	}
	return nil
}

// Sealing returns the key that seals now, after reading the key file
// again if it changed. Seal every value of one row with the same key, and
// record its ID with the row.
func (r *Keyring) Sealing() (*Key, error) {
	if err := r.refresh(); err != nil {
		return nil, err
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.keys[0], nil
}

// opener returns the key id, reading the key file again once when the
// keyring does not hold it.
func (r *Keyring) opener(id string) (*Key, error) {
	r.mu.RLock()
	k := r.find(id)
	r.mu.RUnlock()
	if k != nil {
		return k, nil
	}
	if err := r.refresh(); err != nil {
		return nil, err
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if k = r.find(id); k == nil {
		return nil, fmt.Errorf("%w (key %s)", ErrUnknownKey, id)
	}
	return k, nil
}

// Seal seals plain for place (see Place), as text. The empty string
// stays empty: there is nothing in it to hide.
func (k *Key) Seal(plain, place string) string {
	if plain == "" {
		return ""
	}
	b := k.SealBytes([]byte(plain), place)
	n := len(prefix) + idLen + 1
	return string(b[:n]) + base64.RawURLEncoding.EncodeToString(b[n:])
}

// Open returns the plain text of a value Seal sealed for place. The empty
// string stays empty.
func (r *Keyring) Open(stored, place string) (string, error) {
	if stored == "" {
		return "", nil
	}
	id, rest, ok := split([]byte(stored))
	if !ok {
		return "", ErrNotSealed
	}
	raw, err := base64.RawURLEncoding.DecodeString(string(rest))
	if err != nil {
		return "", ErrBroken
	}
	b, err := r.open(id, raw, place)
	return string(b), err
}

// SealBytes seals plain for place in binary form (for files such as
// scanned applications).
func (k *Key) SealBytes(plain []byte, place string) []byte {
	head := prefix + k.id + "."
	out := make([]byte, len(head), len(head)+len(plain)+k.aead.Overhead())
	copy(out, head)
	return k.aead.Seal(out, nil, plain, []byte(place))
}

// OpenBytes returns the plain bytes of a value SealBytes sealed for place.
func (r *Keyring) OpenBytes(stored []byte, place string) ([]byte, error) {
	id, rest, ok := split(stored)
	if !ok {
		return nil, ErrNotSealed
	}
	return r.open(id, rest, place)
}

func (r *Keyring) open(id string, sealed []byte, place string) ([]byte, error) {
	k, err := r.opener(id)
	if err != nil {
		return nil, err
	}
	if len(sealed) < k.aead.Overhead() {
		return nil, ErrBroken
	}
	b, err := k.aead.Open(nil, nil, sealed, []byte(place))
	if err != nil {
		return nil, ErrBroken
	}
	return b, nil
}
