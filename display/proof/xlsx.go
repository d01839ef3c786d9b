package proof

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"
)

// XLSX writes the report as a workbook: the daily rows, and the totals per
// notice over the range.
func (rep *Report) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("proof: workbook: %w", err)
	}
	type total struct {
		id          int64
		title       string
		plays, days int64
		seconds     float64
	}
	totals := map[int64]*total{}
	daily := [][]any{}
	for _, r := range rep.Rows {
		daily = append(daily, []any{r.Day, r.NoticeID, r.Title, r.Plays, r.TotalS, r.Screens})
		t := totals[r.NoticeID]
		if t == nil {
			t = &total{id: r.NoticeID, title: r.Title}
			totals[r.NoticeID] = t
		}
		t.plays += r.Plays
		t.seconds += r.TotalS
		t.days++
	}
	byNotice := make([]*total, 0, len(totals))
	for _, t := range totals {
		byNotice = append(byNotice, t)
	}
	sort.Slice(byNotice, func(i, j int) bool {
		if byNotice[i].plays != byNotice[j].plays {
			return byNotice[i].plays > byNotice[j].plays
		}
		return byNotice[i].id < byNotice[j].id
	})
	sum := [][]any{}
	for _, t := range byNotice {
		sum = append(sum, []any{t.id, t.title, t.plays, t.seconds, t.days})
	}
	sheets := []struct {
		name   string
		header []any
		rows   [][]any
		widths []float64
	}{
		{"每日明细", []any{"日期", "信息编号", "信息标题", "播放次数", "播放时长（秒）", "屏幕数"}, daily, []float64{12, 10, 50, 10, 14, 8}},
		{"按信息汇总", []any{"信息编号", "信息标题", "播放次数", "播放时长（秒）", "播放天数"}, sum, []float64{10, 50, 10, 14, 10}},
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, fmt.Errorf("proof: workbook: %w", err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, fmt.Errorf("proof: workbook: %w", err)
		}
		rows := append([][]any{sh.header}, sh.rows...)
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh.name, cell, &row); err != nil {
				return nil, fmt.Errorf("proof: workbook: %w", err)
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
		return nil, fmt.Errorf("proof: workbook: %w", err)
	}
	return buf.Bytes(), nil
}
