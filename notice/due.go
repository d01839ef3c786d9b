package notice

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/hallcast/hallcast/store"
)

// transition is a due publication or expiry.
type transition struct {
	ID     int64     `db:"id"`
	At     time.Time `db:"at"`
	expire bool
}

// dueBatch bounds one round of PublishDue.
const dueBatch = 100

// PublishDue makes every transition that is due at now, in time order:
// it publishes scheduled versions whose publication time has come (with
// their 三同步 partners) and expires published versions whose end has
// come (they leave the rotation and stay in the archive). Each transition
// happens exactly once, in its own transaction, even when several
// instances call PublishDue at the same time; calling it again is
// harmless. It returns how many transitions it made. A transition that
// fails is logged and left for the next call; the others still happen.
func (s *Service) PublishDue(ctx context.Context, now time.Time) (int, error) {
	made := 0
	type key struct {
		id     int64
		expire bool
	}
	failed := map[key]bool{}
	var errs []error
	for {
		due, err := s.due(ctx, now)
		if err != nil {
			return made, err
		}
		progress := false
		for _, t := range due {
			if failed[key{t.ID, t.expire}] {
				continue
			}
			err := s.db.Tx(ctx, func(tx *store.Tx) error { return s.transit(ctx, tx, t) })
			switch {
			case errors.Is(err, errSkip):
			case err != nil:
				failed[key{t.ID, t.expire}] = true
				errs = append(errs, err)
				s.log.Error("notice: scheduled transition failed", "version_id", t.ID, "expire", t.expire, "err", err)
			default:
				made++
				progress = true
			}
		}
		if !progress || len(due) < dueBatch {
			return made, errors.Join(errs...)
		}
	}
}

// transit makes one transition inside tx.
func (s *Service) transit(ctx context.Context, tx *store.Tx, t transition) error {
	v, err := loadVersion(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	if t.expire {
		return s.expireGroup(ctx, tx, v, t.At)
	}
	partners, err := loadVersions(ctx, tx, "pair_version_id = ? AND status = ? ORDER BY id", v.ID, StatusScheduled)
	if err != nil {
		return err
	}
	return s.publishGroup(ctx, tx, systemWho, v, partners, t.At)
}

// due lists the transitions due at now, oldest first; at equal times
// expiries come first, then lower IDs.
func (s *Service) due(ctx context.Context, now time.Time) ([]transition, error) {
	var pubs, exps []transition
	if err := s.db.Select(ctx, &pubs, `SELECT id, publish_at AS at FROM notice_versions
		WHERE status = ? AND pair_version_id IS NULL AND publish_at <= ? ORDER BY publish_at, id LIMIT ?`,
		StatusScheduled, now, dueBatch); err != nil {
		return nil, fmt.Errorf("notice: unable to list due publications: %w", err)
	}
	if err := s.db.Select(ctx, &exps, `SELECT id, expire_at AS at FROM notice_versions
		WHERE status = ? AND expire_at <= ? ORDER BY expire_at, id LIMIT ?`, StatusPublished, now, dueBatch); err != nil {
		return nil, fmt.Errorf("notice: unable to list due expiries: %w", err)
	}
	for i := range exps {
		exps[i].expire = true
	}
	all := append(pubs, exps...)
	sort.SliceStable(all, func(i, j int) bool {
		if !all[i].At.Equal(all[j].At) {
			return all[i].At.Before(all[j].At)
		}
		if all[i].expire != all[j].expire {
			return all[i].expire
		}
		return all[i].ID < all[j].ID
	})
	if len(all) > dueBatch {
		all = all[:dueBatch]
	}
	return all, nil
}

// NextTransition returns when the next scheduled publication or expiry is
// due, and false when none is pending. A scheduler sleeps until then (or
// until a "notice" change event) and calls PublishDue.
func (s *Service) NextTransition(ctx context.Context) (time.Time, bool, error) {
	queries := []struct {
		sql    string
		status Status
	}{
		{"SELECT publish_at FROM notice_versions WHERE status = ? AND pair_version_id IS NULL AND publish_at IS NOT NULL ORDER BY publish_at LIMIT 1", StatusScheduled},
		{"SELECT expire_at FROM notice_versions WHERE status = ? AND expire_at IS NOT NULL ORDER BY expire_at LIMIT 1", StatusPublished},
	}
	var next []time.Time
	for _, q := range queries {
		var ts []time.Time
		if err := s.db.Select(ctx, &ts, q.sql, q.status); err != nil {
			return time.Time{}, false, fmt.Errorf("notice: unable to find the next transition: %w", err)
		}
		next = append(next, ts...)
	}
	if len(next) == 0 {
		return time.Time{}, false, nil
	}
	sort.Slice(next, func(i, j int) bool { return next[i].Before(next[j]) })
	return next[0], true, nil
}
