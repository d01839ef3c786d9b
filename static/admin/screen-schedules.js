import { start, flash } from './app.js';
import { api } from './api.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { tabs, groups as loadGroups, groupOptions, groupName, daysPicker, pickedDays, daysText } from './screens-common.js';

await start('screens');
tabs('schedules');

const WEEKDAYS = [1, 2, 3, 4, 5];
let groupList = [];
let playlists = [];

function groupValue(sel) { return sel.value === '' ? null : Number(sel.value); }

function fillSchedule(s) {
  $('#sch-id').value = s ? s.id : '';
  if (s) $('#sch-playlist').value = s.playlist_id;
  $('#sch-group').value = s && s.group_id ? s.group_id : '';
  $('#sch-start').value = s ? s.start : '08:00';
  $('#sch-end').value = s ? s.end : '18:00';
  $('#sch-priority').value = s ? s.priority : 0;
  $('#sch-from').value = s && s.start_date ? s.start_date : '';
  $('#sch-to').value = s && s.end_date ? s.end_date : '';
  daysPicker($('#sch-days'), s ? s.weekdays : WEEKDAYS);
  $('#sch-error').textContent = '';
}

function fillPower(p) {
  $('#pw-id').value = p ? p.id : '';
  $('#pw-group').value = p && p.group_id ? p.group_id : '';
  $('#pw-on').value = p ? p.on : '07:30';
  $('#pw-off').value = p ? p.off : '20:00';
  $('#pw-standby').value = p ? p.standby : 'dim_clock';
  daysPicker($('#pw-days'), p ? p.weekdays : WEEKDAYS);
  $('#pw-error').textContent = '';
}

function del(path) {
  return async () => {
    try {
      await api('DELETE', path);
      load();
    } catch (e) {
      flash(errorText(e), 'bad');
    }
  };
}

async function load() {
  groupList = await loadGroups();
  playlists = (await api('GET', '/api/admin/screens/playlists')).playlists;
  const out = await api('GET', '/api/admin/screens/schedules');
  const keep = [$('#sch-playlist').value, $('#sch-group').value, $('#pw-group').value];
  clear($('#sch-playlist')).append(...playlists.map((p) => h('option', { value: p.id }, p.name)));
  clear($('#sch-group')).append(...groupOptions(groupList, true));
  clear($('#pw-group')).append(...groupOptions(groupList, true));
  [$('#sch-playlist').value, $('#sch-group').value, $('#pw-group').value] = keep;
  if (!$('#sch-playlist').value && playlists.length) $('#sch-playlist').value = playlists[0].id;
  const plName = (id) => (playlists.find((p) => p.id === id) || { name: '#' + id }).name;
  clear($('#schedules')).append(...(out.schedules.length ? out.schedules.map((s) => h('tr', { dataset: { schedule: s.id } },
    h('td', {}, plName(s.playlist_id)), h('td', {}, groupName(groupList, s.group_id)), h('td', {}, daysText(s.weekdays)),
    h('td', {}, `${s.start}–${s.end}`), h('td', {}, s.start_date || s.end_date ? `${s.start_date || '…'} ~ ${s.end_date || '…'}` : '—'),
    h('td', {}, String(s.priority)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => fillSchedule(s) }, t('screens.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: del(`/api/admin/screens/schedules/${s.id}`) }, t('sch.delete')))))
    : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('sch.none')))]));
  clear($('#power')).append(...(out.power.length ? out.power.map((p) => h('tr', { dataset: { power: p.id } },
    h('td', {}, groupName(groupList, p.group_id)), h('td', {}, daysText(p.weekdays)), h('td', {}, p.on), h('td', {}, p.off),
    h('td', {}, t('pw.' + p.standby)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => fillPower(p) }, t('screens.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: del(`/api/admin/screens/power/${p.id}`) }, t('sch.delete')))))
    : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('pw.none')))]));
}

$('#sch-reset').addEventListener('click', () => fillSchedule(null));
$('#pw-reset').addEventListener('click', () => fillPower(null));
$('#sch-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = $('#sch-id').value;
  const body = {
    playlist_id: Number($('#sch-playlist').value) || 0, group_id: groupValue($('#sch-group')), weekdays: pickedDays($('#sch-days')),
    start: $('#sch-start').value, end: $('#sch-end').value, start_date: $('#sch-from').value || null, end_date: $('#sch-to').value || null,
    priority: Number($('#sch-priority').value) || 0,
  };
  try {
    await api(id ? 'PUT' : 'POST', '/api/admin/screens/schedules' + (id ? '/' + id : ''), body);
    flash(t('common.saved'));
    fillSchedule(null);
    load();
  } catch (e) {
    $('#sch-error').textContent = errorText(e);
  }
});
$('#pw-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = $('#pw-id').value;
  const body = { group_id: groupValue($('#pw-group')), weekdays: pickedDays($('#pw-days')), on: $('#pw-on').value, off: $('#pw-off').value,
    standby: $('#pw-standby').value };
  try {
    await api(id ? 'PUT' : 'POST', '/api/admin/screens/power' + (id ? '/' + id : ''), body);
    flash(t('common.saved'));
    fillPower(null);
    load();
  } catch (e) {
    $('#pw-error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', () => { load(); daysPicker($('#sch-days'), pickedDays($('#sch-days'))); daysPicker($('#pw-days'), pickedDays($('#pw-days'))); });
apply(document);
fillSchedule(null);
fillPower(null);
load().then(ready);
