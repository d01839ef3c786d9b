// Package archivegen generates realistic archive rows for tests and
// benchmarks: subsidy payments (惠民惠农补贴) with Chinese names, valid
// 18-digit ID numbers, Luhn-valid bank cards, amounts and dates. The same
// seed always gives the same rows, so a load test can ask for records that
// exist without reading the file.
package archivegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Person is one recipient.
type Person struct {
	Name, ID, Card string
}

var (
	surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建国建华志强春梅海燕德福文辉淑珍金凤凤英淑华玉珍桂珍")
	regions  = []string{"411421", "411422", "411423", "411424", "411425", "411426", "411481", "411402", "411403"}
	towns    = []string{"城关镇", "李营镇", "双塔镇", "孙六镇", "白云寺镇", "龙塘镇", "北关镇", "程庄镇", "王桥镇", "人和镇"}
	villages = []string{"东村", "西村", "南街社区", "北街社区", "张庄村", "李楼村", "刘寨村", "王店村", "新华社区", "胜利村", "前进村", "红旗村"}
	items    = []string{"耕地地力保护补贴", "城乡居民基本养老保险", "城乡低保金", "特困人员供养金", "残疾人两项补贴", "高龄津贴", "孤儿基本生活费", "临时救助金"}
	amounts  = []string{"58.00", "103.00", "160.00", "230.00", "356.50", "480.00", "612.00", "1200.00", "1450.80", "2016.00"}
)

// Header is the header row of the generated files.
var Header = []string{"序号", "姓名", "身份证号", "乡镇", "村（社区）", "补贴项目", "发放金额（元）", "发放日期", "银行卡号"}

// Generator makes persons and their payments from a seed.
type Generator struct {
	rng    *rand.Rand
	people int
	row    int
	cur    Person
	left   int // payments left for cur
}

// New returns a generator; the same seed gives the same sequence.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, 0x68616c6c))}
}

// Person returns the next recipient.
func (g *Generator) Person() Person {
	g.people++
	return Person{Name: g.name(), ID: g.id(), Card: g.card()}
}

// Row returns the next payment row (in Header's order). Each person gets
// one to three payments in a row.
func (g *Generator) Row() []string {
	if g.left == 0 {
		g.cur = g.Person()
		g.left = 1 + g.rng.IntN(3)
	}
	g.left--
	g.row++
	date := fmt.Sprintf("2025-%02d-%02d", 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	return []string{
		fmt.Sprint(g.row), g.cur.Name, g.cur.ID, pick(g, towns), pick(g, villages),
		pick(g, items), pick(g, amounts), date, g.cur.Card,
	}
}

func pick(g *Generator, s []string) string { return s[g.rng.IntN(len(s))] }

func (g *Generator) name() string {
	var b strings.Builder
	b.WriteRune(surnames[g.rng.IntN(len(surnames))])
	for range 1 + g.rng.IntN(2) {
		b.WriteRune(given[g.rng.IntN(len(given))])
	}
	return b.String()
}

// id returns a valid 18-digit ID number (GB 11643: region, birth date,
// sequence, ISO 7064 MOD 11-2 check character).
func (g *Generator) id() string {
	birth := fmt.Sprintf("%04d%02d%02d", 1940+g.rng.IntN(66), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	body := pick(g, regions) + birth + fmt.Sprintf("%03d", g.rng.IntN(1000))
	return body + IDCheck(body)
}

// IDCheck returns the check character of the first 17 digits of an ID.
func IDCheck(body17 string) string {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(body17[i]-'0') * weights[i]
	}
	return string("10X98765432"[sum%11])
}

// card returns a 19-digit Luhn-valid bank card number.
func (g *Generator) card() string {
	body := "622848" + fmt.Sprintf("%012d", g.rng.Int64N(1e12))
	return body + luhnCheck(body)
}

func luhnCheck(body string) string {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return fmt.Sprint((10 - sum%10) % 10)
}

// People replays the first rows rows of a seed and returns their
// recipients, in order: the persons a file of that seed holds.
func People(seed uint64, rows int) []Person {
	g := New(seed)
	var out []Person
	seen := 0
	for range rows {
		g.Row()
		if g.people > seen {
			seen = g.people
			out = append(out, g.cur)
		}
	}
	return out
}
