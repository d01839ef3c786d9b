// Package audit keeps the append-only record of every admin mutation: who,
// what, when, from where, and the object before and after.
package audit

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the audit schema.
var Migrations = store.Embedded("audit", migrationFS)

// Actor is who did something: a logged-in user, the CLI, or the system.
type Actor struct {
	ID   int64  // 0 for the CLI and the system
	Name string // user name, "cli" or "system:<job>"
	IP   string
}

// System is the actor for changes made by the server itself.
func System(job string) Actor { return Actor{Name: "system:" + job} }

// Entry is one mutation. Before and After are marshalled to JSON; pass
// values whose JSON form holds no secrets.
type Entry struct {
	At         time.Time
	Action     string // e.g. "user.create", "notice.approve"
	ObjectType string
	ObjectID   int64
	Before     any
	After      any
}

// Record appends an entry, normally inside the transaction of the change.
func Record(ctx context.Context, q store.Querier, who Actor, e Entry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	before, err := marshal(e.Before)
	if err != nil {
		return fmt.Errorf("audit: %s: %w", e.Action, err)
	}
	after, err := marshal(e.After)
	if err != nil {
		return fmt.Errorf("audit: %s: %w", e.Action, err)
	}
	var actorID any
	if who.ID != 0 {
		actorID = who.ID
	}
	objectID := ""
	if e.ObjectID != 0 {
		objectID = strconv.FormatInt(e.ObjectID, 10)
	}
	_, err = q.Exec(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, ip, action, object_type, object_id, before_json, after_json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.At, actorID, who.Name, who.IP, e.Action, e.ObjectType, objectID, before, after)
	if err != nil {
		return fmt.Errorf("audit: unable to record %s: %w", e.Action, err)
	}
	return nil
}

func marshal(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}
