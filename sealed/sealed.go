// Package sealed keeps citizens' personal data sealed at rest: applicants'
// names, ID numbers, phones, addresses and scanned applications, the
// phones and messages of suggestions. Each value is encrypted with
// AES-256-GCM, a random nonce per value, under the contact key, which lives
// outside the database (HALLCAST_CONTACT_KEY, or <data-dir>/contact.key),
// so that a copy of the database alone reveals nobody. The value's place
// (table, column and row) is bound to it as associated data: a sealed
// value moved to another row or column no longer opens.
//
// A stored value names the key that sealed it ("hc1.<key id>.<sealed>"),
// so a Keyring may hold several keys: the first seals, every one opens.
// Rotation adds a new first key, seals every value again with it, and
// then retires the old one (docs/deployment.md).
package sealed

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// KeySize is the size of a contact key in bytes.
const KeySize = 32

// prefix starts every sealed value, text or bytes: the format's version.
const prefix = "hc1."

// idLen is the length of a key ID in hex characters.
const idLen = 16

var (
	// ErrUnknownKey is the error of a value sealed with a key the
	// keyring does not hold.
	ErrUnknownKey = errors.New("sealed: the value was sealed with a key this keyring does not hold")
	// ErrBroken is the error of a value that does not open: altered, cut,
	// or moved from another place.
	ErrBroken = errors.New("sealed: the value does not open (altered, or moved from another place)")
	// ErrNotSealed is the error of a plain value given to Open.
	ErrNotSealed = errors.New("sealed: the value is not sealed")
)

// Key is one contact key: its fingerprint and the cipher derived from it.
type Key struct {
	id     string
	secret []byte
	aead   cipher.AEAD
}

// NewKey wraps a 32-byte secret. The cipher key is derived from it with
// HKDF-SHA256, apart from the fingerprint (ID), so the secret itself never
// encrypts anything.
func NewKey(secret []byte) (*Key, error) {
	if len(secret) != KeySize {
		return nil, fmt.Errorf("sealed: a contact key must be %d bytes, not %d", KeySize, len(secret))
	}
	s := append([]byte(nil), secret...)
	enc, err := hkdf.Key(sha256.New, s, nil, "hallcast sealed aes-256-gcm v1", 32)
	if err != nil {
		return nil, fmt.Errorf("sealed: unable to derive the cipher key: %w", err)
	}
	block, err := aes.NewCipher(enc)
	if err != nil {
		return nil, fmt.Errorf("sealed: %w", err)
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, fmt.Errorf("sealed: %w", err)
	}
	m := hmac.New(sha256.New, s)
	m.Write([]byte("hallcast sealed key id"))
	return &Key{id: hex.EncodeToString(m.Sum(nil))[:idLen], secret: s, aead: aead}, nil
}

// Generate returns a new random key.
func Generate() *Key {
	secret := make([]byte, KeySize)
	rand.Read(secret) // never fails (crypto/rand)
	k, err := NewKey(secret)
	if err != nil {
		panic(err) // unreachable: the size is right
	}
	return k
}

// ID is the key's fingerprint (16 hex characters); it reveals nothing
// about the key. Stored values and the database's list of keys name it.
func (k *Key) ID() string { return k.id }

// Place names where a value lives, the associated data it is sealed
// with: "disclosure_requests.phone/261123004711". row must not change
// for the life of the value (a tracking number, not a status).
func Place(table, column, row string) string { return table + "." + column + "/" + row }

// KeyID returns the ID of the key that sealed a stored value, or "" for a
// plain value.
func KeyID(stored string) string {
	id, _, ok := split([]byte(stored))
	if !ok {
		return ""
	}
	return id
}

// split parses "hc1.<id>." and returns the key ID and what follows.
func split(b []byte) (id string, rest []byte, ok bool) {
	n := len(prefix) + idLen + 1
	if len(b) < n || string(b[:len(prefix)]) != prefix || b[n-1] != '.' {
		return "", nil, false
	}
	for _, c := range b[len(prefix) : n-1] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", nil, false
		}
	}
	return string(b[len(prefix) : n-1]), b[n:], true
}
