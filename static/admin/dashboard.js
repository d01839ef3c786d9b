import { start, NAV, canSee } from './app.js';
import { api } from './api.js';
import { add, apply, t } from '/assets/shared/i18n.js';
import { h, $, ready } from '/assets/shared/dom.js';

add({
  zh: {
    'dash.title': '工作台', 'dash.intro': '选择一个栏目开始工作。', 'dash.soon': '即将推出', 'dash.attention': '待办提醒',
    'dash.req_overdue': '依申请公开：{n} 件已超过答复期限', 'dash.req_soon': '依申请公开：{n} 件即将到期', 'dash.req_open': '依申请公开：{n} 件办理中',
    'dash.fu_overdue': '差评回访：{n} 件已超期', 'dash.fu_open': '差评回访：{n} 件待回访', 'dash.sug_open': '意见建议：{n} 件待答复',
    'dash.due': '到期事项', 'dash.due_none': '没有三个工作日内到期或已超期的事项。', 'dash.due_left': '剩余 {n} 个工作日', 'dash.due_over': '已超期 {n} 个工作日',
    'dash.due_today': '今天到期', 'dash.stale': '{n} 个栏目更新不及时：{names}', 'dash.provisional': '（预计）',
    'dash.cal_missing': '尚未导入 {years} 年的节假日安排：涉及该年的期限和公示期暂按法定节假日预计计算，标为"预计"；导入国务院办公厅通知后自动重新计算。',
    'dash.cal_go': '去导入',
  },
  en: {
    'dash.title': 'Dashboard', 'dash.intro': 'Pick a section to start.', 'dash.soon': 'Coming soon', 'dash.attention': 'Needs attention',
    'dash.req_overdue': 'Disclosure requests: {n} overdue', 'dash.req_soon': 'Disclosure requests: {n} due soon', 'dash.req_open': 'Disclosure requests: {n} open',
    'dash.fu_overdue': 'Rating follow-ups: {n} overdue', 'dash.fu_open': 'Rating follow-ups: {n} open', 'dash.sug_open': 'Suggestions: {n} awaiting a reply',
    'dash.due': 'Due', 'dash.due_none': 'Nothing due within three working days or overdue.', 'dash.due_left': '{n} working days left', 'dash.due_over': 'Overdue by {n} working days',
    'dash.due_today': 'Due today', 'dash.stale': '{n} categories not updated in time: {names}', 'dash.provisional': ' (provisional)',
    'dash.cal_missing': 'The holiday list of {years} is not imported: deadlines and notice periods in those years are counted on the statutory holidays and marked provisional; they are recomputed when the State Council\'s list is imported.',
    'dash.cal_go': 'Import it',
  },
});

const user = await start('dashboard');
const grid = $('#sections');
for (const n of NAV.filter((n) => n.key !== 'dashboard' && canSee(n, user))) {
  grid.append(n.ready
    ? h('a', { class: 'tile', href: n.href }, h('strong', { 'data-i18n': 'nav.' + n.key }))
    : h('div', { class: 'tile', 'aria-disabled': 'true' }, h('strong', { 'data-i18n': 'nav.' + n.key }), h('span', { class: 'soon', 'data-i18n': 'dash.soon' })));
}

// flags shows the kiosk side's deadlines: disclosure requests due soon or
// overdue, follow-ups of bad ratings, unanswered suggestions.
async function flags() {
  if (user.role !== 'admin' && user.role !== 'editor') return;
  const s = await api('GET', '/api/admin/kiosk/summary');
  const items = [];
  const item = (n, key, cls, href) => { if (n > 0) items.push(h('li', { class: cls, dataset: { flag: key } }, h('a', { href }, (cls === 'bad' ? '! ' : '') + t(key, { n })))); };
  item(s.disclosure.overdue, 'dash.req_overdue', 'bad', '/admin/requests');
  item(s.disclosure.due_soon, 'dash.req_soon', 'warn', '/admin/requests');
  item(s.disclosure.open - s.disclosure.overdue - s.disclosure.due_soon, 'dash.req_open', '', '/admin/requests');
  item(s.followups.overdue, 'dash.fu_overdue', 'bad', '/admin/feedback');
  item(s.followups.open - s.followups.overdue, 'dash.fu_open', '', '/admin/feedback');
  item(s.suggestions.open, 'dash.sug_open', '', '/admin/feedback');
  if (items.length) $('#flags').replaceChildren(h('h2', {}, t('dash.attention')), h('ul', { class: 'flags' }, items));
}

// due lists every deadline within three working days or past (disclosure
// requests and bad-rating follow-ups), most urgent first.
async function due() {
  if (user.role !== 'admin' && user.role !== 'editor') return;
  const { items } = await api('GET', '/api/admin/due');
  const left = (it) => (it.overdue ? t('dash.due_over', { n: -it.days_left }) : it.days_left === 0 ? t('dash.due_today') : t('dash.due_left', { n: it.days_left }));
  $('#due').replaceChildren(h('h2', {}, t('dash.due')), items.length
    ? h('table', {}, h('tbody', {}, items.map((it) => h('tr', { class: it.overdue ? 'overdue' : '', dataset: { due: it.kind + '-' + it.id } },
      h('td', {}, h('span', { class: 'badge ' + (it.overdue ? 'bad' : 'warn') }, (it.overdue ? '! ' : '') + left(it))),
      h('td', {}, h('a', { href: it.href }, it.label)), h('td', {}, it.due + (it.provisional ? t('dash.provisional') : ''))))))
    : h('p', { class: 'muted' }, t('dash.due_none')));
}

// stale names the catalogue categories not updated within their cadence
// (R8), for every role: the server judges a heading by its descendants too.
async function stale() {
  const { categories } = await api('GET', '/api/admin/categories');
  const names = [];
  const walk = (cs) => { for (const c of cs) { if (c.overdue) names.push(c.name); walk(c.children || []); } };
  walk(categories);
  $('#stale').replaceChildren(...(names.length ? [h('p', { class: 'flags warn', dataset: { overdue: names.length } },
    h('a', { href: '/admin/catalogue' }, t('dash.stale', { n: names.length, names: names.join('、') })))] : []));
}

// calendarWarning says which years that deadlines need now have no
// official holiday list (this year, and next year from 1 November).
async function calendarWarning() {
  const st = await api('GET', '/api/admin/calendar/status');
  $('#calendar-warning').replaceChildren(...(st.missing.length
    ? [h('ul', { class: 'flags' }, h('li', { class: 'warn', dataset: { missing: st.missing.join(',') } }, t('dash.cal_missing', { years: st.missing.join('、') }), ' ',
      h('a', { href: '/admin/calendar?year=' + st.missing[st.missing.length - 1] }, t('dash.cal_go'))))]
    : []));
}

const refresh = () => Promise.all([calendarWarning(), flags(), due(), stale()].map((p) => p.catch(() => {})));
apply(document);
document.addEventListener('langchange', () => { document.title = t('nav.dashboard') + ' · hallcast'; refresh(); });
refresh().then(ready);
