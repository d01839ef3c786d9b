// suggest: 意见箱: category, text (pinyin keyboard), optional mobile
// (numeric keypad); the tracking number is shown and printable.
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register } from '../nav.js';
import { attach } from '../keyboard.js';
import { config } from '../state.js';
import { receipt } from '../receipt.js';
import { choice, field, showErrors, pageHead, button } from '../ui.js';

register('suggest', () => {
  const box = h('section', { class: 'form suggest' }, pageHead(t('sug.title')));
  const cat = choice('category', config.suggestion_categories.map((c) => [c, t('sug.cat.' + c)]), { value: 'suggestion' });
  const body = attach(h('textarea', { rows: 5, maxlength: 1000 }), 'zh');
  const phone = attach(h('input', { type: 'text', maxlength: 11 }), 'digits');
  const err = h('p', { class: 'error form-error', role: 'alert' });
  const submit = async () => {
    try {
      const rc = await kapi('POST', '/suggestions', { category: cat.value(), body: body.value, phone: phone.value });
      clear(box).append(pageHead(t('sug.done')), receipt(t('sug.title') + ' · ' + t('sug.cat.' + rc.category), [
        [t('receipt.no'), rc.tracking_no], [t('receipt.code'), rc.query_code], [t('receipt.phone'), rc.phone_masked],
      ], t('receipt.keep')));
    } catch (e) {
      showErrors(box, e);
    }
  };
  box.append(field('category', t('sug.category'), cat), field('body', t('sug.body'), body), field('phone', t('sug.phone'), phone),
    err, button(t('sug.submit'), submit, 'primary submit'));
  return { el: box };
});
