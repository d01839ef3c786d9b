package server

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/scheduler"
)

// contentJobs registers the jobs of the notices and the catalogue:
// publication and expiry to the second, the freshness check (R8), the
// purge of pre-mask text after its retention (R6) and the pruning of
// uploads nobody attached.
func (a *App) contentJobs() {
	a.Scheduler.AddInstant(scheduler.Instant{Name: "notice.publish", Title: "定时发布与到期下线", TitleEN: "Publish and expire on time",
		Topics: []string{notice.Topic},
		Next: func(ctx context.Context, _ time.Time) (time.Time, bool, error) {
			return a.Notices.NextTransition(ctx)
		},
		Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Notices.PublishDue(ctx, a.Clock.Now())
			return fmt.Sprintf("%d transitions", n), err
		}})

	a.Metrics.MustRegister(a.Catalogue.Collector())
	freshness := func(ctx context.Context, _ time.Time) (string, error) {
		late, err := a.Catalogue.Overdue(ctx)
		if err != nil {
			return "", err
		}
		if len(late) == 0 {
			return "no category overdue", nil
		}
		names := make([]string, 0, len(late))
		for _, c := range late {
			names = append(names, c.Path)
		}
		return "", scheduler.Warn("%d overdue: %s", len(names), strings.Join(names, "、"))
	}
	a.Scheduler.Add(scheduler.Job{Name: "catalogue.freshness", Title: "栏目更新及时性检查", TitleEN: "Catalogue freshness check",
		Spec: "0 7 * * *", Run: freshness})

	a.Scheduler.Add(scheduler.Job{Name: "notice.purge_premask", Title: "清理脱敏前原文", TitleEN: "Purge pre-mask text",
		Spec: "40 3 * * *", Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Notices.PurgePremask(ctx, a.Clock.Now())
			return fmt.Sprintf("%d versions purged", n), err
		}})
	a.Scheduler.Add(scheduler.Job{Name: "notice.prune_uploads", Title: "清理未使用的上传文件", TitleEN: "Prune unused uploads",
		Spec: "20 4 * * *", Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Notices.PruneBlobs(ctx, a.Clock.Now().Add(-24*time.Hour))
			return fmt.Sprintf("%d files removed", n), err
		}})
}
