// content: what the notice, review, history, catalogue, calendar and
// statistics pages share: labels of kinds and states, field names for
// error messages, the category list, small helpers.
import { api } from './api.js';
import { add, t } from '/assets/shared/i18n.js';
import { h } from '/assets/shared/dom.js';

export const KINDS = ['announcement', 'publicity', 'policy', 'interpretation', 'guide', 'news', 'notification'];
// KIND_ZH are the labels screens show, whatever the admin's language.
export const KIND_ZH = { announcement: '公告', publicity: '公示', policy: '政策文件', interpretation: '政策解读', guide: '办事指南', news: '工作动态', notification: '通知' };
export const STATUSES = ['draft', 'submitted', 'referred', 'refused', 'scheduled', 'published', 'expired', 'withdrawn', 'superseded'];

add({
  zh: {
    'kind.announcement': '公告', 'kind.publicity': '公示', 'kind.policy': '政策文件', 'kind.interpretation': '政策解读',
    'kind.guide': '办事指南', 'kind.news': '工作动态', 'kind.notification': '通知',
    'status.draft': '草稿', 'status.submitted': '待审查', 'status.referred': '已报审', 'status.refused': '不予公开',
    'status.scheduled': '待发布', 'status.published': '已发布', 'status.expired': '已过期', 'status.withdrawn': '已撤回',
    'status.superseded': '已替换', 'status.all': '全部',
    'disclosure.proactive': '主动公开', 'disclosure.on_request': '依申请公开', 'disclosure.withheld': '不予公开',
    'result.disclose': '公开', 'result.withhold': '不予公开', 'result.refer': '需报审',
    'pd.id18': '身份证号', 'pd.id18_suspect': '疑似身份证号，校验位不符', 'pd.id15': '身份证号（15位）', 'pd.mobile': '手机号', 'pd.bank_card': '银行卡号',
    'unit.workdays': '个工作日', 'unit.days': '个自然日',
    'field.title': '标题', 'field.body': '正文', 'field.led_text': 'LED 短文本', 'field.kind': '类型', 'field.category_id': '栏目',
    'field.disclosure': '公开属性', 'field.source_dept': '发布机构', 'field.made_on': '成文日期', 'field.publish_at': '发布时间',
    'field.expire_at': '结束时间', 'field.period': '公示期', 'field.period.n': '公示期天数', 'field.period.unit': '公示期单位',
    'field.priority': '优先级', 'field.duration': '播放时长', 'field.groups': '目标屏幕', 'field.interpretations': '政策解读',
    'field.attachments': '附件', 'field.file': '文件', 'field.reason': '意见', 'field.override_reason': '放行理由', 'field.findings': '个人信息',
    'field.guide': '办事指南', 'field.guide.conditions': '受理条件', 'field.guide.materials': '申请材料', 'field.guide.steps': '办理流程',
    'field.guide.fees': '收费标准', 'field.guide.time_limit': '承诺时限', 'field.guide.location': '办理地点', 'field.guide.phone': '咨询电话',
    'field.guide.basis': '办理依据', 'field.guide.fee_basis': '收费依据', 'field.base_version_id': '版本',
    'field.code': '栏目代码', 'field.name': '名称', 'field.description': '说明', 'field.position': '排序', 'field.parent_id': '上级栏目',
    'field.cadence.n': '更新周期', 'field.cadence.unit': '更新周期单位', 'field.date': '日期', 'field.year': '年份', 'field.days': '日期列表',
    'field.from': '开始日期', 'field.to': '结束日期',
    'err.personal_data': '发现个人信息，请逐项选择脱敏或保留（保留须填写理由）', 'err.second_person': '保留身份证号须由审查人以外的另一名管理员确认', 'err.interpretation_required': '政策文件须与政策解读同步审签、同步发布',
    'err.own_notice': '不能审查自己撰写的信息', 'err.type_mismatch': '文件内容与扩展名不符', 'err.calendar_not_covered': '该年份的节假日安排尚未导入',
    'common.loading': '加载中…',
  },
  en: {
    'kind.announcement': 'Announcement', 'kind.publicity': 'Public notice (公示)', 'kind.policy': 'Policy document', 'kind.interpretation': 'Policy interpretation',
    'kind.guide': 'Service guide', 'kind.news': 'News', 'kind.notification': 'Notification',
    'status.draft': 'Draft', 'status.submitted': 'In review', 'status.referred': 'Referred up', 'status.refused': 'Refused',
    'status.scheduled': 'Scheduled', 'status.published': 'Published', 'status.expired': 'Expired', 'status.withdrawn': 'Withdrawn',
    'status.superseded': 'Superseded', 'status.all': 'All',
    'disclosure.proactive': 'Proactive', 'disclosure.on_request': 'On request', 'disclosure.withheld': 'Withheld',
    'result.disclose': 'Disclose', 'result.withhold': 'Withhold', 'result.refer': 'Refer up',
    'pd.id18': 'ID number', 'pd.id18_suspect': 'Suspected ID number (wrong check digit)', 'pd.id15': 'ID number (15)', 'pd.mobile': 'Mobile number', 'pd.bank_card': 'Bank card',
    'unit.workdays': 'working days', 'unit.days': 'days',
    'field.title': 'Title', 'field.body': 'Body', 'field.led_text': 'LED text', 'field.kind': 'Kind', 'field.category_id': 'Category',
    'field.disclosure': 'Disclosure', 'field.source_dept': 'Issued by', 'field.made_on': 'Date made', 'field.publish_at': 'Publish at',
    'field.expire_at': 'End', 'field.period': 'Notice period', 'field.period.n': 'Period length', 'field.period.unit': 'Period unit',
    'field.priority': 'Priority', 'field.duration': 'Duration', 'field.groups': 'Screens', 'field.interpretations': 'Interpretations',
    'field.attachments': 'Attachments', 'field.file': 'File', 'field.reason': 'Opinion', 'field.override_reason': 'Override reason', 'field.findings': 'Personal data',
    'field.guide': 'Service guide', 'field.guide.conditions': 'Conditions', 'field.guide.materials': 'Materials', 'field.guide.steps': 'Steps',
    'field.guide.fees': 'Fees', 'field.guide.time_limit': 'Time limit', 'field.guide.location': 'Location', 'field.guide.phone': 'Phone',
    'field.guide.basis': 'Legal basis', 'field.guide.fee_basis': 'Fee basis', 'field.base_version_id': 'Version',
    'field.code': 'Code', 'field.name': 'Name', 'field.description': 'Description', 'field.position': 'Order', 'field.parent_id': 'Parent',
    'field.cadence.n': 'Cadence', 'field.cadence.unit': 'Cadence unit', 'field.date': 'Date', 'field.year': 'Year', 'field.days': 'Days',
    'field.from': 'From', 'field.to': 'To',
    'err.personal_data': 'Personal data found: decide on each finding (mask, or keep with a reason)', 'err.second_person': 'A kept ID number is confirmed by an admin other than the reviewer', 'err.interpretation_required': 'A policy document goes out with its interpretation',
    'err.own_notice': 'You cannot review your own notice', 'err.type_mismatch': 'The content does not match the file extension', 'err.calendar_not_covered': 'No holiday list loaded for that year',
    'common.loading': 'Loading…',
  },
});

// fieldLabel names an API field ("attachments[0]" → 附件 1).
export function fieldLabel(field) {
  const m = /^(\w+)\[(\d+)\](.*)$/.exec(field || '');
  if (m) return t('field.' + m[1]) + ' ' + (Number(m[2]) + 1) + m[3];
  const s = t('field.' + field);
  return s === 'field.' + field ? field : s;
}

export function statusBadge(status) {
  const cls = { published: 'ok', scheduled: 'ok', refused: 'bad', withdrawn: 'bad', submitted: 'warn', referred: 'warn' }[status] || '';
  return h('span', { class: 'badge ' + cls, dataset: { status } }, t('status.' + status));
}

// loadCategories returns the catalogue flattened in tree order, each with
// its depth.
export async function loadCategories() {
  const { categories } = await api('GET', '/api/admin/categories');
  const out = [];
  const walk = (list, depth) => {
    for (const c of list) {
      out.push({ ...c, depth });
      walk(c.children || [], depth + 1);
    }
  };
  walk(categories, 0);
  return out;
}

export function categoryOptions(cats, selected, empty) {
  const opts = cats.map((c) => h('option', { value: c.id, selected: c.id === selected }, '\u3000'.repeat(c.depth) + c.name));
  if (empty) opts.unshift(h('option', { value: '' }, empty));
  return opts;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// esc escapes text for the sandboxed preview documents.
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// findingText describes a privacy finding for people.
export function findingText(f) {
  const where = f.where ? ' ' + f.where : ` ${f.start + 1}–${f.end}`;
  return `${fieldLabel(f.field)}${where} · ${t('pd.' + f.kind)} → ${f.masked}`;
}
