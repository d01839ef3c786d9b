// archive-usage: queries per day with the hit rate, kiosk locks and the
// query log (device, time, dataset, outcome; never the keys).
import { start, flash } from './app.js';
import { api } from './api.js';
import './archive-i18n.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

await start('archive');
const { datasets } = await api('GET', '/api/admin/archive/datasets');
const names = Object.fromEntries(datasets.map((d) => [d.id, d.name]));
$('#dataset').append(h('option', { value: '', 'data-i18n': 'ar.all' }), ...datasets.map((d) => h('option', { value: d.id }, d.name)));
// Kiosks are audited by device ID; show their names.
const { devices } = await api('GET', '/api/admin/devices?kind=kiosk&revoked=1');
const kioskNames = Object.fromEntries(devices.map((d) => [String(d.id), d.name]));
const kioskLabel = (id) => (kioskNames[id] ? `${kioskNames[id]} (#${id})` : '#' + id);
$('#kiosk').append(h('option', { value: '', 'data-i18n': 'ar.all' }), ...devices.map((d) => h('option', { value: d.id }, kioskLabel(String(d.id)))));
let lastID = 0;

async function days() {
  const q = new URLSearchParams({ days: 30 });
  if ($('#dataset').value) q.set('dataset_id', $('#dataset').value);
  const { days: list } = await api('GET', '/api/admin/archive/usage?' + q);
  const top = Math.max(1, ...list.map((d) => d.queries));
  clear($('#days')).append(...(list.length ? list.map((d) => h('tr', {},
    h('td', {}, d.day), h('td', {}, h('span', { class: 'bar', style: { width: Math.round((120 * d.queries) / top) + 'px' } }), ' ', String(d.queries)),
    h('td', {}, String(d.hits)), h('td', {}, String(d.misses)), h('td', {}, String(d.refused)),
    h('td', {}, d.hits + d.misses ? (100 * d.hit_rate).toFixed(1) + '%' : '—'))) : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('common.none')))]));
}

// Misses count in the last hour, hits between them change nothing; the
// addresses and persons' keys (a dataset and a hash) count too.
async function kiosks() {
  const { kiosks: list, addresses, keys } = await api('GET', '/api/admin/archive/kiosks');
  const row = (label, k, kind, name) => h('tr', {},
    h('td', {}, label), h('td', {}, String(k.misses)),
    h('td', {}, k.locked ? h('span', { class: 'badge bad' }, fmtTime(k.locked_until)) : ''), h('td', {}, String(k.locks)),
    h('td', {}, k.locked || k.misses ? h('button', { type: 'button', class: 'secondary', onclick: () => unlock(kind, name) }, t('ar.unlock')) : ''));
  const dsName = (name) => names[name.split(':')[0]] || '#' + name.split(':')[0];
  clear($('#kiosks')).append(
    ...list.map((k) => row(kioskLabel(k.kiosk), k, 'archive.kiosk', k.kiosk)),
    ...addresses.filter((a) => a.locked || a.misses).map((a) => row(t('ar.address') + ' ' + a.name, a, 'archive.address', a.name)),
    ...keys.filter((k) => k.locked).map((k) => row(t('ar.person') + '（' + dsName(k.name) + '）', k, 'archive.keys', k.name)));
}

async function unlock(kind, name) {
  try {
    if (kind === 'archive.kiosk') await api('POST', `/api/admin/archive/kiosks/${encodeURIComponent(name)}/unlock`);
    else await api('POST', '/api/admin/archive/locks/unlock', { kind, name });
    flash(t('common.saved'));
  } catch (e) {
    flash(errorText(e), 'bad');
  }
  kiosks();
}

async function queries(more) {
  const q = new URLSearchParams({ limit: 100 });
  for (const [k, el] of [['dataset_id', '#dataset'], ['kiosk', '#kiosk'], ['outcome', '#outcome']]) if ($(el).value) q.set(k, $(el).value);
  if (more && lastID) q.set('before_id', lastID);
  const { queries: list } = await api('GET', '/api/admin/archive/queries?' + q);
  if (!more) clear($('#queries'));
  $('#queries').append(...list.map((e) => h('tr', {},
    h('td', {}, fmtTime(e.at)), h('td', {}, e.kiosk ? kioskLabel(e.kiosk) : ''), h('td', {}, e.address), h('td', {}, names[e.dataset_id] || '#' + e.dataset_id),
    h('td', {}, h('span', { class: 'badge ' + ({ hit: 'ok', miss: '', locked: 'bad', slowed: 'warn' }[e.outcome] || '') }, t('ar.outcome_' + e.outcome))),
    h('td', {}, String(e.records)))));
  if (list.length) lastID = list[list.length - 1].id;
  $('#more').hidden = list.length < 100;
}

const load = () => Promise.all([days(), kiosks(), queries(false)]);
$('#filter').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
$('#more').addEventListener('click', () => queries(true));
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
