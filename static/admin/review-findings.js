// review-findings: the reviewer's decision on each personal-data finding
// (R6): mask (the default) or keep with a reason, e.g. a 文号 or a hotline
// the scanner took for a card or mobile number. Only kept findings stay
// unmasked in the public text; keeping a resident ID number waits for a
// second admin.
import { findingText } from './content.js';
import { add, t } from '/assets/shared/i18n.js';
import { h, clear } from '/assets/shared/dom.js';

add({
  zh: {
    'review.mask': '脱敏', 'review.keep': '保留原文', 'review.keep_reason': '保留理由',
    'review.keep_placeholder': '例如：这是文号/热线，不是个人信息',
    'review.second_admin': '保留身份证号须由另一名管理员复核确认后才会公开',
  },
  en: {
    'review.mask': 'Mask', 'review.keep': 'Keep as written', 'review.keep_reason': 'Reason to keep',
    'review.keep_placeholder': 'e.g. a document number or hotline, not personal data',
    'review.second_admin': 'A kept ID number is published only after a second admin confirms it',
  },
});

const ID_KINDS = ['id18', 'id18_suspect', 'id15'];

const key = (f) => [f.notice_id || 0, f.field, f.where || '', f.kind, f.start, f.end].join('|');

// findingsPanel lists the findings in list, each with mask/keep and a
// reason, preselected from earlier decisions (a request waiting for a
// second admin). It returns a function giving the decisions for the API.
export function findingsPanel(list, findings, earlier = []) {
  clear(list);
  const own = findings.length ? findings[0].notice_id : 0;
  const before = new Map(earlier.map((d) => [key(d), d]));
  const rows = findings.map((f, i) => {
    const prior = before.get(key(f));
    const name = 'finding-' + i;
    const mask = h('input', { type: 'radio', name, value: 'mask', checked: !prior || prior.decision !== 'keep' });
    const keep = h('input', { type: 'radio', name, value: 'keep', checked: prior && prior.decision === 'keep' });
    const reason = h('input', { class: 'finding-reason', maxlength: 200, value: prior ? prior.reason : '',
      'data-i18n-placeholder': 'review.keep_placeholder', placeholder: t('review.keep_placeholder'),
      'data-i18n-aria-label': 'review.keep_reason', 'aria-label': t('review.keep_reason') });
    const note = ID_KINDS.includes(f.kind) ? h('p', { class: 'finding-note', 'data-i18n': 'review.second_admin' }, t('review.second_admin')) : null;
    const li = h('li', { class: 'finding', dataset: { field: f.field, kind: f.kind } },
      h('div', { class: 'finding-what' }, findingText(f), f.notice_id && own && f.notice_id !== own ? ` · #${f.notice_id}` : ''),
      h('div', { class: 'finding-choice' },
        h('label', {}, mask, h('span', { 'data-i18n': 'review.mask' }, t('review.mask'))),
        h('label', {}, keep, h('span', { 'data-i18n': 'review.keep' }, t('review.keep'))),
        reason),
      note);
    const sync = () => {
      reason.disabled = !keep.checked;
      if (note) note.hidden = !keep.checked;
      li.classList.toggle('keep', keep.checked);
    };
    mask.addEventListener('change', sync);
    keep.addEventListener('change', () => { sync(); reason.focus(); });
    sync();
    return { f, keep, reason };
  });
  list.append(...rows.map((r) => r.reason.closest('li')));
  return () => rows.map(({ f, keep, reason }) => ({
    notice_id: f.notice_id, field: f.field, where: f.where, kind: f.kind, start: f.start, end: f.end,
    decision: keep.checked ? 'keep' : 'mask', reason: keep.checked ? reason.value : '',
  }));
}
