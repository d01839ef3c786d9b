package archive

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// SettingProtection is the settings key of the kiosk lookup protection.
const SettingProtection = "archive.protection"

// Protection configures the abuse resistance of kiosk lookups.
type Protection struct {
	// Token buckets per kiosk and per client address.
	KioskPerMinute   int `json:"kiosk_per_minute"`
	KioskBurst       int `json:"kiosk_burst"`
	AddressPerMinute int `json:"address_per_minute"`
	AddressBurst     int `json:"address_burst"`
	// Misses are counted in a sliding window of MissWindow minutes, per
	// kiosk, per client address and per person looked up (the dataset
	// and its keys but the shortest, the one a guesser would vary); a hit
	// in between changes nothing. The counts are shared by every instance.
	//
	// From the SlowAfter-th miss of a kiosk in the window, it must wait
	// SlowStep seconds times the misses beyond it (at most SlowMax) before
	// asking again; 0 turns slowing off.
	SlowAfter       int `json:"slow_after_misses"`
	SlowStepSeconds int `json:"slow_step_seconds"`
	SlowMaxSeconds  int `json:"slow_max_seconds"`
	// At the LockAfter-th miss of a kiosk in the window (AddressLockAfter
	// of an address, KeyLockAfter of a person's keys) the kiosk (address,
	// keys) is locked for LockMinutes; its count then starts again.
	LockAfter         int `json:"lock_after_misses"`
	AddressLockAfter  int `json:"address_lock_after_misses"`
	KeyLockAfter      int `json:"key_lock_after_misses"`
	LockMinutes       int `json:"lock_minutes"`
	MissWindowMinutes int `json:"miss_window_minutes"`
	// Every kiosk answer takes at least MinResponse milliseconds, so a hit
	// and a miss cannot be told apart by their time.
	MinResponseMS int `json:"min_response_ms"`
}

// DefaultProtection is the protection unless an admin changes it.
func DefaultProtection() Protection {
	return Protection{
		KioskPerMinute: 20, KioskBurst: 5, AddressPerMinute: 60, AddressBurst: 20,
		SlowAfter: 5, SlowStepSeconds: 5, SlowMaxSeconds: 60,
		LockAfter: 20, AddressLockAfter: 40, KeyLockAfter: 10, LockMinutes: 15, MissWindowMinutes: 60, MinResponseMS: 250,
	}
}

func (p Protection) check() error {
	var c web.Check
	c.Range("value.kiosk_per_minute", p.KioskPerMinute, 1, 1_000_000)
	c.Range("value.kiosk_burst", p.KioskBurst, 1, 100_000)
	c.Range("value.address_per_minute", p.AddressPerMinute, 1, 1_000_000)
	c.Range("value.address_burst", p.AddressBurst, 1, 100_000)
	c.Range("value.slow_after_misses", p.SlowAfter, 0, 1000)
	c.Range("value.slow_step_seconds", p.SlowStepSeconds, 1, 3600)
	c.Range("value.slow_max_seconds", p.SlowMaxSeconds, 1, 3600)
	c.Range("value.lock_after_misses", p.LockAfter, 1, 1_000_000)
	c.Range("value.address_lock_after_misses", p.AddressLockAfter, 1, 1_000_000)
	c.Range("value.key_lock_after_misses", p.KeyLockAfter, 1, 1_000_000)
	c.Range("value.lock_minutes", p.LockMinutes, 1, 7*24*60)
	c.Range("value.miss_window_minutes", p.MissWindowMinutes, 1, 7*24*60)
	c.Range("value.min_response_ms", p.MinResponseMS, 0, 5000)
	return c.Err()
}

func registerSettings(s *settings.Service) {
	s.Register(settings.Definition{
		Key: SettingProtection, Label: "档案查询防护", LabelEN: "Archive lookup protection",
		Help: "自助终端查询的限速（每台终端、每个地址）；未命中次数在滑动时间窗内按终端、地址和被查询人分别累计（中间查到记录也不清零），" +
			"达到次数后减速或锁定；以及每次应答的最短时间（毫秒）。",
		Default: DefaultProtection(),
		Validate: func(raw json.RawMessage) error {
			p := DefaultProtection()
			dec := json.NewDecoder(bytesReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&p); err != nil {
				return web.Invalid("value", web.CodeInvalid, "want an object with the fields of the default: %v", err)
			}
			return p.check()
		},
	})
}

// protectionCache decodes the setting once per change.
type protectionCache struct {
	mu  sync.Mutex
	raw string
	p   Protection
}

// protection returns the current protection settings.
func (s *Service) protection(ctx context.Context) Protection {
	if s.settings == nil {
		return DefaultProtection()
	}
	raw, err := s.settings.Raw(ctx, SettingProtection)
	if err != nil {
		s.log.Error("archive: unable to read the protection settings; using the defaults", "err", err)
		return DefaultProtection()
	}
	c := &s.protect
	c.mu.Lock()
	defer c.mu.Unlock()
	if string(raw) != c.raw {
		p := DefaultProtection()
		if err := json.Unmarshal(raw, &p); err != nil {
			s.log.Error("archive: bad protection settings; using the defaults", "err", err)
			p = DefaultProtection()
		}
		c.raw, c.p = string(raw), p
	}
	return c.p
}

// The rules of the three lockout scopes.
func (p Protection) kioskRule() lockout.Rule {
	r := p.rule(p.LockAfter)
	r.SlowAfter, r.SlowStep, r.SlowMax = p.SlowAfter, time.Duration(p.SlowStepSeconds)*time.Second, time.Duration(p.SlowMaxSeconds)*time.Second
	r.Keep = true // admins see each kiosk's locks
	return r
}
func (p Protection) addressRule() lockout.Rule { return p.rule(p.AddressLockAfter) }
func (p Protection) keyRule() lockout.Rule     { return p.rule(p.KeyLockAfter) }

func (p Protection) rule(lockAfter int) lockout.Rule {
	return lockout.Rule{LockAfter: lockAfter, Window: time.Duration(p.MissWindowMinutes) * time.Minute,
		LockFor: time.Duration(p.LockMinutes) * time.Minute}
}
func (p Protection) minResponse() time.Duration {
	return time.Duration(p.MinResponseMS) * time.Millisecond
}
