package scheduler_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestWarningIsRecordedApart: a job that returns scheduler.Warn is
// recorded as "warning" with its message as the result, not as ok and not
// as a failure.
func TestWarningIsRecordedApart(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations, scheduler.Migrations)
	s := scheduler.New(db, scheduler.Options{Location: shanghai})
	s.Add(scheduler.Job{Name: "test.warns", Spec: "@yearly", Run: func(ctx context.Context, tick time.Time) (string, error) {
		return "", scheduler.Warn("%d overdue: %s", 2, "工作动态、通知公告")
	}})
	s.Add(scheduler.Job{Name: "test.wrapped", Spec: "@yearly", Run: func(ctx context.Context, tick time.Time) (string, error) {
		return "", fmt.Errorf("check: %w", scheduler.Warn("1 overdue"))
	}})
	start(t, s)
	ctx := context.Background()
	s.RunNow("test.warns")
	s.RunNow("test.wrapped")
	eventually(t, "the warnings recorded", func() bool {
		w, _ := s.Runs(ctx, "test.warns", 1)
		x, _ := s.Runs(ctx, "test.wrapped", 1)
		return len(w) == 1 && w[0].Status == "warning" && len(x) == 1 && x[0].Status == "warning"
	})
	runs, _ := s.Runs(ctx, "test.warns", 1)
	if runs[0].Result != "2 overdue: 工作动态、通知公告" || runs[0].Error != "" {
		t.Fatalf("run: %+v", runs[0])
	}
}
