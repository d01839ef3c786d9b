// Package searchtest generates realistic Chinese government notices for
// search tests and the search benchmark: titles, bodies and index numbers
// built from the vocabulary of county-level disclosure catalogues, with
// topics drawn with a skewed (Zipf-like) frequency so that some terms are
// common and others rare, as in a real hall.
package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/hallcast/hallcast/search"
)

// Categories are the catalogue categories of generated notices.
var Categories = []string{"通知公告", "政策文件", "政策解读", "人事信息", "财政信息", "社会救助", "征地拆迁", "规划计划", "办事指南", "新闻动态"}

var (
	depts  = []string{"县人民政府办公室", "县民政局", "县人力资源和社会保障局", "县自然资源局", "县财政局", "国家税务总局某县税务局", "县医疗保障局", "县住房和城乡建设局", "县农业农村局", "县卫生健康局", "县教育局", "县市场监督管理局", "县生态环境局", "县交通运输局", "县退役军人事务局"}
	towns  = []string{"城关镇", "河西镇", "石桥镇", "白沙乡", "青山镇", "东湖街道", "南岗乡", "柳林镇", "新华街道", "龙泉镇"}
	topics = []string{
		"最低生活保障", "低保", "特困人员救助供养", "临时救助", "征地补偿", "集体土地征收", "国有土地上房屋征收", "城乡居民医疗保险", "基本养老保险",
		"个人所得税", "增值税", "小规模纳税人", "耕地地力保护补贴", "农村危房改造", "公共租赁住房", "就业创业补贴", "高校毕业生就业",
		"残疾人两项补贴", "高龄津贴", "义务教育招生", "食品安全抽检", "环境影响评价", "建设工程规划许可", "政府采购", "财政预算", "决算公开",
		"公务员招录", "事业单位公开招聘", "人事任免", "防汛抗旱", "安全生产", "乡村振兴", "营商环境", "优抚对象", "医疗救助", "电动自行车登记",
	}
	verbs    = []string{"关于做好", "关于进一步加强", "关于开展", "关于公布", "关于印发", "关于调整", "关于规范", "关于公示"}
	suffixes = []string{"工作的通知", "的公告", "的实施方案", "情况的公示", "名单的公示", "的通知", "管理办法", "的政策解读", "办事指南", "工作方案"}
	clauses  = []string{
		"根据《中华人民共和国政府信息公开条例》有关规定，现将有关事项公告如下。",
		"为切实保障困难群众基本生活，进一步规范%s管理，结合我县实际，制定本方案。",
		"各乡镇人民政府、街道办事处，县直各有关单位：现将%s有关事项通知如下，请认真贯彻执行。",
		"经%s初审、县级审核，拟对以下%d户家庭纳入%s范围，现予以公示。",
		"公示期间，如有异议，请向%s反映，联系电话：0%d-%d。",
		"本次%s涉及%s%d个村（社区），共计%d户，补偿标准按照省人民政府批复执行。",
		"申请人应当如实提供家庭收入、财产等情况，并签署授权核对声明。",
		"对弄虚作假骗取%s的，依法追回已发放资金，并记入个人信用记录。",
		"%s资金实行社会化发放，按月足额打入保障对象个人账户。",
		"纳税人可通过电子税务局、自助办税终端办理%s申报，无需到办税服务厅。",
		"本通知自%d年%d月%d日起施行，原有规定与本通知不一致的，以本通知为准。",
		"各单位要高度重视，明确责任分工，确保%s各项工作落到实处。",
		"办理地点：县政务服务中心%d号窗口；办理时限：%d个工作日；收费标准：不收费。",
		"请符合条件的人员于%d月%d日前携带身份证、户口簿等材料到%s提出申请。",
		"群众可登录县人民政府门户网站政府信息公开专栏查阅%s相关信息。",
		"下一步，我县将持续深化%s改革，不断提升群众的获得感、幸福感、安全感。",
	}
)

// Generator makes notices deterministically from a seed.
type Generator struct {
	r    *rand.Rand
	zipf *rand.Zipf
}

// New returns a generator; the same seed gives the same notices.
func New(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &Generator{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(topics)-1))}
}

func (g *Generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Generator) topic() string { return topics[g.zipf.Uint64()] }

// Doc returns notice number id, published at a date between 2019 and 2026.
func (g *Generator) Doc(id int64) search.Doc {
	topic := g.topic()
	title := g.pick(verbs) + topic + g.pick(suffixes)
	if g.r.IntN(3) == 0 {
		title = g.pick(towns) + title
	}
	cat := g.r.IntN(len(Categories))
	pub := time.Date(2019, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(g.r.IntN(8*365*24)) * time.Hour)
	var b strings.Builder
	for n, want := 0, 6+g.r.IntN(14); n < want; n++ {
		t := topic
		if g.r.IntN(3) == 0 {
			t = g.topic()
		}
		b.WriteString(g.clause(t, pub))
		if g.r.IntN(4) == 0 {
			b.WriteString("\n")
		}
	}
	status := "published"
	if g.r.IntN(4) == 0 {
		status = "expired"
	}
	return search.Doc{
		ID: id, Kind: "notice", CategoryID: int64(cat + 1), Category: Categories[cat], Title: title,
		IndexNo:     fmt.Sprintf("11440300MB2C%05dX/%d-%05d", g.r.IntN(100000), pub.Year(), id%100000),
		Body:        b.String(),
		PublishedAt: pub, Status: status, UpdatedAt: pub,
	}
}

func (g *Generator) clause(topic string, pub time.Time) string {
	c := g.pick(clauses)
	var args []any
	for i := 0; i < len(c)-1; i++ {
		if c[i] != '%' {
			continue
		}
		switch c[i+1] {
		case 's':
			switch g.r.IntN(3) {
			case 0:
				args = append(args, topic)
			case 1:
				args = append(args, g.pick(depts))
			default:
				args = append(args, g.pick(towns))
			}
		case 'd':
			args = append(args, []int{pub.Year(), int(pub.Month()), pub.Day(), 3 + g.r.IntN(200)}[g.r.IntN(4)])
		}
	}
	return fmt.Sprintf(c, args...)
}
