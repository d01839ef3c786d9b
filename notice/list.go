package notice

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// StatusAll is the key of the count of every notice in Counts.
const StatusAll Status = "all"

// ListFilter narrows the admin list. Status filters the current version's
// state, except StatusPublished and StatusExpired, which filter the live
// version (a published notice with a draft of its next version is listed
// as published and as a draft).
type ListFilter struct {
	Status     Status
	CategoryID int64
	Kind       Kind
	// Q matches the title or the index number.
	Q        string
	AuthorID int64
	Limit    int
	Offset   int
}

// Row is a notice in the admin list.
type Row struct {
	ID            int64      `db:"id" json:"id"`
	IndexNo       *string    `db:"index_no" json:"index_no"`
	VersionID     int64      `db:"version_id" json:"version_id"`
	Number        int        `db:"number" json:"number"`
	Title         string     `db:"title" json:"title"`
	Kind          Kind       `db:"kind" json:"kind"`
	CategoryID    int64      `db:"category_id" json:"category_id"`
	Status        Status     `db:"status" json:"status"`
	LiveStatus    *Status    `db:"live_status" json:"live_status"`
	AuthorID      int64      `db:"author_id" json:"author_id"`
	AuthorName    string     `db:"author_name" json:"author_name"`
	UpdatedAt     time.Time  `db:"updated_at" json:"updated_at"`
	SubmittedAt   *time.Time `db:"submitted_at" json:"submitted_at"`
	LivePublished *time.Time `db:"live_published_at" json:"live_published_at"`
	LiveExpireAt  *time.Time `db:"live_expire_at" json:"live_expire_at"`
	// KeepRequestedBy is set while a kept resident ID number waits for a
	// second admin.
	KeepRequestedBy *int64 `db:"keep_requested_by" json:"keep_requested_by"`
}

const rowSelect = `SELECT n.id, n.index_no, cv.id AS version_id, cv.number, cv.title, cv.kind, cv.category_id, cv.status,
	lv.status AS live_status, cv.author_id, COALESCE(NULLIF(u.display_name, ''), u.username) AS author_name, n.updated_at,
	cv.submitted_at, lv.published_at AS live_published_at, lv.expire_at AS live_expire_at, cv.keep_requested_by
	FROM notices n JOIN notice_versions cv ON cv.id = n.current_version_id
	LEFT JOIN notice_versions lv ON lv.id = n.live_version_id
	JOIN users u ON u.id = cv.author_id`

// List returns notices matching f, most recently changed first, and how
// many match in all.
func (s *Service) List(ctx context.Context, f ListFilter) ([]Row, int, error) {
	where, args := f.where(true)
	var total int
	if err := s.db.Get(ctx, &total, "SELECT COUNT(*) FROM notices n JOIN notice_versions cv ON cv.id = n.current_version_id "+
		"LEFT JOIN notice_versions lv ON lv.id = n.live_version_id"+where, args...); err != nil {
		return nil, 0, fmt.Errorf("notice: unable to count notices: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	rows := []Row{}
	q := rowSelect + where + fmt.Sprintf(" ORDER BY n.updated_at DESC, n.id DESC LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
	if err := s.db.Select(ctx, &rows, q, args...); err != nil {
		return nil, 0, fmt.Errorf("notice: unable to list notices: %w", err)
	}
	return rows, total, nil
}

// Counts returns, for the other filters of f, how many notices each
// status tab of the list holds (keys are statuses, as ListFilter.Status
// reads them, and StatusAll for every notice).
func (s *Service) Counts(ctx context.Context, f ListFilter) (map[Status]int, error) {
	where, args := f.where(false)
	var rows []struct {
		Status Status `db:"status"`
		N      int    `db:"n"`
	}
	q := "SELECT cv.status AS status, COUNT(*) AS n FROM notices n JOIN notice_versions cv ON cv.id = n.current_version_id" +
		where + " GROUP BY cv.status"
	if err := s.db.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("notice: unable to count notices: %w", err)
	}
	out := map[Status]int{}
	for _, st := range Statuses {
		out[st] = 0
	}
	all := 0
	for _, r := range rows {
		out[r.Status] = r.N
		all += r.N
	}
	out[StatusAll] = all
	return s.liveCounts(ctx, out, where, args)
}

// liveCounts sets the published and expired counts from live versions.
func (s *Service) liveCounts(ctx context.Context, out map[Status]int, where string, args []any) (map[Status]int, error) {
	var rows []struct {
		Status Status `db:"status"`
		N      int    `db:"n"`
	}
	q := "SELECT lv.status AS status, COUNT(*) AS n FROM notices n JOIN notice_versions cv ON cv.id = n.current_version_id" +
		" JOIN notice_versions lv ON lv.id = n.live_version_id" + where + andOr(where) + "lv.status IN ('published', 'expired') GROUP BY lv.status"
	if err := s.db.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("notice: unable to count notices: %w", err)
	}
	out[StatusPublished], out[StatusExpired] = 0, 0
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

func andOr(where string) string {
	if where == "" {
		return " WHERE "
	}
	return " AND "
}

// where builds the WHERE clause of f; withStatus includes the status.
func (f ListFilter) where(withStatus bool) (string, []any) {
	var conds []string
	var args []any
	add := func(c string, v ...any) { conds = append(conds, c); args = append(args, v...) }
	if withStatus && f.Status != "" {
		if f.Status == StatusPublished || f.Status == StatusExpired {
			add("lv.status = ?", f.Status)
		} else {
			add("cv.status = ?", f.Status)
		}
	}
	if f.CategoryID != 0 {
		add("cv.category_id = ?", f.CategoryID)
	}
	if f.Kind != "" {
		add("cv.kind = ?", f.Kind)
	}
	if f.AuthorID != 0 {
		add("cv.author_id = ?", f.AuthorID)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q) + "%"
		add(`(cv.title LIKE ? ESCAPE '\' OR n.index_no LIKE ? ESCAPE '\')`, like, like)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}
