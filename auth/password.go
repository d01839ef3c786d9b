package auth

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

func (s *Service) hash(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), s.opts.BcryptCost)
	if err != nil {
		return "", fmt.Errorf("auth: unable to hash a password: %w", err)
	}
	return string(h), nil
}

// passwordAlphabet avoids characters that are easy to misread (0/O, 1/l/I).
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// RandomPassword returns a new 16-character password.
func RandomPassword() string {
	return randomString(16, passwordAlphabet)
}

func randomString(n int, alphabet string) string {
	b := make([]byte, n)
	// rand.Read never fails (Go 1.24+); rejection sampling keeps it uniform.
	buf := make([]byte, 1)
	limit := 256 - 256%len(alphabet)
	for i := 0; i < n; {
		_, _ = rand.Read(buf)
		if int(buf[0]) >= limit {
			continue
		}
		b[i] = alphabet[int(buf[0])%len(alphabet)]
		i++
	}
	return string(b)
}
