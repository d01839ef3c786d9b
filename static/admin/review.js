import { start, flash } from './app.js';
import { api } from './api.js';
import { statusBadge, findingText, fieldLabel, loadCategories } from './content.js';
import './notice-i18n.js';
import { bodyDoc } from './notice-screen.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'review.intro': '信息公开前须经他人审查：公开、不予公开或需报审，并填写意见。不能审查自己撰写的信息。', 'review.submitted': '提交时间',
    'review.reason': '审查意见', 'review.override': '放行理由（确认不属于需脱敏的个人信息时填写）', 'review.approve': '公开',
    'review.refuse': '不予公开', 'review.refer': '需报审', 'review.default_reason': '经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。',
    'review.done': '已处理', 'review.masked': '已按脱敏规则处理', 'review.empty': '没有待审查的信息', 'review.together': '将与以下政策解读一并审查、同步发布：',
    'review.meta': '{kind} · {category} · 采集人 {author} · 第 {n} 版', 'notices.author': '采集人', 'notices.status': '状态',
  },
  en: {
    'review.intro': 'Nothing is published without review by someone else: disclose, withhold or refer up, with an opinion. You cannot review your own notices.',
    'review.submitted': 'Submitted', 'review.reason': 'Opinion', 'review.override': 'Override reason (when the numbers are not personal data)',
    'review.approve': 'Disclose', 'review.refuse': 'Withhold', 'review.refer': 'Refer up',
    'review.default_reason': 'Reviewed: no state, work or personal secrets; approved for disclosure.', 'review.done': 'Done', 'review.masked': 'Masked by the policy',
    'review.empty': 'Nothing waits for review', 'review.together': 'Reviewed and published together with these interpretations:',
    'review.meta': '{kind} · {category} · collected by {author} · version {n}', 'notices.author': 'Collected by', 'notices.status': 'Status',
  },
});

await start('review');
const cats = new Map((await loadCategories()).map((c) => [c.id, c.path]));
let current = null;

async function loadQueue() {
  const { notices } = await api('GET', '/api/admin/review');
  clear($('#queue')).append(...(notices.length ? notices.map((n) => h('tr', {
    class: 'queue-item' + (current && current.notice.id === n.id ? ' selected' : ''), dataset: { id: n.id }, tabindex: 0,
    onclick: () => open(n.id), onkeydown: (ev) => { if (ev.key === 'Enter') open(n.id); },
  }, h('td', {}, n.title), h('td', {}, t('kind.' + n.kind)), h('td', {}, n.author_name), h('td', {}, fmtTime(n.submitted_at)),
    h('td', {}, statusBadge(n.status)))) : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('review.empty')))]));
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

function show(d) {
  current = d;
  const v = d.current;
  $('#detail').hidden = false;
  $('#d-title').textContent = v.title;
  $('#d-meta').textContent = t('review.meta', { kind: t('kind.' + v.kind), category: cats.get(v.category_id) || '', author: v.author_name, n: v.number });
  clear($('#d-links')).append(...(d.linked_interpretations.length ? [h('p', {}, t('review.together')),
    h('ul', {}, d.linked_interpretations.map((r) => h('li', {}, h('a', { href: '/admin/notice?id=' + r.id }, r.title), ' ', statusBadge(r.status))))] : []));
  $('#d-clean').hidden = d.findings.length > 0;
  $('#d-mask-box').hidden = d.findings.length === 0;
  $('#override-box').hidden = d.findings.length === 0;
  clear($('#d-findings')).append(...d.findings.map((f) => h('li', { dataset: { field: f.field } }, findingText(f))));
  $('#d-led').textContent = v.led_text || v.title;
  $('#d-body').srcdoc = bodyDoc(v.html);
  clear($('#d-attachments')).append(...v.attachments.map((a) => h('li', {}, h('a', { href: '/api/admin/attachments/' + a.id, target: '_blank' }, a.name))));
  if (!$('#reason').value) $('#reason').value = t('review.default_reason');
}

async function decide(action) {
  $('#error').textContent = '';
  const body = { reason: $('#reason').value };
  if (action === 'approve') body.override_reason = $('#override_reason').value;
  try {
    await api('POST', `/api/admin/notices/${current.notice.id}/${action}`, body);
    flash(t('review.done'));
    $('#override_reason').value = '';
    $('#reason').value = '';
    await loadQueue();
  } catch (e) {
    if (e.code === 'personal_data') await open(current.notice.id);
    $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
  }
}

$('#approve').addEventListener('click', () => decide('approve'));
$('#refuse').addEventListener('click', () => decide('refuse'));
$('#refer').addEventListener('click', () => decide('refer'));
$('#mask').addEventListener('click', async () => {
  $('#error').textContent = '';
  try { show(await api('POST', `/api/admin/notices/${current.notice.id}/mask`)); flash(t('review.masked')); } catch (e) { $('#error').textContent = errorText(e); }
});
document.addEventListener('langchange', loadQueue);
apply(document);
loadQueue().then(ready);
