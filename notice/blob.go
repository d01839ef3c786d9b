package notice

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hallcast/hallcast/store"
)

// blobInfo describes a stored blob without its bytes.
type blobInfo struct {
	SHA256      string `db:"sha256" json:"sha256"`
	Size        int64  `db:"size" json:"size"`
	ContentType string `db:"content_type" json:"content_type"`
}

// putBlob stores data once per content and returns its digest.
func putBlob(ctx context.Context, q store.Querier, data []byte, contentType string, at time.Time) (string, error) {
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	_, err := q.Exec(ctx, `INSERT INTO notice_blobs (sha256, size, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, digest, len(data), contentType, data, at)
	if err != nil {
		return "", fmt.Errorf("notice: unable to store a file: %w", err)
	}
	return digest, nil
}

// getBlob reads a blob's bytes.
func getBlob(ctx context.Context, q store.Querier, digest string) ([]byte, error) {
	var data []byte
	if err := q.Get(ctx, &data, "SELECT data FROM notice_blobs WHERE sha256 = ?", digest); err != nil {
		return nil, fmt.Errorf("notice: unable to read file %s: %w", digest, err)
	}
	return data, nil
}

// PruneBlobs deletes uploaded files that no attachment uses (nor its
// public copy) and that are
// older than before (uploads not yet attached to a saved version are
// younger). A cleanup job calls it; it returns how many it deleted.
func (s *Service) PruneBlobs(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM notice_blobs WHERE created_at < ?
		AND NOT EXISTS (SELECT 1 FROM notice_attachments a WHERE a.sha256 = notice_blobs.sha256)
		AND NOT EXISTS (SELECT 1 FROM notice_attachments a WHERE a.public_sha256 = notice_blobs.sha256)`, before)
	if err != nil {
		return 0, fmt.Errorf("notice: unable to prune files: %w", err)
	}
	return res.RowsAffected()
}

// decodeGB decodes GB18030 (a superset of GBK) text to UTF-8.
func decodeGB(data []byte) ([]byte, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, errors.New("notice: not GB18030 text")
	}
	return out, nil
}
