package notice_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"runtime"
	"testing"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook"
	"github.com/hallcast/hallcast/workbook/workbooktest"
)

func bomb(t *testing.T, b workbooktest.Bomb) []byte {
	t.Helper()
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestXLSXBombAttachmentsAreRefused(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		cases := []struct {
			name  string
			data  []byte
			code  web.Code
			limit string
		}{
			{"4 MB inflating to 2 GB", bomb(t, workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20}), web.CodeTooLarge, workbook.LimitSize},
			{"past the old 256 MB cap", bomb(t, workbooktest.Bomb{Size: 300 << 20, Compressed: 3 << 20}), web.CodeTooLarge, workbook.LimitSize},
			{"a bomb within the size, by its ratio", bomb(t, workbooktest.Bomb{Size: 60 << 20}), web.CodeTooLarge, workbook.LimitRatio},
			{"a lying header", bomb(t, workbooktest.Bomb{Size: 512 << 20, Declared: 1 << 20}), web.CodeInvalid, ""},
		}
		for _, c := range cases {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := e.svc.Upload(ctx, e.editor, "低保名单.xlsx", c.data)
			runtime.ReadMemStats(&after)
			we := webErr(t, err, c.code, "file")
			if we.Status != http.StatusUnprocessableEntity || c.limit != "" && we.Params["limit"] != c.limit {
				t.Fatalf("%s: %d %+v", c.name, we.Status, we)
			}
			if grew := int64(after.Sys) - int64(before.Sys); grew > 100<<20 {
				t.Fatalf("%s took %d MiB", c.name, grew>>20)
			}
		}
		// A bomb stored before uploads were checked is a 422 naming the
		// attachment wherever it is read, not a 500.
		data := cases[1].data
		sum := sha256.Sum256(data)
		digest := hex.EncodeToString(sum[:])
		if _, err := e.db.Exec(ctx, "INSERT INTO notice_blobs (sha256, size, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)",
			digest, len(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
		in := e.input("低保名单公示", notice.KindPublicity, "SHJZ")
		in.Attachments = []notice.AttachmentRef{{SHA256: digest, Name: "低保名单.xlsx"}}
		_, err := e.svc.Create(ctx, e.editor, in)
		if we := webErr(t, err, web.CodeTooLarge, "attachments"); we.Params["limit"] != workbook.LimitSize {
			t.Fatalf("stored bomb: %+v", we)
		}
	})
}
