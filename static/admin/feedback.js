// feedback: bad-rating follow-ups (assign, close with a resolution),
// rating statistics by period and service, and the suggestion queue
// (assign, reply — what the citizen sees —, close).
import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'fb.followups': '差评回访', 'fb.level': '评价', 'fb.service': '服务', 'fb.reason': '理由与说明', 'fb.due': '回访期限', 'fb.provisional': '（预计）', 'fb.assignee': '经办人',
    'fb.close': '办结', 'fb.resolution': '处理结果', 'fb.overdue': '已超期', 'fb.stats': '评价统计', 'fb.from': '开始日期', 'fb.to': '结束日期',
    'fb.show': '统计', 'fb.total': '合计', 'fb.rate': '满意率', 'fb.all': '全部', 'fb.suggestions': '意见建议', 'fb.show_closed': '显示已办结',
    'fb.reply': '答复（申请人可在终端查询）', 'fb.send': '保存答复', 'fb.nobody': '未指派',
    'sug.cat.suggestion': '建议', 'sug.cat.complaint': '投诉', 'sug.cat.consultation': '咨询', 'sug.cat.praise': '表扬',
    'sst.received': '待处理', 'sst.assigned': '办理中', 'sst.replied': '已答复', 'sst.closed': '已办结', 'field.resolution': '处理结果', 'field.reply': '答复',
  },
  en: {
    'fb.followups': 'Bad-rating follow-ups', 'fb.level': 'Rating', 'fb.service': 'Service', 'fb.reason': 'Reasons and comment', 'fb.due': 'Due', 'fb.provisional': ' (provisional)', 'fb.assignee': 'Assignee',
    'fb.close': 'Close', 'fb.resolution': 'Resolution', 'fb.overdue': 'Overdue', 'fb.stats': 'Rating statistics', 'fb.from': 'From', 'fb.to': 'To',
    'fb.show': 'Show', 'fb.total': 'Total', 'fb.rate': 'Satisfied', 'fb.all': 'All', 'fb.suggestions': 'Suggestions', 'fb.show_closed': 'Show closed',
    'fb.reply': 'Reply (the citizen sees it at the kiosk)', 'fb.send': 'Save reply', 'fb.nobody': 'Nobody',
    'sug.cat.suggestion': 'Suggestion', 'sug.cat.complaint': 'Complaint', 'sug.cat.consultation': 'Question', 'sug.cat.praise': 'Praise',
    'sst.received': 'New', 'sst.assigned': 'In progress', 'sst.replied': 'Replied', 'sst.closed': 'Closed', 'field.resolution': 'Resolution', 'field.reply': 'Reply',
  },
});

await start('feedback');
const { assignees } = await api('GET', '/api/admin/assignees');

const call = async (method, path, body) => {
  try {
    await api(method, path, body);
    flash(t('common.saved'));
    return true;
  } catch (e) {
    flash(errorText(e), 'bad');
    return false;
  }
};

function assignSelect(current, path) {
  return h('select', { onchange: (e) => call('POST', path, { user_id: Number(e.target.value) }) },
    h('option', { value: 0 }, t('fb.nobody')), assignees.map((a) => h('option', { value: a.id, selected: a.id === current }, a.name)));
}

async function loadFollowups() {
  const { ratings, labels } = await api('GET', '/api/admin/ratings?open=1');
  clear($('#followups')).append(...(ratings.length ? ratings.map((r) => {
    const res = h('input', { 'aria-label': t('fb.resolution'), placeholder: t('fb.resolution') });
    return h('tr', { dataset: { followup: r.followup_id } },
      h('td', {}, labels[r.level], h('div', { class: 'muted' }, fmtTime(r.created_at))), h('td', {}, r.service),
      h('td', {}, (r.tags || []).join('、'), r.comment ? h('div', {}, r.comment) : null, r.case_no ? h('div', { class: 'muted' }, r.case_no) : null),
      h('td', {}, r.due_on, r.due_provisional ? t('fb.provisional') : '', r.overdue ? [' ', h('span', { class: 'badge bad' }, '! ' + t('fb.overdue'))] : null),
      h('td', {}, assignSelect(r.assignee_id, `/api/admin/ratings/followups/${r.followup_id}/assign`)),
      h('td', {}, res, h('button', { type: 'button', onclick: async () => { if (await call('POST', `/api/admin/ratings/followups/${r.followup_id}/close`, { resolution: res.value })) loadFollowups(); } }, t('fb.close'))));
  }) : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('common.none')))]));
}

async function loadStats() {
  const q = new URLSearchParams();
  if ($('#from').value) q.set('from', $('#from').value);
  if ($('#to').value) q.set('to', $('#to').value);
  const { from, to, stats } = await api('GET', '/api/admin/ratings/stats?' + q);
  $('#from').value = from;
  $('#to').value = to;
  clear($('#stats')).append(...stats.map((s) => h('tr', {}, h('td', {}, s.service || h('strong', {}, t('fb.all'))),
    [5, 4, 3, 2, 1].map((l) => h('td', {}, String(s.counts[l]))), h('td', {}, String(s.total)), h('td', {}, s.total ? s.satisfaction.toFixed(1) + '%' : '—'))));
}

function suggestion(s) {
  const reply = h('textarea', { rows: 2, 'aria-label': t('field.reply') }, s.reply);
  return h('div', { class: 'card', dataset: { suggestion: s.tracking_no } },
    h('p', {}, h('strong', {}, t('sug.cat.' + s.category)), ' · ', s.tracking_no, ' · ', fmtTime(s.created_at), ' · ',
      h('span', { class: 'badge' }, t('sst.' + s.status)), s.phone_masked ? ' · ' + s.phone_masked : ''),
    h('p', {}, s.body),
    s.status === 'closed' ? (s.reply ? h('p', { class: 'muted' }, s.reply) : null) : [
      h('div', { class: 'row' }, h('label', {}, t('fb.assignee'), ' ', assignSelect(s.assignee_id, `/api/admin/suggestions/${s.id}/assign`))),
      h('label', {}, t('fb.reply')), reply,
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'reply', onclick: async () => { if (await call('POST', `/api/admin/suggestions/${s.id}/reply`, { reply: reply.value })) loadSuggestions(); } }, t('fb.send')),
        h('button', { type: 'button', class: 'secondary', onclick: async () => { if (await call('POST', `/api/admin/suggestions/${s.id}/close`, {})) loadSuggestions(); } }, t('fb.close')))]);
}

async function loadSuggestions() {
  const { suggestions } = await api('GET', '/api/admin/suggestions' + ($('#all').checked ? '?all=1' : ''));
  clear($('#suggestions')).append(...(suggestions.length ? suggestions.map(suggestion) : [h('p', { class: 'muted' }, t('common.none'))]));
}

$('#stats-form').addEventListener('submit', (e) => { e.preventDefault(); loadStats(); });
$('#all').addEventListener('change', loadSuggestions);
const load = () => Promise.all([loadFollowups(), loadStats(), loadSuggestions()]);
document.addEventListener('langchange', load);
apply(document);
load().then(ready);
