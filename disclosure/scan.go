package disclosure

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// scanTypes are the accepted types of a scanned application, by the
// content type sniffed from its bytes, with the extension it is served
// under.
var scanTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// ScanInfo describes a request's scanned application, without its bytes.
type ScanInfo struct {
	Name        string `db:"name" json:"name"`
	ContentType string `db:"content_type" json:"content_type"`
	Size        int64  `db:"size" json:"size"`
	SHA256      string `db:"sha256" json:"sha256"`
}

// scan is a checked upload, ready to store.
type scan struct {
	ScanInfo
	data []byte
}

// checkScan checks an uploaded scan into c (field "scan"): not empty, at
// most limit bytes, and a PDF, JPEG or PNG by its content, whatever its
// name says. Nil when there is none or it is refused.
func checkScan(c *web.Check, f *web.File, limit int64) *scan {
	if f == nil {
		return nil
	}
	if int64(len(f.Data)) > limit {
		c.Add(web.TooLarge("scan", limit))
		return nil
	}
	if len(f.Data) == 0 {
		c.Add(web.Invalid("scan", web.CodeInvalid, "the file is empty"))
		return nil
	}
	ct := http.DetectContentType(f.Data)
	ext, ok := scanTypes[ct]
	if !ok {
		e := web.Invalid("scan", web.CodeUnsupported, "a scan must be a PDF, JPEG or PNG file; this one is %s", ct)
		e.Params = map[string]any{"detected": ct}
		c.Add(e)
		return nil
	}
	name := f.Name
	if name == "" || utf8.RuneCountInString(name) > 200 {
		name = "scan" + ext
	}
	sum := sha256.Sum256(f.Data)
	return &scan{ScanInfo: ScanInfo{Name: name, ContentType: ct, Size: int64(len(f.Data)), SHA256: hex.EncodeToString(sum[:])}, data: f.Data}
}

func scanPlace(column, trackingNo string) string {
	return sealed.Place("disclosure_scans", column, trackingNo)
}

// insertScan stores the scan of request id (trackingNo), its name and
// bytes sealed: a scanned application is full of personal data.
func (s *Service) insertScan(ctx context.Context, tx *store.Tx, id int64, trackingNo string, sc *scan, now time.Time) error {
	k, err := s.opts.Keys.Sealing()
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO disclosure_scans (request_id, name, content_type, size, sha256, data, seal_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, k.Seal(sc.Name, scanPlace("name", trackingNo)), sc.ContentType, sc.Size, sc.SHA256,
		k.SealBytes(sc.data, scanPlace("data", trackingNo)), k.ID(), now)
	return err
}

// scanInfo reads what is known of request id's scan; nil when it has none.
func (s *Service) scanInfo(ctx context.Context, id int64, trackingNo string) (*ScanInfo, error) {
	var si ScanInfo
	err := s.db.Get(ctx, &si, "SELECT name, content_type, size, sha256 FROM disclosure_scans WHERE request_id = ?", id)
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if si.Name, err = s.opts.Keys.Open(si.Name, scanPlace("name", trackingNo)); err != nil {
		return nil, fmt.Errorf("open the name of the scan of request %d: %w", id, err)
	}
	return &si, nil
}

// Scan returns the scanned application of request id and its bytes; a
// request without one is not found.
func (s *Service) Scan(ctx context.Context, id int64) (*ScanInfo, []byte, error) {
	var row struct {
		ScanInfo
		TrackingNo string `db:"tracking_no"`
		Data       []byte `db:"data"`
	}
	err := s.db.Get(ctx, &row, `SELECT s.name, s.content_type, s.size, s.sha256, r.tracking_no, s.data
		FROM disclosure_scans s JOIN disclosure_requests r ON r.id = s.request_id WHERE s.request_id = ?`, id)
	if store.IsNotFound(err) {
		return nil, nil, web.NotFound("scan")
	}
	if err != nil {
		return nil, nil, wrap("read a scan", err)
	}
	if row.Name, err = s.opts.Keys.Open(row.Name, scanPlace("name", row.TrackingNo)); err != nil {
		return nil, nil, wrap("read a scan", err)
	}
	data, err := s.opts.Keys.OpenBytes(row.Data, scanPlace("data", row.TrackingNo))
	if err != nil {
		return nil, nil, wrap("read a scan", err)
	}
	return &row.ScanInfo, data, nil
}
