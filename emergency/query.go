package emergency

import (
	"context"
	"encoding/json"
	"sort"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Get returns one emergency.
func (s *Service) Get(ctx context.Context, id int64) (*Emergency, error) {
	e, err := s.get(ctx, s.opts.DB, id)
	return e, wrap("read an emergency", err)
}

func (s *Service) get(ctx context.Context, q store.Querier, id int64) (*Emergency, error) {
	var e Emergency
	if err := q.Get(ctx, &e, "SELECT "+columns+" FROM emergencies WHERE id = ?", id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("emergency")
		}
		return nil, err
	}
	e.fill()
	return &e, nil
}

func (e *Emergency) fill() {
	e.Groups = []int64{}
	_ = json.Unmarshal([]byte(e.GroupIDs), &e.Groups)
	e.CreatedAt, e.ExpiresAt = e.CreatedAt.UTC(), e.ExpiresAt.UTC()
}

// Summary is an emergency with its receipt counts.
type Summary struct {
	Emergency
	Active    bool `json:"active"`
	Targets   int  `json:"targets"`
	Confirmed int  `json:"confirmed"`
}

// List returns every active emergency plus the `recent` newest ones
// (active or not), newest first: an active emergency older than those is
// still listed, so the admin page can always find and clear it.
func (s *Service) List(ctx context.Context, recent int) ([]Summary, error) {
	now := s.now()
	var rows []struct {
		Emergency
		Confirmed int `db:"confirmed"`
	}
	err := s.opts.DB.Select(ctx, &rows, `SELECT e.id, e.text, e.level, e.all_screens, e.group_ids, e.kiosks, e.created_at, e.created_by,
		e.expires_at, e.cleared_at, e.cleared_by, e.target_count,
		(SELECT COUNT(*) FROM emergency_receipts r WHERE r.emergency_id = e.id) AS confirmed
		FROM emergencies e
		WHERE (e.cleared_at IS NULL AND e.expires_at > ?) OR e.id IN (SELECT id FROM emergencies ORDER BY id DESC LIMIT ?)
		ORDER BY e.id DESC`, now, recent)
	if err != nil {
		return nil, wrap("list emergencies", err)
	}
	out := make([]Summary, 0, len(rows))
	for _, r := range rows {
		r.fill()
		out = append(out, Summary{Emergency: r.Emergency, Active: r.Active(now), Targets: r.TargetCount, Confirmed: r.Confirmed})
	}
	return out, nil
}

// Receipt is one target's state.
type Receipt struct {
	Target
	AckedAt *time.Time `db:"acked_at" json:"acked_at,omitempty"`
	Online  bool       `db:"-" json:"online"`
}

// Receipts is the delivery state of one emergency: "confirmed N of M",
// the online targets that have not confirmed, and the offline ones.
type Receipts struct {
	Emergency   *Emergency `json:"emergency"`
	Active      bool       `json:"active"`
	Targets     int        `json:"targets"`
	Confirmed   int        `json:"confirmed"`
	Unconfirmed []Receipt  `json:"unconfirmed"`
	Offline     []Receipt  `json:"offline"`
}

// Receipts returns the delivery state of emergency id.
func (s *Service) Receipts(ctx context.Context, id int64) (*Receipts, error) {
	e, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	targets, err := s.storedTargets(ctx, id)
	if err != nil {
		return nil, wrap("read the targets", err)
	}
	var acks []struct {
		DeviceID int64     `db:"device_id"`
		AckedAt  time.Time `db:"acked_at"`
	}
	if err := s.opts.DB.Select(ctx, &acks, "SELECT device_id, acked_at FROM emergency_receipts WHERE emergency_id = ?", id); err != nil {
		return nil, wrap("read receipts", err)
	}
	acked := make(map[int64]time.Time, len(acks))
	for _, a := range acks {
		acked[a.DeviceID] = a.AckedAt
	}
	rows := make([]Receipt, len(targets))
	for i, t := range targets {
		rows[i] = Receipt{Target: t}
		if at, ok := acked[t.DeviceID]; ok {
			rows[i].AckedAt = &at
		}
	}
	out := &Receipts{Emergency: e, Active: e.Active(s.now()), Targets: len(rows), Unconfirmed: []Receipt{}, Offline: []Receipt{}}
	var pending []int64
	for _, r := range rows {
		if r.AckedAt != nil {
			out.Confirmed++
		} else {
			pending = append(pending, r.DeviceID)
		}
	}
	online := s.opts.Presence(ctx, pending)
	for _, r := range rows {
		if r.AckedAt != nil {
			continue
		}
		r.Online = online[r.DeviceID]
		if r.Online {
			out.Unconfirmed = append(out.Unconfirmed, r)
		} else {
			out.Offline = append(out.Offline, r)
		}
	}
	return out, nil
}

// activeNow returns every active emergency with its target device IDs.
func (s *Service) activeNow(ctx context.Context) ([]*Emergency, map[int64][]int64, error) {
	var list []*Emergency
	if err := s.opts.DB.Select(ctx, &list, "SELECT "+columns+" FROM emergencies WHERE cleared_at IS NULL AND expires_at > ?", s.now()); err != nil {
		return nil, nil, err
	}
	targets := map[int64][]int64{}
	for _, e := range list {
		e.fill()
		ts, err := s.storedTargets(ctx, e.ID)
		if err != nil {
			return nil, nil, err
		}
		targets[e.ID] = deviceIDs(ts)
	}
	return list, targets, nil
}

// storedTargets reads the stored target list of emergency id, by name.
func (s *Service) storedTargets(ctx context.Context, id int64) ([]Target, error) {
	var raw string
	if err := s.opts.DB.Get(ctx, &raw, "SELECT targets FROM emergencies WHERE id = ?", id); err != nil {
		return nil, err
	}
	var sn snapshot
	if err := json.Unmarshal([]byte(raw), &sn); err != nil {
		return nil, err
	}
	ts := sn.targets()
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Name < ts[j].Name })
	return ts, nil
}
