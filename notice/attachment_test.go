package notice_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/web"
)

func pngBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xlsxBytes(t *testing.T, rows [][]any) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUploadsAreSniffedAndLimited(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
		ok := []struct {
			name, ct string
			data     []byte
		}{
			{"现场照片.png", "image/png", pngBytes(t)},
			{"公告原文.PDF", "application/pdf", pdf},
			{"名单.csv", "text/csv", []byte("姓名,金额\n张三,800\n")},
			{"名单GBK.csv", "text/csv", []byte{0xd0, 0xd5, 0xc3, 0xfb, ',', '1', '\n'}}, // 姓名 in GBK
			{"名单.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxBytes(t, [][]any{{"姓名"}})},
		}
		for _, c := range ok {
			up, err := e.svc.Upload(ctx, e.editor, c.name, c.data)
			if err != nil || up.ContentType != c.ct || len(up.SHA256) != 64 {
				t.Fatalf("%s: %+v %v", c.name, up, err)
			}
		}
		// The same content twice is stored once.
		a, _ := e.svc.Upload(ctx, e.editor, "a.png", pngBytes(t))
		b, _ := e.svc.Upload(ctx, e.editor, "b.png", pngBytes(t))
		if a.SHA256 != b.SHA256 {
			t.Fatal("same content, different digests")
		}
		bad := []struct {
			name string
			data []byte
			code web.Code
		}{
			{"照片.pdf", pngBytes(t), notice.CodeTypeMismatch},
			{"名单.xlsx", []byte("PK\x03\x04 not really a zip"), notice.CodeTypeMismatch},
			{"名单.csv", pdf, notice.CodeTypeMismatch},
			{"名单.csv", []byte("a,b\x00c"), notice.CodeTypeMismatch},
			{"程序.exe", []byte("MZ..."), web.CodeUnsupported},
			{"", pdf, web.CodeInvalid},
		}
		for _, c := range bad {
			_, err := e.svc.Upload(ctx, e.editor, c.name, c.data)
			webErr(t, err, c.code, "file")
		}
		small := notice.New(notice.Options{DB: e.db, Clock: e.clock, Location: shanghai, Calendar: e.cal, UploadLimit: 16})
		_, err := small.Upload(ctx, e.editor, "a.pdf", pdf)
		webErr(t, err, web.CodeTooLarge, "file")
		// An attachment's name must match its content.
		in := e.input("附件", notice.KindAnnouncement, "TZGG")
		in.Attachments = []notice.AttachmentRef{{SHA256: a.SHA256, Name: "照片.pdf"}}
		_, err = e.svc.Create(ctx, e.editor, in)
		webErr(t, err, notice.CodeTypeMismatch, "attachments[0].name")
	})
}

func TestDataAttachmentsAreScannedAndMasked(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		csv, err := e.svc.Upload(ctx, e.editor, "低保名单.csv", []byte("\xef\xbb\xbf姓名,身份证号,金额\n张三,11010519491231002X,800\n李四,110105194912310021,600\n"))
		if err != nil {
			t.Fatal(err)
		}
		xlsx, err := e.svc.Upload(ctx, e.editor, "名单.xlsx", xlsxBytes(t, [][]any{{"姓名", "电话"}, {"王五", "13812345678"}}))
		if err != nil {
			t.Fatal(err)
		}
		in := e.input("低保名单公示", notice.KindPublicity, "SHJZ")
		in.Attachments = []notice.AttachmentRef{{SHA256: csv.SHA256, Name: csv.Name}, {SHA256: xlsx.SHA256, Name: xlsx.Name}}
		id := e.written(in)
		_, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意"})
		we := webErr(t, err, notice.CodePersonalData, "attachments[0]")
		fs := we.Params["findings"].([]notice.Finding)
		// 110105194912310021 (B3) has a wrong check digit: a suspected ID.
		if len(fs) != 3 || fs[0].Where != "B2" || fs[0].Kind != privacy.KindID18 || fs[1].Where != "B3" || fs[1].Kind != privacy.KindID18Suspect ||
			fs[2].Field != "attachments[1]" || fs[2].Where != "Sheet1!B2" {
			t.Fatalf("findings %+v", fs)
		}
		d, err := e.svc.Mask(ctx, e.reviewer, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Findings) != 0 || d.Current.Attachments[0].SHA256 == csv.SHA256 {
			t.Fatalf("after masking: %+v", d.Findings)
		}
		d = e.approve(e.reviewer, id)
		p, _ := e.svc.PublicNotice(ctx, id)
		if len(p.Attachments) != 2 || !strings.HasPrefix(p.Attachments[0].URL, "/files/") {
			t.Fatalf("public attachments %+v", p.Attachments)
		}
	})
}
