import { start, flash } from './app.js';
import { api } from './api.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';
import { tabs, groups as loadGroups, groupOptions } from './screens-common.js';

await start('screens');
tabs('screens');

const KINDS = ['led_strip', 'led_wall', 'landscape', 'portrait'];
const COLORS = ['red', 'red_green', 'full'];
const FIELDS = ['width', 'height', 'lines', 'glyph_px', 'chars_per_second'];
let presets = {};
let groupList = [];

function fillSelects() {
  clear($('#preset')).append(...Object.keys(presets).map((k) => h('option', { value: k }, t('preset.' + k))),
    h('option', { value: '' }, t('screens.custom')));
  clear($('#kind')).append(...KINDS.map((k) => h('option', { value: k }, t('kind.' + k))));
  clear($('#colors')).append(...COLORS.map((k) => h('option', { value: k }, t('colors.' + k))));
}

function setProfile(p) {
  $('#kind').value = p.kind;
  $('#colors').value = p.colors;
  for (const f of FIELDS) $('#' + f).value = p[f];
  const match = Object.keys(presets).find((k) => JSON.stringify(presets[k]) === JSON.stringify(profile()));
  $('#preset').value = match || '';
}

function profile() {
  const p = { kind: $('#kind').value };
  for (const f of ['width', 'height', 'lines']) p[f] = Number($('#' + f).value);
  p.colors = $('#colors').value;
  for (const f of ['glyph_px', 'chars_per_second']) p[f] = Number($('#' + f).value);
  return p;
}

function fill(sc) {
  $('#id').value = sc ? sc.device_id : '';
  $('#code').value = '';
  $('#code-box').hidden = !!sc;
  $('#form-intro').hidden = !!sc;
  $('#name').value = sc ? sc.name : '';
  setProfile(sc ? sc.profile : presets.strip_256x32);
  const chosen = sc ? sc.groups.map((g) => String(g.id)) : [];
  for (const o of $('#groups').options) o.selected = chosen.includes(o.value);
  $('#form-title').textContent = t(sc ? 'screens.edit' : 'screens.pair');
  $('#submit').textContent = t(sc ? 'screens.save' : 'screens.pair');
  $('#error').textContent = '';
}

function profileText(p) {
  return `${t('kind.' + p.kind)} ${p.width}×${p.height}` + (p.kind === 'led_strip' ? ` · ${p.lines} · ${t('colors.' + p.colors)}` : '');
}

function row(sc) {
  let state = sc.last_seen_at ? fmtTime(sc.last_seen_at) : h('span', { class: 'badge' }, t('screens.waiting'));
  if (sc.revoked_at) state = h('span', { class: 'badge bad' }, t('screens.revoked'));
  return h('tr', { dataset: { screen: sc.device_id } },
    h('td', {}, sc.name, h('div', { class: 'muted' }, '#' + sc.device_id)),
    h('td', {}, profileText(sc.profile)),
    h('td', {}, sc.groups.map((g) => g.name).join('、') || '—'),
    h('td', {}, state),
    h('td', {}, sc.revoked_at ? null : [
      h('button', { type: 'button', class: 'secondary', onclick: () => { fill(sc); $('#pair').scrollIntoView(); } }, t('screens.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => nowPlaying(sc) }, t('screens.now')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('screens.revoke.confirm', { name: sc.name }))) return;
        await api('POST', `/api/admin/devices/${sc.device_id}/revoke`, { reason: t('screens.revoke') });
        load();
      } }, t('screens.revoke'))]));
}

// nowPlaying shows what the screen is given now.
async function nowPlaying(sc) {
  const f = await api('GET', `/api/admin/screens/${sc.device_id}/playlist`);
  const title = (it) => (it.notice ? '「' + it.notice.title + '」' : it.text ? '「' + it.text + '」' : '');
  clear($('#now')).append(h('div', { class: 'card', id: 'now-result' },
    h('h2', {}, `${sc.name} · ${t('screens.now')}`),
    h('p', {}, h('strong', {}, f.playlist.id === 0 ? t('tl.default') : f.playlist.name), ' · ',
      f.power.state === 'standby' ? t('tl.standby') : '✓', ' · ', t('tl.validUntil', { t: fmtTime(f.valid_until) }),
      sc.groups.length ? [' · ', h('a', { href: `/admin/screen-timeline?group=${sc.groups[0].id}` }, t('screens.tab.timeline'))] : null),
    h('ol', {}, ...f.items.map((it) => h('li', {}, t(it.type === 'notice' ? 'frame.notice' : 'item.' + it.type), ' ', title(it), h('span', { class: 'muted' }, ` ${it.duration_s}s`))))));
  $('#now').scrollIntoView();
}

function groupRow(g) {
  return h('tr', { dataset: { group: g.id } },
    h('td', {}, g.name), h('td', {}, t('groups.kind.' + g.kind)), h('td', {}, t('groups.count', { n: g.screens })),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        $('#group-id').value = g.id; $('#group-name').value = g.name; $('#group-kind').value = g.kind;
      } }, t('screens.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('groups.confirm', { name: g.name }))) return;
        try {
          await api('DELETE', `/api/admin/screen-groups/${g.id}`);
          load();
        } catch (e) {
          flash(errorText(e), 'bad');
        }
      } }, t('groups.delete'))));
}

async function load() {
  const out = await api('GET', '/api/admin/screens');
  presets = out.presets;
  groupList = await loadGroups();
  const chosen = [...$('#groups').selectedOptions].map((o) => o.value);
  clear($('#groups')).append(...groupOptions(groupList, false));
  for (const o of $('#groups').options) o.selected = chosen.includes(o.value);
  clear($('#screens')).append(...(out.screens.length ? out.screens.map(row) : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('screens.none')))]));
  clear($('#group-list')).append(...groupList.map(groupRow));
}

$('#preset').addEventListener('change', () => { if (presets[$('#preset').value]) setProfile(presets[$('#preset').value]); });
$('#reset').addEventListener('click', () => fill(null));
$('#pair').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const body = { name: $('#name').value, profile: profile(), groups: [...$('#groups').selectedOptions].map((o) => Number(o.value)) };
  try {
    const id = $('#id').value;
    const sc = id ? await api('PUT', `/api/admin/screens/${id}`, body) : await api('POST', '/api/admin/screens/pair', { code: $('#code').value, ...body });
    flash(id ? t('common.saved') : t('screens.paired', { name: sc.name }));
    fill(null);
    load();
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});
$('#group-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = $('#group-id').value;
  try {
    await api(id ? 'PUT' : 'POST', '/api/admin/screen-groups' + (id ? '/' + id : ''), { name: $('#group-name').value, kind: $('#group-kind').value });
    $('#group-id').value = ''; $('#group-name').value = ''; $('#group-error').textContent = '';
    flash(t('common.saved'));
    load();
  } catch (e) {
    $('#group-error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', () => { fillSelects(); load(); });
apply(document);
await load();
fillSelects();
fill(null);
ready();
