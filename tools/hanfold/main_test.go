package main

import (
	"bytes"
	"os"
	"testing"
)

// The embedded table is what the library gives today (run the command
// again after upgrading the library).
func TestTableIsCurrent(t *testing.T) {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("../../search/fold.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), have) {
		t.Fatal("search/fold.txt is out of date: go run ./tools/hanfold > search/fold.txt")
	}
}
