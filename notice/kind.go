package notice

// Kind is what sort of information a notice is. Values are stable API
// codes; the Chinese names are the labels.
type Kind string

// Kinds of notice.
const (
	KindAnnouncement   Kind = "announcement"   // 公告
	KindPublicity      Kind = "publicity"      // 公示 (has a notice period)
	KindPolicy         Kind = "policy"         // 政策文件 (needs a 政策解读, R5)
	KindInterpretation Kind = "interpretation" // 政策解读
	KindGuide          Kind = "guide"          // 办事指南 (structured fields)
	KindNews           Kind = "news"           // 工作动态
	KindNotification   Kind = "notification"   // 通知
)

// Kinds lists every kind with its label, in display order.
var Kinds = []struct {
	Kind  Kind   `json:"kind"`
	Label string `json:"label"`
}{
	{KindAnnouncement, "公告"}, {KindPublicity, "公示"}, {KindPolicy, "政策文件"}, {KindInterpretation, "政策解读"},
	{KindGuide, "办事指南"}, {KindNews, "工作动态"}, {KindNotification, "通知"},
}

// Label returns the Chinese name of k, or k itself when unknown.
func (k Kind) Label() string {
	for _, x := range Kinds {
		if x.Kind == k {
			return x.Label
		}
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k.Label() != string(k) }

// Disclosure is the disclosure attribute of a notice (公开属性).
type Disclosure string

// Disclosure attributes. Only proactive information is published to
// screens and kiosks; the others are recorded for the catalogue.
const (
	Proactive Disclosure = "proactive"  // 主动公开
	OnRequest Disclosure = "on_request" // 依申请公开
	Withheld  Disclosure = "withheld"   // 不予公开
)

// Status is the state of a version in the workflow (R4):
//
//	draft → submitted → (referred →) scheduled → published → expired
//	                  ↘ refused
//
// A published version is superseded when a newer version of its notice is
// published, and withdrawn with its notice by an admin.
type Status string

// Version states.
const (
	StatusDraft      Status = "draft"
	StatusSubmitted  Status = "submitted"
	StatusReferred   Status = "referred"
	StatusRefused    Status = "refused"
	StatusScheduled  Status = "scheduled"
	StatusPublished  Status = "published"
	StatusExpired    Status = "expired"
	StatusWithdrawn  Status = "withdrawn"
	StatusSuperseded Status = "superseded"
)

// Statuses lists every state, in workflow order.
var Statuses = []Status{StatusDraft, StatusSubmitted, StatusReferred, StatusRefused, StatusScheduled,
	StatusPublished, StatusExpired, StatusWithdrawn, StatusSuperseded}

// pending reports whether a version waits for a review decision.
func (s Status) pending() bool { return s == StatusSubmitted || s == StatusReferred }

// Review results of 保密审查, stored on the version.
const (
	ResultDisclose = "disclose" // 公开: approved
	ResultWithhold = "withhold" // 不予公开: refused
	ResultRefer    = "refer"    // 需报审: referred up, decided by an admin
)
