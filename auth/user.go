package auth

import (
	"regexp"
	"time"

	"github.com/hallcast/hallcast/web"
)

// Role is what an account may do.
type Role string

// The roles. Admins may do everything editors and reviewers may do.
const (
	RoleAdmin    Role = "admin"
	RoleEditor   Role = "editor"
	RoleReviewer Role = "reviewer"
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleEditor, RoleReviewer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// Allows reports whether an account with role r passes a check for role
// need. An empty need only asks for a login.
func (r Role) Allows(need Role) bool {
	return need == "" || r == need || r == RoleAdmin
}

// User is an admin account. The password hash never leaves the package.
type User struct {
	ID                 int64      `db:"id" json:"id"`
	Username           string     `db:"username" json:"username"`
	DisplayName        string     `db:"display_name" json:"display_name"`
	Role               Role       `db:"role" json:"role"`
	PasswordHash       string     `db:"password_hash" json:"-"`
	Disabled           bool       `db:"disabled" json:"disabled"`
	MustChangePassword bool       `db:"must_change_password" json:"must_change_password"`
	CreatedAt          time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt          time.Time  `db:"updated_at" json:"updated_at"`
	LastLoginAt        *time.Time `db:"last_login_at" json:"last_login_at,omitempty"`
	// Locked is set in lists when wrong passwords locked the account at
	// some address; an admin lifts it (Unlock).
	Locked bool `db:"-" json:"locked,omitempty"`
}

// Name is how the user is shown: the display name, or the user name.
func (u *User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

// checkUsername validates a user name (lower-case ASCII, 2–32 chars).
func checkUsername(c *web.Check, name string) {
	c.That(name != "", "username", web.CodeRequired, "required")
	if name != "" {
		c.That(usernamePattern.MatchString(name), "username", web.CodeInvalid,
			"2 to 32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit")
	}
}
