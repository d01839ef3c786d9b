import { start } from './app.js';
import { api } from './api.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';
import { tabs, groups as loadGroups } from './screens-common.js';

await start('screens');
tabs('timeline');

const PALETTE = ['#0969da', '#1a7f37', '#8250df', '#bf3989', '#9a6700', '#0550ae', '#116329', '#b35900'];
const DAY = 24 * 60;

function minutes(hhmm) {
  const [a, b] = hhmm.split(':').map(Number);
  return a * 60 + b;
}

function colour(seg) {
  if (seg.power === 'standby') return null;
  return seg.playlist.id === 0 ? '#6e7781' : PALETTE[seg.playlist.id % PALETTE.length];
}

function query() {
  const g = $('#tl-group').value;
  const q = new URLSearchParams();
  if (g !== '0') q.set('group', g);
  if ($('#tl-date').value) q.set('date', $('#tl-date').value);
  return q;
}

function segName(s) {
  return s.playlist.id === 0 ? t('tl.default') : s.playlist.name;
}

async function draw() {
  const tl = await api('GET', '/api/admin/screens/timeline?' + query());
  $('#tl-date').value = tl.date;
  clear($('#timeline')).append(...tl.segments.map((s) => {
    const a = minutes(s.start), b = minutes(s.end);
    const c = colour(s);
    return h('div', {
      class: 'seg' + (c ? '' : ' standby'), title: `${s.start}–${s.end} ${segName(s)}`,
      style: `left:${(a / DAY) * 100}%;width:${((b - a) / DAY) * 100}%;` + (c ? `background:${c}` : ''),
      dataset: { start: s.start, end: s.end, playlist: s.playlist.id, power: s.power },
    }, h('div', {}, segName(s)), h('div', {}, s.power === 'standby' ? t('tl.standby') : `${s.start}–${s.end}`));
  }));
  $('#timeline').setAttribute('aria-label', tl.segments.map((s) => `${s.start}–${s.end} ${segName(s)}`).join('; '));
  clear($('#scale')).append(...[0, 3, 6, 9, 12, 15, 18, 21, 24].map((x) => h('span', { style: `left:${(x / 24) * 100}%` }, `${x}:00`)));
  clear($('#segments')).append(...tl.segments.map((s) => h('tr', {},
    h('td', {}, `${s.start}–${s.end}`), h('td', {}, segName(s)), h('td', {}, s.playlist.id ? String(s.priority) : '—'),
    h('td', {}, s.power === 'standby' ? `${t('tl.standby')}（${t('pw.' + s.standby)}）` : '✓'),
    h('td', {}, t('tl.items', { n: s.items })))));
}

async function plays() {
  $('#error').textContent = '';
  const q = query();
  q.delete('date');
  q.set('at', `${$('#tl-date').value}T${$('#plays-at').value}`);
  try {
    const out = await api('GET', '/api/admin/screens/plays?' + q);
    const f = out.frame;
    clear($('#plays')).append(h('div', { class: 'card', id: 'plays-result' },
      h('p', {}, h('strong', {}, f.playlist.id === 0 ? t('tl.default') : f.playlist.name), ' · ',
        f.power.state === 'standby' ? t('tl.standby') : '✓', ' · ', t('tl.validUntil', { t: fmtTime(f.valid_until) })),
      h('ol', {}, ...f.items.map((it) => h('li', {}, t(it.type === 'notice' ? 'frame.notice' : 'item.' + it.type), ' ',
        it.notice ? '「' + it.notice.title + '」' : it.text ? '「' + it.text + '」' : '', h('span', { class: 'muted' }, ` ${it.duration_s}s`))))));
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
}

$('#tl-form').addEventListener('submit', (ev) => { ev.preventDefault(); draw(); });
$('#plays-form').addEventListener('submit', (ev) => { ev.preventDefault(); plays(); });

const groupList = await loadGroups();
clear($('#tl-group')).append(h('option', { value: '0' }, t('groups.none')), ...groupList.map((g) => h('option', { value: g.id }, g.name)));
const want = new URLSearchParams(location.search).get('group');
$('#tl-group').value = want || (groupList.length ? String(groupList[0].id) : '0');
document.addEventListener('langchange', draw);
apply(document);
draw().then(ready);
