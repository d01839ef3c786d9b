import { start, flash } from './app.js';
import { api } from './api.js';
import { fieldLabel } from './content.js';
import { fmtDate } from '/assets/shared/clock.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';

add({
  zh: {
    'cat.intro': '栏目树、更新周期（超期未更新会标出）和默认公示期。索引号格式：<机构代码>/<栏目代码>-<年份>-<5位序号>，机构代码在“系统设置”中设置。',
    'cat.new': '新建栏目', 'cat.edit': '编辑栏目', 'cat.cadence': '更新周期', 'cat.period': '默认公示期', 'cat.blank_none': '留空表示不要求',
    'cat.add_child': '新建下级栏目', 'cat.add_root': '新建顶级栏目', 'cat.delete': '删除', 'cat.top': '（顶级栏目）',
    'cat.u.days': '天', 'cat.u.weeks': '周', 'cat.u.months': '个月', 'cat.u.years': '年', 'cat.every': '每{n}{unit}更新',
    'cat.period_badge': '公示{n}{unit}', 'cat.overdue': '超期未更新', 'cat.last': '最近发布 {date}', 'cat.confirm_delete': '确定删除栏目“{name}”吗？',
    'cat.deleted': '已删除',
  },
  en: {
    'cat.intro': 'The category tree, update cadences (overdue categories are flagged) and default notice periods. Index numbers read <org code>/<category code>-<year>-<5-digit sequence>; set the org code in Settings.',
    'cat.new': 'New category', 'cat.edit': 'Edit category', 'cat.cadence': 'Update cadence', 'cat.period': 'Default notice period', 'cat.blank_none': 'Empty: none',
    'cat.add_child': 'New sub-category', 'cat.add_root': 'New top category', 'cat.delete': 'Delete', 'cat.top': '(top level)',
    'cat.u.days': ' days', 'cat.u.weeks': ' weeks', 'cat.u.months': ' months', 'cat.u.years': ' years', 'cat.every': 'every {n}{unit}',
    'cat.period_badge': 'notice {n} {unit}', 'cat.overdue': 'Overdue', 'cat.last': 'last published {date}', 'cat.confirm_delete': 'Delete the category “{name}”?',
    'cat.deleted': 'Deleted',
  },
});

const user = await start('catalogue');
const isAdmin = user.role === 'admin';
let flat = [];
let selected = null;

function node(c) {
  const badges = [
    h('span', { class: 'code' }, c.code),
    c.cadence ? h('span', { class: 'badge' }, t('cat.every', { n: c.cadence.n, unit: t('cat.u.' + c.cadence.unit) })) : null,
    c.period ? h('span', { class: 'badge' }, t('cat.period_badge', { n: c.period.n, unit: t('unit.' + c.period.unit) })) : null,
    c.overdue ? h('span', { class: 'badge bad' }, t('cat.overdue')) : null,
    c.last_published_at ? h('span', { class: 'muted' }, t('cat.last', { date: fmtDate(c.last_published_at) })) : null,
  ];
  return h('li', { dataset: { code: c.code } },
    h('div', { class: 'node' + (selected && selected.id === c.id ? ' selected' : ''), tabindex: 0, onclick: () => edit(c),
      onkeydown: (ev) => { if (ev.key === 'Enter') edit(c); } }, h('strong', {}, c.name), ...badges),
    c.children && c.children.length ? h('ul', { class: 'tree' }, c.children.map(node)) : null);
}

function parentOptions(current) {
  return [h('option', { value: '' }, t('cat.top')),
    ...flat.filter((c) => !current || c.id !== current.id).map((c) => h('option', { value: c.id }, '\u3000'.repeat(c.depth) + c.name))];
}

function edit(c, parent) {
  selected = c;
  $('#form-title').textContent = t(c ? 'cat.edit' : 'cat.new');
  clear($('#parent_id')).append(...parentOptions(c));
  $('#parent_id').value = c ? c.parent_id || '' : parent ? parent.id : '';
  for (const k of ['code', 'name', 'description']) $('#' + k).value = c ? c[k] : '';
  $('#position').value = c ? c.position : 0;
  $('#cadence_n').value = c && c.cadence ? c.cadence.n : '';
  $('#cadence_unit').value = c && c.cadence ? c.cadence.unit : 'months';
  $('#period_n').value = c && c.period ? c.period.n : '';
  $('#period_unit').value = c && c.period ? c.period.unit : 'workdays';
  $('#cat-delete').hidden = !c || !isAdmin;
  $('#cat-child').hidden = !c || !isAdmin;
  $('#error').textContent = '';
  for (const el of document.querySelectorAll('.tree .node')) el.classList.remove('selected');
  if (c) document.querySelector(`.tree li[data-code="${c.code}"] > .node`)?.classList.add('selected');
}

async function load() {
  const { categories } = await api('GET', '/api/admin/categories');
  flat = [];
  const walk = (list, depth) => list.forEach((c) => { flat.push({ ...c, depth }); walk(c.children || [], depth + 1); });
  walk(categories, 0);
  clear($('#tree')).append(...categories.map(node));
  if (selected) selected = flat.find((c) => c.id === selected.id) || null;
  edit(selected);
}

function input() {
  const num = (id) => Number($(id).value) || 0;
  return {
    parent_id: Number($('#parent_id').value) || null, code: $('#code').value, name: $('#name').value, description: $('#description').value,
    position: num('#position'),
    cadence: $('#cadence_n').value ? { n: num('#cadence_n'), unit: $('#cadence_unit').value } : null,
    period: $('#period_n').value ? { n: num('#period_n'), unit: $('#period_unit').value } : null,
  };
}

function showError(e) {
  $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
}

$('#cat-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    selected = selected ? await api('PUT', '/api/admin/categories/' + selected.id, input()) : await api('POST', '/api/admin/categories', input());
    flash(t('common.saved'));
    await load();
  } catch (e) { showError(e); }
});
$('#cat-child').addEventListener('click', () => edit(null, selected));
$('#cat-new').addEventListener('click', () => edit(null));
$('#cat-delete').addEventListener('click', async () => {
  if (!selected || !confirm(t('cat.confirm_delete', { name: selected.name }))) return;
  try {
    await api('DELETE', '/api/admin/categories/' + selected.id);
    selected = null;
    flash(t('cat.deleted'));
    await load();
  } catch (e) { showError(e); }
});
if (!isAdmin) {
  $('#cat-actions').hidden = true;
  for (const el of $('#cat-form').querySelectorAll('input, select')) el.disabled = true;
}
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
