// apply: 依申请公开 (R1): the application form of the regulation in four
// steps (applicant, contact, information, form and delivery), then a
// tracking number, the reply deadline and a printable slip. Organisations
// say which kind they are (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他):
// the annual report counts requests by it.
const ORG_KINDS = ['business', 'research', 'public_interest', 'legal_service', 'other'];
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register } from '../nav.js';
import { attach, hide, maskedText } from '../keyboard.js';
import { receipt } from '../receipt.js';
import { choice, field, showErrors, pageHead, button } from '../ui.js';

const STEP_OF = {
  applicant_type: 1, name: 1, id_type: 1, id_number: 1, org_kind: 1, org_code: 1, legal_rep: 1, contact_name: 1, phone: 1,
  address: 2, postcode: 2, email: 2, description: 3, doc_ref: 3, form: 4, delivery: 4,
};

function input(mode, max, rows) {
  return attach(rows ? h('textarea', { rows, maxlength: max }) : h('input', { type: 'text', maxlength: max }), mode);
}

register('apply', () => {
  const f = {
    applicant_type: choice('applicant_type', [['person', t('apply.person')], ['organisation', t('apply.organisation')]], { value: 'person', onchange: () => showStep(1) }),
    name: input('zh', 100), id_type: choice('id_type', ['resident_id', 'passport', 'other'].map((v) => [v, t('apply.id.' + v)]), { value: 'resident_id' }),
    id_number: input('id', 18), org_code: input('text', 18), legal_rep: input('zh', 50), contact_name: input('zh', 50),
    org_kind: choice('org_kind', ORG_KINDS.map((v) => [v, t('apply.org_kind.' + v)])),
    phone: input('digits', 12), address: input('zh', 200, 2), postcode: input('digits', 6), email: input('email', 100),
    description: input('zh', 2000, 5), doc_ref: input('zh', 200),
    form: choice('form', [['paper', t('apply.form.paper')], ['electronic', t('apply.form.electronic')]], { value: 'paper' }),
    delivery: choice('delivery', ['mail', 'email', 'pickup'].map((v) => [v, t('apply.delivery.' + v)]), { value: 'pickup' }),
  };
  const value = (k) => (typeof f[k].value === 'function' ? f[k].value() : f[k].value);
  const fields = {};
  for (const k of Object.keys(f)) fields[k] = field(k, t('field.' + k), f[k]);
  const person = ['name', 'id_type', 'id_number', 'phone'];
  const org = ['name', 'org_kind', 'org_code', 'legal_rep', 'contact_name', 'phone'];
  const steps = { 2: ['address', 'postcode', 'email'], 3: ['description', 'doc_ref'], 4: ['form', 'delivery'] };
  const box = h('section', { class: 'form apply' });
  const body = h('div', { class: 'step' });
  const err = h('p', { class: 'error form-error', role: 'alert' });
  const stepNote = h('p', { class: 'muted step-no' });
  const prev = button(t('apply.prev'), () => showStep(step - 1), 'secondary prev');
  const next = button(t('apply.next'), () => showStep(step + 1), 'primary next');
  const send = button(t('apply.submit'), () => submit(), 'primary submit');
  next.dataset.submit = ''; // what a step's fields are sent on with (reveal.js)
  let step = 1;

  function review() {
    const keys = ['applicant_type', ...(value('applicant_type') === 'person' ? person : org), 'address', 'postcode', 'email', 'description', 'doc_ref', 'form', 'delivery'];
    const shown = (k) => {
      const v = value(k);
      if (k === 'applicant_type') return t('apply.' + v);
      if (k === 'id_type') return t('apply.id.' + v);
      if (k === 'org_kind') return v ? t('apply.org_kind.' + v) : '';
      if (k === 'form') return t('apply.form.' + v);
      if (k === 'delivery') return t('apply.delivery.' + v);
      if (k === 'id_number' && value('id_type') === 'resident_id') return maskedText(v, 18);
      return v;
    };
    return h('dl', { class: 'facts review' }, h('dt', { class: 'review-head' }, t('apply.review')), h('dd', {}),
      keys.filter((k) => shown(k)).map((k) => [h('dt', {}, t('field.' + k)), h('dd', {}, shown(k))]));
  }

  function showStep(n) {
    hide();
    step = Math.min(4, Math.max(1, n));
    const keys = step === 1 ? ['applicant_type', ...(value('applicant_type') === 'person' ? person : org)] : steps[step];
    clear(body).append(...keys.map((k) => fields[k]), ...(step === 4 ? [review()] : []));
    stepNote.textContent = t('apply.step', { n: step });
    prev.hidden = step === 1;
    next.hidden = step === 4;
    send.hidden = step !== 4;
    document.getElementById('view').scrollTop = 0;
  }

  async function submit() {
    const data = {};
    for (const k of Object.keys(f)) data[k] = value(k);
    try {
      const rc = await kapi('POST', '/disclosure', data);
      clear(box).append(pageHead(t('apply.done')), receipt(t('apply.title'), [
        [t('receipt.no'), rc.tracking_no], [t('field.name'), rc.name], [t('receipt.phone'), rc.phone_masked],
        [t('receipt.time'), rc.received_on], [t('receipt.due'), rc.due + (rc.provisional ? t('common.provisional') : '')],
      ], t(rc.provisional ? 'apply.due_note_prov' : 'apply.due_note', { date: rc.due }) + ' ' + t('receipt.keep')));
    } catch (e) {
      const first = (e.details && e.details[0]) || e;
      if (first.field && STEP_OF[first.field]) showStep(STEP_OF[first.field]);
      showErrors(box, e);
    }
  }

  box.append(pageHead(t('apply.title')), stepNote, body, err, h('div', { class: 'buttons' }, prev, next, send));
  showStep(1);
  return { el: box };
});
