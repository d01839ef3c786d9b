package display

import (
	"context"
)

// queryDirectoryVersion reads the screen directory's version: one row by
// its primary key.
const queryDirectoryVersion = "SELECT version FROM screen_directory WHERE id = 1"

// DirectoryVersion returns the version of the screen directory: the
// screens, their names and their groups (what ScreensIn lists). Every
// write that changes them bumps it in its own transaction, through
// database triggers (display migration 0002), so writers that never
// publish a change event count too: `hallcast device add` in another
// process on the same SQLite file, another instance, SQL by hand. A list
// read after a version was read is at least as new as that version.
func (s *Service) DirectoryVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.Get(ctx, &v, queryDirectoryVersion); err != nil {
		return 0, wrap("read the screen directory version", err)
	}
	return v, nil
}
