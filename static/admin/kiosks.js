// kiosks: pair touch kiosks by the code they show, list and revoke them.
import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'kiosks.pair': '配对新终端', 'kiosks.help': '在终端上打开 /kiosk，它会显示 6 位配对码；输入配对码并给终端起个名字。',
    'kiosks.do_pair': '配对', 'kiosks.paired': '配对时间', 'kiosks.seen': '最近在线', 'kiosks.online': '状态',
    'kiosks.revoke': '吊销', 'kiosks.reason': '吊销原因（例如：设备更换）', 'kiosks.waiting': '等待终端领取', 'kiosks.active': '已启用',
    'kiosks.done': '已配对，终端将在几秒内进入首页。', 'field.code': '配对码', 'field.name': '名称', 'field.reason': '原因',
  },
  en: {
    'kiosks.pair': 'Pair a kiosk', 'kiosks.help': 'Open /kiosk on the kiosk: it shows a 6-digit code. Enter the code and a name.',
    'kiosks.do_pair': 'Pair', 'kiosks.paired': 'Paired', 'kiosks.seen': 'Last seen', 'kiosks.online': 'State',
    'kiosks.revoke': 'Revoke', 'kiosks.reason': 'Reason (e.g. replaced)', 'kiosks.waiting': 'Waiting for the kiosk', 'kiosks.active': 'Active',
    'kiosks.done': 'Paired; the kiosk opens its home screen in a few seconds.', 'field.code': 'Code', 'field.name': 'Name', 'field.reason': 'Reason',
  },
});

await start('kiosks');

async function revoke(d) {
  const reason = prompt(t('kiosks.reason'));
  if (!reason) return;
  try {
    await api('POST', `/api/admin/devices/${d.id}/revoke`, { reason });
    flash(t('common.saved'));
  } catch (e) {
    flash(errorText(e), 'bad');
  }
  load();
}

function row(d) {
  return h('tr', { dataset: { kiosk: d.name } },
    h('td', {}, d.name), h('td', {}, fmtTime(d.created_at)), h('td', {}, fmtTime(d.last_seen_at)),
    h('td', {}, h('span', { class: 'badge ' + (d.claimed_at ? 'ok' : 'warn') }, t(d.claimed_at ? 'kiosks.active' : 'kiosks.waiting'))),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => revoke(d) }, t('kiosks.revoke'))));
}

async function load() {
  const { devices } = await api('GET', '/api/admin/devices?kind=kiosk');
  clear($('#kiosks')).append(...(devices.length ? devices.map(row) : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('common.none')))]));
}

$('#pair').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#error').textContent = '';
  try {
    await api('POST', '/api/admin/devices/pair', { code: $('#code').value.trim(), name: $('#name').value, kind: 'kiosk' });
    ev.target.reset();
    flash(t('kiosks.done'));
    load();
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', load);
apply(document);
load().then(ready);
