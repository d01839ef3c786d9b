package proof

import (
	"context"
	"sort"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// MaxRangeDays bounds a report's date range.
const MaxRangeDays = 366

// maxLiveDays bounds how many days a report computes from raw plays
// (today and days the roll-up has not reached yet).
const maxLiveDays = 31

// Row is one notice on one day in a report.
type Row struct {
	Daily
	Title  string  `json:"title"`
	TotalS float64 `json:"total_s"`
	// Live: computed from the raw plays (today, or not yet rolled up).
	Live bool `json:"live"`
}

// Report is the proof of play of a date range, newest day first.
type Report struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	NoticeID int64   `json:"notice_id,omitempty"`
	Rows     []Row   `json:"rows"`
	Plays    int64   `json:"plays"`
	TotalS   float64 `json:"total_s"`
}

// Report returns the daily aggregates from from to to (inclusive), of one
// notice when noticeID is not 0, with the notices' titles.
func (s *Service) Report(ctx context.Context, from, to calendar.Date, noticeID int64) (*Report, error) {
	var c web.Check
	c.That(!to.Before(from), "to", web.CodeInvalid, "before from")
	c.That(from.DaysUntil(to) < MaxRangeDays, "to", web.CodeInvalid, "at most %d days", MaxRangeDays)
	c.That(noticeID >= 0, "notice", web.CodeInvalid, "want a notice id")
	if err := c.Err(); err != nil {
		return nil, err
	}
	where, args := " WHERE day >= ? AND day <= ?", []any{from.String(), to.String()}
	if noticeID != 0 {
		where += " AND notice_id = ?"
		args = append(args, noticeID)
	}
	var stored []Daily
	if err := s.db.Select(ctx, &stored, "SELECT day, notice_id, plays, total_ms, screens FROM proof_daily"+where, args...); err != nil {
		return nil, wrap("read aggregates", err)
	}
	var rolled []string
	if err := s.db.Select(ctx, &rolled, "SELECT day FROM proof_rollups WHERE day >= ? AND day <= ?", from.String(), to.String()); err != nil {
		return nil, wrap("read rolled-up days", err)
	}
	done := map[string]bool{}
	for _, d := range rolled {
		done[d] = true
	}
	rep := &Report{From: from.String(), To: to.String(), NoticeID: noticeID, Rows: []Row{}}
	for _, d := range stored {
		if done[d.Day] && d.Day != s.today().String() {
			rep.Rows = append(rep.Rows, Row{Daily: d})
		}
	}
	live, last := 0, to
	if s.today().Before(last) {
		last = s.today()
	}
	for d := last; !d.Before(from) && live < maxLiveDays; d = d.AddDays(-1) {
		if done[d.String()] && d != s.today() {
			continue
		}
		live++
		rows, err := s.compute(ctx, s.db, d, noticeID)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			rep.Rows = append(rep.Rows, Row{Daily: r, Live: true})
		}
	}
	if err := s.fill(ctx, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// fill sorts the rows, adds titles and totals.
func (s *Service) fill(ctx context.Context, rep *Report) error {
	sort.Slice(rep.Rows, func(i, j int) bool {
		a, b := rep.Rows[i], rep.Rows[j]
		if a.Day != b.Day {
			return a.Day > b.Day
		}
		if a.Plays != b.Plays {
			return a.Plays > b.Plays
		}
		return a.NoticeID < b.NoticeID
	})
	seen := map[int64]bool{}
	var ids []int64
	for _, r := range rep.Rows {
		if !seen[r.NoticeID] {
			seen[r.NoticeID] = true
			ids = append(ids, r.NoticeID)
		}
	}
	titles := map[int64]string{}
	if s.opts.Titles != nil && len(ids) > 0 {
		var err error
		if titles, err = s.opts.Titles.Titles(ctx, ids); err != nil {
			return wrap("read notice titles", err)
		}
	}
	for i := range rep.Rows {
		r := &rep.Rows[i]
		r.Title = titles[r.NoticeID]
		r.TotalS = float64(r.TotalMS) / 1000
		rep.Plays += r.Plays
		rep.TotalS += r.TotalS
	}
	return nil
}
