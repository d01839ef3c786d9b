import { start } from './app.js';
import { api } from './api.js';
import { add, apply } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: { 'audit.actor': '操作人', 'audit.action': '操作', 'audit.object': '对象', 'audit.search': '查询', 'audit.at': '时间', 'audit.change': '变更', 'audit.more': '更早的记录' },
  en: { 'audit.actor': 'Actor', 'audit.action': 'Action', 'audit.object': 'Object', 'audit.search': 'Search', 'audit.at': 'Time', 'audit.change': 'Change', 'audit.more': 'Older entries' },
});

await start('audit');
apply(document);
let lastID = 0;

function change(e) {
  const parts = [];
  if (e.before) parts.push(h('details', {}, h('summary', {}, 'before'), h('pre', {}, JSON.stringify(e.before, null, 1))));
  if (e.after) parts.push(h('details', {}, h('summary', {}, 'after'), h('pre', {}, JSON.stringify(e.after, null, 1))));
  return parts;
}

async function load(more) {
  const q = new URLSearchParams();
  for (const k of ['actor', 'action', 'object_type']) if ($('#' + k).value) q.set(k, $('#' + k).value);
  if (more && lastID) q.set('before_id', lastID);
  q.set('limit', 100);
  const { entries } = await api('GET', '/api/admin/audit?' + q);
  if (!more) clear($('#entries'));
  $('#entries').append(...entries.map((e) => h('tr', {},
    h('td', {}, fmtTime(e.at)), h('td', {}, e.actor_name), h('td', {}, e.ip), h('td', {}, e.action),
    h('td', {}, e.object_type, e.object_id ? ' #' + e.object_id : ''), h('td', {}, change(e)))));
  if (entries.length) lastID = entries[entries.length - 1].id;
  $('#more').hidden = entries.length < 100;
}

$('#filter').addEventListener('submit', (ev) => { ev.preventDefault(); load(false); });
$('#more').addEventListener('click', () => load(true));
load(false).then(ready);
