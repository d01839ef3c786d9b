package notice

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Attachment is a file attached to a version. The bytes are a blob shared
// by every attachment with the same content.
type Attachment struct {
	ID          int64  `db:"id" json:"id"`
	VersionID   int64  `db:"version_id" json:"-"`
	SHA256      string `db:"sha256" json:"sha256"`
	Name        string `db:"name" json:"name"`
	ContentType string `db:"content_type" json:"content_type"`
	Size        int64  `db:"size" json:"size"`
	Position    int    `db:"position" json:"-"`
	// PublicSHA256 and PublicSize are the copy the public gets (R6): a
	// data file with its findings masked, or the file itself; set at
	// approval.
	PublicSHA256 *string `db:"public_sha256" json:"-"`
	PublicSize   *int64  `db:"public_size" json:"-"`
}

const attachmentColumns = "id, version_id, sha256, name, content_type, size, position, public_sha256, public_size"

// AttachmentRef names an uploaded blob to attach, under a file name.
type AttachmentRef struct {
	SHA256 string `json:"sha256"`
	Name   string `json:"name"`
}

// MaxAttachments is the most files one version may carry.
const MaxAttachments = 20

// resolveAttachments checks refs against the stored blobs: each must
// exist, and its name must carry the extension of its content type.
func resolveAttachments(ctx context.Context, q store.Querier, refs []AttachmentRef) ([]Attachment, error) {
	if len(refs) > MaxAttachments {
		return nil, web.Invalid("attachments", web.CodeOutOfRange, "at most %d files", MaxAttachments)
	}
	out := make([]Attachment, 0, len(refs))
	for i, r := range refs {
		field := fmt.Sprintf("attachments[%d]", i)
		name := web.FileName(r.Name)
		if name == "" || utf8.RuneCountInString(name) > 200 {
			return nil, web.Invalid(field+".name", web.CodeInvalid, "want a file name of 1 to 200 characters")
		}
		var b blobInfo
		err := q.Get(ctx, &b, "SELECT sha256, size, content_type FROM notice_blobs WHERE sha256 = ?", strings.ToLower(r.SHA256))
		if store.IsNotFound(err) {
			return nil, web.Invalid(field+".sha256", web.CodeInvalid, "no uploaded file with this digest; upload it first")
		}
		if err != nil {
			return nil, fmt.Errorf("notice: unable to read blob: %w", err)
		}
		if t, ok := typeByExtension(name); !ok || t.contentType != b.ContentType {
			return nil, web.Invalid(field+".name", CodeTypeMismatch, "the name %q does not match the content (%s)", name, b.ContentType)
		}
		out = append(out, Attachment{SHA256: b.SHA256, Name: name, ContentType: b.ContentType, Size: b.Size, Position: i})
	}
	return out, nil
}

// writeAttachments stores the attachment rows of a version.
func writeAttachments(ctx context.Context, tx *store.Tx, versionID int64, atts []Attachment) error {
	for i, a := range atts {
		if _, err := tx.Exec(ctx, `INSERT INTO notice_attachments (version_id, sha256, name, content_type, size, position)
			VALUES (?, ?, ?, ?, ?, ?)`, versionID, a.SHA256, a.Name, a.ContentType, a.Size, i); err != nil {
			return fmt.Errorf("notice: unable to attach %s: %w", a.Name, err)
		}
	}
	return nil
}
