// requests-register: the 登记申请 form. Staff register a request that came
// by post, in person on paper, by fax or online, with the day of receipt
// the channel's rule gives (条例 第三十一条, shown next to the date) and an
// optional scanned application; the server computes the deadline on save.
import { api } from './api.js';
import { errorText, t } from '/assets/shared/i18n.js';
import { h, $, $$ } from '/assets/shared/dom.js';
import { receiptNote } from './requests-receipt.js';

export const CHANNELS = ['in_person', 'post', 'letter', 'online', 'fax'];
export const ORG_KINDS = ['business', 'research', 'public_interest', 'legal_service', 'other'];

// opt is a translated <option> (data-i18n keeps it right on a language switch).
const opt = (value, key) => h('option', { value, 'data-i18n': key }, t(key));

// fieldBox is a labelled control with its own error line.
function fieldBox(name, control, extra) {
  control.id = 'reg-' + name;
  return h('div', { class: 'reg-field', 'data-field': name },
    h('label', { for: control.id, 'data-i18n': 'field.' + name }, t('field.' + name)), control, extra || '',
    h('p', { class: 'error', role: 'alert' }));
}

const input = (type, attrs = {}) => h('input', { type, ...attrs });

// registerForm builds the form; today and earliest bound the receipt date
// (the server's, never the browser's). On save it shows the tracking
// number, the deadline and the kind of day in result, and onSaved gets
// the new request.
export function registerForm({ today, earliest, result, onSaved }) {
  const channel = h('select', {}, CHANNELS.map((c) => opt(c, 'ch.' + c)));
  const rule = h('p', { class: 'rule', id: 'reg-rule', 'aria-live': 'polite' });
  const date = input('date', { max: today, min: earliest, value: today, required: true });
  const type = h('select', {}, opt('person', 'cat.person'), opt('organisation', 'cat.organisation'));
  const f = {
    channel, received_on: date, applicant_type: type,
    name: input('text', { maxlength: 100 }),
    id_type: h('select', {}, ['resident_id', 'passport', 'other'].map((v) => opt(v, 'id.' + v))),
    id_number: input('text', { maxlength: 30, autocomplete: 'off' }),
    org_kind: h('select', {}, opt('', 'reg.pick'), ORG_KINDS.map((v) => opt(v, 'cat.' + v))),
    org_code: input('text', { maxlength: 18 }), legal_rep: input('text', { maxlength: 50 }), contact_name: input('text', { maxlength: 50 }),
    phone: input('tel', { maxlength: 20, autocomplete: 'off' }), email: input('email', { maxlength: 100 }),
    address: input('text', { maxlength: 200 }), postcode: input('text', { maxlength: 6, inputmode: 'numeric' }),
    description: h('textarea', { rows: 3, maxlength: 2000 }), doc_ref: input('text', { maxlength: 200 }),
    form: h('select', {}, opt('paper', 'form.paper'), opt('electronic', 'form.electronic')),
    delivery: h('select', {}, ['mail', 'email', 'pickup'].map((v) => opt(v, 'delivery.' + v))),
    note: h('textarea', { rows: 2, maxlength: 2000 }),
  };
  const scan = input('file', { accept: 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png' });
  const boxes = {};
  for (const [k, c] of Object.entries(f)) boxes[k] = fieldBox(k, c);
  boxes.scan = fieldBox('scan', scan, h('p', { class: 'muted', 'data-i18n': 'reg.scan_note' }, t('reg.scan_note')));
  const err = h('p', { class: 'error form-error', role: 'alert' });
  const personal = ['id_type', 'id_number'];
  const orgOnly = ['org_kind', 'org_code', 'legal_rep', 'contact_name'];
  const sync = () => {
    rule.dataset.i18n = 'rule.' + channel.value;
    rule.textContent = t(rule.dataset.i18n);
    for (const k of personal) boxes[k].hidden = type.value !== 'person';
    for (const k of orgOnly) boxes[k].hidden = type.value !== 'organisation';
  };
  channel.addEventListener('change', sync);
  type.addEventListener('change', sync);
  sync();

  const form = h('form', { id: 'register', class: 'card', novalidate: true },
    h('h2', { 'data-i18n': 'reg.title' }, t('reg.title')),
    h('div', { class: 'reg-grid receipt' }, boxes.channel, boxes.received_on,
      h('div', { class: 'rule-box' }, h('span', { class: 'rule-head', 'data-i18n': 'reg.rule' }, t('reg.rule')), rule)),
    h('h3', { 'data-i18n': 'reg.applicant' }, t('reg.applicant')),
    h('div', { class: 'reg-grid' }, ['applicant_type', 'name', ...personal, ...orgOnly, 'phone', 'email', 'address', 'postcode'].map((k) => boxes[k])),
    h('h3', { 'data-i18n': 'reg.information' }, t('reg.information')),
    h('div', { class: 'reg-grid wide' }, boxes.description),
    h('div', { class: 'reg-grid' }, boxes.doc_ref, boxes.form, boxes.delivery),
    h('div', { class: 'reg-grid wide' }, boxes.note, boxes.scan),
    err, h('button', { type: 'submit', id: 'reg-save', 'data-i18n': 'reg.save' }, t('reg.save')));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const p of $$('.error', form)) p.textContent = '';
    result.replaceChildren();
    const body = {};
    for (const [k, c] of Object.entries(f)) {
      if (!boxes[k].hidden) body[k] = c.value;
    }
    const data = new FormData();
    data.append('request', JSON.stringify(body));
    if (scan.files[0]) data.append('scan', scan.files[0]);
    try {
      const r = await api('POST', '/api/admin/disclosure/requests', data);
      result.append(h('p', { class: 'saved' }, t('reg.saved', { no: r.tracking_no }), ' ',
        h('strong', { id: 'reg-due' }, t('reg.due', { date: r.state.due })), ' ', receiptNote(r)));
      for (const k of ['name', 'id_number', 'org_code', 'legal_rep', 'contact_name', 'phone', 'email', 'address', 'postcode', 'description', 'doc_ref', 'note']) f[k].value = '';
      scan.value = '';
      onSaved(r);
    } catch (e) {
      const list = e.details && e.details.length ? e.details : [e];
      for (const x of list) {
        const p = x.field && $(`[data-field="${x.field}"] .error`, form);
        (p || err).textContent = errorText(x);
      }
    }
  });
  return form;
}
