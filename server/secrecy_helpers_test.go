package server_test

import (
	"encoding/hex"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// needles finds any of a set of strings in bytes, in one pass: a window of
// each needle length is looked up at every position where a needle may
// start.
type needles struct {
	sets  map[int]map[string]string // length → needle → what it is
	first [256]bool
}

func newNeedles() *needles { return &needles{sets: map[int]map[string]string{}} }

// add looks for s, named what in reports.
func (n *needles) add(s, what string) {
	if n.sets[len(s)] == nil {
		n.sets[len(s)] = map[string]string{}
	}
	n.sets[len(s)][s] = what
	n.first[s[0]] = true
}

// addHex also looks for s as PostgreSQL prints it in a bytea (hex).
func (n *needles) addHex(s, what string) {
	n.add(s, what)
	n.add(hex.EncodeToString([]byte(s)), what+" (hex)")
}

// find returns the first needle in b and what it is.
func (n *needles) find(b []byte) (string, string, bool) {
	for i, c := range b {
		if !n.first[c] {
			continue
		}
		for l, set := range n.sets {
			if i+l <= len(b) {
				if what, ok := set[string(b[i:i+l])]; ok {
					return string(b[i : i+l]), what, true
				}
			}
		}
	}
	return "", "", false
}

// grepDir fails t for every file under dir that holds a needle; it
// returns how many bytes it read.
func grepDir(t *testing.T, dir string, n *needles) int64 {
	t.Helper()
	var read int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		read += int64(len(b))
		if s, what, ok := n.find(b); ok {
			t.Errorf("%s holds %s %q", path, what, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return read
}

// pgDump dumps the schema of a test database URL (its search_path) with
// pg_dump; it skips the test when pg_dump is missing (CI has it).
func pgDump(t *testing.T, dbURL string) []byte {
	t.Helper()
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		t.Skip("pg_dump is not installed (apt install postgresql-client): the dump of the database is not checked")
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	schema := q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	out, err := exec.Command(bin, "--no-owner", "--schema="+schema, "--dbname="+u.String()).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	return out
}

// pgSchema is the schema of a test database URL.
func pgSchema(dbURL string) string {
	u, _ := url.Parse(dbURL)
	return u.Query().Get("search_path")
}
