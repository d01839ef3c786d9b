import { start, flash } from './app.js';
import { api } from './api.js';
import { fieldLabel } from './content.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime, today } from '/assets/shared/clock.js';

add({
  zh: {
    'cal.intro': '按国务院办公厅每年发布的节假日安排（含调休上班日）计算工作日。所有期限和公示期都按此日历计算；未导入安排的年份无法计算。',
    'cal.name': '点击日期时使用的名称', 'cal.import': '导入 holiday-cn JSON', 'cal.delete_year': '删除本年安排', 'cal.off': '休息（节假日）',
    'cal.work': '调休上班', 'cal.weekend': '周末', 'cal.click': '点击日期切换：普通 → 休息 → 上班 → 普通', 'cal.none': '尚无任何年份的安排，请导入',
    'cal.source': '来源：{source}，{n} 条，更新于 {at}', 'src.builtin': '内置', 'src.import': '导入', 'src.edit': '手工修改',
    'cal.imported': '已导入 {year} 年安排', 'cal.confirm_delete': '确定删除 {year} 年的节假日安排吗？删除后该年的期限无法计算。',
    'cal.default_off': '休息', 'cal.default_work': '调休上班',
  },
  en: {
    'cal.intro': 'Working days follow the State Council\'s yearly holiday list, make-up working days included. Every deadline and notice period uses it; years without a list cannot be computed.',
    'cal.name': 'Name used when clicking a day', 'cal.import': 'Import a holiday-cn JSON file', 'cal.delete_year': 'Delete this year', 'cal.off': 'Day off (holiday)',
    'cal.work': 'Make-up working day', 'cal.weekend': 'Weekend', 'cal.click': 'Click a day: normal → off → working → normal', 'cal.none': 'No year is loaded yet: import one',
    'cal.source': 'Source: {source}, {n} entries, updated {at}', 'src.builtin': 'built in', 'src.import': 'imported', 'src.edit': 'edited',
    'cal.imported': 'Imported {year}', 'cal.confirm_delete': 'Delete the holiday list of {year}? Deadlines in that year can then not be computed.',
    'cal.default_off': 'Day off', 'cal.default_work': 'Make-up working day',
  },
});

const user = await start('calendar');
const isAdmin = user.role === 'admin';
let infos = [];
let year = null;
let days = new Map();

const pad = (n) => String(n).padStart(2, '0');
const WEEK = () => (lang() === 'zh' ? ['一', '二', '三', '四', '五', '六', '日'] : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);

function month(m) {
  const first = new Date(Date.UTC(year, m, 1));
  const count = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells = [...Array(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  const title = lang() === 'zh' ? `${m + 1}月` : new Date(Date.UTC(year, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return h('div', { class: 'card month' }, h('h3', {}, title),
    h('table', {}, h('thead', {}, h('tr', {}, WEEK().map((d) => h('th', {}, d)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((d, i) => h('td', {}, d ? day(m, d, i >= 5) : '')))))));
}

function day(m, d, weekend) {
  const date = `${year}-${pad(m + 1)}-${pad(d)}`;
  const e = days.get(date);
  const cls = e ? (e.isOffDay ? 'off' : 'work') : weekend ? 'weekend' : '';
  return h('button', { type: 'button', class: 'day ' + cls, dataset: { date }, title: e ? e.name : '', disabled: !isAdmin,
    'aria-label': date + (e ? ' ' + e.name : ''), onclick: () => toggle(date, e) }, String(d));
}

async function toggle(date, e) {
  $('#error').textContent = '';
  const name = (off) => $('#day-name').value.trim() || t(off ? 'cal.default_off' : 'cal.default_work');
  try {
    if (!e) await api('PUT', '/api/admin/calendar/days/' + date, { name: name(true), isOffDay: true });
    else if (e.isOffDay) await api('PUT', '/api/admin/calendar/days/' + date, { name: e.name, isOffDay: false });
    else await api('DELETE', '/api/admin/calendar/days/' + date);
    await load();
  } catch (err) { showError(err); }
}

function showError(e) {
  $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
}

async function load() {
  ({ years: infos } = await api('GET', '/api/admin/calendar'));
  if (!infos.some((i) => i.year === year)) year = (infos.find((i) => i.year === Number(today().slice(0, 4))) || infos[infos.length - 1] || {}).year ?? null;
  clear($('#year')).append(...infos.map((i) => h('option', { value: i.year, selected: i.year === year }, String(i.year))));
  $('#delete-year').hidden = !isAdmin || year === null;
  if (year === null) {
    clear($('#months')).append(h('p', { class: 'muted' }, t('cal.none')));
    $('#source').textContent = '';
    return;
  }
  const y = await api('GET', '/api/admin/calendar/' + year);
  days = new Map(y.days.map((d) => [d.date, d]));
  const info = infos.find((i) => i.year === year);
  $('#source').textContent = t('cal.source', { source: t('src.' + info.source), n: info.entries, at: fmtTime(info.updated_at) });
  clear($('#months')).append(...Array.from({ length: 12 }, (_, m) => month(m)));
}

$('#year').addEventListener('change', () => { year = Number($('#year').value); load(); });
$('#import-file').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  $('#error').textContent = '';
  try {
    const y = await fetchImport(await file.text());
    year = y.year;
    flash(t('cal.imported', { year: y.year }));
    await load();
  } catch (e) { showError(e); }
  ev.target.value = '';
});
$('#delete-year').addEventListener('click', async () => {
  if (!confirm(t('cal.confirm_delete', { year }))) return;
  try { await api('DELETE', '/api/admin/calendar/' + year); year = null; await load(); } catch (e) { showError(e); }
});

// fetchImport posts the file as it is: the server reads the holiday-cn shape.
async function fetchImport(text) {
  let body;
  try { body = JSON.parse(text); } catch (e) { throw Object.assign(new Error('bad JSON'), { code: 'invalid_json' }); }
  return api('POST', '/api/admin/calendar/import', body);
}

if (!isAdmin) { $('#import-file').disabled = true; $('#day-name').disabled = true; }
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
