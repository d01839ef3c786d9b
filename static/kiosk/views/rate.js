// rate: 好差评 (R9): five levels, optional service, reason tags, comment
// and case number; once per visit (the server checks the session).
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi, ensureSession } from '../api.js';
import { register } from '../nav.js';
import { visit } from '../state.js';
import { attach } from '../keyboard.js';
import { config } from '../state.js';
import { choice, field, showErrors, pageHead, button } from '../ui.js';

const STARS = { 5: '★★★★★', 4: '★★★★', 3: '★★★', 2: '★★', 1: '★' };

register('rate', () => {
  const box = h('section', { class: 'form rate' }, pageHead(t('rate.title')));
  if (visit.rated) {
    box.append(h('p', { class: 'done' }, t('rate.once')));
    return { el: box };
  }
  const levels = choice('level', [5, 4, 3, 2, 1].map((l) => [String(l), h('span', {}, h('span', { class: 'stars', 'aria-hidden': 'true' }, STARS[l]), ' ', config.rating_levels[l])]));
  levels.classList.add('levels');
  const services = choice('service', config.rating_services.map((s) => [s, s]));
  const tags = choice('tags', config.rating_tags.map((s) => [s, s]), { multi: true });
  const comment = attach(h('textarea', { rows: 3, maxlength: 500 }), 'zh');
  const caseNo = attach(h('input', { type: 'text', maxlength: 40 }), 'text');
  const err = h('p', { class: 'error form-error', role: 'alert' });
  const submit = async () => {
    if (!levels.value()) { err.textContent = t('rate.pick'); return; }
    try {
      await ensureSession();
      const out = await kapi('POST', '/ratings', {
        level: Number(levels.value()), service: services.value(), tags: tags.value(), comment: comment.value, case_no: caseNo.value,
      });
      visit.rated = true;
      clear(box).append(pageHead(t('rate.thanks')), h('div', { id: 'rate-done' }, h('p', { class: 'done' }, t('rate.thanks')),
        out.followup_due ? h('p', { class: 'followup' }, t('rate.followup', { date: out.followup_due + (out.provisional ? t('common.provisional') : '') })) : null));
    } catch (e) {
      if (e.status === 409) { visit.rated = true; err.textContent = t('rate.once'); return; }
      showErrors(box, e);
    }
  };
  box.append(field('level', t('rate.level'), levels), field('service', t('rate.service'), services), field('tags', t('rate.tags'), tags),
    field('comment', t('rate.comment'), comment), field('case_no', t('rate.case'), caseNo), err, button(t('rate.submit'), submit, 'primary submit'));
  return { el: box };
});
