package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// QuietHours hold non-urgent messages from Start to End (local time; End
// before Start spans midnight) for one digest per channel at End.
type QuietHours struct {
	Enabled bool   `json:"enabled"`
	Start   string `json:"start"` // "22:00"
	End     string `json:"end"`   // "07:30"
}

// OpeningHours are when the hall is open: screens without a power
// schedule and kiosks count as offline only then.
type OpeningHours struct {
	Open  string `json:"open"`  // "08:30"
	Close string `json:"close"` // "17:30"
	// WorkingDaysOnly: open on working days (with 调休, R3) only.
	WorkingDaysOnly bool `json:"working_days_only"`
}

// Setting keys.
const (
	QuietHoursKey      = "alert.quiet_hours"
	OpeningHoursKey    = "alert.opening_hours"
	SuggestionReplyKey = "alert.suggestion_reply_workdays"
)

// minuteOf parses "HH:MM".
func minuteOf(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("want HH:MM")
	}
	return t.Hour()*60 + t.Minute(), nil
}

func decodeHours[T any](raw json.RawMessage, fields ...func(T) (string, string)) (T, error) {
	var v T
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, web.Invalid("value", web.CodeInvalid, "%v", err)
	}
	for _, f := range fields {
		name, val := f(v)
		if _, err := minuteOf(val); err != nil {
			return v, web.Invalid(name, web.CodeInvalid, "want HH:MM")
		}
	}
	return v, nil
}

// register declares the alert settings.
func register(st *settings.Service) {
	st.Register(settings.Definition{Key: QuietHoursKey, Label: "告警免打扰时段", LabelEN: "Alert quiet hours",
		Help:    "免打扰时段内，非紧急告警暂不发送，结束时每个通道汇总发送一条。",
		Default: QuietHours{Enabled: false, Start: "22:00", End: "07:30"},
		Validate: func(raw json.RawMessage) error {
			_, err := decodeHours(raw, func(q QuietHours) (string, string) { return "start", q.Start },
				func(q QuietHours) (string, string) { return "end", q.End })
			return err
		}})
	st.Register(settings.Definition{Key: OpeningHoursKey, Label: "大厅开放时间", LabelEN: "Hall opening hours",
		Help:    "没有开关机计划的屏幕和自助终端只在开放时间内计入离线告警。",
		Default: OpeningHours{Open: "08:30", Close: "17:30", WorkingDaysOnly: true},
		Validate: func(raw json.RawMessage) error {
			o, err := decodeHours(raw, func(o OpeningHours) (string, string) { return "open", o.Open },
				func(o OpeningHours) (string, string) { return "close", o.Close })
			if err == nil && o.Open >= o.Close {
				return web.Invalid("close", web.CodeInvalid, "closing comes after opening")
			}
			return err
		}})
	st.Register(settings.Definition{Key: SuggestionReplyKey, Label: "意见建议答复时限（工作日）", LabelEN: "Suggestion reply time (working days)",
		Help:    "意见箱留言应在收到后多少个工作日内答复，告警据此判断即将到期和超期（1–60）。",
		Default: 10,
		Validate: func(raw json.RawMessage) error {
			var n int
			if err := json.Unmarshal(raw, &n); err != nil || n < 1 || n > 60 {
				return web.Invalid("value", web.CodeOutOfRange, "want a number of working days from 1 to 60")
			}
			return nil
		}})
}

// value reads a setting, or its default without a settings service.
func value[T any](ctx context.Context, s *Service, key string, def T) (T, error) {
	if s.opts.Settings == nil {
		return def, nil
	}
	v, err := settings.Value[T](ctx, s.opts.Settings, key)
	if err != nil {
		return def, fmt.Errorf("alert: %w", err)
	}
	return v, nil
}

// Opening returns the hall's opening hours.
func (s *Service) Opening(ctx context.Context) (OpeningHours, error) {
	return value(ctx, s, OpeningHoursKey, OpeningHours{Open: "08:30", Close: "17:30", WorkingDaysOnly: true})
}

// SuggestionReplyWorkdays returns the reply time of suggestions.
func (s *Service) SuggestionReplyWorkdays(ctx context.Context) (int, error) {
	return value(ctx, s, SuggestionReplyKey, 10)
}

// Contains tells whether the hall is open at t (in the hall's zone);
// workday says whether a day is a working day.
func (o OpeningHours) Contains(t time.Time, workday bool) bool {
	if o.WorkingDaysOnly && !workday {
		return false
	}
	open, err1 := minuteOf(o.Open)
	closing, err2 := minuteOf(o.Close)
	m := t.Hour()*60 + t.Minute()
	return err1 == nil && err2 == nil && open <= m && m < closing
}

// quiet tells whether now falls in quiet hours.
func (s *Service) quiet(ctx context.Context, now time.Time) (bool, error) {
	q, err := value(ctx, s, QuietHoursKey, QuietHours{})
	if err != nil || !q.Enabled {
		return false, err
	}
	start, err1 := minuteOf(q.Start)
	end, err2 := minuteOf(q.End)
	if err1 != nil || err2 != nil || start == end {
		return false, nil
	}
	t := now.In(s.opts.Location)
	m := t.Hour()*60 + t.Minute()
	if start < end {
		return start <= m && m < end, nil
	}
	return m >= start || m < end, nil
}
