package notice

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// XLSX writes the statistics as a workbook: a summary sheet and one sheet
// per breakdown (category, kind, month).
func (st *Stats) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("notice: statistics workbook: %w", err)
	}
	sheets := []struct {
		name   string
		header []any
		rows   [][]any
		widths []float64
	}{
		{"汇总", []any{"统计期间", "发布总数", "说明"},
			[][]any{{st.From + " 至 " + st.To, st.Total, st.Summary}}, []float64{26, 12, 80}},
		{"按栏目", []any{"栏目", "栏目代码", "本栏目", "含下级合计"}, nil, []float64{40, 12, 10, 12}},
		{"按类型", []any{"类型", "数量"}, nil, []float64{16, 10}},
		{"按月份", []any{"月份", "数量"}, nil, []float64{12, 10}},
	}
	for _, c := range st.Categories {
		sheets[1].rows = append(sheets[1].rows, []any{strings.Repeat("　", c.Depth) + c.Name, c.Code, c.Count, c.Total})
	}
	for _, k := range st.Kinds {
		sheets[2].rows = append(sheets[2].rows, []any{k.Label, k.Count})
	}
	for _, m := range st.Months {
		sheets[3].rows = append(sheets[3].rows, []any{m.Month, m.Count})
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, fmt.Errorf("notice: statistics workbook: %w", err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, fmt.Errorf("notice: statistics workbook: %w", err)
		}
		rows := append([][]any{sh.header}, sh.rows...)
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh.name, cell, &row); err != nil {
				return nil, fmt.Errorf("notice: statistics workbook: %w", err)
			}
		}
		last, _ := excelize.ColumnNumberToName(len(sh.header))
		_ = f.SetCellStyle(sh.name, "A1", last+"1", bold)
		for c, w := range sh.widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			_ = f.SetColWidth(sh.name, col, col, w)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("notice: statistics workbook: %w", err)
	}
	return buf.Bytes(), nil
}
