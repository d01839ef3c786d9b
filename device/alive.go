package device

import "context"

// Alive records that a device connected over the WebSocket is alive (its
// heartbeat): last_seen_at at most once a minute, its address as it was.
// With several instances this is how one instance knows that a kiosk
// connected to another is online.
func (s *Service) Alive(ctx context.Context, d *Device) {
	now := s.now()
	last := seenMark{ip: d.LastIP}
	if d.LastSeenAt != nil {
		last.at = *d.LastSeenAt
	}
	if v, ok := s.seen.Load(d.ID); ok && v.(seenMark).at.After(last.at) {
		last = v.(seenMark)
	}
	if !last.at.IsZero() && now.Sub(last.at) < seenEvery {
		return
	}
	s.seen.Store(d.ID, seenMark{at: now, ip: last.ip})
	if _, err := s.db.Exec(ctx, "UPDATE devices SET last_seen_at = ? WHERE id = ?", now, d.ID); err != nil {
		s.opts.Logger.Warn("device: unable to record last seen", "device", d.ID, "err", err)
	}
}
