package auth

import (
	"context"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Change is a partial update of an account; nil fields stay as they are.
type Change struct {
	DisplayName *string `json:"display_name"`
	Role        *Role   `json:"role"`
	Disabled    *bool   `json:"disabled"`
}

// Update changes an account. Disabling an account ends its sessions. The
// last enabled admin can be neither disabled nor demoted.
func (s *Service) Update(ctx context.Context, who audit.Actor, id int64, ch Change) (*User, error) {
	var c web.Check
	if ch.DisplayName != nil {
		v := strings.TrimSpace(*ch.DisplayName)
		ch.DisplayName = &v
		c.MaxRunes("display_name", v, 64)
	}
	if ch.Role != nil {
		c.That(ch.Role.Valid(), "role", web.CodeInvalid, "want admin, editor or reviewer")
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	var after User
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var before User
		if err := tx.Get(ctx, &before, "SELECT "+userColumns+" FROM users WHERE id = ?", id); err != nil {
			if store.IsNotFound(err) {
				return web.NotFound("user")
			}
			return err
		}
		after = before
		if ch.DisplayName != nil {
			after.DisplayName = *ch.DisplayName
		}
		if ch.Role != nil {
			after.Role = *ch.Role
		}
		if ch.Disabled != nil {
			after.Disabled = *ch.Disabled
		}
		losesAdmin := before.Role == RoleAdmin && !before.Disabled && (after.Role != RoleAdmin || after.Disabled)
		if losesAdmin {
			if err := lastAdminGuard(ctx, tx, id); err != nil {
				return err
			}
		}
		after.UpdatedAt = s.now()
		if _, err := tx.Exec(ctx, "UPDATE users SET display_name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?",
			after.DisplayName, after.Role, after.Disabled, after.UpdatedAt, id); err != nil {
			return err
		}
		if after.Disabled || after.Role != before.Role {
			if _, err := tx.Exec(ctx, "DELETE FROM sessions WHERE user_id = ?", id); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: after.UpdatedAt, Action: "user.update", ObjectType: "user", ObjectID: id, Before: before, After: after})
	})
	if err != nil {
		return nil, wrap("update user", err)
	}
	return &after, nil
}

func lastAdminGuard(ctx context.Context, tx *store.Tx, exceptID int64) error {
	var n int
	if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = FALSE AND id <> ?", exceptID); err != nil {
		return err
	}
	if n == 0 {
		return web.State("this is the last enabled admin account; create another admin first")
	}
	return nil
}

// SetPassword replaces a password and ends the account's sessions. An
// empty password generates a random one, which is returned; mustChange
// asks the user to choose a new one at the next login.
func (s *Service) SetPassword(ctx context.Context, who audit.Actor, id int64, pw string, mustChange bool) (string, error) {
	if pw == "" {
		pw = RandomPassword()
		mustChange = true
	}
	var context []string
	var u User
	if err := s.db.Get(ctx, &u, "SELECT "+userColumns+" FROM users WHERE id = ?", id); err == nil {
		context = []string{u.Username, u.DisplayName}
	} else if !store.IsNotFound(err) {
		return "", wrap("set password", err)
	}
	var c web.Check
	checkPassword(&c, "password", pw, context...)
	if err := c.Err(); err != nil {
		return "", err
	}
	h, err := s.hash(pw)
	if err != nil {
		return "", err
	}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		now := s.now()
		res, err := tx.Exec(ctx, "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?", h, mustChange, now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return web.NotFound("user")
		}
		if _, err := tx.Exec(ctx, "DELETE FROM sessions WHERE user_id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "user.password", ObjectType: "user", ObjectID: id,
			After: map[string]any{"must_change_password": mustChange}})
	})
	if err != nil {
		return "", wrap("set password", err)
	}
	return pw, nil
}
