package disclosure

// Outcome is the kind of reply, one of the seven cases of 《中华人民共和国
// 政府信息公开条例》(2019) 第三十六条, in its order.
type Outcome string

// The seven reply outcomes of 第三十六条.
const (
	// (一) 所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径。
	OutcomeAlreadyPublic Outcome = "already_public"
	// (二) 所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人
	// 获取该政府信息的方式、途径和时间。
	OutcomeDisclosed Outcome = "disclosed"
	// (三) 行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由。
	OutcomeWithheld Outcome = "withheld"
	// (四) 经检索没有所申请公开信息的，告知申请人该政府信息不存在。
	OutcomeNotExist Outcome = "not_exist"
	// (五) 所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；
	// 能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式。
	OutcomeNotResponsible Outcome = "not_responsible"
	// (六) 行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请
	// 公开相同政府信息的，告知申请人不予重复处理。
	OutcomeRepeated Outcome = "repeated"
	// (七) 所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规
	// 对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。
	OutcomeSpecialLaw Outcome = "special_law"
)

// Outcomes lists the outcomes in the order of 第三十六条.
var Outcomes = []Outcome{OutcomeAlreadyPublic, OutcomeDisclosed, OutcomeWithheld, OutcomeNotExist, OutcomeNotResponsible, OutcomeRepeated, OutcomeSpecialLaw}

// Valid reports whether o is one of the seven outcomes.
func (o Outcome) Valid() bool {
	for _, x := range Outcomes {
		if o == x {
			return true
		}
	}
	return false
}

// Label is the outcome's short Chinese name.
func (o Outcome) Label() string {
	return map[Outcome]string{
		OutcomeAlreadyPublic:  "已主动公开，告知获取方式和途径",
		OutcomeDisclosed:      "予以公开（提供信息或告知获取方式、途径和时间）",
		OutcomeWithheld:       "不予公开（说明理由）",
		OutcomeNotExist:       "政府信息不存在",
		OutcomeNotResponsible: "不属于本机关负责公开（告知负责机关）",
		OutcomeRepeated:       "重复申请，不予重复处理",
		OutcomeSpecialLaw:     "依照有关法律、行政法规的规定办理（工商、不动产登记资料等）",
	}[o]
}
