package site

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// DefaultName is the site's name until an admin sets one.
const DefaultName = "政务公开"

// NameSetting is the name of the hall or organisation the public web
// edition belongs to: its title, the issuing organisation of notices
// without a source department on printed boards, and the feeds' author.
var NameSetting = settings.Definition{
	Key: "site.name", Label: "公开网站名称", LabelEN: "Public website name",
	Help:    "公开网站（/gk/）的名称，例如“某某县政务服务中心”；也用作未填写发布机构的信息在公开栏打印件上的发布机构。",
	Default: DefaultName,
	Validate: func(raw json.RawMessage) error {
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want a string")
		}
		v = strings.TrimSpace(v)
		if v == "" || utf8.RuneCountInString(v) > 40 || strings.ContainsAny(v, "\r\n\t") {
			return web.Invalid("value", web.CodeOutOfRange, "1 to 40 characters on one line")
		}
		return nil
	},
}
