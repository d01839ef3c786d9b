package sealed

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrConfigured is the error of a change to a keyring whose keys come
// from the configuration (HALLCAST_CONTACT_KEY or its _FILE): change them
// there.
var ErrConfigured = errors.New("sealed: the contact keys come from the configuration (HALLCAST_CONTACT_KEY or HALLCAST_CONTACT_KEY_FILE): change them there")

// ParseKeys reads a list of keys, 64 hex characters each, separated by
// commas, spaces or line breaks; lines starting with # are comments. The
// first key seals. It is the format of HALLCAST_CONTACT_KEY and of the
// key file.
func ParseKeys(text string) ([]*Key, error) {
	var keys []*Key
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' }) {
			secret, err := hex.DecodeString(f)
			if err != nil || len(secret) != KeySize {
				return nil, fmt.Errorf("sealed: want keys of %d hex characters, e.g. from: head -c32 /dev/urandom | xxd -p -c64", 2*KeySize)
			}
			k, err := NewKey(secret)
			if err != nil {
				return nil, err
			}
			keys = append(keys, k)
		}
	}
	if err := checkKeys(keys); err != nil {
		return nil, err
	}
	return keys, nil
}

// keyFile is the key file a keyring was loaded from, with what it looked
// like then.
type keyFile struct {
	path  string
	mtime time.Time
	size  int64
}

const fileHeader = `# hallcast contact keys (see docs/deployment.md): the first line seals,
# every line opens. Keep this file out of database backups: without it a
# copied database reveals nobody. Instances sharing one database share it.
`

// LoadOrCreate reads the key file at path, or creates it with one new
// random key and mode 0600 when it does not exist. It refuses a file that
// others than its owner may read. The keyring reads the file again when
// it changes.
func LoadOrCreate(path string) (*Keyring, error) {
	r, err := load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return r, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return load(path) // another process created it meanwhile
	}
	if err != nil {
		return nil, fmt.Errorf("sealed: unable to create the key file %s: %w", path, err)
	}
	_, err = f.WriteString(fileHeader + hex.EncodeToString(Generate().secret) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(path)
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("sealed: unable to write the key file %s: %w", path, err)
	}
	return load(path)
}

func load(path string) (*Keyring, error) {
	keys, kf, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return &Keyring{keys: keys, file: kf}, nil
}

func readFile(path string) ([]*Key, *keyFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, nil, fmt.Errorf("sealed: the key file %s has mode %v; it must be readable by the service only: chmod 600 %s", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("sealed: unable to read the key file: %w", err)
	}
	keys, err := ParseKeys(string(b))
	if err != nil {
		return nil, nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return keys, &keyFile{path: path, mtime: st.ModTime(), size: st.Size()}, nil
}

// refresh reads the key file again when it changed since it was read.
func (r *Keyring) refresh() error {
	r.mu.RLock()
	kf := r.file
	r.mu.RUnlock()
	if kf == nil {
		return nil
	}
	st, err := os.Stat(kf.path)
	if err != nil {
		return fmt.Errorf("sealed: the key file: %w", err)
	}
	if st.ModTime().Equal(kf.mtime) && st.Size() == kf.size {
		return nil
	}
	keys, nf, err := readFile(kf.path)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.keys, r.file = keys, nf
	r.mu.Unlock()
	return nil
}

// Path is the key file the keyring reads, "" when its keys come from the
// configuration.
func (r *Keyring) Path() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.file == nil {
		return ""
	}
	return r.file.path
}

// Add puts a new random key first in the key file: it seals from now on,
// the others still open. It returns the new key's ID.
func (r *Keyring) Add() (string, error) {
	if err := r.refresh(); err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.file == nil {
		return "", ErrConfigured
	}
	k := Generate()
	keys := append([]*Key{k}, r.keys...)
	if err := r.write(keys); err != nil {
		return "", err
	}
	return k.id, nil
}

// Remove takes the keys ids out of the key file (never the current one).
// Values they sealed no longer open: remove a key only when none is left
// (hallcast keys retire checks).
func (r *Keyring) Remove(ids ...string) error {
	if err := r.refresh(); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.file == nil {
		return ErrConfigured
	}
	drop := map[string]bool{}
	for _, id := range ids {
		if id == r.keys[0].id {
			return fmt.Errorf("sealed: the key %s seals; it cannot be removed", id)
		}
		drop[id] = true
	}
	var keep []*Key
	for _, k := range r.keys {
		if !drop[k.id] {
			keep = append(keep, k)
		}
	}
	return r.write(keep)
}

// write replaces the key file with keys, atomically (a new file renamed
// over the old one, both 0600), and remembers what it looks like.
func (r *Keyring) write(keys []*Key) error {
	path := r.file.path
	var b strings.Builder
	b.WriteString(fileHeader)
	for _, k := range keys {
		b.WriteString(hex.EncodeToString(k.secret) + "\n")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".contact-key-*")
	if err != nil {
		return fmt.Errorf("sealed: unable to write the key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(b.String())
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(path)
	}
	if err != nil {
		return fmt.Errorf("sealed: unable to write the key file %s: %w", path, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("sealed: the key file: %w", err)
	}
	r.keys, r.file = keys, &keyFile{path: path, mtime: st.ModTime(), size: st.Size()}
	return nil
}

// syncDir makes a new directory entry durable.
func syncDir(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
