package alert

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// KeySize is the size of the key that seals channel secrets.
const KeySize = 32

// LoadOrCreateKey reads the key file at path (64 hex characters), or
// creates it with a new random key and mode 0600 when it does not exist.
// It refuses a file that others than its owner may read.
func LoadOrCreateKey(path string) ([]byte, error) {
	k, err := readKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	k = make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("alert: unable to create a key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return readKey(path) // another process created it meanwhile
	}
	if err != nil {
		return nil, fmt.Errorf("alert: unable to create the key file %s: %w", path, err)
	}
	_, err = f.WriteString(hex.EncodeToString(k) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("alert: unable to write the key file %s: %w", path, err)
	}
	return k, nil
}

func readKey(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("alert: the key file %s has mode %v; it must be readable by the service only: chmod 600 %s", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("alert: unable to read the key file: %w", err)
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(k) != KeySize {
		return nil, fmt.Errorf("alert: the key file %s must hold %d hex characters", path, 2*KeySize)
	}
	return k, nil
}

// sealer encrypts channel secrets with AES-256-GCM, bound to their
// channel, so that a copy of the database alone does not reveal a
// password or a robot's address.
type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (*sealer, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("alert: the secrets key must be %d bytes, not %d", KeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("alert: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("alert: %w", err)
	}
	return &sealer{aead: aead}, nil
}

func aad(channelID int64) []byte { return fmt.Appendf(nil, "hallcast alert channel %d", channelID) }

// seal returns "v1:" and the base64 of nonce and ciphertext.
func (s *sealer) seal(plain []byte, channelID int64) string {
	nonce := make([]byte, s.aead.NonceSize())
	_, _ = rand.Read(nonce)
	out := s.aead.Seal(nonce, nonce, plain, aad(channelID))
	return "v1:" + base64.StdEncoding.EncodeToString(out)
}

func (s *sealer) open(sealed string, channelID int64) ([]byte, error) {
	if sealed == "" {
		return nil, nil
	}
	raw, ok := strings.CutPrefix(sealed, "v1:")
	if !ok {
		return nil, errors.New("alert: unknown sealed format")
	}
	b, err := base64.StdEncoding.DecodeString(raw)
	if err != nil || len(b) < s.aead.NonceSize() {
		return nil, errors.New("alert: damaged sealed secrets")
	}
	plain, err := s.aead.Open(nil, b[:s.aead.NonceSize()], b[s.aead.NonceSize():], aad(channelID))
	if err != nil {
		return nil, errors.New("alert: the channel's secrets do not open with this key (was the alert key changed?)")
	}
	return plain, nil
}
