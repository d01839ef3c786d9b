// requests-receipt: how a request was received (channel, the rule of its
// receipt date, what kind of day that was), its scanned application, and
// the correction of the receipt date with a reason.
import { api } from './api.js';
import { errorText, t } from '/assets/shared/i18n.js';
import { h } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

// receiptNote says what kind of day the receipt was: a working day, a
// make-up working day (调休上班), or a day off (the count starts on the
// next working day; the date itself is not moved).
export function receiptNote(r) {
  const d = r.received_day;
  if (!d) return '';
  let key = 'day.workday';
  if (d.make_up) key = 'day.make_up';
  else if (!d.workday) key = 'day.off';
  return h('span', { class: 'badge' + (d.workday ? ' ok' : ' warn'), id: 'received-day', 'data-workday': String(d.workday) },
    t(key, { date: d.date, holiday: d.holiday ? t('day.holiday', { name: d.holiday }) : '' }));
}

// receiptFacts are the detail lines of the receipt: channel and its rule,
// the day, the applicant's category, the scan.
export function receiptFacts(r) {
  const scan = r.scan
    ? h('a', { href: `/api/admin/disclosure/requests/${r.id}/scan`, target: '_blank', rel: 'noopener', id: 'scan-link' },
      t('req.scan'), ` (${r.scan.name}, ${Math.ceil(r.scan.size / 1024)} KB)`)
    : h('span', { class: 'muted' }, t('req.no_scan'));
  return [
    h('p', {}, t('req.channel'), '：', h('strong', {}, t('ch.' + r.channel)), ' · ', t('req.received'), '：', r.state.received_on, ' ', receiptNote(r)),
    h('p', { class: 'muted rule' }, t('rule.' + r.channel)),
    h('p', {}, t('req.category'), '：', t('cat.' + r.applicant_category), ' · ', scan),
    r.note ? h('p', {}, t('field.note'), '：', r.note) : '',
  ];
}

// correctionItems are the receipt corrections as entries of the log.
export function correctionItems(r) {
  return (r.receipt_corrections || []).map((c) => ({
    at: c.created_at,
    el: h('li', { class: 'correction' }, fmtTime(c.created_at).slice(0, 10), ' ', t('req.corrected', { from: c.old_date, to: c.new_date }),
      ' · ', c.reason, h('span', { class: 'muted' }, ' — ', c.actor_name, ' ', fmtTime(c.created_at))),
  }));
}

// correctForm corrects the receipt date (reason required); onSaved gets
// the request with its recomputed deadline.
export function correctForm(r, today, onSaved) {
  const date = h('input', { id: 'fix-date', type: 'date', max: today, value: r.state.received_on });
  const reason = h('input', { id: 'fix-reason', type: 'text', maxlength: 500 });
  const err = h('p', { class: 'error', role: 'alert', id: 'fix-error' });
  const form = h('form', { id: 'fix', novalidate: true },
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'fix-date' }, t('field.date')), date),
      h('div', { class: 'grow' }, h('label', { for: 'fix-reason' }, t('field.reason')), reason),
      h('button', { type: 'submit' }, t('req.fix'))), err);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    try {
      onSaved(await api('POST', `/api/admin/disclosure/requests/${r.id}/received`, { date: date.value, reason: reason.value }));
    } catch (e) {
      err.textContent = errorText(e) + (e.code === 'invalid_state' ? '：' + e.message : '');
    }
  });
  return form;
}
