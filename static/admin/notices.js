import { start } from './app.js';
import { api } from './api.js';
import { KINDS, loadCategories, categoryOptions, statusBadge, debounce } from './content.js';
import { add, apply, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'notices.new': '新建信息', 'notices.search': '标题或索引号', 'notices.mine': '只看我的', 'notices.index_no': '索引号',
    'notices.status': '状态', 'notices.author': '采集人', 'notices.updated': '更新时间', 'notices.history': '历史',
    'notices.edit': '编辑', 'notices.open': '查看', 'notices.total': '共 {n} 条', 'notices.any': '全部', 'notices.live': '线上版本：',
  },
  en: {
    'notices.new': 'New notice', 'notices.search': 'Title or index number', 'notices.mine': 'Mine only', 'notices.index_no': 'Index no.',
    'notices.status': 'Status', 'notices.author': 'Collected by', 'notices.updated': 'Updated', 'notices.history': 'History',
    'notices.edit': 'Edit', 'notices.open': 'Open', 'notices.total': '{n} in all', 'notices.any': 'All', 'notices.live': 'Live: ',
  },
});

const user = await start('notices');
const canWrite = user.role === 'editor' || user.role === 'admin';
$('#new').hidden = !canWrite;
const TABS = ['', 'draft', 'submitted', 'referred', 'refused', 'scheduled', 'published', 'expired', 'withdrawn'];
const params = new URLSearchParams(location.search);
let status = TABS.includes(params.get('status')) ? params.get('status') : '';
const cats = await loadCategories();
const catName = new Map(cats.map((c) => [c.id, c.name]));

function fillFilters() {
  const cat = $('#filter-category').value;
  const kind = $('#filter-kind').value;
  clear($('#filter-category')).append(...categoryOptions(cats, Number(cat) || 0, t('notices.any')));
  clear($('#filter-kind')).append(h('option', { value: '' }, t('notices.any')),
    ...KINDS.map((k) => h('option', { value: k, selected: k === kind }, t('kind.' + k))));
}

function tabs(counts) {
  const total = counts.all || 0;
  clear($('#tabs')).append(...TABS.map((s) => h('button', {
    type: 'button', role: 'tab', class: s === status ? 'active' : '', 'aria-selected': s === status ? 'true' : 'false', dataset: { status: s || 'all' },
    onclick: () => { status = s; load(); },
  }, t('status.' + (s || 'all')), h('span', { class: 'count' }, String(s ? counts[s] || 0 : total)))));
}

function row(n) {
  const open = '/admin/notice?id=' + n.id;
  return h('tr', { dataset: { id: n.id } },
    h('td', { class: 'muted' }, n.index_no || '—'),
    h('td', {}, h('a', { href: open }, n.title), n.number > 1 ? h('span', { class: 'muted' }, ` v${n.number}`) : null),
    h('td', {}, t('kind.' + n.kind)),
    h('td', {}, catName.get(n.category_id) || ''),
    h('td', {}, statusBadge(n.status),
      n.live_status && n.live_status !== n.status ? [' ', h('span', { class: 'muted' }, t('notices.live')), statusBadge(n.live_status)] : null),
    h('td', {}, n.author_name),
    h('td', {}, fmtTime(n.updated_at)),
    h('td', {}, h('a', { href: open }, t(canWrite ? 'notices.edit' : 'notices.open')), ' · ',
      h('a', { href: '/admin/history?id=' + n.id }, t('notices.history'))));
}

async function load() {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if ($('#filter-category').value) q.set('category', $('#filter-category').value);
  if ($('#filter-kind').value) q.set('kind', $('#filter-kind').value);
  if ($('#filter-q').value.trim()) q.set('q', $('#filter-q').value.trim());
  if ($('#filter-mine').checked) q.set('mine', '1');
  history.replaceState(null, '', status ? '?status=' + status : location.pathname);
  const out = await api('GET', '/api/admin/notices?' + q);
  tabs(out.counts);
  clear($('#list')).append(...(out.notices.length ? out.notices.map(row)
    : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, t('common.none')))]));
  $('#total').textContent = t('notices.total', { n: out.total });
}

fillFilters();
for (const id of ['#filter-category', '#filter-kind', '#filter-mine']) $(id).addEventListener('change', load);
$('#filter-q').addEventListener('input', debounce(load, 300));
$('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
document.addEventListener('langchange', () => { fillFilters(); load(); });
apply(document);
load().then(ready);
