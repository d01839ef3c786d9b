package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// HistoryEntry is one step in a notice's history.
type HistoryEntry struct {
	ID        int64     `db:"id" json:"id"`
	NoticeID  int64     `db:"notice_id" json:"notice_id"`
	VersionID *int64    `db:"version_id" json:"version_id"`
	At        time.Time `db:"at" json:"at"`
	ActorID   *int64    `db:"actor_id" json:"actor_id"`
	ActorName string    `db:"actor_name" json:"actor_name"`
	// Action is one of create, save, new_version, submit, recall, approve,
	// refuse, refer, schedule, publish, expire, withdraw, mask, override.
	Action string `db:"action" json:"action"`
	Reason string `db:"reason" json:"reason"`
}

// addHistory records a step; versionID may be 0.
func addHistory(ctx context.Context, tx *store.Tx, noticeID, versionID int64, who Who, action, reason string, at time.Time) error {
	var vid, aid any
	if versionID != 0 {
		vid = versionID
	}
	if who.ID != 0 {
		aid = who.ID
	}
	_, err := tx.Exec(ctx, `INSERT INTO notice_history (notice_id, version_id, at, actor_id, actor_name, action, reason)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, noticeID, vid, at, aid, who.Name, action, reason)
	if err != nil {
		return fmt.Errorf("notice: unable to record %s: %w", action, err)
	}
	return nil
}

// History returns the steps of a notice, oldest first.
func (s *Service) History(ctx context.Context, id int64) ([]HistoryEntry, error) {
	out := []HistoryEntry{}
	if err := s.db.Select(ctx, &out, `SELECT id, notice_id, version_id, at, actor_id, actor_name, action, reason
		FROM notice_history WHERE notice_id = ? ORDER BY at, id`, id); err != nil {
		return nil, fmt.Errorf("notice: unable to read the history of %d: %w", id, err)
	}
	return out, nil
}

// systemWho is the actor of transitions the server makes by itself.
var systemWho = Who{Actor: auditSystem}
