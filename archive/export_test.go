package archive

import "context"

// SyncLockout writes this instance's waiting misses and reads the others'
// now, as the lockout's background work does every quarter second.
func SyncLockout(ctx context.Context, s *Service) error {
	if err := s.guard.Flush(ctx); err != nil {
		return err
	}
	return s.guard.Sync(ctx)
}
