package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
)

// publicAttachments stores the public copy of each attachment of v: a CSV
// or XLSX file with its findings masked but the kept ones, any other file
// as it is. /files serves only these copies.
func publicAttachments(ctx context.Context, tx *store.Tx, p privacy.Policy, v *Version, kept *keepSet, at time.Time) error {
	for i := range v.Attachments {
		a := &v.Attachments[i]
		digest, size := a.SHA256, a.Size
		if ft := typeByContentType(a.ContentType); ft.data {
			data, err := getBlob(ctx, tx, a.SHA256)
			if err != nil {
				return err
			}
			field := fmt.Sprintf("attachments[%d]", i)
			masked, changed, err := maskData(p, ft, data, func(cell string, x privacy.Finding) bool { return kept.has(field, cell, x) })
			if err != nil {
				return fmt.Errorf("notice: masking %s: %w", a.Name, err)
			}
			if changed {
				if digest, err = putBlob(ctx, tx, masked, a.ContentType, at); err != nil {
					return err
				}
				size = int64(len(masked))
			}
		}
		if _, err := tx.Exec(ctx, "UPDATE notice_attachments SET public_sha256 = ?, public_size = ? WHERE id = ?", digest, size, a.ID); err != nil {
			return fmt.Errorf("notice: unable to store the public copy of %s: %w", a.Name, err)
		}
		a.PublicSHA256, a.PublicSize = &digest, &size
	}
	return nil
}
