package notice_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/notice"
)

// The public copy of a workbook masks every cell finding but the kept
// ones; the editors' attachment stays as uploaded until the purge.
func TestPublicCopyOfAWorkbookKeepsOnlyKeptCells(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		x, err := e.svc.Upload(ctx, e.editor, "名单.xlsx", xlsxBytes(t, [][]any{
			{"姓名", "身份证号", "联系电话"}, {"张三", rawID, rawMobile}, {"受理窗口", "", "13912345678"}}))
		if err != nil {
			t.Fatal(err)
		}
		in := e.input("名单公示", notice.KindPublicity, "SHJZ")
		in.Attachments = []notice.AttachmentRef{{SHA256: x.SHA256, Name: x.Name}}
		id := e.written(in)
		d, _ := e.svc.Detail(ctx, id)
		var keep notice.FindingDecision
		for _, f := range d.Findings {
			if f.Where == "Sheet1!C3" {
				keep = notice.FindingDecision{Field: f.Field, Where: f.Where, Kind: f.Kind, Start: f.Start, End: f.End,
					Decision: notice.DecisionKeep, Reason: "受理窗口电话"}
			}
		}
		d, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{keep}})
		if err != nil {
			t.Fatal(err)
		}
		a := d.Current.Attachments[0]
		if a.SHA256 != x.SHA256 || a.PublicSHA256 == nil || *a.PublicSHA256 == x.SHA256 {
			t.Fatalf("attachment %+v", a)
		}
		var data []byte
		if err := e.db.Get(ctx, &data, "SELECT data FROM notice_blobs WHERE sha256 = ?", *a.PublicSHA256); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for cell, want := range map[string]string{"B2": "110105********002X", "C2": "138****5678", "C3": "13912345678", "A2": "张三"} {
			if got, _ := f.GetCellValue("Sheet1", cell); got != want {
				t.Errorf("%s = %q, want %q", cell, got, want)
			}
		}
	})
}
