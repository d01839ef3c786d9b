package auth

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/web"
)

// EnsureAdmin creates an "admin" account with a random password when no
// enabled admin exists. It returns the password (shown once) or "" when
// nothing was created.
func (s *Service) EnsureAdmin(ctx context.Context) (string, error) {
	var n int
	if err := s.db.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = FALSE"); err != nil {
		return "", fmt.Errorf("auth: unable to count admins: %w", err)
	}
	if n > 0 {
		return "", nil
	}
	name := "admin"
	for i := 2; ; i++ {
		if _, err := s.ByUsername(ctx, name); web.IsNotFound(err) {
			break
		} else if err != nil {
			return "", err
		}
		name = fmt.Sprintf("admin%d", i)
	}
	_, pw, err := s.Create(ctx, audit.System("bootstrap"), NewUser{Username: name, DisplayName: "管理员", Role: RoleAdmin, MustChangePassword: true})
	if err != nil {
		return "", err
	}
	s.opts.Logger.Warn("auth: created the first admin account; this password is shown only once, change it at first login",
		"username", name, "password", pw)
	return pw, nil
}
