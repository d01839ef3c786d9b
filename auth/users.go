package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

const userColumns = "id, username, display_name, role, password_hash, disabled, must_change_password, created_at, updated_at, last_login_at"

// NewUser is what it takes to create an account.
type NewUser struct {
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Role        Role   `json:"role"`
	// Password may be empty: a random one is generated and returned once.
	Password string `json:"password"`
	// MustChangePassword asks the user to pick a new password at first login.
	MustChangePassword bool `json:"must_change_password"`
}

// Create adds an account. It returns the user and the password it was
// given (generated when nu.Password was empty).
func (s *Service) Create(ctx context.Context, who audit.Actor, nu NewUser) (*User, string, error) {
	nu.Username = strings.ToLower(strings.TrimSpace(nu.Username))
	nu.DisplayName = strings.TrimSpace(nu.DisplayName)
	generated := nu.Password == ""
	if generated {
		nu.Password = RandomPassword()
	}
	var c web.Check
	checkUsername(&c, nu.Username)
	c.MaxRunes("display_name", nu.DisplayName, 64)
	c.That(nu.Role.Valid(), "role", web.CodeInvalid, "want admin, editor or reviewer")
	checkPassword(&c, "password", nu.Password, nu.Username, nu.DisplayName)
	if err := c.Err(); err != nil {
		return nil, "", err
	}
	h, err := s.hash(nu.Password)
	if err != nil {
		return nil, "", err
	}
	now := s.now()
	u := &User{Username: nu.Username, DisplayName: nu.DisplayName, Role: nu.Role, PasswordHash: h,
		MustChangePassword: nu.MustChangePassword || generated, CreatedAt: now, UpdatedAt: now}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE username = ?", u.Username); err != nil {
			return err
		}
		if n > 0 {
			return web.Conflict("username", "the user name %q is taken", u.Username)
		}
		if err := tx.Get(ctx, &u.ID, `INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, u.Username, u.DisplayName, u.Role, u.PasswordHash, u.MustChangePassword, now, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "user.create", ObjectType: "user", ObjectID: u.ID, After: u})
	})
	if err != nil {
		return nil, "", wrap("create user", err)
	}
	return u, nu.Password, nil
}

// Get returns one account.
func (s *Service) Get(ctx context.Context, id int64) (*User, error) {
	var u User
	if err := s.db.Get(ctx, &u, "SELECT "+userColumns+" FROM users WHERE id = ?", id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("user")
		}
		return nil, fmt.Errorf("auth: unable to read user %d: %w", id, err)
	}
	return &u, nil
}

// ByUsername returns one account by its user name.
func (s *Service) ByUsername(ctx context.Context, name string) (*User, error) {
	var u User
	if err := s.db.Get(ctx, &u, "SELECT "+userColumns+" FROM users WHERE username = ?", strings.ToLower(strings.TrimSpace(name))); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("user")
		}
		return nil, fmt.Errorf("auth: unable to read user %q: %w", name, err)
	}
	return &u, nil
}

// List returns every account, by user name.
func (s *Service) List(ctx context.Context) ([]User, error) {
	users := []User{}
	if err := s.db.Select(ctx, &users, "SELECT "+userColumns+" FROM users ORDER BY username"); err != nil {
		return nil, fmt.Errorf("auth: unable to list users: %w", err)
	}
	locked, err := s.lockedUsers(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("auth: unable to list locked users: %w", err)
	}
	for i := range users {
		users[i].Locked = locked[users[i].Username]
	}
	return users, nil
}

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through unchanged.
func wrap(what string, err error) error {
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("auth: unable to %s: %w", what, err)
}
