package notice

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// PublicNotice is a published or archived (expired) notice as screens and
// kiosks show it. Its texts are the version's stored public text (R6):
// masked once at approval, but for the findings the review kept, and the
// same for every surface.
type PublicNotice struct {
	ID           int64      `json:"id"`
	VersionID    int64      `json:"version_id"`
	Status       Status     `json:"status"` // published or expired
	Title        string     `json:"title"`
	HTML         string     `json:"html"`     // sanitised body
	Text         string     `json:"text"`     // plain text of the body
	LEDText      string     `json:"led_text"` // the LED text, or the title when none was written
	Kind         Kind       `json:"kind"`
	KindLabel    string     `json:"kind_label"`
	CategoryID   int64      `json:"category_id"`
	CategoryName string     `json:"category_name"`
	CategoryPath string     `json:"category_path"`
	IndexNo      string     `json:"index_no"`
	SourceDept   string     `json:"source_dept"`
	MadeOn       *string    `json:"made_on"`
	PublishedAt  time.Time  `json:"published_at"`
	ExpireAt     *time.Time `json:"expire_at"`
	// EndDate is the last day shown (the 公示 end date), Period the notice
	// period it was computed from.
	EndDate     *string            `json:"end_date"`
	Period      *calendar.Period   `json:"period"`
	Priority    int                `json:"priority"`
	Duration    int                `json:"duration"`
	AllScreens  bool               `json:"all_screens"`
	Groups      []int64            `json:"groups"`
	Attachments []PublicAttachment `json:"attachments"`
	// Interpretations are the notice IDs of a policy document's published
	// interpretations; PolicyID the policy document of an interpretation.
	Interpretations []int64 `json:"interpretations"`
	PolicyID        *int64  `json:"policy_id"`
	Guide           *Guide  `json:"guide"`

	// UpdatedAt is when the notice last changed, as the kiosk's lists
	// show it (notices.updated_at).
	UpdatedAt time.Time `json:"updated_at"`
}

// PublicAttachment is a file of a public notice, downloadable without
// login at URL.
type PublicAttachment struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	URL         string `json:"url"`
}

// PublicFilter selects public notices. Zero values do not filter.
type PublicFilter struct {
	IDs         []int64
	CategoryIDs []int64 // exact categories; expand sub-categories yourself
	Kinds       []Kind
	// GroupID keeps notices shown on that screen group (targeted at it or
	// at all screens).
	GroupID int64
	Limit   int // default 200, at most 1000
	Offset  int
}

// Published lists the notices on air, highest priority first, then the
// most recently published.
func (s *Service) Published(ctx context.Context, f PublicFilter) ([]PublicNotice, error) {
	return s.public(ctx, StatusPublished, f, "priority DESC, published_at DESC, id DESC")
}

// Archive lists expired notices (they left the rotation and stay
// searchable), most recently ended first.
func (s *Service) Archive(ctx context.Context, f PublicFilter) ([]PublicNotice, error) {
	return s.public(ctx, StatusExpired, f, "ended_at DESC, id DESC")
}

// PublicNotice returns one published or expired notice; anything else
// (a draft, a withdrawn notice) is web.NotFound.
func (s *Service) PublicNotice(ctx context.Context, id int64) (*PublicNotice, error) {
	for _, st := range []Status{StatusPublished, StatusExpired} {
		ps, err := s.public(ctx, st, PublicFilter{IDs: []int64{id}}, "id")
		if err != nil {
			return nil, err
		}
		if len(ps) == 1 {
			return &ps[0], nil
		}
	}
	return nil, web.NotFound("notice")
}

func (s *Service) public(ctx context.Context, st Status, f PublicFilter, order string) ([]PublicNotice, error) {
	where := []string{"status = ?", "public_title IS NOT NULL",
		"id IN (SELECT live_version_id FROM notices WHERE withdrawn_at IS NULL AND live_version_id IS NOT NULL)"}
	args := []any{st}
	in := func(col string, vals []any) {
		where = append(where, col+" IN ("+placeholders(len(vals))+")")
		args = append(args, vals...)
	}
	if len(f.IDs) > 0 {
		in("notice_id", anys(f.IDs))
	}
	if len(f.CategoryIDs) > 0 {
		in("category_id", anys(f.CategoryIDs))
	}
	if len(f.Kinds) > 0 {
		ks := make([]any, len(f.Kinds))
		for i, k := range f.Kinds {
			ks[i] = k
		}
		in("kind", ks)
	}
	if f.GroupID != 0 {
		where = append(where, "(all_screens = TRUE OR id IN (SELECT version_id FROM notice_version_groups WHERE group_id = ?))")
		args = append(args, f.GroupID)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	q := strings.Join(where, " AND ") + fmt.Sprintf(" ORDER BY %s LIMIT %d OFFSET %d", order, f.Limit, max(f.Offset, 0))
	vs, err := loadVersions(ctx, s.db, q, args...)
	if err != nil {
		return nil, err
	}
	return s.toPublic(ctx, vs)
}
