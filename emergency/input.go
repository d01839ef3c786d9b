package emergency

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/web"
)

// MaxGroups is the most screen groups one emergency may name.
const MaxGroups = 200

// Input is what an admin sends.
type Input struct {
	Text  string `json:"text"`
	Level string `json:"level"`
	// Groups are screen groups; All sends to every screen instead.
	Groups []int64 `json:"groups"`
	All    bool    `json:"all"`
	// Kiosks adds every kiosk.
	Kiosks    bool      `json:"kiosks"`
	ExpiresAt time.Time `json:"expires_at"`
	// DurationMinutes sets ExpiresAt from the server's clock instead
	// (the admin page uses it, so a browser's clock does not matter).
	// Sending both is an error.
	DurationMinutes int `json:"duration_minutes"`
}

// check validates in at now and fills ExpiresAt from DurationMinutes.
// Bad input is a *web.Error naming the field.
func (in *Input) check(now time.Time) error {
	var ck web.Check
	if in.DurationMinutes != 0 {
		ck.Range("duration_minutes", in.DurationMinutes, 1, int(MaxDuration/time.Minute))
		ck.That(in.ExpiresAt.IsZero(), "duration_minutes", web.CodeInvalid, "send expires_at or duration_minutes, not both")
		if in.ExpiresAt.IsZero() {
			in.ExpiresAt = now.Add(time.Duration(in.DurationMinutes) * time.Minute)
		}
	}
	in.Text = ck.Text("text", in.Text, MaxText)
	ck.OneOf("level", in.Level, LevelInfo, LevelWarning, LevelCritical)
	switch {
	case in.ExpiresAt.IsZero():
		ck.Add(web.Invalid("expires_at", web.CodeRequired, "required"))
	case !in.ExpiresAt.After(now):
		ck.Add(web.Invalid("expires_at", web.CodeOutOfRange, "must be in the future"))
	case in.ExpiresAt.Sub(now) > MaxDuration:
		ck.Add(web.Invalid("expires_at", web.CodeOutOfRange, "at most %s from now", MaxDuration))
	}
	ck.That(in.All || len(in.Groups) > 0 || in.Kiosks, "groups", web.CodeRequired, "choose groups, all screens or kiosks")
	if len(in.Groups) > MaxGroups {
		e := web.Invalid("groups", web.CodeOutOfRange, "at most %d groups (got %d)", MaxGroups, len(in.Groups))
		e.Params = map[string]any{"max": MaxGroups}
		ck.Add(e)
	}
	return ck.Err()
}

// checkGroups refuses group IDs that name no screen group (400 not_found
// on "groups", as screens and schedules do). Groups are ignored with All.
func (s *Service) checkGroups(ctx context.Context, in Input) error {
	if in.All || len(in.Groups) == 0 {
		return nil
	}
	return s.opts.Directory.Exists(ctx, in.Groups)
}

// mask applies the masking policy (R6) to text, as screens do to notices
// and ticker texts. An emergency cannot wait for someone to confirm the
// findings, so they are masked at once; the count goes to the audit log.
func (s *Service) mask(ctx context.Context, text string) (string, int, error) {
	p := privacy.DefaultPolicy()
	if s.opts.Policy != nil {
		var err error
		if p, err = s.opts.Policy(ctx); err != nil {
			return "", 0, err
		}
	}
	masked, fs := p.MaskText(text)
	return masked, len(fs), nil
}
