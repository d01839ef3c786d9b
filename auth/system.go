package auth

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/web"
)

// SystemUser returns the account that stands for a part of the server as
// the author of what it writes (e.g. "system-feed" for notices collected
// from feeds), creating it disabled on first use: nobody can log in as it,
// and the review rule "reviewer is not the author" holds for its work.
func (s *Service) SystemUser(ctx context.Context, username, displayName string) (*User, error) {
	u, err := s.ByUsername(ctx, username)
	if err == nil {
		return u, nil
	}
	if !web.IsNotFound(err) {
		return nil, err
	}
	u, _, err = s.Create(ctx, audit.System(username), NewUser{Username: username, DisplayName: displayName, Role: RoleEditor})
	if err != nil {
		// Another instance may have created it meanwhile.
		if u2, err2 := s.ByUsername(ctx, username); err2 == nil {
			return u2, nil
		}
		return nil, fmt.Errorf("auth: unable to create the system user %s: %w", username, err)
	}
	disabled := true
	return s.Update(ctx, audit.System(username), u.ID, Change{Disabled: &disabled})
}
