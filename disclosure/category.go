package disclosure

// Category is the applicant type by which the annual report counts
// requests (R12; the table 收到和处理政府信息公开申请情况 of the template
// 国办公开办函〔2021〕30号): 自然人, or 法人或其他组织 split into 商业企业,
// 科研机构, 社会公益组织, 法律服务机构 and 其他.
type Category string

// The applicant categories of the annual report, in its column order.
const (
	CategoryPerson        Category = "natural_person"  // 自然人
	CategoryBusiness      Category = "business"        // 商业企业
	CategoryResearch      Category = "research"        // 科研机构
	CategoryPublicWelfare Category = "public_interest" // 社会公益组织
	CategoryLegalService  Category = "legal_service"   // 法律服务机构
	CategoryOtherOrg      Category = "other"           // 其他
)

// Categories lists every category in the report's column order.
var Categories = []Category{CategoryPerson, CategoryBusiness, CategoryResearch, CategoryPublicWelfare, CategoryLegalService, CategoryOtherOrg}

// OrgKinds are the categories of 法人或其他组织: what an organisation's
// Application.OrgKind may be.
var OrgKinds = Categories[1:]

// Label is the category's name in the report.
func (c Category) Label() string {
	return map[Category]string{
		CategoryPerson: "自然人", CategoryBusiness: "商业企业", CategoryResearch: "科研机构",
		CategoryPublicWelfare: "社会公益组织", CategoryLegalService: "法律服务机构", CategoryOtherOrg: "其他",
	}[c]
}

func categoryNames(list []Category) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = string(c)
	}
	return out
}
