// status: look up a suggestion or a disclosure request with its tracking
// number and the last four digits of the phone (or the query code).
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register } from '../nav.js';
import { attach } from '../keyboard.js';
import { choice, field, pageHead, button } from '../ui.js';
import { fmtDate } from '/assets/shared/clock.js';

function result(kind, st) {
  return h('dl', { class: 'facts status-result' },
    h('dt', {}, t('receipt.no')), h('dd', {}, st.tracking_no),
    h('dt', {}, t('receipt.time')), h('dd', {}, fmtDate(st.created_at || st.received_on)),
    h('dt', {}, t('status.state')), h('dd', { class: 'state' }, t('st.' + st.status)),
    kind === 'disclosure' && st.due && !st.closed_on ? [h('dt', {}, t('status.due')), h('dd', {}, st.due + (st.provisional ? t('common.provisional') : ''))] : null,
    st.extended ? [h('dt', {}, ''), h('dd', {}, t('status.extended'))] : null,
    st.outcome_label ? [h('dt', {}, t('status.outcome')), h('dd', {}, st.outcome_label)] : null,
    st.reply ? [h('dt', {}, t('status.reply')), h('dd', { class: 'reply' }, st.reply)] : null);
}

register('status', () => {
  const box = h('section', { class: 'form status' }, pageHead(t('status.title')));
  const kind = choice('kind', [['suggestion', t('status.suggestion')], ['disclosure', t('status.disclosure')]], { value: 'suggestion' });
  const no = attach(h('input', { type: 'text', maxlength: 12 }), 'digits');
  const key = attach(h('input', { type: 'text', maxlength: 4 }), 'digits');
  const out = h('div', { class: 'status-out', 'aria-live': 'polite' });
  const go = async () => {
    clear(out);
    const path = kind.value() === 'disclosure' ? '/disclosure/lookup' : '/suggestions/lookup';
    try {
      const st = await kapi('POST', path, { tracking_no: no.value, key: key.value });
      out.append(result(kind.value(), st));
    } catch (e) {
      const p = e.params || {};
      let msg = t('error.load');
      if (e.status === 404) {
        // Misses count in the hour whatever was found between.
        msg = t('status.notfound') + (p.attempts_left > 0 ? ' ' + t('status.attempts', { n: p.attempts_left }) : p.attempts_left === 0 ? ' ' + t('status.paused') : '');
      } else if (e.status === 429 && p.reason === 'locked') {
        msg = t('status.locked', { n: Math.ceil((p.seconds || 60) / 60) });
      }
      out.append(h('p', { class: 'error', role: 'alert' }, msg));
    }
  };
  box.append(field('kind', t('field.category'), kind), field('tracking_no', t('status.no'), no), field('key', t('status.key'), key),
    button(t('status.go'), go, 'primary submit'), out);
  return { el: box };
});
