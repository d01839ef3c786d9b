package archivegen

import (
	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/privacy"
)

// Dataset is the definition that reads the generated files: every column
// shown (names, ID numbers and cards masked), looked up by the whole ID
// number and the last four digits of the bank card.
func Dataset(name string) archive.DatasetInput {
	return archive.DatasetInput{
		Name:        name,
		Description: "惠民惠农财政补贴资金发放明细（测试数据）",
		Published:   true,
		Definition: archive.Definition{
			Fields: []archive.Field{
				{Name: "seq", Label: "序号"},
				{Name: "name", Label: "姓名", Kind: privacy.KindName, Shown: true},
				{Name: "id_number", Label: "身份证号", Kind: privacy.KindID18, Shown: true},
				{Name: "town", Label: "乡镇", Shown: true},
				{Name: "village", Label: "村（社区）", Shown: true},
				{Name: "item", Label: "补贴项目", Shown: true},
				{Name: "amount", Label: "发放金额（元）", Shown: true, Required: true},
				{Name: "paid_on", Label: "发放日期", Shown: true},
				{Name: "card", Label: "银行卡号", Kind: privacy.KindBankCard, Shown: true},
			},
			Keys: []archive.QueryKey{
				{Name: "id_number", Label: "身份证号", Field: "id_number", Keypad: archive.KeypadDigits},
				{Name: "card_last4", Label: "银行卡号后四位", Field: "card", Last: 4, Keypad: archive.KeypadDigits},
			},
		},
	}
}

// Keys are the lookup keys of a person in Dataset.
func (p Person) Keys() map[string]string {
	return map[string]string{"id_number": p.ID, "card_last4": p.Card[len(p.Card)-4:]}
}
