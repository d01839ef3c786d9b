// screen-status: every paired screen with its live state, refreshed every
// few seconds; screens offline longer than display.offline_after are
// highlighted (red row, a warning sign and the word, never colour alone).
import { start } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'status.name': '屏幕', 'status.state': '状态', 'status.seen': '连接 / 最后在线', 'status.item': '正在播放', 'status.version': '节目单版本',
    'status.resolution': '分辨率', 'status.client': '客户端', 'status.uptime': '运行时长', 'status.power': '电源',
    'status.total': '屏幕总数', 'status.online': '在线', 'status.offline': '离线', 'status.flagged': '离线告警', 'status.never': '从未连接',
    'status.since': '{t} 起在线', 'status.last': '最后在线 {t}', 'status.for': '已离线 {d}', 'status.never_for': '配对{d}后仍未连接', 'status.elsewhere': '（其他服务器）',
    'status.note': '离线（或从未连接）超过 {m} 分钟的屏幕标红告警，可在系统设置中修改；本页每 5 秒自动刷新，更新于 {t}。',
    'status.power.on': '开启', 'status.power.standby': '待机', 'status.none': '尚未配对任何屏幕。',
    'dur.d': '{n}天', 'dur.h': '{n}小时', 'dur.m': '{n}分钟', 'dur.s': '{n}秒',
  },
  en: {
    'status.name': 'Screen', 'status.state': 'State', 'status.seen': 'Connected / last seen', 'status.item': 'Playing', 'status.version': 'Playlist version',
    'status.resolution': 'Resolution', 'status.client': 'Client', 'status.uptime': 'Uptime', 'status.power': 'Power',
    'status.total': 'Screens', 'status.online': 'Online', 'status.offline': 'Offline', 'status.flagged': 'Offline alert', 'status.never': 'Never connected',
    'status.since': 'online since {t}', 'status.last': 'last seen {t}', 'status.for': 'offline for {d}', 'status.never_for': 'paired {d} ago, not connected since', 'status.elsewhere': ' (another server)',
    'status.note': 'Screens offline (or never connected) for more than {m} minutes are flagged in red; change it in Settings. This page refreshes every 5 seconds; updated {t}.',
    'status.power.on': 'on', 'status.power.standby': 'standby', 'status.none': 'No screen is paired yet.',
    'dur.d': '{n}d', 'dur.h': '{n}h', 'dur.m': '{n}min', 'dur.s': '{n}s',
  },
});

await start('screenstatus');

// duration renders seconds as the two largest units ("2天3小时").
function duration(s) {
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    const n = Math.floor(s / size);
    if (n > 0 || (unit === 's' && parts.length === 0)) parts.push(t('dur.' + unit, { n }));
    s -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(lang() === 'en' ? ' ' : '');
}

function state(s) {
  if (s.online) return h('span', { class: 'badge ok' }, '● ' + t('status.online'));
  if (s.flagged) return h('span', { class: 'badge bad' }, '⚠ ' + t(s.never_connected ? 'status.never' : 'status.flagged'));
  return h('span', { class: 'badge' }, '○ ' + t(s.never_connected ? 'status.never' : 'status.offline'));
}

function seen(s) {
  if (s.online) return [t('status.since', { t: fmtTime(s.connected_since) }), s.here ? '' : t('status.elsewhere')];
  const out = [h('div', {}, t(s.never_connected ? 'status.never_for' : 'status.for', { d: duration(s.offline_s) }))];
  if (s.last_seen) out.push(h('div', { class: 'muted' }, t('status.last', { t: fmtTime(s.last_seen) })));
  return out;
}

function row(s) {
  const cls = s.online ? '' : s.flagged ? 'flagged' : 'offline';
  return h('tr', { class: cls, dataset: { screen: s.id, state: s.online ? 'online' : s.flagged ? 'flagged' : 'offline' } },
    h('td', {}, s.name),
    h('td', {}, state(s)),
    h('td', {}, seen(s)),
    h('td', {}, s.item_title ? [s.item_title, h('div', { class: 'muted' }, s.item)] : s.item || '—'),
    h('td', {}, s.version ? h('code', { class: 'version', title: s.version }, s.version.slice(0, 8)) : '—'),
    h('td', {}, s.resolution || '—'),
    h('td', {}, s.client || '—'),
    h('td', { class: 'num' }, s.online && s.uptime_s ? duration(s.uptime_s) : '—'),
    h('td', {}, s.power ? t('status.power.' + s.power) : '—'));
}

function count(key, n, cls) {
  return h('div', { class: 'count ' + cls, dataset: { count: key } }, h('strong', {}, String(n)), h('span', {}, t('status.' + key)));
}

async function load() {
  try {
    const rep = await api('GET', '/api/admin/screens/status');
    $('#error').textContent = '';
    clear($('#counts')).append(count('total', rep.total, ''), count('online', rep.online, 'ok'),
      count('offline', rep.offline, ''), count('flagged', rep.flagged, rep.flagged ? 'bad' : ''));
    $('#note').textContent = t('status.note', { m: Math.round(rep.offline_after_s / 60), t: fmtTime(rep.at, true) });
    clear($('#screens')).append(...(rep.screens.length ? rep.screens.map(row)
      : [h('tr', {}, h('td', { colspan: 9, class: 'muted' }, t('status.none')))]));
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
}

document.addEventListener('langchange', load);
apply(document);
await load();
setInterval(load, 5000);
ready();
