package notice

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// Setting keys this package registers.
const (
	// SettingPolicy is the masking policy (R6) in privacy.Policy's JSON form.
	SettingPolicy = "privacy.policy"
	// SettingOrgCode is the agency's 统一社会信用代码 or 组织机构代码, the
	// first part of every index number.
	SettingOrgCode = "notice.org_code"
	// SettingPremaskRetention is how many days after publication the
	// pre-mask text of a version stays in its history (PurgePremask).
	SettingPremaskRetention = "notice.premask_retention_days"
)

// DefaultPremaskRetention is the default of SettingPremaskRetention.
const DefaultPremaskRetention = 30

var orgCodePattern = regexp.MustCompile(`^[0-9A-Z][0-9A-Z-]{0,19}$`)

// RegisterSettings declares the masking policy, the organisation code and
// the retention of pre-mask text.
func RegisterSettings(s *settings.Service) {
	s.Register(settings.Definition{
		Key: SettingPremaskRetention, Label: "脱敏前原文保留天数", LabelEN: "Days to keep pre-mask text",
		Help:    "信息发布后，版本记录中脱敏前的原文（仅撰写人、审查人可见）保留的天数；到期后每日清理任务将其替换为公开文本。0 表示下次清理时即替换。",
		Default: DefaultPremaskRetention,
		Validate: func(raw json.RawMessage) error {
			var n int
			if err := json.Unmarshal(raw, &n); err != nil {
				return web.Invalid("value", web.CodeInvalid, "want a number of days")
			}
			var c web.Check
			c.Range("value", n, 0, 3650)
			return c.Err()
		},
	})
	s.Register(settings.Definition{
		Key: SettingPolicy, Label: "个人信息脱敏规则", LabelEN: "Personal data masking policy",
		Help:    "每类号码保留的前后位数与掩码字符，例如 {\"id18\":{\"keepFirst\":6,\"keepLast\":4,\"maskChar\":\"*\"}}；未写的类别使用默认值。",
		Default: privacy.DefaultPolicy(),
		Validate: func(raw json.RawMessage) error {
			if _, err := privacy.LoadPolicy(bytes.NewReader(raw)); err != nil {
				return web.Invalid("value", web.CodeInvalid, "%s", strings.TrimPrefix(err.Error(), "privacy: policy: "))
			}
			return nil
		},
	})
	s.Register(settings.Definition{
		Key: SettingOrgCode, Label: "索引号机构代码", LabelEN: "Organisation code of index numbers",
		Help:    "本机关的统一社会信用代码或组织机构代码（大写字母、数字或连字符），索引号格式为 <机构代码>/<栏目代码>-<年份>-<5位序号>。已编的索引号不会改变。",
		Default: "",
		Validate: func(raw json.RawMessage) error {
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				return web.Invalid("value", web.CodeInvalid, "want a string")
			}
			if v != "" && !orgCodePattern.MatchString(v) {
				return web.Invalid("value", web.CodeInvalid, "1 to 20 capital letters, digits or hyphens, e.g. 11110000000012345X")
			}
			return nil
		},
	})
}

// policy returns the configured masking policy (the default when unset
// or without a settings service).
func (s *Service) policy(ctx context.Context) (privacy.Policy, error) {
	if s.settings == nil {
		return privacy.DefaultPolicy(), nil
	}
	raw, err := s.settings.Raw(ctx, SettingPolicy)
	if err != nil {
		return privacy.Policy{}, err
	}
	return privacy.LoadPolicy(bytes.NewReader(raw))
}

// orgCode returns the configured organisation code.
func (s *Service) orgCode(ctx context.Context) (string, error) {
	if s.settings == nil {
		return "", nil
	}
	return settings.Value[string](ctx, s.settings, SettingOrgCode)
}

// premaskRetention returns the configured retention of pre-mask text.
func (s *Service) premaskRetention(ctx context.Context) (int, error) {
	if s.settings == nil {
		return DefaultPremaskRetention, nil
	}
	return settings.Value[int](ctx, s.settings, SettingPremaskRetention)
}
