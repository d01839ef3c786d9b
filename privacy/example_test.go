package privacy_test

import (
	"fmt"

	"github.com/hallcast/hallcast/privacy"
)

func ExampleScan() {
	for _, f := range privacy.Scan("身份证号11010519491231002X，电话13812345678。") {
		fmt.Println(f.Kind, f.Start, f.End, f.Masked)
	}
	// Output:
	// id18 4 22 110105********002X
	// mobile 25 36 138****5678
}

func ExamplePolicy_MaskText() {
	masked, _ := privacy.DefaultPolicy().MaskText("联系 +86 138-1234-5678，卡号 4111 1111 1111 1111。")
	fmt.Println(masked)
	// Output: 联系 138****5678，卡号 4111********1111。
}

func ExamplePolicy_MaskName() {
	p := privacy.DefaultPolicy()
	fmt.Println(p.MaskName("张三丰"), p.MaskName("李四"))
	// Output: 张** 李*
}

func ExampleNormalizeDigits() {
	fmt.Println(privacy.NormalizeDigits("\u3000１１０１０５１９４９１２３１００２ｘ "))
	// Output: 11010519491231002X
}
