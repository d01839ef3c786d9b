package archive

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the kind of file imported.
type Format string

// The import formats.
const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// FormatOf tells the format from a file name.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt", ".tsv":
		return FormatCSV, nil
	case ".xlsx", ".xlsm":
		return FormatXLSX, nil
	case ".xls", ".et":
		return "", fmt.Errorf("archive: %s is an old binary spreadsheet: save it as .xlsx or CSV", filepath.Base(name))
	}
	return "", fmt.Errorf("archive: %s is neither CSV nor XLSX", filepath.Base(name))
}

// source reads an import file row by row without holding it in memory.
type source interface {
	// header returns the column headers (the first non-empty row) and
	// its row number.
	header() ([]string, int, error)
	// next returns the next row and its number, io.EOF at the end, or a
	// *rowError for a row that cannot be read (reading may go on).
	next() (int, []string, error)
	// progress tells how far reading is: rows read, and an estimate of
	// all rows (0 while unknown).
	progress() (read, total int64)
	// strictWidth reports whether rows must have exactly the header's
	// number of cells (CSV); spreadsheets omit empty cells at the end.
	strictWidth() bool
	// encoding is the text encoding read (empty for XLSX).
	encoding() Encoding
	close() error
}

// rowError is a row that cannot be read.
type rowError struct {
	row    int
	reason Reason
	detail string
}

func (e *rowError) Error() string { return fmt.Sprintf("row %d: %s: %s", e.row, e.reason, e.detail) }

// errNoHeader is returned for a file without any row.
var errNoHeader = errors.New("archive: the file is empty: the first row must hold the column headers")

// openSource opens a file of the format for reading; an XLSX file is
// checked against the service's limits first.
func (s *Service) openSource(ctx context.Context, path string, f Format, enc Encoding) (source, error) {
	if f == FormatXLSX {
		return openXLSX(ctx, path, s.xlsx, s.work.dir, &s.jobs)
	}
	return openCSV(path, enc)
}

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
