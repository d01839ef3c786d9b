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

// eachCell calls fn with every cell of a data attachment, with its sheet
// name ("" for CSV) and its 0-based row and column. A workbook is checked
// against workbook.Attachment first and read row by row.
func eachCell(ft fileType, data []byte, fn func(sheet string, row, col int, cell string)) error {
	if ft.contentType == "text/csv" {
		rows, _, err := readCSV(data)
		for r, row := range rows {
			for c, cell := range row {
				fn("", r, c, cell)
			}
		}
		return err
	}
	f, err := workbook.OpenBytes(context.Background(), data, workbook.Attachment)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			return err
		}
		for r := 0; rows.Next(); r++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				rows.Close()
				return err
			}
			for c, cell := range cells {
				fn(name, r, c, cell)
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
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
	var out []Finding
	err := eachCell(ft, data, func(sheet string, r, c int, cell string) {
		for _, x := range p.Scan(cell) {
			out = append(out, Finding{Where: cellName(sheet, r, c), Kind: x.Kind, Start: x.Start, End: x.End,
				Start16: x.Start16, End16: x.End16, Masked: x.Masked})
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// maskData returns the file with every finding masked, and whether
// anything changed. CSV comes back as UTF-8; XLSX keeps its formatting.
func maskData(p privacy.Policy, ft fileType, data []byte) ([]byte, bool, error) {
	if ft.contentType == "text/csv" {
		rows, bom, err := readCSV(data)
		if err != nil {
			return nil, false, err
		}
		changed := false
		for _, row := range rows {
			for c := range row {
				if m, fs := p.MaskText(row[c]); len(fs) > 0 {
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
	return maskXLSX(p, data)
}

func maskXLSX(p privacy.Policy, data []byte) ([]byte, bool, error) {
	type edit struct{ sheet, ref, text string }
	var edits []edit
	err := eachCell(typeByContentType(xlsxType), data, func(sheet string, r, c int, cell string) {
		if m, fs := p.MaskText(cell); len(fs) > 0 {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			edits = append(edits, edit{sheet, ref, m})
		}
	})
	if err != nil || len(edits) == 0 {
		return data, false, err
	}
	f, err := workbook.OpenBytes(context.Background(), data, workbook.Attachment)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	for _, e := range edits {
		if err := f.SetCellStr(e.sheet, e.ref, e.text); err != nil {
			return nil, false, fmt.Errorf("notice: masking %s!%s: %w", e.sheet, e.ref, err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// attachmentError renders an error reading attachment i: a file over the
// workbook limits or unreadable is 422 naming the attachment, not a 500.
func attachmentError(i int, name string, err error) error {
	we := workbook.WebError(fmt.Sprintf("attachments[%d]", i), err)
	if we != err {
		return we
	}
	return fmt.Errorf("notice: reading %s: %w", name, err)
}
