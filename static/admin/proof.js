// proof: proof of play per notice and day over a date range, with the
// workbook download.
import { start } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { today, addDays } from '/assets/shared/clock.js';

add({
  zh: {
    'field.from': '开始日期', 'field.to': '结束日期', 'field.notice': '信息编号（可选）',
    'proof.query': '查询', 'proof.xlsx': '导出 Excel', 'proof.day': '日期', 'proof.notice': '信息', 'proof.plays': '播放次数',
    'proof.time': '播放时长', 'proof.screens': '屏幕数', 'proof.live': '实时', 'proof.total_plays': '播放次数合计',
    'proof.total_time': '播放时长合计', 'proof.notices': '信息条数', 'proof.untitled': '（信息已删除）',
    'proof.note': '屏幕上报每条信息的播放记录；每天凌晨汇总前一天，今天（及尚未汇总的日期）为实时统计。只统计信息类节目，不含时钟等组件。',
    'dur.h': '{n}小时', 'dur.m': '{n}分', 'dur.s': '{n}秒',
  },
  en: {
    'field.from': 'From', 'field.to': 'To', 'field.notice': 'Notice ID (optional)',
    'proof.query': 'Show', 'proof.xlsx': 'Export to Excel', 'proof.day': 'Day', 'proof.notice': 'Notice', 'proof.plays': 'Plays',
    'proof.time': 'Time on screen', 'proof.screens': 'Screens', 'proof.live': 'live', 'proof.total_plays': 'Plays in all',
    'proof.total_time': 'Time on screen in all', 'proof.notices': 'Notices', 'proof.untitled': '(notice deleted)',
    'proof.note': 'Screens report every notice they play; each night the previous day is rolled up, today (and days not rolled up yet) are counted live. Notices only, not widgets such as the clock.',
    'dur.h': '{n}h ', 'dur.m': '{n}min ', 'dur.s': '{n}s',
  },
});

await start('proof');

// The last seven days up to the server's today.
$('#to').value = today();
$('#from').value = addDays(today(), -6);
const params = new URLSearchParams(location.search);
for (const k of ['from', 'to', 'notice']) if (params.get(k)) $('#' + k).value = params.get(k);

// duration renders seconds as hours, minutes and seconds.
function duration(total) {
  let s = Math.round(total);
  const hh = Math.floor(s / 3600); s -= hh * 3600;
  const mm = Math.floor(s / 60); s -= mm * 60;
  const parts = [];
  if (hh) parts.push(t('dur.h', { n: hh }));
  if (hh || mm) parts.push(t('dur.m', { n: mm }));
  parts.push(t('dur.s', { n: s }));
  return parts.join('').trim();
}

const num = (v) => h('td', { class: 'num' }, v);
const count = (key, v) => h('div', { class: 'count', dataset: { count: key } }, h('strong', {}, v), h('span', {}, t(key)));

async function load() {
  $('#error').textContent = '';
  const q = new URLSearchParams({ from: $('#from').value, to: $('#to').value });
  if ($('#notice').value.trim()) q.set('notice', $('#notice').value.trim());
  $('#xlsx').href = '/api/admin/proof.xlsx?' + q;
  try {
    const rep = await api('GET', '/api/admin/proof?' + q);
    const notices = new Set(rep.rows.map((r) => r.notice_id)).size;
    clear($('#counts')).append(count('proof.total_plays', rep.plays.toLocaleString(lang() === 'en' ? 'en' : 'zh-CN')),
      count('proof.total_time', duration(rep.total_s)), count('proof.notices', String(notices)));
    clear($('#rows')).append(...(rep.rows.length ? rep.rows.map((r) => h('tr', { dataset: { day: r.day, notice: r.notice_id } },
      h('td', {}, r.day, r.live ? [' ', h('span', { class: 'badge warn' }, t('proof.live'))] : null),
      h('td', {}, h('a', { href: '/admin/notice?id=' + r.notice_id }, r.title || t('proof.untitled')), h('span', { class: 'muted' }, ' #' + r.notice_id)),
      num(String(r.plays)), num(duration(r.total_s)), num(String(r.screens))))
      : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('common.none')))]));
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
}

$('#range').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
