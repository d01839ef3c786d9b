package archive

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/workbook"
)

// xlsxSource reads the first worksheet of an XLSX file with excelize's
// streaming row iterator, after workbook checked the file against its
// limits; large worksheets are unzipped to a temporary file in the upload
// folder (workbook.Limits.XMLMemory), not into memory.
type xlsxSource struct {
	f     *excelize.File
	rows  *excelize.Rows
	row   int
	total int64
}

func openXLSX(ctx context.Context, path string, l workbook.Limits, tmpDir string, pending *sync.WaitGroup) (*xlsxSource, error) {
	f, err := workbook.Open(ctx, path, l, tmpDir, pending)
	if err != nil {
		return nil, fmt.Errorf("archive: unable to open the spreadsheet: %w", err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, errNoHeader
	}
	s := &xlsxSource{f: f}
	if dim, err := f.GetSheetDimension(sheets[0]); err == nil {
		s.total = dimensionRows(dim)
	}
	if s.rows, err = f.Rows(sheets[0]); err != nil {
		f.Close()
		return nil, fmt.Errorf("archive: unable to read the worksheet %q: %w", sheets[0], err)
	}
	return s, nil
}

// dimensionRows reads the last row of a range such as "A1:H2001".
func dimensionRows(ref string) int64 {
	end := ref
	for i := len(ref) - 1; i >= 0; i-- {
		if ref[i] == ':' {
			end = ref[i+1:]
			break
		}
	}
	_, row, err := excelize.CellNameToCoordinates(end)
	if err != nil {
		return 0
	}
	return int64(row)
}

func (s *xlsxSource) header() ([]string, int, error) {
	for {
		row, cells, err := s.next()
		if err == io.EOF {
			return nil, 0, errNoHeader
		}
		if err != nil {
			return nil, 0, err
		}
		if !blank(cells) {
			return append([]string(nil), cells...), row, nil
		}
	}
}

func (s *xlsxSource) next() (int, []string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return 0, nil, fmt.Errorf("archive: unable to read the worksheet: %w", err)
		}
		return 0, nil, io.EOF
	}
	s.row++
	cells, err := s.rows.Columns()
	if err != nil {
		return s.row, nil, &rowError{row: s.row, reason: ReasonParse, detail: err.Error()}
	}
	return s.row, cells, nil
}

func (s *xlsxSource) progress() (int64, int64) {
	return int64(s.row), max(s.total, int64(s.row))
}

func (s *xlsxSource) strictWidth() bool  { return false }
func (s *xlsxSource) encoding() Encoding { return "" }

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}
