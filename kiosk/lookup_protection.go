package kiosk

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// LookupProtection guards the status look-ups of suggestions and
// disclosure requests, whose keys are short (the last four digits of a
// phone, a four-digit query code): misses are counted in a sliding window
// per kiosk, per client address and per tracking number, across kiosks
// and instances, whatever hits come between; a scope that reaches its
// number of misses is refused (429 with Retry-After) for LockMinutes.
type LookupProtection struct {
	KioskLockAfter    int `json:"kiosk_lock_after_misses"`
	AddressLockAfter  int `json:"address_lock_after_misses"`
	TrackingLockAfter int `json:"tracking_lock_after_misses"`
	LockMinutes       int `json:"lock_minutes"`
	MissWindowMinutes int `json:"miss_window_minutes"`
}

// DefaultLookupProtection: in an hour, 10 misses lock a kiosk, 20 an
// address (kiosks may share one), 5 a tracking number; for 15 minutes.
// Guessing four digits of one number then takes some 40 days.
func DefaultLookupProtection() LookupProtection {
	return LookupProtection{KioskLockAfter: 10, AddressLockAfter: 20, TrackingLockAfter: 5, LockMinutes: 15, MissWindowMinutes: 60}
}

// The lockout kinds of the status look-ups.
const (
	LockKiosk    = "kiosk.lookup.kiosk"
	LockAddress  = "kiosk.lookup.address"
	LockTracking = "kiosk.lookup.tracking"
)

func (p LookupProtection) rule(lockAfter int, keep bool) lockout.Rule {
	return lockout.Rule{LockAfter: lockAfter, Window: time.Duration(p.MissWindowMinutes) * time.Minute,
		LockFor: time.Duration(p.LockMinutes) * time.Minute, Keep: keep}
}

// LookupSetting is the kiosk.lookup_protection setting.
var LookupSetting = settings.Definition{
	Key: "kiosk.lookup_protection", Label: "进度查询防护", LabelEN: "Status look-up protection",
	Help: "意见建议和依申请公开的进度查询（编号加手机号后四位）：未命中次数在滑动时间窗（miss_window_minutes 分钟）内按终端、地址和查询编号分别累计，" +
		"中间查到也不清零；达到次数后锁定 lock_minutes 分钟。",
	Default: DefaultLookupProtection(),
	Validate: func(raw json.RawMessage) error {
		p := DefaultLookupProtection()
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want an object with the fields of the default: %v", err)
		}
		var c web.Check
		c.Range("value.kiosk_lock_after_misses", p.KioskLockAfter, 1, 1_000_000)
		c.Range("value.address_lock_after_misses", p.AddressLockAfter, 1, 1_000_000)
		c.Range("value.tracking_lock_after_misses", p.TrackingLockAfter, 1, 1_000_000)
		c.Range("value.lock_minutes", p.LockMinutes, 1, 7*24*60)
		c.Range("value.miss_window_minutes", p.MissWindowMinutes, 1, 7*24*60)
		return c.Err()
	},
}
