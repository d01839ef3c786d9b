import { start, flash } from './app.js';
import { api } from './api.js';
import { statusBadge, findingText, fieldLabel, loadCategories } from './content.js';
import './notice-i18n.js';
import { bodyDoc } from './notice-screen.js';
import { findingsPanel } from './review-findings.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'review.intro': '信息公开前须经他人审查：公开、不予公开或需报审，并填写意见。不能审查自己撰写的信息。', 'review.submitted': '提交时间',
    'review.reason': '审查意见', 'review.approve': '公开',
    'review.findings_hint': '公开文本中逐项脱敏；确属文号、热线等非个人信息的，可选择保留并写明理由。',
    'review.pending': '待管理员复核', 'review.pending_wait': '须由审查人以外的另一名管理员确认后才会公开。',
    'review.pending_who': '{name} 于 {at} 审查同意公开，并申请保留以下身份证号：', 'review.confirm_keep': '确认保留并公开',
    'review.reject_keep': '驳回保留', 'review.confirmed': '已确认并公开', 'review.rejected': '已驳回，等待重新审查',
    'review.waiting': '等待复核', 'review.sent_to_admin': '已提交另一名管理员复核',
    'review.refuse': '不予公开', 'review.refer': '需报审', 'review.default_reason': '经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。',
    'review.done': '已处理', 'review.masked': '已按脱敏规则处理', 'review.empty': '没有待审查的信息', 'review.together': '将与以下政策解读一并审查、同步发布：',
    'review.meta': '{kind} · {category} · 采集人 {author} · 第 {n} 版', 'notices.author': '采集人', 'notices.status': '状态',
  },
  en: {
    'review.intro': 'Nothing is published without review by someone else: disclose, withhold or refer up, with an opinion. You cannot review your own notices.',
    'review.submitted': 'Submitted', 'review.reason': 'Opinion',
    'review.findings_hint': 'Each finding is masked in the public text; keep a document number, hotline or other non-personal number with a reason.',
    'review.pending': 'Waiting for a second admin', 'review.pending_wait': 'It is published only after an admin other than the reviewer confirms.',
    'review.pending_who': '{name} approved it on {at} and asks to keep these ID numbers:', 'review.confirm_keep': 'Confirm and publish',
    'review.reject_keep': 'Reject the keep', 'review.confirmed': 'Confirmed and published', 'review.rejected': 'Rejected; it waits for review again',
    'review.waiting': 'Waiting for confirmation', 'review.sent_to_admin': 'Sent to a second admin for confirmation',
    'review.approve': 'Disclose', 'review.refuse': 'Withhold', 'review.refer': 'Refer up',
    'review.default_reason': 'Reviewed: no state, work or personal secrets; approved for disclosure.', 'review.done': 'Done', 'review.masked': 'Masked by the policy',
    'review.empty': 'Nothing waits for review', 'review.together': 'Reviewed and published together with these interpretations:',
    'review.meta': '{kind} · {category} · collected by {author} · version {n}', 'notices.author': 'Collected by', 'notices.status': 'Status',
  },
});

const me = await start('review');
const cats = new Map((await loadCategories()).map((c) => [c.id, c.path]));
let current = null;
let decisions = () => [];

async function loadQueue() {
  const { notices } = await api('GET', '/api/admin/review');
  clear($('#queue')).append(...(notices.length ? notices.map((n) => h('tr', {
    class: 'queue-item' + (current && current.notice.id === n.id ? ' selected' : ''), dataset: { id: n.id }, tabindex: 0,
    onclick: () => open(n.id), onkeydown: (ev) => { if (ev.key === 'Enter') open(n.id); },
  }, h('td', {}, n.title), h('td', {}, t('kind.' + n.kind)), h('td', {}, n.author_name), h('td', {}, fmtTime(n.submitted_at)),
    h('td', {}, statusBadge(n.status), n.keep_requested_by ? h('span', { class: 'badge warn' }, t('review.waiting')) : null))) :
    [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('review.empty')))]));
  if (current && !notices.some((n) => n.id === current.notice.id)) {
    current = null;
    $('#detail').hidden = true;
  }
}

async function open(id) {
  $('#error').textContent = '';
  show(await api('GET', '/api/admin/notices/' + id));
  for (const tr of document.querySelectorAll('#queue tr')) tr.classList.toggle('selected', tr.dataset.id === String(id));
}

// show displays a notice; earlier decisions (the reviewer's choices so
// far) win over the stored ones.
function show(d, earlier) {
  current = d;
  const v = d.current;
  $('#detail').hidden = false;
  $('#d-title').textContent = v.title;
  $('#d-meta').textContent = t('review.meta', { kind: t('kind.' + v.kind), category: cats.get(v.category_id) || '', author: v.author_name, n: v.number });
  clear($('#d-links')).append(...(d.linked_interpretations.length ? [h('p', {}, t('review.together')),
    h('ul', {}, d.linked_interpretations.map((r) => h('li', {}, h('a', { href: '/admin/notice?id=' + r.id }, r.title), ' ', statusBadge(r.status))))] : []));
  $('#d-clean').hidden = d.findings.length > 0;
  $('#d-mask-box').hidden = d.findings.length === 0;
  $('#d-findings-hint').hidden = d.findings.length === 0;
  decisions = findingsPanel($('#d-findings'), d.findings, earlier || v.finding_decisions);
  showKeepRequest(v);
  $('#d-led').textContent = v.led_text || v.title;
  $('#d-body').srcdoc = bodyDoc(v.html);
  clear($('#d-attachments')).append(...v.attachments.map((a) => h('li', {}, h('a', { href: '/api/admin/attachments/' + a.id, target: '_blank' }, a.name))));
  if (!$('#reason').value) $('#reason').value = t('review.default_reason');
}

// showKeepRequest shows a kept ID number waiting for a second admin, with
// the buttons for an admin who may confirm it.
function showKeepRequest(v) {
  const box = $('#d-keep');
  box.hidden = !v.keep_requested_by;
  if (box.hidden) return;
  $('#d-keep-who').textContent = t('review.pending_who', { name: v.keep_requester_name, at: fmtTime(v.keep_requested_at) });
  clear($('#d-keep-list')).append(...v.finding_decisions.filter((x) => x.decision === 'keep').map((x) =>
    h('li', { dataset: { kind: x.kind } }, findingText(x), ' · ', x.reason)));
  const may = me.role === 'admin' && me.id !== v.keep_requested_by && me.id !== v.author_id;
  $('#d-keep-actions').hidden = !may;
}

async function decide(action) {
  $('#error').textContent = '';
  const body = { reason: $('#reason').value };
  if (action === 'approve') body.findings = decisions();
  try {
    const d = await api('POST', `/api/admin/notices/${current.notice.id}/${action}`, body);
    const pending = action === 'approve' && d.current.keep_requested_by && !d.current.approved_by;
    flash(t(pending ? 'review.sent_to_admin' : { 'confirm-keep': 'review.confirmed', 'reject-keep': 'review.rejected' }[action] || 'review.done'));
    $('#reason').value = '';
    await loadQueue();
    if (current) show(await api('GET', '/api/admin/notices/' + current.notice.id));
  } catch (e) {
    if (e.code === 'personal_data' || e.code === 'conflict') {
      await open(current.notice.id);
      // Findings of an interpretation approved with this policy document (R5).
      const others = ((e.params && e.params.findings) || []).filter((f) => f.notice_id && f.notice_id !== current.notice.id);
      if (others.length) decisions = findingsPanel($('#d-findings'), [...current.findings, ...others], decisions());
    }
    $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
  }
}

$('#approve').addEventListener('click', () => decide('approve'));
$('#refuse').addEventListener('click', () => decide('refuse'));
$('#refer').addEventListener('click', () => decide('refer'));
$('#confirm-keep').addEventListener('click', () => decide('confirm-keep'));
$('#reject-keep').addEventListener('click', () => decide('reject-keep'));
$('#mask').addEventListener('click', async () => {
  $('#error').textContent = '';
  try { show(await api('POST', `/api/admin/notices/${current.notice.id}/mask`)); flash(t('review.masked')); } catch (e) { $('#error').textContent = errorText(e); }
});
document.addEventListener('langchange', () => {
  loadQueue();
  if (current) show(current, decisions());
});
apply(document);
loadQueue().then(ready);
