package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/scheduler"
)

// dueSoonWorkdays is how close a deadline must be to be flagged.
const dueSoonWorkdays = 3

// DueItem is one deadline that needs attention: a disclosure request (R1)
// or a bad-rating follow-up (R9) due within three working days or overdue.
type DueItem struct {
	Kind     string `json:"kind"` // "disclosure" or "followup"
	ID       int64  `json:"id"`
	Label    string `json:"label"`
	Due      string `json:"due"`       // YYYY-MM-DD
	DaysLeft int    `json:"days_left"` // working days; negative when overdue
	Overdue  bool   `json:"overdue"`
	// Provisional says Due relies on a year without a holiday list (预计).
	Provisional bool   `json:"provisional"`
	Href        string `json:"href"`
}

// dueItems lists everything due soon or overdue, most urgent first.
func (a *App) dueItems(ctx context.Context) ([]DueItem, error) {
	out := []DueItem{}
	reqs, err := a.Disclosure.List(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		if r.State.Due == nil || !(r.DueSoon || r.State.Overdue) {
			continue
		}
		out = append(out, DueItem{Kind: "disclosure", ID: r.ID, Label: "依申请公开 " + r.TrackingNo, Due: r.State.Due.String(),
			DaysLeft: r.State.DaysLeft, Overdue: r.State.Overdue, Provisional: r.State.Provisional, Href: fmt.Sprintf("/admin/requests?id=%d", r.ID)})
	}
	cal, err := a.Calendar.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	today := calendar.DateOf(a.Clock.Now().In(a.Cfg.TimeZone))
	open, err := a.Ratings.List(ctx, rating.Filter{OpenOnly: true, Limit: 500})
	if err != nil {
		return nil, err
	}
	for _, r := range open {
		if r.DueOn == nil || r.FollowupID == nil {
			continue
		}
		due, err := calendar.ParseDate(*r.DueOn)
		if err != nil {
			continue
		}
		left, err := cal.WorkdaysBetween(today, due)
		if err != nil {
			continue // a deadline in a year without a holiday list: shown on the feedback page
		}
		if left > dueSoonWorkdays {
			continue
		}
		out = append(out, DueItem{Kind: "followup", ID: *r.FollowupID, Label: fmt.Sprintf("差评回访 #%d %s", r.ID, r.Service),
			Due: *r.DueOn, DaysLeft: left, Overdue: r.Overdue, Provisional: r.DueProvisional, Href: "/admin/feedback"})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due < out[j].Due })
	return out, nil
}

// handleDue is GET /api/admin/due: one list of everything due.
func (a *App) handleDue(c echo.Context) error {
	items, err := a.dueItems(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}

// deadlineJobs registers the daily deadline check: it counts what is due
// soon or overdue, for the run history and /metrics.
func (a *App) deadlineJobs() {
	gauge := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "hallcast_deadlines",
		Help: "Disclosure requests and rating follow-ups due within 3 working days or overdue, as of the last deadline check."},
		[]string{"kind", "state"})
	a.Metrics.MustRegister(gauge)
	check := func(ctx context.Context, _ time.Time) (string, error) {
		items, err := a.dueItems(ctx)
		if err != nil {
			return "", err
		}
		counts := map[[2]string]int{}
		for _, k := range []string{"disclosure", "followup"} {
			counts[[2]string{k, "due_soon"}], counts[[2]string{k, "overdue"}] = 0, 0
		}
		for _, it := range items {
			state := "due_soon"
			if it.Overdue {
				state = "overdue"
			}
			counts[[2]string{it.Kind, state}]++
		}
		for k, n := range counts {
			gauge.WithLabelValues(k[0], k[1]).Set(float64(n))
		}
		return fmt.Sprintf("disclosure: %d overdue, %d due soon; follow-ups: %d overdue, %d due soon",
			counts[[2]string{"disclosure", "overdue"}], counts[[2]string{"disclosure", "due_soon"}],
			counts[[2]string{"followup", "overdue"}], counts[[2]string{"followup", "due_soon"}]), nil
	}
	a.Scheduler.Add(scheduler.Job{Name: "deadlines.check", Title: "期限检查（依申请公开、差评回访）", TitleEN: "Deadline check (requests, follow-ups)",
		Spec: "0 8 * * *", Run: check})
	if _, err := check(context.Background(), a.Clock.Now()); err != nil {
		a.Log.Warn("server: first deadline check", "err", err)
	}
}
