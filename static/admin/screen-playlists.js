import { start, flash } from './app.js';
import { api } from './api.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { tabs } from './screens-common.js';

await start('screens');
tabs('playlists');

const TYPES = ['notices', 'notice', 'countdown', 'clock', 'ticker', 'stats'];
const KINDS = ['announcement', 'publicity', 'notification', 'news', 'policy', 'interpretation', 'guide'];
let items = [];
let cats = [];
let published = []; // notices on air, for the one-notice and countdown items

function catOptions(nodes, depth, out) {
  for (const c of nodes) {
    out.push([c.id, '　'.repeat(depth) + c.name]);
    catOptions(c.children || [], depth + 1, out);
  }
  return out;
}

function num(v) { return v === '' ? null : Number(v); }

// itemRow edits items[i] in place.
function itemRow(it, i) {
  const set = (k) => (ev) => { it[k] = ev.target.type === 'number' ? num(ev.target.value) : ev.target.value || (k === 'text' ? '' : null); };
  const fields = [];
  if (it.type === 'notices' || it.type === 'countdown') {
    fields.push(h('select', { onchange: set('category_id'), 'aria-label': t('item.category') },
      h('option', { value: '' }, t('item.category') + '：' + t('item.any')),
      ...cats.map(([id, name]) => h('option', { value: id, selected: it.category_id === id }, name))));
    fields.push(h('select', { onchange: (ev) => { it.notice_kind = ev.target.value; }, 'aria-label': t('item.kind') },
      h('option', { value: '' }, t('item.kind') + '：' + t('item.any')),
      ...KINDS.map((k) => h('option', { value: k, selected: it.notice_kind === k }, t('nkind.' + k)))));
  }
  if (it.type === 'notice' || it.type === 'countdown') {
    const known = published.some((n) => n.id === it.notice_id);
    fields.push(h('select', { onchange: (ev) => { it.notice_id = num(ev.target.value); }, 'aria-label': t('item.noticeId') },
      it.type === 'countdown' ? h('option', { value: '' }, t('item.allCountdowns')) : h('option', { value: '' }, '—'),
      it.notice_id && !known ? h('option', { value: it.notice_id, selected: true }, '#' + it.notice_id) : null,
      ...published.map((n) => h('option', { value: n.id, selected: it.notice_id === n.id }, `#${n.id} ${n.title}`))));
  }
  if (it.type === 'ticker') fields.push(h('input', { value: it.text || '', placeholder: t('item.text'), oninput: set('text') }));
  return h('tr', { dataset: { item: i } },
    h('td', {}, String(i + 1)),
    h('td', {}, t('item.' + it.type)),
    h('td', {}, h('div', { class: 'row' }, ...fields)),
    h('td', {}, h('input', { type: 'number', min: 1, max: 600, value: it.duration_s ?? '', placeholder: t('pl.auto'), 'aria-label': t('pl.duration'),
      oninput: set('duration_s'), style: 'width:90px' })),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', disabled: i === 0, onclick: () => move(i, -1) }, '↑'), ' ',
      h('button', { type: 'button', class: 'secondary', disabled: i === items.length - 1, onclick: () => move(i, 1) }, '↓'), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => { items.splice(i, 1); draw(); } }, t('pl.remove'))));
}

function move(i, d) {
  [items[i], items[i + d]] = [items[i + d], items[i]];
  draw();
}

function draw() { clear($('#items')).append(...items.map(itemRow)); }

function fill(p) {
  $('#id').value = p ? p.id : '';
  $('#name').value = p ? p.name : '';
  items = p ? p.items.map((x) => ({ ...x })) : [{ type: 'notices' }, { type: 'clock' }];
  $('#form-title').textContent = t(p ? 'pl.edit' : 'pl.add');
  $('#error').textContent = '';
  draw();
}

function summary(p) {
  return p.items.map((x) => t('item.' + x.type) + (x.type === 'ticker' ? '「' + x.text + '」' : '')).join(' → ');
}

async function load() {
  const { playlists } = await api('GET', '/api/admin/screens/playlists');
  clear($('#playlists')).append(...(playlists.length ? playlists.map((p) => h('tr', { dataset: { playlist: p.id } },
    h('td', {}, h('strong', {}, p.name), h('div', { class: 'muted' }, summary(p))),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => fill(p) }, t('screens.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('pl.confirm', { name: p.name }))) return;
        try {
          await api('DELETE', `/api/admin/screens/playlists/${p.id}`);
          load();
        } catch (e) {
          flash(errorText(e), 'bad');
        }
      } }, t('pl.delete'))))) : [h('tr', {}, h('td', { class: 'muted' }, t('pl.none')))]));
}

$('#add-item').addEventListener('click', () => { items.push({ type: $('#new-type').value }); draw(); });
$('#reset').addEventListener('click', () => fill(null));
$('#form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = $('#id').value;
  try {
    await api(id ? 'PUT' : 'POST', '/api/admin/screens/playlists' + (id ? '/' + id : ''), { name: $('#name').value, items });
    flash(t('common.saved'));
    fill(null);
    load();
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

function types() { clear($('#new-type')).append(...TYPES.map((k) => h('option', { value: k }, t('item.' + k)))); }

const { categories } = await api('GET', '/api/admin/categories');
cats = catOptions(categories, 0, []);
published = (await api('GET', '/api/admin/notices?status=published&limit=200')).notices || [];
document.addEventListener('langchange', () => { types(); draw(); load(); });
apply(document);
types();
fill(null);
load().then(ready);
