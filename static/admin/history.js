import { start } from './app.js';
import { api } from './api.js';
import { statusBadge, findingText } from './content.js';
import { add, apply, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'history.title': '版本与审查记录', 'history.back': '返回信息', 'history.versions': '各版本采集、审查、批准记录', 'history.version': '版本',
    'history.collected': '采集', 'history.reviewed': '审查', 'history.approved': '批准', 'history.published': '发布 / 结束',
    'history.diff': '文本对比', 'history.from': '旧版本', 'history.to': '新版本', 'history.timeline': '操作记录',
    'history.override': '个人信息确认（已全部脱敏）：', 'history.decided': '报审决定：',
    'history.kept': '保留原文：', 'history.confirmed': '保留身份证号经复核：', 'history.purged': '脱敏前原文已清理',
    'action.request_keep': '审查同意并申请保留身份证号（待复核）', 'action.keep': '保留原文', 'action.confirm_keep': '复核同意保留',
    'action.reject_keep': '驳回保留', 'action.purge_premask': '清理脱敏前原文',
    'action.create': '创建', 'action.save': '保存', 'action.new_version': '生成新版本', 'action.submit': '提交审查', 'action.recall': '撤回提交',
    'action.approve': '审查通过（公开）', 'action.refuse': '不予公开', 'action.refer': '需报审', 'action.publish': '发布', 'action.expire': '到期下线',
    'action.withdraw': '撤回', 'action.mask': '脱敏处理', 'action.override': '个人信息放行', 'notices.status': '状态',
  },
  en: {
    'history.title': 'Versions and review record', 'history.back': 'Back to the notice', 'history.versions': 'Who collected, reviewed and approved each version',
    'history.version': 'Version', 'history.collected': 'Collected', 'history.reviewed': 'Reviewed', 'history.approved': 'Approved',
    'history.published': 'Published / ended', 'history.diff': 'Text changes', 'history.from': 'Older', 'history.to': 'Newer',
    'history.timeline': 'Steps', 'history.override': 'Personal data acknowledged (all masked): ', 'history.decided': 'Referral decided: ',
    'history.kept': 'Kept as written: ', 'history.confirmed': 'Kept ID number confirmed by ', 'history.purged': 'Pre-mask text purged',
    'action.request_keep': 'Approved, keeping an ID number (waits for a second admin)', 'action.keep': 'Kept as written',
    'action.confirm_keep': 'Keep confirmed', 'action.reject_keep': 'Keep rejected', 'action.purge_premask': 'Pre-mask text purged',
    'action.create': 'Created', 'action.save': 'Saved', 'action.new_version': 'New version', 'action.submit': 'Submitted', 'action.recall': 'Recalled',
    'action.approve': 'Approved', 'action.refuse': 'Refused', 'action.refer': 'Referred up', 'action.publish': 'Published', 'action.expire': 'Expired',
    'action.withdraw': 'Withdrawn', 'action.mask': 'Masked', 'action.override': 'Personal data override', 'notices.status': 'Status',
  },
});

await start('notices');
const id = Number(new URLSearchParams(location.search).get('id'));
const data = await api('GET', `/api/admin/notices/${id}/versions`);

function who(name, at) {
  return name ? [h('div', {}, name), h('div', { class: 'muted' }, fmtTime(at))] : '—';
}

function versionRow(v) {
  const review = v.reviewer_name ? [...who(v.reviewer_name, v.reviewed_at),
    h('div', {}, t('result.' + v.review_result), '：', v.review_reason || '')] : '—';
  const approve = [v.approver_name ? who(v.approver_name, v.approved_at) : '—',
    v.decider_name ? h('div', { class: 'muted' }, t('history.decided'), v.decider_name, ' ', v.decision_reason || '') : null,
    v.privacy_override ? h('div', { class: 'muted' }, t('history.override'), v.privacy_override) : null,
    ...(v.finding_decisions || []).filter((x) => x.decision === 'keep').map((x) =>
      h('div', { class: 'muted' }, t('history.kept'), findingText(x), ' · ', x.reason)),
    v.keep_confirmer_name ? h('div', { class: 'muted' }, t('history.confirmed'), v.keep_confirmer_name, ' ', fmtTime(v.keep_confirmed_at)) : null,
    v.premask_purged_at ? h('div', { class: 'muted' }, t('history.purged'), ' ', fmtTime(v.premask_purged_at)) : null];
  return h('tr', { dataset: { version: v.number } },
    h('td', {}, 'v' + v.number), h('td', {}, statusBadge(v.status)), h('td', {}, v.title),
    h('td', {}, who(v.author_name, v.created_at)), h('td', {}, review), h('td', {}, approve),
    h('td', {}, fmtTime(v.published_at) || '—', v.ended_at ? h('div', { class: 'muted' }, fmtTime(v.ended_at)) : null));
}

// diffLines returns the lines of a and b with their change: ' ', '-' or '+'.
function diffLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push([' ', x[i]]); i++; j++;
    } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(['-', x[i]]); i++;
    } else {
      out.push(['+', y[j]]); j++;
    }
  }
  return out;
}

function showDiff() {
  const byNo = new Map(data.versions.map((v) => [String(v.number), v]));
  const a = byNo.get($('#from').value);
  const b = byNo.get($('#to').value);
  if (!a || !b) return;
  const text = (v) => `# ${v.title}\n${v.led_text ? '[LED] ' + v.led_text + '\n' : ''}\n${v.body}`;
  clear($('#diff')).append(...diffLines(text(a), text(b)).map(([op, line]) =>
    h('span', { class: op === '+' ? 'add' : op === '-' ? 'del' : '' }, (op === ' ' ? '  ' : op + ' ') + line + (op === ' ' ? '\n' : ''))));
}

function render() {
  const latest = data.versions[0];
  $('#heading').textContent = latest.title;
  $('#index-no').textContent = data.notice.index_no || '';
  $('#edit-link').href = '/admin/notice?id=' + id;
  clear($('#versions')).append(...data.versions.map(versionRow));
  const opts = (sel) => data.versions.map((v) => h('option', { value: v.number, selected: v.number === sel }, 'v' + v.number));
  clear($('#from')).append(...opts(Math.max(1, latest.number - 1)));
  clear($('#to')).append(...opts(latest.number));
  showDiff();
  clear($('#timeline')).append(...data.history.map((e) => h('li', {},
    h('span', { class: 'muted' }, fmtTime(e.at)), ' ', e.actor_name, ' · ', t('action.' + e.action),
    e.action === 'mask' ? '' : e.reason ? '：' + e.reason : '')));
}

$('#from').addEventListener('change', showDiff);
$('#to').addEventListener('change', showDiff);
document.addEventListener('langchange', render);
apply(document);
render();
ready();
