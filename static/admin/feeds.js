import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'nav.feeds': '信息源', 'feeds.intro': '定时抓取 RSS、Atom 或 JSON Feed（如本单位门户网站），新条目成为待审核的信息；只有设为“可信”的信息源才直接发布。',
    'feeds.add': '添加信息源', 'feeds.edit': '修改信息源', 'feeds.editBtn': '修改', 'feeds.state': '状态', 'feeds.created': '已生成',
    'feeds.check': '立即抓取', 'feeds.delete': '删除', 'feeds.ok': '正常', 'feeds.never': '尚未抓取', 'feeds.trusted': '可信',
    'feeds.result': '抓取完成：{items} 条，新增 {created} 条', 'feeds.unchanged': '内容未变化', 'feeds.confirm': '删除信息源“{name}”？已生成的信息保留。',
    'field.name': '名称', 'field.url': '地址', 'field.spec': '抓取时间', 'field.category_id': '栏目', 'field.kind': '类别',
    'field.trusted': '可信（直接发布）', 'field.enabled': '启用',
    'feeds.untrusted': '地址、栏目或类别已改变，该信息源不再可信，新条目需审核；如确认可信，请重新勾选“可信”并保存。',
  },
  en: {
    'nav.feeds': 'Feeds', 'feeds.intro': 'RSS, Atom or JSON feeds (e.g. the agency portal) fetched on a schedule; new items become notices waiting for review, or are published directly for trusted sources.',
    'feeds.add': 'Add a feed', 'feeds.edit': 'Edit feed', 'feeds.editBtn': 'Edit', 'feeds.state': 'State', 'feeds.created': 'Created',
    'feeds.check': 'Fetch now', 'feeds.delete': 'Delete', 'feeds.ok': 'OK', 'feeds.never': 'Not fetched yet', 'feeds.trusted': 'trusted',
    'feeds.result': 'Fetched: {items} items, {created} new', 'feeds.unchanged': 'Not modified', 'feeds.confirm': 'Delete the feed "{name}"? Its notices stay.',
    'field.name': 'Name', 'field.url': 'URL', 'field.spec': 'Schedule', 'field.category_id': 'Category', 'field.kind': 'Kind',
    'field.trusted': 'Trusted (publish directly)', 'field.enabled': 'Enabled',
    'feeds.untrusted': 'The URL, category or kind changed, so this feed is no longer trusted and its new items need review; tick "Trusted" and save again if you trust it.',
  },
});

await start('feeds');

const { categories } = await api('GET', '/api/admin/categories');
function flatten(nodes, depth, out) {
  for (const c of nodes) {
    out.push(h('option', { value: c.id }, '　'.repeat(depth) + c.name));
    flatten(c.children || [], depth + 1, out);
  }
  return out;
}
$('#category_id').append(...flatten(categories, 0, []));

function fill(src) {
  $('#id').value = src ? src.id : '';
  $('#name').value = src ? src.name : '';
  $('#url').value = src ? src.url : '';
  $('#spec').value = src ? src.spec : '0 * * * *';
  if (src && src.category_id) $('#category_id').value = src.category_id;
  $('#kind').value = src ? src.kind || 'news' : 'news';
  $('#trusted').checked = !!(src && src.trusted);
  $('#enabled').checked = src ? src.enabled : true;
  $('#form-title').textContent = t(src ? 'feeds.edit' : 'feeds.add');
  $('#error').textContent = '';
  describe();
}

async function describe() {
  try {
    const out = await api('POST', '/api/admin/jobs/check', { spec: $('#spec').value });
    $('#spec-desc').textContent = (lang() === 'en' ? out.description_en : out.description_zh) + ' · ' + out.next.slice(0, 3).map((x) => fmtTime(x)).join(' · ');
  } catch (e) {
    $('#spec-desc').textContent = errorText(e);
  }
}

function state(s) {
  if (s.last_error) return h('div', {}, h('span', { class: 'badge bad' }, '✗ ' + fmtTime(s.last_error_at)), h('div', { class: 'error' }, s.last_error));
  if (s.last_success_at) return h('span', { class: 'badge ok' }, '✓ ' + t('feeds.ok') + ' ' + fmtTime(s.last_success_at));
  return h('span', { class: 'badge' }, t('feeds.never'));
}

function row(s) {
  return h('tr', { dataset: { feed: s.id } },
    h('td', {}, s.name, s.trusted ? [' ', h('span', { class: 'badge warn' }, t('feeds.trusted'))] : null, h('div', { class: 'muted' }, s.url)),
    h('td', {}, h('code', {}, s.spec)),
    h('td', {}, state(s)),
    h('td', {}, String(s.items_created)),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => fill(s) }, t('feeds.editBtn')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        const out = await api('POST', `/api/admin/feeds/${s.id}/check`);
        if (out.error) flash(out.error, 'bad');
        else flash(out.outcome.not_modified ? t('feeds.unchanged') : t('feeds.result', { items: out.outcome.items, created: out.outcome.created }));
        load();
      } }, t('feeds.check')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('feeds.confirm', { name: s.name }))) return;
        await api('DELETE', `/api/admin/feeds/${s.id}`);
        load();
      } }, t('feeds.delete'))));
}

async function load() {
  const { sources } = await api('GET', '/api/admin/feeds');
  clear($('#sources')).append(...sources.map(row));
}

$('#spec').addEventListener('input', describe);
$('#reset').addEventListener('click', () => fill(null));
$('#form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const body = {
    name: $('#name').value, url: $('#url').value, spec: $('#spec').value, category_id: Number($('#category_id').value) || null,
    kind: $('#kind').value, trusted: $('#trusted').checked, enabled: $('#enabled').checked,
  };
  try {
    const id = $('#id').value;
    const saved = await api(id ? 'PUT' : 'POST', '/api/admin/feeds' + (id ? '/' + id : ''), body);
    if (body.trusted && !saved.trusted) flash(t('feeds.untrusted'), 'bad');
    else flash(t('common.saved'));
    fill(null);
    load();
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', load);
apply(document);
fill(null);
load().then(ready);
