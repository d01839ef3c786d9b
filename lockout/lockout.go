// Package lockout counts the misses of guarded lookups (a citizen's
// archive query, a suggestion or request status look-up at a kiosk) in a
// sliding window per scope: per kiosk, per client address and per thing
// looked up (a dataset's key, a tracking number). A hit between misses
// changes nothing, so a run of misses cannot be reset by looking up one's
// own record now and then. A scope that reaches its rule's misses is
// locked for a while; a kiosk can also be slowed before that.
//
// The counts are shared by every instance on one database: a Guard keeps
// them in memory, so a check costs no database read, adds its own misses
// at once, writes them in batches (every quarter second) and reads what
// other instances wrote in between. Each write takes the next value of one
// sequence row in its transaction, so an instance reads only the rows
// written since it last looked.
package lockout

import (
	"embed"
	"time"

	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the lockout schema.
var Migrations = store.Embedded("lockout", migrationFS)

// Reasons of a refusal.
const (
	Locked = "locked" // too many misses in the window: locked for a while
	Slowed = "slowed" // misses: wait before the next lookup
)

// Rule says how a scope's misses are counted and what they do.
type Rule struct {
	// LockAfter misses within Window lock the scope for LockFor; the
	// count then starts again.
	LockAfter int
	Window    time.Duration
	LockFor   time.Duration
	// From the SlowAfter-th miss in the window, each miss makes the next
	// lookup wait SlowStep times the misses beyond SlowAfter-1, at most
	// SlowMax; 0 never slows.
	SlowAfter int
	SlowStep  time.Duration
	SlowMax   time.Duration
	// Keep keeps the scope's row once its misses expired (kiosks: admins
	// see how often each was locked); other rows are deleted then.
	Keep bool
}

// Scope is one thing whose misses are counted: its kind (for example
// "archive.kiosk") and name (the kiosk's ID), with the rule that applies.
type Scope struct {
	Kind, Name string
	Rule       Rule
}

func (s Scope) id() string { return s.Kind + ":" + s.Name }

// Refusal is a lookup refused: which scope, why (Locked or Slowed) and
// for how long.
type Refusal struct {
	Kind, Name string
	Reason     string
	Wait       time.Duration
}
