package workbook

import (
	"archive/zip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrCorrupt is a file that is not a readable zip container, or whose
// content does not match its central directory (a lying header).
var ErrCorrupt = errors.New("workbook: the file is not a readable XLSX workbook")

// Check refuses a zip container over its limits: first from its central
// directory, then by streaming its XML parts, counting the bytes actually
// inflated, the cells, the width of rows and the shared strings. It
// returns a *LimitError, an error wrapping ErrCorrupt, or ctx's error.
func Check(ctx context.Context, r io.ReaderAt, size int64, l Limits) error {
	zr, err := OpenZip(r, size, l)
	if err != nil {
		return err
	}
	return scan(ctx, zr, l)
}

// OpenZip reads the central directory of a zip container and checks it
// (CheckZip). The count of entries is read from the end record first, so
// a directory of millions of entries is refused before it is read.
func OpenZip(r io.ReaderAt, size int64, l Limits) (*zip.Reader, error) {
	if n, ok := entryCount(r, size); ok && n > uint64(l.Entries) {
		return nil, &LimitError{Limit: LimitEntries, Max: int64(l.Entries)}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if err := CheckZip(zr, l); err != nil {
		return nil, err
	}
	return zr, nil
}

// CheckZip checks the sizes the central directory gives: the number of
// entries, each entry's and all entries' inflated size, each large entry's
// compression ratio, the shared strings' size, and what excelize would hold
// in memory. archive/zip refuses to inflate an entry past the size its
// central directory gives, so these sizes bound the work.
func CheckZip(zr *zip.Reader, l Limits) error {
	if len(zr.File) > l.Entries {
		return &LimitError{Limit: LimitEntries, Max: int64(l.Entries)}
	}
	var total, memory uint64
	for _, f := range zr.File {
		n := f.UncompressedSize64
		if total += n; total > uint64(l.Size) {
			return &LimitError{Limit: LimitSize, Max: l.Size, Entry: f.Name}
		}
		if n > uint64(l.Entry) {
			return &LimitError{Limit: LimitEntry, Max: l.Entry, Entry: f.Name}
		}
		if n > RatioFrom && n > uint64(l.Ratio)*max(f.CompressedSize64, 1) {
			return &LimitError{Limit: LimitRatio, Max: l.Ratio, Entry: f.Name}
		}
		k := kindOf(f.Name)
		if k == partStrings && n > uint64(l.StringsSize) {
			return &LimitError{Limit: LimitStringsSize, Max: l.StringsSize, Entry: f.Name}
		}
		if !extracted(f.Name, k, n, l) {
			if memory += n; memory > uint64(l.Memory) {
				return &LimitError{Limit: LimitMemory, Max: l.Memory, Entry: f.Name}
			}
		}
	}
	return nil
}

// extracted reports whether excelize extracts an entry to a temporary
// file on opening (it reads every other entry into memory).
func extracted(name string, k part, size uint64, l Limits) bool {
	if size <= uint64(l.XMLMemory) {
		return false
	}
	lower := strings.ToLower(strings.ReplaceAll(name, `\`, "/"))
	return lower == "xl/sharedstrings.xml" || strings.HasPrefix(lower, "xl/worksheets/sheet")
}

// part is what an entry of the container is, for scanning.
type part int

const (
	partOther   part = iota
	partXML          // any XML part: its cells and rows are counted
	partStrings      // the shared-strings table: its strings are counted
)

func kindOf(name string) part {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, "sharedstrings.xml"):
		return partStrings
	case strings.HasSuffix(lower, ".xml"):
		return partXML
	}
	return partOther
}

// entryCount reads the number of entries from the zip's end record (and
// its zip64 record), without reading the directory. ok is false when it
// cannot tell; zip.NewReader then decides.
func entryCount(r io.ReaderAt, size int64) (uint64, bool) {
	const endLen, locLen = 22, 20
	tail := min(size, endLen+65535)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	for i := len(buf) - endLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) != 0x06054b50 {
			continue
		}
		n := uint64(binary.LittleEndian.Uint16(buf[i+10:]))
		if n != 0xffff || i < locLen || binary.LittleEndian.Uint32(buf[i-locLen:]) != 0x07064b50 {
			return n, true
		}
		off := int64(binary.LittleEndian.Uint64(buf[i-locLen+8:]))
		rec := make([]byte, 40)
		if off < 0 || off > size-40 {
			return 0, false
		}
		if _, err := r.ReadAt(rec, off); err != nil || binary.LittleEndian.Uint32(rec) != 0x06064b50 {
			return 0, false
		}
		return binary.LittleEndian.Uint64(rec[32:]), true
	}
	return 0, false
}
