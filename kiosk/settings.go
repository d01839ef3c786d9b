package kiosk

import (
	"encoding/json"

	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// Idle says when an untouched kiosk warns and then wipes: after
// IdleSeconds without a touch a warning counts down WarningSeconds (at
// least 20, R10) with a big "continue" button, then everything is wiped.
type Idle struct {
	IdleSeconds    int `json:"idle_seconds"`
	WarningSeconds int `json:"warning_seconds"`
}

// DefaultIdle is 90 s, then a 30 s warning.
func DefaultIdle() Idle { return Idle{IdleSeconds: 90, WarningSeconds: 30} }

// IdleSetting is the kiosk.idle setting.
var IdleSetting = settings.Definition{
	Key: "kiosk.idle", Label: "自助终端无操作超时", LabelEN: "Kiosk idle timeout",
	Help:    "idle_seconds：无操作多少秒后提示（30–1800）；warning_seconds：提示倒计时秒数（20–300），倒计时结束后清空所有输入并回到首页。",
	Default: DefaultIdle(),
	Validate: func(raw json.RawMessage) error {
		var v Idle
		if err := json.Unmarshal(raw, &v); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want {\"idle_seconds\":90,\"warning_seconds\":30}")
		}
		var c web.Check
		c.Range("idle_seconds", v.IdleSeconds, 30, 1800)
		c.Range("warning_seconds", v.WarningSeconds, 20, 300)
		return c.Err()
	},
}
