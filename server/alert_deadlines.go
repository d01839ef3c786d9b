package server

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/rating"
)

// deadline is something due on a day: a request, a follow-up, a reply to
// a suggestion.
type deadline struct {
	item, label string
	due         calendar.Date
	left        int // working days from today; negative when overdue
}

// findDeadlines turns deadlines into findings: due within threshold
// working days (overdue ones too, so the alert stays open until the
// work is done), or overdue only.
func findDeadlines(list []deadline, threshold int, overdueOnly bool) []alert.Finding {
	out := []alert.Finding{}
	for _, d := range list {
		switch {
		case d.left < 0:
			out = append(out, alert.Finding{Item: d.item, Text: fmt.Sprintf("%s 已超期 %d 个工作日（期限 %s）", d.label, -d.left, d.due)})
		case overdueOnly || d.left > threshold:
		case d.left == 0:
			out = append(out, alert.Finding{Item: d.item, Text: fmt.Sprintf("%s 今天到期（%s）", d.label, d.due)})
		default:
			out = append(out, alert.Finding{Item: d.item, Text: fmt.Sprintf("%s 还剩 %d 个工作日到期（%s）", d.label, d.left, d.due)})
		}
	}
	return out
}

func (a *App) today() calendar.Date { return calendar.DateOf(a.Clock.Now().In(a.Cfg.TimeZone)) }

// requestDeadlines lists the open disclosure requests with a deadline (R1).
func (a *App) requestDeadlines(ctx context.Context) ([]deadline, error) {
	reqs, err := a.Disclosure.List(ctx, false)
	if err != nil {
		return nil, err
	}
	out := []deadline{}
	for _, r := range reqs {
		if r.State.Due != nil {
			out = append(out, deadline{item: fmt.Sprintf("request:%d", r.ID), label: "依申请公开 " + r.TrackingNo, due: *r.State.Due, left: r.State.DaysLeft})
		}
	}
	return out, nil
}

// followupDeadlines lists the open follow-ups of bad ratings (R9).
func (a *App) followupDeadlines(ctx context.Context) ([]deadline, error) {
	cal, err := a.Calendar.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	open, err := a.Ratings.List(ctx, rating.Filter{OpenOnly: true, Limit: 500})
	if err != nil {
		return nil, err
	}
	today, out := a.today(), []deadline{}
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
			continue // a year without any list: shown on the feedback page
		}
		out = append(out, deadline{item: fmt.Sprintf("followup:%d", *r.FollowupID), label: fmt.Sprintf("差评回访 #%d %s", r.ID, r.Service), due: due, left: left})
	}
	return out, nil
}

// suggestionDeadlines lists the suggestions not answered yet, due the set
// number of working days after they came in.
func (a *App) suggestionDeadlines(ctx context.Context) ([]deadline, error) {
	days, err := a.Alerts.SuggestionReplyWorkdays(ctx)
	if err != nil {
		return nil, err
	}
	cal, err := a.Calendar.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	list, err := a.Suggestions.List(ctx, false)
	if err != nil {
		return nil, err
	}
	today, out := a.today(), []deadline{}
	for _, s := range list {
		if s.Status != "received" && s.Status != "assigned" {
			continue // replied: waiting to be closed
		}
		due, err := cal.AddWorkdays(calendar.DateOf(s.CreatedAt.In(a.Cfg.TimeZone)), days)
		if err != nil {
			continue
		}
		left, err := cal.WorkdaysBetween(today, due)
		if err != nil {
			continue
		}
		out = append(out, deadline{item: fmt.Sprintf("suggestion:%d", s.ID), label: "意见建议 " + s.TrackingNo, due: due, left: left})
	}
	return out, nil
}

// deadlineCheck adapts a list of deadlines to a condition's check.
func deadlineCheck(list func(context.Context) ([]deadline, error), overdueOnly bool) func(context.Context, time.Time, int) ([]alert.Finding, error) {
	return func(ctx context.Context, _ time.Time, threshold int) ([]alert.Finding, error) {
		ds, err := list(ctx)
		if err != nil {
			return nil, err
		}
		return findDeadlines(ds, threshold, overdueOnly), nil
	}
}
