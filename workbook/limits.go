// Package workbook opens uploaded XLSX workbooks, and checks any zip
// container, within limits: how much the entries inflate to (in all, each,
// and compared with their compressed size), how many entries, cells,
// columns in a row and shared strings a file holds. The zip central
// directory is checked before any entry is inflated, then the worksheets
// and the shared-strings table are streamed once, counting the bytes
// actually inflated, before excelize opens the file. A crafted file (a
// decompression bomb, a lying header, a sheet of millions of empty cells)
// is refused with a *LimitError naming the limit, in bounded time and
// memory.
//
// What excelize's own options cover, and what they leave to this package:
// UnzipSizeLimit sums the sizes the zip directory declares (archive/zip
// then refuses to inflate an entry past its declared size, so a lying
// header fails while reading), but has no ratio, no count of entries and
// no per-part bound below the total; every part other than the worksheets
// and the shared strings is read into memory whatever its size; every
// worksheet over UnzipXMLSizeLimit is copied to a temporary file, not only
// the one read; a shared-strings table under UnzipXMLSizeLimit is parsed
// into about 12 times its size; cells, row width and strings are not
// counted; and opening cannot be interrupted (Open returns at once on
// cancel and closes the file in the background).
package workbook

import "fmt"

// Limits bound what opening a workbook may cost. Every field must be
// positive.
type Limits struct {
	// Entries is the most files the zip container may hold.
	Entries int
	// Size is the most all entries may inflate to, in bytes.
	Size int64
	// Entry is the most one entry may inflate to, in bytes.
	Entry int64
	// Ratio is the most an entry larger than RatioFrom may inflate
	// compared with its compressed size (real workbooks stay near 10;
	// deflate reaches about 1,000 on repeated bytes).
	Ratio int64
	// Memory is the most excelize holds in memory after opening: every
	// entry but the worksheets and shared strings it extracts to
	// temporary files (those over XMLMemory).
	Memory int64
	// XMLMemory is excelize's UnzipXMLSizeLimit: worksheets and the
	// shared-strings table larger than this are extracted to temporary
	// files and streamed from there.
	XMLMemory int64
	// Cells is the most cells all worksheets may hold together.
	Cells int64
	// Columns is the widest row: the most cells in a row or the highest
	// column a cell names.
	Columns int
	// Strings is the most entries the shared-strings table may hold.
	Strings int64
	// StringsSize is the most the shared-strings table may inflate to.
	StringsSize int64
}

// RatioFrom is the size below which an entry's compression ratio is not
// checked: small XML parts of real workbooks compress well too.
const RatioFrom = 1 << 20

// Import is what an archive import reads, row by row from a temporary
// copy of its first worksheet, with size as the most the file may inflate
// to (the unzip-limit setting). Parts over 2 MiB are copied to temporary
// files: excelize parses a shared-strings table it holds in memory into
// about 12 times its size (190 MiB for 16 MB), while from a file it keeps
// an index of about 64 bytes a string (25 MiB for 390,000 strings).
func Import(size int64) Limits {
	return Limits{Entries: 1000, Size: size, Entry: size, Ratio: 200, Memory: 64 << 20, XMLMemory: 2 << 20,
		Cells: 50_000_000, Columns: 1024, Strings: 1_000_000, StringsSize: min(size, 256<<20)}
}

// Attachment is what a notice's data attachment may hold: it is read
// whole in memory to scan and mask every cell, so its cells are kept few
// (20,000 rows of 10 columns; masking such a file takes about 240 MiB for
// a moment, scanning it about 40 MiB).
var Attachment = Limits{Entries: 1000, Size: 64 << 20, Entry: 64 << 20, Ratio: 200, Memory: 64 << 20, XMLMemory: 64 << 20,
	Cells: 200_000, Columns: 1024, Strings: 200_000, StringsSize: 8 << 20}

// The names of the limits, as a LimitError and the API's error params
// give them.
const (
	LimitEntries     = "entries"
	LimitSize        = "unzip_size"
	LimitEntry       = "entry_size"
	LimitRatio       = "compression_ratio"
	LimitMemory      = "unzip_memory"
	LimitCells       = "cells"
	LimitColumns     = "columns"
	LimitStrings     = "shared_strings"
	LimitStringsSize = "shared_strings_size"
)

// LimitError is a file over one of its limits.
type LimitError struct {
	// Limit names the limit (LimitSize, LimitCells, ...).
	Limit string
	// Max is the limit's value: bytes, a count or a ratio.
	Max int64
	// Entry is the file in the container that went over, if one did.
	Entry string
}

func (e *LimitError) Error() string {
	what := map[string]string{
		LimitEntries: "files in the container", LimitSize: "bytes unzipped in all", LimitEntry: "bytes unzipped in one part",
		LimitRatio: "times its compressed size unzipped", LimitMemory: "bytes held in memory to open it", LimitCells: "cells",
		LimitColumns: "columns in a row", LimitStrings: "shared strings", LimitStringsSize: "bytes of shared strings",
	}[e.Limit]
	msg := fmt.Sprintf("workbook: the file is over its limit of %d %s (%s)", e.Max, what, e.Limit)
	if e.Entry != "" {
		msg += " in " + e.Entry
	}
	return msg
}
