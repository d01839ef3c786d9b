// requests: 依申请公开 requests, their clock (computed on the server from
// each request's log), and the steps staff record: correction, third-party
// consultation, one extension, the reply with one of the seven outcomes.
// Staff register requests that came by post, in person, by fax or online
// (requests-register.js) and correct a receipt date (requests-receipt.js).
import { start, flash } from './app.js';
import { api } from './api.js';
import './requests_i18n.js';
import { registerForm } from './requests-register.js';
import { receiptFacts, correctionItems, correctForm } from './requests-receipt.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

await start('requests');
const { outcomes } = await api('GET', '/api/admin/disclosure/outcomes');
const { assignees } = await api('GET', '/api/admin/assignees');
let bounds = {}; // today and the earliest receipt date, from the server
const STEPS = ['correction_requested', 'corrected', 'consult_started', 'consult_ended', 'extended', 'replied', 'abandoned'];

function flags(r) {
  const out = [];
  if (r.state.overdue) out.push(h('span', { class: 'badge bad' }, '! ' + t('req.overdue')));
  if (r.due_soon) out.push(h('span', { class: 'badge warn' }, t('req.due_soon')));
  if (r.state.status === 'consulting' || r.state.status === 'awaiting_correction') out.push(h('span', { class: 'badge' }, t('req.paused')));
  return out;
}

function row(r) {
  return h('tr', { dataset: { request: r.tracking_no }, class: 'clickable', onclick: () => open(r.id) },
    h('td', {}, h('a', { href: '#', onclick: (e) => e.preventDefault() }, r.tracking_no)),
    h('td', {}, r.name, ' ', h('span', { class: 'muted' }, r.phone_masked), ' ', h('span', { class: 'badge' }, t('cat.' + r.applicant_category))),
    h('td', {}, t('ch.' + r.channel)), h('td', {}, r.state.received_on), h('td', {}, r.state.due ? r.state.due + (r.state.provisional ? t('req.provisional') : '') : '—'), h('td', {}, r.state.due ? String(r.state.days_left) : '—'),
    h('td', {}, t('st.' + r.state.status), ' ', flags(r)));
}

function actForm(r) {
  const kind = h('select', { id: 'act-kind' }, STEPS.map((s) => h('option', { value: s }, t('ev.' + s))));
  const outcome = h('select', { id: 'act-outcome' }, outcomes.map((o) => h('option', { value: o.value }, o.label)));
  const err = h('p', { class: 'error', role: 'alert', id: 'act-error' });
  const form = h('form', { id: 'act', novalidate: true },
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'act-kind' }, t('field.kind')), kind),
      h('div', {}, h('label', { for: 'act-date' }, t('field.date')), h('input', { id: 'act-date', type: 'date' })),
      h('div', { class: 'days' }, h('label', { for: 'act-days' }, t('field.days')), h('input', { id: 'act-days', type: 'number', min: 1, max: 20 })),
      h('div', { class: 'outcome' }, h('label', { for: 'act-outcome' }, t('field.outcome')), outcome)),
    h('label', { for: 'act-text' }, t('field.text')), h('textarea', { id: 'act-text', rows: 4 }), err,
    h('button', { type: 'submit' }, t('common.save')));
  const sync = () => {
    form.querySelector('.days').hidden = kind.value !== 'extended';
    form.querySelector('.outcome').hidden = kind.value !== 'replied';
  };
  kind.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    const body = { kind: kind.value, date: $('#act-date').value, text: $('#act-text').value };
    if (kind.value === 'extended') body.days = Number($('#act-days').value);
    if (kind.value === 'replied') body.outcome = outcome.value;
    try {
      await api('POST', `/api/admin/disclosure/requests/${r.id}/events`, body);
      flash(t('common.saved'));
      await load();
      await open(r.id);
    } catch (e) {
      // The clock's refusals say why (e.g. "already extended once").
      err.textContent = errorText(e) + (e.code === 'invalid_state' ? '：' + e.message : '');
    }
  });
  return form;
}

async function open(id) {
  const r = await api('GET', `/api/admin/disclosure/requests/${id}`);
  const assign = h('select', { id: 'assign', onchange: async (e) => {
    try { await api('POST', `/api/admin/disclosure/requests/${id}/assign`, { user_id: Number(e.target.value) }); flash(t('common.saved')); } catch (x) { flash(errorText(x), 'bad'); }
  } }, h('option', { value: 0 }, t('req.nobody')), assignees.map((a) => h('option', { value: a.id, selected: a.id === r.assignee_id }, a.name)));
  clear($('#detail')).append(
    h('h2', {}, r.tracking_no, ' · ', t('st.' + r.state.status), ' ', flags(r)),
    h('p', {}, t('req.due'), '：', h('strong', { id: 'detail-due' }, r.state.due ? r.state.due + (r.state.provisional ? t('req.provisional') : '') : '—'), r.state.extension_days ? ` (+${r.state.extension_days})` : ''),
    h('p', {}, t('req.applicant'), '：', r.name, ' ', r.id_masked || r.org_code || '', ' · ', t('req.contact'), '：', r.phone_masked, ' ', r.email || '', ' ', r.address || ''),
    h('p', {}, t('req.description'), '：', r.description, r.doc_ref ? ' (' + r.doc_ref + ')' : ''),
    ...receiptFacts(r),
    h('p', {}, t('req.assign'), '：', assign),
    h('h3', {}, t('req.log')),
    h('ol', { id: 'log' }, logItems(r)),
    r.state.status === 'replied' || r.state.status === 'abandoned' ? '' : h('div', {}, h('h3', {}, t('req.act')), actForm(r)),
    h('h3', {}, t('req.fix_title')), correctForm(r, bounds.today, async (x) => { flash(t('common.saved')); await load(); await open(x.id); }));
  $('#detail').hidden = false;
}

// logItems are the steps of the log with the receipt corrections, in the
// order they were recorded.
function logItems(r) {
  const steps = r.log.map((e) => ({
    at: e.created_at,
    el: h('li', {}, e.date, ' ', t('ev.' + e.kind), e.days ? ` ${e.days}` : '', e.outcome ? ' · ' + (outcomes.find((o) => o.value === e.outcome) || {}).label : '',
      e.text ? ' · ' + e.text : '', h('span', { class: 'muted' }, ' — ', e.actor_name, ' ', fmtTime(e.created_at))),
  }));
  return [...steps, ...correctionItems(r)].sort((a, b) => a.at.localeCompare(b.at)).map((x) => x.el);
}

async function load() {
  const res = await api('GET', '/api/admin/disclosure/requests' + ($('#all').checked ? '?all=1' : ''));
  bounds = { today: res.today, earliest: res.earliest_receipt };
  const { requests } = res;
  clear($('#requests')).append(...(requests.length ? requests.map(row) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('common.none')))]));
}

$('#all').addEventListener('change', load);
document.addEventListener('langchange', load);
apply(document);
await load();
const showForm = (on) => {
  reg.hidden = !on;
  $('#register-open').setAttribute('aria-expanded', String(on));
  if (on) reg.querySelector('select').focus();
};
const reg = registerForm({
  today: bounds.today, earliest: bounds.earliest, result: $('#reg-result'),
  onSaved: async (r) => { flash(t('common.saved')); showForm(false); await load(); await open(r.id); },
});
reg.hidden = true;
$('#register-slot').append(reg);
$('#register-open').addEventListener('click', () => showForm(reg.hidden));
ready();
