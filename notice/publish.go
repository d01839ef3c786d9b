package notice

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// errSkip rolls back a transition another call made first.
var errSkip = errors.New("notice: transition already made")

// publishGroup publishes head and its partners (R5) at `at`: each becomes
// the live version of its notice, the version it replaces is superseded,
// and the notice period starts. The partners end when head ends. It
// returns errSkip when head is no longer scheduled.
func (s *Service) publishGroup(ctx context.Context, tx *store.Tx, who Who, head *Version, partners []*Version, at time.Time) error {
	end, err := s.expiry(ctx, tx, head, at)
	if err != nil {
		return err
	}
	for i, v := range append([]*Version{head}, partners...) {
		res, err := tx.Exec(ctx, "UPDATE notice_versions SET status = ?, published_at = ?, expire_at = ? WHERE id = ? AND status = ?",
			StatusPublished, at, end, v.ID, StatusScheduled)
		if err != nil {
			return fmt.Errorf("notice: unable to publish version %d: %w", v.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if i == 0 {
				return errSkip
			}
			continue // a partner that changed meanwhile: it follows its own course
		}
		n, err := loadNotice(ctx, tx, v.NoticeID)
		if err != nil {
			return err
		}
		old, err := loadLive(ctx, tx, n)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE notice_versions SET status = ?, ended_at = ? WHERE notice_id = ? AND id <> ? AND status IN (?, ?, ?)",
			StatusSuperseded, at, v.NoticeID, v.ID, StatusPublished, StatusExpired, StatusScheduled); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE notices SET live_version_id = ?, first_published_at = COALESCE(first_published_at, ?),
			updated_at = ? WHERE id = ?`, v.ID, at, at, v.NoticeID); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, v.NoticeID, v.ID, who, "publish", "", at); err != nil {
			return err
		}
		event := EventPublished
		if old != nil && old.Status == StatusPublished {
			event = EventUpdated
		} else {
			old = nil
		}
		v.Status, v.PublishedAt, v.ExpireAt = StatusPublished, &at, end
		publishEvent(tx, event, v, old)
	}
	return nil
}

// expiry is when head, published at `at`, ends: its end time, or the end
// of its notice period counted from the day of publication; an
// interpretation of a live policy document ends with that document.
func (s *Service) expiry(ctx context.Context, q store.Querier, head *Version, at time.Time) (*time.Time, error) {
	if head.Kind == KindInterpretation {
		p, err := livePolicy(ctx, q, head.NoticeID)
		if err != nil {
			return nil, err
		}
		if p != nil { // R5: it ends with the policy document it explains
			return p.ExpireAt, nil
		}
	}
	switch {
	case head.ExpireAt != nil:
		return head.ExpireAt, nil
	case head.Period != nil:
		end, err := s.periodEnd(ctx, *head.Period, at)
		if err != nil {
			return nil, err
		}
		return &end, nil
	}
	return nil, nil
}

// expireGroup ends a published version and, for a policy document, its
// published interpretations (R5). An interpretation whose live policy
// document ends now too is ended through the policy document. It returns
// errSkip when the version is no longer published.
func (s *Service) expireGroup(ctx context.Context, tx *store.Tx, v *Version, at time.Time) error {
	if v.Kind == KindInterpretation {
		p, err := livePolicy(ctx, tx, v.NoticeID)
		if err != nil {
			return err
		}
		if p != nil && p.ExpireAt != nil && !p.ExpireAt.After(at) {
			v = p
		}
	}
	group := []*Version{v}
	if v.Kind == KindPolicy {
		ls, err := liveInterpretations(ctx, tx, v)
		if err != nil {
			return err
		}
		group = append(group, ls...)
	}
	for i, g := range group {
		res, err := tx.Exec(ctx, "UPDATE notice_versions SET status = ?, ended_at = ? WHERE id = ? AND status = ?",
			StatusExpired, at, g.ID, StatusPublished)
		if err != nil {
			return fmt.Errorf("notice: unable to expire version %d: %w", g.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if i == 0 {
				return errSkip
			}
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE notices SET updated_at = ? WHERE id = ?", at, g.NoticeID); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, g.NoticeID, g.ID, systemWho, "expire", "", at); err != nil {
			return err
		}
		publishEvent(tx, EventExpired, g, nil)
	}
	return nil
}
