import { start, flash } from './app.js';
import { api } from './api.js';
import { fieldLabel } from './content.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime, today } from '/assets/shared/clock.js';

add({
  zh: {
    'cal.intro': '按国务院办公厅每年发布的节假日安排（含调休上班日）计算工作日。所有期限和公示期都按此日历计算；尚未发布安排的年份按《全国年节及纪念日放假办法》规定的法定节假日预计计算，并标为"预计"。',
    'cal.name': '点击日期时使用的名称', 'cal.import': '导入 holiday-cn JSON', 'cal.delete_year': '删除本年安排', 'cal.off': '休息（节假日）',
    'cal.work': '调休上班', 'cal.weekend': '周末', 'cal.click': '点击日期切换：工作日 → 休息 → 工作日；周末 → 调休上班 → 周末',
    'cal.source': '来源：{source}，{n} 条，更新于 {at}', 'src.builtin': '内置', 'src.import': '导入', 'src.edit': '手工修改',
    'cal.imported': '已导入 {year} 年安排', 'cal.confirm_delete': '确定删除 {year} 年的节假日安排吗？删除后该年按法定节假日预计计算。',
    'cal.default_off': '休息', 'cal.default_work': '调休上班', 'cal.provisional_year': '{year}（预计）',
    'cal.provisional': '{year} 年尚未导入国务院办公厅的节假日安排。下面是按法定节假日预计的日历（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，逢周末在其后的工作日补休；没有调休上班日），涉及 {year} 年的期限和公示期都按它计算并标为"预计"。',
    'cal.howto': '国务院办公厅发布通知后，任选一种方式导入：① 下载 holiday-cn 的 {year}.json 文件（github.com/NateScarlet/holiday-cn），用上面的"导入 holiday-cn JSON"选择它；② 手工录入：在下面的日历上按通知点击调整（休息日、调休上班日），核对后点"保存为 {year} 年正式安排"。导入后，所有受影响的期限会自动重新计算并列出。',
    'cal.save_draft': '保存为 {year} 年正式安排', 'cal.reset_draft': '恢复为预计日历', 'cal.draft_changed': '已修改 {n} 处，尚未保存',
    'cal.moved': '以下日期已按新日历重新计算（已记入操作日志）：', 'cal.moved_none': '没有期限或公示期因此改变。',
    'cal.col_item': '事项', 'cal.col_old': '原日期', 'cal.col_new': '新日期', 'cal.still_provisional': '（仍为预计）',
    'err.calendar_festival_missing': '缺少{festival}：{missing} 应为休息日', 'err.calendar_makeup_weekday': '{date} 不是周末，不能设为调休上班日',
  },
  en: {
    'cal.intro': 'Working days follow the State Council\'s yearly holiday list, make-up working days included. Every deadline and notice period uses it; a year without a list is counted on the statutory holidays and marked provisional.',
    'cal.name': 'Name used when clicking a day', 'cal.import': 'Import a holiday-cn JSON file', 'cal.delete_year': 'Delete this year', 'cal.off': 'Day off (holiday)',
    'cal.work': 'Make-up working day', 'cal.weekend': 'Weekend', 'cal.click': 'Click a day: weekday → off → weekday; weekend → make-up working day → weekend',
    'cal.source': 'Source: {source}, {n} entries, updated {at}', 'src.builtin': 'built in', 'src.import': 'imported', 'src.edit': 'edited',
    'cal.imported': 'Imported {year}', 'cal.confirm_delete': 'Delete the holiday list of {year}? The year is then counted on the statutory holidays.',
    'cal.default_off': 'Day off', 'cal.default_work': 'Make-up working day', 'cal.provisional_year': '{year} (provisional)',
    'cal.provisional': 'The State Council\'s list of {year} is not imported. Below is the provisional calendar from the statutory holidays (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day; a holiday on a weekend is made up on the next working day; no make-up working days). Deadlines and notice periods in {year} use it and are marked provisional.',
    'cal.howto': 'Once the State Council publishes the list, import it either way: 1. download holiday-cn\'s {year}.json (github.com/NateScarlet/holiday-cn) and choose it with "Import a holiday-cn JSON file" above; 2. by hand: click the days below to match the notice (days off, make-up working days), check, then "Save as the official list of {year}". Every deadline it moves is recomputed and listed.',
    'cal.save_draft': 'Save as the official list of {year}', 'cal.reset_draft': 'Back to the provisional calendar', 'cal.draft_changed': '{n} changes, not saved',
    'cal.moved': 'These dates were recomputed on the new calendar (written to the audit log):', 'cal.moved_none': 'No deadline or notice period changed.',
    'cal.col_item': 'Item', 'cal.col_old': 'Was', 'cal.col_new': 'Now', 'cal.still_provisional': ' (still provisional)',
    'err.calendar_festival_missing': '{festival} is missing: {missing} must be days off', 'err.calendar_makeup_weekday': '{date} is not a weekend day: it cannot be a make-up working day',
  },
});

const user = await start('calendar');
const isAdmin = user.role === 'admin';
let infos = [];
let status = null;
let year = Number(new URLSearchParams(location.search).get('year')) || null;
let days = new Map();
// draft is the list being entered by hand for a year without an official
// list, started from its provisional calendar; null otherwise.
let draft = null;
let provisionalDays = new Map();

const pad = (n) => String(n).padStart(2, '0');
const WEEK = () => (lang() === 'zh' ? ['一', '二', '三', '四', '五', '六', '日'] : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
const stored = (y) => infos.some((i) => i.year === y);

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
  const list = draft || days;
  const e = list.get(date);
  const cls = e ? (e.isOffDay ? 'off' : 'work') : weekend ? 'weekend' : '';
  return h('button', { type: 'button', class: 'day ' + cls + (draft ? ' provisional' : ''), dataset: { date }, title: e ? e.name : '', disabled: !isAdmin,
    'aria-label': date + (e ? ' ' + e.name : ''), onclick: () => toggle(date, e, weekend) }, String(d));
}

// next is what a click makes of a day: a weekday goes off and back, a
// weekend day becomes a make-up working day and back.
function next(e, weekend) {
  const name = (off) => $('#day-name').value.trim() || t(off ? 'cal.default_off' : 'cal.default_work');
  if (!e) return weekend ? { name: name(false), isOffDay: false } : { name: name(true), isOffDay: true };
  return null;
}

async function toggle(date, e, weekend) {
  $('#error').textContent = '';
  const n = next(e, weekend);
  if (draft) {
    if (n) draft.set(date, { date, ...n }); else draft.delete(date);
    render();
    return;
  }
  try {
    const res = n ? await api('PUT', '/api/admin/calendar/days/' + date, n) : await api('DELETE', '/api/admin/calendar/days/' + date);
    showMoved(res.moved);
    await load();
  } catch (err) { showError(err); }
}

function showError(e) {
  const params = { ...(e.params || {}) };
  if (Array.isArray(params.missing)) params.missing = params.missing.join('、');
  $('#error').textContent = (e.field && !e.field.startsWith('days') ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, params, field: undefined });
}

// showMoved lists the deadlines and notice periods a change moved.
function showMoved(moved) {
  if (!moved) return;
  $('#moved').hidden = false;
  $('#moved').replaceChildren(h('p', {}, t(moved.length ? 'cal.moved' : 'cal.moved_none')), ...(moved.length
    ? [h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('cal.col_item')), h('th', {}, t('cal.col_old')), h('th', {}, t('cal.col_new')))),
      h('tbody', {}, moved.map((m) => h('tr', { dataset: { moved: m.kind + '-' + m.id } }, h('td', {}, m.label), h('td', {}, m.old),
        h('td', {}, m.new + (m.provisional ? t('cal.still_provisional') : ''))))))]
    : []));
}

function changes() {
  let n = 0;
  for (const [d, e] of draft) { const p = provisionalDays.get(d); if (!p || p.isOffDay !== e.isOffDay) n++; }
  for (const d of provisionalDays.keys()) if (!draft.has(d)) n++;
  return n;
}

function render() {
  const prov = !stored(year);
  $('#provisional').hidden = !prov;
  if (prov) {
    $('#provisional-text').textContent = t('cal.provisional', { year });
    $('#howto').textContent = t('cal.howto', { year });
    $('#save-draft').textContent = t('cal.save_draft', { year });
    $('#draft-state').textContent = draft && changes() ? t('cal.draft_changed', { n: changes() }) : '';
  }
  clear($('#months')).append(...Array.from({ length: 12 }, (_, m) => month(m)));
}

async function load() {
  [{ years: infos }, status] = await Promise.all([api('GET', '/api/admin/calendar'), api('GET', '/api/admin/calendar/status')]);
  const today = Number(status.today.slice(0, 4));
  const years = [...new Set([...infos.map((i) => i.year), ...status.missing, today])].sort((a, b) => a - b);
  if (!years.includes(year)) year = today; // the server's year, with or without its list
  clear($('#year')).append(...years.map((y) => h('option', { value: y, selected: y === year }, stored(y) ? String(y) : t('cal.provisional_year', { year: y }))));
  $('#delete-year').hidden = !isAdmin || !stored(year);
  const y = await api('GET', '/api/admin/calendar/' + year);
  days = new Map(y.days.map((d) => [d.date, d]));
  if (y.provisional) {
    provisionalDays = new Map(y.days.map((d) => [d.date, d]));
    if (!draft || draft.year !== year) draft = Object.assign(new Map(provisionalDays), { year });
  } else draft = null;
  const info = infos.find((i) => i.year === year);
  $('#source').textContent = info ? t('cal.source', { source: t('src.' + info.source), n: info.entries, at: fmtTime(info.updated_at) }) : '';
  render();
}

$('#year').addEventListener('change', () => { year = Number($('#year').value); draft = null; $('#moved').hidden = true; load(); });
$('#import-file').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  $('#error').textContent = '';
  try {
    let body;
    try { body = JSON.parse(await file.text()); } catch (e) { throw Object.assign(new Error('bad JSON'), { code: 'invalid_json' }); }
    await save(body);
  } catch (e) { showError(e); }
  ev.target.value = '';
});

// save imports a whole year's list and lists what it moved.
async function save(body) {
  const res = await api('POST', '/api/admin/calendar/import', body);
  year = res.year;
  draft = null;
  flash(t('cal.imported', { year: res.year }));
  showMoved(res.moved);
  await load();
}

$('#save-draft').addEventListener('click', async () => {
  $('#error').textContent = '';
  const list = [...draft.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map((d) => ({ name: d.name, date: d.date, isOffDay: d.isOffDay }));
  try { await save({ year, days: list }); } catch (e) { showError(e); }
});
$('#reset-draft').addEventListener('click', () => { draft = Object.assign(new Map(provisionalDays), { year }); render(); });
$('#delete-year').addEventListener('click', async () => {
  if (!confirm(t('cal.confirm_delete', { year }))) return;
  try { const res = await api('DELETE', '/api/admin/calendar/' + year); showMoved(res.moved); await load(); } catch (e) { showError(e); }
});

if (!isAdmin) { $('#import-file').disabled = true; $('#day-name').disabled = true; $('#save-draft').hidden = true; $('#reset-draft').hidden = true; }
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
