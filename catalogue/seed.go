package catalogue

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// seed is one category of the first-start catalogue.
type seed struct {
	code, name, desc string
	cadence          *Cadence
	period           *calendar.Period
	children         []seed
}

var (
	twoWeeks  = &Cadence{N: 2, Unit: CadenceWeeks}
	halfYear  = &Cadence{N: 6, Unit: CadenceMonths}
	yearly    = &Cadence{N: 1, Unit: CadenceYears}
	workdays7 = &calendar.Period{N: 7, Unit: calendar.UnitWorkdays}
)

// seeds are the proactive-disclosure headings of 政府信息公开条例 第二十条
// and 第二十一条 and the usual local ones, with the cadences of R8 (news
// every 2 weeks, notices and policy every 6 months, personnel and plans
// yearly) and the notice periods of R7 where a rule sets one: 低保 lists
// 7 working days (DESIGN.md R7), civil-service hiring lists at least 5
// working days (公务员录用规定), land-acquisition compensation plans at
// least 30 days (土地管理法实施条例). Admins adjust them to local rules.
var seeds = []seed{
	{code: "ZCFG", name: "政策法规", desc: "行政法规、规章和规范性文件（第二十条第一项）", cadence: halfYear, children: []seed{
		{code: "ZCWJ", name: "政策文件", desc: "规范性文件", cadence: halfYear},
		{code: "ZCJD", name: "政策解读", desc: "与政策文件同步起草、同步审签、同步发布（三同步）", cadence: halfYear},
	}},
	{code: "JGZN", name: "机构职能", desc: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名（第二项）", cadence: yearly},
	{code: "GHJH", name: "规划计划", desc: "发展规划、专项规划、区域规划及相关政策（第三项）", cadence: yearly},
	{code: "TJXX", name: "统计信息", desc: "国民经济和社会发展统计信息（第四项）", cadence: yearly},
	{code: "XZQL", name: "行政权力", desc: "行政许可、行政处罚、行政强制的依据、条件、程序及结果（第五、六项）", cadence: halfYear, children: []seed{
		{code: "XZXK", name: "行政许可", cadence: halfYear},
		{code: "XZCF", name: "行政处罚", cadence: halfYear},
	}},
	{code: "CZYJS", name: "财政预决算", desc: "财政预算、决算信息（第七项）", cadence: yearly},
	{code: "SFXM", name: "收费项目", desc: "行政事业性收费项目及其依据、标准（第八项）", cadence: yearly},
	{code: "ZFCG", name: "政府采购", desc: "政府集中采购项目的目录、标准及实施情况（第九项）", cadence: halfYear},
	{code: "ZDXM", name: "重大建设项目", desc: "重大建设项目的批准和实施情况（第十项）", cadence: halfYear},
	{code: "SHJZ", name: "社会救助", desc: "扶贫、教育、医疗、社会保障、促进就业（第十一项）；低保等公示", cadence: halfYear, period: workdays7},
	{code: "YJGL", name: "应急管理", desc: "突发公共事件的应急预案、预警信息及应对情况（第十二项）", cadence: halfYear},
	{code: "JDJC", name: "监督检查", desc: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查（第十三项）", cadence: halfYear},
	{code: "TDLY", name: "土地利用", desc: "土地利用总体规划、宅基地使用审核（第二十一条）", cadence: yearly},
	{code: "ZDXX", name: "征地信息", desc: "征收或者征用土地、房屋征收及其补偿、补助费用发放（第二十一条）", cadence: halfYear,
		period: &calendar.Period{N: 30, Unit: calendar.UnitDays}},
	{code: "RSXX", name: "人事信息", desc: "公务员招考的职位、名额、报考条件及录用结果（第十四项）", cadence: yearly,
		period: &calendar.Period{N: 5, Unit: calendar.UnitWorkdays}},
	{code: "BSZN", name: "办事指南", desc: "办理事项的依据、条件、材料、流程、时限、收费、地点和电话", cadence: halfYear},
	{code: "GZDT", name: "工作动态", cadence: twoWeeks},
	{code: "TZGG", name: "通知公告", desc: "通知、公告和公示", cadence: halfYear, period: workdays7},
}

// Seed stores the first-start catalogue once per database: a catalogue an
// admin has edited, or emptied, is never seeded again.
func (s *Service) Seed(ctx context.Context) error {
	now := s.clock.Now()
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, "INSERT INTO catalogue_seeds (name, seeded_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", "catalogue-v1", now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		var insert func(ss []seed, parent *int64) error
		insert = func(ss []seed, parent *int64) error {
			for i, sd := range ss {
				in := Input{ParentID: parent, Code: sd.code, Name: sd.name, Description: sd.desc, Position: (i + 1) * 10,
					Cadence: sd.cadence, Period: sd.period}
				var id int64
				if err := tx.Get(ctx, &id, `INSERT INTO catalogue_categories (parent_id, code, name, description, position,
					cadence_n, cadence_unit, period_n, period_unit, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(values(in), now, now)...); err != nil {
					return err
				}
				if err := insert(sd.children, &id); err != nil {
					return err
				}
			}
			return nil
		}
		if err := insert(seeds, nil); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic})
		return nil
	})
	if err != nil {
		return fmt.Errorf("catalogue: unable to seed: %w", err)
	}
	return nil
}
