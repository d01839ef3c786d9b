import { start } from './app.js';
import { api } from './api.js';
import { fieldLabel } from './content.js';
import { loadDaily } from './stats-daily.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { today } from '/assets/shared/clock.js';

add({
  zh: {
    'stats.query': '统计', 'stats.xlsx': '导出 Excel', 'stats.by_category': '按栏目', 'stats.by_kind': '按类型', 'stats.by_month': '按月份',
    'stats.own': '本栏目', 'stats.total': '含下级', 'stats.count': '数量', 'stats.month': '月份',
    'stats.note': '按首次发布日期统计主动公开信息，已撤回的不计；栏目合计含下级栏目。',
  },
  en: {
    'stats.query': 'Count', 'stats.xlsx': 'Export to Excel', 'stats.by_category': 'By category', 'stats.by_kind': 'By kind', 'stats.by_month': 'By month',
    'stats.own': 'Own', 'stats.total': 'With sub-categories', 'stats.count': 'Count', 'stats.month': 'Month',
    'stats.note': 'Counts proactively disclosed notices by first publication date, withdrawn ones excluded; category totals include sub-categories.',
  },
});

await start('stats');
// The server's year so far.
$('#from').value = today().slice(0, 4) + '-01-01';
$('#to').value = today();

const num = (n) => h('td', { class: 'num' }, String(n));

async function load() {
  $('#error').textContent = '';
  const q = new URLSearchParams({ from: $('#from').value, to: $('#to').value });
  $('#xlsx').href = '/api/admin/stats.xlsx?' + q;
  loadDaily();
  try {
    const st = await api('GET', '/api/admin/stats?' + q);
    $('#summary').textContent = st.summary;
    clear($('#by-category')).append(...st.categories.map((c) => h('tr', { dataset: { code: c.code } },
      h('td', {}, '\u3000'.repeat(c.depth) + c.name), num(c.count), num(c.total))));
    clear($('#by-kind')).append(...(st.kinds.length ? st.kinds.map((k) => h('tr', {}, h('td', {}, t('kind.' + k.kind)), num(k.count)))
      : [h('tr', {}, h('td', { colspan: 2, class: 'muted' }, t('common.none')))]));
    clear($('#by-month')).append(...st.months.map((m) => h('tr', {}, h('td', {}, m.month), num(m.count))));
  } catch (e) {
    $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
  }
}

$('#range').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
