package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

var auditSystem = audit.System("notice")

// Notice is the stable identity of a notice.
type Notice struct {
	ID      int64   `db:"id" json:"id"`
	IndexNo *string `db:"index_no" json:"index_no"`
	// CurrentVersionID is the latest version; LiveVersionID the one the
	// public sees or last saw (published, expired or withdrawn), if any.
	CurrentVersionID int64      `db:"current_version_id" json:"current_version_id"`
	LiveVersionID    *int64     `db:"live_version_id" json:"live_version_id"`
	CreatedBy        int64      `db:"created_by" json:"created_by"`
	CreatedAt        time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt        time.Time  `db:"updated_at" json:"updated_at"`
	FirstPublishedAt *time.Time `db:"first_published_at" json:"first_published_at"`
	WithdrawnAt      *time.Time `db:"withdrawn_at" json:"withdrawn_at"`
	WithdrawnBy      *int64     `db:"withdrawn_by" json:"withdrawn_by"`
	WithdrawReason   *string    `db:"withdraw_reason" json:"withdraw_reason"`
}

const noticeColumns = `id, index_no, current_version_id, live_version_id, created_by, created_at, updated_at,
	first_published_at, withdrawn_at, withdrawn_by, withdraw_reason`

// loadNotice reads a notice; a missing one is web.NotFound.
func loadNotice(ctx context.Context, q store.Querier, id int64) (*Notice, error) {
	var n Notice
	err := q.Get(ctx, &n, "SELECT "+noticeColumns+" FROM notices WHERE id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("notice")
	}
	if err != nil {
		return nil, fmt.Errorf("notice: unable to read notice %d: %w", id, err)
	}
	return &n, nil
}

// loadCurrent reads a notice and its current version.
func loadCurrent(ctx context.Context, q store.Querier, id int64) (*Notice, *Version, error) {
	n, err := loadNotice(ctx, q, id)
	if err != nil {
		return nil, nil, err
	}
	v, err := loadVersion(ctx, q, n.CurrentVersionID)
	if err != nil {
		return nil, nil, err
	}
	return n, v, nil
}

// loadLive reads the live version of a notice, or nil.
func loadLive(ctx context.Context, q store.Querier, n *Notice) (*Version, error) {
	if n.LiveVersionID == nil {
		return nil, nil
	}
	return loadVersion(ctx, q, *n.LiveVersionID)
}
