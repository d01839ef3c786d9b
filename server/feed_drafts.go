package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/feed"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

// feedDrafts turns feed items into notices: a draft submitted for review,
// written by the disabled "system-feed" account, or, for a trusted source,
// approved at once in the name of the admin who trusted it.
type feedDrafts struct{ a *App }

func (d feedDrafts) CreateFromFeed(ctx context.Context, dr feed.Draft) (int64, error) {
	if dr.CategoryID == nil {
		return 0, fmt.Errorf("the source has no category: choose one for its items")
	}
	author, err := d.a.Auth.SystemUser(ctx, "system-feed", "信息源采集")
	if err != nil {
		return 0, err
	}
	who := notice.Who{Actor: audit.Actor{ID: author.ID, Name: author.Username, IP: "feed"}, Role: auth.RoleEditor}
	kind := notice.Kind(dr.Kind)
	if !kind.Valid() {
		kind = notice.KindNews
	}
	title := []rune(strings.TrimSpace(dr.Title))
	if len(title) == 0 {
		title = []rune("（无标题）")
	}
	if len(title) > notice.MaxTitle {
		title = title[:notice.MaxTitle]
	}
	body := []rune(dr.Body)
	if len(body) > notice.MaxBody {
		body = body[:notice.MaxBody]
	}
	in := notice.Input{Title: string(title), Body: string(body), Kind: kind, CategoryID: *dr.CategoryID, SourceDept: dr.SourceName}
	if dr.Published != nil {
		in.MadeOn = calendar.DateOf(dr.Published.In(d.a.Cfg.TimeZone)).String()
	}
	det, err := d.a.Notices.Create(ctx, who, in)
	if err != nil {
		return 0, err
	}
	id := det.Notice.ID
	if _, err := d.a.Notices.Submit(ctx, who, id); err != nil {
		return id, err
	}
	if !dr.Trusted || dr.TrustedBy == nil {
		return id, nil
	}
	reviewer, err := d.a.Auth.Get(ctx, *dr.TrustedBy)
	if err != nil || reviewer.Disabled {
		d.a.Log.Warn("feed: the admin who trusted the source is gone; the item waits for review", "source", dr.SourceID)
		return id, nil
	}
	approver := notice.Who{Actor: audit.Actor{ID: reviewer.ID, Name: reviewer.Username, IP: "feed"}, Role: reviewer.Role}
	reason := fmt.Sprintf("可信信息源「%s」自动发布（由 %s 设为可信）", dr.SourceName, reviewer.Username)
	if _, err := d.a.Notices.Approve(ctx, approver, id, notice.Decision{Reason: reason}); err != nil {
		// Personal data or another block: a person decides.
		d.a.Log.Warn("feed: trusted item left for review", "source", dr.SourceID, "notice", id, "err", err)
	}
	return id, nil
}

// checkFeedTarget validates a source's category and kind.
func (a *App) checkFeedTarget(ctx context.Context, categoryID *int64, kind string) error {
	if categoryID == nil {
		return web.Invalid("category_id", web.CodeRequired, "choose the category of the items")
	}
	if _, err := a.Catalogue.Get(ctx, *categoryID); err != nil {
		return web.Invalid("category_id", web.CodeNotFound, "no such category")
	}
	if kind != "" && !notice.Kind(kind).Valid() {
		return web.Invalid("kind", web.CodeInvalid, "unknown kind %q", kind)
	}
	return nil
}
