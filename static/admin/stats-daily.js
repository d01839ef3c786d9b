// The daily service figures (kiosk visits, ratings, suggestions) rolled
// up nightly by the stats.rollup job, for the stats page's date range.
import { api } from './api.js';
import { add, t } from '/assets/shared/i18n.js';
import { h, $, clear } from '/assets/shared/dom.js';

add({
  zh: {
    'daily.title': '每日服务统计', 'daily.day': '日期', 'daily.visits': '自助机使用次数', 'daily.avg': '平均使用时长',
    'daily.ratings': '评价数', 'daily.satisfaction': '满意率', 'daily.suggestions': '意见建议', 'daily.empty': '该时段尚无汇总数据',
    'daily.note': '每日凌晨汇总前一天的数据；原始记录过了保留期删除后，汇总仍保留。', 'daily.minutes': '{n} 分钟',
  },
  en: {
    'daily.title': 'Daily service figures', 'daily.day': 'Day', 'daily.visits': 'Kiosk visits', 'daily.avg': 'Average visit',
    'daily.ratings': 'Ratings', 'daily.satisfaction': 'Satisfaction', 'daily.suggestions': 'Suggestions', 'daily.empty': 'No figures rolled up for this range yet',
    'daily.note': 'Rolled up every night for the day before; the figures stay after the raw logs pass their retention.', 'daily.minutes': '{n} min',
  },
});

// summarize folds the rows of one day into the table's columns.
function summarize(rows) {
  const by = new Map();
  for (const r of rows) {
    const d = by.get(r.day) || { visits: 0, seconds: 0, ratings: 0, good: 0, suggestions: 0 };
    if (r.metric === 'kiosk.visits') d.visits += r.value;
    if (r.metric === 'kiosk.visit_seconds') d.seconds += r.value;
    if (r.metric === 'rating.level') { d.ratings += r.value; if (r.subject >= 3) d.good += r.value; }
    if (r.metric === 'suggestion.received') d.suggestions += r.value;
    by.set(r.day, d);
  }
  return [...by.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

const num = (v) => h('td', { class: 'num' }, v);

// loadDaily fills the table for the page's #from/#to range.
export async function loadDaily() {
  const q = new URLSearchParams({ from: $('#from').value, to: $('#to').value });
  const tbody = $('#daily');
  try {
    const r = await api('GET', '/api/admin/stats/daily?' + q);
    const days = summarize(r.days);
    clear(tbody).append(...(days.length ? days.map(([day, d]) => h('tr', {}, h('td', {}, day), num(String(d.visits)),
      num(d.visits ? t('daily.minutes', { n: (d.seconds / d.visits / 60).toFixed(1) }) : '—'), num(String(d.ratings)),
      num(d.ratings ? (d.good * 100 / d.ratings).toFixed(1) + '%' : '—'), num(String(d.suggestions))))
      : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('daily.empty')))]));
  } catch (e) {
    clear(tbody).append(h('tr', {}, h('td', { colspan: 6, class: 'error' }, e.message || String(e))));
  }
}
