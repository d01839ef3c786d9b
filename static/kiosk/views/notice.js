// notice: one notice with its attachments shown in the page, linked
// interpretations, the 公示 end date and working days left, and a service
// guide's structured fields. Content pushes update it in place.
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register, show } from '../nav.js';
import { loading, failed, showUpdated, keepScroll } from '../ui.js';
import { fmtDate } from '/assets/shared/clock.js';
import { icon } from '../icons.js';

const ALLOWED = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'BLOCKQUOTE', 'SPAN', 'DIV', 'IMG', 'A']);

// safeHTML copies the allowed elements and text of server HTML (already
// sanitised there) into fresh nodes: no attributes but same-origin
// images and the cell spans survive, so nothing in it can run.
function safeHTML(html) {
  const doc = new DOMParser().parseFromString(html || '', 'text/html');
  const copy = (node, into) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) into.append(n.textContent);
      else if (n.nodeType === Node.ELEMENT_NODE && ALLOWED.has(n.tagName)) {
        const el = document.createElement(n.tagName === 'A' ? 'span' : n.tagName);
        if (n.tagName === 'IMG') {
          const src = n.getAttribute('src') || '';
          if (!src.startsWith('/')) continue;
          el.setAttribute('src', src);
          el.setAttribute('alt', n.getAttribute('alt') || '');
        }
        for (const a of ['colspan', 'rowspan']) if (n.hasAttribute(a)) el.setAttribute(a, n.getAttribute(a));
        copy(n, el);
        into.append(el);
      } else if (n.nodeType === Node.ELEMENT_NODE) copy(n, into);
    }
  };
  const out = h('div', { class: 'content' });
  copy(doc.body, out);
  return out;
}

function attachment(a) {
  const head = h('h3', {}, icon('clip'), ' ', a.name);
  if (a.content_type.startsWith('image/')) return h('figure', { class: 'attachment' }, head, h('img', { src: a.url, alt: a.name }));
  if (a.content_type === 'application/pdf') return h('figure', { class: 'attachment' }, head, h('iframe', { src: a.url, title: a.name }));
  return h('div', { class: 'attachment' }, head, h('p', { class: 'muted' }, t('notice.nopreview')));
}

function render(n) {
  const period = n.notice_end ? h('p', { class: 'period' }, icon('clock'), ' ', t('notice.period'), '：', n.notice_end, n.notice_end_provisional ? t('common.provisional') : '', '　',
    n.workdays_left > 0 ? h('strong', {}, t('notice.left', { n: n.workdays_left })) : t('notice.ended')) : null;
  return [
    h('h1', { class: 'notice-title' }, n.title),
    h('dl', { class: 'facts' },
      n.index_no ? [h('dt', {}, t('notice.index')), h('dd', {}, n.index_no)] : null,
      h('dt', {}, t('notice.published')), h('dd', {}, fmtDate(n.published_at), n.status === 'expired' ? '（' + t('notice.expired') + '）' : ''),
      n.category ? [h('dt', {}, t('search.category')), h('dd', {}, n.category)] : null),
    period,
    n.fields && n.fields.length ? h('dl', { class: 'guide' }, n.fields.map((f) => [h('dt', {}, f.label), h('dd', {}, f.value)])) : null,
    safeHTML(n.html),
    n.attachments.length ? h('section', { class: 'attachments' }, h('h2', {}, t('notice.attachments')), n.attachments.map(attachment)) : null,
    n.interpretations.length ? h('section', { class: 'interps' }, h('h2', {}, t('notice.interp')),
      n.interpretations.map((l) => h('button', { type: 'button', class: 'row', 'data-notice': l.id, onclick: () => show('notice', { id: l.id }) }, h('span', { class: 'row-title' }, l.title)))) : null,
    // The QR code of the notice's public page (/gk/n/<id>): 6 px a module.
    h('figure', { class: 'qr-box' }, h('img', { src: '/gk/qr/' + n.id + '.svg', alt: t('notice.qr'), width: 222, height: 222 }),
      h('figcaption', {}, t('notice.qr'))),
  ];
}

register('notice', (p) => {
  const box = h('article', { class: 'notice', 'data-id': p.id }, loading());
  const note = h('p', { class: 'withdrawn', role: 'status', hidden: true }, t('notice.withdrawn'));
  const load = async () => {
    const n = await kapi('GET', '/notices/' + p.id);
    clear(box).append(...render(n).filter(Boolean));
  };
  load().catch((e) => clear(box).append(failed(e)));
  return {
    el: h('div', {}, note, box),
    refresh: async (change) => {
      if (change && change.what === 'notice' && change.id !== p.id) return;
      try {
        await keepScroll(load);
        showUpdated();
      } catch (e) {
        // Withdrawn: say so, but leave the text where the reader is.
        note.hidden = false;
      }
    },
  };
});
