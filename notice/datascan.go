package notice

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/workbook"
)

var utf8BOM = []byte("\xef\xbb\xbf")

// sheet is the cells of one table: a CSV file or an XLSX worksheet.
type sheet struct {
	name string // "" for CSV
	rows [][]string
}

// readCSV decodes a CSV file (UTF-8 with or without BOM, or GB18030).
// bom reports whether it should be written back with a BOM (it had one, or
// was GB18030, which Excel users need a BOM to open as UTF-8).
func readCSV(data []byte) (rows [][]string, bom bool, err error) {
	text := data
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		text, bom = data[len(utf8BOM):], true
	case !utf8.Valid(data):
		if text, err = decodeGB(data); err != nil {
			return nil, false, err
		}
		bom = true
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, bom, nil
		}
		if err != nil {
			return nil, false, err
		}
		rows = append(rows, rec)
	}
}

// readSheets returns the tables of a data attachment.
func readSheets(ft fileType, data []byte) ([]sheet, error) {
	if ft.contentType == "text/csv" {
		rows, _, err := readCSV(data)
		if err != nil {
			return nil, err
		}
		return []sheet{{rows: rows}}, nil
	}
	f, err := openXLSX(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out = append(out, sheet{name: name, rows: rows})
	}
	return out, nil
}

// cellName is "B3" for CSV and "Sheet1!B3" for a worksheet.
func cellName(sheetName string, row, col int) string {
	ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if sheetName != "" {
		return sheetName + "!" + ref
	}
	return ref
}

// scanData finds personal data in the cells of a CSV or XLSX file.
func scanData(p privacy.Policy, ft fileType, data []byte) ([]Finding, error) {
	sheets, err := readSheets(ft, data)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, sh := range sheets {
		for r, row := range sh.rows {
			for c, cell := range row {
				for _, x := range p.Scan(cell) {
					out = append(out, Finding{Where: cellName(sh.name, r, c), Kind: x.Kind, Start: x.Start, End: x.End,
						Start16: x.Start16, End16: x.End16, Masked: x.Masked, value: x.Value()})
				}
			}
		}
	}
	return out, nil
}

// cellKeep reports whether a finding in a cell ("B3", "Sheet1!B3") stays
// unmasked; nil keeps none.
type cellKeep func(cell string, x privacy.Finding) bool

// maskCell masks one cell but the findings keep accepts.
func maskCell(p privacy.Policy, keep cellKeep, sheetName string, row, col int, text string) (string, bool) {
	o := privacy.MaskOptions{}
	if keep != nil {
		o.Keep = func(x privacy.Finding) bool { return keep(cellName(sheetName, row, col), x) }
	}
	m, _ := p.MaskTextWith(text, o)
	return m, m != text
}

// maskData returns the file with every finding masked but the kept ones,
// and whether anything changed. CSV comes back as UTF-8; XLSX keeps its
// formatting.
func maskData(p privacy.Policy, ft fileType, data []byte, keep cellKeep) ([]byte, bool, error) {
	if ft.contentType == "text/csv" {
		rows, bom, err := readCSV(data)
		if err != nil {
			return nil, false, err
		}
		changed := false
		for r, row := range rows {
			for c := range row {
				if m, ok := maskCell(p, keep, "", r, c, row[c]); ok {
					row[c], changed = m, true
				}
			}
		}
		if !changed {
			return data, false, nil
		}
		var buf bytes.Buffer
		if bom {
			buf.Write(utf8BOM)
		}
		w := csv.NewWriter(&buf)
		if err := w.WriteAll(rows); err != nil {
			return nil, false, err
		}
		return buf.Bytes(), true, nil
	}
	return maskXLSX(p, data, keep)
}

func maskXLSX(p privacy.Policy, data []byte, keep cellKeep) ([]byte, bool, error) {
	f, err := openXLSX(data)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	changed := false
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, false, err
		}
		for r, row := range rows {
			for c, cell := range row {
				m, ok := maskCell(p, keep, name, r, c, cell)
				if !ok {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(name, ref, m); err != nil {
					return nil, false, fmt.Errorf("notice: masking %s!%s: %w", name, ref, err)
				}
				changed = true
			}
		}
	}
	if !changed {
		return data, false, nil
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// openXLSX opens an uploaded workbook within workbook.Attachment, so a
// crafted file cannot exhaust memory nor time. A file over a limit (one
// stored before uploads were checked) is a 422 naming the limit, wherever
// it is read.
func openXLSX(data []byte) (*excelize.File, error) {
	f, err := workbook.OpenBytes(context.Background(), data, workbook.Attachment)
	if err != nil {
		return nil, workbook.WebError("attachments", err)
	}
	return f, nil
}
