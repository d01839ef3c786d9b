package notice

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"unicode/utf8"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook"
)

// Uploaded is a stored file, ready to attach with an AttachmentRef.
type Uploaded struct {
	SHA256      string `json:"sha256"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
}

// Upload checks a file (its type from the content must match its
// extension, its size the upload limit) and stores its bytes once per
// content. Errors name the field "file".
func (s *Service) Upload(ctx context.Context, who Who, name string, data []byte) (*Uploaded, error) {
	name = web.FileName(name)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return nil, web.Invalid("file", web.CodeInvalid, "want a file name of 1 to 200 characters")
	}
	if int64(len(data)) > s.limit {
		return nil, web.TooLarge("file", s.limit)
	}
	if err := checkWorkbook(ctx, name, data); err != nil {
		return nil, err
	}
	ft, err := sniff(name, data)
	if err != nil {
		return nil, err
	}
	p, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	now := s.now()
	up := &Uploaded{Name: name, ContentType: ft.contentType, Size: len(data)}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		if up.SHA256, err = putBlob(ctx, tx, data, ft.contentType, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.upload", ObjectType: "file:" + up.SHA256,
			After: map[string]any{"name": auditText(p, name), "size": len(data), "content_type": ft.contentType}})
	})
	if err != nil {
		return nil, wrap("store an upload", err)
	}
	return up, nil
}

// checkWorkbook refuses a zip file named .xlsx over the limits of
// workbook.Attachment (422 too_large naming the limit) or whose parts do
// not inflate as its directory says (422 invalid), before anything reads
// it; one that is no zip at all is left to sniff (type_mismatch).
func checkWorkbook(ctx context.Context, name string, data []byte) error {
	if t, _ := typeByExtension(name); t.contentType != xlsxType || http.DetectContentType(data) != "application/zip" {
		return nil
	}
	r, size := bytes.NewReader(data), int64(len(data))
	if _, err := workbook.OpenZip(r, size, workbook.Attachment); errors.Is(err, workbook.ErrCorrupt) {
		return nil
	}
	return workbook.WebError("file", workbook.Check(ctx, r, size, workbook.Attachment))
}
