package notice

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/web"
)

// checkDates sets and checks publication and expiry: expiry after
// publication and in the future, either a date or a period, and a period
// the calendar covers.
func (s *Service) checkDates(ctx context.Context, v *Version, in Input, cat *catalogue.Category) error {
	now := s.now()
	v.PublishAt, v.ExpireAt = trunc(in.PublishAt), trunc(in.ExpireAt)
	p := in.Period
	if p == nil && v.ExpireAt == nil && in.Kind == KindPublicity && cat.Period != nil {
		p = cat.Period // a 公示 takes its category's notice period (R7)
	}
	if p != nil && v.ExpireAt != nil {
		return web.Invalid("period", web.CodeInvalid, "set either an end time or a notice period, not both")
	}
	start := now
	if v.PublishAt != nil && v.PublishAt.After(now) {
		start = *v.PublishAt
	}
	if v.ExpireAt != nil {
		if v.PublishAt != nil && !v.ExpireAt.After(*v.PublishAt) {
			return web.Invalid("expire_at", web.CodeInvalid, "the end must come after the publication time")
		}
		if !v.ExpireAt.After(now) {
			return web.Invalid("expire_at", web.CodeInvalid, "the end is already past")
		}
	}
	if p != nil {
		if p.N < 1 || p.N > calendar.MaxPeriodN {
			return web.Invalid("period.n", web.CodeOutOfRange, "want 1 to %d", calendar.MaxPeriodN)
		}
		if p.Unit != calendar.UnitWorkdays && p.Unit != calendar.UnitDays {
			return web.Invalid("period.unit", web.CodeInvalid, "want workdays or days")
		}
		if _, err := s.periodEnd(ctx, *p, start); err != nil {
			return err
		}
		pp := *p
		v.Period = &pp
		n, u := p.N, string(p.Unit)
		v.PeriodN, v.PeriodUnit = &n, &u
	}
	return nil
}

// periodEnd returns when a notice period starting with a publication at
// `at` ends: midnight after its last day (in the hall's zone). The day of
// publication does not count (calendar.Period.End). A period reaching a
// year without a holiday list is an error on field "period".
func (s *Service) periodEnd(ctx context.Context, p calendar.Period, at time.Time) (time.Time, error) {
	if s.cal == nil {
		return time.Time{}, web.Invalid("period", calendar.CodeNotCovered, "no workday calendar is configured")
	}
	cal, err := s.cal.Calendar(ctx)
	if err != nil {
		return time.Time{}, err
	}
	end, err := periodEndOn(cal, p, at, s.loc)
	if err != nil {
		return time.Time{}, calendar.CoverageError("period", err)
	}
	return end, nil
}

// periodEndOn is periodEnd on a given calendar.
func periodEndOn(cal *calendar.Calendar, p calendar.Period, at time.Time, loc *time.Location) (time.Time, error) {
	last, err := p.End(calendar.DateOf(at.In(loc)), cal)
	if err != nil {
		return time.Time{}, err
	}
	return last.AddDays(1).In(loc), nil
}

// lastDay is the last day a notice ending at end is shown: the day before
// when it ends at midnight.
func lastDay(end time.Time, loc *time.Location) calendar.Date {
	e := end.In(loc)
	if e.Hour() == 0 && e.Minute() == 0 && e.Second() == 0 && e.Nanosecond() == 0 {
		e = e.Add(-time.Nanosecond)
	}
	return calendar.DateOf(e)
}

func trunc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Microsecond)
	return &u
}
