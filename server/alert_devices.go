package server

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/device"
)

// offlineDevices finds the screens and kiosks offline for more than
// minutes. A screen with a power schedule counts while the schedule has it
// on; other screens and kiosks while the hall is open (alert opening
// hours, working days by the calendar). Outside those hours an open alert
// is held, neither reminded nor resolved.
func (a *App) offlineDevices(ctx context.Context, now time.Time, minutes int) ([]alert.Finding, error) {
	open, err := a.hallOpen(ctx, now)
	if err != nil {
		return nil, err
	}
	power, err := a.Display.PowerAt(ctx, now)
	if err != nil {
		return nil, err
	}
	rep, err := a.ScreenStatus.Report(ctx)
	if err != nil {
		return nil, err
	}
	limit := time.Duration(minutes) * time.Minute
	out := []alert.Finding{}
	for _, sc := range rep.Screens {
		off := time.Duration(sc.OfflineS) * time.Second
		if sc.Online || off <= limit {
			continue
		}
		should := open
		if on, scheduled := power[sc.ID]; scheduled {
			should = on
		}
		out = append(out, alert.Finding{Item: fmt.Sprintf("screen:%d", sc.ID), Hold: !should,
			Text: fmt.Sprintf("屏幕「%s」离线%s%s", sc.Name, offFor(off), a.lastSeen(sc.LastSeen))})
	}
	kiosks, err := a.Devices.List(ctx, device.KindKiosk, false)
	if err != nil {
		return nil, err
	}
	for _, k := range kiosks {
		if !k.Active() || a.Hub.Connected(k.ID) != nil {
			continue
		}
		since := *k.ClaimedAt
		if k.LastSeenAt != nil && k.LastSeenAt.After(since) {
			since = *k.LastSeenAt
		}
		if off := now.Sub(since); off > limit {
			out = append(out, alert.Finding{Item: fmt.Sprintf("kiosk:%d", k.ID), Hold: !open,
				Text: fmt.Sprintf("自助终端「%s」离线%s%s", k.Name, offFor(off), a.lastSeen(k.LastSeenAt))})
		}
	}
	return out, nil
}

// hallOpen tells whether now is in the hall's opening hours.
func (a *App) hallOpen(ctx context.Context, now time.Time) (bool, error) {
	hours, err := a.Alerts.Opening(ctx)
	if err != nil {
		return false, err
	}
	cal, err := a.Calendar.Calendar(ctx)
	if err != nil {
		return false, err
	}
	local := now.In(a.Cfg.TimeZone)
	work, err := cal.IsWorkday(calendar.DateOf(local))
	if err != nil { // a year before any list: weekdays
		work = local.Weekday() != time.Saturday && local.Weekday() != time.Sunday
	}
	return hours.Contains(local, work), nil
}

// offFor says how long: " 12 分钟", " 3 小时 5 分钟", " 2 天".
func offFor(d time.Duration) string {
	m := int(d / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf(" %d 分钟", m)
	case m < 24*60:
		if m%60 == 0 {
			return fmt.Sprintf(" %d 小时", m/60)
		}
		return fmt.Sprintf(" %d 小时 %d 分钟", m/60, m%60)
	}
	return fmt.Sprintf(" %d 天", m/(24*60))
}

func (a *App) lastSeen(t *time.Time) string {
	if t == nil {
		return "（从未连接）"
	}
	return "（最后在线 " + t.In(a.Cfg.TimeZone).Format("01-02 15:04") + "）"
}
