package privacy

import (
	"strings"
	"testing"
)

// benchText is about 10 KB of notice text mixing Chinese, dates, amounts
// and personal data in every supported form.
var benchText = func() string {
	para := "关于2026年第一批城乡居民最低生活保障对象的公示：经审核，申请人张三（身份证号11010519491231002X，" +
		"联系电话13812345678）家庭人均月收入低于当地标准，拟纳入保障范围，保障金额每月780.50元，" +
		"发放至银行卡6222 0212 3456 7890 128。公示期为7个工作日，自2026年2月13日至2026年3月2日。" +
		"如有异议，请拨打监督电话010-12345678或+86 139-8765-4321反映。档案编号2026-00017-A。\n"
	var b strings.Builder
	for b.Len() < 10*1024 {
		b.WriteString(para)
	}
	return b.String()
}()

func BenchmarkScan(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(benchText)
	}
}

func BenchmarkMaskText(b *testing.B) {
	p := DefaultPolicy()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		p.MaskText(benchText)
	}
}
