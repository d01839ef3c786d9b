package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Row is a recorded entry as listed.
type Row struct {
	ID         int64           `db:"id" json:"id"`
	At         time.Time       `db:"at" json:"at"`
	ActorID    *int64          `db:"actor_id" json:"actor_id,omitempty"`
	ActorName  string          `db:"actor_name" json:"actor_name"`
	IP         string          `db:"ip" json:"ip"`
	Action     string          `db:"action" json:"action"`
	ObjectType string          `db:"object_type" json:"object_type"`
	ObjectID   string          `db:"object_id" json:"object_id"`
	BeforeRaw  *string         `db:"before_json" json:"-"`
	AfterRaw   *string         `db:"after_json" json:"-"`
	Before     json.RawMessage `db:"-" json:"before,omitempty"`
	After      json.RawMessage `db:"-" json:"after,omitempty"`
}

// Filter narrows a listing. Zero values do not filter. Rows come newest
// first; pass the last ID seen as BeforeID for the next page.
type Filter struct {
	ActorName  string
	Action     string // exact, or a prefix ending in "." such as "user."
	ObjectType string
	ObjectID   string
	Since      time.Time
	Until      time.Time
	BeforeID   int64
	Limit      int
}

// List returns entries matching f, newest first.
func List(ctx context.Context, q store.Querier, f Filter) ([]Row, error) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.ActorName != "" {
		add("actor_name = ?", f.ActorName)
	}
	if strings.HasSuffix(f.Action, ".") {
		add("action LIKE ?", f.Action+"%")
	} else if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.ObjectType != "" {
		add("object_type = ?", f.ObjectType)
	}
	if f.ObjectID != "" {
		add("object_id = ?", f.ObjectID)
	}
	if !f.Since.IsZero() {
		add("at >= ?", f.Since)
	}
	if !f.Until.IsZero() {
		add("at < ?", f.Until)
	}
	if f.BeforeID > 0 {
		add("id < ?", f.BeforeID)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	query := "SELECT id, at, actor_id, actor_name, ip, action, object_type, object_id, before_json, after_json FROM audit_log"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", f.Limit)
	rows := []Row{}
	if err := q.Select(ctx, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("audit: unable to list: %w", err)
	}
	for i := range rows {
		if rows[i].BeforeRaw != nil {
			rows[i].Before = json.RawMessage(*rows[i].BeforeRaw)
		}
		if rows[i].AfterRaw != nil {
			rows[i].After = json.RawMessage(*rows[i].AfterRaw)
		}
	}
	return rows, nil
}
