package archive

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// KeySize is the size of the lookup key in bytes.
const KeySize = 32

// Key is the secret of the lookup hashes. It lives outside the database
// (a file readable only by the service, or a configured secret) so that a
// copy of the database alone cannot be searched for a known ID number.
type Key struct {
	secret []byte
	id     string
	macs   sync.Pool // of hash.Hash, HMAC-SHA256 with secret
}

// NewKey wraps a 32-byte secret.
func NewKey(secret []byte) (*Key, error) {
	if len(secret) != KeySize {
		return nil, fmt.Errorf("archive: the lookup key must be %d bytes, not %d", KeySize, len(secret))
	}
	s := append([]byte(nil), secret...)
	m := hmac.New(sha256.New, s)
	m.Write([]byte("hallcast archive key id"))
	return &Key{secret: s, id: hex.EncodeToString(m.Sum(nil)[:8])}, nil
}

// ID is a fingerprint of the key that reveals nothing about it. Imports
// record it, so data hashed with another key is recognised after a key
// change.
func (k *Key) ID() string { return k.id }

// LoadOrCreateKey reads the key file at path (64 hex characters), or
// creates it with a new random key and mode 0600 when it does not exist.
// It refuses a file that others than its owner may read.
func LoadOrCreateKey(path string) (*Key, error) {
	k, err := readKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	secret := make([]byte, KeySize)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("archive: unable to create a lookup key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return readKeyFile(path) // another process created it meanwhile
	}
	if err != nil {
		return nil, fmt.Errorf("archive: unable to create the key file %s: %w", path, err)
	}
	_, err = f.WriteString(hex.EncodeToString(secret) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(path)
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("archive: unable to write the key file %s: %w", path, err)
	}
	return NewKey(secret)
}

func readKeyFile(path string) (*Key, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("archive: the key file %s has mode %v; it must be readable by the service only: chmod 600 %s", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("archive: unable to read the key file: %w", err)
	}
	secret, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(secret) != KeySize {
		return nil, fmt.Errorf("archive: the key file %s must hold %d hex characters", path, 2*KeySize)
	}
	return NewKey(secret)
}

// syncDir makes the new file's directory entry durable.
func syncDir(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
