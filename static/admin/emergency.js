import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'em.intro': '紧急信息立即覆盖所选屏幕的轮播内容，每块屏幕收到后回执确认；到期或手动结束后自动撤下。',
    'em.new': '发送紧急插播', 'em.all': '全部屏幕', 'em.kiosks': '同时发送到自助终端', 'em.send': '立即插播', 'em.clear': '结束插播',
    'em.confirmed': '已确认', 'em.unconfirmed': '在线未确认', 'em.offline': '离线', 'em.recent': '最近的插播', 'em.sent': '发送时间',
    'em.until': '结束时间', 'em.receipts': '回执', 'em.view': '查看回执', 'em.active': '播出中', 'em.ended': '已结束',
    'em.level.critical': '紧急', 'em.level.warning': '警告', 'em.level.info': '提示', 'em.sentOk': '已插播到 {n} 台设备',
    'em.clearConfirm': '结束这条紧急插播？所有屏幕将立即撤下。', 'em.meta': '发送于 {at}，{until}结束',
    'em.none': '无', 'em.title': '插播 #{id}',
    'field.text': '内容', 'field.level': '级别', 'field.duration_minutes': '持续时间', 'field.groups': '发送范围', 'field.expires_at': '结束时间',
  },
  en: {
    'em.intro': 'An emergency message covers the rotation on the chosen screens at once; each screen confirms receipt. It goes away at expiry or when ended by hand.',
    'em.new': 'Send an emergency message', 'em.all': 'All screens', 'em.kiosks': 'Also to kiosks', 'em.send': 'Broadcast now', 'em.clear': 'End broadcast',
    'em.confirmed': 'confirmed', 'em.unconfirmed': 'Online, not confirmed', 'em.offline': 'Offline', 'em.recent': 'Recent broadcasts', 'em.sent': 'Sent',
    'em.until': 'Ends', 'em.receipts': 'Receipts', 'em.view': 'Receipts', 'em.active': 'On air', 'em.ended': 'Ended',
    'em.level.critical': 'Critical', 'em.level.warning': 'Warning', 'em.level.info': 'Info', 'em.sentOk': 'Sent to {n} devices',
    'em.clearConfirm': 'End this emergency broadcast? Every screen drops it at once.', 'em.meta': 'Sent {at}, ends {until}',
    'em.none': 'None', 'em.title': 'Broadcast #{id}',
    'field.text': 'Text', 'field.level': 'Level', 'field.duration_minutes': 'Duration', 'field.groups': 'Targets', 'field.expires_at': 'Ends',
  },
});

await start('emergency');

const num = (n) => n.toLocaleString('en-US');
let current = null; // the emergency whose receipts are shown
let timer = null;

const { groups } = await api('GET', '/api/admin/screen-groups');
$('#groups').append(...(groups || []).map((g) =>
  h('label', {}, h('input', { type: 'checkbox', name: 'group', value: g.id }), ' ', g.name)));
$('#text').addEventListener('input', () => { $('#count').textContent = $('#text').value.length; });

function levelBadge(level) {
  return h('span', { class: 'badge level-' + level }, t('em.level.' + level));
}

function row(e) {
  return h('tr', { dataset: { emergency: e.id } },
    h('td', {}, e.text),
    h('td', {}, levelBadge(e.level)),
    h('td', {}, fmtTime(e.created_at, true)),
    h('td', {}, fmtTime(e.cleared_at || e.expires_at, true)),
    h('td', {}, `${num(e.confirmed)} / ${num(e.targets)}`, ' ', h('span', { class: 'badge ' + (e.active ? 'warn' : '') }, t(e.active ? 'em.active' : 'em.ended'))),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => show(e.id) }, t('em.view'))));
}

async function loadList() {
  const { emergencies } = await api('GET', '/api/admin/emergencies');
  clear($('#list')).append(...emergencies.map(row));
  return emergencies;
}

function items(list) {
  if (!list.length) return [h('li', { class: 'muted' }, t('em.none'))];
  return list.map((r) => h('li', { dataset: { device: r.device_id } }, r.name, r.kind === 'kiosk' ? ' (kiosk)' : ''));
}

async function refresh() {
  if (!current) return;
  const r = await api('GET', `/api/admin/emergencies/${current}`);
  const e = r.emergency;
  $('#receipts').hidden = false;
  $('#r-title').textContent = t('em.title', { id: e.id });
  $('#r-state').textContent = t(r.active ? 'em.active' : 'em.ended');
  $('#r-state').className = 'badge ' + (r.active ? 'warn' : '');
  $('#r-text').textContent = e.text;
  $('#r-count').textContent = `${num(r.confirmed)} / ${num(r.targets)}`;
  $('#r-bar').style.width = (r.targets ? (100 * r.confirmed) / r.targets : 0) + '%';
  $('#r-meta').textContent = t('em.meta', { at: fmtTime(e.created_at, true), until: fmtTime(e.cleared_at || e.expires_at, true) });
  $('#r-nu').textContent = num(r.unconfirmed.length);
  $('#r-no').textContent = num(r.offline.length);
  clear($('#r-unconfirmed')).append(...items(r.unconfirmed));
  clear($('#r-offline')).append(...items(r.offline));
  $('#clear').hidden = !r.active;
  document.body.dataset.receipts = `${r.confirmed}/${r.targets}`;
}

// show displays the receipts of one emergency, refreshed every second.
function show(id) {
  current = id;
  clearInterval(timer);
  refresh().catch((e) => flash(errorText(e), 'bad'));
  timer = setInterval(() => { refresh().then(loadList).catch(() => {}); }, 1000);
}

$('#clear').addEventListener('click', async () => {
  if (!current || !confirm(t('em.clearConfirm'))) return;
  try {
    await api('POST', `/api/admin/emergencies/${current}/clear`);
    await refresh();
    loadList();
  } catch (e) {
    flash(errorText(e), 'bad');
  }
});

$('#form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const body = {
    text: $('#text').value, level: $('#level').value, duration_minutes: Number($('#duration').value),
    all: $('#all').checked, kiosks: $('#kiosks').checked,
    groups: [...document.querySelectorAll('input[name=group]:checked')].map((x) => Number(x.value)),
  };
  $('#error').textContent = '';
  try {
    const e = await api('POST', '/api/admin/emergencies', body);
    $('#text').value = '';
    $('#count').textContent = '0';
    await loadList();
    show(e.id);
    flash(t('em.sentOk', { n: num((await api('GET', `/api/admin/emergencies/${e.id}`)).targets) }));
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', () => { loadList(); refresh(); });
apply(document);
loadList().then((list) => {
  const active = list.find((e) => e.active);
  if (active) show(active.id);
  ready();
});
