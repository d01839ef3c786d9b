package notice

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// Version is one version of a notice, with everything the workflow knows
// about it: who collected (the author), reviewed and approved it, and when.
type Version struct {
	ID         int64      `db:"id" json:"id"`
	NoticeID   int64      `db:"notice_id" json:"notice_id"`
	Number     int        `db:"number" json:"number"`
	Status     Status     `db:"status" json:"status"`
	Title      string     `db:"title" json:"title"`
	Body       string     `db:"body_md" json:"body"`
	HTML       string     `db:"body_html" json:"html"`
	Text       string     `db:"body_text" json:"-"`
	LEDText    string     `db:"led_text" json:"led_text"`
	Kind       Kind       `db:"kind" json:"kind"`
	CategoryID int64      `db:"category_id" json:"category_id"`
	Disclosure Disclosure `db:"disclosure" json:"disclosure"`
	SourceDept string     `db:"source_dept" json:"source_dept"`
	MadeOn     *string    `db:"made_on" json:"made_on"`
	PublishAt  *time.Time `db:"publish_at" json:"publish_at"`
	ExpireAt   *time.Time `db:"expire_at" json:"expire_at"`
	PeriodN    *int       `db:"period_n" json:"-"`
	PeriodUnit *string    `db:"period_unit" json:"-"`
	Priority   int        `db:"priority" json:"priority"`
	Duration   int        `db:"duration_s" json:"duration"`
	AllScreens bool       `db:"all_screens" json:"all_screens"`
	GuideJSON  *string    `db:"guide_json" json:"-"`
	// PairVersionID is set on an interpretation approved together with a
	// policy document: it publishes with that version (R5).
	PairVersionID *int64     `db:"pair_version_id" json:"pair_version_id,omitempty"`
	AuthorID      int64      `db:"author_id" json:"author_id"`
	CreatedAt     time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt     time.Time  `db:"updated_at" json:"updated_at"`
	SubmittedAt   *time.Time `db:"submitted_at" json:"submitted_at"`
	ReviewedBy    *int64     `db:"reviewed_by" json:"reviewed_by"`
	ReviewedAt    *time.Time `db:"reviewed_at" json:"reviewed_at"`
	ReviewResult  *string    `db:"review_result" json:"review_result"`
	ReviewReason  *string    `db:"review_reason" json:"review_reason"`
	ApprovedBy    *int64     `db:"approved_by" json:"approved_by"`
	ApprovedAt    *time.Time `db:"approved_at" json:"approved_at"`
	// DecidedBy is the admin who decided on a referred version.
	DecidedBy       *int64     `db:"decided_by" json:"decided_by"`
	DecidedAt       *time.Time `db:"decided_at" json:"decided_at"`
	DecisionReason  *string    `db:"decision_reason" json:"decision_reason"`
	PrivacyOverride *string    `db:"privacy_override" json:"privacy_override"`
	PublishedAt     *time.Time `db:"published_at" json:"published_at"`
	EndedAt         *time.Time `db:"ended_at" json:"ended_at"`
	// PremaskPurgedAt is when the pre-mask text was replaced by the
	// public text (the notice.premask_retention_days setting).
	PremaskPurgedAt *time.Time `db:"premask_purged_at" json:"premask_purged_at"`
	// A kept resident ID number waits for a second admin: who asked
	// (the reviewer), with the review opinion to apply, and who confirmed.
	KeepRequestedBy   *int64     `db:"keep_requested_by" json:"keep_requested_by"`
	KeepRequestedAt   *time.Time `db:"keep_requested_at" json:"keep_requested_at"`
	KeepRequestReason *string    `db:"keep_request_reason" json:"keep_request_reason"`
	KeepConfirmedBy   *int64     `db:"keep_confirmed_by" json:"keep_confirmed_by"`
	KeepConfirmedAt   *time.Time `db:"keep_confirmed_at" json:"keep_confirmed_at"`
	publicColumns

	// Filled in by load.
	Period          *calendar.Period `db:"-" json:"period"`
	Guide           *Guide           `db:"-" json:"guide"`
	Groups          []int64          `db:"-" json:"groups"`
	Interpretations []int64          `db:"-" json:"interpretations"`
	Attachments     []Attachment     `db:"-" json:"attachments"`
	// Public is what every public surface shows of an approved version
	// (R6); nil before approval.
	Public *PublicText `db:"-" json:"public"`
	// Decisions are the review's decisions on the findings (mask or keep).
	Decisions []Decided `db:"-" json:"finding_decisions"`
	// People are the display names of the author, reviewer, approver and
	// (for a referred version) the admin who decided.
	AuthorName   string `db:"-" json:"author_name"`
	ReviewerName string `db:"-" json:"reviewer_name,omitempty"`
	ApproverName string `db:"-" json:"approver_name,omitempty"`
	DeciderName  string `db:"-" json:"decider_name,omitempty"`
	// KeepRequesterName and KeepConfirmerName name the people of a kept
	// resident ID number.
	KeepRequesterName string `db:"-" json:"keep_requester_name,omitempty"`
	KeepConfirmerName string `db:"-" json:"keep_confirmer_name,omitempty"`
}

const versionColumns = `id, notice_id, number, status, title, body_md, body_html, body_text, led_text, kind, category_id,
	disclosure, source_dept, made_on, publish_at, expire_at, period_n, period_unit, priority, duration_s, all_screens,
	guide_json, pair_version_id, author_id, created_at, updated_at, submitted_at, reviewed_by, reviewed_at, review_result,
	review_reason, approved_by, approved_at, decided_by, decided_at, decision_reason, privacy_override, published_at, ended_at,
	premask_purged_at, keep_requested_by, keep_requested_at, keep_request_reason, keep_confirmed_by, keep_confirmed_at,
	public_title, public_body_md, public_body_html, public_body_text, public_led_text, public_guide_json`

// loadVersions reads versions by a WHERE clause and fills in their
// groups, links, attachments and people.
func loadVersions(ctx context.Context, q store.Querier, where string, args ...any) ([]*Version, error) {
	var vs []*Version
	if err := q.Select(ctx, &vs, "SELECT "+versionColumns+" FROM notice_versions WHERE "+where, args...); err != nil {
		return nil, fmt.Errorf("notice: unable to read versions: %w", err)
	}
	if len(vs) == 0 {
		return vs, nil
	}
	byID := map[int64]*Version{}
	ids := make([]any, 0, len(vs))
	users := map[int64]string{}
	for _, v := range vs {
		byID[v.ID] = v
		ids = append(ids, v.ID)
		v.Groups, v.Interpretations, v.Attachments = []int64{}, []int64{}, []Attachment{}
		if v.PeriodN != nil && v.PeriodUnit != nil {
			v.Period = &calendar.Period{N: *v.PeriodN, Unit: calendar.Unit(*v.PeriodUnit)}
		}
		if v.GuideJSON != nil {
			v.Guide = &Guide{}
			if err := json.Unmarshal([]byte(*v.GuideJSON), v.Guide); err != nil {
				return nil, fmt.Errorf("notice: version %d: stored guide: %w", v.ID, err)
			}
		}
		if err := v.fillPublic(); err != nil {
			return nil, err
		}
		v.Decisions = []Decided{}
		for _, u := range []*int64{&v.AuthorID, v.ReviewedBy, v.ApprovedBy, v.DecidedBy, v.KeepRequestedBy, v.KeepConfirmedBy} {
			if u != nil {
				users[*u] = ""
			}
		}
	}
	in := placeholders(len(ids))
	var pairs []struct {
		VersionID int64 `db:"version_id"`
		Value     int64 `db:"value"`
	}
	if err := q.Select(ctx, &pairs, "SELECT version_id, group_id AS value FROM notice_version_groups WHERE version_id IN ("+in+") ORDER BY group_id", ids...); err != nil {
		return nil, fmt.Errorf("notice: unable to read target groups: %w", err)
	}
	for _, p := range pairs {
		byID[p.VersionID].Groups = append(byID[p.VersionID].Groups, p.Value)
	}
	pairs = pairs[:0]
	if err := q.Select(ctx, &pairs, "SELECT version_id, interpretation_id AS value FROM notice_version_links WHERE version_id IN ("+in+") ORDER BY interpretation_id", ids...); err != nil {
		return nil, fmt.Errorf("notice: unable to read links: %w", err)
	}
	for _, p := range pairs {
		byID[p.VersionID].Interpretations = append(byID[p.VersionID].Interpretations, p.Value)
	}
	var atts []Attachment
	if err := q.Select(ctx, &atts, "SELECT "+attachmentColumns+" FROM notice_attachments WHERE version_id IN ("+in+") ORDER BY position, id", ids...); err != nil {
		return nil, fmt.Errorf("notice: unable to read attachments: %w", err)
	}
	for _, a := range atts {
		byID[a.VersionID].Attachments = append(byID[a.VersionID].Attachments, a)
	}
	if err := loadDecisions(ctx, q, byID, ids); err != nil {
		return nil, err
	}
	if err := userNames(ctx, q, users); err != nil {
		return nil, err
	}
	for _, v := range vs {
		v.AuthorName = users[v.AuthorID]
		if v.ReviewedBy != nil {
			v.ReviewerName = users[*v.ReviewedBy]
		}
		if v.ApprovedBy != nil {
			v.ApproverName = users[*v.ApprovedBy]
		}
		if v.DecidedBy != nil {
			v.DeciderName = users[*v.DecidedBy]
		}
		if v.KeepRequestedBy != nil {
			v.KeepRequesterName = users[*v.KeepRequestedBy]
		}
		if v.KeepConfirmedBy != nil {
			v.KeepConfirmerName = users[*v.KeepConfirmedBy]
		}
	}
	return vs, nil
}

// loadVersion reads one version by ID.
func loadVersion(ctx context.Context, q store.Querier, id int64) (*Version, error) {
	vs, err := loadVersions(ctx, q, "id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("notice: version %d: %w", id, store.ErrNotFound)
	}
	return vs[0], nil
}
